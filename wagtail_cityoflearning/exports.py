"""Spreadsheet downloads of the admin that cannot carry formulas.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by spreadsheet programs. Exports hold text that others typed (a claimant chooses
their email address, a provider names a badge), so such cells get a leading apostrophe:
the spreadsheet shows the text, never runs it. XLSX cells are stored as text by Wagtail.
"""

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """``value`` made safe for a CSV cell; anything but text is left as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeSpreadsheetExportMixin:
    """For Wagtail index and report views with ``list_export``: neutralises formula cells."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise_cell(value)
        return value
