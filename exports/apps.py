from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "exports"
    verbose_name = "Spreadsheet exports"

    def ready(self):
        from .spreadsheets import protect_csv_exports

        protect_csv_exports()
