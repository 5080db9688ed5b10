"""Every address on the site: pages, feeds, and the links that subscribe a calendar app to a feed.

One module, so that the pages that link and the feeds that are written can never disagree.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote, urlencode, urlsplit

LIST_PAGES = {
    "agenda": "agenda/index.md",
    "archive": "agenda/archief.md",
    "communities": "communities/index.md",
    "themes": "themas/index.md",
    "external": "externe-communities.md",
}
"""The generated pages that list things, by name, as Markdown paths in the docs folder."""

CONTENT_PAGES = {
    "subscribe_help": "agenda-abonneren.md",
    "join": "doe-mee.md",
}
"""The editors' own pages in content/ that generated pages link to."""

EVENT_FOLDER = "agenda/"
RESERVED_EVENT_IDS = frozenset(
    PurePosixPath(path).stem for path in LIST_PAGES.values() if path.startswith(EVENT_FOLDER)
)
"""Event pages share their folder with list pages (`index` is the agenda itself): an event may not take
such a page's name."""

ALL_EVENTS_FEED = "agenda.ics"


def community_source(community_id: str) -> str:
    return f"communities/{community_id}.md"


def event_source(event_id: str) -> str:
    return f"{EVENT_FOLDER}{event_id}.md"


def theme_source(theme_id: str) -> str:
    return f"themas/{theme_id}.md"


def community_page(community_id: str) -> str:
    return page_url(community_source(community_id))


def event_page(event_id: str) -> str:
    return page_url(event_source(event_id))


def theme_page(theme_id: str) -> str:
    return page_url(theme_source(theme_id))


def community_feed(community_id: str) -> str:
    return f"communities/{community_id}/agenda.ics"


def theme_feed(theme_id: str) -> str:
    return f"themas/{theme_id}/agenda.ics"


def event_feed(event_id: str) -> str:
    return f"{EVENT_FOLDER}{event_id}.ics"


def page_url(markdown_path: str) -> str:
    """The directory URL a Markdown path gets: "agenda/x.md" → "agenda/x/", "themas/index.md" → "themas/"."""
    stem = markdown_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative(target: str, page: str) -> str:
    """A link from one page to another; both are site paths like "agenda/x/" ("" is the home page).

    Generated markup is raw HTML, which MkDocs does not rewrite, so links are made relative here,
    the way MkDocs makes its own: the site then works from any folder and from the file system.
    """
    is_folder = target == "" or target.endswith("/")
    path = posixpath.relpath(target.rstrip("/") or ".", page.rstrip("/") or ".")
    if path == ".":
        return "./"
    return path + "/" if is_folder else path


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def domain(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


def webcal(feed_url: str) -> str:
    """The subscribe link: calendar apps open webcal:// and subscribe instead of importing once."""
    return "webcal://" + feed_url.split("://", 1)[1]


def google_subscribe(feed_url: str) -> str:
    return "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal(feed_url)}, quote_via=quote)


def outlook_subscribe(feed_url: str, name: str) -> str:
    query = urlencode({"url": feed_url, "name": name}, quote_via=quote)
    return "https://outlook.live.com/calendar/0/addfromweb?" + query


@dataclass(frozen=True)
class Subscription:
    """The ways to add one feed to a calendar app, as shown on a page."""

    name: str
    address: str

    @classmethod
    def of(cls, site_url: str, feed_path: str, name: str) -> Subscription:
        return cls(name, absolute(site_url, feed_path))

    @property
    def webcal(self) -> str:
        return webcal(self.address)

    @property
    def google(self) -> str:
        return google_subscribe(self.address)

    @property
    def outlook(self) -> str:
        return outlook_subscribe(self.address, self.name)
