"""Young people's accounts (django-allauth), progress through playlists, evidence and its
review, the badge backpack, and the playlists learners make."""
