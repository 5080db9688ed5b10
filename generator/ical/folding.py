"""Writing a component's content lines, folded as RFC 5545 asks: byte for byte what icalendar writes.

icalendar folds each line one character at a time, in Python: with a few thousand events that was a
third of writing the feeds. Most lines are ASCII, and an ASCII line folds by slicing.
"""

from __future__ import annotations

from icalendar import Calendar
from icalendar import Event as CalendarEvent

LIMIT = 75
"""icalendar starts a new line before the character that would make a line 75 octets long."""
SEPARATOR = "\r\n "
ESCAPES = "\\^"
"""icalendar never ends a folded line on the first character of an escape (`\\,`, `^n`): see its
issue #1501."""


def to_ical(component: Calendar | CalendarEvent) -> bytes:
    """`component.to_ical()`, the same bytes."""
    return b"".join(fold(line).encode() + b"\r\n" for line in component.content_lines() if line)


def fold(line: str) -> str:
    if not line.isascii():
        return _fold_characters(line)
    if len(line) < LIMIT:
        return line
    pieces = []
    start, width = 0, LIMIT - 1
    while len(line) - start > width:
        end = start + width
        if line[end - 1] in ESCAPES:
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return SEPARATOR.join(pieces)


def _fold_characters(line: str) -> str:
    """The fold of a line with characters of more than one octet, as icalendar does it."""
    pieces: list[str] = []
    current: list[str] = []
    octets = 0
    for character in line:
        size = len(character.encode())
        if current and octets + size >= LIMIT:
            if len(current) > 1 and current[-1] in ESCAPES:
                carried = current.pop()
                pieces.append("".join(current))
                current, octets = [carried], len(carried.encode())
            else:
                pieces.append("".join(current))
                current, octets = [], 0
        current.append(character)
        octets += size
    if current:
        pieces.append("".join(current))
    return SEPARATOR.join(pieces)
