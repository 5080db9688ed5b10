"""What the generator knows does not work yet on every site it makes, for "Wat nog niet goed werkt".

The model statement lists each problem with its cause, its effect and the plan. A problem of the
generator or its theme is on every site, so it is listed here once; the owner adds the problems of
their own content on the page, under the generated list. When a fix lands, its entry goes, and the
statement of every site built with that version says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class KnownProblem:
    title: str
    criterion: str
    """The success criterion of WCAG it fails, by number and in a few words."""
    cause: str
    effect: str
    plan: str


KNOWN_PROBLEMS: tuple[KnownProblem, ...] = ()
"""Every problem the generator knows of, in the order the statement lists them."""
