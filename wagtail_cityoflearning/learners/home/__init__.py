"""The learner's own pages: the dashboard with its suggestions, the badge backpack, the
profile, and the data rights (download, delete)."""
