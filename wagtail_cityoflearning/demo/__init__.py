"""Demo content for the two example cities (used by the cityoflearning_demo command)."""
