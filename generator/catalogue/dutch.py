"""The site's Dutch words and sentences, in one home for the pages, the calendar feeds and Atom.

Dates and times as government texts write them ("dinsdag 8 december 2026, 14.00–16.00 uur": Babel
gives the names of days and months; the dot and the one "uur" after a range are set here), where an
event is, whether one can still register, and the sentences that the pages and the feeds share. A
sentence that appears in a page and in a feed is written here once, so the two cannot drift apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_decimal

from ..data.contract.models import Event, Location
from ..data.contract.moments import ZONE

LOCALE = "nl_NL"

CANCELLED = "Dit evenement gaat niet door."
IN_ENGLISH = "Dit evenement is in het Engels."
JOIN_ONLINE = "Online meedoen"
LOOK_BACK = "Terugkijken en nalezen"
ORGANISATION = "Organisatie"
ACCESS_QUESTION = "Vragen over toegankelijkheid?"
ASK_THE_ORGANISATION = "Vraag de organisatie"
SENTENCES = {
    "cancelled": CANCELLED,
    "in_english": IN_ENGLISH,
    "join_online": JOIN_ONLINE,
    "look_back": LOOK_BACK,
    "organisation": ORGANISATION,
    "access_question": ACCESS_QUESTION,
    "ask_the_organisation": ASK_THE_ORGANISATION,
}
"""The shared sentences by name, for the templates (`sentence.in_english`)."""


def more_information(page: str) -> str:
    return f"Meer informatie: {page}"


def labelled(label: str, value: str) -> str:
    """A line of a feed's text: "Online meedoen: https://…"."""
    return f"{label}: {value}"


def access_text(event: Event, address: str) -> str:
    """The access features in Dutch, and whom to ask; without facts only whom to ask, never a guess."""
    access = event.accessibility
    if access and access.contact:
        ask = f"{ACCESS_QUESTION} {access.contact}"
    elif address:
        ask = f"{ACCESS_QUESTION} {labelled(ASK_THE_ORGANISATION, address)}"
    else:
        ask = f"{ACCESS_QUESTION} {ASK_THE_ORGANISATION}."
    if not access or not access.features:
        return ask
    return "\n".join(["Toegankelijkheid:", *(f"- {label}" for label in access.labels), ask])


def registration_line(event: Event, url: str) -> str:
    """How to register, in a feed: with the last day if there is one, never with the build's "now"."""
    if event.full:
        return registration_text(event, "full")
    if event.registration_deadline is not None:
        return labelled(registration_text(event, "open").removesuffix("."), url)
    return labelled("Aanmelden", url)


def listed_title(event: Event) -> str:
    """The title where only a title shows (a calendar app, a feed reader): a cancelled event says so first."""
    return f"Gaat niet door: {event.title}" if event.cancelled else event.title


def place(location: Location, *, with_address: bool = True) -> str:
    """Where an event is, in the one phrasing of the pages, the feeds and Atom: "Het Stadhuis,
    Kerkstraat 1, Zwolle en online"; a list of events leaves out the address."""
    if not location.venue:
        return "Online"
    where = ", ".join(part for part in (location.venue, location.address if with_address else None) if part)
    return f"{where} en online" if location.online else where


def registration_text(event: Event, state: str) -> str:
    """Whether one can register, for `Event.registration`'s state: "full", "closed" or "open" (with a deadline)."""
    if state == "full":
        return "Vol: je kunt je niet meer aanmelden."
    deadline = long_date(event.registration_deadline) if event.registration_deadline else ""
    if state == "closed":
        return f"Aanmelden is gesloten. De laatste dag was {deadline}."
    return f"Aanmelden kan tot en met {deadline}."


def event_page_titles(events: Iterable[Event]) -> dict[str, str]:
    """Each event page's title, by id: its title and day. Two events may share both (two sessions of a
    workshop); then the time is added, and if that is the same too, the id, so that no two pages of
    the site have one title (WCAG 2.4.2). No rule for editors is needed for that."""
    events = list(events)
    by_day = {event.id: f"{event.title} ({long_date(event.first_day)})" for event in events}
    shared = Counter(by_day.values())
    titles = {e.id: by_day[e.id] if shared[by_day[e.id]] == 1 else f"{e.title} ({when(e)})" for e in events}
    shared = Counter(titles.values())
    return {key: title if shared[title] == 1 else f"{title} – {key}" for key, title in titles.items()}


def long_date(day: date) -> str:
    return format_date(day, "EEEE d MMMM y", locale=LOCALE)


def day_month_year(day: date) -> str:
    """ "7 december 2026": a date in a sentence, where the day of the week adds nothing."""
    return format_date(day, "d MMMM y", locale=LOCALE)


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
