"""Which feeds the site offers, and the names calendar apps show for them.

Pages need the names for their subscribe blocks and the calendar files need the events: both take
them from this one list.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.models import Event
from ..data.network import Network
from . import urls


@dataclass(frozen=True)
class Feed:
    path: str
    name: str
    description: str
    events: tuple[Event, ...]


def all_feeds(network: Network) -> list[Feed]:
    """Every feed the site offers, with the Dutch name a calendar app shows for it."""
    feeds = [
        Feed(
            urls.ALL_EVENTS_FEED,
            "Agenda community's Gebruiker Centraal",
            "Alle evenementen van de community's van Gebruiker Centraal.",
            network.events,
        ),
    ]
    feeds += [
        Feed(
            urls.community_feed(c.id),
            f"Agenda {c.name}",
            f"Evenementen die {c.name} organiseert of mee organiseert.",
            tuple(network.events_of(c.id)),
        )
        for c in network.communities
    ]
    feeds += [
        Feed(
            urls.theme_feed(t.id),
            f"Agenda thema {t.name}",
            f"Evenementen van de community's van Gebruiker Centraal over {t.name}.",
            tuple(network.events_with_theme(t.id)),
        )
        for t in network.themes
    ]
    feeds += [Feed(urls.event_feed(e.id), e.title, e.summary or e.title, (e,)) for e in network.events]
    return feeds
