import uuid

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import modelcluster.contrib.taggit
import modelcluster.fields
import modelsearch.index
from django.conf import settings
from django.db import migrations, models
from wagtail.images import get_image_model_string

import wagtail_cityoflearning.badges.models
import wagtail_cityoflearning.badges.validators


class Migration(migrations.Migration):
    dependencies = [
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtail_cityoflearning", "0002_opportunitymappage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Award",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                (
                    "recipient_email",
                    models.EmailField(
                        db_index=True, max_length=254, verbose_name="recipient email"
                    ),
                ),
                (
                    "salt",
                    models.CharField(
                        default=wagtail_cityoflearning.badges.models.new_salt,
                        editable=False,
                        max_length=64,
                    ),
                ),
                (
                    "issued_on",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="issued on"
                    ),
                ),
                ("expires", models.DateTimeField(blank=True, null=True, verbose_name="expires")),
                ("narrative", models.TextField(blank=True, verbose_name="narrative")),
                (
                    "source",
                    models.CharField(
                        choices=[
                            ("admin", "Admin"),
                            ("bulk", "Bulk award"),
                            ("claim_code", "Claim code"),
                            ("playlist", "Playlist"),
                            ("command_line", "Command line"),
                        ],
                        default="admin",
                        max_length=20,
                        verbose_name="source",
                    ),
                ),
                ("revoked", models.BooleanField(default=False, verbose_name="revoked")),
                (
                    "revocation_reason",
                    models.CharField(blank=True, max_length=255, verbose_name="revocation reason"),
                ),
                (
                    "revoked_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="revoked at"),
                ),
                (
                    "baked_image",
                    models.FileField(blank=True, editable=False, upload_to="badges/assertions/"),
                ),
                ("signature", models.TextField(blank=True, editable=False)),
                (
                    "baking_state",
                    models.CharField(
                        choices=[("pending", "Pending"), ("done", "Done"), ("failed", "Failed")],
                        default="pending",
                        editable=False,
                        max_length=10,
                    ),
                ),
                (
                    "notification_state",
                    models.CharField(
                        choices=[("pending", "Pending"), ("done", "Done"), ("failed", "Failed")],
                        default="pending",
                        editable=False,
                        max_length=10,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "awarded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="awarded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "award",
                "verbose_name_plural": "awards",
                "ordering": ["-issued_on"],
            },
        ),
        migrations.CreateModel(
            name="AwardEvidence",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("url", models.URLField(blank=True, verbose_name="evidence URL")),
                ("narrative", models.TextField(blank=True, verbose_name="evidence narrative")),
                (
                    "award",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evidence",
                        to="wagtail_cityoflearning.award",
                    ),
                ),
            ],
            options={
                "verbose_name": "evidence",
                "verbose_name_plural": "evidence",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="BadgeClass",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="has unpublished changes"
                    ),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="first published at"
                    ),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(
                        editable=False, null=True, verbose_name="last published at"
                    ),
                ),
                (
                    "go_live_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
                ),
                (
                    "expire_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
                ),
                (
                    "expired",
                    models.BooleanField(default=False, editable=False, verbose_name="expired"),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("slug", models.SlugField(allow_unicode=True, max_length=100, verbose_name="slug")),
                ("description", models.TextField(verbose_name="description")),
                (
                    "image",
                    models.FileField(
                        help_text="A square PNG or SVG, at most 512 KB.",
                        upload_to="badges/classes/",
                        validators=[
                            django.core.validators.FileExtensionValidator(["png", "svg"]),
                            wagtail_cityoflearning.badges.validators.validate_badge_image,
                        ],
                        verbose_name="image",
                    ),
                ),
                (
                    "criteria_narrative",
                    models.TextField(
                        help_text="What someone must do to earn this badge.",
                        verbose_name="how to earn it",
                    ),
                ),
                ("criteria_url", models.URLField(blank=True, verbose_name="criteria page")),
                (
                    "expiry",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Never expires"),
                            ("days", "Days after award"),
                            ("months", "Months after award"),
                        ],
                        default="",
                        max_length=10,
                        verbose_name="expiry",
                    ),
                ),
                (
                    "expiry_amount",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="expires after"
                    ),
                ),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "badge class",
                "verbose_name_plural": "badge classes",
                "ordering": ["name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="BadgeAlignment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("target_name", models.CharField(max_length=200, verbose_name="name")),
                ("target_url", models.URLField(verbose_name="URL")),
                (
                    "target_framework",
                    models.CharField(blank=True, max_length=100, verbose_name="framework"),
                ),
                ("target_code", models.CharField(blank=True, max_length=100, verbose_name="code")),
                (
                    "badge_class",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="alignments",
                        to="wagtail_cityoflearning.badgeclass",
                    ),
                ),
            ],
            options={
                "verbose_name": "alignment",
                "verbose_name_plural": "alignments",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="award",
            name="badge_class",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="awards",
                to="wagtail_cityoflearning.badgeclass",
                verbose_name="badge",
            ),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="badge_class",
            field=models.ForeignKey(
                blank=True,
                help_text="The Open Badge a young person earns here, if any.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtail_cityoflearning.badgeclass",
                verbose_name="badge",
            ),
        ),
        migrations.CreateModel(
            name="BadgeClassTag",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "content_object",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tagged_items",
                        to="wagtail_cityoflearning.badgeclass",
                    ),
                ),
                (
                    "tag",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="%(app_label)s_%(class)s_items",
                        to="taggit.tag",
                    ),
                ),
            ],
            options={
                "abstract": False,
            },
        ),
        migrations.AddField(
            model_name="badgeclass",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="wagtail_cityoflearning.BadgeClassTag",
                to="taggit.Tag",
                verbose_name="tags",
            ),
        ),
        migrations.CreateModel(
            name="Issuer",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("name", models.CharField(max_length=200, verbose_name="name")),
                ("url", models.URLField(verbose_name="website")),
                (
                    "email",
                    models.EmailField(
                        help_text="Required by Open Badges: where people can reach the issuer.",
                        max_length=254,
                        verbose_name="email",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="description")),
                (
                    "verification",
                    models.CharField(
                        choices=[
                            ("hosted", "Hosted (the assertion is checked at its URL)"),
                            ("signed", "Signed (the assertion carries the issuer's signature)"),
                        ],
                        default="hosted",
                        max_length=10,
                        verbose_name="verification",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=get_image_model_string(),
                        verbose_name="image",
                    ),
                ),
                (
                    "provider",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="badge_issuer",
                        to="wagtail_cityoflearning.providerpage",
                        verbose_name="learning provider",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        blank=True,
                        help_text="Set for the city's own issuer profile.",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="badge_issuer",
                        to="wagtailcore.site",
                        verbose_name="city site",
                    ),
                ),
            ],
            options={
                "verbose_name": "badge issuer",
                "verbose_name_plural": "badge issuers",
                "ordering": ["name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name="badgeclass",
            name="issuer",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="badge_classes",
                to="wagtail_cityoflearning.issuer",
                verbose_name="issuer",
            ),
        ),
        migrations.CreateModel(
            name="IssuerKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("uuid", models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ("public_key_pem", models.TextField(editable=False)),
                ("private_key_pem", models.TextField(editable=False)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("retired_at", models.DateTimeField(blank=True, editable=False, null=True)),
                (
                    "issuer",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="keys",
                        to="wagtail_cityoflearning.issuer",
                    ),
                ),
            ],
            options={
                "verbose_name": "issuer key",
                "verbose_name_plural": "issuer keys",
                "ordering": ["-created_at"],
            },
        ),
        migrations.AddIndex(
            model_name="award",
            index=models.Index(
                fields=["baking_state", "notification_state"], name="wagtail_cit_baking__f1e3ba_idx"
            ),
        ),
        migrations.AddConstraint(
            model_name="issuer",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("site__isnull", True), ("provider__isnull", True), _connector="OR"
                ),
                name="issuer_is_city_or_provider",
            ),
        ),
        migrations.AddConstraint(
            model_name="badgeclass",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="unique_badge_slug_per_locale"
            ),
        ),
        migrations.AddConstraint(
            model_name="badgeclass",
            constraint=models.UniqueConstraint(
                fields=("uuid", "locale"), name="unique_badge_uuid_per_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="badgeclass",
            unique_together={("translation_key", "locale")},
        ),
    ]
