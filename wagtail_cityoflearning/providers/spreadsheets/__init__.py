"""Spreadsheet import and export of opportunities (CSV and XLSX through tablib): the template,
the checked preview, the import that updates by external id, and the export."""
