"""Providers fill the map themselves: onboarding of new providers and invitations of their
staff (``onboarding``), moderation of their edits (``moderation``), the provider's home in the
admin (``home``), spreadsheet import and export of opportunities (``spreadsheets``) and
registration for opportunities on the platform (``registration``).

A Django app of its own (``wagtail_cityoflearning.providers``); it needs the core, the badges'
and the learners' apps."""
