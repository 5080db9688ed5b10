"""Which feeds the site offers, and the names calendar apps show for them.

Pages need the names for their subscribe blocks and the calendar files need the events: both take
them from this one list.

A feed to subscribe to (all events, a community, a theme, a part of the agenda from
catalogue/filters.py) holds the upcoming events and those that ended in the last twelve months
(`WINDOW`): enough to look back on, while a subscriber's app does not download the whole history
every few hours. Every event, old or new, keeps its own file to import.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..data.contract.models import Event
from ..data.contract.network import Network
from . import urls
from .filters import agenda_filters
from .identity import NEUTRAL, Identity


@dataclass(frozen=True)
class Feed:
    path: str
    name: str
    description: str
    events: tuple[Event, ...]
    is_import: bool = False
    """One event, to add once to a calendar the visitor already has: not a calendar of its own."""


WINDOW = timedelta(days=365)


def all_feeds(
    network: Network, now: datetime, identity: Identity = NEUTRAL, cancelled: tuple[Event, ...] = ()
) -> list[Feed]:
    """Every feed the site offers, with the Dutch name a calendar app shows for it. `cancelled` are
    deleted events that the feeds keep, as cancelled, until their end (`stamps/history.py`): they
    stand in every feed the site still offers that they would be in, and keep their own file, but
    they make no feed of their own."""
    if cancelled:  # Network puts them in order; a part of the agenda they alone are in stays too
        network = replace(network, events=(*network.events, *cancelled))
    every = network.events
    recent = tuple(event for event in every if event.ends_at > now - WINDOW)
    feeds = [
        Feed(
            urls.ALL_EVENTS_FEED,
            identity.all_events_name,
            identity.all_events_description,
            recent,
        ),
    ]
    feeds += [
        Feed(
            urls.community_feed(c.id),
            f"Agenda {c.name}",
            f"Evenementen die {c.name} organiseert of mee organiseert.",
            tuple(e for e in recent if c.id in e.communities),
        )
        for c in network.communities
    ]
    feeds += [
        Feed(
            urls.theme_feed(t.id),
            f"Agenda thema {t.name}",
            f"Evenementen van {identity.communities} over {t.name}.",
            tuple(e for e in recent if t.id in e.themes),
        )
        for t in network.themes
    ]
    feeds += [
        Feed(
            f.feed,
            f.feed_name(identity.all_events_name),
            f.feed_description(identity.communities),
            tuple(e for e in recent if f.matches(e)),
        )
        for f in agenda_filters(network)
    ]
    feeds += [Feed(urls.event_feed(e.id), e.title, e.summary or e.title, (e,), is_import=True) for e in every]
    return feeds
