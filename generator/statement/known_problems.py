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
        "Tekst met meer ruimte",
        "WCAG 1.4.12, tekstafstand",
        "Geef je de tekst meer ruimte tussen regels, woorden en letters, dan past niet alles meer. Het menu-item "
        "Toegankelijkheidsverklaring valt op een breed scherm deels weg, en op een smal scherm lopen de naam van "
        "de site en de datum van een evenement buiten het scherm.",
        "Wie de afstand in de tekst groter zet om beter te kunnen lezen, mist een deel van de tekst.",
        "We passen de opmaak aan, zodat alles past met de ruimte die WCAG noemt, en testen dat.",
    ),
    KnownProblem(
        "Het menu zonder JavaScript",
        "WCAG 2.1.1, toetsenbord",
        "Op een scherm smaller dan 1220 pixels opent het menu met JavaScript. Staat JavaScript uit, dan kun je de "
        "links in het menu niet met de Tab-toets bereiken.",
        "Zonder JavaScript en met alleen een toetsenbord kom je niet bij het menu. Je kunt wel de links op de "
        "pagina zelf gebruiken.",
        "We maken het menu ook zonder JavaScript bereikbaar.",
    ),
    KnownProblem(
        "Engelse titels in de kop",
        "WCAG 3.1.2, taal van onderdelen",
        "Heeft een evenement een Engelse titel, dan staat die titel ook in de balk bovenaan de pagina, als je naar "
        "beneden scrolt. Daar staat niet bij dat hij Engels is.",
        "Een schermlezer leest die titel dan uit met een Nederlandse uitspraak.",
        "We geven de titel daar ook de taal Engels mee.",
    ),
)
"""Every problem the generator knows of, in the order the statement lists them."""
