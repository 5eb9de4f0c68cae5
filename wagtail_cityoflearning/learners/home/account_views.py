"""A learner's own account: profile, a guardian's consent, downloading and deleting data."""

from __future__ import annotations

import logging
import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.http import FileResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Site

from wagtail_cityoflearning.badges.awarding import revoke
from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.learners.accounts import consent
from wagtail_cityoflearning.learners.accounts.adapter import is_admin_user
from wagtail_cityoflearning.learners.accounts.forms import (
    CityConsentForm,
    DeleteAccountForm,
    ProfileForm,
    consent_not_sent_message,
)
from wagtail_cityoflearning.learners.accounts.models import LearnerProfile
from wagtail_cityoflearning.learners.home.data_export import (
    evidence_records,
    learner_awards,
    write_archive,
)
from wagtail_cityoflearning.learners.progress.links import safe_next
from wagtail_cityoflearning.learners.progress.storage import evidence_storage

logger = logging.getLogger(__name__)

TEMPLATES = "wagtail_cityoflearning/learners/account/"


# -- profile -----------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def profile(request):
    """Edit the profile. Accounts made without one (e.g. in the admin) get one here, with
    the same age check as at sign-up; ``next`` (a page of this site) is where to go after."""
    site = Site.find_for_request(request)
    instance = LearnerProfile.objects.for_user(request.user) or LearnerProfile(
        user=request.user, site=site
    )
    status = consent.consent_status(request.user, site)
    form = ProfileForm(
        request.POST or None,
        instance=instance,
        site=instance.site or site,
        may_store=status.may_store or status.state == consent.NO_PROFILE,
    )
    next_url = safe_next(request)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = form.save(request)
        if form.consent_requested and form.consent_sent:
            messages.info(
                request,
                _("We emailed %(email)s. Until they agree, we store nothing beyond your account.")
                % {"email": saved.guardian_email},
            )
        elif form.consent_requested:
            messages.error(request, consent_not_sent_message(saved))
        else:
            messages.success(request, _("Your profile is saved."))
        response = redirect(next_url or "wagtail_cityoflearning_learners:profile")
        consent.remember_device(request, response, request.user)
        return response
    return render_page(
        request,
        TEMPLATES + "profile.html",
        {
            "form": form,
            "profile": instance if instance.pk else None,
            "next": next_url,
            "learner_consent": status,
        },
        status=400 if form.errors else 200,
    )


# -- consent -----------------------------------------------------------------------------------


@login_required
@require_POST
def consent_resend(request):
    """Send the guardian's email again (at most every few minutes): the one awaited for this
    city's site, or the profile's own."""
    fallback = redirect("wagtail_cityoflearning_learners:profile").url
    target = safe_next(request, fallback)
    status = consent.consent_status(request.user, Site.find_for_request(request))
    awaited = status.site_consent or status.profile
    if not status.is_pending or awaited is None:
        messages.info(request, _("No consent is awaited for your account."))
    elif not consent.may_resend(awaited):
        messages.warning(
            request, _("We sent the email only a moment ago. Wait a few minutes, then try again.")
        )
    else:
        if status.site_consent is not None:
            awaited.requested_at = timezone.now()
            awaited.save(update_fields=["requested_at"])
        else:
            awaited.consent_requested_at = timezone.now()
            awaited.save(update_fields=["consent_requested_at"])
        if consent.send_consent_email(request, awaited):
            messages.success(
                request, _("We emailed %(email)s again.") % {"email": status.guardian_email}
            )
        else:
            messages.error(request, _("The email could not be sent. Try again later."))
    return redirect(target)


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def consent_city(request):
    """Ask a parent or guardian to agree for the city of this site: for a learner below its
    age of digital consent whose guardian has not agreed for it (e.g. one who signed up in
    another city). A corrected address sends a new link and stops the old one working."""
    status = consent.consent_status(request.user, Site.find_for_request(request))
    fallback = redirect("wagtail_cityoflearning_learners:dashboard").url
    next_url = safe_next(request, fallback)
    template = TEMPLATES + "consent_city.html"
    if status.state == consent.NO_PROFILE:
        return redirect(consent.profile_page(next_url))
    correcting = status.is_pending and status.site_consent is not None
    if not (status.is_needed or correcting):
        if status.is_pending:
            # The profile's own consent is awaited: its address is corrected on the profile.
            return redirect("wagtail_cityoflearning_learners:profile")
        messages.info(request, _("No consent is needed for your account in this city."))
        return redirect(next_url)
    initial = {"guardian_email": status.guardian_email} if correcting else {}
    form = CityConsentForm(request.user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if correcting and not consent.may_resend(status.site_consent):
            form.add_error(
                "guardian_email",
                _("We sent an email only a moment ago. Wait a few minutes, then try again."),
            )
        else:
            email = form.cleaned_data["guardian_email"]
            with transaction.atomic():
                sent = consent.request_site_consent(request, status.profile, status.site, email)
            if sent:
                messages.info(
                    request,
                    _("We emailed %(email)s. Until they agree, we store nothing here.")
                    % {"email": email},
                )
            else:
                messages.error(request, _("The email could not be sent. Try again later."))
            return redirect(next_url)
    return render_page(
        request,
        template,
        {"form": form, "learner_consent": status, "next": next_url, "correcting": correcting},
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def consent_confirm(request, token):
    """The page the guardian's link opens: GET explains, POST records the consent (mail
    scanners that follow links change nothing). The guardian need not be logged in.

    The learner cannot agree in their guardian's place: not while logged in, not on a
    browser they logged in or signed up on (even after logging out), and not when the
    guardian's address has become one of their account's own."""
    template = TEMPLATES + "consent_confirm.html"
    try:
        asked = consent.read_token(token)
    except consent.InvalidConsentLink as error:
        return render_page(request, template, {"invalid": error.message}, status=400)
    profile = asked.profile
    context = {
        "profile": profile,
        "link_days": consent.link_days(),
        "consent_age": consent.consent_age(asked.site),
        "city_name": consent.city_name(asked.site),
        "for_another_city": asked.site_consent is not None,
    }
    own_session = request.user.is_authenticated and request.user.pk == profile.user_id
    if own_session or consent.is_learners_device(request, profile.user_id):
        context["own_link"] = True
        return render_page(request, template, context, status=403)
    if asked.is_given:
        return render_page(request, template, {**context, "confirmed": True})
    if not asked.is_pending:
        return render_page(
            request, template, {"invalid": _("No consent is needed any more.")}, status=400
        )
    if consent.is_learners_own_address(profile.user, asked.guardian_email):
        message = _(
            "This link went to an address of the young person's own account. Ask them to "
            "give their parent's or guardian's address instead."
        )
        return render_page(request, template, {"invalid": message}, status=400)
    if request.method == "POST":
        asked.confirm()
        return render_page(
            request, template, {**context, "confirmed": True, "just_confirmed": True}
        )
    return render_page(request, template, context)


# -- data rights -------------------------------------------------------------------------------


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def data_download(request):
    """GET: what the download holds. POST: the zip (built in a temporary file, so large
    evidence does not sit in memory)."""
    if request.method == "GET":
        return render_page(
            request,
            TEMPLATES + "data_download.html",
            {
                "profile": LearnerProfile.objects.for_user(request.user),
                "file_count": evidence_records(request.user).count(),
            },
        )
    archive = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it when sent
    try:
        write_archive(request.user, archive, request)
    except BaseException:
        archive.close()
        raise
    archive.seek(0)
    filename = f"city-of-learning-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(
        archive, as_attachment=True, filename=filename, content_type="application/zip"
    )


def _delete_files(names: list[str]) -> None:
    storage = evidence_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:
            logger.warning("Could not delete evidence file %s", name, exc_info=True)


def delete_user(user, *, revoke_badges: bool, reason: str = "") -> int:
    """Delete the account and everything hanging off it; optionally revoke its badges.
    Evidence files go once the deletion is committed, so a failure loses nothing.
    Returns the number of badges revoked."""
    revoked = 0
    with transaction.atomic():
        if revoke_badges:
            for award in learner_awards(user).filter(revoked=False).select_for_update():
                revoke(award, reason or str(_("Withdrawn by the recipient")))
                revoked += 1
        names = [r.file.name for r in evidence_records(user)]
        user.delete()
        transaction.on_commit(lambda: _delete_files(names))
    return revoked


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete_account(request):
    """GET: what deleting means, badges included. POST: delete after the password."""
    user = request.user
    template = TEMPLATES + "delete_account.html"
    awards = list(learner_awards(user).filter(revoked=False).order_by("issued_on"))
    context = {"awards": awards, "profile": LearnerProfile.objects.for_user(user)}
    if is_admin_user(user):
        context["refused"] = True
        return render_page(
            request, template, context, status=403 if request.method == "POST" else 200
        )
    form = DeleteAccountForm(user, request.POST or None)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            revoked = delete_user(
                user,
                revoke_badges=form.cleaned_data["revoke_badges"],
                reason=_("Withdrawn by the recipient"),
            )
        except (ProtectedError, RestrictedError):
            logger.warning("Account %s is still referenced; not deleted", user.pk, exc_info=True)
            form.add_error(
                None,
                _("Your account could not be deleted here. Write to the city: they will do it."),
            )
            return render_page(request, template, context, status=409)
        logout(request)
        return render_page(
            request,
            TEMPLATES + "account_deleted.html",
            {"revoked": revoked, "kept": 0 if revoked else len(awards)},
        )
    return render_page(request, template, context, status=400 if form.errors else 200)
