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

from ..data.contract.models import Community, Event, ExternalCommunity
from ..data.contract.network import Network
from ..data.wording.problems import Problem

INACTIVE_AFTER = timedelta(days=183)
SIMILAR_TITLES = 0.75
# Words that show the description gives a reason, as in "gaat niet door omdat de spreker ziek is".
_REASON = re.compile(r"\b(omdat|want|vanwege|wegens|doordat|reden|ziek|verplaatst|uitgesteld)\b", re.I)


def review(network: Network, now: datetime, known_event_ids: set[str] | None = None) -> list[Problem]:
    """All warnings; `known_event_ids` are the ids on the base branch, to tell which events are new."""
    return sorted(replace(p, warning=True) for p in _warnings(network, now, known_event_ids))


def _warnings(network: Network, now: datetime, known_event_ids: set[str] | None) -> Iterator[Problem]:
    upcoming = network.upcoming(now)
    upcoming_ids = {event.id for event in upcoming}
    for event in network.events:
        if known_event_ids is not None and event.id not in known_event_ids and event.ends_at <= now:
            yield event.source.problem("warn_new_past_event", "start", value=event.id)
        if event.id in upcoming_ids and not event.cancelled and not event.registration_url:
            yield event.source.problem("warn_no_registration", value=event.id)
        if event.cancelled and not _REASON.search(event.description):
            yield event.source.problem("warn_cancelled_without_reason", "description", value=event.id)
    yield from _duplicates(sorted(network.events, key=lambda event: event.source.line))
    themed: list[Community | Event | ExternalCommunity] = [*network.communities, *network.events, *network.external]
    used = {t for item in themed for t in item.themes}
    for theme in network.themes:
        if theme.id not in used:
            yield theme.source.problem("warn_unused_theme", "id", value=theme.id)
    horizon = now + INACTIVE_AFTER
    for community in network.communities:
        soon = [e for e in upcoming if community.id in e.communities and e.starts_at <= horizon and not e.cancelled]
        if not soon:
            yield community.source.problem("warn_inactive_community", "id", value=community.id)


def _duplicates(in_file_order: list[Event]) -> Iterator[Problem]:
    seen_on_day: dict[date, list[Event]] = {}
    for later in in_file_order:
        earlier_that_day = seen_on_day.setdefault(later.first_day, [])
        for earlier in earlier_that_day:
            ratio = difflib.SequenceMatcher(None, earlier.title.casefold(), later.title.casefold()).ratio()
            if ratio >= SIMILAR_TITLES:
                yield later.source.problem(
                    "warn_duplicate", value=later.id, other=earlier.id, first=earlier.source.line
                )
                break
        earlier_that_day.append(later)
