"""Warnings for a reviewer: valid data that still deserves a second look.

None of these stops a build. They catch what slips through a quick review of a pull request: a
past event that was just added, an event nobody can sign up for, a cancelled event without a
reason, a likely duplicate, a theme nobody uses, a community that looks inactive, and dates that are
valid but hardly ever meant: an event of many days or of a year (one date typed wrong), a last day to
register months before the event, and, compared with the base branch, an event moved by a year or a
start moved while its end stayed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from ..data.contract.models import Community, Event, ExternalCommunity
from ..data.contract.moments import ZONE
from ..data.contract.network import Network
from ..data.reading.loader import Source
from ..data.wording.problems import Problem

INACTIVE_AFTER = timedelta(days=183)
LONG_TIMED = timedelta(days=3)
"""A timed event longer than this is a conference at most; more is likely a typo in a date."""
LONG_ALL_DAY = timedelta(days=14)
EARLY_DEADLINE = timedelta(days=90)
ABOUT_A_YEAR = (timedelta(days=330), timedelta(days=400))
"""A move of this size is a year typed wrong more often than a plan."""


@dataclass(frozen=True)
class Before:
    """An event as the base branch has it: what a change is compared with (None where unreadable)."""

    start: date | datetime | None = None
    end: date | datetime | None = None


SIMILAR_TITLES = 0.75
# Words that show the description gives a reason, as in "gaat niet door omdat de spreker ziek is".
_REASON = re.compile(r"\b(omdat|want|vanwege|wegens|doordat|reden|ziek|verplaatst|uitgesteld)\b", re.I)


def review(network: Network, now: datetime, base: Mapping[str, Before] | None = None) -> list[Problem]:
    """All warnings; `base` has the events of the base branch by id, to tell which are new or moved."""
    return sorted(replace(p, warning=True) for p in _warnings(network, now, base))


def _warnings(network: Network, now: datetime, base: Mapping[str, Before] | None) -> Iterator[Problem]:
    upcoming = network.upcoming(now)
    upcoming_ids = {event.id for event in upcoming}
    for event in network.events:
        if base is not None and event.id not in base and event.ends_at <= now:
            yield event.source.problem("warn_new_past_event", "start", value=event.id)
        yield from _unlikely_dates(event, base.get(event.id) if base else None)
        if event.id in upcoming_ids and not event.cancelled and not event.registration_url:
            yield event.source.problem("warn_no_registration", value=event.id)
        if event.cancelled and not _REASON.search(event.description):
            yield event.source.problem("warn_cancelled_without_reason", "description", value=event.id)
    for entry in [*network.communities, *network.events, *network.external]:
        yield from _copied_text(entry.model_dump(), entry.source)
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


_URL_ENDS = ".,)"
# Characters that never mean anything in a Dutch text, that come along when text is copied from a
# chat, a PDF or a web page: a zero-width space or joiner, the marks of writing direction, a byte order
# mark. The page shows nothing, but the site's search no longer finds the word they stand in. (A soft
# hyphen and a no-break space can be meant; a web address refuses all of these, fields._url_mistakes.)
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def _texts(values: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str, str]]:
    """Every text of an entry, also inside `location`, `materials` and lists: its path (`materials.0.url`,
    as `Source.fields` has it), its field's name and the text."""
    for name, value in values.items():
        path = f"{prefix}{name}"
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            at = path if index is None else f"{path}.{index}"
            if isinstance(item, Mapping):
                yield from _texts(item, f"{at}.")
            elif isinstance(item, str):
                yield at, name, item


def _copied_text(values: Mapping[str, Any], source: Source) -> Iterator[Problem]:
    """What came along when a text was copied: in a web address (every field `url` or `…_url`) a final
    `.`, `,` or `)` from a sentence or `&amp;` from HTML; in any other text a character you cannot see."""
    for path, name, text in _texts(values):
        if name == "url" or name.endswith("_url"):
            # `)` closes a bracket in Wikipedia's addresses: only a `)` without its `(` came along.
            if text.endswith(tuple(_URL_ENDS)) and not (text.endswith(")") and text.count("(") >= text.count(")")):
                yield source.problem("warn_url_end", path, value=text, end=text[-1], suggestion=text[:-1])
            if "&amp;" in text:
                yield source.problem("warn_url_entity", path, value=text, suggestion=text.replace("&amp;", "&"))
        hidden = _INVISIBLE.search(text)
        if hidden:
            before = text[: hidden.start()].split("\n")[-1][-30:]
            code = f"U+{ord(hidden.group(0)):04X}"
            where = f"na `{before}`" if before.strip() else "aan het begin"
            yield source.problem("warn_invisible_in_text", path, field=path, code=code, where=where)


def _unlikely_dates(event: Event, before: Before | None) -> Iterator[Problem]:
    length = event.ends_at - event.starts_at
    if length > (LONG_ALL_DAY if event.all_day else LONG_TIMED):
        days = (event.last_day - event.first_day).days + 1
        yield event.source.problem("warn_long_event", "end", value=event.id, days=days)
    deadline = event.registration_deadline
    if deadline is not None and event.first_day - deadline > EARLY_DEADLINE:
        yield event.source.problem("warn_early_deadline", "registration_deadline", value=str(deadline))
    if before is None or before.start is None or before.start == event.start:
        return
    moved = abs(event.starts_at - _instant(before.start))
    if ABOUT_A_YEAR[0] <= moved <= ABOUT_A_YEAR[1]:
        yield event.source.problem("warn_moved_a_year", "start", value=event.id, before=_written(before.start))
    elif before.end is not None and before.end == event.end and event.first_day != _day(before.start):
        yield event.source.problem("warn_start_moved_alone", "start", value=event.id, before=_written(before.start))


def _instant(moment: date | datetime) -> datetime:
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time(), ZONE)


def _written(moment: date | datetime) -> str:
    """A moment as an editor writes it in the YAML: "2026-12-08 14:00" or "2026-12-08"."""
    return moment.astimezone(ZONE).strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()


def _day(moment: date | datetime) -> date:
    return moment.astimezone(ZONE).date() if isinstance(moment, datetime) else moment


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
