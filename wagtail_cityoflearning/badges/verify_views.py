"""The public badge verifier (``badges/verify/``): anyone brings a badge, of this site or of
another issuer, Open Badges 2.0 or 3.0, and gets a plain answer (see :mod:`.verifier`).

A normal form that works without JavaScript (a small script adds dropping an image onto it).
Checks from one address are limited (``BADGES_VERIFY_MAX_PER_ADDRESS`` within
``BADGES_VERIFY_WINDOW_SECONDS``, counted under a keyed hash of the address; beyond it the
answer is 429 with ``Retry-After``), and an uploaded file beyond the limit is skipped while it
arrives, never kept.
"""

from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.http import HttpResponseNotAllowed
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from wagtail_cityoflearning import throttle
from wagtail_cityoflearning.badges import verifier
from wagtail_cityoflearning.badges.verify_forms import VerifyForm
from wagtail_cityoflearning.conf import cityoflearning_settings
from wagtail_cityoflearning.layout import render_page

TEMPLATE = "wagtail_cityoflearning/badges/verify.html"
THROTTLE_NAMESPACE = "badge_verify"
TOO_LARGE_ATTRIBUTE = "cityoflearning_verify_too_large"


class LimitedUploadHandler(FileUploadHandler):
    """Skips an uploaded file as soon as it grows beyond what the verifier reads, noting its
    size so far on the request; the other fields of the form are still read."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > verifier.MAX_INPUT_BYTES:
            setattr(self.request, TOO_LARGE_ATTRIBUTE, self.received)
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler keeps the file


@csrf_exempt  # checked below, once the upload handler is in place
@never_cache
def verify(request):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST":
        request.upload_handlers.insert(0, LimitedUploadHandler(request))
    return _verify(request)


@csrf_protect
def _verify(request):
    context = {"form": VerifyForm(), "max_kb": verifier.MAX_INPUT_BYTES // 1024}
    if request.method != "POST":
        return render_page(request, TEMPLATE, context)
    key = throttle.address_key(request, THROTTLE_NAMESPACE)
    if throttle.count(key) >= cityoflearning_settings.BADGES_VERIFY_MAX_PER_ADDRESS:
        context["throttled"] = True
        response = render_page(request, TEMPLATE, context, status=429)
        # The count lasts a window from the first check: at most this long.
        response["Retry-After"] = str(int(cityoflearning_settings.BADGES_VERIFY_WINDOW_SECONDS))
        return response
    throttle.add_one(key, cityoflearning_settings.BADGES_VERIFY_WINDOW_SECONDS)
    form = VerifyForm(
        request.POST,
        request.FILES,
        upload_too_large=getattr(request, TOO_LARGE_ATTRIBUTE, None),
    )
    context["form"] = form
    if not form.is_valid():
        return render_page(request, TEMPLATE, context, status=400)
    data = form.cleaned_data
    reports = verifier.verify(
        data=data["file"] if data["file"] else None,
        text=data["text"] or data["url"],
        email=data["email"] or "",
    )
    context.update({"reports": reports, "verdict": verifier.overall(reports)})
    return render_page(request, TEMPLATE, context)
