"""Signals of the providers' app, sent by one room and received by another."""

from django.dispatch import Signal

#: Sent when a provider has been onboarded (its page, staff group, collection and issuer
#: exist), with ``provider`` (the page), ``group`` (its staff group) and ``site``.
provider_onboarded = Signal()
