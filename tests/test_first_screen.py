"""Events first: a visitor who opens the agenda or the home page sees an event without scrolling
(issue 21, point 5). Measured in the browser on both builders, in both colour schemes, with and
without JavaScript: the box of the first event's title link on /agenda/ must lie within the first
screen at 375×667 (a small phone) and at 1280×800 (a laptop); on the home page within the first
screen at 1280×800 and within two screens (2×667 px) at 375×667. "Within" means fully inside the
viewport's width and the given height, and not covered by anything (the sticky header).

The filter form of the agenda is a disclosure, "Kies wat je ziet" (a <details>, so it opens and
closes without JavaScript too), closed when the page opens. When a filter is chosen, in the address
or in the form, the page says which in text next to it, so that a visitor who does not open it still
knows the list is filtered. A link "Abonneren" near the top goes to the subscribe block.

Speed: one tab per builder and JavaScript setting, loading each page once per size and scheme."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

# The sites measured: each builder's build of the fixture data, and of the project's own data and home
# text (sixteen communities above the events on the home page, as on the real site).
SITES = {
    ("mkdocs", "fixture"): "built_site",
    ("zensical", "fixture"): "zensical_site",
    ("mkdocs", "own"): "project_site",
    ("zensical", "own"): "zensical_project_site",
}

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
LAPTOP = {"width": 1280, "height": 800}
# (page, viewport, how far down the first event's title link may reach, in screens of that viewport)
GOALS = [("/agenda/", PHONE, 1), ("/agenda/", LAPTOP, 1), ("/", PHONE, 2), ("/", LAPTOP, 1)]
SCHEMES = ("light", "dark")

# Where the first event's title link is, with the page scrolled to the top, and what covers it: the
# element at the centre of each of its line boxes (a long title wraps).
FIRST_EVENT_JS = """() => {
  scrollTo(0, 0);
  const link = document.querySelector('.site-page li.site-event .site-event__title a');
  if (!link) return null;
  const box = link.getBoundingClientRect();
  const covers = [...link.getClientRects()].map((line) => {
    const y = line.top + line.height / 2;
    const top = y < innerHeight ? document.elementFromPoint(line.left + line.width / 2, y) : null;
    return top && !link.contains(top) ? `${top.tagName.toLowerCase()}.${top.className}` : null;
  });
  return {text: link.textContent.trim(), top: box.top, bottom: box.bottom, left: box.left, right: box.right,
          covered: covers.find(Boolean) ?? null};
}"""


@pytest.fixture
def tab(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable[..., Any]]:
    """A fresh page on a built site (a fixture of conftest.py, by name), with or without JavaScript."""
    from browser_harness import Visit, serve, watch

    opened: list[tuple[Any, Visit]] = []
    served = contextlib.ExitStack()

    def open_tab(site: str, *, javascript: bool = True, viewport: dict[str, int] = PHONE) -> Any:
        base = served.enter_context(serve(request.getfixturevalue(site)))
        context = browser.new_context(
            viewport=viewport, locale="nl-NL", service_workers="block", java_script_enabled=javascript
        )
        page = context.new_page()
        visit = Visit("", "light")
        watch(page, lambda: visit)
        page.base = base
        opened.append((context, visit))
        return page

    yield open_tab
    served.close()
    for context, visit in opened:
        context.close()
        assert not (visit.page_errors or visit.console_errors or visit.foreign_requests), visit


def misses(box: dict[str, Any] | None, viewport: dict[str, int], screens: int) -> str:
    """Why the first event's link is not where it should be, or "" when it is."""
    if box is None:
        return "no event link"
    height = viewport["height"] * screens
    if box["top"] < 0 or box["bottom"] > height or box["left"] < 0 or box["right"] > viewport["width"]:
        return f"its link spans {box['top']:.0f}-{box['bottom']:.0f} px down, the goal is 0-{height} px"
    if screens == 1 and box["covered"]:
        return f"its link is covered by {box['covered']}"
    return ""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("site", SITES.values(), ids=[f"{builder}-{data}" for builder, data in SITES])
def test_the_first_event_is_on_the_first_screen(tab: Callable[..., Any], site: str, javascript: bool) -> None:
    page = tab(site, javascript=javascript)
    found, failures = [], []
    for path, viewport, screens in GOALS:
        page.set_viewport_size(viewport)
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            page.goto(page.base + path, wait_until="load")
            box = page.evaluate(FIRST_EVENT_JS)
            size = f"{viewport['width']}x{viewport['height']}"
            found.append(f"{path} {size} {scheme}: {box and round(box['top'])}-{box and round(box['bottom'])} px")
            why = misses(box, viewport, screens)
            if why:
                failures.append(f"{path} at {size}, {scheme}: {why}")
    assert not failures, "\n".join(failures + ["", "where the first event's link is:", *found])
