"""Event times: what editors write, the Dutch time zone, and what "now" is.

Editors write local wall-clock time. A wall-clock time that does not exist (the hour skipped when
summer time starts) or exists twice (the hour repeated when it ends) cannot be placed on the
calendar without guessing, so it is refused instead of silently moved.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from pydantic_core import PydanticCustomError

from ..wording import invisible
from ..wording.problems import DataError, Problem, invalid

ZONE = ZoneInfo("Europe/Amsterdam")

# The agenda of a network of today: an earlier or later year is a typing mistake. The bounds also keep
# every date inside what the calendar files and the time zone rules can write (9999 overflowed).
FIRST_YEAR, LAST_YEAR = 2000, 2099

# How editors write a moment: year, month, day, and maybe hour and minute. [0-9], not \d: \d also
# takes other scripts' digits, which int() then reads: "２０２６" is 2026 to int().  # noqa: RUF003 - full-width digits, on purpose
# The editors' schemas use it too (rules.py).
WRITTEN = r"([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2}))?"
_MOMENT = re.compile(f"^{WRITTEN}\\Z")
_LAST_HOUR, _LAST_MINUTE = 23, 59


EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
_EPOCH = re.compile(r"^\s*[0-9]{1,11}\s*$")


def now() -> datetime:
    """The build's "now": `SOURCE_DATE_EPOCH` when set, so that builds can be reproduced.

    A value that is not a number of seconds raises a `DataError` (not a ValueError), so that the
    check and the build name the variable and what it must hold, instead of ending in a traceback.
    """
    epoch = os.environ.get(EPOCH_VARIABLE)
    if not epoch:
        return datetime.now(UTC).astimezone(ZONE)
    instant = datetime.fromtimestamp(int(epoch), UTC) if _EPOCH.match(epoch) else None
    if instant is None or not FIRST_YEAR <= instant.year <= LAST_YEAR:
        raise DataError([Problem(EPOCH_VARIABLE, 0, 0, "bad_epoch", {"value": epoch[:40]})])
    return instant.astimezone(ZONE)


def parse_moment(value: object) -> date | datetime:
    """A date (all-day) or an aware datetime in Europe/Amsterdam, from "YYYY-MM-DD[ HH:MM]"."""
    if not isinstance(value, str):
        raise invalid("bad_moment", value=str(value))
    match = _MOMENT.match(value.strip())
    if not match:
        raise invalid("bad_moment", value=value, **invisible.hint(value, spaced=True))
    year, month, day, hour, minute = match.groups()
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise invalid("year_out_of_range", value=value)
    try:
        day_value = date(int(year), int(month), int(day))
    except ValueError:
        raise invalid("impossible_date", value=value) from None
    if hour is None:
        return day_value
    if int(hour) > _LAST_HOUR or int(minute) > _LAST_MINUTE:
        raise invalid("impossible_time", value=value)
    return _localize(datetime(day_value.year, day_value.month, day_value.day, int(hour), int(minute)), value)


def parse_day(value: object) -> date:
    """A date without a time. `parse_moment`'s own advice offers a time, which is wrong here."""
    try:
        moment = parse_moment(value)
    except PydanticCustomError as error:
        if error.type == "bad_moment":
            raise invalid("bad_day", value=str(value)) from None
        raise
    if isinstance(moment, datetime):
        raise invalid("deadline_form")
    return moment


def _localize(wall: datetime, written: str) -> datetime:
    early, late = wall.replace(tzinfo=ZONE, fold=0), wall.replace(tzinfo=ZONE, fold=1)
    if early.astimezone(UTC).astimezone(ZONE).replace(tzinfo=None) != wall:
        raise invalid("nonexistent_time", value=written)
    if early.utcoffset() != late.utcoffset():
        raise invalid("ambiguous_time", value=written)
    return early


def day_start(day: date) -> datetime:
    """Midnight at the start of a Dutch calendar day, as an aware datetime."""
    return datetime(day.year, day.month, day.day, tzinfo=ZONE)


def next_day(day: date) -> date:
    return day + timedelta(days=1)
