"""Awarding badges with PNG baking, and the hosted assertion against an opportunity page.

1. 1,000 calls of award(badge_class, email), each its own transaction: the inline task
   (ImmediateBackend) bakes the PNG and sends the email (locmem) on commit. Prints total
   seconds, awards a second and per-call median/p95; then checks states and emails.
2. GET /badges/assertions/<uuid>/ (application/ld+json) against GET of an opportunity page:
   median of 200 interleaved requests after warm-up, SQL queries each, page/assertion.
3. Signing and verifying one award's Open Badges 3.0 credential: the Data Integrity proof
   (eddsa-rdfc-2022: two RDF canonicalisations and Ed25519) and the VC-JWT (EdDSA), beside the
   Open Badges 2.0 signed assertion (RS256 JWS); median of 100 interleaved runs each, and the
   same credential signed and verified by openbadgeslib (the independent library a site would
   otherwise pick, its Data Integrity and JWT paths, in its own virtualenv), when it is there.
"""

import gc
import io
import json
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import compare, count_queries, percentile, timed_ms  # noqa: E402
from _support.report import check, ratio, took  # noqa: E402

AWARDS = 1_000
REQUESTS = 200
SIGNINGS = 100
WARM_UP = 20
PNG_SIZE = 120  # pixels, as in tests/badges/conftest.py


# -- data ------------------------------------------------------------------------------


def png_bytes(size=PNG_SIZE, colour=(15, 91, 58)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (size, size), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_badge_class(site):
    """A city issuer and a published badge class with a PNG image."""
    from django.core.files.base import ContentFile

    from wagtail_cityoflearning.badges.models import BadgeClass, Issuer

    issuer = Issuer.objects.create(
        name="Mesto učenja Ljubljana",
        url="https://ljubljana.example.org/",
        email="badges@ljubljana.example.org",
        site=site,
    )
    badge = BadgeClass(
        name="Young maker",
        slug="young-maker",
        description="Built something real in a maker space.",
        criteria_narrative="Finish a project in the maker lab and show it to a mentor.",
        issuer=issuer,
        locale=site.root_page.locale,
    )
    badge.image.save("young-maker.png", ContentFile(png_bytes()), save=False)
    badge.save()
    badge.save_revision().publish()
    badge.refresh_from_db()
    return badge


def make_opportunity(provider):
    """One opportunity with two sessions and two interests, created like tests/factories.py."""
    import datetime as dt

    from django.utils import timezone
    from django.utils.html import format_html

    from wagtail_cityoflearning.models import Interest, OpportunityPage, OpportunitySession

    def session(days, hours=2):
        start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
        return OpportunitySession(start=start, end=start + dt.timedelta(hours=hours))

    page = OpportunityPage(
        title="Robotics club",
        slug="robotics-club",
        summary="Build and program robots with friends.",
        opportunity_type="course",
        address="Trubarjeva cesta 1, 1000 Ljubljana",
        location="SRID=4326;POINT(14.5058 46.0513)",
        age_min=13,
        age_max=19,
        languages=["sl", "en"],
        body=[{"type": "paragraph", "value": format_html("<p>{}</p>", "Robots, every week.")}],
    )
    page.sessions = [session(3), session(10)]
    page.interests = list(Interest.objects.order_by("pk")[:2])
    provider.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# -- measuring -------------------------------------------------------------------------


def bench_awards(badge_class) -> dict:
    from django.core import mail

    from wagtail_cityoflearning.badges.awarding import award
    from wagtail_cityoflearning.badges.models import Award

    # Warm-up award (templates, storage, imports); its queries are counted, then it is removed.
    warm, queries = count_queries(lambda: award(badge_class, "warm-up@example.org"))
    warm.refresh_from_db()
    warm_ok = warm.baking_state == warm.notification_state == Award.State.DONE
    if warm.baked_image:
        warm.baked_image.delete(save=False)
    warm.delete()
    mail.outbox = []

    times = []
    gc.collect()
    started = time.perf_counter()
    for n in range(AWARDS):
        times.append(timed_ms(lambda n=n: award(badge_class, f"young{n}@example.org")))
    total = time.perf_counter() - started

    awards = Award.objects.filter(badge_class=badge_class)
    done = awards.filter(baking_state=Award.State.DONE, notification_state=Award.State.DONE)
    emails = len(mail.outbox)
    recipients = {to for message in mail.outbox for to in message.to}
    baked = [a.baked_image for a in awards.order_by("pk")[:1]]
    baked_bytes = baked[0].size if baked and baked[0] else 0
    checks = [
        (f"warm-up award baked and notified ({queries} SQL queries)", warm_ok),
        (f"awards = {awards.count()} (expected {AWARDS})", awards.count() == AWARDS),
        (f"baking_state == notification_state == done: {done.count()}", done.count() == AWARDS),
        (f"emails sent = {emails}, distinct recipients = {len(recipients)}", emails == AWARDS),
        (f"baked PNG of the first award: {baked_bytes:,} bytes", baked_bytes > 0),
    ]
    return {
        "total": total,
        "rate": AWARDS / total,
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "min": min(times),
        "max": max(times),
        "queries": queries,
        "checks": checks,
        "award": awards.order_by("pk")[AWARDS // 2],
    }


def bench_requests(assertion_url, page_url) -> dict:
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    targets = {
        "assertion": (assertion_url, {"HTTP_ACCEPT": "application/ld+json"}),
        "page": (page_url, {"HTTP_ACCEPT": "text/html"}),
    }

    def get(name):
        url, headers = targets[name]
        response = client.get(url, **headers)
        assert response.status_code == 200, (url, response.status_code)
        return response

    info = compare(get, list(targets), runs=REQUESTS, warm_up=WARM_UP)
    document = json.loads(info["assertion"]["response"].content)
    for values in info.values():
        response = values.pop("response")
        values["bytes"] = len(response.content)
        values["type"] = response["Content-Type"]
        values["p95"] = percentile(values["times"], 95)
    info["assertion"]["id"] = document.get("id", "")
    info["assertion"]["json type"] = document.get("type", "")
    return info


def bench_signing(award) -> dict:
    """Median milliseconds to sign and to verify one award's credential, per format."""
    from wagtail_cityoflearning.badges import serializers, signing
    from wagtail_cityoflearning.badges.ob3 import credentials, dataintegrity, did, issue, vcjwt

    issuer = award.badge_class.issuer
    document = credentials.credential_json(award)
    key = issue.signing_key(issuer)
    private, public, method = issue.private_key(key), issue.public_key(key), did.method_id(key)
    rsa_key = issuer.active_key() or signing.generate_key(issuer)
    assertion = serializers.assertion_json(award, key=rsa_key)
    secured = dataintegrity.add_proof(document, private, method)
    token = vcjwt.encode(document, private, method)
    jws = signing.sign(assertion, rsa_key)
    runs = {
        "OB 3.0 Data Integrity, sign": lambda: dataintegrity.add_proof(document, private, method),
        "OB 3.0 Data Integrity, verify": lambda: dataintegrity.verify_proof(secured, public),
        "OB 3.0 VC-JWT, sign": lambda: vcjwt.encode(document, private, method),
        "OB 3.0 VC-JWT, verify": lambda: vcjwt.decode(token, public),
        "OB 2.0 RS256 JWS, sign": lambda: signing.sign(assertion, rsa_key),
        "OB 2.0 RS256 JWS, verify": lambda: signing.verify(jws, rsa_key.public_key_pem),
    }
    checks = [
        ("our Data Integrity proof verifies", dataintegrity.verify_proof(secured, public)),
        ("our VC-JWT verifies", vcjwt.decode(token, public)["jti"] == document["id"]),
    ]
    for run in runs.values():
        run()  # warm-up: pyld's context cache, key objects
    times = {name: [] for name in runs}
    gc.collect()
    for _ in range(SIGNINGS):
        for name, run in runs.items():
            times[name].append(timed_ms(run))
    sizes = {
        "Data Integrity JSON": len(json.dumps(secured, ensure_ascii=False).encode()),
        "VC-JWT": len(token),
        "OB 2.0 JWS": len(jws),
    }
    return {
        "medians": {name: statistics.median(values) for name, values in times.items()},
        "checks": checks,
        "sizes": sizes,
        "secured": secured,
        "token": token,
        "public_pem": key.public_key_pem,
        "private_pem": key.private_key_pem,
        "document": document,
        "method": method,
    }


def bench_alternative(signed: dict) -> dict | None:
    """The same work by openbadgeslib, in its own virtualenv (see tests/badges/ob3_verifier.py)."""
    try:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from tests.badges import ob3_verifier
    except ImportError:
        return None
    return ob3_verifier.benchmark(
        {
            "document": signed["document"],
            "secured": signed["secured"],
            "token": signed["token"],
            "public_pem": signed["public_pem"],
            "private_pem": signed["private_pem"],
            "method": signed["method"],
            "runs": SIGNINGS,
        }
    )


# -- main ------------------------------------------------------------------------------


def main() -> int:
    started = time.perf_counter()
    with environment.throwaway("col-awards-bench-", media=True):
        from django.db import transaction

        mark = time.perf_counter()
        city = filler.fill(0, providers=1)
        with transaction.atomic():
            badge_class = make_badge_class(city.site)
            opportunity = make_opportunity(city.providers[0])
        print(
            f"Site, 1 provider, 1 opportunity, issuer and badge class in "
            f"{time.perf_counter() - mark:.1f} s (badge image: {len(png_bytes()):,} byte PNG, "
            f"{PNG_SIZE}x{PNG_SIZE})"
        )

        print(f"\n1. {AWARDS:,} awards, each its own transaction (bake + email inline)", flush=True)
        awards = bench_awards(badge_class)
        for text, ok in awards["checks"]:
            check(text, ok)
        rows = [
            ("total", f"{awards['total']:.2f}", "s"),
            ("awards per second", f"{awards['rate']:.1f}", ""),
            ("per award, median", f"{awards['median']:.2f}", "ms"),
            ("per award, p95", f"{awards['p95']:.2f}", "ms"),
            ("per award, min", f"{awards['min']:.2f}", "ms"),
            ("per award, max", f"{awards['max']:.2f}", "ms"),
            ("SQL queries, one award", f"{awards['queries']}", "(the warm-up award)"),
        ]
        print()
        for label, value, unit in rows:
            print(f"  {label:<24} {value:>9} {unit}")

        from wagtail_cityoflearning.badges import serializers

        assertion_id = serializers.assertion_id(awards["award"])
        assertion_url = urlsplit(assertion_id).path
        page_url = opportunity.url
        print(
            f"\n2. Hosted assertion against an opportunity page: {WARM_UP} warm-up requests "
            f"each, then the median of {REQUESTS} interleaved",
            flush=True,
        )
        info = bench_requests(assertion_url, page_url)
        ok = info["assertion"]["id"] == assertion_id and info["assertion"]["json type"] == (
            "Assertion"
        )
        check(
            f"assertion JSON: type {info['assertion']['json type']!r}, "
            f"id {info['assertion']['id']}",
            ok,
        )
        print(
            f"\n  {'':<10} {'median ms':>10} {'p95 ms':>8} {'SQL':>5} {'bytes':>8}  "
            f"{'content type':<36} URL"
        )
        for name, url in (("assertion", assertion_url), ("page", page_url)):
            row = info[name]
            print(
                f"  {name:<10} {row['median']:10.2f} {row['p95']:8.2f} {row['queries']:5d} "
                f"{row['bytes']:8,d}  {row['type']:<36} {url}"
            )
        slower = ratio(info["page"]["median"], info["assertion"]["median"])
        print(f"  page / assertion (medians): {slower:.1f}x")

        print(
            f"\n3. Signing and verifying one credential: median of {SIGNINGS} interleaved runs",
            flush=True,
        )
        signed = bench_signing(awards["award"])
        for text, ok in signed["checks"]:
            check(text, ok)
        alternative = bench_alternative(signed)
        other = (alternative or {}).get("medians", {})
        if alternative is None or alternative.get("error"):
            reason = (alternative or {}).get("error") or "its virtualenv is not available"
            print(f"  (openbadgeslib not measured: {reason})")
        for text, ok in (alternative or {}).get("checks", []):
            check(f"openbadgeslib: {text}", ok)
        print(f"\n  {'':<32} {'ours ms':>9} {'openbadgeslib ms':>17} {'theirs/ours':>12}")
        names = list(signed["medians"]) + [n for n in other if n not in signed["medians"]]
        for name in names:
            median = signed["medians"].get(name)
            theirs = other.get(name)
            if median is None:
                print(f"  {name:<32} {'-':>9} {theirs:17.3f}")
                continue
            cells = (
                f"{theirs:17.3f} {ratio(theirs, median):11.1f}x"
                if theirs
                else f"{'-':>17} {'':>12}"
            )
            print(f"  {name:<32} {median:9.3f} {cells}")
        sizes = ", ".join(f"{name} {size:,} bytes" for name, size in signed["sizes"].items())
        print(f"  sizes: {sizes}")
    took("awards.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
