"""Load the demo site: settings, body systems, images and the demo guides.

Runs once: when guides already exist it says so and changes nothing, so
`make run` can call it every time.
"""

import datetime
import io
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from comments.demo import add_demo_comments
from conditions.models import BodySystem, ConditionPage
from home.models import FeaturedGuide, HomePage, OpeningHours, SiteSettings, SiteText, SocialLink
from home.site_tree import get_or_create_conditions_index, get_or_create_home_page
from translations.demo import translate_demo_content

# The demo data stays with the home page it fills; this command lives in translations
# because it also loads the Spanish (translations/demo.py), and home must not import it.
DEMO_DIR = Path(settings.BASE_DIR) / "home" / "demo"

DEV_USERNAME = "admin"
DEV_PASSWORD = "condition-guides-dev"  # noqa: S105  (development only; see handle())
# One development login per role (review/roles.py), sharing the admin's password.
DEV_ROLE_USERS = [
    ("editor", "Edith", "Editor", "Editors"),
    ("reviewer", "Rita", "Reviewer", "Medical reviewers"),
    ("manager", "Manny", "Manager", "Site managers"),
]

BODY_SYSTEMS = [
    ("Brain and nerves", "brain-and-nerves", "Conditions of the brain, spinal cord and nerves."),
    ("Muscles, bones and joints", "muscles-bones-and-joints", "Movement, strength and joints."),
    ("Digestive system", "digestive-system", "The stomach, bowel and gut."),
    ("Mental health", "mental-health", "Mood, anxiety, trauma and sleep."),
    ("Immune system", "immune-system", "When the body's defences cause illness."),
    ("Eyes", "eyes", "Sight and eye pressure."),
    ("Cancer care", "cancer-care", "Living with cancer and its treatment."),
    ("Sleep", "sleep", "Getting to sleep and staying asleep."),
    ("Pain", "pain", "Long-lasting pain of any cause."),
    ("Skin", "skin", "Rashes, itching and skin conditions."),
]

# (weekday, opens, closes): "Mon–Fri 11–7, Sat 9–4", as on the first user's site.
OPENING_HOURS = [(day, "11:00", "19:00") for day in range(5)] + [(5, "09:00", "16:00")]

# Calm, abstract pictures drawn here so the demo ships no third-party images.
IMAGES = [
    (
        "Calm water at dawn",
        "Soft blue and green bands like calm water at dawn.",
        "#2f6f8f",
        "#a8d5c2",
    ),
    (
        "Green leaves pattern",
        "An abstract pattern of overlapping green leaf shapes.",
        "#0b5c4a",
        "#cfe8c9",
    ),
    (
        "Warm evening light",
        "Soft orange and purple bands like an evening sky.",
        "#6b4c8a",
        "#f2b880",
    ),
]
HERO_IMAGES = {"dystonia": 0, "multiple-sclerosis": 1, "insomnia": 2}

FEATURED = ["dystonia", "multiple-sclerosis", "chronic-pain", "epilepsy"]


def draw_image(top, bottom, size=(1200, 600)):
    image = PILImage.new("RGB", size, top)
    draw = ImageDraw.Draw(image)
    width, height = size
    top_rgb = tuple(int(top[i : i + 2], 16) for i in (1, 3, 5))
    bottom_rgb = tuple(int(bottom[i : i + 2], 16) for i in (1, 3, 5))
    for y in range(height):
        t = y / height
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top_rgb, bottom_rgb, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    for i in range(6):
        x = width * (i + 1) // 7
        draw.ellipse(
            [x - 90, height // 2 - 60 + i * 12, x + 90, height // 2 + 60 + i * 12],
            outline=bottom,
            width=4,
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer


class Command(BaseCommand):
    help = "Load the demo content once. Running it again changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-user",
            action="store_true",
            help="Do not create the development admin user.",
        )
        parser.add_argument(
            "--port",
            type=int,
            default=8000,
            help="The port the development server listens on, for the site's full URLs.",
        )

    def handle(self, *args, **options):
        if not options["no_user"]:
            self.ensure_dev_user()
        self.set_site_address(options["port"])
        if ConditionPage.objects.exists():
            self.stdout.write("Demo content is already loaded; nothing changed.")
            return
        with transaction.atomic():
            home = get_or_create_home_page()
            self.set_up_site(home)
            get_or_create_conditions_index()
            self.create_body_systems()
            call_command(
                "import_guides", str(DEMO_DIR / "guides.json"), publish=True, stdout=self.stdout
            )
            call_command("import_guides", str(DEMO_DIR / "draft_guide.json"), stdout=self.stdout)
            self.add_images()
            self.feature_guides(home)
            # Reviewed Spanish demo translations, made through wagtail-localize and published.
            translate_demo_content("es")
            add_demo_comments()  # comments/demo.py: marked "(demo)", no health claims
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def ensure_dev_user(self):
        if not settings.DEBUG:
            raise CommandError(
                "The demo admin login is for development only (DEBUG is off). "
                "Use --no-user and create real users with createsuperuser."
            )
        User = get_user_model()
        if not User.objects.filter(username=DEV_USERNAME).exists():
            User.objects.create_superuser(DEV_USERNAME, "admin@example.com", DEV_PASSWORD)
        for username, first_name, last_name, group in DEV_ROLE_USERS:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username,
                f"{username}@example.com",
                DEV_PASSWORD,
                first_name=first_name,
                last_name=last_name,
            )
            user.groups.add(Group.objects.get(name=group))

    def set_site_address(self, port):
        """Full URLs (canonical links, JSON-LD) come from the Site record."""
        home = get_or_create_home_page()
        Site.objects.filter(root_page=home).update(hostname="127.0.0.1", port=port)

    def set_up_site(self, home):
        site = Site.objects.get(root_page=home)
        site.site_name = "Evergreen Wellness"
        site.save()
        home.title = "Condition guides"
        home.intro = (
            "<p>Plain-language guides to long-term conditions, what treatments are usual, "
            "and what research does and does not say about cannabis. Every guide is "
            "reviewed by a clinician.</p>"
        )
        home.save_revision().publish()

        site_settings = SiteSettings.for_site(site)
        site_settings.organisation_name = "Evergreen Wellness (demo)"
        site_settings.street_address = "100 Example Avenue"
        site_settings.locality = "Springfield"
        site_settings.region = "OR"
        site_settings.postal_code = "97477"
        site_settings.country = "US"
        site_settings.phone = "+1 555 010 0199"
        site_settings.email = "hello@example.com"
        site_settings.opening_hours = [
            OpeningHours(
                weekday=day,
                opens=datetime.time.fromisoformat(opens),
                closes=datetime.time.fromisoformat(closes),
            )
            for day, opens, closes in OPENING_HOURS
        ]
        site_settings.social_links = [
            SocialLink(name="Instagram", url="https://www.instagram.com/"),
            SocialLink(name="Facebook", url="https://www.facebook.com/"),
        ]
        site_settings.site_text = SiteText.objects.create(locale=Locale.get_default())
        site_settings.save()

    def create_body_systems(self):
        locale = Locale.get_default()
        for name, slug, description in BODY_SYSTEMS:
            BodySystem.objects.get_or_create(
                locale=locale, slug=slug, defaults={"name": name, "description": description}
            )

    def add_images(self):
        Image = get_image_model()
        images = []
        for title, description, top, bottom in IMAGES:
            image = Image(title=title, description=description)
            image.file = ImageFile(
                draw_image(top, bottom), name=f"{title.lower().replace(' ', '-')}.png"
            )
            image.save()
            images.append(image)
        for slug, number in HERO_IMAGES.items():
            guide = ConditionPage.objects.filter(slug=slug).first()
            if guide is None:
                continue
            guide.hero_image = images[number]
            guide.hero_image_alt = images[number].description
            guide.save_revision().publish()

    def feature_guides(self, home):
        # Fetch the page again: the copy in hand predates the conditions index, and
        # publishing it would write back a stale child count, hiding the index.
        home = HomePage.objects.get(pk=home.pk)
        guides = [
            guide
            for slug in FEATURED
            if (guide := ConditionPage.objects.live().filter(slug=slug).first())
        ]
        # sort_order as the admin's panel sets it: the home page shows them in this order.
        home.featured_guides = [
            FeaturedGuide(guide=guide, sort_order=number) for number, guide in enumerate(guides)
        ]
        home.save_revision().publish()
