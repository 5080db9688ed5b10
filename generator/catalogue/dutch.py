"""Dates and times written the Dutch way, as in government texts.

"dinsdag 8 december 2026, 14.00–16.00 uur": Babel gives the names of days and months; the
government style of writing times (a dot, and "uur" once after a range) is set here.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal

from ..data.contract.models import Event
from ..data.contract.moments import ZONE

LOCALE = "nl_NL"


def listed_title(event: Event) -> str:
    """The title where only a title shows (a calendar app, a feed reader): a cancelled event says so first."""
    return f"Gaat niet door: {event.title}" if event.cancelled else event.title


def registration_text(event: Event, state: str) -> str:
    """Whether one can register, for `Event.registration`'s state: "full", "closed" or "open" (with a deadline)."""
    if state == "full":
        return "Vol: je kunt je niet meer aanmelden."
    deadline = long_date(event.registration_deadline) if event.registration_deadline else ""
    if state == "closed":
        return f"Aanmelden is gesloten. De laatste dag was {deadline}."
    return f"Aanmelden kan tot en met {deadline}."


def long_date(day: date) -> str:
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


def month_name(day: date) -> str:
    """ "December 2026", for a heading above the events of one month."""
    text = format_date(day, "MMMM y", locale=LOCALE)
    return text[:1].upper() + text[1:]


def clock(moment: datetime) -> str:
    return moment.astimezone(ZONE).strftime("%H.%M")


def number(value: int) -> str:
    return format_decimal(value, locale=LOCALE)


Part = tuple[str, str | None]


def when(event: Event) -> str:
    """The whole date and time of an event in one phrase."""
    return "".join(text for text, _ in when_parts(event))


def when_parts(event: Event) -> list[Part]:
    """The phrase of `when`, cut into pieces; a piece with a machine value goes in `<time>`."""
    if event.all_day:
        first, last = event.first_day, event.last_day
        if not event.multi_day:
            return [(long_date(first), iso(first)), (", de hele dag", None)]
        return [(_first_of_range(first, last), iso(first)), (" tot en met ", None), (long_date(last), iso(last))]
    start, end = event.starts_at, event.ends_at
    if not event.multi_day:
        return [
            (f"{long_date(start.date())}, {clock(start)}", iso(start)),
            ("–", None),
            (clock(end), iso(end)),
            (" uur", None),
        ]
    return [
        (f"{long_date(start.date())}, {clock(start)} uur", iso(start)),
        (" tot ", None),
        (f"{long_date(end.date())}, {clock(end)} uur", iso(end)),
    ]


def _first_of_range(first: date, last: date) -> str:
    """The first day of a range, leaving out what the last day repeats ("maandag 7 tot en met …")."""
    if first.year != last.year:
        return long_date(first)
    if first.month != last.month:
        return format_date(first, "EEEE d MMMM", locale=LOCALE)
    return format_date(first, "EEEE d", locale=LOCALE)


def iso(moment: date | datetime) -> str:
    """The machine-readable value for `<time datetime>`: a date, or a local time with offset."""
    if isinstance(moment, datetime):
        return moment.astimezone(ZONE).isoformat(timespec="minutes")
    return moment.isoformat()


_MATERIAL_WORDS = {"verslag": "verslag", "presentatie": "presentatie", "opname": "opname", "anders": "ander materiaal"}


def materials(event: Event) -> str:
    """What there is to read or watch back, in a few words: "Met verslag en opname"."""
    words = list(dict.fromkeys(_MATERIAL_WORDS[material.kind] for material in event.materials))
    if len(words) > 1:
        words = [", ".join(words[:-1]), words[-1]]
    return "Met " + " en ".join(words)
