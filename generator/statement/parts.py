"""The statement page with its generated parts: each line `<!-- verklaring: NAAM -->` in the owner's
page becomes a part written from `templates/NAAM.md`, in Markdown, so that its headings are the page's
own (in the table of contents, with anchors) for MkDocs and Zensical alike.

A page with one of these lines must have all of them, once each: a statement without its status or
without a way to report a problem does not follow the model. A page without any is a site from before
the parts existed: it builds as it is, and the log says what to add.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from jinja2 import Environment

from ..catalogue.dutch import day_month_year
from ..data.wording.problems import Problem
from ..pages.templating import new_environment
from ..release import CHANGELOG_URL, DISTRIBUTION, VERSION
from . import how_we_test
from .known_problems import KNOWN_PROBLEMS
from .options import STATUS_PAGE, Facts, Statement, StatementOptions, read_statement

MARKER = re.compile(r"^[ \t]*<!--[ \t]*verklaring[ \t]*:[ \t]*(?P<name>.*?)[ \t]*-->[ \t]*$", re.M | re.I)


@dataclass(frozen=True)
class Part:
    name: str
    """The name in the marker, and of its template."""
    what: str
    """What the generator puts there, in the message when the marker is missing."""

    @property
    def marker(self) -> str:
        return f"<!-- verklaring: {self.name} -->"


PARTS = (
    Part("over", "de site, de datum en de norm"),
    Part("status", "de status"),
    Part("testen", "hoe we testen"),
    Part("problemen", "wat nog niet goed werkt"),
    Part("contact", "waar je een probleem meldt"),
)
"""Every part, in the order of the model statement."""
_BY_NAME = {part.name: part for part in PARTS}


@dataclass(frozen=True)
class Filled:
    """The page with its parts, or the problems that stop the build; warnings go in the log."""

    text: str | None
    problems: list[Problem]
    warnings: list[Problem]


def fill_statement(text: str, page: str, options: StatementOptions, facts: Facts, now: datetime) -> Filled:
    """The statement page `text` (named `page` in messages) with its parts filled in."""
    found = [(match, text.count("\n", 0, match.start()) + 1) for match in MARKER.finditer(text)]
    if not found:
        without = Problem(page, 1, 1, "warn_statement_without_parts", {"changelog": CHANGELOG_URL}, warning=True)
        return Filled(None, [], [without])
    problems = _marker_problems(page, [(match.group("name").strip().lower(), line) for match, line in found])
    statement, option_problems, warnings = read_statement(options, facts, now)
    problems += option_problems
    if problems or statement is None:
        return Filled(None, problems, warnings)
    parts = {part.name: _render(part.name, statement) for part in PARTS}
    filled = MARKER.sub(lambda match: parts[match.group("name").strip().lower()], text)
    return Filled(filled, [], warnings)


def _marker_problems(page: str, markers: Sequence[tuple[str, int]]) -> list[Problem]:
    problems = []
    first: dict[str, int] = {}
    for name, line in markers:
        if name not in _BY_NAME:
            close = difflib.get_close_matches(name, list(_BY_NAME), n=1)
            choices = ", ".join(f"`{part.name}`" for part in PARTS)
            params = {"value": name, "choices": choices, "suggestion": close[0] if close else ""}
            problems.append(Problem(page, line, 1, "statement_unknown_part", params))
        elif name in first:
            problems.append(Problem(page, line, 1, "statement_part_twice", {"value": name, "first": first[name]}))
        else:
            first[name] = line
    missing = [part for part in PARTS if part.name not in first]
    problems += [
        Problem(page, 1, 1, "statement_missing_part", {"value": part.marker, "what": part.what}) for part in missing
    ]
    return problems


def _render(name: str, statement: Statement) -> str:
    return _environment().get_template(f"{name}.md").render(statement=statement).strip("\n")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def markdown_text(value: str) -> str:
    """Text as Markdown shows it, letter for letter: no emphasis, link or HTML from what it holds."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)


@cache
def _environment() -> Environment:
    env = new_environment(__package__ or "", autoescape=False)
    env.filters.update(text=markdown_text, day=day_month_year)
    env.globals.update(
        tests=how_we_test,
        checks=how_we_test.CHECKS,
        problems=KNOWN_PROBLEMS,
        status_page=STATUS_PAGE,
        generator=DISTRIBUTION,
        version=VERSION,
    )
    return env
