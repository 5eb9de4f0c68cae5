"""The package's date formats, one module per language (see :mod:`wagtail_cityoflearning.dates`).

Each module names a Django date format string for each of ``dates.FORMAT_NAMES``
(upper case). ``E``, ``D`` and ``l`` are the package's month-in-a-date, abbreviated weekday and
weekday names.
"""
