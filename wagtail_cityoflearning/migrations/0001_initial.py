import uuid

import django.core.validators
import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import modelsearch.index
import swapper
import wagtail.contrib.routable_page.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

import wagtail_cityoflearning.fields
import wagtail_cityoflearning.models.base
import wagtail_cityoflearning.models.opportunities
import wagtail_cityoflearning.models.settings

# Honour Wagtail's swappable base page: the parent link and base follow WAGTAIL_PAGE_MODEL.
BASE_PAGE = swapper.get_model_name("wagtailcore", "Page")
BASE_PAGE_PTR = f"{swapper.split(BASE_PAGE)[1].lower()}_ptr"


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtailcore", "0098_apitoken"),
        swapper.dependency("wagtailcore", "Page"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="ProviderIndexPage",
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
                "verbose_name": "provider index page",
                "verbose_name_plural": "provider index pages",
            },
            bases=(wagtail_cityoflearning.models.base.CityOfLearningPageMixin, BASE_PAGE.lower()),
        ),
        migrations.CreateModel(
            name="CityOfLearningSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "city_name",
                    models.CharField(blank=True, max_length=100, verbose_name="city name"),
                ),
                (
                    "map_centre_latitude",
                    models.FloatField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-90),
                            django.core.validators.MaxValueValidator(90),
                        ],
                        verbose_name="map centre latitude",
                    ),
                ),
                (
                    "map_centre_longitude",
                    models.FloatField(
                        blank=True,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(-180),
                            django.core.validators.MaxValueValidator(180),
                        ],
                        verbose_name="map centre longitude",
                    ),
                ),
                (
                    "map_zoom",
                    models.PositiveSmallIntegerField(
                        default=13,
                        help_text="1 shows the whole world, 13 a city, 18 a street.",
                        validators=[
                            django.core.validators.MinValueValidator(1),
                            django.core.validators.MaxValueValidator(19),
                        ],
                        verbose_name="map zoom",
                    ),
                ),
                (
                    "tile_url",
                    models.CharField(
                        blank=True,
                        help_text="The map tile server, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png. Leave empty for the default. It is the only outside host the public pages use.",
                        max_length=255,
                        verbose_name="tile URL template",
                    ),
                ),
                (
                    "tile_attribution",
                    models.CharField(
                        blank=True,
                        help_text="Credit required by the tile server; HTML links are allowed.",
                        max_length=255,
                        verbose_name="tile attribution",
                    ),
                ),
                (
                    "timezone",
                    models.CharField(
                        choices=wagtail_cityoflearning.models.settings.timezone_choices,
                        default="Europe/Ljubljana",
                        help_text="Session times are shown in this timezone.",
                        max_length=64,
                        verbose_name="timezone",
                    ),
                ),
                (
                    "contact_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "City of Learning settings",
                "verbose_name_plural": "City of Learning settings",
            },
        ),
        migrations.CreateModel(
            name="Interest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=80, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True,
                        help_text="Used in map filter links, e.g. ?interest=music. Same in every language.",
                        max_length=80,
                        verbose_name="slug",
                    ),
                ),
                (
                    "colour",
                    models.CharField(
                        default="#1d70b8",
                        help_text="Marker colour on the map. Pick one that stands out on a map background.",
                        max_length=7,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^#[0-9a-fA-F]{6}$",
                                "Enter a colour as # followed by six hexadecimal digits, e.g. #1d70b8.",
                            )
                        ],
                        verbose_name="colour",
                    ),
                ),
                (
                    "icon",
                    models.CharField(
                        choices=[
                            ("palette", "Palette"),
                            ("music", "Music note"),
                            ("theatre", "Theatre masks"),
                            ("flask", "Flask"),
                            ("laptop", "Laptop"),
                            ("ball", "Ball"),
                            ("leaf", "Leaf"),
                            ("speech", "Speech bubbles"),
                            ("briefcase", "Briefcase"),
                            ("hands", "Helping hands"),
                            ("heart", "Heart"),
                            ("camera", "Camera"),
                            ("book", "Book"),
                            ("star", "Star"),
                        ],
                        default="star",
                        max_length=20,
                        verbose_name="icon",
                    ),
                ),
                (
                    "sort_order",
                    models.PositiveSmallIntegerField(default=0, verbose_name="sort order"),
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
                "verbose_name": "interest",
                "verbose_name_plural": "interests",
                "ordering": ["sort_order", "name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="OpportunityPage",
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
                ("address", models.CharField(blank=True, max_length=255, verbose_name="address")),
                (
                    "location",
                    models.CharField(
                        blank=True,
                        help_text="Pick the point on the map, or type an address above to find it.",
                        max_length=250,
                        verbose_name="location",
                    ),
                ),
                (
                    "latitude",
                    models.FloatField(
                        blank=True,
                        db_index=True,
                        editable=False,
                        null=True,
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.FloatField(
                        blank=True,
                        db_index=True,
                        editable=False,
                        null=True,
                        verbose_name="longitude",
                    ),
                ),
                (
                    "opportunity_type",
                    models.CharField(
                        choices=[
                            ("event", "Event"),
                            ("course", "Course or workshop"),
                            ("volunteering", "Volunteering"),
                            ("internship", "Internship"),
                            ("digital", "Digital experience"),
                            ("youth_project", "Youth project"),
                            ("open_space", "Open space"),
                            ("other", "Other"),
                        ],
                        default="course",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "summary",
                    models.CharField(
                        help_text="One sentence shown on cards and on the map.",
                        max_length=255,
                        verbose_name="summary",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("paragraph", 0),
                            ("image", 5),
                            ("video", 9),
                            ("call_to_action", 15),
                            ("accordion", 21),
                            ("learning_outcomes", 25),
                            ("document", 28),
                            ("contact", 34),
                            ("quote", 37),
                            ("location", 38),
                        ],
                        blank=True,
                        block_lookup={
                            0: ("wagtail_cityoflearning.blocks.content.RichTextBlock", (), {}),
                            1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "image"}),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Describe the image for people who cannot see it.",
                                    "label": "alternative text",
                                    "max_length": 255,
                                    "required": False,
                                },
                            ),
                            3: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "help_text": "Tick if the image adds nothing to the text; screen readers will skip it.",
                                    "label": "decorative only",
                                    "required": False,
                                },
                            ),
                            4: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "caption", "max_length": 255, "required": False},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("image", 1),
                                        ("alt_text", 2),
                                        ("decorative", 3),
                                        ("caption", 4),
                                    ]
                                ],
                                {},
                            ),
                            6: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {"help_text": "A YouTube or Vimeo address.", "label": "video link"},
                            ),
                            7: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "title", "max_length": 255},
                            ),
                            8: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "transcript or description", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("url", 6), ("title", 7), ("transcript", 8)]],
                                {},
                            ),
                            10: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 120},
                            ),
                            11: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "text", "required": False},
                            ),
                            12: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "button label", "max_length": 60},
                            ),
                            13: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "page", "required": False},
                            ),
                            14: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {"label": "or outside address", "required": False},
                            ),
                            15: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("heading", 10),
                                        ("text", 11),
                                        ("button_label", 12),
                                        ("page", 13),
                                        ("url", 14),
                                    ]
                                ],
                                {},
                            ),
                            16: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 120, "required": False},
                            ),
                            17: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "question or title", "max_length": 255},
                            ),
                            18: (
                                "wagtail_cityoflearning.blocks.content.RichTextBlock",
                                (),
                                {"label": "answer or content"},
                            ),
                            19: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 17), ("content", 18)]],
                                {},
                            ),
                            20: (
                                "wagtail.blocks.ListBlock",
                                (19,),
                                {"label": "items", "min_num": 1},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 16), ("items", 20)]],
                                {},
                            ),
                            22: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty for “What you will learn”.",
                                    "label": "heading",
                                    "max_length": 120,
                                    "required": False,
                                },
                            ),
                            23: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "outcome", "max_length": 255},
                            ),
                            24: (
                                "wagtail.blocks.ListBlock",
                                (23,),
                                {"label": "outcomes", "min_num": 1},
                            ),
                            25: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 22), ("items", 24)]],
                                {},
                            ),
                            26: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "document"},
                            ),
                            27: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the document’s title.",
                                    "label": "link text",
                                    "max_length": 120,
                                    "required": False,
                                },
                            ),
                            28: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 26), ("label", 27)]],
                                {},
                            ),
                            29: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "name", "max_length": 120},
                            ),
                            30: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "role", "max_length": 120, "required": False},
                            ),
                            31: (
                                "wagtail.images.blocks.ImageChooserBlock",
                                (),
                                {"label": "photo", "required": False},
                            ),
                            32: (
                                "wagtail.blocks.EmailBlock",
                                (),
                                {"label": "email", "required": False},
                            ),
                            33: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "phone", "max_length": 40, "required": False},
                            ),
                            34: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("name", 29),
                                        ("role", 30),
                                        ("photo", 31),
                                        ("email", 32),
                                        ("phone", 33),
                                    ]
                                ],
                                {},
                            ),
                            35: ("wagtail.blocks.TextBlock", (), {"label": "quote"}),
                            36: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "attribution", "max_length": 255, "required": False},
                            ),
                            37: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 35), ("attribution", 36)]],
                                {},
                            ),
                            38: (
                                "wagtail_cityoflearning.blocks.location.LocationBlock",
                                (),
                                {"label": "Location"},
                            ),
                        },
                        verbose_name="body",
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
                ("is_free", models.BooleanField(default=True, verbose_name="free")),
                (
                    "price",
                    models.CharField(
                        blank=True,
                        help_text="E.g. 20 EUR, or 5 EUR a session.",
                        max_length=100,
                        verbose_name="price",
                    ),
                ),
                (
                    "languages",
                    wagtail_cityoflearning.fields.MultipleChoiceJSONField(
                        blank=True,
                        choices_callable=wagtail_cityoflearning.models.opportunities.language_choices,
                        default=list,
                        verbose_name="languages",
                    ),
                ),
                (
                    "mode",
                    models.CharField(
                        choices=[
                            ("in_person", "In person"),
                            ("online", "Online"),
                            ("hybrid", "Hybrid"),
                        ],
                        default="in_person",
                        max_length=20,
                        verbose_name="mode",
                    ),
                ),
                (
                    "online_url",
                    models.URLField(
                        blank=True,
                        help_text="Where participants join online.",
                        verbose_name="online link",
                    ),
                ),
                (
                    "is_ongoing",
                    models.BooleanField(
                        default=False,
                        help_text="Tick when there are no fixed sessions.",
                        verbose_name="ongoing, join any time",
                    ),
                ),
                (
                    "registration_deadline",
                    models.DateTimeField(
                        blank=True, null=True, verbose_name="registration deadline"
                    ),
                ),
                (
                    "capacity",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="capacity"),
                ),
                ("registration_url", models.URLField(blank=True, verbose_name="registration link")),
                (
                    "contact_name",
                    models.CharField(blank=True, max_length=100, verbose_name="contact name"),
                ),
                (
                    "contact_email",
                    models.EmailField(blank=True, max_length=254, verbose_name="contact email"),
                ),
                (
                    "contact_phone",
                    models.CharField(blank=True, max_length=40, verbose_name="contact phone"),
                ),
                ("accessibility", models.TextField(blank=True, verbose_name="accessibility notes")),
                (
                    "starts_at",
                    models.DateTimeField(
                        db_index=True,
                        editable=False,
                        null=True,
                        verbose_name="first session starts",
                    ),
                ),
                (
                    "ends_at",
                    models.DateTimeField(
                        db_index=True, editable=False, null=True, verbose_name="last session ends"
                    ),
                ),
                (
                    "cover_image",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="cover image",
                    ),
                ),
                (
                    "interests",
                    modelcluster.fields.ParentalManyToManyField(
                        related_name="+",
                        to="wagtail_cityoflearning.interest",
                        verbose_name="interests",
                    ),
                ),
            ],
            options={
                "verbose_name": "opportunity page",
                "verbose_name_plural": "opportunity pages",
            },
            bases=(
                wagtail_cityoflearning.models.base.CityOfLearningPageMixin,
                wagtail.contrib.routable_page.models.RoutablePageMixin,
                BASE_PAGE.lower(),
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="OpportunitySession",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("start", models.DateTimeField(verbose_name="starts")),
                ("end", models.DateTimeField(blank=True, null=True, verbose_name="ends")),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sessions",
                        to="wagtail_cityoflearning.opportunitypage",
                    ),
                ),
            ],
            options={
                "verbose_name": "session",
                "verbose_name_plural": "sessions",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.CreateModel(
            name="OpportunitySkill",
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
                        related_name="tagged_skills",
                        to="wagtail_cityoflearning.opportunitypage",
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
                "verbose_name": "opportunity skill",
                "verbose_name_plural": "opportunity skills",
            },
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="skills",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="Skills a young person builds here, e.g. teamwork, coding, public speaking.",
                through="wagtail_cityoflearning.OpportunitySkill",
                to="taggit.Tag",
                verbose_name="skills",
            ),
        ),
        migrations.CreateModel(
            name="ProviderPage",
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
                ("address", models.CharField(blank=True, max_length=255, verbose_name="address")),
                (
                    "location",
                    models.CharField(
                        blank=True,
                        help_text="Pick the point on the map, or type an address above to find it.",
                        max_length=250,
                        verbose_name="location",
                    ),
                ),
                (
                    "latitude",
                    models.FloatField(
                        blank=True,
                        db_index=True,
                        editable=False,
                        null=True,
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.FloatField(
                        blank=True,
                        db_index=True,
                        editable=False,
                        null=True,
                        verbose_name="longitude",
                    ),
                ),
                (
                    "short_description",
                    models.CharField(
                        help_text="One sentence shown on cards and in search results.",
                        max_length=255,
                        verbose_name="short description",
                    ),
                ),
                (
                    "body",
                    wagtail.fields.StreamField(
                        [
                            ("paragraph", 0),
                            ("image", 5),
                            ("video", 9),
                            ("call_to_action", 15),
                            ("accordion", 21),
                            ("learning_outcomes", 25),
                            ("document", 28),
                            ("contact", 34),
                            ("quote", 37),
                            ("location", 38),
                        ],
                        blank=True,
                        block_lookup={
                            0: ("wagtail_cityoflearning.blocks.content.RichTextBlock", (), {}),
                            1: ("wagtail.images.blocks.ImageChooserBlock", (), {"label": "image"}),
                            2: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Describe the image for people who cannot see it.",
                                    "label": "alternative text",
                                    "max_length": 255,
                                    "required": False,
                                },
                            ),
                            3: (
                                "wagtail.blocks.BooleanBlock",
                                (),
                                {
                                    "help_text": "Tick if the image adds nothing to the text; screen readers will skip it.",
                                    "label": "decorative only",
                                    "required": False,
                                },
                            ),
                            4: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "caption", "max_length": 255, "required": False},
                            ),
                            5: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("image", 1),
                                        ("alt_text", 2),
                                        ("decorative", 3),
                                        ("caption", 4),
                                    ]
                                ],
                                {},
                            ),
                            6: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {"help_text": "A YouTube or Vimeo address.", "label": "video link"},
                            ),
                            7: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "title", "max_length": 255},
                            ),
                            8: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "transcript or description", "required": False},
                            ),
                            9: (
                                "wagtail.blocks.StructBlock",
                                [[("url", 6), ("title", 7), ("transcript", 8)]],
                                {},
                            ),
                            10: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 120},
                            ),
                            11: (
                                "wagtail.blocks.TextBlock",
                                (),
                                {"label": "text", "required": False},
                            ),
                            12: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "button label", "max_length": 60},
                            ),
                            13: (
                                "wagtail.blocks.PageChooserBlock",
                                (),
                                {"label": "page", "required": False},
                            ),
                            14: (
                                "wagtail.blocks.URLBlock",
                                (),
                                {"label": "or outside address", "required": False},
                            ),
                            15: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("heading", 10),
                                        ("text", 11),
                                        ("button_label", 12),
                                        ("page", 13),
                                        ("url", 14),
                                    ]
                                ],
                                {},
                            ),
                            16: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "heading", "max_length": 120, "required": False},
                            ),
                            17: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "question or title", "max_length": 255},
                            ),
                            18: (
                                "wagtail_cityoflearning.blocks.content.RichTextBlock",
                                (),
                                {"label": "answer or content"},
                            ),
                            19: (
                                "wagtail.blocks.StructBlock",
                                [[("title", 17), ("content", 18)]],
                                {},
                            ),
                            20: (
                                "wagtail.blocks.ListBlock",
                                (19,),
                                {"label": "items", "min_num": 1},
                            ),
                            21: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 16), ("items", 20)]],
                                {},
                            ),
                            22: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty for “What you will learn”.",
                                    "label": "heading",
                                    "max_length": 120,
                                    "required": False,
                                },
                            ),
                            23: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "outcome", "max_length": 255},
                            ),
                            24: (
                                "wagtail.blocks.ListBlock",
                                (23,),
                                {"label": "outcomes", "min_num": 1},
                            ),
                            25: (
                                "wagtail.blocks.StructBlock",
                                [[("heading", 22), ("items", 24)]],
                                {},
                            ),
                            26: (
                                "wagtail.documents.blocks.DocumentChooserBlock",
                                (),
                                {"label": "document"},
                            ),
                            27: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {
                                    "help_text": "Leave empty to use the document’s title.",
                                    "label": "link text",
                                    "max_length": 120,
                                    "required": False,
                                },
                            ),
                            28: (
                                "wagtail.blocks.StructBlock",
                                [[("document", 26), ("label", 27)]],
                                {},
                            ),
                            29: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "name", "max_length": 120},
                            ),
                            30: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "role", "max_length": 120, "required": False},
                            ),
                            31: (
                                "wagtail.images.blocks.ImageChooserBlock",
                                (),
                                {"label": "photo", "required": False},
                            ),
                            32: (
                                "wagtail.blocks.EmailBlock",
                                (),
                                {"label": "email", "required": False},
                            ),
                            33: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "phone", "max_length": 40, "required": False},
                            ),
                            34: (
                                "wagtail.blocks.StructBlock",
                                [
                                    [
                                        ("name", 29),
                                        ("role", 30),
                                        ("photo", 31),
                                        ("email", 32),
                                        ("phone", 33),
                                    ]
                                ],
                                {},
                            ),
                            35: ("wagtail.blocks.TextBlock", (), {"label": "quote"}),
                            36: (
                                "wagtail.blocks.CharBlock",
                                (),
                                {"label": "attribution", "max_length": 255, "required": False},
                            ),
                            37: (
                                "wagtail.blocks.StructBlock",
                                [[("quote", 35), ("attribution", 36)]],
                                {},
                            ),
                            38: (
                                "wagtail_cityoflearning.blocks.location.LocationBlock",
                                (),
                                {"label": "Location"},
                            ),
                        },
                        verbose_name="body",
                    ),
                ),
                ("website", models.URLField(blank=True, verbose_name="website")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="phone")),
                (
                    "accessibility",
                    models.TextField(
                        blank=True,
                        help_text="Step-free access, lifts, accessible toilets, quiet rooms, assistance...",
                        verbose_name="accessibility information",
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
                (
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logo",
                    ),
                ),
            ],
            options={
                "verbose_name": "provider page",
                "verbose_name_plural": "provider pages",
            },
            bases=(
                wagtail_cityoflearning.models.base.CityOfLearningPageMixin,
                BASE_PAGE.lower(),
                models.Model,
            ),
        ),
        migrations.CreateModel(
            name="ProviderSocialLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "platform",
                    models.CharField(
                        choices=[
                            ("instagram", "Instagram"),
                            ("facebook", "Facebook"),
                            ("tiktok", "TikTok"),
                            ("youtube", "YouTube"),
                            ("linkedin", "LinkedIn"),
                            ("x", "X"),
                            ("mastodon", "Mastodon"),
                            ("bluesky", "Bluesky"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                        verbose_name="platform",
                    ),
                ),
                ("url", models.URLField(verbose_name="URL")),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="social_links",
                        to="wagtail_cityoflearning.providerpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "social link",
                "verbose_name_plural": "social links",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.AddConstraint(
            model_name="interest",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="unique_interest_slug_per_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="interest",
            unique_together={("translation_key", "locale")},
        ),
    ]
