"""The "City review" workflow: providers' edits wait for the city's editors, city by city."""
