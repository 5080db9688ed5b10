"""The parts of the agenda that have a page and a feed of their own: online, on location, open to all,
with sign language or live captions, and one per event type in use.

They are the links that work without JavaScript; the filter form on /agenda/ (site.js) chooses the same
things, with the same Dutch words in the page's address (`FORM_KEYS`). Pages and feeds take their
titles, names and events from this one list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..data.contract.models import EVENT_TYPES, Event
from ..data.contract.network import Network
from . import urls

FORM_KEYS = ("community", "thema", "soort", "waar", "voor-iedereen", "gebarentaal-of-ondertiteling")
"""The keys of the filter form in the agenda's address: `?community=<id>&thema=<id>&soort=<type>&
waar=online|op-locatie&voor-iedereen=ja&gebarentaal-of-ondertiteling=ja`. Each list item carries the
same keys as data-* attributes (templates/_macros.html, which names SIGN_OR_CAPTIONS once more)."""

SIGN_OR_CAPTIONS = {"ngt", "live-ondertiteling"}
"""The access features that make an event one "met gebarentaal of ondertiteling": help to follow it
while it happens (captions of a recording afterwards do not count)."""


@dataclass(frozen=True)
class AgendaFilter:
    """One part of the agenda: `key` is its place below /agenda/ ("online", "soort/webinar")."""

    key: str
    title: str
    lead: str
    feed_short_name: str
    """What the feed's name adds to the name of the whole agenda: "online", "webinar"."""
    feed_about: str
    """The feed's description, with `{communities}` for the words that name the network's communities."""
    matches: Callable[[Event], bool]

    def feed_name(self, all_events_name: str) -> str:
        return f"{all_events_name}: {self.feed_short_name}"

    def feed_description(self, communities: str) -> str:
        return self.feed_about.format(communities=communities)

    @property
    def source(self) -> str:
        return urls.agenda_filter_source(self.key)

    @property
    def page(self) -> str:
        return urls.page_url(self.source)

    @property
    def feed(self) -> str:
        return urls.agenda_filter_feed(self.key)


def event_types_in_use(network: Network) -> list[str]:
    """The event types that any event has, past or upcoming, in the order of EVENT_TYPES: their pages
    and feeds stay, so that a subscription keeps working when a type has no upcoming event for a while."""
    used = {event.type for event in network.events}
    return [kind for kind in EVENT_TYPES if kind in used]


def agenda_filters(network: Network) -> list[AgendaFilter]:
    fixed = [
        AgendaFilter(
            "online",
            "Online evenementen",
            "Evenementen die je online kunt volgen. Sommige zijn ook op een locatie.",
            "online",
            "Evenementen van {communities} die je online kunt volgen.",
            lambda event: event.location.online,
        ),
        AgendaFilter(
            "op-locatie",
            "Evenementen op locatie",
            "Evenementen op een plek waar je naartoe gaat. Sommige kun je ook online volgen.",
            "op locatie",
            "Evenementen van {communities} op een plek waar je naartoe gaat.",
            lambda event: bool(event.location.venue),
        ),
        AgendaFilter(
            "voor-iedereen",
            "Evenementen voor iedereen",
            "Bij deze evenementen zijn leden van alle community's welkom.",
            "voor iedereen",
            "Evenementen van {communities} waar leden van alle community's welkom zijn.",
            lambda event: event.open_to_all,
        ),
        AgendaFilter(
            "gebarentaal-of-ondertiteling",
            "Evenementen met gebarentaal of ondertiteling",
            "Bij deze evenementen is er een tolk Nederlandse Gebarentaal (NGT) of live ondertiteling.",
            "gebarentaal of ondertiteling",
            "Evenementen van {communities} met een tolk Nederlandse Gebarentaal (NGT) of live ondertiteling.",
            lambda event: bool(event.accessibility and set(event.accessibility.features) & SIGN_OR_CAPTIONS),
        ),
    ]
    return fixed + [_type_filter(kind) for kind in event_types_in_use(network)]


def _type_filter(kind: str) -> AgendaFilter:
    label = EVENT_TYPES[kind]
    return AgendaFilter(
        urls.event_type_key(kind),
        f"Soort evenement: {label}",
        f"Alle evenementen van de soort {label.lower()}.",
        label.lower(),
        f"Evenementen van {{communities}} van de soort {label.lower()}.",
        lambda event: event.type == kind,
    )
