"""The package's code-level settings: one namespaced dict, ``WAGTAIL_CITYOFLEARNING``.

Per-city values that editors change (map centre, tiles, timezone, contact) live in
:class:`~wagtail_cityoflearning.models.CityOfLearningSettings` instead.

Usage::

    from wagtail_cityoflearning.conf import cityoflearning_settings
    cityoflearning_settings.BASE_TEMPLATE
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

SETTING_NAME = "WAGTAIL_CITYOFLEARNING"

DEFAULTS = {
    # The template every public page extends: it uses {% cityoflearning_head %} and has the
    # blocks the package's templates fill (checks.BASE_TEMPLATE_BLOCKS; docs/templates.md).
    "BASE_TEMPLATE": "wagtail_cityoflearning/base.html",
    # Default tile server, used when a site's settings leave the tile URL empty.
    "DEFAULT_TILE_URL": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "DEFAULT_TILE_ATTRIBUTION": (
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
    ),
    # Default map centre (lat, lng) for sites whose settings leave it unset.
    "DEFAULT_MAP_CENTRE": (46.0511, 14.5051),
    # ISO 4217 currency of prices, written into schema.org offers.
    "CURRENCY": "EUR",
    # Geocoder the admin's address field uses to find the point of an address, as a
    # wagtailgeowidget geocoder name ("nominatim", "mapbox", ...). None: no lookups, so the
    # admin contacts no outside service; editors pick the point on the map.
    "GEOCODER": None,
    # How many upcoming opportunities a provider page lists.
    "PROVIDER_UPCOMING_LIMIT": 24,
    # How many next sessions an opportunity page shows.
    "OPPORTUNITY_SESSIONS_SHOWN": 6,
    # Languages an opportunity can be held in: (code, label).
    "LANGUAGES": [
        ("sl", _("Slovenian")),
        ("it", _("Italian")),
        ("en", _("English")),
        ("de", _("German")),
        ("fr", _("French")),
        ("es", _("Spanish")),
        ("hr", _("Croatian")),
        ("sc", _("Sardinian")),
        ("uk", _("Ukrainian")),
        ("ar", _("Arabic")),
    ],
    # Cache (an alias in CACHES) and lifetime of the map feeds; they are also invalidated
    # whenever an opportunity or provider is published, unpublished, moved or deleted.
    "MAP_CACHE": "default",
    "MAP_CACHE_SECONDS": 3600,
    # Cache (an alias in CACHES) and lifetime of what serving a page keeps between requests
    # (which page an address leads to, the Site of each host, each Site's languages and
    # settings, the language switcher, the site menu, the dashboard's suggestions and
    # playlist cards, hosted badge assertions); also invalidated whenever a page or one of
    # its own rows is saved, published, unpublished, moved or deleted, a snippet or an image
    # is saved or deleted, or a Site, a locale or a site setting changes (an assertion: its
    # award, evidence, badge class, issuer or key).
    "PAGE_CACHE": "default",
    "PAGE_CACHE_SECONDS": 3600,
    # Results per page in the map's list.
    "MAP_PAGE_SIZE": 20,
    # Product identifier written into generated iCalendar files.
    "ICAL_PRODID": "-//wagtail-cityoflearning//EN",
    # Where learners' evidence files are kept: an alias in STORAGES, required (``check``
    # reports it missing). Keep it outside MEDIA_ROOT: evidence has no public URL and is
    # served only to the learner and the playlist's reviewers.
    "EVIDENCE_STORAGE": "cityoflearning_evidence",
    # Largest evidence file, in bytes, and the file types accepted as files and as photos.
    "EVIDENCE_MAX_BYTES": 10 * 1024 * 1024,
    "EVIDENCE_FILE_EXTENSIONS": ["pdf", "txt", "odt", "docx", "odp", "pptx", "ods", "xlsx", "zip"],
    "EVIDENCE_PHOTO_EXTENSIONS": ["jpg", "jpeg", "png", "webp", "gif"],
    # How long a parent's or guardian's consent link stays valid, in days.
    "CONSENT_LINK_DAYS": 14,
    # How long an invitation to join a provider's staff stays valid, in days.
    "PROVIDER_INVITATION_DAYS": 14,
    # "Become a learning provider": how many requests one address may send within
    # PROVIDER_REQUEST_WINDOW_SECONDS (counted in the default cache, like the claim codes).
    "PROVIDER_REQUEST_MAX_PER_ADDRESS": 5,
    "PROVIDER_REQUEST_WINDOW_SECONDS": 3600,
    # "Suggest an opportunity": how many suggestions one address may send within
    # SUGGESTION_WINDOW_SECONDS (counted in the default cache under a keyed hash of the address).
    # The default suits a class sending suggestions from one school network; raise it if needed.
    "SUGGESTION_MAX_PER_ADDRESS": 20,
    "SUGGESTION_WINDOW_SECONDS": 3600,
    # Searches on the map counted for the city's insight: at most SEARCH_LOG_MAX_PER_ADDRESS
    # per address within SEARCH_LOG_WINDOW_SECONDS (beyond that the map answers, the search is
    # not counted), and never from a user agent that is empty or contains one of these words
    # (lower case).
    "SEARCH_LOG_MAX_PER_ADDRESS": 30,
    "SEARCH_LOG_WINDOW_SECONDS": 3600,
    "SEARCH_LOG_IGNORED_AGENTS": [
        "bot",
        "crawl",
        "spider",
        "slurp",
        "preview",
        "externalhit",
        "curl",
        "wget",
        "python-requests",
    ],
    # Claim codes: how many wrong codes one browser (a signed cookie on the claim page, with
    # its address) may try, how many one address may try whatever its browsers (a ceiling
    # for clients that drop the cookie; a school behind one address shares it), and how many
    # claims one existing code takes, all within CLAIM_WINDOW_SECONDS. Counted in the
    # default cache, which must be shared by all processes (e.g. Redis) for the limits to hold.
    "CLAIM_CLIENT_MAX_FAILURES": 10,
    "CLAIM_ADDRESS_MAX_FAILURES": 200,
    "CLAIM_CODE_MAX_ATTEMPTS": 300,
    "CLAIM_WINDOW_SECONDS": 600,
    # The public badge verifier (badges/verify/). Whether it may contact other issuers' sites
    # to check their badges' signatures and revocation; off, it shows what such a badge claims
    # and says what could not be checked (this site's own badges are always checked, from its
    # records). On, it fetches over https only (http too when DEBUG), never from a private,
    # loopback, link-local or reserved address (nor after a redirect), each request within
    # BADGES_VERIFY_FETCH_TIMEOUT seconds and BADGES_VERIFY_FETCH_MAX_BYTES bytes, at most
    # BADGES_VERIFY_FETCH_MAX_REQUESTS requests for one badge.
    "BADGES_VERIFY_FETCH": False,
    "BADGES_VERIFY_FETCH_TIMEOUT": 5,
    "BADGES_VERIFY_FETCH_MAX_BYTES": 512 * 1024,
    "BADGES_VERIFY_FETCH_MAX_REQUESTS": 8,
    # How many badges one address may check within BADGES_VERIFY_WINDOW_SECONDS (counted in
    # the default cache under a keyed hash of the address).
    "BADGES_VERIFY_MAX_PER_ADDRESS": 60,
    "BADGES_VERIFY_WINDOW_SECONDS": 600,
    # Playlists and opportunities recommended on a learner's dashboard.
    "RECOMMENDATIONS_SHOWN": 6,
    # Playlists each section of a learner's dashboard (in progress, saved, completed) shows,
    # the most recent first (as many as the badges it shows: a phone's screen or two); a link
    # leads to all of them.
    "DASHBOARD_PLAYLISTS_SHOWN": 4,
    # The size of the coverage map's hexagons: an H3 resolution, 0 (continents) to 15 (a few
    # square metres); 8 is about 0.7 km², a few streets. Lowered for a city too large for it.
    "INSIGHT_H3_RESOLUTION": 8,
}


class CityOfLearningSettings:
    """Attribute access to ``WAGTAIL_CITYOFLEARNING`` with :data:`DEFAULTS` filled in."""

    def __init__(self, defaults=None):
        self.defaults = defaults or DEFAULTS
        self._cached = set()

    @property
    def user_settings(self):
        if not hasattr(self, "_user_settings"):
            self._user_settings = getattr(settings, SETTING_NAME, {})
        return self._user_settings

    def __getattr__(self, attr):
        if attr not in self.defaults:
            raise AttributeError(f"Invalid {SETTING_NAME} setting: {attr!r}")
        value = self.user_settings.get(attr, self.defaults[attr])
        self._cached.add(attr)
        setattr(self, attr, value)
        return value

    def reload(self):
        for attr in self._cached:
            delattr(self, attr)
        self._cached.clear()
        if hasattr(self, "_user_settings"):
            delattr(self, "_user_settings")


cityoflearning_settings = CityOfLearningSettings(DEFAULTS)


@receiver(setting_changed)
def reload_settings(*, setting, **kwargs):
    if setting == SETTING_NAME:
        cityoflearning_settings.reload()
