"""Issuers, their signing keys, badge classes and awards (Open Badges assertions)."""

import calendar
import hashlib
import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index

from wagtail_cityoflearning.badges.validators import validate_badge_image


class Issuer(index.Indexed, models.Model):
    """Who issues badges: the city (one per Site) or a learning provider."""

    class Verification(models.TextChoices):
        HOSTED = "hosted", _("Hosted (the assertion is checked at its URL)")
        SIGNED = "signed", _("Signed (the assertion carries the issuer's signature)")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("website"))
    email = models.EmailField(
        _("email"), help_text=_("Required by Open Badges: where people can reach the issuer.")
    )
    description = models.TextField(_("description"), blank=True)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("city site"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="badge_issuer",
        help_text=_("Set for the city's own issuer profile."),
    )
    provider = models.OneToOneField(
        "wagtail_cityoflearning.ProviderPage",
        verbose_name=_("learning provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="badge_issuer",
    )
    verification = models.CharField(
        _("verification"), max_length=10, choices=Verification.choices, default=Verification.HOSTED
    )
    # The next free index in the issuer's Open Badges 3.0 status list (one bit per award).
    status_list_next = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("email"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("site"), FieldPanel("provider")]),
        FieldPanel("verification"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("badge issuer")
        verbose_name_plural = _("badge issuers")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(site__isnull=True) | models.Q(provider__isnull=True),
                name="issuer_is_city_or_provider",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.site_id and self.provider_id:
            raise ValidationError(
                {"provider": _("An issuer is either the city or a provider, not both.")}
            )

    def get_site(self):
        """The Wagtail Site whose address the issuer's badge URLs use."""
        from wagtail.models import Site

        if self.site_id:
            return self.site
        if self.provider_id:
            return self.provider.get_site()
        return Site.objects.filter(is_default_site=True).first()

    @cached_property
    def base_url(self) -> str:
        # Every id of a document needs it; a provider issuer's Site costs queries to find.
        site = self.get_site()
        if site is None:
            return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        return site.root_url.rstrip("/")

    def allocate_status_index(self) -> int:
        """Take the next index of the issuer's status list (inside the caller's transaction:
        the row is updated first, so two awards never share an index)."""
        return self.allocate_status_indexes(1)

    def allocate_status_indexes(self, count: int) -> int:
        """Take ``count`` consecutive indexes of the issuer's status list; the first of them
        (as :meth:`allocate_status_index`, inside the caller's transaction)."""
        type(self).objects.filter(pk=self.pk).update(status_list_next=F("status_list_next") + count)
        return type(self).objects.values_list("status_list_next", flat=True).get(pk=self.pk) - count

    def active_key(self, algorithm: str = "RS256"):
        """The issuer's current key of ``algorithm`` ("RS256" for Open Badges 2.0 signed
        assertions, "Ed25519" for Open Badges 3.0 credentials), or None."""
        return (
            self.keys.filter(retired_at__isnull=True, algorithm=algorithm)
            .order_by("-created_at")
            .first()
        )


class IssuerKey(models.Model):
    """A key pair of an issuer: RSA (RS256) signs Open Badges 2.0 assertions, Ed25519 signs
    Open Badges 3.0 credentials. Retired keys stay published, so old badges still verify."""

    class Algorithm(models.TextChoices):
        RS256 = "RS256", "RS256"
        ED25519 = "Ed25519", "Ed25519"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    issuer = models.ForeignKey(Issuer, on_delete=models.CASCADE, related_name="keys")
    algorithm = models.CharField(
        _("algorithm"),
        max_length=10,
        choices=Algorithm.choices,
        default=Algorithm.RS256,
        editable=False,
    )
    public_key_pem = models.TextField(editable=False)
    private_key_pem = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    retired_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("issuer key")
        verbose_name_plural = _("issuer keys")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.issuer} ({self.algorithm}, {self.created_at:%Y-%m-%d})"


class BadgeClassTag(TaggedItemBase):
    content_object = ParentalKey(
        "wagtail_cityoflearning_badges.BadgeClass",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )


class BadgeClass(
    TranslatableMixin, DraftStateMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    """A badge that can be earned: what it means, how to earn it, who issues it."""

    class Expiry(models.TextChoices):
        NEVER = "", _("Never expires")
        DAYS = "days", _("Days after award")
        MONTHS = "months", _("Months after award")

    uuid = models.UUIDField(default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=True)
    description = models.TextField(_("description"))
    image = models.FileField(
        _("image"),
        upload_to="badges/classes/",
        validators=[FileExtensionValidator(["png", "svg"]), validate_badge_image],
        help_text=_("A square PNG or SVG, at most 512 KB."),
    )
    criteria_narrative = models.TextField(
        _("how to earn it"), help_text=_("What someone must do to earn this badge.")
    )
    criteria_url = models.URLField(_("criteria page"), blank=True)
    tags = ClusterTaggableManager(verbose_name=_("tags"), through=BadgeClassTag, blank=True)
    expiry = models.CharField(
        _("expiry"), max_length=10, choices=Expiry.choices, default=Expiry.NEVER, blank=True
    )
    expiry_amount = models.PositiveIntegerField(_("expires after"), null=True, blank=True)
    issuer = models.ForeignKey(
        Issuer, verbose_name=_("issuer"), on_delete=models.PROTECT, related_name="badge_classes"
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="badgeclass")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("criteria_narrative"),
        FieldPanel("criteria_url"),
        InlinePanel("alignments", heading=_("Skills it aligns to"), label=_("Alignment")),
        FieldPanel("tags"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("expiry"), FieldPanel("expiry_amount")])],
            heading=_("Expiry"),
        ),
        FieldPanel("issuer"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("badge class")
        verbose_name_plural = _("badge classes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_badge_slug_per_locale"),
            models.UniqueConstraint(fields=["uuid", "locale"], name="unique_badge_uuid_per_locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.expiry and not self.expiry_amount:
            raise ValidationError({"expiry_amount": _("Say after how many days or months.")})
        if self.pk and self.issuer_id and self.awards.exists():
            issued_by = type(self).objects.filter(pk=self.pk).values_list("issuer", flat=True)
            if issued_by.first() not in (None, self.issuer_id):
                # Its awards name their issuer, are signed by it and have their bit in its
                # status list: they cannot change hands.
                raise ValidationError(
                    {"issuer": _("This badge has been awarded: its issuer cannot change.")}
                )
        if not self.expiry and self.expiry_amount:
            raise ValidationError({"expiry": _("Choose days or months, or clear the amount.")})

    def expires_for(self, issued_on):
        """When an award issued at ``issued_on`` expires, or None."""
        if not self.expiry or not self.expiry_amount:
            return None
        if self.expiry == self.Expiry.DAYS:
            return issued_on + timedelta(days=self.expiry_amount)
        months = issued_on.month - 1 + self.expiry_amount
        year, month = issued_on.year + months // 12, months % 12 + 1
        day = min(issued_on.day, calendar.monthrange(year, month)[1])
        return issued_on.replace(year=year, month=month, day=day)


class BadgeAlignment(Orderable):
    """A skill or competence framework entry the badge aligns to (e.g. ESCO)."""

    badge_class = ParentalKey(BadgeClass, on_delete=models.CASCADE, related_name="alignments")
    target_name = models.CharField(_("name"), max_length=200)
    target_url = models.URLField(_("URL"))
    target_framework = models.CharField(_("framework"), max_length=100, blank=True)
    target_code = models.CharField(_("code"), max_length=100, blank=True)

    panels = [
        FieldPanel("target_name"),
        FieldPanel("target_url"),
        FieldRowPanel([FieldPanel("target_framework"), FieldPanel("target_code")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("alignment")
        verbose_name_plural = _("alignments")


def new_salt() -> str:
    return secrets.token_hex(16)


class Award(ClusterableModel):
    """An awarded badge: the Open Badges assertion. Its email is never shown in public."""

    class Source(models.TextChoices):
        ADMIN = "admin", _("Admin")
        BULK = "bulk", _("Bulk award")
        CLAIM_CODE = "claim_code", _("Claim code")
        PLAYLIST = "playlist", _("Playlist")
        COMMAND_LINE = "command_line", _("Command line")

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge_class = models.ForeignKey(
        BadgeClass, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="awards"
    )
    recipient_email = models.EmailField(_("recipient email"), db_index=True)
    salt = models.CharField(max_length=64, default=new_salt, editable=False)
    issued_on = models.DateTimeField(_("issued on"), default=timezone.now)
    expires = models.DateTimeField(_("expires"), null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True)
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("awarded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.ADMIN
    )
    revoked = models.BooleanField(_("revoked"), default=False)
    revocation_reason = models.CharField(_("revocation reason"), max_length=255, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    baked_image = models.FileField(upload_to="badges/assertions/", blank=True, editable=False)
    signature = models.TextField(blank=True, editable=False)
    # Open Badges 3.0: the credential secured with a Data Integrity proof, the same as a
    # VC-JWT, and the award's bit in its issuer's status list (set when revoked).
    credential = models.JSONField(default=dict, blank=True, editable=False)
    credential_jwt = models.TextField(blank=True, editable=False)
    status_index = models.PositiveIntegerField(null=True, blank=True, editable=False)
    baking_state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, editable=False
    )
    notification_state = models.CharField(
        max_length=10, choices=State.choices, default=State.PENDING, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-issued_on"]
        indexes = [models.Index(fields=["baking_state", "notification_state"])]

    def __str__(self):
        return f"{self.badge_class} → {self.recipient_email}"

    def clean(self):
        super().clean()
        if self.issued_on and self.issued_on > timezone.now() + timedelta(minutes=5):
            raise ValidationError({"issued_on": _("A badge cannot be issued in the future.")})
        if self.expires and self.issued_on and self.expires <= self.issued_on:
            raise ValidationError({"expires": _("A badge must expire after it is issued.")})

    @property
    def recipient_identity(self) -> str:
        """``sha256$`` + hex digest of the normalised email and this award's salt."""
        email = self.recipient_email.strip().lower()
        return "sha256$" + hashlib.sha256((email + self.salt).encode()).hexdigest()

    def is_for(self, email: str) -> bool:
        email = (email or "").strip().lower()
        return (
            hashlib.sha256((email + self.salt).encode()).hexdigest() == self.recipient_identity[7:]
        )

    @property
    def is_expired(self) -> bool:
        return self.expires is not None and self.expires <= timezone.now()


class OpportunityBadge(Orderable):
    """The badge a young person earns at an opportunity.

    Kept by the badges' app, as a child of the opportunity page (so drafts and revisions carry
    it, as any field of the page): the core's pages work without the badges' app. The panel
    is added to the opportunity page's editor when this app is ready (see ``apps.py``)."""

    page = ParentalKey(
        "wagtail_cityoflearning.OpportunityPage",
        on_delete=models.CASCADE,
        related_name="earned_badges",
    )
    badge_class = models.ForeignKey(
        BadgeClass,
        verbose_name=_("badge"),
        on_delete=models.CASCADE,
        related_name="opportunity_links",
        help_text=_("The Open Badge a young person earns at this opportunity."),
    )

    panels = [FieldPanel("badge_class")]

    class Meta(Orderable.Meta):
        verbose_name = _("badge you can earn")
        verbose_name_plural = _("badges you can earn")

    def __str__(self):
        return str(self.badge_class)


class AwardEvidence(Orderable):
    award = ParentalKey(Award, on_delete=models.CASCADE, related_name="evidence")
    url = models.URLField(_("evidence URL"), blank=True)
    narrative = models.TextField(_("evidence narrative"), blank=True)

    panels = [FieldPanel("url"), FieldPanel("narrative")]

    class Meta(Orderable.Meta):
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def clean(self):
        super().clean()
        if not self.url and not self.narrative.strip():
            raise ValidationError(_("Give a link to the evidence, a description, or both."))


def new_claim_code() -> str:
    # No 0/O or 1/I/L: codes are typed from paper.
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class ClaimCode(models.Model):
    """A code young people use to claim a badge themselves, e.g. printed as a QR code."""

    badge_class = models.ForeignKey(
        BadgeClass, verbose_name=_("badge"), on_delete=models.CASCADE, related_name="claim_codes"
    )
    code = models.CharField(_("code"), max_length=20, unique=True, default=new_claim_code)
    label = models.CharField(
        _("label"), max_length=120, blank=True, help_text=_("E.g. the activity and its date.")
    )
    max_uses = models.PositiveIntegerField(
        _("uses allowed"), default=1, help_text=_("1 for a personal code; more for a group.")
    )
    uses = models.PositiveIntegerField(_("uses"), default=0, editable=False)
    expires_at = models.DateTimeField(_("valid until"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("claim code")
        verbose_name_plural = _("claim codes")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.code} ({self.badge_class})"

    @property
    def is_usable(self) -> bool:
        return (
            self.active
            and self.uses < self.max_uses
            and (self.expires_at is None or self.expires_at > timezone.now())
            and self.badge_class.live
        )


# Kept in its own module; imported here so Django registers it with the app.
from wagtail_cityoflearning.badges.endorsement_models import Endorsement  # noqa: E402, F401
