"""What a change took out that it should not have: a community or theme still in use, or an event
that has not happened yet.

A community or theme taken out (or renamed) in a change, while the files still use its id:

The check reports each use (`unknown_community`, `unknown_theme`) where it stands: on lines the pull
request did not change, where GitHub shows no annotation. Given the file as it was before the change
(`check --base`), this adds one problem per id on a line the change did touch: where the id's entry
stood, or the nearest line of the changed region around it.

An upcoming event taken out of events.yaml (or given another id) is a warning at the same kind of
line (`deleted_upcoming`): the feeds keep it, cancelled, until its end (stamps/history.py), but the
editors should say so themselves, with `status: cancelled` and a reason, which the page shows too.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from pydantic_core import PydanticCustomError

from ..contract.moments import day_start, next_day, parse_moment
from ..reading import loader
from ..wording.problems import DataError, Problem

# The message of a use of an unknown id, by the list in communities.yaml that declares the ids.
_LISTS = {"unknown_community": "communities", "unknown_theme": "themes"}


def removed_still_used(problems: Iterable[Problem], current: str, before: str, file_name: str) -> Iterator[Problem]:
    """For each id in `before` (communities.yaml at the base) that is gone from `current` and still used
    (an `unknown_community` or `unknown_theme` in `problems`): a problem on a changed line of `current`."""
    uses: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        value = problem.params.get("value")
        if problem.key in _LISTS and isinstance(value, str):
            uses.setdefault((_LISTS[problem.key], value), []).append(problem)
    if not uses:
        return
    old_ids, new_ids = _id_lines(before, file_name), _id_lines(current, file_name)
    old_lines, new_lines = before.splitlines(), current.splitlines()
    regions = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes()
    for (key, value), found in sorted(uses.items()):
        line = old_ids.get((key, value))
        if line is None or (key, value) in new_ids:
            continue
        first = min(found, key=lambda problem: (problem.file, problem.line))
        params: dict[str, Any] = {"value": value, "file": first.file, "line": first.line, "count": len(found)}
        yield Problem(file_name, _changed_line(regions, line - 1, len(new_lines)), 1, "removed_still_used", params)


def deleted_upcoming(
    current_ids: set[str], current: str, before: str, file_name: str, now: datetime
) -> Iterator[Problem]:
    """A warning for each event in `before` (events.yaml at the base) whose id is gone from
    `current_ids` and whose end has not passed at `now`, unless it was cancelled already."""
    try:
        document = loader.loads(before, file_name)
    except DataError:
        return
    data = document.data if isinstance(document.data, dict) else {}
    entries = data.get("events")
    regions = difflib.SequenceMatcher(None, before.splitlines(), current.splitlines(), autojunk=False).get_opcodes()
    new_count = len(current.splitlines())
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str) or entry["id"] in current_ids:
            continue
        end = _ends_at(entry)
        if end is None or end <= now or entry.get("status") == "cancelled":
            continue
        line = _changed_line(regions, document.position(("events", index, "id"))[0] - 1, new_count)
        yield Problem(file_name, line, 1, "warn_deleted_event", {"value": entry["id"]}, warning=True)


def _ends_at(entry: dict[str, Any]) -> datetime | None:
    """When an entry of an old version is over, as `Event.ends_at` says; None when that cannot be read."""
    try:
        end = parse_moment(entry.get("end") if entry.get("end") is not None else entry.get("start"))
    except PydanticCustomError:
        return None
    if isinstance(end, datetime):
        return end
    return day_start(next_day(end)) if isinstance(end, date) else None


def _id_lines(text: str, file_name: str) -> dict[tuple[str, str], int]:
    """The line of each id in the lists `communities` and `themes` of the text; none when it cannot be read."""
    try:
        document = loader.loads(text, file_name)
    except DataError:
        return {}
    found: dict[tuple[str, str], int] = {}
    data = document.data if isinstance(document.data, dict) else {}
    for key in _LISTS.values():
        entries = data.get(key)
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                found[(key, entry["id"])] = document.position((key, index, "id"))[0]
    return found


def _changed_line(regions: Sequence[tuple[str, int, int, int, int]], old_index: int, new_count: int) -> int:
    """The line (1-based) of the new text that the change made of the old line `old_index` (0-based):
    the first line of its region, or, where the region was only taken out, the line after it (the
    last line at the end of the file)."""
    for tag, old_start, old_end, new_start, new_end in regions:
        if old_start <= old_index < old_end:
            if tag == "equal":
                return new_start + (old_index - old_start) + 1
            if new_end > new_start:
                return new_start + 1
            return max(1, min(new_start + 1, new_count))
    return max(1, new_count)
