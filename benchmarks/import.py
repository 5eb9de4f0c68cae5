"""Importing opportunities from a spreadsheet against adding them one by one in the admin.

1. The sheet: a CSV of N opportunities with 3 sessions each, uploaded through the admin's
   "Import opportunities" (read, every row checked, kept for the preview) and imported (every
   row checked again, then each page created and published: a city editor's import). Timed
   separately, at N = 100 and N = 1,000, with the SQL queries of each step and per row.
2. The same file imported again: every row unchanged, nothing saved.
3. The alternative a user would pick: the admin's "Add opportunity page" form, posted with
   Django's test client (the form's own checks, the page, its revision and publishing) for
   50 opportunities like the sheet's rows; the median per opportunity is multiplied by N
   (extrapolated, not measured, at N = 100 and 1,000).

Target: N = 1,000 validated and imported in under 60 s, and the same number of queries per
row at N = 100 and at N = 1,000.

Run: make bench  (or .venv/bin/python benchmarks/import.py from the repository root)
"""

import csv
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _support import environment  # noqa: E402 (needs the line above)
from _support import fill as filler  # noqa: E402
from _support.measure import timed_ms  # noqa: E402
from _support.report import check, ratio, took, verdict  # noqa: E402

SIZES = (100, 1_000)
FORM_SAMPLE = 50
TARGET_SECONDS = 60
HEADERS = [
    "External id", "Title", "Summary", "Type", "Interests", "Sessions", "Mode", "Address",
    "Latitude", "Longitude", "Minimum age", "Maximum age", "Free", "Languages",
]  # fmt: skip


def count_queries(run):
    """``run()``'s result and its number of SQL queries, counted as they run (Django's query
    log keeps only the last 9,000, and an import of 1,000 rows makes many more)."""
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        result = run()
    return result, count


def sheet(n: int, prefix: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for i in range(n):
        day = 1 + i % 27
        writer.writerow(
            [
                f"{prefix}-{i}",
                f"Robotics club {prefix} {i}",
                "Build and program a small robot with friends.",
                "Course or workshop",
                "Science and technology, Digital skills",
                "\n".join(f"2027-0{m}-{day:02d} 16:00-17:30" for m in (2, 3, 4)),
                "In person",
                "Trubarjeva cesta 1, Ljubljana",
                f"{46.05 + i % 100 / 10000:.4f}",
                "14.5060",
                "13",
                "18",
                "yes",
                "sl, en",
            ]
        )
    return ("\ufeff" + out.getvalue()).encode()


def upload(client, content: bytes, provider):
    from django.urls import reverse

    file = io.BytesIO(content)
    file.name = "opportunities.csv"
    url = reverse("wagtail_cityoflearning_spreadsheets:index")
    response = client.post(url, {"file": file, "provider": provider.pk})
    assert response.status_code == 302, response.content[:2000]
    return response["Location"]


def bench_sheet(client, provider, n: int, prefix: str) -> dict:
    from wagtail_cityoflearning.models import OpportunityPage

    content = sheet(n, prefix)
    info = {}
    started = time.perf_counter()
    preview_url, info["upload queries"] = count_queries(lambda: upload(client, content, provider))
    info["upload s"] = time.perf_counter() - started

    def preview():
        response = client.get(preview_url)
        assert response.status_code == 200
        return response

    mark = time.perf_counter()
    response, info["preview queries"] = count_queries(preview)
    info["preview s"] = time.perf_counter() - mark
    info["check s"] = info["upload s"] + info["preview s"]
    info["check queries"] = info["upload queries"] + info["preview queries"]
    counts = response.context["counts"]

    def commit():
        result = client.post(preview_url + "import/")
        assert result.status_code == 302, result.content[:2000]

    mark = time.perf_counter()
    _result, info["import queries"] = count_queries(commit)
    info["import s"] = time.perf_counter() - mark
    info["total s"] = time.perf_counter() - started
    info["import ms/row"] = info["import s"] * 1000 / n
    info["created"] = OpportunityPage.objects.filter(external_id__startswith=f"{prefix}-").count()
    info["live"] = (
        OpportunityPage.objects.live().filter(external_id__startswith=f"{prefix}-").count()
    )
    info["counts"] = counts

    # 2. again: nothing changed
    mark = time.perf_counter()
    again_url, info["again queries"] = count_queries(lambda: upload(client, content, provider))
    again = client.get(again_url)
    info["again counts"] = again.context["counts"]
    client.post(again_url + "import/")
    info["again s"] = time.perf_counter() - mark
    return info


def form_data(provider, interests, i: int) -> dict:
    data = {
        "title": f"Robotics club form {i}",
        "slug": f"robotics-club-form-{i}",
        "summary": "Build and program a small robot with friends.",
        "opportunity_type": "course",
        "interests": [interest.pk for interest in interests],
        "skills": "",
        "body-count": "0",
        "registration_questions-count": "0",
        "is_ongoing": "",
        "registration_deadline": "",
        "mode": "in_person",
        "address": "Trubarjeva cesta 1, Ljubljana",
        "location": "SRID=4326;POINT(14.5060 46.0514)",
        "online_url": "",
        "age_min": "13",
        "age_max": "18",
        "is_free": "on",
        "price": "",
        "languages": ["sl", "en"],
        "capacity": "",
        "registration_url": "",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "accessibility": "",
        "sessions-TOTAL_FORMS": "3",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "",
        "action-publish": "action-publish",
    }
    day = 1 + i % 27
    for n, month in enumerate((2, 3, 4)):
        data[f"sessions-{n}-start"] = f"2027-0{month}-{day:02d} 16:00"
        data[f"sessions-{n}-end"] = f"2027-0{month}-{day:02d} 17:30"
        data[f"sessions-{n}-ORDER"] = str(n + 1)
        data[f"sessions-{n}-id"] = ""
        data[f"sessions-{n}-DELETE"] = ""
    return data


def bench_form(client, provider, interests) -> dict:
    from django.urls import reverse

    from wagtail_cityoflearning.models import OpportunityPage

    url = reverse(
        "wagtailadmin_pages:add",
        args=["wagtail_cityoflearning", "opportunitypage", provider.pk],
    )
    # Other apps add inline panels of their own (e.g. the badges an opportunity earns): post
    # them empty, as a person adding no such rows does.
    empty = {}
    for prefix in client.get(url).context["form"].formsets:
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS"):
            empty[f"{prefix}-{name}"] = "0"
        empty[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    times, queries = [], []
    for i in range(FORM_SAMPLE + 2):

        def post(i=i):
            response = client.post(url, {**empty, **form_data(provider, interests, i)})
            if response.status_code != 302:
                form = response.context.get("form") if response.context else None
                raise AssertionError(form.errors if form is not None else response.status_code)
            return response

        if i < 2:  # warm-up
            post()
            continue
        _result, count = count_queries(post)
        queries.append(count)
        times.append(timed_ms(lambda i=i + 1000: post(i)))
    live = OpportunityPage.objects.live().filter(title__startswith="Robotics club form").count()
    return {
        "median ms": statistics.median(times),
        "queries": statistics.median(queries),
        "live": live,
        "posted": 2 + 2 * FORM_SAMPLE,
    }


def main() -> int:
    started = time.perf_counter()
    with environment.throwaway("col-import-bench-"):
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.test.utils import setup_test_environment

        from wagtail_cityoflearning.models import Interest

        setup_test_environment()  # responses carry their template context, as in the tests
        mark = time.perf_counter()
        city = filler.fill(0, providers=3)
        print(f"Site and 3 providers in {time.perf_counter() - mark:.1f} s")
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
        client = Client(HTTP_HOST="localhost")
        client.force_login(admin)

        # Warm-up: the first request of a session fills caches (the site, its settings).
        client.get(upload(client, sheet(1, "warm-up"), city.providers[0]))
        results = {}
        for size, provider in zip(SIZES, city.providers, strict=False):
            print(f"\n1-2. A sheet of {size:,} rows, 3 sessions each", flush=True)
            info = results[size] = bench_sheet(client, provider, size, f"s{size}")
            check(
                f"{info['counts']['create']} rows to create in the preview, "
                f"{info['created']} pages created, {info['live']} live (expected {size})",
                info["created"] == info["live"] == info["counts"]["create"] == size,
            )
            check(
                f"imported again: {info['again counts']['unchanged']} unchanged, "
                f"{info['again counts']['update']} changed",
                info["again counts"]["unchanged"] == size,
            )

        interests = list(Interest.objects.filter(slug__in=["science-technology", "digital-skills"]))
        print(
            f"\n3. The admin's add-page form, {FORM_SAMPLE} opportunities posted "
            "(median per opportunity, then x N: extrapolated)",
            flush=True,
        )
        form = bench_form(client, city.providers[2], interests)
        check(
            f"{form['live']} pages live after {form['posted']} posts",
            form["live"] == form["posted"],
        )

        print(
            f"\n  {'rows':>6} {'check s':>9} {'import s':>9} {'sheet s':>8} {'SQL/row':>8}"
            f" {'again s':>8} {'form s (x N)':>13} {'SQL/row':>8} {'form/sheet':>11}"
        )
        for size, info in results.items():
            per_row = (info["check queries"] + info["import queries"]) / size
            form_seconds = form["median ms"] * size / 1000
            print(
                f"  {size:6,d} {info['check s']:9.2f} {info['import s']:9.2f} "
                f"{info['total s']:8.2f} {per_row:8.1f} {info['again s']:8.2f} "
                f"{form_seconds:13.2f} {form['queries']:8.0f} "
                f"{ratio(form_seconds, info['total s']):10.2f}x"
            )
        small, large = (results[size] for size in SIZES)
        per_row = [(r["check queries"] + r["import queries"]) / n for n, r in results.items()]
        print(
            f"\n  upload + import of {SIZES[-1]:,} rows under {TARGET_SECONDS} s: "
            f"{large['total s']:.1f} s  {verdict(large['total s'] < TARGET_SECONDS)}"
        )
        print(
            f"  SQL queries per row constant ({per_row[0]:.2f} at {SIZES[0]}, "
            f"{per_row[1]:.2f} at {SIZES[1]:,}; the upload's fixed queries shrink per row): "
            f"{verdict(abs(per_row[0] - per_row[1]) < 1)}"
        )
        print(
            f"  checking (upload and preview): {small['check queries']} queries at {SIZES[0]}, "
            f"{large['check queries']} at {SIZES[1]:,} (the same for the whole sheet): "
            f"{verdict(small['check queries'] == large['check queries'])}"
        )
    took("import.py", started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
