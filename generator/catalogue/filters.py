"""The agenda's filters, declared once: each key of the filter form, its Dutch label and options, what
every event has for it, and the parts of the agenda with a page and a feed of their own.

Everything else reads this module. The form (templates/_filters.html) prints `form_choices`; every
event in a list carries `event_values` as data-* attributes (templates/_event_item.html); site.js takes
its keys from the form's controls; the parts' pages and feeds, and the event ids they reserve, come
from `agenda_filters` and `RESERVED_EVENT_IDS`. So a rule such as "sign language or live captions" is
written here and nowhere else: the page without JavaScript, the JavaScript filter and the feed cannot
disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from ..data.contract.models import Event
from ..data.contract.network import Network
from . import urls


class Control(Enum):
    """How the form asks for a key, which also says how a part of the agenda is named below /agenda/."""

    LIST = "select"
    """Options from the data (communities, themes, types); a part is `<key>/<value>` ("soort/webinar")."""
    ONE_OF = "radio"
    """A few fixed options; a part is named after the option ("online")."""
    YES = "checkbox"
    """A single "ja"; the part is named after the key ("voor-iedereen")."""


YES = "ja"
"""The value of a ticked box in the agenda's address: `?voor-iedereen=ja`."""


@dataclass(frozen=True)
class Option:
    """A fixed choice of the form: its value in the address, its label, and which events it keeps."""

    value: str
    label: str
    holds: Callable[[Event], bool]


@dataclass(frozen=True)
class Part:
    """What a part of the agenda adds to the page and the feed of a fixed option."""

    title: str
    lead: str
    feed_short_name: str
    """What the feed's name adds to the name of the whole agenda: "online", "webinar"."""
    feed_about: str
    """The feed's description, with `{communities}` for the words that name the network's communities."""


@dataclass(frozen=True)
class Choice:
    """One key of the filter form and of the agenda's address (`?waar=online`)."""

    key: str
    label: str
    control: Control
    everything: str = ""
    """The option that keeps every event, first in a list or a group of radio buttons."""
    options: tuple[tuple[Option, Part | None], ...] = ()
    """The fixed options, with the part of the agenda each one has (if any)."""
    of_event: Callable[[Event], Iterable[str]] | None = None
    """For a list: the values an event has. Its options come from the network (`list_options`)."""
    list_options: Callable[[Network], list[tuple[str, str]]] | None = None

    def values(self, event: Event) -> tuple[str, ...]:
        """What the event has for this key: it passes the filter when the chosen value is among them."""
        if self.of_event is not None:
            return tuple(self.of_event(event))
        return tuple(option.value for option, _ in self.options if option.holds(event))

    def choices(self, network: Network) -> list[tuple[str, str]]:
        """The form's options as (value, label), without the one that keeps everything."""
        if self.list_options is not None:
            return self.list_options(network)
        return [(option.value, option.label) for option, _ in self.options]

    def part_key(self, value: str) -> str:
        """Where the part of this key and value lives below /agenda/ ("soort/webinar", "online")."""
        if self.control is Control.LIST:
            return f"{self.key}/{value}"
        return value if self.control is Control.ONE_OF else self.key


def event_types_in_use(network: Network) -> list[str]:
    """The event types that any event has, past or upcoming, in the network's order: their pages
    and feeds stay, so that a subscription keeps working when a type has no upcoming event for a while."""
    used = {event.type for event in network.events}
    return [kind for kind in network.event_types if kind in used]


SIGN_OR_CAPTIONS = frozenset({"ngt", "live-ondertiteling"})
"""The access features that make an event one "met gebarentaal of ondertiteling": help to follow it
while it happens (captions of a recording afterwards do not count)."""


def _has_sign_or_captions(event: Event) -> bool:
    return bool(event.accessibility and SIGN_OR_CAPTIONS.intersection(event.accessibility.features))


def _tick_box(key: str, label: str, holds: Callable[[Event], bool], part: Part) -> Choice:
    """A key with one box to tick: its label is the box's, its one value `YES`."""
    return Choice(key, label, Control.YES, options=((Option(YES, label, holds), part),))


COMMUNITY = Choice(
    "community",
    "Community",
    Control.LIST,
    "Alle community's",
    of_event=lambda event: event.communities,
    list_options=lambda network: [(c.id, c.name) for c in network.communities],
)
THEME = Choice(
    "thema",
    "Thema",
    Control.LIST,
    "Alle thema's",
    of_event=lambda event: event.themes,
    list_options=lambda network: [(t.id, t.name) for t in network.themes],
)
EVENT_TYPE = Choice(
    "soort",
    "Soort evenement",
    Control.LIST,
    "Alle soorten",
    of_event=lambda event: (event.type,) if event.type else (),
    list_options=lambda network: [(kind, network.event_types[kind]) for kind in event_types_in_use(network)],
)
WHERE = Choice(
    "waar",
    "Waar",
    Control.ONE_OF,
    "Online en op locatie",
    options=(
        (
            Option("online", "Online", lambda event: event.location.online),
            Part(
                "Online evenementen",
                "Evenementen die je online kunt volgen. Sommige zijn ook op een locatie.",
                "online",
                "Evenementen van {communities} die je online kunt volgen.",
            ),
        ),
        (
            Option("op-locatie", "Op locatie", lambda event: bool(event.location.venue)),
            Part(
                "Evenementen op locatie",
                "Evenementen op een plek waar je naartoe gaat. Sommige kun je ook online volgen.",
                "op locatie",
                "Evenementen van {communities} op een plek waar je naartoe gaat.",
            ),
        ),
    ),
)
OPEN_TO_ALL = _tick_box(
    "voor-iedereen",
    "Alleen als leden van alle community's welkom zijn",
    lambda event: event.open_to_all,
    Part(
        "Evenementen voor iedereen",
        "Bij deze evenementen zijn leden van alle community's welkom.",
        "voor iedereen",
        "Evenementen van {communities} waar leden van alle community's welkom zijn.",
    ),
)
SIGN_LANGUAGE_OR_CAPTIONS = _tick_box(
    "gebarentaal-of-ondertiteling",
    "Alleen met een tolk gebarentaal of live ondertiteling",
    _has_sign_or_captions,
    Part(
        "Evenementen met gebarentaal of ondertiteling",
        "Bij deze evenementen is er een tolk Nederlandse Gebarentaal (NGT) of live ondertiteling.",
        "gebarentaal of ondertiteling",
        "Evenementen van {communities} met een tolk Nederlandse Gebarentaal (NGT) of live ondertiteling.",
    ),
)

CHOICES = (COMMUNITY, THEME, EVENT_TYPE, WHERE, OPEN_TO_ALL, SIGN_LANGUAGE_OR_CAPTIONS)
"""The filter form's keys, in the order of the form and of the agenda's address."""


@dataclass(frozen=True)
class AgendaFilter:
    """One part of the agenda: `key` is its place below /agenda/ ("online", "soort/webinar")."""

    choice: Choice
    value: str
    title: str
    lead: str
    feed_short_name: str
    feed_about: str

    @property
    def key(self) -> str:
        return self.choice.part_key(self.value)

    def matches(self, event: Event) -> bool:
        return self.value in self.choice.values(event)

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


def _fixed_parts() -> list[AgendaFilter]:
    return [
        AgendaFilter(choice, option.value, part.title, part.lead, part.feed_short_name, part.feed_about)
        for choice in CHOICES
        for option, part in choice.options
        if part is not None
    ]


def agenda_filters(network: Network) -> list[AgendaFilter]:
    """Every part of the agenda: the fixed ones, then one per event type in use."""
    return _fixed_parts() + [_type_part(kind, network.event_types[kind]) for kind in event_types_in_use(network)]


def _type_part(kind: str, name: str) -> AgendaFilter:
    label = name.lower()
    return AgendaFilter(
        EVENT_TYPE,
        kind,
        f"Soort evenement: {name}",
        f"Alle evenementen van de soort {label}.",
        label,
        f"Evenementen van {{communities}} van de soort {label}.",
    )


def event_values(event: Event) -> list[tuple[str, str]]:
    """The event's data-* attributes for the filter form: each key with its values, space-separated."""
    return [(choice.key, " ".join(choice.values(event))) for choice in CHOICES]


@dataclass(frozen=True)
class FormChoice:
    """One control of the form as the template prints it."""

    key: str
    label: str
    control: str
    everything: str
    options: list[tuple[str, str]]


def form_choices(network: Network) -> list[FormChoice]:
    return [
        FormChoice(choice.key, choice.label, choice.control.value, choice.everything, choice.choices(network))
        for choice in CHOICES
    ]


RESERVED_EVENT_IDS = (
    urls.names_taken(urls.EVENT_FOLDER) | frozenset(part.key for part in _fixed_parts()) | {EVENT_TYPE.key}
)
"""Event pages share their folder with list pages (`index` is the agenda itself) and with the parts of
the agenda (the folder `soort` holds one per event type): an event may not take such a page's name."""
RESERVED_IDS: Mapping[str, frozenset[str]] = {
    "events": RESERVED_EVENT_IDS,
    "communities": urls.names_taken(urls.COMMUNITY_FOLDER),
    "themes": urls.names_taken(urls.THEME_FOLDER),
}
"""The ids each list (by its key in the files) may not take, since a page of the site has that name:
`index` in communities/ and themas/ is the overview of all of them. External communities have no id."""


def browse_links() -> list[tuple[str, str]]:
    """Where a visitor without JavaScript, and so without the site's search, finds an event or a
    community instead: the agenda, its fixed parts, the archive, and the lists of communities and
    themes, as (text, address from the site's root)."""
    return [
        ("Agenda", urls.page_url(urls.LIST_PAGES["agenda"])),
        *((part.title, part.page) for part in _fixed_parts()),
        ("Archief van de agenda", urls.page_url(urls.LIST_PAGES["archive"])),
        ("Community's", urls.page_url(urls.LIST_PAGES["communities"])),
        ("Thema's", urls.page_url(urls.LIST_PAGES["themes"])),
    ]
