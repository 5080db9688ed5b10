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

Speed: one tab per site and JavaScript setting, loading each page once per size; the colour scheme
switches on the loaded page."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from conftest import BUILDERS
from generator.statement import how_we_test

# The sites measured: each builder's build of the fixture data, and of the project's own data and home
# text (sixteen communities above the events on the home page, as on the real site).
SITES = {
    ("mkdocs", "fixture"): "built_site",
    ("zensical", "fixture"): "zensical_site",
    ("mkdocs", "own"): "project_site",
    ("zensical", "own"): "zensical_project_site",
}


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
          covered: covers.find(Boolean) ?? null, background: getComputedStyle(document.body).backgroundColor};
}"""
# Two animation frames: what the site's script does on a change of the colour scheme is laid out by then.
# (A page without JavaScript runs no frame callbacks; its layout is read at once.)
FRAMES_JS = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


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


def misses(box: dict[str, Any], viewport: dict[str, int], screens: int) -> str:
    """Why the first event's link is not where it should be, or "" when it is."""
    height = viewport["height"] * screens
    if box["top"] < 0 or box["bottom"] > height or box["left"] < 0 or box["right"] > viewport["width"]:
        return f"its link spans {box['top']:.0f}-{box['bottom']:.0f} px down, the goal is 0-{height} px"
    if screens == 1 and box["covered"]:
        return f"its link is covered by {box['covered']}"
    return ""


def test_the_statement_says_what_is_measured_here() -> None:
    """The accessibility statement tells this check (statement/how_we_test.py) with these sizes."""
    said = next(check.text for check in how_we_test.CHECKS if "test_first_screen.py" in check.tests)
    for viewport in (PHONE, LAPTOP):
        assert f"{viewport['width']} bij {viewport['height']} pixels" in said.replace("\n", " "), said


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("site", SITES.values(), ids=[f"{builder}-{data}" for builder, data in SITES])
def test_the_first_event_is_on_the_first_screen(tab: Callable[..., Any], site: str, javascript: bool) -> None:
    """Each page once per size; the scheme switches on the loaded page, as the system's setting does
    (the site follows it), and the page's background shows that it did."""
    from browser_harness import luminance

    page = tab(site, javascript=javascript)
    found, failures = [], []
    for path, viewport, screens in GOALS:
        page.set_viewport_size(viewport)
        page.emulate_media(color_scheme=SCHEMES[0])
        page.goto(page.base + path, wait_until="load")
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            if javascript:  # the site's script follows the change (without it, CSS alone does)
                page.evaluate(FRAMES_JS)
            box = page.evaluate(FIRST_EVENT_JS)
            size = f"{viewport['width']}x{viewport['height']}"
            if box is None:
                failures.append(f"{path} at {size}, {scheme}: no event")
                continue
            # (Without JavaScript both themes show the light scheme, whatever the system asks.)
            assert (luminance(box["background"]) < 0.5) == (javascript and scheme == "dark"), (path, size, box)
            found.append(f"{path} {size} {scheme}: {box['top']:.0f}-{box['bottom']:.0f} px")
            why = misses(box, viewport, screens)
            if why:
                failures.append(f"{path} at {size}, {scheme}: {why}")
    assert not failures, "\n".join([*failures, "", "where the first event's link is:", *found])


# --- the disclosure "Kies wat je ziet" ---------------------------------------------------------------

SUMMARY = "Kies wat je ziet"
# What is focused: its tag and text, or its name.
FOCUSED_JS = """() => { const el = document.activeElement;
  return el ? `${el.tagName.toLowerCase()} ${(el.name || el.textContent).trim().slice(0, 40)}` : null; }"""


def announced(page: Any) -> bool | None:
    """Whether the accessibility tree says the disclosure is expanded: what a screen reader hears on
    its summary ("uitgevouwen" or "samengevouwen")."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    for node in nodes:
        if node.get("name", {}).get("value") == SUMMARY and not node.get("ignored"):
            states = {item["name"]: item["value"].get("value") for item in node.get("properties", [])}
            return states.get("expanded")
    return None


@pytest.mark.browser
@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("builder", BUILDERS)
def test_the_keyboard_opens_and_closes_the_filters(tab: Callable[..., Any], builder: str, javascript: bool) -> None:
    """Closed when the page opens; Tab from the link before it reaches its summary; Enter and Space
    open and close it, and the accessibility tree says which; open, Tab goes on into what it holds
    (the form, or without JavaScript the links to the parts of the agenda)."""
    page = tab(BUILDERS[builder]["built"], javascript=javascript)
    page.goto(page.base + "/agenda/", wait_until="load")
    details = page.locator("details.site-filters")
    assert details.count() == 1
    assert (details.evaluate("(d) => d.open"), announced(page)) == (False, False), "open when the page opens"
    page.get_by_role("link", name="Bekijk evenementen die al geweest zijn").focus()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_JS) == f"summary {SUMMARY}"
    for key in ("Enter", "Enter", "Space", "Space", "Enter"):
        was = details.evaluate("(d) => d.open")
        page.keyboard.press(key)
        page.wait_for_function("(was) => document.querySelector('details.site-filters').open !== was", arg=was)
        assert announced(page) is (not was), f"{key} on the summary: the tree does not say it is {not was}"
    page.keyboard.press("Tab")
    inside = "select community" if javascript else "a Online evenementen"
    assert page.evaluate(FOCUSED_JS) == inside
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert not details.evaluate("(d) => d.open")
    page.keyboard.press("Tab")  # closed, Tab passes it by to the first event
    assert page.evaluate(FOCUSED_JS) == "a Webinar duidelijke brieven"


# The line below the disclosure that says what is chosen: shown or not, and its text.
CHOSEN_JS = """() => { const line = document.querySelector('[data-site-filter-chosen]');
  return line.getClientRects().length ? line.textContent.trim() : null; }"""


@pytest.mark.browser
@pytest.mark.parametrize("builder", BUILDERS)
def test_what_is_chosen_is_said_in_words_next_to_the_closed_filters(tab: Callable[..., Any], builder: str) -> None:
    page = tab(BUILDERS[builder]["built"])
    page.goto(page.base + "/agenda/", wait_until="load")
    assert page.evaluate(CHOSEN_JS) is None, "a choice is said while nothing is chosen"
    # From the address: the disclosure stays closed, the line says it.
    page.goto(page.base + "/agenda/?soort=webinar&waar=online", wait_until="load")
    assert not page.locator("details.site-filters").evaluate("(d) => d.open")
    assert page.evaluate(CHOSEN_JS) == "Je keuze: Soort evenement: Webinar; Waar: Online."
    # From the form, by keyboard: a box ticked with Space is added.
    page.get_by_text(SUMMARY, exact=True).focus()
    page.keyboard.press("Enter")
    page.get_by_label("Alleen als leden van alle community's welkom zijn").focus()
    page.keyboard.press("Space")
    assert page.evaluate(CHOSEN_JS) == (
        "Je keuze: Soort evenement: Webinar; Waar: Online; Alleen als leden van alle community's welkom zijn."
    )
    page.get_by_role("button", name="Alles tonen").click()
    page.wait_for_function("() => location.search === ''")
    assert page.evaluate(CHOSEN_JS) is None
    # Back to the choice before: said again.
    page.go_back()
    page.wait_for_function("() => location.search !== ''")
    assert page.evaluate(CHOSEN_JS) == (
        "Je keuze: Soort evenement: Webinar; Waar: Online; Alleen als leden van alle community's welkom zijn."
    )
