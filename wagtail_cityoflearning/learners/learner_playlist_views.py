"""Work in progress."""

from django.http import Http404


def playlist_list(request, *args, **kwargs):
    raise Http404


def playlist_create(request, *args, **kwargs):
    raise Http404


def playlist_edit(request, *args, **kwargs):
    raise Http404


def playlist_delete(request, *args, **kwargs):
    raise Http404


def playlist_submit(request, *args, **kwargs):
    raise Http404


def playlist_shared(request, *args, **kwargs):
    raise Http404
