import csv

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail_cityoflearning.badges import serializers
from wagtail_cityoflearning.badges.awarding import InvalidRecipient, Recipient, award, award_many
from wagtail_cityoflearning.badges.models import Award, BadgeClass


class Command(BaseCommand):
    help = (
        "Award a badge from the command line: --badge SLUG --email ADDRESS [--evidence URL] "
        "[--narrative TEXT], or --csv FILE with columns email, evidence, narrative. "
        "Prints each assertion's URL. With --csv, nothing is saved unless every row is valid; "
        "recipients who already hold the badge are skipped (--again awards them once more)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--badge", required=True, help="Slug of a published badge")
        parser.add_argument("--locale", help="Language code, when the slug exists in several")
        parser.add_argument("--email")
        parser.add_argument("--evidence", help="Evidence URL")
        parser.add_argument("--narrative", default="")
        parser.add_argument("--csv", dest="csv_path", help="CSV file: email,evidence,narrative")
        parser.add_argument(
            "--again",
            action="store_true",
            help="With --csv: award recipients who already hold the badge once more",
        )

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
        if not options["csv_path"]:
            email, evidence, narrative = rows[0]
            try:
                instance = award(
                    badge,
                    email,
                    evidence=[{"url": evidence}] if evidence else [],
                    narrative=narrative,
                    source=Award.Source.COMMAND_LINE,
                )
            except ValidationError as error:
                raise CommandError(f"Row 1 ({email!r}): {'; '.join(error.messages)}") from error
            self.stdout.write(serializers.assertion_id(instance))
            return
        recipients = [
            Recipient(
                email,
                evidence=[{"url": evidence}] if evidence else [],
                narrative=narrative,
                again=options["again"],
            )
            for email, evidence, narrative in rows
        ]
        try:
            with transaction.atomic():  # all rows or none
                done = award_many(badge, recipients, source=Award.Source.COMMAND_LINE)
        except InvalidRecipient as error:
            message = "; ".join(error.messages)
            raise CommandError(f"Row {error.number} ({error.email!r}): {message}") from error
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        for instance in done.awarded:
            self.stdout.write(serializers.assertion_id(instance))
        for recipient, _held in done.held:
            self.stderr.write(f"{recipient.email} already holds the badge: skipped.")
