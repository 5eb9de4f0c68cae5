"""``manage.py cityoflearning_send_reminders [--dry-run]``: remind those registered for an
opportunity whose session is tomorrow (in the city's timezone). Run it daily by cron; running
it again sends nothing twice (see :mod:`wagtail_cityoflearning.providers.registration.reminders`)."""

from django.core.management.base import BaseCommand

from wagtail_cityoflearning.providers.registration.reminders import send_reminders


class Command(BaseCommand):
    help = "Email the reminder to everyone registered for a session that starts tomorrow."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List the reminders that would be sent, and send nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        items = send_reminders(dry_run=dry_run)
        for item in items:
            self.stdout.write(
                f"{'would remind' if dry_run else 'reminded'} {item.registration.user.email} "
                f"of {item.page.title} at {item.session_start.isoformat()}"
            )
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(f"{len(items)} reminder(s) {verb}.")
