"""The permission matrix: each role of ``matrix.ROLES`` tries each action of ``matrix.ACTIONS``
through the views a person would use, and the outcome must be what the table (and so
``docs/permissions.md``) says.

One test per role builds the install once; each action then runs in a savepoint that is rolled
back, so no action sees another's effects. A failure lists every cell that differs.
"""

import io
import zipfile
from pathlib import Path

import pytest
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tests.access import matrix, world
from wagtail_cityoflearning.badges.endorsement_models import Endorsement
from wagtail_cityoflearning.badges.endorsements import withdraw
from wagtail_cityoflearning.badges.models import Award, ClaimCode
from wagtail_cityoflearning.insight.voice.models import Suggestion
from wagtail_cityoflearning.learners.progress.models import (
    Attendance,
    PlaylistEnrolment,
    StepProgress,
)
from wagtail_cityoflearning.models import OpportunityPage, ProviderPage
from wagtail_cityoflearning.providers.models import Registration
from wagtail_cityoflearning.providers.onboarding import invitations
from wagtail_cityoflearning.providers.onboarding.models import Invitation, ProviderRequest
from wagtail_cityoflearning.providers.settings import ProviderSettings

HOST = {"HTTP_HOST": "localhost"}
LEARNERS = "wagtail_cityoflearning_learners"
REPO = Path(__file__).resolve().parents[2]


def snippet_url(model, view, *args):
    name = f"wagtailsnippets_wagtail_cityoflearning_badges_{model}:{view}"
    return reverse(name, args=[quote(a) for a in args])


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def shows(client, url, text=None) -> bool:
    response = client.get(url, **HOST)
    return response.status_code == 200 and (text is None or text in body(response))


def form_offers(client, url, field, obj) -> bool:
    response = client.get(url, **HOST)
    if response.status_code != 200:
        return False
    return response.context["form"].fields[field].queryset.filter(pk=obj.pk).exists()


def email_of(user):
    return user.email if user is not None else "visitor@example.org"


# -- the actions -------------------------------------------------------------------------------


def page_edit(c, w, user):
    return shows(c, reverse("wagtailadmin_pages:edit", args=[w.opportunity_a.pk]))


def badge_class_list(c, w, user):
    return shows(
        c, snippet_url("badgeclass", "list"), snippet_url("badgeclass", "edit", w.badge_a.pk)
    )


def badge_class_edit(c, w, user):
    return shows(c, snippet_url("badgeclass", "edit", w.badge_a.pk))


def badge_class_history(c, w, user):
    return shows(c, snippet_url("badgeclass", "history", w.badge_a.pk))


def badge_class_delete(c, w, user):
    return shows(c, snippet_url("badgeclass", "delete", w.badge_a.pk))


def badge_class_create(c, w, user):
    return form_offers(c, snippet_url("badgeclass", "add"), "issuer", w.issuer_a)


def issuer_edit(c, w, user):
    return shows(c, snippet_url("issuer", "edit", w.issuer_a.pk))


def award_list(c, w, user):
    return shows(c, reverse("cityoflearning_awards:index"), "maja@example.org")


def award_inspect(c, w, user):
    return shows(
        c, reverse("cityoflearning_awards:inspect", args=[w.award_a.pk]), "maja@example.org"
    )


def award_history(c, w, user):
    return shows(c, reverse("cityoflearning_awards:history", args=[w.award_a.pk]))


def award_usage(c, w, user):
    return shows(c, reverse("cityoflearning_awards:usage", args=[w.award_a.pk]))


def award_export(c, w, user):
    return shows(c, reverse("cityoflearning_awards:index") + "?export=csv", "maja@example.org")


def award_create(c, w, user):
    c.post(
        reverse("cityoflearning_awards:add"),
        {"badge_class": w.badge_a.pk, "recipient_email": "new@example.org", "narrative": ""},
        **HOST,
    )
    return Award.objects.filter(badge_class=w.badge_a, recipient_email="new@example.org").exists()


def award_city_badge(c, w, user):
    c.post(
        reverse("cityoflearning_awards:add"),
        {"badge_class": w.badge_city.pk, "recipient_email": "city@example.org", "narrative": ""},
        **HOST,
    )
    return Award.objects.filter(recipient_email="city@example.org").exists()


def award_bulk(c, w, user):
    c.post(
        reverse("cityoflearning_awards:bulk"),
        {"badge_class": w.badge_a.pk, "rows": "bulk@example.org", "confirm": "1"},
        **HOST,
    )
    return Award.objects.filter(recipient_email="bulk@example.org").exists()


def award_revoke(c, w, user):
    c.post(
        reverse("cityoflearning_awards:edit", args=[w.award_a.pk]),
        {"revocation_reason": "Mistake"},
        **HOST,
    )
    return Award.objects.get(pk=w.award_a.pk).revoked


def award_delete(c, w, user):
    c.post(reverse("cityoflearning_awards:delete", args=[w.award_a.pk]), **HOST)
    return not Award.objects.filter(pk=w.award_a.pk).exists()


def claim_code_list(c, w, user):
    return shows(c, reverse("cityoflearning_claim_codes:index"), w.code_a.code)


def claim_code_print(c, w, user):
    return shows(c, reverse("cityoflearning_claim_codes:print", args=[w.code_a.pk]), w.code_a.code)


def _claim_code_data(badge, label):
    return {"badge_class": badge.pk, "label": label, "max_uses": 5, "active": "on"}


def claim_code_create(c, w, user):
    c.post(
        reverse("cityoflearning_claim_codes:add"), _claim_code_data(w.badge_a, "Made here"), **HOST
    )
    return ClaimCode.objects.filter(label="Made here", badge_class=w.badge_a).exists()


def claim_code_retarget(c, w, user):
    url = reverse("cityoflearning_claim_codes:edit", args=[w.code_a.pk])
    c.post(url, _claim_code_data(w.badge_a2, "Moved"), **HOST)
    return ClaimCode.objects.get(pk=w.code_a.pk).badge_class_id == w.badge_a2.pk


def _endorse(c, user, endorser, badge):
    """Endorse through "Endorse a badge"; True when ``user``'s live endorsement was made."""
    c.post(
        reverse("cityoflearning_endorsements:add"),
        {"endorser": endorser.pk, "badge_class": badge.pk, "comment": "We vouch for it."},
        **HOST,
    )
    return Endorsement.objects.filter(
        endorser=endorser,
        badge_uuid=badge.uuid,
        revoked=False,
        comment="We vouch for it.",
        created_by=user,
    ).exists()


def endorse_as_provider(c, w, user):
    # Provider A already endorses B's badge in the world, and an issuer endorses a badge once
    # at a time: withdrawn first, so that only the role decides.
    withdraw(Endorsement.objects.get(pk=w.endorsement_a.pk))
    return user is not None and _endorse(c, user, w.issuer_a, w.badge_b)


def endorse_as_city(c, w, user):
    return user is not None and _endorse(c, user, w.badge_city.issuer, w.badge_a)


def endorsement_list(c, w, user):
    inspect = reverse("cityoflearning_endorsements:inspect", args=[w.endorsement_a.pk])
    return shows(c, reverse("cityoflearning_endorsements:index"), inspect)


def endorsement_withdraw(c, w, user):
    c.post(reverse("cityoflearning_endorsements:withdraw", args=[w.endorsement_a.pk]), **HOST)
    return Endorsement.objects.get(pk=w.endorsement_a.pk).revoked


def review(c, w, user):
    c.post(
        reverse("cityoflearning_evidence_review:review", args=[w.evidence.pk]),
        {
            "decision": "approve",
            "feedback": "",
            "submission": w.evidence.submitted_at.isoformat(),
        },
        **HOST,
    )
    return StepProgress.objects.get(pk=w.evidence.pk).status == StepProgress.Status.APPROVED


def evidence_file(c, w, user):
    return shows(c, reverse(f"{LEARNERS}:evidence_file", args=[w.evidence.pk]))


def report(c, w, user):
    return shows(c, reverse("cityoflearning_playlist_progress:index"), "Robot builder")


def _participants_url(w, **params):
    url = reverse("cityoflearning_opportunity_participants:index", args=[w.opportunity_a.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def participants(c, w, user):
    return shows(c, _participants_url(w), "Robots")


def participants_lookup(c, w, user):
    response = c.get(_participants_url(w, email="luka%40example.org"), **HOST)
    if response.status_code != 200:
        return False
    return any(row.user.email == "luka@example.org" for row in response.context["participants"])


def attendance(c, w, user):
    maja = w.users["learner"]
    c.post(_participants_url(w), {"participant": maja.pk, "attended": maja.pk}, **HOST)
    return Attendance.objects.filter(user=maja, opportunity=w.opportunity_a).exists()


def _registrations_url(w, **params):
    url = reverse("cityoflearning_registrations:index", args=[w.opportunity_a.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def registrations(c, w, user):
    return shows(c, _registrations_url(w), "maja@example.org")


def registrations_export(c, w, user):
    response = c.get(_registrations_url(w, export="csv"), **HOST)
    return response.status_code == 200 and "maja@example.org" in body(response)


def register(c, w, user):
    if user is not None:
        Registration.objects.filter(user=user, opportunity=w.opportunity_a).delete()
    c.post(reverse("wagtail_cityoflearning_providers:register", args=[w.opportunity_a.pk]), **HOST)
    return (
        user is not None
        and Registration.objects.filter(
            user=user, opportunity=w.opportunity_a, status=Registration.Status.REGISTERED
        ).exists()
    )


def start_playlist(c, w, user):
    if user is not None:
        PlaylistEnrolment.objects.filter(user=user, playlist=w.playlist_a).delete()
    c.post(w.playlist_a.url + w.playlist_a.reverse_subpage("start"), **HOST)
    return (
        user is not None
        and PlaylistEnrolment.objects.filter(
            user=user, playlist=w.playlist_a, started_at__isnull=False
        ).exists()
    )


def claim(c, w, user):
    email = email_of(user)
    c.post(
        reverse("wagtail_cityoflearning_badges:claim", args=[w.code_a.code]),
        {"email": email},
        **HOST,
    )
    return Award.objects.filter(badge_class=w.badge_a, recipient_email__iexact=email).exists()


def learner_playlist_edit(c, w, user):
    return shows(c, reverse(f"{LEARNERS}:playlist_edit", args=[w.learner_playlist.pk]), "My robots")


def learner_playlist_submit(c, w, user):
    c.post(reverse(f"{LEARNERS}:playlist_submit", args=[w.learner_playlist.pk]), **HOST)
    w.learner_playlist.refresh_from_db()
    return w.learner_playlist.submitted_page_id is not None


def _zip_body(response) -> bytes:
    return b"".join(response.streaming_content)


SHEETS = "wagtail_cityoflearning_spreadsheets"


def opportunity_import(c, w, user):
    sheet = io.BytesIO(
        b"Title,Summary,Interests,Ongoing,Mode,Address,Latitude,Longitude\n"
        b"Matrix robots,Build one.,Music,yes,In person,Trubarjeva 1,46.05,14.5\n"
    )
    sheet.name = "sheet.csv"
    response = c.post(
        reverse(f"{SHEETS}:index"), {"file": sheet, "provider": w.provider_a.pk}, **HOST
    )
    if response.status_code != 302:
        return False
    c.post(response["Location"] + "import/", **HOST)
    return w.provider_a.get_children().filter(title="Matrix robots").exists()


def opportunity_export(c, w, user):
    url = reverse(f"{SHEETS}:export", args=["csv"]) + f"?provider={w.provider_a.pk}"
    return shows(c, url, w.opportunity_a.title)


def data_export(c, w, user):
    response = c.post(reverse(f"{LEARNERS}:data_download"), **HOST)
    if response.status_code != 200 or response.get("Content-Type") != "application/zip":
        return False
    with zipfile.ZipFile(io.BytesIO(_zip_body(response))) as z:
        return "maja@example.org" in z.read("data.json").decode()


def _submit_for_city_review(w):
    """Ljubljana reviews providers' edits; provider A's staff submit their opportunity."""
    settings = ProviderSettings.for_site(w.ljubljana["site"])
    settings.review_provider_edits = True
    settings.save()
    page = OpportunityPage.objects.get(pk=w.opportunity_a.pk)
    page.title = "Robots and drones"
    page.save_revision(user=w.users["provider_staff"])
    page.get_workflow().start(page, w.users["provider_staff"])
    return page


def city_review_queue(c, w, user):
    _submit_for_city_review(w)
    return shows(c, reverse("cityoflearning_city_review:index"), "Robots and drones")


def city_review_approve(c, w, user):
    page = _submit_for_city_review(w)
    state = page.current_workflow_task_state
    c.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]),
        {"comment": "Fine"},
        **HOST,
    )
    return OpportunityPage.objects.get(pk=page.pk).title == "Robots and drones"


def provider_home(c, w, user):
    return shows(c, reverse("cityoflearning_provider_home:home", args=[w.provider_a.pk]), "Robots")


def _provider_request(w):
    return ProviderRequest.objects.create(
        site=w.ljubljana["site"],
        organisation="Science club",
        contact_name="Eva",
        email="eva@science.example.org",
        address="Kongresni trg 1, Ljubljana",
        offer="Experiments on Fridays.",
    )


def provider_request_list(c, w, user):
    _provider_request(w)
    return shows(c, reverse("cityoflearning_provider_requests:index"), "Science club")


def provider_request_approve(c, w, user):
    item = _provider_request(w)
    c.post(
        reverse("cityoflearning_provider_requests:decide", args=[item.pk]),
        {"decision": "approve", "message": ""},
        **HOST,
    )
    return ProviderPage.objects.filter(title="Science club").exists()


def _staff_url(w):
    return reverse("cityoflearning_provider_staff:staff", args=[w.provider_a.pk])


def provider_staff_screen(c, w, user):
    return shows(c, _staff_url(w), "staff-a@example.org")


def provider_staff_invite(c, w, user):
    c.post(_staff_url(w), {"email": "colleague@example.org"}, **HOST)
    return Invitation.objects.filter(email="colleague@example.org").exists()


def provider_staff_cancel(c, w, user):
    invitation, _token = invitations.invite(
        "pending@example.org", w.provider_a, invited_by=None, send=False
    )
    c.post(_staff_url(w), {"action": "cancel", "invitation": invitation.pk}, **HOST)
    return not Invitation.objects.filter(pk=invitation.pk).exists()


def provider_staff_remove(c, w, user):
    colleague = get_user_model().objects.create_user("colleague-a", "colleague-a@example.org")
    colleague.groups.add(invitations.staff_group(w.provider_a))
    c.post(
        reverse(
            "cityoflearning_provider_staff:remove_member", args=[w.provider_a.pk, colleague.pk]
        ),
        **HOST,
    )
    return not colleague.groups.exists()


def _insight(c, site, provider=None, **more):
    query = {"city": site.pk, "provider": provider.pk if provider else "", **more}
    return c.get(reverse("cityoflearning_insight:index"), query, **HOST)


def _insight_shows(response, who) -> bool:
    scope = response.context.get("scope") if response.status_code == 200 else None
    return scope is not None and body(response).count(who) > 0 and scope.provider is not None


def insight_provider(c, w, user):
    response = _insight(c, w.ljubljana["site"], w.provider_a)
    return _insight_shows(response, "Maker lab") and (
        response.context["scope"].provider.pk == w.provider_a.pk
    )


def insight_provider_download(c, w, user):
    response = _insight(c, w.ljubljana["site"], w.provider_a, download="supply-price", format="csv")
    return response.status_code == 200 and response["Content-Type"].startswith("text/csv")


def insight_city(c, w, user):
    response = _insight(c, w.ljubljana["site"])
    if response.status_code != 200 or response.context.get("scope") is None:
        return False
    scope = response.context["scope"]
    return scope.is_city and scope.site.pk == w.ljubljana["site"].pk


def insight_other_provider(c, w, user):
    response = _insight(c, w.ljubljana["site"], w.provider_b)
    return _insight_shows(response, "Youth centre") and (
        response.context["scope"].provider.pk == w.provider_b.pk
    )


def insight_other_city(c, w, user):
    response = _insight(c, w.cagliari["site"])
    if response.status_code != 200 or response.context.get("scope") is None:
        return False
    return response.context["scope"].site.pk == w.cagliari["site"].pk


def _suggestion(w, **kwargs):
    return Suggestion.objects.create(
        site=w.ljubljana["site"],
        text="Robotics for girls after school",
        created_on=timezone.localdate(),
        **kwargs,
    )


def _triage_url(item):
    return reverse("cityoflearning_suggestions:triage", args=[item.pk])


def suggest(c, w, user):
    cache.clear()  # each role's suggestion counts against the same address
    c.post(
        reverse("wagtail_cityoflearning_insight:suggest"),
        {"kind": "learn", "text": "A film club in Moste"},
        **HOST,
    )
    return Suggestion.objects.filter(text="A film club in Moste").exists()


def suggestion_list(c, w, user):
    _suggestion(w, status=Suggestion.Status.FORWARDED, provider=w.provider_a)
    return shows(c, reverse("cityoflearning_suggestions:index"), "Robotics for girls after school")


def suggestion_open(c, w, user):
    item = _suggestion(w, status=Suggestion.Status.FORWARDED, provider=w.provider_a)
    return shows(c, _triage_url(item), "Robotics for girls after school")


def suggestion_forward(c, w, user):
    item = _suggestion(w)
    c.post(_triage_url(item), {"action": "forward", "forward-provider": w.provider_a.pk}, **HOST)
    item.refresh_from_db()
    return item.status == Suggestion.Status.FORWARDED


def suggestion_draft(c, w, user):
    item = _suggestion(w)
    c.post(_triage_url(item), {"action": "draft", "draft-provider": w.provider_a.pk}, **HOST)
    return w.provider_a.get_children().filter(title="Robotics for girls after school").exists()


def suggestion_decline(c, w, user):
    item = _suggestion(w, status=Suggestion.Status.FORWARDED, provider=w.provider_a)
    c.post(_triage_url(item), {"action": "decline", "decline-note": ""}, **HOST)
    item.refresh_from_db()
    return item.status == Suggestion.Status.DECLINED


PERFORM = {key: globals().get(key) for key, *_ in matrix.ACTIONS}


# -- the tests ---------------------------------------------------------------------------------


def test_every_action_of_the_table_is_tried():
    assert all(callable(perform) for perform in PERFORM.values())
    assert len({key for key, *_ in matrix.ACTIONS}) == len(matrix.ACTIONS)


@pytest.mark.parametrize("role", [key for key, _ in matrix.ROLES])
def test_the_role_may_do_exactly_what_the_table_says(role, client, db, media_root):
    w = world.build()
    user = w.users[role]
    if user is not None:
        client.force_login(user)
    wrong = []
    for key, _group, label, allowed in matrix.ACTIONS:
        with transaction.atomic():
            done = PERFORM[key](client, w, user)
            transaction.set_rollback(True)
        if done != (role in allowed):
            wrong.append(f"{key} ({label}): {'allowed' if done else 'refused'}")
    assert not wrong, f"{role} differs from the table:\n" + "\n".join(wrong)


def test_docs_permissions_is_written_from_the_table():
    page = (REPO / "docs" / "permissions.md").read_text(encoding="utf-8")
    assert page == matrix.render_markdown(), "run `make permissions-doc`"
