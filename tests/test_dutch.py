"""Dates and times the Dutch way, for every shape of event."""

from __future__ import annotations

import pytest

from generator.catalogue import dutch
from generator.data.contract.models import Event

BASE = {"id": "x", "title": "X", "communities": ["a"], "location": {"online": True}, "description": "x"}


def _event(start: str, end: str | None = None) -> Event:
    return Event.model_validate({**BASE, "start": start, **({"end": end} if end else {})})


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-12-08 14:00", "2026-12-08 16:00", "dinsdag 8 december 2026, 14.00–16.00 uur"),
        (
            "2026-12-08 09:30",
            "2026-12-09 12:00",
            "dinsdag 8 december 2026, 09.30 uur tot woensdag 9 december 2026, 12.00 uur",
        ),
        ("2026-12-08", None, "dinsdag 8 december 2026, de hele dag"),
        ("2026-12-07", "2026-12-09", "maandag 7 tot en met woensdag 9 december 2026"),
        ("2027-03-01", "2027-03-03", "maandag 1 tot en met woensdag 3 maart 2027"),
        ("2026-11-30", "2026-12-02", "maandag 30 november tot en met woensdag 2 december 2026"),
        ("2026-12-31", "2027-01-01", "donderdag 31 december 2026 tot en met vrijdag 1 januari 2027"),
        ("2026-12-08", "2026-12-08", "dinsdag 8 december 2026, de hele dag"),
    ],
)
def test_when(start: str, end: str | None, expected: str) -> None:
    assert dutch.when(_event(start, end)) == expected


def test_time_elements_carry_the_offset_of_that_day() -> None:
    parts = dutch.when_parts(_event("2026-10-25 14:00", "2026-10-25 16:00"))
    assert [machine for _, machine in parts if machine] == ["2026-10-25T14:00+01:00", "2026-10-25T16:00+01:00"]
    parts = dutch.when_parts(_event("2027-03-28 14:00", "2027-03-28 16:00"))
    assert [machine for _, machine in parts if machine] == ["2027-03-28T14:00+02:00", "2027-03-28T16:00+02:00"]


def test_month_heading_and_numbers() -> None:
    assert dutch.month_name(_event("2027-01-14").first_day) == "Januari 2027"
    # The calendar year, also in the days that belong to a week of the next or the previous year.
    assert dutch.month_name(_event("2025-12-29").first_day) == "December 2025"
    assert dutch.month_name(_event("2027-01-01").first_day) == "Januari 2027"
    assert dutch.number(2500) == "2.500"


def test_every_default_event_type_has_a_dutch_label_and_an_id_the_check_takes() -> None:
    from generator.data.contract.models import DEFAULT_EVENT_TYPES, EventType

    for kind, label in DEFAULT_EVENT_TYPES.items():
        assert EventType.model_validate({"id": kind, "name": label}).name == label


def _with_registration(deadline: str | None) -> Event:
    fields = {"registration_url": "https://example.org/aanmelden"}
    if deadline:
        fields["registration_deadline"] = deadline
    return Event.model_validate({**BASE, "start": "2026-12-15 13:00", "end": "2026-12-15 17:00", **fields})


def test_registration_text_names_the_last_day_in_words() -> None:
    event = _with_registration("2026-12-10")
    assert dutch.registration_text(event, "open") == "Aanmelden kan tot en met donderdag 10 december 2026."
    assert (
        dutch.registration_text(event, "closed")
        == "Aanmelden is gesloten. De laatste dag was donderdag 10 december 2026."
    )
    assert dutch.registration_text(event, "full") == "Vol: je kunt je niet meer aanmelden."
    assert dutch.registration_text(_with_registration(None), "full") == "Vol: je kunt je niet meer aanmelden."
