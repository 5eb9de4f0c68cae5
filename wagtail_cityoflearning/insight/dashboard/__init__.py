"""The city insight dashboard in the Wagtail admin: every section the
``cityoflearning_insight_sections`` hook gives, for a city (or one provider) and a period,
each figure a chart, a summary in words, its table and downloads; and a one-page summary
to print."""
