"""Hostile input on every public route and form answers with a page, a redirect or a 4xx:
never a server error, and never with the visitor's markup sent back unescaped.

Thousands of generated requests (huge, negative and overflowing numbers and dates, unicode,
NUL, quotes, full-text search syntax, markup, repeated and array parameters, odd headers)
go through Django's test client to the map and its feeds, the pages, the badge verification
and claim routes, the learners' pages (anonymous and signed in), the account pages and the
API. ``FUZZ_REQUESTS`` sets how many (half from a fixed seed, half from a new random one);
``FUZZ_SEED`` replays a seed a failure reported. See docs/development.md.
"""

import os
import random
import time
import urllib.parse
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, Phase, given, seed
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from wagtail_cityoflearning.badges.models import IssuerKey

FUZZ_REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "3400"))
FUZZ_ROUTES = os.environ.get("FUZZ_ROUTES", "")  # only routes whose name contains this
FIXED_SEED = 20261204
MARKER = "<x-fuzz-"  # sent as <x-fuzz-NNN>; must never come back as markup
JSON_TYPES = ("application/json", "application/geo+json", "application/ld+json")

pytestmark = pytest.mark.django_db(transaction=True)


# -- hostile values ---------------------------------------------------------------------------

NASTY = [
    "", " ", "0", "-0", "-1", "00000000000000000001", "1.5", "1e308", "1e309", "-1e309",
    "1e-400", "1e99999999", "nan", "NaN", "inf", "-inf", "Infinity", "0x1F", "1_000",
    str(2**31), str(2**63 - 1), str(2**63), str(2**64), str(-(2**63) - 1), "9" * 40, "²", "٣",
    "9999-12-31", "9999-12-30", "0001-01-01", "0000-00-00", "10000-01-01", "2026-02-30",
    "9999-12-31T23:59:59", "31.12.9999", "-2026-01-01", "2026-13-01",
    "\x00", "a\x00b", "%00", "\r\n", "\t", "\x1b[31m", "\u202e", "\ufeff", "\u200b",
    "İ", "ß", "ǅ", "😀", "👩🏽‍💻", "زرد", "日本語", "\U0010fffd",
    '"', "'", "''", '""', "`", "\\", '\\"', "a\"b", "\"unterminated", "'; DROP TABLE x; --",
    "' OR '1'='1", "*", "a*", "^a", "a OR", "AND", "NOT a", "NEAR(a b)", "title:a", "(", ")",
    "a -b", "+a", "{", "[]", "%", "_", "%25", "%%", "{{ 7|add:7 }}", "{% debug %}", "${7*7}",
    "../../etc/passwd", "/", "//evil.example/", "https://evil.example/", "javascript:alert(1)",
    "data:text/html,x", "@evil.example", "x@y", "a@b.c", "maja@example.org",
    "<script>alert(1)</script>", "<svg onload=alert(1)>", "&lt;", "&#60;", "<!--", "]]>",
    "1,2,3,4", "14,46,14.1,46.1", "-180,-90,180,90", "nan,nan,nan,nan", ",,,", "1;2",
    "on", "off", "true", "false", "None", "null", "undefined", "[]", "{}", '{"a": 1}',
]  # fmt: skip

EXTRA_NAMES = [
    "interest[]", "type[]", "q[]", "page", "format", "callback", "next", "csrfmiddlewaretoken",
    "__proto__", "", "a\x00b", "😀", "x" * 300,
]  # fmt: skip

COMMON_ACCEPT = [
    "*/*", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "application/json", "application/ld+json", "image/avif,image/webp,*/*",
]  # fmt: skip
ACCEPT = [
    "*/*", "text/html", "application/json", "application/ld+json", "application/geo+json",
    "text/calendar", "image/png", "image/svg+xml", "", "garbage", "text/html;q=NaN",
    "application/json;q=2, text/html;q=-1", "*/*;q=0", ";;;,,,", "text/*, application/*",
    "application/ld+json; profile=\"https://w3id.org/openbadges/v2\"", "x" * 2000,
]  # fmt: skip

SYNTAX = "\"'`*^():-+<>&;%\\/?#=[]{} ab\x00"  # search, URL, SQL and markup syntax
LATIN1 = st.characters(max_codepoint=255, exclude_categories=["Cs"])


@st.composite
def markup(draw):
    return f"{MARKER}{draw(st.integers(0, 999))}>"


def hostile_value():
    return st.one_of(
        st.sampled_from(NASTY),
        markup(),
        st.integers(-(2**70), 2**70).map(str),
        st.dates().map(lambda d: d.isoformat()),
        st.dates().map(lambda d: f"{d:%d.%m.%Y}"),
        st.floats().map(repr),
        st.text(max_size=30),
        st.text(max_size=12).flatmap(lambda t: markup().map(lambda m: t + m + t)),
        st.integers(200, 3000).map(lambda n: "x" * n),
        st.text(alphabet=SYNTAX, min_size=1, max_size=12),
    )


# -- the routes ---------------------------------------------------------------------------


@dataclass
class Route:
    name: str
    path: str  # may hold {} where a generated path segment goes
    params: list[str] = field(default_factory=list)
    method: str = "GET"  # GET, POST or ANY
    host: str = "localhost"
    segment: list[str] = field(default_factory=list)  # real values for the {} in path


MAP_PARAMS = [
    "q", "interest", "age", "when", "date_from", "date_to", "free", "mode", "language", "type",
    "provider", "lat", "lng", "radius", "ongoing", "bbox", "sort", "page",
]  # fmt: skip
API_PARAMS = [
    "search", "search_operator", "type", "fields", "limit", "offset", "order", "child_of",
    "descendant_of", "locale", "translation_of", "slug", "id", "show_in_menus", "html_path",
]  # fmt: skip
PROFILE = ["display_name", "year_of_birth", "guardian_email", "interests", "preferred_language"]
SIGNUP = ["email", "password1", "password2", *PROFILE[:-2], "preferred_language"]
SUGGESTION = [
    "kind", "text", "interest", "where", "when", "age_band", "place_name", "place_address",
    "place_website", "homepage",
]  # fmt: skip


def routes(world) -> list[Route]:
    found = []
    for city in world["cities"]:
        host = city["site"].hostname
        base = city["map"].url_path[len(city["home"].url_path) - 1 :]
        for sub in ("", "geojson/", "providers/", "ics/", ""):  # the list twice: most filters
            found.append(Route(f"map {sub}", base + sub, MAP_PARAMS, host=host))
        found.append(Route("map subpath", base + "{}/", MAP_PARAMS, host=host))
        pages = [city["home"], city["provider"], *city["opportunities"]]
        paths = [page.url_path[len(city["home"].url_path) :] for page in pages]
        found.append(Route("page", "/{}", ["q", "page"], "ANY", host=host, segment=paths))
        found.append(Route("no such page", "/{}/", ["q"], host=host))
    playlist, steps = world["playlist"], world["playlist"].step_list
    base = playlist.url
    found += [
        Route("playlist index", world["playlist_index"].url, ["page", "q"]),
        Route("playlist", base, ["q"]),
        Route("playlist start", base + "start/", ["next"], "ANY"),
        Route("playlist save", base + "save/", ["saved", "next"], "ANY"),
        Route(
            "playlist step",
            base + "steps/{}/",
            ["text", "link", "file", "next"],
            "ANY",
            segment=[step.id for step in steps],
        ),
    ]
    badges = world["badges"]
    uuids = {
        "issuers/{}/": [world["issuer"].uuid],
        "issuers/{}/revocations/": [world["issuer"].uuid],
        "keys/{}/": list(IssuerKey.objects.values_list("uuid", flat=True)),
        "classes/{}/": [b.uuid for b in badges],
        "classes/{}/image/": [b.uuid for b in badges],
        "assertions/{}/": [world["award"].uuid],
        "assertions/{}/image/": [world["award"].uuid],
    }
    for path, values in uuids.items():
        segment = [str(value) for value in values]
        found.append(Route("badges " + path, "/badges/" + path, ["email", "v"], segment=segment))
    code = world["claim_code"].code
    found += [
        Route("claim start", "/badges/claim/", ["code"], "ANY"),
        Route("claim", "/badges/claim/{}/", ["email"], "ANY", segment=[code, code.lower()]),
        Route("claim", "/badges/claim/{}/", ["email"], "POST", segment=[code]),
    ]
    own, shared = world["own_playlist"], world["shared_playlist"]
    found += [
        Route("dashboard", "/learning/", ["page"]),
        Route("backpack", "/learning/badges/", ["page"]),
        Route("backpack download", "/learning/badges/download/", ["format"]),
        Route("profile", "/learning/profile/", PROFILE, "ANY"),
        Route("consent resend", "/learning/consent/resend/", [], "ANY"),
        Route(
            "consent",
            "/learning/consent/{}/",
            ["confirm", "decision"],
            "ANY",
            segment=[world["consent_token"]],
        ),
        Route("data", "/learning/data/", [], "ANY"),
        Route("delete account", "/learning/delete/", ["password", "revoke_badges"], "ANY"),
        Route("evidence", "/learning/evidence/{}/", [], segment=[str(world["evidence"].pk)]),
        Route("learner playlists", "/learning/playlists/", ["page"]),
        Route(
            "learner playlist new",
            "/learning/playlists/new/",
            ["title", "description", "shared"],
            "ANY",
        ),
        Route(
            "learner playlist",
            "/learning/playlists/{}/",
            ["action", "title", "description", "shared", "opportunity", "step", "q"],
            "ANY",
            segment=[str(own.pk), str(shared.pk)],
        ),
        Route(
            "learner playlist delete",
            "/learning/playlists/{}/delete/",
            [],
            "GET",
            segment=[str(own.pk)],
        ),
        Route(
            "learner playlist submit",
            "/learning/playlists/{}/submit/",
            [],
            "ANY",
            segment=[str(own.pk), str(shared.pk)],
        ),
        Route(
            "shared playlist",
            "/learning/shared/{}/",
            [],
            segment=[str(shared.share_token), str(own.share_token)],
        ),
        Route("login", "/accounts/login/", ["login", "password", "remember", "next"], "ANY"),
        Route("signup", "/accounts/signup/", SIGNUP, "ANY"),
        Route("password reset", "/accounts/password/reset/", ["email"], "ANY"),
        Route("set language", "/i18n/setlang/", ["language", "next"], "POST"),
        Route("api pages", "/api/v2/pages/", API_PARAMS),
        Route("api pages", "/api/v2/pages/", ["search", "type", "fields", "limit", "offset"]),
        Route("api search", "/api/v2/pages/", ["search", "search_operator"]),
        Route(
            "api page",
            "/api/v2/pages/{}/",
            ["fields", "type"],
            segment=[str(world["cities"][0]["opportunities"][0].pk)],
        ),
        Route("api find", "/api/v2/pages/find/", ["html_path", "site"]),
        Route("suggest", "/voice/suggest/", SUGGESTION, "ANY"),
        Route("suggest", "/voice/suggest/", ["interest", "age", "age_band"]),
        Route("suggestion sent", "/voice/suggest/sent/", []),
        Route(
            "interested",
            "/voice/interested/{}/",
            ["next"],
            "ANY",
            segment=[str(o.pk) for o in world["cities"][0]["opportunities"]],
        ),
    ]
    return found


def valid_values(world) -> dict[str, list[str]]:
    """Values that pass validation, so that requests also reach the code behind the forms."""
    ljubljana, cagliari = world["cities"]
    own = world["own_playlist"]
    return {
        "q": ["robots", "Robotics club", "choir"],
        "interest": list(ljubljana["interests"]) + list(cagliari["interests"])[:2],
        "age": ["14", "20"],
        "when": ["today", "weekend", "week"],
        "date_from": ["2026-01-01", "2030-06-01"],
        "date_to": ["2026-12-31", "2030-06-30"],
        "free": ["on"],
        "mode": ["online", "in_person"],
        "language": ["sl", "en", "it"],
        "type": ["course", "volunteering", "wagtail_cityoflearning.OpportunityPage"],
        "provider": [str(city["provider"].pk) for city in world["cities"]],
        "lat": ["46.05"],
        "lng": ["14.5"],
        "radius": ["5", "50"],
        "ongoing": ["exclude"],
        "bbox": ["14,45.5,15,46.5"],
        "sort": ["soonest", "nearest", "newest", "title"],
        "page": ["1", "2"],
        "email": [world["learner"].email, "ana@example.org"],
        "login": [world["learner"].email],
        "code": [world["claim_code"].code],
        "action": ["details", "add_opportunity", "add_step", "move_up", "move_down", "remove"],
        "title": ["Weekend makers"],
        "step": [str(pk) for pk in own.steps.values_list("pk", flat=True)],
        "opportunity": [str(o.pk) for o in ljubljana["opportunities"]],
        "display_name": ["Maja"],
        "year_of_birth": ["2008", "2015"],
        "preferred_language": ["sl", "en"],
        "password1": ["a-long-passphrase-42"],
        "password2": ["a-long-passphrase-42"],
        "next": ["/map/", "/learning/"],
        "fields": ["*", "title,summary", "-title", "_,id"],
        "order": ["title", "-title", "random", "id"],
        "limit": ["1", "20"],
        "child_of": [str(ljubljana["index"].pk)],
        "text": ["My answer"],
        "link": ["https://example.org/my-app"],
        "saved": ["0", "1"],
        "shared": ["on"],
        "kind": ["learn", "place"],
        "where": ["anywhere", "online", "Moste"],
        "age_band": ["13-15", "19-24"],
        "place_website": ["https://example.org/club"],
    }


# -- one request --------------------------------------------------------------------------


class Fuzzer:
    def __init__(self, world):
        self.routes = [route for route in routes(world) if FUZZ_ROUTES in route.name]
        self.valid = valid_values(world)
        self.anonymous = Client()
        self.learner = Client()
        self.learner.force_login(world["learner"])
        self.count = 0
        self.statuses: dict[tuple, int] = {}
        self.seconds: dict[str, float] = {}

    def value(self, data, name, mode):
        """A value for the parameter ``name``: valid, hostile or either, as ``mode`` says;
        now and then several (a repeated parameter)."""
        valid = self.valid.get(name)
        if valid and mode == "valid":
            one = st.sampled_from(valid)
        elif valid and mode == "mixed":
            one = st.one_of(st.sampled_from(valid), hostile_value())
        else:
            one = hostile_value()
        repeat = data.draw(st.sampled_from([False, False, False, True]), label="repeated")
        if repeat:
            return data.draw(st.lists(one, min_size=2, max_size=4), label=name)
        return data.draw(one, label=name)

    def segment(self, data, route, mode):
        """The generated part of a path: a real id, code or token, or a hostile one."""
        if route.segment and mode != "hostile":
            return data.draw(st.sampled_from(route.segment), label="segment")
        value = data.draw(hostile_value(), label="segment")
        return urllib.parse.quote(value, safe="") or "-"

    def request(self, data):
        route = data.draw(st.sampled_from(self.routes), label="route")
        mode = data.draw(st.sampled_from(["valid", "mixed", "mixed", "hostile"]), label="mode")
        path = route.path
        if "{}" in path:
            path = path.replace("{}", self.segment(data, route, mode))
        names = data.draw(st.lists(st.sampled_from(route.params or ["q"]), unique=True))
        if mode == "hostile":
            names += data.draw(st.lists(st.sampled_from(EXTRA_NAMES), max_size=2))
        params = {name: self.value(data, name, mode) for name in names}
        method = route.method
        if method == "ANY":
            method = data.draw(st.sampled_from(["GET", "POST", "HEAD", "PUT", "DELETE"]))
        client = data.draw(st.sampled_from([self.anonymous, self.learner]), label="client")
        headers = {
            "HTTP_HOST": route.host,
            "HTTP_ACCEPT": data.draw(
                st.sampled_from(COMMON_ACCEPT)
                if mode != "hostile"
                else st.one_of(st.sampled_from(ACCEPT), st.text(LATIN1, max_size=40)),
                label="accept",
            ),
            "HTTP_ACCEPT_LANGUAGE": data.draw(
                st.one_of(
                    st.sampled_from(["sl", "it", "en", "", "*", "xx-YY;q=x"]), st.text(LATIN1)
                ),
                label="language",
            ),
        }
        extra = data.draw(
            st.dictionaries(
                st.sampled_from(
                    [
                        "HTTP_X_REQUESTED_WITH",
                        "HTTP_IF_NONE_MATCH",
                        "HTTP_IF_MODIFIED_SINCE",
                        "HTTP_REFERER",
                        "HTTP_RANGE",
                        "HTTP_X_FORWARDED_FOR",
                    ]
                ),  # fmt: skip
                st.one_of(
                    st.sampled_from(
                        ["cityoflearning-map", '"abc"', "*", "Thu, 01 Jan 9999 00:00:00 GMT"]
                    ),
                    st.text(LATIN1, max_size=30),
                ),
                max_size=2,
            ),
            label="headers",
        )
        headers.update(extra)
        started = time.perf_counter()
        if method == "GET":
            response = client.get(path, params, **headers)
        elif method == "HEAD":
            response = client.head(path, params, **headers)
        elif method == "POST":
            encoding = data.draw(st.sampled_from(["multipart", "urlencoded", "json", "raw"]))
            if encoding == "multipart":
                response = client.post(path, params, **headers)
            elif encoding == "urlencoded":
                body = urllib.parse.urlencode(params, doseq=True)
                content_type = "application/x-www-form-urlencoded"
                response = client.post(path, body, content_type=content_type, **headers)
            elif encoding == "json":
                response = client.post(path, params, content_type="application/json", **headers)
            else:
                body = data.draw(st.binary(max_size=200), label="body")
                content_type = data.draw(
                    st.sampled_from(["multipart/form-data; boundary=x", "text/plain", "x/y"])
                )
                response = client.post(path, body, content_type=content_type, **headers)
        elif method == "PUT":
            response = client.put(path, urllib.parse.urlencode(params, doseq=True), **headers)
        else:
            response = client.delete(path, **headers)
        self.count += 1
        self.seconds[route.name] = self.seconds.get(route.name, 0) + time.perf_counter() - started
        key = (route.name, method, response.status_code)
        self.statuses[key] = self.statuses.get(key, 0) + 1
        self.check(route, method, path, params, response)
        if self.count % 25 == 0:
            cache.clear()  # rate limits and cached feeds: later requests reach the code again

    def check(self, route, method, path, params, response):
        where = f"{method} {path} {params!r}"
        assert response.status_code < 500, f"{response.status_code} for {where}"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        response.close()
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in JSON_TYPES:
            text = body.decode("utf-8", "replace")
            assert MARKER not in text, f"markup sent back unescaped ({content_type}) for {where}"


@pytest.mark.parametrize("kind", ["fixed seed", "random seed"])
def test_hostile_requests_get_an_answer_and_no_markup_back(world, kind):
    if kind == "fixed seed":
        chosen = FIXED_SEED
    else:
        chosen = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))
    print(f"fuzz {kind}: FUZZ_SEED={chosen}")
    fuzzer = Fuzzer(world)

    @seed(chosen)
    @settings_for(FUZZ_REQUESTS // 2)
    @given(st.data())
    def run(data):
        fuzzer.request(data)

    try:
        run()
    except BaseException as error:
        error.add_note(
            f"Fuzz seed {chosen} ({kind}). Reproduce with: FUZZ_SEED={chosen} "
            f"FUZZ_REQUESTS={FUZZ_REQUESTS} FUZZ_ROUTES='{FUZZ_ROUTES}' "
            "python -m pytest tests/security/test_fuzz.py -k random"
        )
        raise
    assert fuzzer.count >= FUZZ_REQUESTS // 2, fuzzer.count
    print(f"fuzz {kind}: {fuzzer.count} requests")
    for (name, method, status), number in sorted(fuzzer.statuses.items()):
        print(f"  {name:28} {method:6} {status}: {number}")
    for name, seconds in sorted(fuzzer.seconds.items(), key=lambda item: -item[1])[:12]:
        print(f"  {name:28} {seconds:.1f} s")


def settings_for(examples):
    return hypothesis_settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=False,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )
