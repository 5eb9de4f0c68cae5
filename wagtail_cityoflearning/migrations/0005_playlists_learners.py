import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import swapper
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from wagtail.images import get_image_model_string

import wagtail_cityoflearning.learners.models
import wagtail_cityoflearning.learners.storage
import wagtail_cityoflearning.models.base

BASE_PAGE = swapper.get_model_name("wagtailcore", "Page")
BASE_PAGE_PTR = f"{swapper.split(BASE_PAGE)[1].lower()}_ptr"


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_cityoflearning", "0004_claim_codes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PlaylistIndexPage",
            fields=[
                (
                    BASE_PAGE_PTR,
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "playlist index page",
                "verbose_name_plural": "playlist index pages",
            },
            bases=(wagtail_cityoflearning.models.base.CityOfLearningPageMixin, BASE_PAGE.lower()),
        ),
        migrations.AddField(
            model_name="cityoflearningsettings",
            name="age_of_digital_consent",
            field=models.PositiveSmallIntegerField(
                default=16,
                help_text="Young people below this age need a parent's or guardian's consent before the platform stores their learning (GDPR article 8: 16 unless the country set 13 to 15; Slovenia 15, Italy 14).",
                validators=[
                    django.core.validators.MinValueValidator(13),
                    django.core.validators.MaxValueValidator(16),
                ],
                verbose_name="age of digital consent",
            ),
        ),
        migrations.CreateModel(
            name="LearnerPlaylist",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("title", models.CharField(max_length=120, verbose_name="title")),
                (
                    "description",
                    models.TextField(blank=True, max_length=2000, verbose_name="what it is about"),
                ),
                ("share_token", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "shared",
                    models.BooleanField(
                        default=False,
                        help_text="Private by default: only you see it until you tick this.",
                        verbose_name="anyone with the link can see it",
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learner_playlists",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.site",
                    ),
                ),
                (
                    "submitted_page",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "learner playlist",
                "verbose_name_plural": "learner playlists",
                "ordering": ["-updated_at"],
            },
        ),
        migrations.CreateModel(
            name="LearnerPlaylistStep",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("title", models.CharField(blank=True, max_length=120, verbose_name="step")),
                (
                    "description",
                    models.TextField(blank=True, max_length=2000, verbose_name="what to do"),
                ),
                (
                    "opportunity",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="opportunity",
                    ),
                ),
                (
                    "playlist",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="steps",
                        to="wagtail_cityoflearning.learnerplaylist",
                    ),
                ),
            ],
            options={
                "verbose_name": "learner playlist step",
                "verbose_name_plural": "learner playlist steps",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="LearnerProfile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "display_name",
                    models.CharField(
                        help_text="How we greet you. It need not be your real name.",
                        max_length=60,
                        verbose_name="display name",
                    ),
                ),
                (
                    "year_of_birth",
                    models.PositiveSmallIntegerField(
                        validators=[wagtail_cityoflearning.learners.models.validate_year_of_birth],
                        verbose_name="year of birth",
                    ),
                ),
                (
                    "preferred_language",
                    models.CharField(
                        blank=True,
                        choices=wagtail_cityoflearning.learners.models.site_languages,
                        max_length=10,
                        verbose_name="preferred language",
                    ),
                ),
                (
                    "consent",
                    models.CharField(
                        choices=[
                            ("not_needed", "Old enough to consent"),
                            ("pending", "Waiting for a parent or guardian"),
                            ("given", "Given by a parent or guardian"),
                        ],
                        default="not_needed",
                        max_length=20,
                        verbose_name="consent",
                    ),
                ),
                (
                    "guardian_email",
                    models.EmailField(
                        blank=True, max_length=254, verbose_name="parent's or guardian's email"
                    ),
                ),
                (
                    "consent_requested_at",
                    models.DateTimeField(blank=True, editable=False, null=True),
                ),
                ("consent_given_at", models.DateTimeField(blank=True, editable=False, null=True)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "interests",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="wagtail_cityoflearning.interest",
                        verbose_name="interests",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.site",
                        verbose_name="city",
                    ),
                ),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="learner_profile",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "learner profile",
                "verbose_name_plural": "learner profiles",
            },
        ),
        migrations.CreateModel(
            name="PlaylistEnrolment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "saved_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="saved for later"),
                ),
                ("started_at", models.DateTimeField(blank=True, null=True, verbose_name="started")),
                (
                    "completed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="completed"),
                ),
                (
                    "last_activity_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="last activity"
                    ),
                ),
                ("award_due", models.BooleanField(db_index=True, default=False, editable=False)),
                (
                    "completion_award",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtail_cityoflearning.award",
                        verbose_name="completion badge",
                    ),
                ),
                (
                    "playlist",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="playlist",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="playlist_enrolments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "playlist enrolment",
                "verbose_name_plural": "playlist enrolments",
            },
        ),
        migrations.CreateModel(
            name="PlaylistPage",
            fields=[
                (
                    BASE_PAGE_PTR,
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "intro",
                    wagtail.fields.RichTextField(
                        help_text="The goal of the playlist and who it is for.",
                        verbose_name="introduction",
                    ),
                ),
                (
                    "age_min",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(120)],
                        verbose_name="minimum age",
                    ),
                ),
                (
                    "age_max",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(120)],
                        verbose_name="maximum age",
                    ),
                ),
                (
                    "effort_hours",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(1000)],
                        verbose_name="estimated effort in hours",
                    ),
                ),
                (
                    "steps",
                    wagtail.fields.StreamField(
                        [("opportunity", 4), ("activity", 8), ("badge", 11)],
                        block_lookup={
                            0: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {
                                    "label": "opportunity",
                                    "page_type": ["wagtail_cityoflearning.OpportunityPage"],
                                },
                            ),
                            1: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {
                                    "help_text": "Why this opportunity belongs in the playlist, or what to look out for.",
                                    "label": "note",
                                    "required": False,
                                },
                            ),
                            2: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "default": True,
                                    "help_text": "Untick to make this step optional.",
                                    "label": "required",
                                    "required": False,
                                },
                            ),
                            3: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("wagtail_cityoflearning.BadgeClass",),
                                {
                                    "help_text": "Optional: awarded automatically when the learner completes this step.",
                                    "label": "badge for this step",
                                    "required": False,
                                },
                            ),
                            4: (
                                "wagtail.blocks.StructBlock",
                                [[("opportunity", 0), ("note", 1), ("required", 2), ("badge", 3)]],
                                {},
                            ),
                            5: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "title", "max_length": 120},
                            ),
                            6: (
                                "wagtail.blocks.RichTextBlock",
                                (),
                                {
                                    "features": ["bold", "italic", "link", "ol", "ul"],
                                    "label": "instructions",
                                },
                            ),
                            7: (
                                "wagtail.blocks.ChoiceBlock",
                                [],
                                {
                                    "choices": [
                                        ("none", "Nothing: the learner marks it done"),
                                        ("text", "A written answer"),
                                        ("link", "A link"),
                                        ("file", "A file"),
                                        ("photo", "A photo"),
                                    ],
                                    "help_text": "Submitted evidence is reviewed by the playlist's owners before it counts.",
                                    "label": "evidence to submit",
                                },
                            ),
                            8: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("title", 5),
                                        ("instructions", 6),
                                        ("evidence", 7),
                                        ("required", 2),
                                        ("badge", 3),
                                    ]
                                ],
                                {},
                            ),
                            9: (
                                "wagtail.snippets.blocks.SnippetChooserBlock",
                                ("wagtail_cityoflearning.BadgeClass",),
                                {"label": "badge to earn"},
                            ),
                            10: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "how to earn it", "required": False},
                            ),
                            11: (
                                "wagtail.blocks.StructBlock",
                                [[("badge", 9), ("note", 10), ("required", 2)]],
                                {},
                            ),
                        },
                        verbose_name="steps",
                    ),
                ),
                (
                    "in_order",
                    models.BooleanField(
                        default=False,
                        help_text="Tick when each step can only be done after the one before it.",
                        verbose_name="steps in order",
                    ),
                ),
                (
                    "min_optional_steps",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Complete at least this many of the optional steps (0: none needed).",
                        verbose_name="optional steps needed",
                    ),
                ),
                (
                    "completion_badge",
                    models.ForeignKey(
                        blank=True,
                        help_text="Awarded automatically when a learner meets the requirements.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtail_cityoflearning.badgeclass",
                        verbose_name="completion badge",
                    ),
                ),
                (
                    "cover_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=get_image_model_string(),
                        verbose_name="cover image",
                    ),
                ),
                (
                    "interests",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="+",
                        to="wagtail_cityoflearning.interest",
                        verbose_name="interests",
                    ),
                ),
            ],
            options={
                "verbose_name": "playlist page",
                "verbose_name_plural": "playlist pages",
            },
            bases=(
                wagtail_cityoflearning.models.base.CityOfLearningPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                BASE_PAGE.lower(),
            ),
        ),
        migrations.CreateModel(
            name="StepProgress",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("step_id", models.CharField(max_length=64, verbose_name="step")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("submitted", "Waiting for review"),
                            ("changes_requested", "Changes requested"),
                            ("approved", "Approved"),
                            ("done", "Done"),
                        ],
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "text",
                    models.TextField(blank=True, max_length=10000, verbose_name="your answer"),
                ),
                ("link", models.URLField(blank=True, max_length=500, verbose_name="link")),
                (
                    "file",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        storage=wagtail_cityoflearning.learners.storage.evidence_storage,
                        upload_to=wagtail_cityoflearning.learners.models.evidence_upload_to,
                        verbose_name="file",
                    ),
                ),
                ("original_filename", models.CharField(blank=True, editable=False, max_length=255)),
                (
                    "submitted_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="submitted"),
                ),
                (
                    "reviewed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="reviewed"),
                ),
                ("feedback", models.TextField(blank=True, verbose_name="feedback")),
                (
                    "completed_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="completed"),
                ),
                ("award_due", models.BooleanField(db_index=True, default=False, editable=False)),
                (
                    "award",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtail_cityoflearning.award",
                        verbose_name="step badge",
                    ),
                ),
                (
                    "enrolment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="step_progress",
                        to="wagtail_cityoflearning.playlistenrolment",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
            ],
            options={
                "verbose_name": "step progress",
                "verbose_name_plural": "step progress",
            },
        ),
        migrations.CreateModel(
            name="Attendance",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "confirmed_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="confirmed"
                    ),
                ),
                (
                    "confirmed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="confirmed by",
                    ),
                ),
                (
                    "opportunity",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="opportunity",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="learner",
                    ),
                ),
            ],
            options={
                "verbose_name": "attendance",
                "verbose_name_plural": "attendances",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("opportunity", "user"), name="col_attendance_unique"
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="playlistenrolment",
            index=models.Index(
                fields=["user", "last_activity_at"], name="wagtail_cit_user_id_3473b9_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="playlistenrolment",
            constraint=models.UniqueConstraint(
                fields=("user", "playlist"), name="col_enrolment_unique"
            ),
        ),
        migrations.AddIndex(
            model_name="stepprogress",
            index=models.Index(
                fields=["status", "submitted_at"], name="wagtail_cit_status_7a49a1_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="stepprogress",
            constraint=models.UniqueConstraint(
                fields=("enrolment", "step_id"), name="col_step_progress_unique"
            ),
        ),
    ]
