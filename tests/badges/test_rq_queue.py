"""The background work for awards on a real Redis server, done by a real RQ worker.

The worker is another process, so nothing here uses the test database of pytest-django:
every step runs in a process of its own with ``tests.rq_settings``, on a shared SQLite file,
with uploads and emails in files. Without ``redis-server`` the tests skip, unless
``REQUIRE_REDIS=1`` is set (as in CI), then they fail.
"""

import email
import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from collections import Counter
from importlib.util import find_spec
from pathlib import Path

import pytest

from wagtail_cityoflearning.badges import baking

REPO = Path(__file__).resolve().parents[2]
MANAGE = str(REPO / "example_site" / "manage.py")
# Quits as soon as its queue is empty (see tests/rq_worker.py).
WORKER_CLASS = "tests.rq_worker.Worker"
RESULT = "RESULT "
MAIL_SEPARATOR = b"-" * 79  # what Django's file email backend writes after each message
BULK_SIZE = 200
WORKER_RUNS_AFTER = 20  # a worker finishes the first awards of the bulk award ...
REDIS_STOPS_AFTER = 50  # ... the jobs queued after them are lost when Redis stops here


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A redis-server of the test's own, without persistence: a restart starts it empty."""

    def __init__(self, executable, port, directory):
        self.executable, self.port, self.directory = executable, port, directory
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        log = open(self.directory / "redis.log", "ab")  # noqa: SIM115 (the server keeps it)
        self.process = subprocess.Popen(
            [self.executable, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no", "--dir", str(self.directory)],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        log.close()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (self.directory / "redis.log").read_text()
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(64).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        self.stop()
        pytest.fail(f"redis-server did not answer on port {self.port}")

    def stop(self):
        """Stop the server abruptly, as in an outage (and at teardown)."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


class Stack:
    """The shared database, media folder and Redis server of this module's tests."""

    def __init__(self, redis, env):
        self.redis, self.env = redis, env

    def environ(self, mail_dir):
        return {**self.env, "COL_TEST_MAIL_DIR": str(mail_dir)}

    def manage(self, *args, mail_dir, timeout=300):
        process = subprocess.run(
            [sys.executable, MANAGE, *args],
            cwd=REPO, env=self.environ(mail_dir), capture_output=True, text=True,
            timeout=timeout,
        )  # fmt: skip
        assert process.returncode == 0, f"{args}:\n{process.stdout}\n{process.stderr}"
        return process.stdout + process.stderr

    def script(self, body, *, mail_dir, timeout=300, **values):
        """Run ``body`` with Django set up; ``values`` are its globals; returns its result()."""
        process = subprocess.run(
            [sys.executable, "-c", script_source(body, values)],
            cwd=REPO, env=self.environ(mail_dir), capture_output=True, text=True,
            timeout=timeout,
        )  # fmt: skip
        assert process.returncode == 0, f"{process.stdout}\n{process.stderr}"
        return parse_result(process.stdout)

    def work(self, *, mail_dir):
        """Run an RQ worker until the queue is empty."""
        self.manage(
            "rqworker", "default", "--job-class", "django_tasks_rq.Job", "--burst",
            "--worker-class", WORKER_CLASS,
            mail_dir=mail_dir,
        )  # fmt: skip


def script_source(body, values):
    preamble = (
        "import json, django\n"
        "django.setup()\n"
        f"globals().update(json.loads({json.dumps(values)!r}))\n"
        f"def result(value):\n    print({RESULT!r} + json.dumps(value), flush=True)\n"
    )
    return preamble + textwrap.dedent(body)


def parse_result(stdout):
    lines = [line for line in stdout.splitlines() if line.startswith(RESULT)]
    assert lines, stdout
    return json.loads(lines[-1][len(RESULT) :])


def sent_emails(mail_dir: Path) -> Counter:
    """How many emails each recipient got, from the files of Django's file email backend."""
    recipients = Counter()
    for path in sorted(mail_dir.glob("*.log")):
        for chunk in path.read_bytes().split(MAIL_SEPARATOR):
            if chunk.strip():
                recipients[email.message_from_bytes(chunk.lstrip())["To"]] += 1
    return recipients


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    executable = shutil.which("redis-server")
    missing = [name for name in ("django_rq", "django_tasks_rq") if not find_spec(name)]
    if executable is None or missing:
        message = (
            "redis-server not found (apt-get install redis-server)"
            if executable is None
            else f"{', '.join(missing)} not installed (pip install -e '.[testing]')"
        )
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    root = tmp_path_factory.mktemp("rq")
    redis = RedisServer(executable, free_port(), root)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.rq_settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
        COL_TEST_REDIS_URL=redis.url,
        COL_TEST_DB=str(root / "db.sqlite3"),
        COL_TEST_MEDIA=str(root / "media"),
    )
    stack = Stack(redis, env)
    redis.start()
    try:
        stack.manage("migrate", "--noinput", mail_dir=root / "mail")
        stack.script(
            """
            from tests.factories import make_city
            from wagtail_cityoflearning.badges.models import Issuer

            city = make_city()
            issuer = Issuer.objects.create(
                name="Mesto učenja Ljubljana",
                url="https://ljubljana.example.org/",
                email="badges@ljubljana.example.org",
                site=city["site"],
            )
            result(issuer.pk)
            """,
            mail_dir=root / "mail",
        )
        yield stack
    finally:
        redis.stop()


def new_badge_class(stack, slug, mail_dir):
    """A published badge class; the worker then runs the jobs Wagtail queued for it."""
    badge_id = stack.script(
        """
        from tests.badges.conftest import make_badge_class
        from wagtail_cityoflearning.badges.models import Issuer

        result(make_badge_class(Issuer.objects.get(), slug=slug, name=slug).pk)
        """,
        mail_dir=mail_dir,
        slug=slug,
    )
    stack.work(mail_dir=mail_dir)  # e.g. Wagtail's reference index updates
    return badge_id


STATES = """
from django.db.models import Count
from django.core.files.storage import default_storage
import django_rq
from wagtail_cityoflearning.badges.models import Award

awards = Award.objects.filter(badge_class_id=badge_id)
queue = django_rq.get_queue("default")
result({
    "awards": awards.count(),
    "states": {
        f"{row['baking_state']}/{row['notification_state']}": row["n"]
        for row in awards.values("baking_state", "notification_state").annotate(n=Count("pk"))
    },
    "queued": queue.count,
    "failed_jobs": queue.failed_job_registry.count,
    "images": [a.baked_image.name for a in awards.order_by("pk") if a.baked_image],
    "missing_images": [
        a.baked_image.name for a in awards if not default_storage.exists(a.baked_image.name)
    ],
})
"""


def test_award_is_baked_and_emailed_by_the_rq_worker(stack, tmp_path):
    mail_dir = tmp_path / "mail"
    badge_id = new_badge_class(stack, "young-maker", mail_dir)
    awarded = stack.script(
        """
        from django.db import transaction
        import django_rq
        from wagtail_cityoflearning.badges.awarding import award
        from wagtail_cityoflearning.badges.models import BadgeClass

        with transaction.atomic():
            instance = award(BadgeClass.objects.get(pk=badge_id), " Maja.Novak@Example.org ")
            queued_in_transaction = django_rq.get_queue("default").count
        instance.refresh_from_db()
        result({
            "uuid": str(instance.uuid),
            "queued_in_transaction": queued_in_transaction,
            "jobs": [[job.func_name, job.args] for job in django_rq.get_queue("default").jobs],
            "expected_job": ["wagtail_cityoflearning.badges.tasks.process_award", [str(instance.pk)]],
            "state": [instance.baking_state, instance.notification_state],
        })
        """,
        mail_dir=mail_dir,
        badge_id=badge_id,
    )
    assert awarded["queued_in_transaction"] == 0  # queued only once the award is committed
    assert awarded["jobs"] == [awarded["expected_job"]]
    assert awarded["state"] == ["pending", "pending"]
    assert not mail_dir.exists() or sent_emails(mail_dir) == Counter()

    stack.work(mail_dir=mail_dir)

    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["states"] == {"done/done": 1}
    assert states["queued"] == 0 and states["failed_jobs"] == 0
    assert states["missing_images"] == []
    [image] = states["images"]
    assert image == f"badges/assertions/{awarded['uuid']}.png"
    baked = baking.read_baked((Path(stack.env["COL_TEST_MEDIA"]) / image).read_bytes())
    assertion = json.loads(baked)
    assert assertion["type"] == "Assertion"
    assert assertion["id"].endswith(f"/badges/assertions/{awarded['uuid']}/")
    assert sent_emails(mail_dir) == Counter({"Maja.Novak@Example.org": 1})


BULK_AWARD = """
import sys
from wagtail_cityoflearning.badges import bulk
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award, BadgeClass

badge_class = BadgeClass.objects.get(pk=badge_id)
rows = bulk.check(bulk.parse(text))
assert len(rows) == size and all(row.valid for row in rows), [r.errors for r in rows]
for row in rows:  # one transaction per award, as when awarding one at a time
    award(badge_class, row.email, source=Award.Source.BULK)
    if row.number in pauses:
        print(f"paused {row.number}", flush=True)
        sys.stdin.readline()
result("done")
"""


def test_no_award_is_lost_when_redis_stops_during_a_bulk_award_of_200(stack, tmp_path):
    mail_dir = tmp_path / "mail"
    badge_id = new_badge_class(stack, "night-coder", mail_dir)
    recipients = [f"learner{number:03}@example.org" for number in range(1, BULK_SIZE + 1)]
    text = "email\n" + "\n".join(recipients)
    source = script_source(
        BULK_AWARD,
        {
            "badge_id": badge_id,
            "text": text,
            "size": BULK_SIZE,
            "pauses": [WORKER_RUNS_AFTER, REDIS_STOPS_AFTER],
        },
    )
    stderr = tmp_path / "bulk-award.stderr"
    with open(stderr, "w") as errors:
        bulk_award = subprocess.Popen(
            [sys.executable, "-c", source],
            cwd=REPO, env=stack.environ(mail_dir), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=errors, text=True,
        )  # fmt: skip
    try:

        def wait_for(expected):
            line = bulk_award.stdout.readline()
            if line.strip() != expected:
                bulk_award.kill()
                rest = bulk_award.communicate()[0]
                pytest.fail(f"{expected!r} expected, got {line!r}\n{rest}\n{stderr.read_text()}")

        def resume():
            bulk_award.stdin.write("\n")
            bulk_award.stdin.flush()

        wait_for(f"paused {WORKER_RUNS_AFTER}")
        stack.work(mail_dir=mail_dir)  # the worker keeps up with the first awards
        resume()
        wait_for(f"paused {REDIS_STOPS_AFTER}")
        stack.redis.stop()  # the outage: the jobs still queued are gone with the server
        resume()
        output, _ = bulk_award.communicate(timeout=240)
    finally:
        if bulk_award.poll() is None:
            bulk_award.kill()
            bulk_award.wait()
    assert bulk_award.returncode == 0, f"{output}\n{stderr.read_text()}"
    assert parse_result(output) == "done"
    assert stderr.read_text().count("Could not queue award") == BULK_SIZE - REDIS_STOPS_AFTER

    stack.redis.start()  # back, and empty
    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["awards"] == BULK_SIZE
    assert states["queued"] == 0
    assert states["states"] == {
        "done/done": WORKER_RUNS_AFTER,
        "pending/pending": BULK_SIZE - WORKER_RUNS_AFTER,
    }
    assert sent_emails(mail_dir) == Counter(recipients[:WORKER_RUNS_AFTER])

    output = stack.manage("cityoflearning_retry_pending", mail_dir=mail_dir)
    assert f"{BULK_SIZE - WORKER_RUNS_AFTER} pending awards finished, 0 failed." in output
    stack.work(mail_dir=mail_dir)

    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["states"] == {"done/done": BULK_SIZE}
    assert states["queued"] == 0 and states["failed_jobs"] == 0
    assert len(states["images"]) == BULK_SIZE and states["missing_images"] == []
    assert sent_emails(mail_dir) == Counter(recipients)  # one email each, none twice

    # Running everything again, and a job for awards that are done already, changes nothing.
    output = stack.manage("cityoflearning_retry_pending", mail_dir=mail_dir)
    assert "0 pending awards finished, 0 failed." in output
    requeued = stack.script(
        """
        import django_rq
        from wagtail_cityoflearning.badges.models import Award
        from wagtail_cityoflearning.badges.tasks import process_award

        for pk in Award.objects.filter(badge_class_id=badge_id).values_list("pk", flat=True)[:10]:
            process_award.enqueue(str(pk))
        result(django_rq.get_queue("default").count)
        """,
        mail_dir=mail_dir,
        badge_id=badge_id,
    )
    assert requeued == 10
    stack.work(mail_dir=mail_dir)
    again = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert again["states"] == {"done/done": BULK_SIZE}
    assert again["queued"] == 0 and again["failed_jobs"] == 0
    assert again["images"] == states["images"]
    assert sent_emails(mail_dir) == Counter(recipients)


ADMIN_AWARDS = """
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail_cityoflearning.badges.models import Award

user = get_user_model().objects.create_superuser("admin", "admin@example.org", "admin")
client = Client(raise_request_exception=False)
client.force_login(user)


def outcome(response, emails):
    awards = Award.objects.filter(recipient_email__in=emails)
    return {
        "status": response.status_code,
        "saved": awards.count(),
        "states": sorted({f"{a.baking_state}/{a.notification_state}" for a in awards}),
    }


one = client.post(
    reverse("cityoflearning_awards:add"),
    {"badge_class": badge_id, "recipient_email": emails[0], "narrative": ""},
)
bulk = client.post(
    reverse("cityoflearning_awards:bulk"),
    {"badge_class": badge_id, "rows": "\\n".join(emails[1:]), "confirm": "1"},
)
result({"one": outcome(one, emails[:1]), "bulk": outcome(bulk, emails[1:])})
"""


def test_the_admin_keeps_awards_pending_while_redis_is_down(stack, tmp_path):
    mail_dir = tmp_path / "mail"
    badge_id = new_badge_class(stack, "first-aider", mail_dir)
    emails = [f"aider{number}@example.org" for number in range(1, 7)]
    stack.redis.stop()
    try:
        made = stack.script(ADMIN_AWARDS, mail_dir=mail_dir, badge_id=badge_id, emails=emails)
    finally:
        stack.redis.start()
    assert made == {
        "one": {"status": 302, "saved": 1, "states": ["pending/pending"]},
        "bulk": {"status": 302, "saved": 5, "states": ["pending/pending"]},
    }
    stack.manage("cityoflearning_retry_pending", mail_dir=mail_dir)
    stack.work(mail_dir=mail_dir)
    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["states"] == {"done/done": len(emails)}
    assert sent_emails(mail_dir) == Counter(emails)
