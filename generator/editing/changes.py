"""What a pull request changes for visitors and subscribers, in Dutch Markdown for GitHub's job summary.

The check catches the mistakes it has rules for; this summary is the net for the rest. It compares the
data at the base version (origin/main) with the work tree, as a reviewer would want it read: which
events are new, changed (before → after for title, time, place and status), cancelled or removed, the
new description as a visitor reads it, and which pages and calendar files change with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..catalogue import dutch, urls
from ..catalogue.feeds import WINDOW
from ..catalogue.filters import agenda_filters
from ..data.contract import markdown_text
from ..data.contract.models import Community, Event, Theme
from ..data.contract.network import Network
from ..data.reading.files import DataFiles
from ..pages.templating import new_environment

FACTS: tuple[tuple[str, Callable[[Event], str]], ...] = (
    ("Titel", lambda event: event.title),
    ("Wanneer", dutch.when),
    ("Waar", lambda event: dutch.place(event.location)),
    ("Samenvatting", lambda event: event.summary or "(geen)"),
)
"""The facts of an event a visitor sees first, with the words the summary gives them."""


@dataclass(frozen=True)
class Changed:
    event: Event
    facts: list[tuple[str, str, str]]
    """(name, before, after) of each fact that changed."""
    description: str | None
    """The new description as plain text, when it changed."""


@dataclass
class Changes:
    added: list[Event] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    cancelled: list[Event] = field(default_factory=list)
    restored: list[Event] = field(default_factory=list)
    removed: list[Event] = field(default_factory=list)
    communities: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    """The site's pages and calendar files that change, as addresses below the site's root."""

    @property
    def any(self) -> bool:
        return any((self.added, self.changed, self.cancelled, self.restored, self.removed, self.communities))


def base_files(files: DataFiles, texts: Mapping[str, str], folder: Path) -> DataFiles | None:
    """The data files as they are at the base version (`texts`, by name), written into `folder`; None
    when the base has none of them (a new site). A file the base lacks is empty."""
    if not texts:
        return None
    for name in files.names:
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(texts.get(name, ""), encoding="utf-8")
    return DataFiles(folder, *files.names)


EMPTY = Network((), (), (), ())
"""The data before the first commit of a new site."""


def compare(before: Network, after: Network, now: datetime) -> Changes:
    old = {event.id: event for event in before.events}
    new = {event.id: event for event in after.events}
    changes = Changes()
    touched: list[tuple[Network, Event]] = []
    for event in after.events:
        was = old.get(event.id)
        if was is None:
            changes.added.append(event)
            touched.append((after, event))
            continue
        if was.model_dump() == event.model_dump():
            continue  # moved, requoted or only its comments changed
        touched += [(before, was), (after, event)]
        if event.cancelled and not was.cancelled:
            changes.cancelled.append(event)
        elif was.cancelled and not event.cancelled:
            changes.restored.append(event)
        facts = [(name, say(was), say(event)) for name, say in FACTS if say(was) != say(event)]
        description = markdown_text.plain_text(event.description) if was.description != event.description else None
        changes.changed.append(Changed(event, facts, description))
    for event in before.events:
        if event.id not in new:
            changes.removed.append(event)
            touched.append((before, event))
    changes.communities = _changed_names(before.communities, after.communities)
    changes.themes = _changed_names(before.themes, after.themes)
    changes.addresses = sorted(set(_addresses(touched, now)))
    return changes


def _changed_names(before: Iterable[Community | Theme], after: Iterable[Community | Theme]) -> list[str]:
    """The names of the communities (or themes) that are new, changed or removed."""
    old = {item.id: item for item in before}
    new = {item.id: item for item in after}
    changed = [item for key, item in new.items() if key not in old or old[key].model_dump() != item.model_dump()]
    return [item.name for item in changed] + [item.name for key, item in old.items() if key not in new]


def _addresses(touched: Iterable[tuple[Network, Event]], now: datetime) -> Iterable[str]:
    """Every page and calendar file that shows one of these events, in the version that has it: the
    calendar files to subscribe to hold the last year (catalogue/feeds.py), the theme pages and the
    agenda's parts only what is still to come."""
    for network, event in touched:
        upcoming = event.ends_at > now
        in_feeds = event.ends_at > now - WINDOW
        yield urls.event_page(event.id)
        yield urls.event_feed(event.id)
        yield urls.page_url(urls.LIST_PAGES["agenda" if upcoming else "archive"])
        if in_feeds:
            yield urls.ALL_EVENTS_FEED
        for community in event.communities:
            yield urls.community_page(community)
            if in_feeds:
                yield urls.community_feed(community)
        for theme in event.themes:
            if upcoming:
                yield urls.theme_page(theme)
            if in_feeds:
                yield urls.theme_feed(theme)
        for part in agenda_filters(network):
            if part.matches(event):
                if in_feeds:
                    yield part.feed
                if upcoming:
                    yield part.page


_MARKUP = re.compile(r"([\\`*_\[\]<>|#~])")


def _plain(text: str) -> str:
    """A text from the data as Markdown shows it literally: no editor's `*` or `<` becomes markup."""
    return _MARKUP.sub(r"\\\1", text)


def _quoted(text: str) -> str:
    return "\n".join(f"> {_plain(line)}" if line else ">" for line in text.splitlines())


def summary(changes: Changes, *, base: str, base_readable: bool) -> str:
    env = new_environment(__package__ or "", autoescape=False)
    env.filters.update(plain=_plain, quoted=_quoted, when=dutch.when, place=dutch.place)
    return env.get_template("changes.md").render(changes=changes, base=base, base_readable=base_readable)
