from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from wagtail_cityoflearning.interests import create_default_interests


class Command(BaseCommand):
    help = (
        "Create the default interests (arts, music, sports, ...) in one or more locales. "
        "Interests that exist are kept; running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale",
            action="append",
            dest="locales",
            help="Language code of a Wagtail locale (repeatable); default: every locale.",
        )

    def handle(self, *args, **options):
        codes = options["locales"]
        locales = list(
            Locale.objects.filter(language_code__in=codes) if codes else Locale.objects.all()
        )
        missing = set(codes or []) - {locale.language_code for locale in locales}
        if missing:
            raise CommandError(f"No Wagtail locale for: {', '.join(sorted(missing))}")
        for locale in locales:
            interests = create_default_interests(locale)
            self.stdout.write(f"{locale.language_code}: {len(interests)} interests")
