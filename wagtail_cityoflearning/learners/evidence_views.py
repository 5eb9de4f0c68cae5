"""Work in progress."""

from django.http import Http404


def evidence_file(request, *args, **kwargs):
    raise Http404
