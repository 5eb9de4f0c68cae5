"""Delete everything the package stores, before uninstalling it.

``migrate wagtail_cityoflearning zero`` drops the package's tables, but Wagtail keeps rows that
point at the package's models from its own tables: the pages in the page tree, their revisions,
log entries, search and reference index entries. Run this command first: it deletes the package's
pages (with the pages below them), its snippets, badges, learners' profiles and progress, the files
they hold (badge images, baked badges, evidence) and the log entries about them, so that Wagtail's
tree and reports stay whole once the package is gone. Learners' user accounts are ordinary Django
users and stay, unless ``--delete-learner-accounts`` is given.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError

PACKAGE = "wagtail_cityoflearning"
LEARNERS_LABEL = "wagtail_cityoflearning_learners"


def package_models() -> list:
    """The models of every app of the package the site installs (core, badges, learners)."""
    return [
        model
        for config in apps.get_app_configs()
        if config.name == PACKAGE or config.name.startswith(f"{PACKAGE}.")
        for model in config.get_models()
    ]


class Command(BaseCommand):
    help = (
        "Delete the package's pages, snippets, badges, learners' data and files, and Wagtail's "
        "log entries about them: the first step of uninstalling wagtail-cityoflearning."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument(
            "--delete-learner-accounts",
            action="store_true",
            help="Also delete the user accounts of learners (users with a learner profile who "
            "are neither staff nor superusers).",
        )

    def handle(self, *args, interactive=True, delete_learner_accounts=False, **options):
        from wagtail.models import Page, Site

        own_models = package_models()
        content_types = ContentType.objects.get_for_models(
            *own_models, for_concrete_models=False
        ).values()
        pages = Page.objects.filter(content_type__in=content_types).order_by("path")
        for site in Site.objects.select_related("root_page"):
            root = site.root_page
            if any(root.path.startswith(page.path) for page in pages):
                raise CommandError(
                    f"The Site {site} has its root page at or below a page of the package "
                    f"({root}): give the Site another root page first."
                )
        learner_users = self.learner_users() if delete_learner_accounts else None
        tops = self.topmost(pages)
        below = sum(page.get_descendants(inclusive=True).count() for page in tops)
        self.stdout.write(f"{below} pages: the package's pages and every page below them")
        for model in own_models:
            if not issubclass(model, Page):
                self.stdout.write(f"{model.objects.count()} {model._meta.verbose_name_plural}")
        if learner_users is not None:
            self.stdout.write(f"{learner_users.count()} learners' user accounts")
        if interactive:
            answer = input("Delete all of this for good? Type 'yes' to go on: ")
            if answer != "yes":
                raise CommandError("Nothing deleted.")

        with transaction.atomic():
            user_ids = list(learner_users.values_list("pk", flat=True)) if learner_users else []
            files = self.files(own_models)
            # Rows first: badge classes protect issuers, which may belong to a provider page.
            self.delete_rows([m for m in own_models if not issubclass(m, Page)])
            self.delete_pages(tops)
            self.delete_log_entries(content_types)
            if user_ids:
                from django.contrib.auth import get_user_model

                get_user_model().objects.filter(pk__in=user_ids).delete()
            transaction.on_commit(lambda: self.delete_files(files))
        self.stdout.write(self.style.SUCCESS("The package's content is deleted."))

    def learner_users(self):
        from django.contrib.auth import get_user_model

        # By name: the core's commands do not import the learners' app, which may be absent.
        if not apps.is_installed(f"{PACKAGE}.learners"):
            return get_user_model().objects.none()
        LearnerProfile = apps.get_model(LEARNERS_LABEL, "LearnerProfile")  # noqa: N806
        return get_user_model().objects.filter(
            pk__in=LearnerProfile.objects.values("user"), is_staff=False, is_superuser=False
        )

    def files(self, own_models) -> list:
        """(storage, name) of every file a row of the package holds, to delete after commit."""
        found = []
        for model in own_models:
            fields = [
                field
                for field in model._meta.get_fields()
                if isinstance(field, models.FileField) and field.model is model
            ]
            for field in fields:
                names = model._base_manager.exclude(**{field.name: ""}).values_list(
                    field.name, flat=True
                )
                found += [(field.storage, name) for name in names if name]
        return found

    def delete_files(self, files) -> None:
        for storage, name in files:
            try:
                storage.delete(name)
            except Exception as error:  # noqa: BLE001 (report and go on)
                self.stderr.write(f"Could not delete the file {name}: {error}")

    def topmost(self, pages) -> list:
        """The pages that are not below another one of ``pages`` (ordered by path)."""
        tops = []
        for page in pages:
            if not any(page.path.startswith(top.path) for top in tops):
                tops.append(page)
        return tops

    def delete_pages(self, tops) -> None:
        """Deleting a page deletes the pages below it, as in the admin."""
        for page in tops:
            page.specific.delete()

    def delete_rows(self, own_models) -> None:
        """Every row, in whatever order the models' protected foreign keys allow."""
        remaining = list(own_models)
        while remaining:
            blocked = []
            for model in remaining:
                try:
                    model._base_manager.all().delete()
                except (ProtectedError, RestrictedError):
                    blocked.append(model)
            if len(blocked) == len(remaining):
                names = ", ".join(model.__name__ for model in blocked)
                raise CommandError(f"Could not delete the rows of {names}.")
            remaining = blocked

    def delete_log_entries(self, content_types) -> None:
        """Wagtail keeps log entries after their object is deleted; these would point at
        models that no longer exist."""
        from wagtail.models import ModelLogEntry, PageLogEntry

        PageLogEntry.objects.filter(content_type__in=content_types).delete()
        ModelLogEntry.objects.filter(content_type__in=content_types).delete()
