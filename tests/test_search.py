"""Material's search as a person uses it, with a keyboard and a screen reader, in both colour schemes on a
wide (1280×800) and a narrow (375×740) screen: open it with a shortcut or the header, a Dutch name for
the dialog, the results reachable with Tab and back, an instruction for the keys, Escape back to where
you were, the number of results announced, readable highlights and count (WCAG 1.4.3), the date of an
event in its result, upcoming events above past ones, and no axe-core violations with the search open.

Speed: one tab per colour scheme for the whole module, and the tests of one look (scheme and size) run
together and share one open search where they only read it; only the tests that need a fresh page load
one. The search term "klantreizen" is in the titles of a past event (cx-terugblik, 25 October 2026) and
an upcoming one (cx-zomertijd, 28 March 2027) of the fixture site, whose "now" is 29 November 2026."""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_harness import (
    AXE,
    AXE_RUN_JS,
    AXE_TAGS,
    MATERIAL_SCHEME,
    SCHEMES,
    SIZES,
    Visit,
    contrast_ratio,
    format_violations,
    is_local,
    rgba,
    settle,
    watch,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.catalogue.filters import RESERVED_EVENT_IDS

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

LOOKS = [pytest.param((scheme, size), id=f"{scheme}-{size}") for scheme in SCHEMES for size in SIZES]
TERM = "klantreizen"
UPCOMING, PAST = "/agenda/cx-zomertijd/", "/agenda/cx-terugblik/"
START = "/agenda/"
DIALOG_NAME = "Zoeken op de site"
MIN_CONTRAST = 4.5  # WCAG 1.4.3 for text under 18.66 px bold / 24 px

DAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DUTCH_DATE = re.compile(rf"\((?:{DAYS}) \d{{1,2}} (?:{MONTHS}) \d{{4}}\)")

# --- what the tests read from the page --------------------------------------------------------------

SEARCH_OPEN_JS = "() => document.getElementById('__search').checked"
FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), cls: el.className || '', href: el.getAttribute('href') || '',
    text: (el.getAttribute('aria-label') || el.textContent).replace(/\\s+/g, ' ').trim().slice(0, 80),
    isField: el.matches('input.md-search__input'),
    isResult: !!el.closest('.md-search-result') && el.matches('[href], summary'),
    inDialog: !!el.closest('.md-search'), inMain: !!el.closest('main'), marked: el.dataset.siteWasHere === '1',
    inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth && box.height > 0,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
  };
}"""
# Every stop in the results that Tab and the arrow keys should reach, in order (as Material's arrows do).
RESULT_STOPS_JS = """() => [...document.querySelectorAll(
  '.md-search-result :not(details) > [href], .md-search-result summary, .md-search-result details[open] [href]')]
  .map((el) => el.getAttribute('href') || 'summary:' + el.textContent.trim())"""
RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].map((item) => ({
  href: item.querySelector('a').getAttribute('href'),
  title: (item.querySelector('h1') || item).textContent.replace(/\\s+/g, ' ').trim(),
}))"""
# The text colour and every background from the element up to the root, to compose what is behind it.
COLOURS_JS = """(el) => {
  const layers = [];
  for (let node = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    layers.push({background: style.backgroundColor, opacity: style.opacity, image: style.backgroundImage});
  }
  const style = getComputedStyle(el);
  return {color: style.color, fontSize: style.fontSize, fontWeight: style.fontWeight, layers,
          text: el.textContent.trim().slice(0, 40)};
}"""


# --- WCAG contrast ----------------------------------------------------------------------------------


def _over(top: tuple[float, float, float, float], below: tuple[float, float, float]) -> tuple[float, float, float]:
    """`top` painted with its alpha over the opaque colour `below`."""
    alpha = top[3]
    return tuple(alpha * t + (1 - alpha) * b for t, b in zip(top[:3], below, strict=True))  # type: ignore[return-value]


def rendered_contrast(colours: dict[str, Any]) -> tuple[float, str]:
    """The contrast of an element's text with what is actually behind it: its own background and its
    ancestors' composed from the root up (on white, the canvas, if none is opaque)."""
    assert all(layer["image"] == "none" for layer in colours["layers"]), f"a background image: {colours}"
    assert all(float(layer["opacity"]) == 1 for layer in colours["layers"]), f"still fading in: {colours}"
    background: tuple[float, float, float] = (255.0, 255.0, 255.0)
    for layer in reversed(colours["layers"]):
        background = _over(rgba(layer["background"]), background)
    text = _over(rgba(colours["color"]), background)
    shown = f"{colours['text']!r}: {colours['color']} on rgb{tuple(round(c) for c in background)}"
    return contrast_ratio(text, background), shown


def test_contrast_ratio_matches_known_pairs() -> None:
    white, black = (255.0, 255.0, 255.0), (0.0, 0.0, 0.0)
    assert round(contrast_ratio(white, black), 1) == 21.0
    assert contrast_ratio((0x52, 0x6C, 0xFE), white) == pytest.approx(4.25, abs=0.01)  # Material's accent: the issue
    assert contrast_ratio((0x76, 0x76, 0x76), white) == pytest.approx(4.54, abs=0.01)  # the lightest AA grey
    half_black = rendered_contrast(
        {
            "color": "rgba(0, 0, 0, 0.5)",
            "layers": [{"background": "rgba(0, 0, 0, 0)", "opacity": "1", "image": "none"}],
            "text": "x",
        }
    )[0]
    assert round(half_black, 2) == round(contrast_ratio((127.5, 127.5, 127.5), white), 2)


# --- one tab per colour scheme ----------------------------------------------------------------------


@dataclass
class Tab:
    """A browser tab in one colour scheme, and what happened since the current test loaded its page.

    `ready` names the size while the tab shows the page where the search was opened from a link in the
    content (marked data-site-was-here) and TERM typed: tests that only read or move the focus inside the
    results use it as it is, a closed search is opened again with its key, and a test that leaves the
    page or changes the term sets `ready` to None."""

    base: str
    scheme: str
    context: Any
    page: Any
    visit: Visit
    ready: str | None = None

    def load(self, size: str, path: str = START) -> Any:
        self.ready = None
        self.visit = Visit(path, self.scheme)
        self.page.set_viewport_size(SIZES[size])
        self.page.goto(self.base + path, wait_until="load")
        settle(self.page, self.visit)  # typing before the search is ready would find nothing
        body = self.page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        assert body == MATERIAL_SCHEME[self.scheme], f"{self.scheme}: the page shows {body}"
        return self.page

    def with_results(self, size: str) -> Any:
        """The search open with the results for TERM and the focus in its field. A person opens it
        with "/" on a wide screen and "s" on a narrow one, from a link in the content."""
        key = "/" if size == "wide" else "s"
        if self.ready != size:
            page = self.load(size)
            _tab_to_content_link(page)
            _open_with_shortcut(page, key)
            self.ready = size
        elif not self.page.evaluate(SEARCH_OPEN_JS):  # closed by the test before: open it again
            self.page.keyboard.press(key)
            _wait(self.page, SEARCH_OPEN_JS)
            _wait(self.page, "() => document.querySelector('.md-search-result__item')?.checkVisibility()")
        self.page.focus("input.md-search__input")
        return self.page

    def assert_clean(self) -> None:
        self.page.evaluate("0")  # the events the page sent before this answer have reached Python
        problems = {
            "script errors": self.visit.page_errors,
            "console errors": self.visit.console_errors,
            "failed requests": self.visit.failed,
            "requests to other hosts": self.visit.foreign_requests,
            "dialogs": self.visit.dialogs,
        }
        found = {what: items for what, items in problems.items() if items}
        assert not found, found


@pytest.fixture(scope="module")
def tabs(browser: Any, served_site: str) -> Iterator[dict[str, Tab]]:
    opened: dict[str, Tab] = {}
    try:
        for scheme in SCHEMES:
            context = browser.new_context(color_scheme=scheme, locale="nl-NL", service_workers="block")
            context.route(lambda url: not is_local(url), lambda route: route.abort())
            context.add_init_script(path=str(AXE))
            page = context.new_page()
            tab = Tab(served_site, scheme, context, page, Visit(START, scheme))

            def current(tab: Tab = tab) -> Visit:
                return tab.visit

            watch(page, current)
            opened[scheme] = tab
        yield opened
    finally:
        for tab in opened.values():
            tab.context.close()


@pytest.fixture(scope="module", params=LOOKS)
def look(request: pytest.FixtureRequest) -> tuple[str, str]:
    """Colour scheme and screen size. Module scope, so that pytest runs every test of one look
    together (in the order of this file) and they can share the open search."""
    scheme, size = request.param
    return scheme, size


@pytest.fixture
def tab(tabs: dict[str, Tab], look: tuple[str, str]) -> Iterator[Tab]:
    current = tabs[look[0]]
    yield current
    current.assert_clean()


def _wait(page: Any, js: str, arg: Any = None, timeout: int = 3000) -> None:
    """Wait for `js` to be true; on a timeout the test's asserts say what did not happen."""
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(js, arg=arg, timeout=timeout)


def _type(page: Any, term: str) -> None:
    """Type, and wait until the results for the whole term are shown and stay put."""
    page.keyboard.type(term)
    _wait(page, "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10000)
    last, since = None, time.monotonic()
    while time.monotonic() - since < 0.25:
        now = page.evaluate(
            "() => document.querySelector('.md-search-result__meta').textContent"
            " + document.querySelector('.md-search-result__list').innerHTML.length"
        )
        if now != last:
            last, since = now, time.monotonic()
        page.wait_for_timeout(25)
    # Material fades the results in; wait until nothing is still see-through.
    _wait(
        page,
        """() => [...document.querySelectorAll('.md-search *')].every((el) => getComputedStyle(el).opacity === '1'
                 || getComputedStyle(el).display === 'none')""",
    )


def _mark_focus(page: Any) -> None:
    page.evaluate("() => document.activeElement && (document.activeElement.dataset.siteWasHere = '1')")


def _tab_to_content_link(page: Any) -> dict[str, Any]:
    """Skip link, Enter, Tab: the first link in the content, as a keyboard user gets there."""
    # Material closes the search 125 ms after the address changes (here: #inhoud), with a timer of the
    # page; a person is slower. A page timer set when the address has changed runs after Material's,
    # however busy the machine is (a wait in Python ran out first on a loaded one).
    page.evaluate(
        "() => { window.siteHashSeen = new Promise((done) =>"
        " addEventListener('hashchange', () => setTimeout(done, 200), {once: true})); }"
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.evaluate("() => window.siteHashSeen")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["tag"] == "a" and focused["inMain"], focused
    return dict(focused)


def _open_with_shortcut(page: Any, key: str) -> None:
    """Open the search with `key` from where the focus is (marked), and type the term."""
    _mark_focus(page)
    page.keyboard.press(key)
    _wait(page, SEARCH_OPEN_JS)
    assert page.evaluate(SEARCH_OPEN_JS), f"{key!r} did not open the search"
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["isField"], f"after {key!r} the focus is on {focused}, not in the search field"
    _type(page, TERM)


def _ax(page: Any, selector: str) -> dict[str, Any]:
    """Chromium's own accessibility node of the element: what a screen reader gets."""
    cdp = page.context.new_cdp_session(page)
    try:
        found = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({json.dumps(selector)})"})
        object_id = found["result"].get("objectId")
        assert object_id, f"no element {selector}"
        nodes = cdp.send("Accessibility.getPartialAXTree", {"objectId": object_id, "fetchRelatives": False})["nodes"]
    finally:
        cdp.detach()
    node = nodes[0]
    return {
        "role": node.get("role", {}).get("value"),
        "name": node.get("name", {}).get("value", ""),
        "description": node.get("description", {}).get("value", ""),
        "ignored": node.get("ignored", False),
        "properties": {p["name"]: p["value"].get("value") for p in node.get("properties", [])},
    }


def _modal_attribute(page: Any) -> str | None:
    return page.evaluate("document.querySelector('.md-search').getAttribute('aria-modal')")  # type: ignore[no-any-return]


# --- the open search: what it is and what it says ------------------------------------------------------
# These tests only read the search that Tab.with_results opened (or move the focus inside it).


def test_the_open_search_is_a_named_modal_dialog(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    dialog = _ax(page, ".md-search")
    assert (dialog["role"], dialog["name"]) == ("dialog", DIALOG_NAME), (
        f"the open search is announced as {dialog['role']} {dialog['name']!r}, not dialog {DIALOG_NAME!r}"
    )
    assert dialog["properties"].get("modal") is True, f"the open search is not modal: {dialog['properties']}"


def test_an_instruction_says_which_keys_work(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    description = _ax(page, "input.md-search__input")["description"].lower()
    for word in ("tab", "pijl", "enter", "escape"):
        assert word in description, f"the search field's description does not mention {word!r}: {description!r}"
    ids = (page.get_attribute("input.md-search__input", "aria-describedby") or "").split()
    shown = [page.locator(f"[id='{i}']").is_visible() for i in ids]
    assert any(shown), f"the instruction ({ids}) is not visible in the open search"


def test_highlights_and_count_have_enough_contrast(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    checked: list[str] = []
    low: list[str] = []

    def check(selector: str, what: str) -> None:
        for handle in page.locator(selector).element_handles():
            if not handle.is_visible():
                continue
            ratio, shown = rendered_contrast(handle.evaluate(COLOURS_JS))
            checked.append(f"{what} {shown}: {ratio:.2f}")
            if ratio < MIN_CONTRAST:
                low.append(checked[-1])

    check(".md-search-result mark", "highlight")
    check(".md-search-result__meta", "count")
    page.keyboard.press("Tab")  # a focused result has a background of its own
    check(".md-search-result__link:focus mark", "highlight in the focused result")
    assert any(line.startswith("count") for line in checked), checked
    assert any(line.startswith("highlight in the focused") for line in checked), checked
    assert not low, f"text under {MIN_CONTRAST}:1 in the search ({look}):\n  " + "\n  ".join(low)


def test_event_results_show_the_date_and_upcoming_comes_before_past(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    found = page.evaluate(RESULTS_JS)
    paths = [urlsplit(item["href"]).path for item in found]
    events = [
        item
        for item, path in zip(found, paths, strict=True)
        if (found_id := re.fullmatch(r"/agenda/([^/]+)/", path)) and found_id[1] not in RESERVED_EVENT_IDS
    ]
    assert len(events) >= 2, found
    undated = [item["title"] for item in events if not DUTCH_DATE.search(item["title"])]
    assert not undated, f"event results without their date: {undated}"
    assert UPCOMING in paths and PAST in paths, paths
    assert paths.index(UPCOMING) < paths.index(PAST), f"the past event comes before the upcoming one: {paths}"


def test_open_search_has_no_axe_violations(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    page.focus(".md-search-result__link")  # with a result focused, which has a background of its own
    assert page.evaluate(SEARCH_OPEN_JS)
    report = page.evaluate(AXE_RUN_JS, AXE_TAGS)
    assert report["passes"], "axe reported no passing rules; did it run?"
    assert not report["violations"], (
        f"axe {report['version']} with the search open {look}:\n{format_violations(report['violations'])}"
    )


def _press(page: Any, key: str) -> dict[str, Any]:
    """Press `key` and say what has the focus once the page has settled: Material adds the next
    results a frame after the last one is scrolled into view, as a person would see them appear."""
    page.keyboard.press(key)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    focused: dict[str, Any] = page.evaluate(FOCUSED_JS)
    return focused


def _stop(focused: dict[str, Any]) -> str:
    return str(focused["href"] or "summary:" + focused["text"])


def test_tab_goes_through_the_results_and_back_to_the_field(tab: Tab, look: tuple[str, str]) -> None:
    """Tab visits every result in order, also those Material adds while the list scrolls, and then
    goes back to the field; never out of the open search."""
    page = tab.with_results(look[1])
    assert len(page.evaluate(RESULT_STOPS_JS)) >= 3, page.evaluate(RESULT_STOPS_JS)
    reached: list[str] = []
    for _ in range(500):
        focused = _press(page, "Tab")
        assert page.evaluate(SEARCH_OPEN_JS), f"Tab closed the search after {reached}"
        if focused and focused["isField"]:
            break
        now = page.evaluate(RESULT_STOPS_JS)
        assert focused and focused["isResult"], f"Tab went to {focused} instead of the next result, after {reached}"
        assert len(reached) < len(now) and _stop(focused) == now[len(reached)], (
            f"Tab went to {_stop(focused)}, not to the next result in the list, after {reached}"
        )
        assert focused["inView"], f"the focused result is not scrolled into view: {focused}"
        assert focused["outline"], f"the focused result shows no outline: {focused}"
        reached.append(_stop(focused))
    else:
        pytest.fail(f"Tab never came back to the field, after {len(reached)} results")
    stops = page.evaluate(RESULT_STOPS_JS)
    assert reached == stops, "Tab went back to the field before it reached every result"
    _press(page, "Tab")
    focused = _press(page, "Shift+Tab")
    assert focused and focused["isField"], f"Shift+Tab from the first result went to {focused}, not to the field"
    focused = _press(page, "Shift+Tab")
    assert focused and focused["isResult"] and _stop(focused) == stops[-1], (
        f"Shift+Tab from the field went to {focused}, not to the last result"
    )
    # The arrow keys still work as Material made them: from the last result round to the first.
    _press(page, "ArrowDown")
    focused = _press(page, "ArrowDown")
    assert focused and focused["isResult"] and focused["href"] == stops[0], focused


def test_the_number_of_results_is_announced(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    regions = page.evaluate(
        """() => [...document.querySelectorAll('.md-search [role=status], .md-search [aria-live]')]
          .map((el, i) => { el.dataset.siteRegion = String(i); return i; })"""
    )
    assert regions, "the search has no live region"
    # A screen reader gets the number once typing has paused.
    _wait(page, "() => [...document.querySelectorAll('[data-site-region]')].some((el) => /\\d/.test(el.textContent))")
    found = []
    for index in regions:
        node = _ax(page, f"[data-site-region='{index}']")
        text = page.evaluate(f"document.querySelector(\"[data-site-region='{index}']\").textContent.trim()")
        found.append((node["properties"].get("live"), node["ignored"], text))
    meta = page.evaluate("document.querySelector('.md-search-result__meta').textContent.trim()")
    count = re.match(r"\d+", meta)
    assert count, f"the search shows no number of results: {meta!r}"
    assert re.fullmatch(r"1 resultaat|\d+ resultaten", meta), f"the number of results is not in plain Dutch: {meta!r}"
    polite = [text for live, ignored, text in found if live == "polite" and not ignored]
    assert any(re.search(rf"\b{count.group()}\b", text) for text in polite), (
        f"no polite live region in the search says the {count.group()} results; regions: {found}"
    )
    # Another term with another number of results: the region says the new number.
    page.keyboard.press("Control+A")
    _type(page, "webinar")
    now = page.evaluate("document.querySelector('.md-search-result__meta').textContent.trim()")
    assert now != meta and re.match(r"\d+", now), (meta, now)
    _wait(
        page,
        "(now) => [...document.querySelectorAll('[data-site-region]')].some((el) => el.textContent.trim() === now)",
        now,
    )
    texts = page.evaluate(
        "() => [...document.querySelectorAll('[data-site-region]')].map((el) => el.textContent.trim())"
    )
    assert now in texts, f"after a new term the search shows {now!r}, and the live regions say {texts}"
    page.keyboard.press("Control+A")
    _type(page, TERM)  # back to the results the next tests expect


# --- closing and leaving: these end the open search ------------------------------------------------------


def test_escape_closes_and_returns_the_focus_to_where_it_was(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    page.keyboard.press("Tab")  # somewhere in the results
    page.keyboard.press("Escape")
    _wait(page, f"() => !({SEARCH_OPEN_JS})()")
    assert not page.evaluate(SEARCH_OPEN_JS), "Escape did not close the search"
    back = page.evaluate(FOCUSED_JS)
    assert back and back["marked"], f"after Escape the focus is on {back}, not back on the link where it was"
    assert _modal_attribute(page) != "true", "the closed search still says aria-modal=true: the page is hidden"


def test_tab_reaches_the_results_when_the_search_opens_right_after_a_tab(tab: Tab, look: tuple[str, str]) -> None:
    """Tab in the field goes on past the search only when Tab brought the focus there. A Tab just
    before "/" must not count: once a timer ended the Tab, and a busy browser ran the next key first.
    Both keys in one task make that race certain instead of a matter of machine load."""
    page = tab.with_results(look[1])
    page.keyboard.press("Escape")
    _wait(page, f"() => !({SEARCH_OPEN_JS})()")
    page.evaluate(
        """() => { for (const key of ['Tab', '/']) {
          document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true, cancelable: true}));
        } }"""
    )
    _wait(page, SEARCH_OPEN_JS)
    focused = page.evaluate(FOCUSED_JS)
    assert page.evaluate(SEARCH_OPEN_JS) and focused and focused["isField"], focused
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    assert page.evaluate(SEARCH_OPEN_JS), "Tab closed the search that '/' opened"
    assert focused and focused["isResult"], f"Tab went to {focused} instead of the first result"


def test_enter_opens_the_focused_result(tab: Tab, look: tuple[str, str]) -> None:
    page = tab.with_results(look[1])
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["isResult"] and focused["href"], focused
    tab.ready = None
    with page.expect_navigation(wait_until="load", timeout=5000):
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == urlsplit(focused["href"]).path, (page.url, focused["href"])
    settle(page, tab.visit)  # the result's page loads without errors too


def test_header_search_by_tab_and_enter(tab: Tab, look: tuple[str, str]) -> None:
    """From the top of the page, Tab to the search in the header (the field on a wide screen, the button
    or the field on a narrow one), Enter: the search is open with the focus in its field. Escape
    brings the focus back to the last place it had before the search, and Tab then passes the search."""
    page = tab.load(look[1])
    assert _modal_attribute(page) != "true", "the closed search says aria-modal=true: the page is hidden"
    stops: list[str] = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        assert focused, f"Tab focused nothing after {stops}"
        is_search = focused["inDialog"] or page.evaluate(
            "() => { const el = document.activeElement; return !!el.closest('.md-header') && ("
            "el.getAttribute('for') === '__search' || el.getAttribute('aria-controls') === '__search'"
            " || (el.getAttribute('aria-label') || el.textContent).trim().toLowerCase().startsWith('zoek')); }"
        )
        if is_search:
            break
        page.evaluate(
            "() => document.querySelectorAll('[data-site-was-here]').forEach((el) => delete el.dataset.siteWasHere)"
        )
        _mark_focus(page)
        stops.append(f"{focused['tag']}.{focused['cls']} {focused['text']!r}")
    else:
        pytest.fail(f"Tab did not reach the search in the header: {stops}")
    page.keyboard.press("Enter")
    _wait(page, SEARCH_OPEN_JS)
    focused = page.evaluate(FOCUSED_JS)
    assert page.evaluate(SEARCH_OPEN_JS) and focused and focused["isField"], (
        f"Tab+Enter did not open the search with the focus in its field: {focused}"
    )
    assert focused["inView"], f"the search field is not on the screen: {focused}"
    _type(page, TERM)
    page.keyboard.press("Escape")
    _wait(page, f"() => !({SEARCH_OPEN_JS})()")
    back = page.evaluate(FOCUSED_JS)
    assert not page.evaluate(SEARCH_OPEN_JS)
    assert back and back["marked"], f"after Escape the focus is on {back}, not back where it was: {stops[-1]}"
    # Passing the search with Tab is no trap: the field opens the search again with the results of
    # the term still in it, and the next Tab moves on, out of the search.
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    if focused and focused["isField"]:
        _wait(page, SEARCH_OPEN_JS)
        _wait(page, "() => document.querySelector('.md-search-result__item')?.checkVisibility()")
        assert page.evaluate(SEARCH_OPEN_JS), "the search field got the focus and the search did not open"
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        _wait(page, f"() => !({SEARCH_OPEN_JS})()")
        assert focused and not focused["inDialog"] and not page.evaluate(SEARCH_OPEN_JS), (
            f"Tab past the search field (without typing) went to {focused}, not on out of the search"
        )


# --- the ranking, in the search index ------------------------------------------------------------------


def test_search_index_ranks_upcoming_then_cancelled_then_past(built_site: Path) -> None:
    """The order the browser shows comes from the boost in each event page's front matter."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    boosts = {doc["location"]: doc.get("boost") for doc in index["docs"] if "#" not in doc["location"]}
    upcoming = boosts["agenda/dd-webinar-december/"]
    cancelled = boosts["agenda/dd-geannuleerd/"]
    past = boosts["agenda/cx-terugblik/"]
    assert None not in (upcoming, cancelled, past), boosts
    assert upcoming > cancelled > past > 0, (upcoming, cancelled, past)
    assert boosts.get("agenda/") is None, "only event pages get a boost"


def test_search_texts_are_plain_dutch_with_a_singular(built_site: Path) -> None:
    """Material's Dutch says "1 overeenkomende document": wrong for one, and about documents where a
    visitor looks for events and pages. The texts travel to the browser in the page's config."""
    html = (built_site / "index.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)
    assert config, "the page has no Material config"
    texts = json.loads(config.group(1))["translations"]
    assert texts["search.result.one"] == "1 resultaat"
    assert texts["search.result.other"] == "# resultaten"
    assert texts["search.result.more.one"].startswith("Nog 1 resultaat")
    assert "#" in texts["search.result.more.other"]
    assert not any("document" in text for key, text in texts.items() if key.startswith("search.")), texts


def test_field_focused_again_right_after_escape_opens_the_search(tab: Tab, look: tuple[str, str]) -> None:
    """Material opens the search from a debounced focus watch, which misses a focus that leaves and
    comes back within its delay (a fast Escape, Tab): the field then had the focus in a closed search.
    Both steps in one task make that race certain instead of a matter of machine load."""
    page = tab.load(look[1])
    page.focus("input.md-search__input")
    _wait(page, SEARCH_OPEN_JS)
    assert page.evaluate(SEARCH_OPEN_JS), "the focus in the search field did not open the search"
    page.evaluate(
        "() => { document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true}));"
        " document.querySelector('input.md-search__input').focus(); }"
    )
    # A timer of the page, set after Material's debounce timer and longer: its watch has seen the focus.
    page.evaluate("() => new Promise((done) => setTimeout(done, 50))")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["isField"], focused
    assert page.evaluate(SEARCH_OPEN_JS), "the search field has the focus, and the search is closed"
