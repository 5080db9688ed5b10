"""What the feeds are given from the history (`stamps/history.py`): each event's stamps, and the
deleted events they keep as cancelled until their end. Data only: the feeds do not read git."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from ..data.contract.models import Event

WITHOUT_GIT = "er is geen git-geschiedenis (geen map .git, of git ontbreekt)"


@dataclass(frozen=True)
class Stamp:
    """The moments (UTC) and the version number of one event, as the feeds write them."""

    created: datetime
    modified: datetime
    sequence: int


@dataclass(frozen=True)
class Cancelled:
    """A deleted event that the feeds keep until its end: its last version, cancelled."""

    event: Event
    vevent: bytes
    """Its VEVENT without stamps (`ical/vevent.py`)."""
    stamp: Stamp


@dataclass(frozen=True)
class History:
    stamps: Mapping[str, Stamp]
    default: Stamp
    """For an id the history does not know (and for every id when there is no history)."""
    notes: tuple[str, ...] = ()
    """What the build log must say once: no git, a shallow clone, another site_url."""
    cancelled: tuple[Cancelled, ...] = ()
    """Deleted events whose end had not passed at the build's "now"."""
    missing: str = ""
    """Why the stamps are not those of the whole history (no git, a shallow clone); empty when they are."""
    vevents: Mapping[str, bytes] | None = None
    """The build's VEVENTs without stamps, by id, that the history read (`Build.vevents`): the feeds use them."""

    def stamp(self, event_id: str) -> Stamp:
        return self.stamps.get(event_id, self.default)

    def still_cancelled(self, now: datetime) -> list[Cancelled]:
        return [item for item in self.cancelled if item.event.ends_at > now]

    @classmethod
    def without_memory(
        cls, now: datetime, notes: tuple[str, ...] = (), vevents: Mapping[str, bytes] | None = None
    ) -> History:
        """Every event as if it were new at `now`: what a build without git can say. `vevents`: the
        build's VEVENTs, so that the feeds do not write them a second time."""
        moment = now.astimezone(UTC)
        return cls({}, Stamp(moment, moment, 0), notes, missing=WITHOUT_GIT, vevents=vevents)
