import django.db.models.deletion
import modelcluster.fields
import swapper
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import wagtail_cityoflearning.models.base

BASE_PAGE = swapper.get_model_name("wagtailcore", "Page")
BASE_PAGE_PTR = f"{swapper.split(BASE_PAGE)[1].lower()}_ptr"


class Migration(migrations.Migration):
    dependencies = [
        ("wagtail_cityoflearning", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="OpportunityMapPage",
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
                (
                    "default_free",
                    models.BooleanField(default=False, verbose_name="free only, at first"),
                ),
                (
                    "default_sort",
                    models.CharField(
                        choices=[("soonest", "Soonest"), ("newest", "Newest"), ("title", "A to Z")],
                        default="soonest",
                        max_length=20,
                        verbose_name="default order",
                    ),
                ),
                (
                    "default_interests",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        related_name="+",
                        to="wagtail_cityoflearning.interest",
                        verbose_name="interests shown first",
                    ),
                ),
                (
                    "listing_root",
                    models.ForeignKey(
                        blank=True,
                        help_text="Leave empty to show every opportunity of this site.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="show opportunities under",
                    ),
                ),
            ],
            options={
                "verbose_name": "opportunity map page",
                "verbose_name_plural": "opportunity map pages",
            },
            bases=(
                wagtail_cityoflearning.models.base.CityOfLearningPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                BASE_PAGE.lower(),
            ),
        ),
    ]
