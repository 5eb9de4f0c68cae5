import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import wagtail_cityoflearning.badges.models


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_cityoflearning", "0003_badges"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ClaimCode",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "code",
                    models.CharField(
                        default=wagtail_cityoflearning.badges.models.new_claim_code,
                        max_length=20,
                        unique=True,
                        verbose_name="code",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="E.g. the activity and its date.",
                        max_length=120,
                        verbose_name="label",
                    ),
                ),
                (
                    "max_uses",
                    models.PositiveIntegerField(
                        default=1,
                        help_text="1 for a personal code; more for a group.",
                        verbose_name="uses allowed",
                    ),
                ),
                (
                    "uses",
                    models.PositiveIntegerField(default=0, editable=False, verbose_name="uses"),
                ),
                (
                    "expires_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="valid until"),
                ),
                ("active", models.BooleanField(default=True, verbose_name="active")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "badge_class",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="claim_codes",
                        to="wagtail_cityoflearning.badgeclass",
                        verbose_name="badge",
                    ),
                ),
                (
                    "created_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "claim code",
                "verbose_name_plural": "claim codes",
                "ordering": ["-created_at"],
            },
        ),
    ]
