"""The admin of the learners' app: the evidence review queue, the participants of an
opportunity with attendance, and the playlist progress report. Registered in
``learners/wagtail_hooks.py``."""
