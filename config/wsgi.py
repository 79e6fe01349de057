"""What a WSGI server runs. It defaults to the production settings, so a forgotten
DJANGO_SETTINGS_MODULE fails closed: production refuses to start without its environment.
Only manage.py defaults to development."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()
