"""Every generated page of the site, as (path, Markdown source) pairs, without MkDocs.

The bodies are HTML from the templates (autoescaped), wrapped in Markdown files only so that the
builder adds its theme, navigation and search. Titles and descriptions go in the front matter,
HTML-escaped, because the theme prints them unescaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from itertools import groupby
from typing import Any

import yaml
from markupsafe import Markup

from ..catalogue import urls
from ..catalogue.dutch import event_page_titles
from ..catalogue.feeds import Feed, all_feeds
from ..catalogue.filters import agenda_filters, form_choices
from ..catalogue.identity import NEUTRAL, Identity
from ..data.contract.models import Community, Event, Theme
from ..data.contract.network import Network
from ..search.ranking import event_weights
from .structured_data import event_data, script_json
from .templating import environment

HOME_EVENTS = 5

# libyaml's emitter writes the same text as PyYAML's own for these plain mappings (the goldens hold
# it), about seven times faster: the front matter of 2,000 pages was a seventh of the generator's time.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass(frozen=True)
class SiteSettings:
    """What the pages need beyond the data: set in the builder's configuration (mkdocs.yml)."""

    site_url: str
    suggest_url: str
    edit_urls: Mapping[str, str] = field(default_factory=dict)
    """The "Bewerk deze pagina" address of each generated page, by Markdown path."""
    identity: Identity = NEUTRAL
    """The network behind the site, for every text that names it."""
    contact_email: str = ""
    """The site's general address: where to ask what a community without `contact_email` cannot answer."""


# An `id` on any element and a `name` on a link: the anchors MkDocs collects from a page's HTML to
# check links to them. The templates write every attribute in double quotes and escape its value, and
# text and JSON never hold a bare `<`, so every match is an attribute of a tag.
_ANCHOR = re.compile(r'<(?:[a-zA-Z][^<>]*?\sid|a\s[^<>]*?(?<=\s)name)="([^"]*)"')


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page and where it lives: the one place a builder reads that from."""

    path: str
    """The Markdown path in the docs folder, as `nav:` in mkdocs.yml and the editors' links name it."""
    content: str
    in_nav: bool = True
    """False for the pages of single items: the navigation shows sections, not every event."""
    html: str = field(default="", repr=False)
    """The page's body as Markdown turns it into HTML: the templates write one block of HTML, which
    Markdown passes on unchanged. A builder that knows this can skip parsing it, the largest part of
    a build after the theme; tests/test_core.py compares such a build with one that parses it."""

    @property
    def url(self) -> str:
        """The page's address, relative to the site: "agenda/archief/"."""
        return urls.page_url(self.path)

    @property
    def file(self) -> str:
        """Where the page lies as a file of its own, and so its place in a builder's order (`urls.page_file`)."""
        return urls.page_file(self.path)

    @property
    def anchor_ids(self) -> set[str]:
        """The anchors in `html`, as MkDocs finds them when it parses the page."""
        return {html.unescape(value) for value in _ANCHOR.findall(self.html)}


ListItem = Callable[[Event, int, "datetime | None"], Markup]

# A link in a list item rendered for every page at once: the target's site path as `<\x00path\x00>`.
# Autoescaping turns every `<` that comes from the data into `&lt;`, so only `_Targets` writes this.
_TARGET = re.compile("<\x00([^\x00]*)\x00>")


class Links:
    """Relative links from one page to the others, for the templates."""

    def __init__(self, page_url: str, list_item: ListItem | None = None) -> None:
        self.page_url = page_url
        self._list_item = list_item

    def to(self, path: str) -> str:
        return urls.relative(path, self.page_url)

    def list_item(self, event: Event, heading_level: int, now: datetime | None) -> Markup:
        """An event in a list (`_event_item.html`), with its links as `fill_in` makes them for this page."""
        if self._list_item is None:
            raise LookupError("these links were made without list items")
        return self._list_item(event, heading_level, now)

    def fill_in(self, body: str) -> str:
        """`body` with the targets of `_Targets` replaced by links from this page."""
        return _TARGET.sub(lambda found: self.to(found[1]), body) if "<\x00" in body else body

    def page(self, name: str) -> str:
        """A list page or an editors' page by its name in `urls.LIST_PAGES` or `urls.CONTENT_PAGES`."""
        return self.to(urls.page_url(urls.LIST_PAGES.get(name) or urls.CONTENT_PAGES[name]))

    def community(self, item: Community | str) -> str:
        return self.to(urls.community_page(item if isinstance(item, str) else item.id))

    def event(self, item: Event) -> str:
        return self.to(urls.event_page(item.id))

    def theme(self, item: Theme | str) -> str:
        return self.to(urls.theme_page(item if isinstance(item, str) else item.id))

    def event_file(self, item: Event) -> str:
        return self.to(urls.event_feed(item.id))


class _Targets(Links):
    """Links that name their target and leave the path to it to the page (`Links.fill_in`)."""

    def to(self, path: str) -> str:
        return Markup(f"<\x00{path}\x00>")  # noqa: S704 - a path from urls, made of checked ids


class _Renderer:
    def __init__(self, network: Network, now: datetime, settings: SiteSettings) -> None:
        self.network, self.now, self.settings = network, now, settings
        self._items: dict[tuple[str, int, bool], Markup] = {}

    def list_item(self, event: Event, heading_level: int, now: datetime | None) -> Markup:
        """An event stands in four to eight lists (agenda, its parts, communities, themes, home) that
        differ only in its links: rendered once, its links filled in per page. Jinja's macro calls for
        every event in every list were the largest part of the pages' time."""
        key = (event.id, heading_level, now is None)
        if key not in self._items:
            template = environment().get_template("_event_item.html")
            context = {"network": self.network, "links": _Targets(""), "heading_level": heading_level, "now": now}
            # The output of an autoescaped template is safe HTML.
            self._items[key] = Markup(template.render(event=event, **context))  # noqa: S704
        return self._items[key]

    @cached_property
    def feeds(self) -> dict[str, Feed]:
        """The feeds by path, for their names; only pages that offer a feed need them."""
        return {feed.path: feed for feed in all_feeds(self.network, self.now, self.settings.identity)}

    def subscription(self, feed_path: str) -> urls.Subscription:
        return urls.Subscription.of(self.settings.site_url, feed_path, self.feeds[feed_path].name)

    def page(
        self, path: str, template: str, title: str, description: str, foreign: Event | None = None, **context: Any
    ) -> GeneratedPage:
        """`foreign`: an event whose title is in another language than Dutch; the theme's header marks
        that part of the page's title with its `lang` (partials/header.html)."""
        meta: dict[str, Any] = {"title": html.escape(title), "description": html.escape(description)}
        if foreign is not None and foreign.language != "nl" and title.startswith(foreign.title):
            meta |= {"title_language": foreign.language, "title_foreign": html.escape(foreign.title)}
        if path in self.settings.edit_urls:
            meta["edit_url"] = self.settings.edit_urls[path]
        front_matter = yaml.dump(meta, Dumper=_DUMPER, allow_unicode=True, sort_keys=True, width=1000)
        body = self.render(template, urls.page_url(path), title=title, **context)
        in_nav = path.endswith("index.md") or "/" not in path
        return GeneratedPage(path, f"---\n{front_matter}---\n\n{body}", in_nav, body.strip())

    def render(self, template: str, page_url: str, **context: Any) -> str:
        links = Links(page_url, self.list_item)
        body = (
            environment()
            .get_template(template)
            .render(network=self.network, now=self.now, settings=self.settings, links=links, **context)
        )
        return links.fill_in(body)


def render_pages(network: Network, now: datetime, settings: SiteSettings) -> list[GeneratedPage]:
    r = _Renderer(network, now, settings)
    upcoming = network.upcoming(now)
    upcoming_ids = {event.id for event in upcoming}
    parts = agenda_filters(network)
    pages = [
        r.page(
            urls.LIST_PAGES["communities"],
            "community_list.html",
            "Community's",
            f"Alle community's van {settings.identity.network}.",
        ),
        r.page(
            urls.LIST_PAGES["agenda"],
            "agenda.html",
            "Agenda",
            "Alle komende evenementen van de community's.",
            months=_by_month(upcoming),
            subscription=r.subscription(urls.ALL_EVENTS_FEED),
            parts=parts,
            choices=form_choices(network),
        ),
        r.page(
            urls.LIST_PAGES["archive"],
            "archive.html",
            "Archief van de agenda",
            "Evenementen die al geweest zijn.",
            years=_by_year(network.past(now)),
            parts=parts,
            choices=form_choices(network),
        ),
        r.page(urls.LIST_PAGES["themes"], "theme_list.html", "Thema's", "De thema's waar de community's aan werken."),
        r.page(
            urls.LIST_PAGES["external"],
            "external.html",
            "Externe community's",
            settings.identity.external_page_description,
        ),
    ]
    for community in network.communities:
        events = network.events_of(community.id)
        pages.append(
            r.page(
                urls.community_source(community.id),
                "community.html",
                community.name,
                community.summary,
                community=community,
                upcoming=[e for e in events if e.id in upcoming_ids],
                past=[e for e in reversed(events) if e.id not in upcoming_ids],
                subscription=r.subscription(urls.community_feed(community.id)),
            )
        )
    page_titles = event_page_titles(network.events)
    for event in network.events:
        pages.append(
            r.page(
                urls.event_source(event.id),
                "event.html",
                page_titles[event.id],
                event.summary or event.title,
                foreign=event,
                weights=event_weights(upcoming=event.id in upcoming_ids, cancelled=event.cancelled),
                event=event,
                is_upcoming=event.id in upcoming_ids,
                structured_data=script_json(event_data(event, network, settings.site_url)),
                organiser=network.organiser(event),
                subscription=r.subscription(urls.community_feed(event.communities[0])),
                add_event=urls.AddEvent.of(event, urls.absolute(settings.site_url, urls.event_page(event.id))),
            )
        )
    for theme in network.themes:
        pages.append(
            r.page(
                urls.theme_source(theme.id),
                "theme.html",
                f"Thema: {theme.name}",
                theme.description or theme.name,
                theme=theme,
                upcoming=[e for e in upcoming if theme.id in e.themes],
                subscription=r.subscription(urls.theme_feed(theme.id)),
            )
        )
    for part in parts:
        pages.append(
            r.page(
                part.source,
                "agenda_part.html",
                part.title,
                part.lead,
                part=part,
                parts=parts,
                months=_by_month([e for e in upcoming if part.matches(e)]),
                subscription=r.subscription(part.feed),
            )
        )
    return pages


def render_home(network: Network, now: datetime, settings: SiteSettings) -> str:
    """The generated part of the home page, placed under the editors' own home text."""
    going_ahead = [event for event in network.upcoming(now) if not event.cancelled]
    return _Renderer(network, now, settings).render("home.html", "", upcoming=going_ahead[:HOME_EVENTS])


def _by_month(events: list[Event]) -> list[tuple[datetime, list[Event]]]:
    grouped = groupby(events, key=lambda e: (e.starts_at.year, e.starts_at.month))
    return [(month[0].starts_at, month) for month in (list(group) for _, group in grouped)]


def _by_year(events: list[Event]) -> list[tuple[int, list[Event]]]:
    return [(year, list(group)) for year, group in groupby(events, key=lambda e: e.starts_at.year)]
