"""What a step of a playlist can be: the StreamField blocks of playlist steps and their kinds."""
