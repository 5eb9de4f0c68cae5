"""The public pages of onboarding: "Become a learning provider" and the invitation link."""

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.db import transaction
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from wagtail_cityoflearning.layout import render_page
from wagtail_cityoflearning.map.labels import control_labels
from wagtail_cityoflearning.models import CityOfLearningSettings
from wagtail_cityoflearning.panels import POINT_ZOOM
from wagtail_cityoflearning.providers.onboarding import invitations, throttle
from wagtail_cityoflearning.providers.onboarding.forms import AcceptForm, ProviderRequestForm
from wagtail_cityoflearning.providers.settings import ProviderSettings

TEMPLATES = "wagtail_cityoflearning_providers/onboarding"
NAMESPACE = "wagtail_cityoflearning_providers"
# How the invitation page answers a link it cannot use.
PROBLEM_STATUS = {
    invitations.InvitationProblem.UNKNOWN: 404,
    invitations.InvitationProblem.EXPIRED: 410,
    invitations.InvitationProblem.USED: 410,
}


def _picker_options(site) -> dict:
    city = CityOfLearningSettings.for_site(site) if site is not None else None
    options = city.map_options() if city is not None else {}
    return {
        **options,
        "pointZoom": POINT_ZOOM,
        "labels": {
            **control_labels(options.get("attribution", "")),
            "map": _(
                "Map to place your organisation: click to place the pin, then drag it to the "
                "exact spot. You can also type the point in the box above."
            ),
            "marker": _("Your organisation's pin: drag it to move it"),
            "placed": _("The point is set to %(point)s."),
            "invalid": _(
                "This point could not be read: type the latitude and longitude as two numbers "
                "separated by a comma, e.g. 46.0511, 14.5051."
            ),
        },
    }


def request_provider(request):
    """The "Become a learning provider" form of the request's city."""
    site = Site.find_for_request(request)
    if site is None or not ProviderSettings.for_site(site).accepts_provider_requests:
        return render_page(request, f"{TEMPLATES}/request_closed.html", {}, status=404)
    context = {"picker_options": _picker_options(site)}
    if request.method == "POST":
        if throttle.is_throttled(request):
            context.update({"throttled": True, "form": ProviderRequestForm(site=site)})
            return render_page(request, f"{TEMPLATES}/request_form.html", context, status=429)
        form = ProviderRequestForm(request.POST, site=site)
        if form.is_valid():
            throttle.record(request)
            if not form.is_robot:
                provider_request = form.save(commit=False)
                provider_request.site = site
                provider_request.language = get_language() or ""
                provider_request.save()
                form.save_m2m()
            return redirect(f"{NAMESPACE}:provider_request_sent")
        context["form"] = form
        return render_page(request, f"{TEMPLATES}/request_form.html", context, status=400)
    context["form"] = ProviderRequestForm(site=site)
    return render_page(request, f"{TEMPLATES}/request_form.html", context)


def request_sent(request):
    return render_page(request, f"{TEMPLATES}/request_sent.html", {})


# -- the invitation link -----------------------------------------------------------------------


def _login_url(next_url: str) -> str:
    try:
        login_url = reverse("account_login")
    except NoReverseMatch:  # a site without the learners' accounts
        login_url = reverse("wagtailadmin_login")
    return f"{login_url}?{urlencode({'next': next_url})}"


def _username_for(email: str) -> str:
    User = get_user_model()
    base = email[:140]
    username, number = base, 2
    while User.objects.filter(username__iexact=username).exists():
        username, number = f"{base}-{number}", number + 1
    return username


def _welcome(request, invitation):
    messages.success(
        request,
        _("Welcome to the staff of %(provider)s.") % {"provider": invitation.provider.title},
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[invitation.provider.pk]))


def _problem(request, reason):
    return render_page(
        request,
        f"{TEMPLATES}/invitation_invalid.html",
        {"reason": reason},
        status=PROBLEM_STATUS[reason],
    )


def invitation(request, token):
    """Join a provider's staff: a new person chooses their name and password; someone with an
    account signs in first, then joins with one click."""
    try:
        found = invitations.find(token)
    except invitations.InvitationProblem as problem:
        return _problem(request, problem.reason)
    context = {"invitation": found, "provider": found.provider}
    user = request.user
    if user.is_authenticated:
        if (user.email or "").lower() != found.email.lower():
            context["other_account"] = True
            return render_page(request, f"{TEMPLATES}/invitation.html", context, status=403)
        if request.method == "POST":
            try:
                invitations.accept(token, user)
            except invitations.InvitationProblem as problem:
                return _problem(request, problem.reason)
            return _welcome(request, found)
        context["join"] = True
        return render_page(request, f"{TEMPLATES}/invitation.html", context)
    if invitations.account_for(found.email) is not None:
        context.update({"sign_in": True, "login_url": _login_url(request.get_full_path())})
        return render_page(request, f"{TEMPLATES}/invitation.html", context)
    form = AcceptForm(request.POST or None, email=found.email)
    context["form"] = form
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                new_user = _create_account(found.email, form.cleaned_data)
                invitations.accept(token, new_user)
        except invitations.InvitationProblem as problem:
            return _problem(request, problem.reason)
        login(request, new_user, backend="django.contrib.auth.backends.ModelBackend")
        return _welcome(request, found)
    status = 400 if form.errors else 200
    return render_page(request, f"{TEMPLATES}/invitation.html", context, status=status)


def _create_account(email, data):
    user = get_user_model().objects.create_user(
        _username_for(email),
        email,
        data["password1"],
        first_name=data["first_name"],
        last_name=data["last_name"],
    )
    # The invitation came to this address: it is confirmed.
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user
