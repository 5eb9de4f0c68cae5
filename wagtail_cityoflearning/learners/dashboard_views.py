"""Work in progress."""

from django.http import Http404


def dashboard(request, *args, **kwargs):
    raise Http404


def backpack(request, *args, **kwargs):
    raise Http404


def backpack_download(request, *args, **kwargs):
    raise Http404
