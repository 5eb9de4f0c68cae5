"""Progress and evidence: where a learner stands in a playlist, the evidence they send, the
badges steps and playlists award, and the routes of a playlist page (start, save, step)."""
