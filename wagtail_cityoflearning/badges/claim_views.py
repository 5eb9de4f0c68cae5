"""The claim page: a young person types or scans a code, gives an email, gets the badge."""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import claiming, serializers
from .models import ClaimCode
from .views import page


class ClaimForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("Your email address"),
        help_text=gettext_lazy("Your badge is sent here. It is never shown in public."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Claim code"), max_length=30)


def _client(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def claim_start(request):
    """Type a code printed on paper."""
    form = CodeForm(request.GET or None)
    if form.is_valid():
        return redirect(
            "wagtail_cityoflearning_badges:claim",
            claiming.normalise_code(form.cleaned_data["code"]) or "-",
        )
    return page(request, "wagtail_cityoflearning/badges/claim_start.html", {"form": form})


def claim(request, code):
    client = _client(request)
    if claiming.is_blocked(client):
        return page(
            request,
            "wagtail_cityoflearning/badges/claim.html",
            {"blocked": True, "form": None},
            status=429,
        )
    claim_code = (
        ClaimCode.objects.select_related("badge_class")
        .filter(code=claiming.normalise_code(code))
        .first()
    )
    if claim_code is None:
        claiming.record_failure(client)
        return page(
            request,
            "wagtail_cityoflearning/badges/claim.html",
            {"unknown": True, "form": None, "code_form": CodeForm(initial={"code": code})},
            status=404,
        )
    initial = {"email": request.user.email} if request.user.is_authenticated else {}
    form = ClaimForm(request.POST or None, initial=initial)
    context = {"claim_code": claim_code, "badge_class": claim_code.badge_class, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            instance = claiming.claim(claim_code.code, form.cleaned_data["email"])
        except ValidationError as error:
            claiming.record_failure(client)
            form.add_error(None, " ".join(error.messages))
        else:
            context.update({"award": instance, "assertion_url": serializers.assertion_id(instance)})
            return page(request, "wagtail_cityoflearning/badges/claimed.html", context)
    if request.method == "GET" and not claim_code.is_usable:
        context["unusable"] = _("This code can no longer be used.")
    return page(
        request,
        "wagtail_cityoflearning/badges/claim.html",
        context,
        status=400 if form.errors else 200,
    )
