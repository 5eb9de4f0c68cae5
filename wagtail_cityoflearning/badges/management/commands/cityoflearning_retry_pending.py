from django.core.management.base import BaseCommand
from django.db.models import Q
from wagtail import hooks

from wagtail_cityoflearning.badges.awarding import BATCH_SIZE
from wagtail_cityoflearning.badges.models import Award
from wagtail_cityoflearning.badges.tasks import process_award, process_awards


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
        # In batches of one badge, as a bulk award makes them: its image and keys are read
        # once a batch, its emails go over one connection.
        ids = list(pending.order_by("badge_class_id", "pk").values_list("badge_class_id", "pk"))
        batches = []
        for badge_class_id, pk in ids:
            if not batches or batches[-1][0] != badge_class_id or len(batches[-1][1]) >= BATCH_SIZE:
                batches.append((badge_class_id, []))
            batches[-1][1].append(pk)
        for _badge_class_id, pks in batches:
            try:
                process_awards.call([str(pk) for pk in pks])
            except Exception:
                # Award by award, to tell which fail (those done already are left alone).
                for pk in pks:
                    try:
                        process_award.call(str(pk))
                    except Exception as error:  # one award must not stop the others
                        failed += 1
                        self.stderr.write(f"Award {pk}: {error}")
                    else:
                        done += 1
            else:
                done += len(pks)
        self.stdout.write(f"{done} pending awards finished, {failed} failed.")
        # Other apps finish what they left pending (the learners' app: the badges of
        # playlists and steps completed while the queue was down).
        for finish in hooks.get_hooks("cityoflearning_retry_pending"):
            finish(self.stdout, self.stderr)
