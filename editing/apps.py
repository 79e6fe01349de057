from django.apps import AppConfig


class EditingConfig(AppConfig):
    """The page editor's safety net: a save built on an out-of-date version is refused."""

    name = "editing"
