"""A floor from what was published: stamps never lower than those calendar apps already have.

The history (`history.py`) only grows while main's history only grows. A squash or force-push of
main, or a build from another clone, can give an event a lower SEQUENCE or an older LAST-MODIFIED
than the site published before; an app that has the newer numbers then ignores the "older" event
(RFC 5546 §2.1.5). Given the previous publication (a folder with its .ics files, or the live site's
address: then its feed with all events is fetched, `urls.ALL_EVENTS_FEED`), every event keeps, per
UID, at least the SEQUENCE, DTSTAMP and LAST-MODIFIED published, and a VEVENT that differs from the
published one (stamps aside) gets a SEQUENCE above it. Nothing is fetched unless a source is given.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from ..catalogue import urls
from ..ical.memory import Cancelled, History, Stamp
from ..ical.vevent import fingerprint, restamped, uid

UNREADABLE = (
    "Agenda-bestanden: de vorige publicatie ({source}) is niet te lezen ({reason}). De volgnummers komen daarom "
    "alleen uit de git-geschiedenis."
)
TIMEOUT = 30


@dataclass(frozen=True)
class Published:
    """One event as the previous publication has it."""

    stamp: Stamp
    print: bytes
    """The fingerprint of its VEVENT without stamps (`ical/vevent.py`)."""


Floor = Mapping[str, Published]
"""By UID."""


def read_floor(source: str) -> tuple[Floor, tuple[str, ...]]:
    """The published events in `source` (a folder, or an http(s) address), and notes for the log."""
    try:
        if re.match(r"https?://", source):
            address = urls.absolute(source if source.endswith("/") else f"{source}/", urls.ALL_EVENTS_FEED)
            with urllib.request.urlopen(address, timeout=TIMEOUT) as answer:  # noqa: S310 - http(s) only
                texts: Iterable[bytes] = [answer.read()]
        else:
            folder = Path(source)
            if not folder.is_dir():
                raise OSError("dit is geen map")
            texts = (path.read_bytes() for path in sorted(folder.rglob("*.ics")))
        return parse_floor(texts), ()
    except (OSError, urllib.error.URLError, ValueError) as error:
        return {}, (UNREADABLE.format(source=source, reason=getattr(error, "reason", None) or error),)


_VEVENT = re.compile(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", re.S)
_LINE = re.compile(rb"^(UID|SEQUENCE|DTSTAMP|LAST-MODIFIED|CREATED):(.*?)\r$", re.M)


def parse_floor(texts: Iterable[bytes]) -> dict[str, Published]:
    """Every VEVENT in these calendars, by UID; of a UID in more than one file, the highest stamps."""
    found: dict[str, Published] = {}
    for text in texts:
        for match in _VEVENT.finditer(text):
            vevent = match.group()
            fields = {name.decode(): value.decode("utf-8", "replace") for name, value in _LINE.findall(vevent)}
            try:
                stamp = Stamp(
                    _moment(fields.get("CREATED") or fields["DTSTAMP"]),
                    max(_moment(fields["DTSTAMP"]), _moment(fields.get("LAST-MODIFIED") or fields["DTSTAMP"])),
                    int(fields.get("SEQUENCE", "0")),
                )
                uid = fields["UID"]
            except (KeyError, ValueError):
                continue  # not one of ours: a floor only raises what it can read
            published = Published(stamp, fingerprint(restamped(vevent)))
            old = found.get(uid)
            if old is None or (old.stamp.sequence, old.stamp.modified) < (stamp.sequence, stamp.modified):
                found[uid] = published
    return found


def _moment(value: str) -> datetime:
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def raised(stamp: Stamp, vevent: bytes, published: Published | None) -> Stamp:
    """`stamp` no lower than what was published; above it when the VEVENT is not the one published."""
    if published is None:
        return stamp
    old = published.stamp
    if stamp.sequence > old.sequence:
        return Stamp(min(stamp.created, old.created), max(stamp.modified, old.modified), stamp.sequence)
    if fingerprint(vevent) == published.print:
        return old  # the event as published: its stamps as published
    return Stamp(min(stamp.created, old.created), max(stamp.modified, old.modified), old.sequence + 1)


def with_floor(history: History, vevents: Mapping[str, bytes], site_url: str, floor: Floor) -> History:
    """The history's stamps, each raised to the floor. `vevents` are the events' VEVENTs without
    stamps, by id."""
    if not floor:
        return history
    stamps = {
        event_id: raised(history.stamp(event_id), vevent, floor.get(uid(event_id, site_url)))
        for event_id, vevent in vevents.items()
    }
    cancelled = tuple(
        Cancelled(item.event, item.vevent, raised(item.stamp, item.vevent, floor.get(uid(item.event.id, site_url))))
        for item in history.cancelled
    )
    return replace(history, stamps=stamps, cancelled=cancelled)
