"""Every address of the site: pages, feeds, open data and Atom, the assets, the home and 404 pages,
the repository's issue forms, and the links that put a feed or one event in a calendar app.

One module, so that the pages that link and the files that are written can never disagree. (The
agenda's parts are named by their filters in catalogue/filters.py, which builds them with the
functions here.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from ..data.contract.models import Event
from . import dutch

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
COMMUNITY_FOLDER = "communities/"
THEME_FOLDER = "themas/"
ALL_EVENTS_FEED = "agenda.ics"

HOME_PAGE = "index.md"
NOT_FOUND_PAGE = "404.md"
"""The editors' own page for an address that does not exist; the theme's 404 template shows it."""
STYLESHEET = "assets/stylesheets/site.css"
SCRIPT = "assets/javascripts/site.js"

AGENDA_JSON = "agenda.json"
COMMUNITIES_JSON = "communities.json"
AGENDA_SCHEMA = "open-data/agenda.schema.json"
COMMUNITIES_SCHEMA = "open-data/communities.schema.json"
ATOM_FEED = "agenda.xml"
OPEN_DATA_PAGE = "open-data.md"
"""The editors' page that explains the open data files (content/open-data.md)."""
STATEMENT_PAGE = "toegankelijkheid.md"
"""The editors' accessibility statement, whose generated parts the generator fills in (statement/parts.py)."""
EXTERNAL_COMMUNITY_FORM = "externe-community.yml"
"""The repository's issue form to suggest an external community (.github/ISSUE_TEMPLATE)."""


def issue_form(repository: str, form: str) -> str:
    """The address of one of the repository's GitHub issue forms; none without a repository."""
    return f"{repository.rstrip('/')}/issues/new?template={form}" if repository else ""


def community_source(community_id: str) -> str:
    return f"{COMMUNITY_FOLDER}{community_id}.md"


def event_source(event_id: str) -> str:
    return f"{EVENT_FOLDER}{event_id}.md"


def theme_source(theme_id: str) -> str:
    return f"{THEME_FOLDER}{theme_id}.md"


def community_page(community_id: str) -> str:
    return page_url(community_source(community_id))


def event_page(event_id: str) -> str:
    return page_url(event_source(event_id))


def theme_page(theme_id: str) -> str:
    return page_url(theme_source(theme_id))


def community_feed(community_id: str) -> str:
    return f"{COMMUNITY_FOLDER}{community_id}/agenda.ics"


def theme_feed(theme_id: str) -> str:
    return f"{THEME_FOLDER}{theme_id}/agenda.ics"


def event_feed(event_id: str) -> str:
    return f"{EVENT_FOLDER}{event_id}.ics"


def event_type_key(event_type: str) -> str:
    return f"soort/{event_type}"


def agenda_filter_source(key: str) -> str:
    """A part of the agenda by its key ("online", "soort/webinar"): "agenda/online.md"."""
    return f"{EVENT_FOLDER}{key}.md"


def agenda_filter_feed(key: str) -> str:
    return f"{EVENT_FOLDER}{key}/agenda.ics"


INDEX_STEMS = ("index", "README")
"""The names of a folder's own page (`themas/index.md` is /themas/), in MkDocs and Zensical."""


def names_taken(folder: str) -> frozenset[str]:
    """The names in `folder` that an entry's page may not take: the list pages there, and the names
    of the folder's own page (`index` is the overview of the folder)."""
    listed = (PurePosixPath(path).stem for path in LIST_PAGES.values() if path.startswith(folder))
    return frozenset(listed) | frozenset(INDEX_STEMS)


def page_url(markdown_path: str) -> str:
    """The directory URL a Markdown path gets: "agenda/x.md" → "agenda/x/", "themas/index.md" → "themas/"
    (a README.md is an index too, in MkDocs and Zensical)."""
    stem = markdown_path.removesuffix(".md")
    if stem in INDEX_STEMS:
        return ""
    for index in INDEX_STEMS:
        stem = stem.removesuffix(f"/{index}")
    return stem + "/"


def page_file(markdown_path: str) -> str:
    """Where a generated page lies as a file of its own: "agenda/archief.md" in "agenda/archief/index.md".

    The pages link to each other relative to their address (`../cx-terugblik/` from agenda/archief/),
    which MkDocs leaves as it is, but Zensical reads relative to the Markdown file and so sent one
    folder too high. In a folder of its own, with the same address, the file is where its address is,
    and both read the links the same. A page at the top stays: its links climb out of the docs folder,
    which Zensical leaves as written. `render --out` writes the page there, and the plugin gives it
    that place in MkDocs' order of the files (navigation, search index, sitemap), so that both builds
    make the same site. Every page has a folder address: the build refuses `use_directory_urls: false`.
    """
    path = PurePosixPath(markdown_path)
    if len(path.parts) > 1 and path.stem not in INDEX_STEMS:
        path = path.with_suffix("") / "index.md"
    return path.as_posix()


def relative(target: str, page: str) -> str:
    """A link from one page to another; both are site paths like "agenda/x/" ("" is the home page).

    Generated markup is raw HTML, which MkDocs does not rewrite, so links are made relative here,
    the way MkDocs makes its own: the site then works from any folder and from the file system.
    Both are clean paths, without "." or ".." parts: the result is `posixpath.relpath`'s, computed
    from the parts alone, since every page makes dozens of links (without asking the file system).
    """
    to, here = target.split("/"), page.split("/")
    if to[-1] == "":
        to.pop()
    if here[-1] == "":
        here.pop()
    common = 0
    for mine, theirs in zip(to, here, strict=False):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(here) - common) + to[common:]
    if not parts:
        return "./"
    path = "/".join(parts)
    return path + "/" if target == "" or target.endswith("/") else path


def absolute(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def domain(site_url: str) -> str:
    return urlsplit(site_url).hostname or "localhost"


class _Escapes(dict[int, str]):
    """For `str.translate`: each character as `urllib.parse.quote(text, safe="")` writes it."""

    def __missing__(self, code: int) -> str:
        character = chr(code)
        escaped = character if character in _UNRESERVED else "".join(f"%{byte:02X}" for byte in character.encode())
        self[code] = escaped
        return escaped


_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_ESCAPES = _Escapes()


def query(fields: dict[str, str]) -> str:
    """`urlencode(fields, quote_via=quote)`, the same text: `quote` escapes a byte at a time in Python,
    and the links that put an event in a web calendar carry its whole summary."""
    return "&".join(f"{name.translate(_ESCAPES)}={value.translate(_ESCAPES)}" for name, value in fields.items())


def webcal(feed_url: str) -> str:
    """The subscribe link: calendar apps open webcal:// and subscribe instead of importing once."""
    return "webcal://" + feed_url.split("://", 1)[1]


@cache  # one per feed, and every page of an event offers its first community's feed
def google_subscribe(feed_url: str) -> str:
    return "https://calendar.google.com/calendar/render?" + query({"cid": webcal(feed_url)})


# Outlook on the web has two homes: work and school accounts (Microsoft 365) and personal ones.
OUTLOOK_WORK = "https://outlook.office.com"
OUTLOOK_PERSONAL = "https://outlook.live.com"


@cache
def outlook_subscribe(host: str, feed_url: str, name: str) -> str:
    return f"{host}/calendar/0/addfromweb?" + query({"url": feed_url, "name": name})


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
        """Outlook.com, for a personal Microsoft account."""
        return outlook_subscribe(OUTLOOK_PERSONAL, self.address, self.name)

    @property
    def microsoft365(self) -> str:
        """Outlook on the web with a work account: where most civil servants keep their calendar."""
        return outlook_subscribe(OUTLOOK_WORK, self.address, self.name)


@dataclass(frozen=True)
class AddEvent:
    """Links that open a web calendar with one event filled in, for visitors who cannot open a file.

    The forms are Google's `action=TEMPLATE` and Outlook's `deeplink/compose`; times are in UTC. The
    text (`details`, `body`) holds the event page's address, and for an online event that is not
    cancelled the link to join, so the entry in the calendar leads back to both. An all-day event gives
    dates, with an exclusive end for both (the day after the last day):

    - Google: `dates=20270114/20270115` is one day; for dates "the end date is exclusive" (Google's
      Calendar help forum, support.google.com/calendar/thread/128416249, quoted in spatie/calendar-links
      issue #137).
    - Outlook: Microsoft documents no parameters for `deeplink/compose`; the mapping is done by the
      server (InteractionDesignFoundation/add-event-to-calendar-docs, services/outlook-web.md and its
      pull request #60, from replaying the link on outlook.live.com). With `allday=true` the server
      makes an Exchange all-day event, which per Microsoft's "Create all-day events by using EWS in
      Exchange" (learn.microsoft.com/exchange/client-developer/exchange-web-services/
      how-to-create-all-day-events-by-using-ews-in-exchange) starts at midnight and ends at the
      midnight 24 hours (or a multiple) later: the end is exclusive, as DTEND in our .ics files. An
      inclusive end (the last day itself) would be the start's own midnight for a one-day event, an
      event of no length. spatie/calendar-links (BaseOutlook.php) sends the same exclusive end.
    """

    title: str
    start: date | datetime
    end: date | datetime
    details: str
    location: str

    @classmethod
    def of(cls, event: Event, page: str) -> AddEvent:
        join = event.location.online_url if not event.cancelled else None
        parts = (event.summary, dutch.labelled(dutch.JOIN_ONLINE, join) if join else None, dutch.more_information(page))
        details = "\n\n".join(part for part in parts if part)
        end = event.last_day + timedelta(days=1) if event.all_day else event.ends_at
        return cls(event.title, event.start, end, details, dutch.place(event.location))

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def google(self) -> str:
        form = "%Y%m%d" if self.all_day else "%Y%m%dT%H%M%SZ"
        dates = "/".join(_utc(moment).strftime(form) for moment in (self.start, self.end))
        fields = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": dates,
            "details": self.details,
            "location": self.location,
        }
        return "https://calendar.google.com/calendar/render?" + query(fields)

    def outlook(self, host: str = OUTLOOK_PERSONAL) -> str:
        form = "%Y-%m-%d" if self.all_day else "%Y-%m-%dT%H:%M:%SZ"
        fields = {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": self.title,
            "startdt": _utc(self.start).strftime(form),
            "enddt": _utc(self.end).strftime(form),  # all day: exclusive, see the class's docstring
            "allday": "true" if self.all_day else "false",
            "body": self.details,
            "location": self.location,
        }
        return f"{host}/calendar/deeplink/compose?" + query(fields)

    @property
    def microsoft365(self) -> str:
        return self.outlook(OUTLOOK_WORK)


def _utc(moment: date | datetime) -> date | datetime:
    return moment.astimezone(UTC) if isinstance(moment, datetime) else moment
