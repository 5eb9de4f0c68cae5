import csv

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.awarding import award
from wagtail_cityoflearning.badges.models import Award, BadgeClass


class Command(BaseCommand):
    help = (
        "Award a badge from the command line: --badge SLUG --email ADDRESS [--evidence URL] "
        "[--narrative TEXT], or --csv FILE with columns email, evidence, narrative. "
        "Prints each assertion's URL. With --csv, nothing is saved unless every row is valid."
    )

    def add_arguments(self, parser):
        parser.add_argument("--badge", required=True, help="Slug of a published badge")
        parser.add_argument("--locale", help="Language code, when the slug exists in several")
        parser.add_argument("--email")
        parser.add_argument("--evidence", help="Evidence URL")
        parser.add_argument("--narrative", default="")
        parser.add_argument("--csv", dest="csv_path", help="CSV file: email,evidence,narrative")

    def get_badge(self, slug, locale):
        badges = BadgeClass.objects.filter(slug=slug, live=True)
        if locale:
            badges = badges.filter(locale__language_code=locale)
        if badges.count() != 1:
            raise CommandError(
                f"No single published badge with slug {slug!r}"
                + ("" if locale else "; give --locale if it exists in several languages")
            )
        return badges.get()

    def rows(self, options):
        if options["csv_path"]:
            try:
                with open(options["csv_path"], newline="", encoding="utf-8-sig") as handle:
                    return [
                        (row.get("email", ""), row.get("evidence", ""), row.get("narrative", ""))
                        for row in csv.DictReader(handle)
                    ]
            except OSError as error:
                raise CommandError(str(error)) from error
        if not options["email"]:
            raise CommandError("Give --email or --csv.")
        return [(options["email"], options["evidence"] or "", options["narrative"])]

    def handle(self, *args, **options):
        badge = self.get_badge(options["badge"], options["locale"])
        rows = self.rows(options)
        awards = []
        with transaction.atomic():  # all rows or none
            for number, (email, evidence, narrative) in enumerate(rows, start=1):
                items = [{"url": evidence}] if evidence else []
                try:
                    awards.append(
                        award(
                            badge,
                            email,
                            evidence=items,
                            narrative=narrative,
                            source=Award.Source.COMMAND_LINE,
                        )
                    )
                except ValidationError as error:
                    message = "; ".join(error.messages)
                    raise CommandError(f"Row {number} ({email!r}): {message}") from error
        for instance in awards:
            self.stdout.write(serializers.assertion_id(instance))
