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


KNOWN_PROBLEMS = (
    KnownProblem(
        "Sneltoetsen van één teken",
        "WCAG 2.1.4, sneltoetsen van één teken",
        "Het thema van de site (Material for MkDocs) heeft sneltoetsen van één teken. De letters s en f en de "
        "schuine streep (/) openen het zoeken. De letters p en n, de komma en de punt gaan naar de vorige of "
        "de volgende pagina. Je kunt ze niet uitzetten.",
        "Gebruik je spraakbesturing, dan kan een woord dat je zegt zo'n toets worden. Of je drukt per ongeluk "
        "op een letter. Dan opent het zoeken, of ga je naar een andere pagina zonder dat je dat wilde. In een "
        "invoerveld en in een keuzelijst werken de sneltoetsen niet.",
        "We passen de generator aan, zodat de sneltoetsen alleen werken met een extra toets, of uit kunnen.",
    ),
)
"""Every problem the generator knows of, in the order the statement lists them."""
