import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import NoReverseMatch, reverse

from wagtail_cityoflearning import roles

from ...insight import load_insight
from ...learners import DEMO_LEARNER_PASSWORD
from ...loader import CITIES, load_city
from ...providers import load_providers

# The example site's home page model: each city's home page is one.
HOME_PAGE_MODEL = "home.HomePage"


class Command(BaseCommand):
    help = (
        "Load the demo cities (Ljubljana in Slovenian, Cagliari in Italian): sites, page "
        "trees, interests, providers, opportunities, badges, playlists and a demo learner "
        "per city. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--city", choices=sorted(CITIES), action="append", help="Only this city (repeatable)."
        )
        parser.add_argument(
            "--home-model",
            default=HOME_PAGE_MODEL,
            help="Page model (app_label.ModelName) of each city's home page (default %(default)s).",
        )
        parser.add_argument("--port", type=int, default=8000, help="Port of the demo sites.")
        parser.add_argument(
            "--no-admin", action="store_true", help="Don't create the demo admin user."
        )
        parser.add_argument(
            "--no-learners",
            action="store_true",
            help="Don't create the demo learners and their progress.",
        )

    def handle(self, *args, **options):
        cities = options["city"] or ["ljubljana", "cagliari"]
        learner_password = os.environ.get("DEMO_LEARNER_PASSWORD", DEMO_LEARNER_PASSWORD)
        reports = []
        for name in cities:
            try:
                report = load_city(
                    name,
                    home_model=options["home_model"],
                    port=options["port"],
                    is_default=name == "ljubljana",
                    learner=not options["no_learners"],
                    learner_password=learner_password,
                )
            except LookupError as error:
                raise CommandError(str(error)) from error
            site = report.site
            created = report.created
            self.stdout.write(
                f"{report.city}: http://{site.hostname}:{site.port}/ "
                f"({created['providers']} providers, {created['opportunities']} opportunities, "
                f"{created['badges']} badges and {created['playlists']} playlists added)"
            )
            reports.append(report)
            load_providers(site, name, learner_password)
            load_insight(site, name)
        if not options["no_admin"]:
            self._admin_user(options["port"])
            for report in reports:
                self._staff_users(report)
        for report in reports:
            if report.learner_email:
                self._learner_login(report, learner_password)

    def _admin_user(self, port):
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "cityoflearning")
        User = get_user_model()
        if not User.objects.filter(username=username).exists():
            User.objects.create_superuser(username, f"{username}@example.org", password)
            self.stdout.write(f"Created the admin user {username!r} with password {password!r}.")
        self.stdout.write(f"Log in at http://localhost:{port}/admin/ as {username!r}.")

    def _staff_users(self, report):
        """The city's staff groups, a city editor and the staff of its first provider, so the
        boundaries between cities and providers can be tried (see docs/permissions.md)."""
        from wagtail_cityoflearning.models import ProviderPage

        password = os.environ.get("DEMO_ADMIN_PASSWORD", "cityoflearning")
        site = report.site
        providers = list(ProviderPage.objects.descendant_of(site.root_page).order_by("path"))
        city = site.site_name.lower()
        accounts = [(f"editor-{city}", roles.city_editors(site))]
        for provider in providers:
            group = roles.provider_staff(provider)
            if provider is providers[0]:
                accounts.append((f"staff-{city}", group))
        User = get_user_model()
        for username, group in accounts:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User.objects.create_user(username, f"{username}@example.org", password)
            user.groups.add(group)
            self.stdout.write(f"{group.name}: log in to the admin as {username!r}.")

    def _learner_login(self, report, password):
        """Where and how the city's demo learner logs in (a learner who existed before keeps
        their password, like the admin user)."""
        site = report.site
        try:
            path = reverse("account_login")
        except NoReverseMatch:
            path = "/"
        self.stdout.write(
            f"Demo learner in {report.city}: log in at http://{site.hostname}:{site.port}{path} "
            f"with {report.learner_email!r} and password {password!r}."
        )
