"""Learners, playlists and badges on the dashboard: who signs up and how old they are,
how far they get in playlists, and the badges and evidence review behind them.

``sections`` registers three sections on the ``cityoflearning_insight_sections`` hook;
``counting`` holds what they share (the learners a scope counts, months, medians).
"""
