from django.core.management.base import BaseCommand
from django.db.models import Q

from ...badges.models import Award
from ...badges.tasks import process_award


class Command(BaseCommand):
    help = (
        "Finish every award whose baking or email is still pending (for example after the "
        "task queue was down). Safe to run at any time: nothing is done twice."
    )

    def handle(self, *args, **options):
        pending = Award.objects.filter(revoked=False).filter(
            Q(baking_state=Award.State.PENDING) | Q(notification_state=Award.State.PENDING)
        )
        done = failed = 0
        for pk in pending.values_list("pk", flat=True).iterator():
            try:
                process_award.call(str(pk))
            except Exception as error:  # one award must not stop the others
                failed += 1
                self.stderr.write(f"Award {pk}: {error}")
            else:
                done += 1
        self.stdout.write(f"{done} pending awards finished, {failed} failed.")
        self.finish_learning()

    def finish_learning(self):
        """Award the badges of playlists and steps completed while the queue was down."""
        from ...learners.tasks import (
            award_playlist_completion,
            award_step_badge,
            pending_completions,
        )

        enrolments, steps = pending_completions()
        awarded = 0
        for task, pks in (
            (award_playlist_completion, enrolments.values_list("pk", flat=True)),
            (award_step_badge, steps.values_list("pk", flat=True)),
        ):
            for pk in list(pks):
                try:
                    if task.call(pk):
                        awarded += 1
                except Exception as error:
                    self.stderr.write(f"{task.name} {pk}: {error}")
        if awarded:
            self.stdout.write(f"{awarded} playlist and step badges awarded.")
