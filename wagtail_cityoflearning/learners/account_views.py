"""Work in progress."""

from django.http import Http404


def profile(request, *args, **kwargs):
    raise Http404


def consent_resend(request, *args, **kwargs):
    raise Http404


def consent_confirm(request, *args, **kwargs):
    raise Http404


def data_download(request, *args, **kwargs):
    raise Http404


def delete_account(request, *args, **kwargs):
    raise Http404
