"""How much each part of a page weighs in the search: one rule, printed by the page templates as
Pagefind's `data-pagefind-weight`.

Pagefind weighs a word by the square of its weight (2 counts about 4 times, 10 about 100 times), and
a heading it finds by itself (h1: 7) only outside an element with a weight of its own. An event page
has a weight on its title and one on the rest of its text, so that the title beats a word that
passes by elsewhere on any page, and for the same words an event still to come ranks above a
cancelled one, and both above one that is over. Which events are still to come is fixed at build
time: the site is built again every night.

Pagefind's own ranking also weighs how often a word occurs in a page of its length; that evens out
these weights (a past and an upcoming event with the same title scored within 2 %). So the dialog
asks Pagefind to rank by the weighted words alone (`termFrequency: 0`, in theme/assets/site.js).

No filters by community, theme or kind in the search: Pagefind 1.5.2 writes a filter with more than
one value in an order that changes from run to run (its issue 638: fragments are stable since 1.3,
"filter/metadata indexes" not; 5 runs over one site gave 5 different indexes), and the same site
must give the same bytes. The agenda filters by all three already, with a page and a feed per part,
and the dialog links there. The one filter the index has, the language, has one value ("en") and
stays stable; tests/test_search.py holds the index to that.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    title: float
    """The event's title (its page's h1)."""
    text: float
    """Everything else on the event's page."""


UPCOMING = Weights(title=10.0, text=1.0)
CANCELLED = Weights(title=8.0, text=0.8)
PAST = Weights(title=6.0, text=0.6)


def event_weights(*, upcoming: bool, cancelled: bool) -> Weights:
    if not upcoming:
        return PAST
    return CANCELLED if cancelled else UPCOMING
