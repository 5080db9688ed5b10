"""The validated network: what every page and feed is rendered from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from .models import DEFAULT_EVENT_TYPES, Community, Event, ExternalCommunity, Theme


def in_order(event: Event) -> tuple[datetime, datetime, str]:
    """The order of every list of events: soonest first."""
    return (event.starts_at, event.ends_at, event.id)


@dataclass(frozen=True)
class Network:
    themes: tuple[Theme, ...]
    communities: tuple[Community, ...]
    events: tuple[Event, ...]
    external: tuple[ExternalCommunity, ...]
    event_types: Mapping[str, str] = field(default_factory=lambda: DEFAULT_EVENT_TYPES)
    """The network's kinds of event by id, with the Dutch label visitors see (`models.event_types`)."""

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.events, key=in_order))
        object.__setattr__(self, "events", ordered)

    def community(self, community_id: str) -> Community:
        return self._communities[community_id]

    def theme(self, theme_id: str) -> Theme:
        return self._themes[theme_id]

    def type_label(self, event: Event) -> str:
        """The kind of `event` as visitors read it; empty for an event without a kind."""
        return self.event_types.get(event.type or "", "")

    def organiser(self, event: Event) -> Community:
        """The community that organises `event`: its first. Pages, feeds and open data name the same one."""
        return self._communities[event.communities[0]]

    @cached_property
    def _communities(self) -> dict[str, Community]:
        """By id: every event in every list asks for its organisers' names."""
        return {c.id: c for c in self.communities}

    @cached_property
    def _themes(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    @property
    def members_total(self) -> int:
        return sum(c.members or 0 for c in self.communities)

    def upcoming(self, now: datetime) -> list[Event]:
        """Events not yet over, soonest first; an event under way still counts as upcoming."""
        return [e for e in self.events if e.ends_at > now]

    def past(self, now: datetime) -> list[Event]:
        """Events that are over, most recent first."""
        return [e for e in reversed(self.events) if e.ends_at <= now]

    def events_of(self, community_id: str) -> list[Event]:
        return [e for e in self.events if community_id in e.communities]

    def communities_with_theme(self, theme_id: str) -> list[Community]:
        return [c for c in self.communities if theme_id in c.themes]

    def external_with_theme(self, theme_id: str) -> list[ExternalCommunity]:
        return [x for x in self.external if theme_id in x.themes]
