"""Europe/Amsterdam as a VTIMEZONE built from yearly rules (RRULE), not from a list of dates (RDATE):
Outlook reads RDATE-only definitions an hour off."""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

TZID = "Europe/Amsterdam"


def amsterdam_timezone() -> Timezone:
    """Europe/Amsterdam as the EU rule: summer time from the last Sunday of March, 02:00, to the
    last Sunday of October, 03:00. A test compares it with zoneinfo for every day of many years."""
    timezone = Timezone()
    timezone.add("tzid", TZID)
    timezone.add("x-lic-location", TZID)
    timezone.add_component(_transition(TimezoneDaylight(), "CEST", 1, 2, datetime(1970, 3, 29, 2, 0)))
    timezone.add_component(_transition(TimezoneStandard(), "CET", 2, 1, datetime(1970, 10, 25, 3, 0)))
    return timezone


def _transition(
    component: TimezoneDaylight | TimezoneStandard, name: str, hours_from: int, hours_to: int, first: datetime
) -> TimezoneDaylight | TimezoneStandard:
    """One change of the clock, every year on the last Sunday of the month of `first`."""
    component.add("tzname", name)
    component.add("tzoffsetfrom", timedelta(hours=hours_from))
    component.add("tzoffsetto", timedelta(hours=hours_to))
    component.add("dtstart", first)
    component.add("rrule", vRecur(freq="YEARLY", bymonth=first.month, byday="-1SU"))
    return component
