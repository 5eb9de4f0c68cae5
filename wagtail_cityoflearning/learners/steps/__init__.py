"""What a step of a playlist can be: the StreamField blocks of playlist steps and their kinds.

The word "step" names several things; each type says which:

- ``StepKind`` (``steps.blocks``): what a step of a playlist page asks, one of *opportunity*,
  *activity* or *badge*.
- ``OpportunityStepBlock``, ``ActivityStepBlock``, ``BadgeStepBlock`` (``steps.blocks``): how
  an editor writes a step of each kind into a playlist page; ``PlaylistStepsBlock`` is the
  StreamField block holding them. The block's id is the step's id.
- ``Step`` (``playlists.models``): one step of a playlist page as it is read back from that
  StreamField (id, number, kind, value, required), the same for every learner.
- ``StepProgress`` (``progress.models``): the stored record of one learner's work on one
  step (evidence, review, completion, the step's badge).
- ``StepStanding`` (``progress.state``): where one learner stands on one step, worked out
  from their ``StepProgress`` and what they did elsewhere (attendance, badges) and never
  stored; ``PlaylistProgress`` holds one for each step of a playlist.
- ``LearnerPlaylistStep`` (``learner_playlists.models``): a step of a playlist a learner makes
  themselves, stored as a model (an opportunity or their own words), unrelated to the above;
  ``LearnerPlaylistStepDisplay`` (``learner_playlists.views``) is one as its pages show it.
"""
