"""Work in progress."""

from django.http import Http404


def start(request, *args, **kwargs):
    raise Http404


def save_for_later(request, *args, **kwargs):
    raise Http404


def step(request, *args, **kwargs):
    raise Http404
