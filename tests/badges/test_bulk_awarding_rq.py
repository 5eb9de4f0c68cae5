"""Awarding in bulk on a real Redis server, finished by two RQ workers at once; and with Redis
down while the awards are saved. As in ``test_rq_queue``, every step runs in a process of its
own on a shared SQLite file (without ``redis-server`` the tests skip, unless
``REQUIRE_REDIS=1``)."""

import subprocess
import sys
from collections import Counter

from tests.badges.test_rq_queue import (
    MANAGE,
    REPO,
    STATES,
    WORKER_CLASS,
    new_badge_class,
    sent_emails,
    stack,  # noqa: F401 (the fixture)
)

SIZE = 250  # three batches of at most 100: three jobs

BULK = """
import logging
import django_rq
from wagtail_cityoflearning.badges.awarding import award_many
from wagtail_cityoflearning.badges.models import BadgeClass

logging.basicConfig()
done = award_many(BadgeClass.objects.get(pk=badge_id), emails)
result({
    "awarded": len(done.awarded),
    "held": len(done.held),
    "jobs": [[job.func_name, len(job.args[0])] for job in django_rq.get_queue("default").jobs],
})
"""


def two_workers(redis_stack, mail_dir):
    """Two RQ workers at the same time, until the queue is empty."""
    command = [sys.executable, MANAGE, "rqworker", "default", "--job-class",
               "django_tasks_rq.Job", "--burst", "--worker-class", WORKER_CLASS]  # fmt: skip
    workers = [
        subprocess.Popen(
            command,
            cwd=REPO,
            env=redis_stack.environ(mail_dir),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )  # fmt: skip
        for _ in range(2)
    ]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output


def test_a_bulk_award_is_finished_by_two_workers_once(stack, tmp_path):  # noqa: F811
    mail_dir = tmp_path / "mail"
    badge_id = new_badge_class(stack, "bulk-maker", mail_dir)
    emails = [f"maker{number:03}@example.org" for number in range(1, SIZE + 1)]

    made = stack.script(BULK, mail_dir=mail_dir, badge_id=badge_id, emails=emails)

    task = "wagtail_cityoflearning.badges.tasks.process_awards"
    assert made == {"awarded": SIZE, "held": 0, "jobs": [[task, 100], [task, 100], [task, 50]]}
    two_workers(stack, mail_dir)
    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["states"] == {"done/done": SIZE}
    assert states["queued"] == 0 and states["failed_jobs"] == 0
    assert len(set(states["images"])) == SIZE and states["missing_images"] == []
    assert sent_emails(mail_dir) == Counter(emails)

    # The same list again queues nothing; a duplicated job changes nothing.
    again = stack.script(BULK, mail_dir=mail_dir, badge_id=badge_id, emails=emails)
    assert again == {"awarded": 0, "held": SIZE, "jobs": []}
    stack.script(
        """
        from wagtail_cityoflearning.badges.models import Award
        from wagtail_cityoflearning.badges.tasks import process_awards

        ids = Award.objects.filter(badge_class_id=badge_id).values_list("pk", flat=True)
        process_awards.enqueue([str(pk) for pk in ids[:100]])
        result("queued")
        """,
        mail_dir=mail_dir,
        badge_id=badge_id,
    )
    two_workers(stack, mail_dir)
    after = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert after["states"] == {"done/done": SIZE} and after["images"] == states["images"]
    assert sent_emails(mail_dir) == Counter(emails)


def test_nothing_is_lost_when_redis_is_down_during_a_bulk_award(stack, tmp_path):  # noqa: F811
    mail_dir = tmp_path / "mail"
    badge_id = new_badge_class(stack, "bulk-night-coder", mail_dir)
    emails = [f"coder{number:03}@example.org" for number in range(1, SIZE + 1)]
    stack.redis.stop()
    try:
        made = stack.script(
            """
            from wagtail_cityoflearning.badges.awarding import award_many
            from wagtail_cityoflearning.badges.models import BadgeClass

            result(len(award_many(BadgeClass.objects.get(pk=badge_id), emails).awarded))
            """,
            mail_dir=mail_dir,
            badge_id=badge_id,
            emails=emails,
        )
    finally:
        stack.redis.start()
    assert made == SIZE
    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["states"] == {"pending/pending": SIZE} and states["queued"] == 0
    assert not mail_dir.exists() or sent_emails(mail_dir) == Counter()

    output = stack.manage("cityoflearning_retry_pending", mail_dir=mail_dir)

    assert f"{SIZE} pending awards finished, 0 failed." in output
    states = stack.script(STATES, mail_dir=mail_dir, badge_id=badge_id)
    assert states["states"] == {"done/done": SIZE} and states["missing_images"] == []
    assert sent_emails(mail_dir) == Counter(emails)
