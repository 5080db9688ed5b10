"""Every generated page of the site, as (path, Markdown source) pairs, without MkDocs.

The bodies are HTML from the templates (autoescaped), wrapped in Markdown files only so that the
builder adds its theme, navigation and search. Titles and descriptions go in the front matter,
HTML-escaped, because the theme prints them unescaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby
from typing import Any

import yaml

from .models import Community, Event, Theme
from .network import Network
from .templating import environment, relative_url

HOME_EVENTS = 5


@dataclass(frozen=True)
class SiteSettings:
    """What the pages need beyond the data: set in mkdocs.yml, with defaults in the plugin."""

    suggest_url: str


@dataclass(frozen=True)
class GeneratedPage:
    path: str
    content: str
    in_nav: bool = True
    """False for the pages of single items: the navigation shows sections, not every event."""


def url_for(path: str) -> str:
    """The directory URL a Markdown path gets: "agenda/x.md" → "agenda/x/", "themas/index.md" → "themas/"."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


class Links:
    """Relative links from one page to the others, for the templates."""

    def __init__(self, page_url: str) -> None:
        self.page_url = page_url

    def to(self, url: str) -> str:
        return relative_url(url, self.page_url)

    def community(self, item: Community | str) -> str:
        return self.to(f"communities/{getattr(item, 'id', item)}/")

    def event(self, item: Event) -> str:
        return self.to(f"agenda/{item.id}/")

    def theme(self, item: Theme | str) -> str:
        return self.to(f"themas/{getattr(item, 'id', item)}/")


def render_pages(network: Network, now: datetime, settings: SiteSettings) -> list[GeneratedPage]:
    upcoming = network.upcoming(now)
    pages = [
        _page("communities/index.md", "community_list.html", "Community's",
              "Alle community's van Gebruiker Centraal.", network, now, settings),
        _page("agenda/index.md", "agenda.html", "Agenda",
              "Alle komende evenementen van de community's.", network, now, settings,
              months=_by_month(upcoming)),
        _page("agenda/archief.md", "archive.html", "Archief van de agenda",
              "Evenementen die al geweest zijn.", network, now, settings, past=network.past(now)),
        _page("themas/index.md", "theme_list.html", "Thema's",
              "De thema's waar de community's aan werken.", network, now, settings),
        _page("externe-communities.md", "external.html", "Externe community's",
              "Community's buiten Gebruiker Centraal die ook werken aan goede dienstverlening.",
              network, now, settings),
    ]
    for community in network.communities:
        events = network.events_of(community.id)
        pages.append(
            _page(f"communities/{community.id}.md", "community.html", community.name, community.summary,
                  network, now, settings, community=community,
                  upcoming=[e for e in events if e in upcoming],
                  past=[e for e in reversed(events) if e not in upcoming])
        )
    for event in network.events:
        pages.append(
            _page(f"agenda/{event.id}.md", "event.html", event.title, event.summary or event.title,
                  network, now, settings, event=event, is_upcoming=event in upcoming)
        )
    for theme in network.themes:
        pages.append(
            _page(f"themas/{theme.id}.md", "theme.html", theme.name, theme.description or theme.name,
                  network, now, settings, theme=theme,
                  upcoming=[e for e in upcoming if theme.id in e.themes])
        )
    return pages


def render_home(network: Network, now: datetime, settings: SiteSettings) -> str:
    """The generated part of the home page, placed under the editors' own home text."""
    return _render("home.html", "", network, now, settings, upcoming=network.upcoming(now)[:HOME_EVENTS])


def _page(path: str, template: str, title: str, description: str, network: Network, now: datetime,
          settings: SiteSettings, **context: Any) -> GeneratedPage:
    meta = {"title": html.escape(title), "description": html.escape(description)}
    front_matter = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
    body = _render(template, url_for(path), network, now, settings, title=title, **context)
    in_nav = path.endswith("index.md") or "/" not in path
    return GeneratedPage(path, f"---\n{front_matter}---\n\n{body}", in_nav)


def _render(template: str, page_url: str, network: Network, now: datetime, settings: SiteSettings,
            **context: Any) -> str:
    return environment().get_template(template).render(
        network=network, now=now, settings=settings, links=Links(page_url), **context
    )


def _by_month(events: list[Event]) -> list[tuple[datetime, list[Event]]]:
    return [
        (month_events[0].starts_at, month_events)
        for _, group in groupby(events, key=lambda e: (e.starts_at.year, e.starts_at.month))
        for month_events in [list(group)]
    ]
