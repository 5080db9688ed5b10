"""Warnings for a reviewer: valid data that still deserves a second look.

None of these stops a build. They catch what slips through a quick review of a pull request: a
past event that was just added, an event nobody can sign up for, a cancelled event without a
reason, a likely duplicate, a theme nobody uses, a community that looks inactive.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta

from .errors import Problem
from .models import Event
from .validate import DataFiles, Loaded
from .yaml_loader import Document

INACTIVE_AFTER = timedelta(days=183)
SIMILAR_TITLES = 0.75
# Words that show the description gives a reason, as in "gaat niet door omdat de spreker ziek is".
_REASON = re.compile(r"\b(omdat|want|vanwege|wegens|doordat|reden|ziek|verplaatst|uitgesteld)\b", re.I)


def review(loaded: Loaded, files: DataFiles, now: datetime, known_event_ids: set[str] | None = None) -> list[Problem]:
    """All warnings; `known_event_ids` are the ids on the base branch, to tell which events are new."""
    return sorted(replace(p, warning=True) for p in _warnings(loaded, files, now, known_event_ids))


def _warnings(loaded: Loaded, files: DataFiles, now: datetime, known_event_ids: set[str] | None) -> Iterator[Problem]:
    network = loaded.network
    events_doc = loaded.documents[files.events]
    communities_doc = loaded.documents[files.communities]
    in_file_order = _in_file_order(loaded, files)
    positions = {event.id: ("events", index) for index, event in enumerate(in_file_order)}
    upcoming = network.upcoming(now)
    upcoming_ids = {event.id for event in upcoming}
    for event in network.events:
        where = positions[event.id]
        if known_event_ids is not None and event.id not in known_event_ids and event.ends_at <= now:
            yield events_doc.problem((*where, "start"), "warn_new_past_event", value=event.id)
        if event.id in upcoming_ids and not event.cancelled and not event.registration_url:
            yield events_doc.problem(where, "warn_no_registration", value=event.id)
        if event.cancelled and not _REASON.search(event.description):
            yield events_doc.problem((*where, "description"), "warn_cancelled_without_reason", value=event.id)
    yield from _duplicates(events_doc, in_file_order, positions)
    used = {t for item in (*network.communities, *network.events, *network.external) for t in item.themes}
    for index, theme in enumerate(network.themes):
        if theme.id not in used:
            yield communities_doc.problem(("themes", index, "id"), "warn_unused_theme", value=theme.id)
    horizon = now + INACTIVE_AFTER
    for index, community in enumerate(network.communities):
        soon = [e for e in upcoming if community.id in e.communities and e.starts_at <= horizon and not e.cancelled]
        if not soon:
            yield communities_doc.problem(("communities", index, "id"), "warn_inactive_community", value=community.id)


def _in_file_order(loaded: Loaded, files: DataFiles) -> list[Event]:
    """The events as they stand in events.yaml (the network keeps them sorted by date)."""
    order = [entry["id"] for entry in loaded.documents[files.events].data["events"]]
    by_id = {event.id: event for event in loaded.network.events}
    return [by_id[event_id] for event_id in order]


def _duplicates(document: Document, in_file_order: list[Event],
                positions: dict[str, tuple[str, int]]) -> Iterator[Problem]:
    seen_on_day: dict[date, list[Event]] = {}
    for later in in_file_order:
        earlier_that_day = seen_on_day.setdefault(later.first_day, [])
        for earlier in earlier_that_day:
            ratio = difflib.SequenceMatcher(None, earlier.title.casefold(), later.title.casefold()).ratio()
            if ratio >= SIMILAR_TITLES:
                first_line = document.position(positions[earlier.id])[0]
                yield document.problem(positions[later.id], "warn_duplicate", value=later.id, other=earlier.id,
                                       first=first_line)
                break
        earlier_that_day.append(later)
