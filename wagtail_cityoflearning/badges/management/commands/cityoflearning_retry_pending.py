from django.core.management.base import BaseCommand
from django.db.models import Q
from wagtail import hooks

from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.badges.tasks import process_award


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
        # Other apps finish what they left pending (the learners' app: the badges of
        # playlists and steps completed while the queue was down).
        for finish in hooks.get_hooks("cityoflearning_retry_pending"):
            finish(self.stdout, self.stderr)
