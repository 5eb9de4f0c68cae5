"""Work in progress."""

from allauth.account.adapter import DefaultAccountAdapter


class LearnerAccountAdapter(DefaultAccountAdapter):
    pass
