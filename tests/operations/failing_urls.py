"""The site's URLs plus one that fails the way a broken database does."""

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def database_down(request):
    raise OperationalError("could not connect to server")


urlpatterns = [
    *i18n_patterns(path("failing/", database_down)),
    *site_urlpatterns,
]
