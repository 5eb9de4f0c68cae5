"""Admin integration for learners."""
