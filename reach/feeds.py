"""An Atom feed of each language's live, public guides, newest changes first."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags

FEED_LENGTH = 50


class GuidesFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, index):
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_full_url(self.request) or index.url

    def feed_url(self, index):
        return f"{self.link(index)}feed/"

    def subtitle(self, index):
        return strip_tags(index.intro) or None

    def items(self, index):
        # Live, public and in this language: drafts, restricted guides and translations
        # not yet reviewed (unpublished) never reach the feed.
        return (
            index.guides()
            .defer_streamfields()
            .select_related("locale")
            .order_by("-last_published_at", "pk")[:FEED_LENGTH]
        )

    def item_title(self, guide):
        return guide.title

    def item_description(self, guide):
        return guide.summary

    def item_link(self, guide):
        return guide.get_full_url(self.request) or guide.url

    def item_guid(self, guide):
        return self.item_link(guide)

    def item_pubdate(self, guide):
        return guide.first_published_at

    def item_updateddate(self, guide):
        return guide.last_published_at
