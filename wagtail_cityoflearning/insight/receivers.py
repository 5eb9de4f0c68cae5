"""The insight app listens to the rooms below it: each of its rooms connects its receivers
here, called once from the app's ``ready``."""


def connect() -> None:
    pass
