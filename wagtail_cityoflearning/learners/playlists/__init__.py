"""The playlist pages (abstract bases and the concrete pages) and what reads many of them at
once: which playlists hold an opportunity, and loading steps in bulk."""
