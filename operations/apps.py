from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: backups and restores, the health check, request ids in the logs."""

    name = "operations"
