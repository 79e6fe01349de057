import re

RESULT_LINK = re.compile(r'<h2><a href="(?P<url>[^"]+)">')


def result_slugs(response):
    """Guide slugs in the order the results page lists them."""
    html = response.content.decode()
    start = html.find('id="search-results"')
    if start == -1:
        return []
    return [
        match["url"].rstrip("/").rsplit("/", 1)[-1] for match in RESULT_LINK.finditer(html, start)
    ]
