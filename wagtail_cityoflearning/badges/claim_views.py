"""The claim page: a young person types or scans a code, gives an email, gets the badge.

Nothing is stored for a learner who may not store learning on this city's site (below its age
of digital consent without a guardian's consent valid for it): logged in, they see why; an
address of such a learner's account is refused. Guessing codes is limited per browser, per
address and per code (see :mod:`.claiming`)."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Site

from wagtail_cityoflearning.badges import claiming, serializers
from wagtail_cityoflearning.badges.models import ClaimCode
from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.recipients import claim_refusal

TEMPLATE = "wagtail_cityoflearning/badges/claim.html"


class ClaimForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        help_text=gettext_lazy("Your badge is sent here. It is never shown in public."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Claim code"), max_length=30)


def claim_start(request):
    """Type a code printed on paper."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        return redirect(
            "wagtail_cityoflearning_badges:claim",
            claiming.normalise_code(form.cleaned_data["code"]) or "-",
        )
    return render_page(request, "wagtail_cityoflearning/badges/claim_start.html", {"form": form})


def claim(request, code):
    claimant = claiming.Claimant.for_request(request)
    response = _claim(request, code, claimant)
    claimant.remember(request, response)
    return response


def _claim(request, code, claimant):
    if claiming.is_blocked(claimant):
        return render_page(request, TEMPLATE, {"blocked": True, "form": None}, status=429)
    claim_code = (
        ClaimCode.objects.select_related("badge_class")
        .filter(code=claiming.normalise_code(code))
        .first()
    )
    if claim_code is None:
        claiming.record_failure(claimant)
        return render_page(
            request,
            TEMPLATE,
            {"unknown": True, "form": None, "code_form": CodeForm(initial={"code": code})},
            status=404,
        )
    site = Site.find_for_request(request)
    refused = claim_refusal(request, site, claim_code)
    if refused is not None:
        return refused
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    form = ClaimForm(request.POST or None, initial=initial)
    context = {"claim_code": claim_code, "badge_class": claim_code.badge_class, "form": form}
    if request.method == "POST" and claiming.code_is_busy(claim_code.code):
        context.update({"busy": True, "form": None})
        return render_page(request, TEMPLATE, context, status=429)
    if request.method == "POST" and form.is_valid():
        claiming.record_attempt(claim_code.code)
        try:
            instance = claiming.claim(claim_code.code, form.cleaned_data["email"], site=site)
        except claiming.ConsentRefused as error:
            form.add_error("email", " ".join(error.messages))
            return render_page(request, TEMPLATE, context, status=403)
        except ValidationError as error:
            claiming.record_failure(claimant)
            form.add_error(None, " ".join(error.messages))
        else:
            context.update({"award": instance, "assertion_url": serializers.assertion_id(instance)})
            return render_page(request, "wagtail_cityoflearning/badges/claimed.html", context)
    if request.method == "GET" and not claim_code.is_usable:
        context["unusable"] = _("This code can no longer be used.")
    return render_page(request, TEMPLATE, context, status=400 if form.errors else 200)
