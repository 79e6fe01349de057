"""A one-file Django app returning a fixed response: the ceiling for any Django page on
this machine. benchmarks/production.py runs it under the site's gunicorn settings."""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="benchmark-only",  # noqa: S106
    ALLOWED_HOSTS=["*"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
)


def hello(request):
    return HttpResponse("Hello, world.", content_type="text/plain")


urlpatterns = [path("", hello)]
application = get_wsgi_application()
