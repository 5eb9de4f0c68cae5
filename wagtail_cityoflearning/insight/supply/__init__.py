"""Supply: the opportunities a city (or one provider) offers in a period, and the providers
active in it. Counts of opportunities and sessions, not of people: none is hidden."""
