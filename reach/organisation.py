"""The organisation in schema.org terms, from the site settings, for search engines."""

from conditions.identifiers import organisation_id

# schema.org's day names in Monday = 0 order, as the opening hours store them
# (datetime.weekday(), django.utils.dates.WEEKDAYS).
SCHEMA_DAYS = [
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
]


def organisation_data(site_settings, root_url):
    """JSON-LD for the organisation; fields left blank in the settings are left out."""
    data = {
        "@context": "https://schema.org",
        "@type": site_settings.organisation_type or "LocalBusiness",
        "@id": organisation_id(root_url),
        "name": site_settings.organisation_name,
        "url": f"{root_url}/",
    }
    address = {
        key: value
        for key, value in (
            ("streetAddress", site_settings.street_address),
            ("addressLocality", site_settings.locality),
            ("addressRegion", site_settings.region),
            ("postalCode", site_settings.postal_code),
            ("addressCountry", site_settings.country),
        )
        if value
    }
    if address:
        data["address"] = {"@type": "PostalAddress", **address}
    if site_settings.phone:
        data["telephone"] = site_settings.phone
    if site_settings.email:
        data["email"] = site_settings.email
    hours = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": SCHEMA_DAYS[hours.weekday],
            "opens": hours.opens.strftime("%H:%M"),
            "closes": hours.closes.strftime("%H:%M"),
        }
        for hours in sorted(site_settings.opening_hours.all(), key=lambda h: (h.weekday, h.opens))
        if hours.weekday is not None and hours.opens and hours.closes
    ]
    if hours:
        data["openingHoursSpecification"] = hours
    same_as = [link.url for link in site_settings.social_links.all() if link.url]
    if same_as:
        data["sameAs"] = same_as
    return data
