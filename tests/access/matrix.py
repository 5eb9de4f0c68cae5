"""The permission matrix: every role of a City of Learning times every action the package adds.

One table, two uses: ``tests/access/test_matrix.py`` performs each action as each role against
the install of ``tests/access/world.py`` and checks the outcome, and
``scripts/render_permissions.py`` writes ``docs/permissions.md`` from it, so the documentation
says exactly what the tests prove.

Each action targets what belongs to provider A in Ljubljana, or, for a learner's own things,
to the learner Maja of Ljubljana.
"""

ROLES = [
    ("anonymous", "Anonymous visitor"),
    ("learner", "Learner (Maja, Ljubljana)"),
    ("other_learner", "Another learner of Ljubljana"),
    ("consent_pending", "Learner awaiting a guardian's consent"),
    ("other_city_learner", "Learner of Cagliari, 14, on Ljubljana's site"),
    ("provider_staff", "Provider A's staff"),
    ("other_provider_staff", "Provider B's staff (Ljubljana)"),
    ("city_editor", "Ljubljana's city editor"),
    ("other_city_editor", "Cagliari's city editor"),
    ("superuser", "Superuser"),
]

A_STAFF = {"provider_staff", "city_editor", "superuser"}
ALL_LEARNERS_WHO_MAY_STORE = {"learner", "other_learner"}
EVERYONE_WHO_MAY_STORE = ALL_LEARNERS_WHO_MAY_STORE | {
    "anonymous",
    "provider_staff",
    "other_provider_staff",
    "city_editor",
    "other_city_editor",
    "superuser",
}

# (key, group, what is tried, roles that may)
ACTIONS = [
    ("page_edit", "Pages", "Edit provider A's opportunity page", A_STAFF),
    ("badge_class_list", "Badges", "See provider A's badge in the list of badges", A_STAFF),
    ("badge_class_edit", "Badges", "Open provider A's badge for editing", A_STAFF),
    ("badge_class_history", "Badges", "See the history of provider A's badge", A_STAFF),
    (
        "badge_class_delete",
        "Badges",
        "Reach the delete page of provider A's badge",
        {"city_editor", "superuser"},
    ),
    ("badge_class_create", "Badges", "Create a badge with provider A as its issuer", A_STAFF),
    ("issuer_edit", "Badges", "Edit provider A's issuer profile", A_STAFF),
    ("award_list", "Awards", "See the recipient of provider A's award in the awards list", A_STAFF),
    ("award_inspect", "Awards", "Inspect provider A's award (recipient's email)", A_STAFF),
    ("award_history", "Awards", "See the history of provider A's award", A_STAFF),
    ("award_usage", "Awards", "See the usage of provider A's award", A_STAFF),
    ("award_export", "Awards", "Export the awards list (CSV) with provider A's recipient", A_STAFF),
    ("award_create", "Awards", "Award provider A's badge", A_STAFF),
    (
        "award_city_badge",
        "Awards",
        "Award Ljubljana's own city badge",
        {"city_editor", "superuser"},
    ),
    ("award_bulk", "Awards", "Bulk-award provider A's badge", A_STAFF),
    ("award_revoke", "Awards", "Revoke provider A's award", A_STAFF),
    (
        "award_delete",
        "Awards",
        "Delete provider A's award (awards are revoked, never deleted)",
        set(),
    ),
    ("claim_code_list", "Claim codes", "See provider A's claim code in the list", A_STAFF),
    ("claim_code_print", "Claim codes", "Print provider A's claim code", A_STAFF),
    ("claim_code_create", "Claim codes", "Create a claim code for provider A's badge", A_STAFF),
    (
        "claim_code_retarget",
        "Claim codes",
        "Point provider A's claim code at another badge of A",
        A_STAFF,
    ),
    (
        "endorse_as_provider",
        "Endorsements",
        "Endorse provider B's badge as provider A",
        {"provider_staff", "superuser"},  # a city editor endorses only as the city
    ),
    (
        "endorse_as_city",
        "Endorsements",
        "Endorse provider A's badge as Ljubljana",
        {"city_editor", "superuser"},
    ),
    (
        "endorsement_list",
        "Endorsements",
        "See provider A's endorsement of provider B's badge in the list",
        {"provider_staff", "other_provider_staff", "city_editor", "superuser"},
    ),
    (
        "endorsement_withdraw",
        "Endorsements",
        "Withdraw provider A's endorsement",
        {"provider_staff", "superuser"},  # only who gave it
    ),
    ("review", "Learning", "Approve evidence sent to provider A's playlist", A_STAFF),
    (
        "evidence_file",
        "Learning",
        "Download Maja's evidence file on provider A's playlist",
        A_STAFF | {"learner"},
    ),
    ("report", "Learning", "See provider A's playlist in the progress report", A_STAFF),
    ("participants", "Learning", "Open the participants of provider A's opportunity", A_STAFF),
    (
        "participants_lookup",
        "Learning",
        "Find a learner who took part with provider A by email",
        A_STAFF,
    ),
    (
        "attendance",
        "Learning",
        "Confirm a learner's attendance at provider A's opportunity",
        A_STAFF,
    ),
    (
        "city_review_queue",
        "Providers",
        "See provider A's page waiting in the City review queue",
        {"city_editor", "superuser"},
    ),
    (
        "city_review_approve",
        "Providers",
        "Approve provider A's page in the City review",
        {"city_editor", "superuser"},
    ),
    ("provider_home", "Providers", "Open provider A's home in the admin", A_STAFF),
    (
        "registrations",
        "Learning",
        "See who registered for provider A's opportunity",
        A_STAFF,
    ),
    (
        "registrations_export",
        "Learning",
        "Export the registrations for provider A's opportunity (CSV)",
        A_STAFF,
    ),
    (
        "register",
        "Learners",
        "Register for provider A's opportunity on Ljubljana's site",
        ALL_LEARNERS_WHO_MAY_STORE,
    ),
    (
        "start_playlist",
        "Learners",
        "Start provider A's playlist on Ljubljana's site",
        ALL_LEARNERS_WHO_MAY_STORE,
    ),
    (
        "claim",
        "Learners",
        "Claim provider A's badge with its claim code on Ljubljana's site",
        EVERYONE_WHO_MAY_STORE,
    ),
    (
        "opportunity_import",
        "Pages",
        "Import a spreadsheet row as an opportunity of provider A",
        A_STAFF,
    ),
    ("opportunity_export", "Pages", "Export provider A's opportunities as a spreadsheet", A_STAFF),
    ("learner_playlist_edit", "Learners", "Edit Maja's own playlist", {"learner"}),
    (
        "learner_playlist_submit",
        "Learners",
        "Send Maja's own playlist to the city for publishing",
        {"learner"},
    ),
    ("data_export", "Learners", "Download Maja's data", {"learner"}),
    (
        "provider_request_list",
        "Providers",
        "See a request to become a provider in Ljubljana in the list of requests",
        {"city_editor", "superuser"},
    ),
    (
        "provider_request_approve",
        "Providers",
        "Approve a request to become a provider in Ljubljana",
        {"city_editor", "superuser"},
    ),
    ("provider_staff_screen", "Providers", "Open the staff screen of provider A", A_STAFF),
    ("provider_staff_invite", "Providers", "Invite someone to provider A's staff", A_STAFF),
    (
        "provider_staff_cancel",
        "Providers",
        "Cancel an invitation to provider A's staff",
        A_STAFF,
    ),
    ("provider_staff_remove", "Providers", "Remove a member of provider A's staff", A_STAFF),
    (
        "insight_provider",
        "Insight",
        "See provider A's figures on the City insight dashboard",
        A_STAFF,
    ),
    (
        "insight_provider_download",
        "Insight",
        "Download a table of provider A's figures (CSV)",
        A_STAFF,
    ),
    (
        "insight_city",
        "Insight",
        "See Ljubljana's figures for the whole city",
        {"city_editor", "superuser"},
    ),
    (
        "insight_other_provider",
        "Insight",
        "See provider B's figures",
        {"other_provider_staff", "city_editor", "superuser"},
    ),
    ("insight_other_city", "Insight", "See Cagliari's figures", {"other_city_editor", "superuser"}),
    (
        "suggest",
        "Youth voice",
        "Send a suggestion on Ljubljana's site (anonymous)",
        {key for key, _label in ROLES},
    ),
    (
        "suggestion_list",
        "Youth voice",
        "See a suggestion forwarded to provider A in the list of suggestions",
        A_STAFF,
    ),
    (
        "suggestion_open",
        "Youth voice",
        "Open a suggestion forwarded to provider A",
        A_STAFF,
    ),
    (
        "suggestion_forward",
        "Youth voice",
        "Forward a new suggestion of Ljubljana to provider A",
        {"city_editor", "superuser"},
    ),
    (
        "suggestion_draft",
        "Youth voice",
        "Turn a suggestion of Ljubljana into an opportunity draft of provider A",
        {"city_editor", "superuser"},
    ),
    (
        "suggestion_decline",
        "Youth voice",
        "Decline a suggestion forwarded to provider A",
        {"city_editor", "superuser"},
    ),
]


def render_markdown() -> str:
    """``docs/permissions.md``: the matrix as tables, one per group of actions."""
    lines = [
        "# Permissions",
        "",
        "<!-- Written by scripts/render_permissions.py from tests/access/matrix.py: edit those,",
        "then run `make permissions-doc`. The test suite fails when this page is out of date. -->",
        "",
        "Who may do what. Each role is tried on each action by the permission matrix test",
        "(`tests/access/test_matrix.py`) against an install of two cities (Ljubljana and",
        "Cagliari) and three providers; this page is written from the same table, so it says",
        "exactly what the tests prove. Every action targets something of **provider A in",
        "Ljubljana**, or, for a learner's own things, of the learner **Maja**.",
        "",
        f"{len(ROLES)} roles × {len(ACTIONS)} actions = {len(ROLES) * len(ACTIONS)} checks.",
        "",
        "## The roles",
        "",
        "| Role | Who it is |",
        "|---|---|",
    ]
    who = {
        "anonymous": "Not logged in.",
        "learner": "A young person with an account and a profile on Ljubljana's site.",
        "other_learner": "Another young person of Ljubljana.",
        "consent_pending": "Below Ljubljana's age of digital consent; the guardian has not "
        "confirmed yet.",
        "other_city_learner": "Signed up in Cagliari (age of consent 14), acting on Ljubljana's "
        "site (15) without a guardian's confirmation for it.",
        "provider_staff": "In the group `cityoflearning_roles` makes for provider A.",
        "other_provider_staff": "In provider B's group (same city).",
        "city_editor": "In the Ljubljana editors' group.",
        "other_city_editor": "In the Cagliari editors' group.",
        "superuser": "A Wagtail superuser.",
    }
    for key, label in ROLES:
        lines.append(f"| {label} | {who[key]} |")
    short = {
        "anonymous": "Anon.",
        "learner": "Maja",
        "other_learner": "Learner",
        "consent_pending": "No consent",
        "other_city_learner": "Cagliari learner",
        "provider_staff": "Staff A",
        "other_provider_staff": "Staff B",
        "city_editor": "Editor LJ",
        "other_city_editor": "Editor CA",
        "superuser": "Super",
    }
    groups = []
    for _key, group, _label, _allowed in ACTIONS:
        if group not in groups:
            groups.append(group)
    for group in groups:
        lines += ["", f"## {group}", ""]
        lines.append("| Action | " + " | ".join(short[key] for key, _ in ROLES) + " |")
        lines.append("|---|" + "|".join(":-:" for _ in ROLES) + "|")
        for _key, action_group, label, allowed in ACTIONS:
            if action_group != group:
                continue
            cells = ["✓" if role in allowed else "–" for role, _ in ROLES]
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "✓ allowed, – refused (404 for an object outside one's scope, 403 for an action one's",
        "role lacks, the log-in page for visitors, a message and nothing stored for learners",
        "who may not store anything on that site yet).",
        "",
        "## How it is enforced",
        "",
        'One module, `wagtail_cityoflearning.access`, answers "which objects may this user',
        "reach\" as querysets, from Wagtail's page permissions: a user's cities are the Sites",
        "whose root page they may edit, their providers the provider pages they may edit. An",
        "issuer belongs to its city or provider; badges, awards and claim codes to their issuer.",
        "Every view the package adds filters with it at the source: lists, exports, choosers,",
        "object views (edit, inspect, history, usage, delete, revisions), bulk actions, the",
        "award, bulk-award and claim-code forms, review, participants, the progress report,",
        "the City review queue and the provider's home. Approving in the City review is",
        "Wagtail's workflow: only the city's editors' group approves its city's task.",
        "The same scopes are registered as Wagtail permission policies, so Wagtail's own snippet",
        "views and bulk actions ask them too.",
        "",
        "Groups grant the actions. `manage.py cityoflearning_roles` creates a group of city",
        "editors for each Site and a group of staff for each provider, with these permissions:",
        "",
        "- city editors: add, edit and publish pages under the Site's root page; add, change and",
        "  view issuers; add, change, delete, publish and view badges; add, change (revoke) and",
        "  view awards; add, change, delete and view claim codes; add, change (withdraw) and",
        "  view endorsements; add, change, delete and view their city's places (the map's",
        '  "near" filter);',
        "- provider staff: add, edit and publish pages under their provider page; change and view",
        "  issuers; add, change, publish and view badges; add, change (revoke) and view awards;",
        "  add, change, delete and view claim codes; add, change (withdraw) and view",
        "  endorsements.",
        "",
        "Interests are one vocabulary for the whole install: whoever has the interest",
        "permissions edits them for every city. The badge chooser of a playlist's steps lists",
        "every badge, whoever issues it: a playlist may ask for any badge (badges are public",
        "documents); choosing one changes nothing about it.",
        "",
    ]
    return "\n".join(lines)
