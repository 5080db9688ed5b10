"""The statement's facts from the plugin's options: its date, its status, the audit, the register.

The status follows DigiToegankelijk's table (digitoegankelijk.nl/toegankelijkheidsverklaring/status):

- A and B need a complete audit by an expert (WCAG-EM, at most three years old): A when the site meets
  all 50 requirements, B when not yet. Only the owner knows that, so they set the letter, with the
  link to the report; the generator refuses A or B without one.
- C ("eerste maatregelen genomen"): no audit yet, but one planned within six months of the statement.
  C meets the law for those six months only; after them the site is D again, whatever the page says,
  so the generator says D from then on, and the log says why.
- D ("voldoet niet"): no audit and none planned. The tests of the generator are no audit: they are
  the team's own automated checks, so a site without an audit is C or D, never B.
- E: no statement at all; a site with this page is never E.

The statement's date is a fixed day the owner sets (`accessibility_date`), not the day of the build: it
is the day the owner last read the statement and vouched for it, and a nightly build must not move it.
A date more than a year before the build's "now" gives a warning in the log, not a failed build: the
site's agenda must still publish. A date after "now" gives nothing: the tests build this repository's
settings at a fixed "now" in 2026, which every later statement date is after; the pull request that
sets the date shows it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..data.contract.fields import Email, Url
from ..data.wording.problems import Problem

PREFIX = "accessibility_"
"""The options' names in mkdocs.yml: `accessibility_` and the name of a field of `StatementOptions`."""
STATUS_NAMES = {
    "A": "voldoet volledig",
    "B": "voldoet gedeeltelijk",
    "C": "eerste maatregelen genomen",
    "D": "voldoet niet",
}
AUDITED = ("A", "B")
PLAN_MONTHS = 6
"""An audit planned within this many months of the statement's date gives status C, for that long."""
STATUS_PAGE = "https://www.digitoegankelijk.nl/toegankelijkheidsverklaring/status"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class StatementOptions:
    """The plugin's options for the statement as mkdocs.yml has them: YAML reads an unquoted date as a date."""

    date: object = ""
    """The day the owner made or last checked the statement."""
    status: object = ""
    """A or B, with `audit`; without it the generator says C or D."""
    audit: object = ""
    """The address of the report of an audit by an expert."""
    audit_planned: object = ""
    """The day an audit is planned, within six months of `date`: status C."""
    register: object = ""
    """The statement's entry in the register of DigiToegankelijk (toegankelijkheidsverklaring.nl)."""

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> StatementOptions:
        """From the plugin's options, by their names in mkdocs.yml; a missing or empty option is ""."""
        return cls(**{field.name: options.get(PREFIX + field.name) or "" for field in fields(cls)})


NO_OPTIONS = StatementOptions()
"""A site whose settings say nothing of its statement."""

OPTIONS = tuple(PREFIX + field.name for field in fields(StatementOptions))
"""The plugin options of the statement, by their names in mkdocs.yml."""


@dataclass(frozen=True)
class Statement:
    """The checked facts the generated parts of the statement tell."""

    day: date
    status: str
    """A, B, C or D (STATUS_NAMES)."""
    site_url: str
    contact_email: str
    organisation: str = ""
    audit: str = ""
    audit_planned: date | None = None
    register: str = ""
    lapsed: bool = False
    """An audit was planned (C), but the six months are over: the status is D."""

    @property
    def status_name(self) -> str:
        return STATUS_NAMES[self.status]


@dataclass(frozen=True)
class Facts:
    """What the statement needs besides its own options."""

    site_url: str
    contact_email: str
    organisation: str
    config_file: str
    """mkdocs.yml's name, for the messages."""
    config_text: str = ""
    """mkdocs.yml as written, to find the line of an option for a message."""


class _Report:
    """The problems that stop the build and the warnings for the log, each at its option's line."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, option: str, key: str, *, warning: bool = False, **params: Any) -> None:
        line, column = _place(self.facts.config_text, option)
        found = Problem(self.facts.config_file, line, column, key, {"field": option, **params}, warning=warning)
        (self.warnings if warning else self.problems).append(found)

    def day(self, value: object, name: str) -> date | None:
        """A day as YAML reads `2026-12-07` (a date) or `"2026-12-07"` (text); None when it is not one."""
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        text = str(value).strip()
        if _DAY.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        self.add(PREFIX + name, "bad_day", value=text)
        return None

    def checked(self, kind: Any, value: object, option: str) -> str:
        """A value by the rule of every URL or e-mail address the editors write (data/contract/fields.py), with
        its message; "" when it breaks it."""
        text = str(value).strip()
        if not text:
            return ""
        try:
            return str(TypeAdapter(kind).validate_python(text))
        except ValidationError as error:
            detail = error.errors()[0]
            self.add(option, detail["type"], **dict(detail.get("ctx") or {"value": text}))
            return ""


def read_statement(
    options: StatementOptions, facts: Facts, now: datetime
) -> tuple[Statement | None, list[Problem], list[Problem]]:
    """The statement's facts, the problems that stop the build, and the warnings for the log."""
    report = _Report(facts)
    if options.date == "":
        report.add("communities", "statement_no_date")
    day = report.day(options.date, "date") if options.date else None
    planned = report.day(options.audit_planned, "audit_planned") if options.audit_planned else None
    audit = report.checked(Url, options.audit, PREFIX + "audit")
    register = report.checked(Url, options.register, PREFIX + "register")
    email = report.checked(Email, facts.contact_email, "contact_email")
    if not facts.contact_email.strip():
        report.add("communities", "statement_no_email")
    status = _given_status(options, report)
    if day is None or report.problems:
        return None, report.problems, report.warnings
    _date_warnings(day, now.date(), report)
    lapsed = False
    if not status:
        status, lapsed = _planned_status(day, planned, now.date(), report)
    if report.problems:
        return None, report.problems, report.warnings
    statement = Statement(
        day=day,
        status=status,
        site_url=facts.site_url,
        contact_email=email,
        organisation=facts.organisation,
        audit=audit,
        audit_planned=None if status in AUDITED else planned,
        register=register,
        lapsed=lapsed,
    )
    return statement, report.problems, report.warnings


def _given_status(options: StatementOptions, report: _Report) -> str:
    """A or B as the owner set it, with an audit; "" when the generator says C or D."""
    status = str(options.status).strip().upper()
    if status in AUDITED and not options.audit:
        report.add(PREFIX + "status", "statement_status_without_audit", value=status)
    elif status and status not in AUDITED:
        report.add(PREFIX + "status", "statement_bad_status", value=str(options.status))
    elif options.audit and not status:
        report.add(PREFIX + "audit", "statement_audit_without_status")
    return status if status in AUDITED else ""


def _date_warnings(day: date, today: date, report: _Report) -> None:
    if _months_later(day, 12) < today:
        report.add(PREFIX + "date", "warn_statement_old", warning=True, value=day.isoformat())


def _planned_status(day: date, planned: date | None, today: date, report: _Report) -> tuple[str, bool]:
    """C while an audit is planned within six months of the statement, for those six months; else D.
    And whether it was C, and the six months are over."""
    if planned is None:
        return "D", False
    end = _months_later(day, PLAN_MONTHS)
    option = PREFIX + "audit_planned"
    dates: dict[str, Any] = {"value": planned.isoformat(), "day": day.isoformat()}
    if planned < day:
        report.add(option, "statement_plan_before", **dates)
    elif planned > end:
        report.add(option, "statement_plan_late", **dates)
    elif today > end:
        report.add(option, "warn_statement_plan_lapsed", warning=True, **dates)
        return "D", True
    return "C", False


def _months_later(day: date, months: int) -> date:
    """The same day `months` later, or that month's last day when it is shorter (31 August + 6: 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _place(text: str, option: str) -> tuple[int, int]:
    """The line and column of `option:` in mkdocs.yml as written; the top of the file when it is not there."""
    found = re.search(rf"^([ \t-]*){re.escape(option)}[ \t]*:", text, re.M)
    if found is None:
        return 1, 1
    return text.count("\n", 0, found.start()) + 1, len(found.group(1)) + 1
