"""The built fixture site in a real browser (Chromium through Playwright): axe-core's WCAG 2.2 AA
rules on every page type in the light and the dark colour scheme, no requests to other hosts, no
script errors, a working skip link, a sane heading outline, visible keyboard focus and a working
search.

Speed: one browser for the module, and per site one tab (context and page) per colour scheme that
opens page after page, with axe-core loaded into it once per context. A page counts as done when
Material's search reports that it is ready and no request is still open, not after a fixed wait."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

from conftest import JS_TOOLS, REPORT, ROOT, make_project, require_tool, run_mkdocs

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

FIXTURES = ROOT / "tests" / "fixtures"

# Debian's chromium by default; CHROMIUM_PATH names another build of it (GitHub's runners ship Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = JS_TOOLS / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LOCAL_HOST = "127.0.0.1"
SCHEMES = ["light", "dark"]
# What Material writes on <body data-md-color-scheme> for each prefers-color-scheme (see mkdocs.yml).
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}

# (test id, path). The 404 page is opened directly: Python's server answers /bestaat-niet/ with
# its own error page, not with the site's 404.html.
PAGES = [
    ("home", "/"),
    ("communities", "/communities/"),
    ("community", "/communities/community-cx/"),
    ("agenda", "/agenda/"),
    ("archief", "/agenda/archief/"),
    ("event-timed-online", "/agenda/dd-webinar-december/"),
    ("event-all-day", "/agenda/formulieren-dag/"),
    ("event-multi-day", "/agenda/congres-2027/"),
    ("event-cancelled", "/agenda/dd-geannuleerd/"),
    ("event-past", "/agenda/cx-terugblik/"),
    ("themas", "/themas/"),
    ("thema", "/themas/klantreizen/"),
    ("externe-communities", "/externe-communities/"),
    ("over", "/over/"),
    ("doe-mee", "/doe-mee/"),
    ("privacy", "/privacy/"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("agenda-abonneren", "/agenda-abonneren/"),
    ("404", "/404.html"),
]
PAGE_PARAMS = [pytest.param(path, id=name) for name, path in PAGES]
PAGE_SCHEME_PARAMS = [pytest.param(path, scheme, id=f"{name}-{scheme}") for name, path in PAGES for scheme in SCHEMES]
EVENT_PAGE = "/agenda/dd-webinar-december/"

# Every h1-h6 and role=heading that is not hidden from assistive technology, in document order.
HEADINGS_JS = """() => {
  const hidden = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (node.hidden || node.getAttribute('aria-hidden') === 'true') return true;
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden') return true;
    }
    return false;
  };
  const selector = 'h1, h2, h3, h4, h5, h6, [role="heading"]';
  return [...document.querySelectorAll(selector)].filter((el) => !hidden(el)).map((el) => ({
    level: el.getAttribute('aria-level') ? Number(el.getAttribute('aria-level'))
                                         : Number(el.tagName.slice(1)),
    text: el.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60),
  }));
}"""

# What the tests read from a page once it is loaded, in one round trip.
PAGE_FACTS_JS = f"""() => ({{
  bodyScheme: document.body.getAttribute('data-md-color-scheme'),
  background: getComputedStyle(document.body).backgroundColor,
  headings: ({HEADINGS_JS})(),
  skipLinks: [...document.querySelectorAll('a.md-skip')].map((a) => ({{
    href: a.getAttribute('href'), text: a.textContent.trim()}})),
}})"""

# Material's search says "Zoeken initialiseren" until its worker has fetched the index and lunr's
# Dutch support, and then shows its placeholder text. That is the last thing a page loads. A page
# without Material's search has nothing to wait for.
SEARCH_READY_JS = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  const config = document.getElementById('__config');
  if (!meta || !config) return true;
  const placeholder = JSON.parse(config.textContent).translations['search.result.placeholder'];
  return meta.textContent.trim() === placeholder;
}"""
SEARCH_READY_TIMEOUT_S = 10
# After the search is ready: how long a request may stay open before the page is checked anyway.
IN_FLIGHT_TIMEOUT_S = 5

AXE_RUN_JS = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const nodes = (list) => list.map((node) => ({target: node.target.map(String), summary: node.failureSummary || ''}));
  const brief = (rule) => ({id: rule.id, impact: rule.impact, help: rule.help, nodes: nodes(rule.nodes)});
  return {
    version: axe.version,
    violations: result.violations.map(brief),
    incomplete: result.incomplete.map(brief),
    passes: result.passes.map((rule) => rule.id),
    inapplicable: result.inapplicable.map((rule) => rule.id),
  };
}"""

# A description of the focused element and whether its focus indicator can be seen.
FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const shows = (node) => {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow && style.boxShadow !== 'none');
  };
  const rendered = (node) => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0
      && box.width > 0 && box.height > 0;
  };
  const style = getComputedStyle(el);
  // A visually hidden control (Material's palette toggle is a 0x0 radio button) shows its focus on
  // the label that follows it or is tied to it; that label must then be rendered.
  let indicator = el;
  if (!rendered(el)) {
    const next = el.nextElementSibling;
    const labels = [...(el.labels || []), ...(next && next.tagName === 'LABEL' ? [next] : [])];
    indicator = labels.find((label) => rendered(label) && shows(label)) || null;
  }
  const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '')
    .replace(/\\s+/g, ' ').trim().slice(0, 50);
  let path = el.tagName.toLowerCase();
  if (el.id) path += '#' + el.id;
  if (el.classList.length) path += '.' + [...el.classList].join('.');
  return {
    tag: el.tagName.toLowerCase(), path, label,
    inMain: !!el.closest('main, .md-content'),
    visible: indicator !== null && shows(indicator),
    shownOn: indicator === el ? 'itself' : indicator ? 'its label' : 'nothing rendered',
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    boxShadow: style.boxShadow,
  };
}"""


@dataclass
class Visit:
    """What happened when one page was opened in one colour scheme."""

    path: str
    scheme: str
    status: int | None = None
    requests: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    body_scheme: str | None = None
    background: str | None = None
    headings: list[dict[str, Any]] = field(default_factory=list)
    skip_links: list[dict[str, str]] = field(default_factory=list)
    axe: dict[str, Any] = field(default_factory=dict)
    live_markup: list[str] = field(default_factory=list)
    # Requests that have started and not yet finished or failed (to know when the page is done).
    in_flight: set[Any] = field(default_factory=set, repr=False, compare=False)


def _is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname == LOCAL_HOST


def _watch(page: Any, current: Callable[[], Visit]) -> None:
    """Record everything a page does that a test may want to fail on, in the visit `current()` gives:
    a reused tab moves on to the next visit when it opens the next page."""

    def on_request(request: Any) -> None:
        visit = current()
        visit.requests.append(request.url)
        visit.in_flight.add(request)
        if not _is_local(request.url):
            visit.foreign_requests.append(request.url)

    def on_dialog(dialog: Any) -> None:
        current().dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error":
            current().console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    def on_response(response: Any) -> None:
        # The page's own status is checked by the tests; this is about what the page asks for.
        if response.status >= 400 and not response.request.is_navigation_request():
            current().failed.append(f"HTTP {response.status} {response.url}")

    def on_request_finished(request: Any) -> None:
        current().in_flight.discard(request)

    def on_request_failed(request: Any) -> None:
        visit = current()
        visit.in_flight.discard(request)
        if _is_local(request.url):
            visit.failed.append(f"{request.failure} {request.url}")

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: current().page_errors.append(str(error)))
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("requestfinished", on_request_finished)
    page.on("requestfailed", on_request_failed)


def _settle(page: Any, visit: Visit) -> None:
    """Wait until the page has done what it does after loading: Material's search is ready (the last
    thing it loads), and then no request is open any more. A script error or a failed request stops
    the wait at once: the search will not get ready, and the tests report why."""
    deadline = time.monotonic() + SEARCH_READY_TIMEOUT_S
    while not page.evaluate(SEARCH_READY_JS):
        if visit.page_errors or visit.failed:
            break
        if time.monotonic() > deadline:
            visit.failed.append(f"the search was not ready {SEARCH_READY_TIMEOUT_S} s after loading")
            break
        page.wait_for_timeout(20)
    deadline = time.monotonic() + IN_FLIGHT_TIMEOUT_S
    while visit.in_flight and time.monotonic() < deadline:  # a page that keeps loading is still checked
        page.wait_for_timeout(20)


def _after_effects(page: Any, visit: Visit) -> None:
    """Let what an action started finish: open requests (an image that fails runs its onerror), then
    two animation frames for the events they queue."""
    deadline = time.monotonic() + IN_FLIGHT_TIMEOUT_S
    while visit.in_flight and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


class Site:
    """The served site, a browser, and the pages already visited (each page and scheme once).

    The visits share one tab per colour scheme: a context with axe-core loaded into every page, and
    one page that opens one address after another. Tests that type or click get a fresh page."""

    def __init__(self, browser: Any, base: str) -> None:
        self.browser = browser
        self.base = base
        self.visits: dict[tuple[str, str], Visit] = {}
        self._tabs: dict[str, tuple[Any, Any]] = {}
        self._current: dict[str, Visit] = {}

    def url(self, path: str) -> str:
        return self.base + path

    def _open(self, scheme: str, current: Callable[[], Visit], *, axe: bool = False) -> tuple[Any, Any]:
        context = self.browser.new_context(
            color_scheme=scheme,
            viewport={"width": 1280, "height": 900},
            locale="nl-NL",
            service_workers="block",
        )
        # Keep the test off the internet: a request elsewhere is recorded (above) and then refused.
        context.route(lambda url: not _is_local(url), lambda route: route.abort())
        if axe:  # parsed by each page the context opens; cheaper than adding a script tag per page
            context.add_init_script(path=str(AXE))
        page = context.new_page()
        _watch(page, current)
        return context, page

    def new_page(self, scheme: str, visit: Visit) -> tuple[Any, Any]:
        """A page of its own, in a fresh context, for a test that types, clicks or changes the media."""
        return self._open(scheme, lambda: visit)

    def _tab(self, scheme: str) -> Any:
        if scheme not in self._tabs:
            self._tabs[scheme] = self._open(scheme, lambda: self._current[scheme], axe=True)
        return self._tabs[scheme][1]

    def close(self) -> None:
        for context, _ in self._tabs.values():
            context.close()
        self._tabs.clear()

    def visit(self, path: str, scheme: str) -> Visit:
        key = (path, scheme)
        if key in self.visits:
            return self.visits[key]
        visit = self._current[scheme] = Visit(path, scheme)
        page = self._tab(scheme)
        response = page.goto(self.url(path), wait_until="load")
        visit.status = response.status if response else None
        facts = page.evaluate(PAGE_FACTS_JS)
        visit.body_scheme = facts["bodyScheme"]
        visit.background = facts["background"]
        visit.headings = facts["headings"]
        visit.skip_links = facts["skipLinks"]
        # axe works on the page while the search worker gets ready in its own thread.
        visit.axe = page.evaluate(AXE_RUN_JS, AXE_TAGS)
        _settle(page, visit)
        # The page's events reach Python in the order the page sent them: when this answer is
        # here, so are the console messages and errors from before it.
        page.evaluate("0")
        self.visits[key] = visit
        return visit


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site on http://127.0.0.1:<free port>."""

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer((LOCAL_HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def served_site(built_site: Path) -> Iterator[str]:
    with serve(built_site) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_tool(Path(CHROMIUM).is_file(), "Chromium (/usr/bin/chromium)")
    require_tool(AXE.is_file(), "the npm package axe-core")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def site(browser: Any, served_site: str) -> Iterator[Site]:
    site = Site(browser, served_site)
    yield site
    site.close()


def _format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for rule in violations:
        targets = [", ".join(node["target"]) for node in rule["nodes"]]
        shown = "; ".join(targets[:4]) + (f"; … ({len(targets)} in all)" if len(targets) > 4 else "")
        lines.append(f"- {rule['id']} [{rule['impact']}] {rule['help']}\n    at {shown}")
        summary = rule["nodes"][0]["summary"].replace("\n", " ") if rule["nodes"] else ""
        if summary:
            lines.append(f"    e.g. {summary[:300]}")
    return "\n".join(lines)


# --- every page in both colour schemes -------------------------------------------------------------


@pytest.mark.parametrize(("path", "scheme"), PAGE_SCHEME_PARAMS)
def test_page_has_no_axe_violations(site: Site, path: str, scheme: str) -> None:
    visit = site.visit(path, scheme)
    assert visit.status == 200, f"{path} answered {visit.status}"
    # The harness itself: axe really ran and judged something on this page.
    assert visit.axe.get("passes"), f"axe reported no passing rules on {path}; did it run?"
    violations = visit.axe["violations"]
    assert not violations, (
        f"axe {visit.axe['version']} found {len(violations)} WCAG 2.2 AA rule(s) broken on {path} "
        f"({scheme}):\n{_format_violations(violations)}"
    )


@pytest.mark.parametrize(("path", "scheme"), PAGE_SCHEME_PARAMS)
def test_page_asks_nothing_of_other_hosts_and_has_no_errors(site: Site, path: str, scheme: str) -> None:
    visit = site.visit(path, scheme)
    assert len(visit.requests) > 1, "no requests were recorded; is the listener working?"
    problems = {
        "requests to other hosts": visit.foreign_requests,
        "failed requests": visit.failed,
        "dialogs": visit.dialogs,
        "script errors": visit.page_errors,
        "console errors": visit.console_errors,
    }
    found = {what: items for what, items in problems.items() if items}
    assert not found, f"{path} ({scheme}):\n" + "\n".join(
        f"- {what}:\n    " + "\n    ".join(items) for what, items in found.items()
    )


def _luminance(css_colour: str) -> float:
    """The relative luminance of a computed `rgb(...)`/`rgba(...)` colour."""
    channels = [float(x) for x in css_colour[css_colour.index("(") + 1 : -1].replace("/", ",").split(",")[:3]]

    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize(("path", "scheme"), PAGE_SCHEME_PARAMS)
def test_colour_scheme_follows_the_system_setting(site: Site, path: str, scheme: str) -> None:
    """Without this the dark run of axe would check the light pages twice."""
    visit = site.visit(path, scheme)
    assert visit.body_scheme == MATERIAL_SCHEME[scheme], (
        f"{path}: prefers-color-scheme {scheme} gave data-md-color-scheme={visit.body_scheme!r}"
    )
    luminance = _luminance(visit.background or "rgb(0, 0, 0)")
    if scheme == "dark":
        assert luminance < 0.2, f"{path}: dark scheme but the body background is {visit.background}"
    else:
        assert luminance > 0.8, f"{path}: light scheme but the body background is {visit.background}"


# --- structure --------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_page_has_one_h1_and_no_skipped_heading_levels(site: Site, path: str) -> None:
    headings = site.visit(path, "light").headings
    outline = "\n".join(f"  {'  ' * (h['level'] - 1)}h{h['level']} {h['text']}" for h in headings)
    h1s = [h for h in headings if h["level"] == 1]
    assert len(h1s) == 1, f"{path} has {len(h1s)} h1 elements; outline:\n{outline}"
    assert headings[0]["level"] == 1, f"{path}: the first heading is not the h1; outline:\n{outline}"
    skips = [
        f"h{before['level']} {before['text']!r} → h{after['level']} {after['text']!r}"
        for before, after in zip(headings, headings[1:], strict=False)
        if after["level"] > before["level"] + 1
    ]
    assert not skips, f"{path} skips heading levels: {skips}; outline:\n{outline}"


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_page_has_a_skip_link_to_the_content(site: Site, path: str) -> None:
    skip_links = site.visit(path, "light").skip_links
    assert len(skip_links) == 1, f"{path} has {len(skip_links)} skip links (a.md-skip): {skip_links}"
    assert skip_links[0]["href"].startswith("#"), skip_links


# --- keyboard ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [pytest.param(EVENT_PAGE, id="event"), pytest.param("/over/", id="content")])
def test_first_tab_reaches_the_skip_link_and_enter_moves_to_the_content(site: Site, path: str) -> None:
    visit = Visit(path, "light")
    context, page = site.new_page("light", visit)
    try:
        page.goto(site.url(path), wait_until="load")
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUS_JS)
        assert first is not None, "Tab focused nothing"
        assert "md-skip" in first["path"], (
            f"the first Tab stop is {first['path']} {first['label']!r}, not the skip link"
        )
        assert "inhoud" in first["label"].lower(), f"the skip link says {first['label']!r}"
        target_id = page.evaluate("document.activeElement.getAttribute('href')").lstrip("#")
        page.keyboard.press("Enter")
        where = """(id) => { const el = document.getElementById(id); if (!el) return null;
                 const box = el.getBoundingClientRect();
                 return {hash: location.hash, inMain: !!el.closest('main, .md-content'), top: box.top,
                         height: innerHeight}; }"""
        with contextlib.suppress(PlaywrightTimeout):  # the asserts below say what did not happen
            page.wait_for_function(
                f"(id) => {{ const t = ({where})(id); return t && t.hash === '#' + id && t.top >= 0"
                " && t.top < t.height / 2; }",
                arg=target_id,
                timeout=2000,
            )
        assert page.evaluate("location.hash") == f"#{target_id}"
        target = page.evaluate(where, target_id)
        assert target is not None, f"the skip link points to #{target_id}, which does not exist"
        assert target["inMain"], f"#{target_id} is not inside the main content"
        assert 0 <= target["top"] < target["height"] / 2, f"#{target_id} was not scrolled into view: {target}"
        # The next Tab continues from the content, not from the header.
        page.keyboard.press("Tab")
        after = page.evaluate(FOCUS_JS)
        assert after and after["inMain"], f"after the skip link, Tab went to {after}"
    finally:
        context.close()
    assert not (visit.page_errors or visit.dialogs or visit.foreign_requests), visit


@pytest.mark.parametrize("scheme", SCHEMES)
def test_keyboard_focus_is_visible(site: Site, scheme: str) -> None:
    visit = Visit(EVENT_PAGE, scheme)
    context, page = site.new_page(scheme, visit)
    invisible: list[str] = []
    seen: list[str] = []
    try:
        page.goto(site.url(EVENT_PAGE), wait_until="load")
        for _ in range(60):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUS_JS)
            if focused is None:
                break
            if not focused["visible"]:  # Material fades some parts in (search: 250 ms); wait for it
                with contextlib.suppress(PlaywrightTimeout):
                    page.wait_for_function(f"() => ({FOCUS_JS})()?.visible", timeout=1000)
                focused = page.evaluate(FOCUS_JS) or focused
            seen.append(focused["path"])
            if not focused["visible"]:
                invisible.append(
                    f"{focused['path']} {focused['label']!r} (outline: {focused['outline']}; "
                    f"box-shadow: {focused['boxShadow']}; indicator on: {focused['shownOn']})"
                )
            if len(seen) >= 25 and sum(1 for s in seen if s.startswith("a")) >= 10:
                break
    finally:
        context.close()
    assert sum(1 for s in seen if s.startswith("a")) >= 5, f"too few links reached by Tab: {seen}"
    assert not invisible, (
        f"{len(invisible)} of {len(seen)} Tab stops on {EVENT_PAGE} ({scheme}) show no outline or "
        "box-shadow when focused:\n  " + "\n  ".join(invisible)
    )


# --- search -----------------------------------------------------------------------------------------


def search(site: Site, term: str) -> tuple[Visit, list[str]]:
    """Types `term` in Material's search on the home page; the visit records what happened."""
    visit = Visit("/", "light")
    context, page = site.new_page("light", visit)
    try:
        page.goto(site.url("/"), wait_until="load")
        _settle(page, visit)  # typing before the search is ready would find nothing
        field = page.locator("input.md-search__input")
        if field.is_visible():  # wide screens show the search field in the header
            field.click()
        else:
            page.locator("label.md-search__icon").first.click()
        field.fill("")
        field.press_sequentially(term, delay=50)
        page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10000)
        _after_effects(page, visit)  # let anything a result might run, run
        results = page.locator(".md-search-result__item").all_inner_texts()
        visit.live_markup = page.evaluate(LIVE_MARKUP_JS)
    finally:
        context.close()
    return visit, results


def _assert_clean(visit: Visit) -> None:
    assert not visit.dialogs, visit.dialogs
    assert not visit.page_errors, visit.page_errors
    assert not visit.console_errors, visit.console_errors
    assert not visit.foreign_requests, visit.foreign_requests
    assert not visit.failed, visit.failed
    assert not visit.live_markup, visit.live_markup


def test_search_finds_the_webinar(site: Site) -> None:
    visit, results = search(site, "Webinar")
    assert any("webinar" in text.lower() for text in results), results
    _assert_clean(visit)


# --- editors' text that tries to become markup --------------------------------------------------------

# Elements or attributes that only exist if editors' text became markup.
LIVE_MARKUP_JS = """() => [...document.querySelectorAll('*')].flatMap((el) => [
  ...(el.tagName === 'IMG' && el.getAttribute('src') === 'x' ? ['<img src=x>'] : []),
  ...[...el.attributes].filter((a) => /^on/i.test(a.name) || a.name === 'autofocus' || a.name === 'x')
      .map((a) => `${el.tagName.toLowerCase()}[${a.name}]`),
])"""


@pytest.fixture(scope="module")
def injection_site(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = make_project(tmp_path_factory.mktemp("injection"), FIXTURES / "injection")
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as base:
        yield Site(browser, base)


@pytest.mark.parametrize("path", ["/", "/agenda/", "/agenda/injectie/", "/communities/community-cx/"])
def test_tricky_text_stays_text_on_the_page(injection_site: Site, path: str) -> None:
    visit = Visit(path, "light")
    context, page = injection_site.new_page("light", visit)
    try:
        page.goto(injection_site.url(path), wait_until="load")
        _settle(page, visit)
        page.mouse.move(300, 300)
        _after_effects(page, visit)
        visit.live_markup = page.evaluate(LIVE_MARKUP_JS)
        text = page.locator("article").inner_text()
    finally:
        context.close()
    _assert_clean(visit)
    assert 'Zoekwoord" onmouseover="alert(1)' in text


def test_tricky_text_stays_text_in_search_results(injection_site: Site) -> None:
    visit, results = search(injection_site, "Zoekwoord")
    assert results
    _assert_clean(visit)


# --- the project's own site ------------------------------------------------------------------------


def test_project_site_has_no_axe_violations_or_foreign_requests(browser: Any, project_site: Path) -> None:
    """Every page of the real site, in both schemes: the fixture set covers each page type, this
    covers the real texts (long titles, real addresses, the editors' Markdown)."""
    folders = sorted(index.parent.relative_to(project_site).as_posix() for index in project_site.rglob("index.html"))
    pages = ["/" if folder == "." else f"/{folder}/" for folder in folders] + ["/404.html"]
    assert len(pages) > 40, pages
    problems: list[str] = []
    with serve(project_site) as base:
        own = Site(browser, base)
        try:
            for path in pages:
                for scheme in SCHEMES:
                    visit = own.visit(path, scheme)
                    if visit.status != 200:
                        problems.append(f"{path} ({scheme}): answered {visit.status}")
                    for rule in visit.axe["violations"]:
                        problems.append(f"{path} ({scheme}): {_format_violations([rule])}")
                    problems += [
                        f"{path} ({scheme}): {item}"
                        for item in visit.foreign_requests
                        + visit.dialogs
                        + visit.page_errors
                        + visit.console_errors
                        + visit.failed
                    ]
                    assert visit.axe["passes"], path
        finally:
            own.close()
    assert not problems, "\n".join(problems)


# --- summary ----------------------------------------------------------------------------------------


def test_report(site: Site, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Writes what the browser saw to browser-report.json in pytest's temporary folder (never into the
    repository), shows its summary under pytest's own, and holds it to what the other tests promise."""
    for _, path in PAGES:
        for scheme in SCHEMES:
            site.visit(path, scheme)
    rules = set()
    violations: dict[str, dict[str, Any]] = {}
    for visit in site.visits.values():
        rules.update(visit.axe["passes"], visit.axe["inapplicable"])
        rules.update(rule["id"] for rule in visit.axe["violations"] + visit.axe["incomplete"])
        for rule in visit.axe["violations"]:
            entry = violations.setdefault(rule["id"], {"help": rule["help"], "impact": rule["impact"], "where": {}})
            entry["where"].setdefault(visit.path, {})[visit.scheme] = [n["target"] for n in rule["nodes"]]
    pages = len({visit.path for visit in site.visits.values()})
    report = {
        "summary": f"checked {pages} pages × {len(SCHEMES)} schemes × {len(rules)} rules",
        "violations": violations,
        "incomplete": sorted({r["id"] for v in site.visits.values() for r in v.axe["incomplete"]}),
        "foreign_requests": sorted({u for v in site.visits.values() for u in v.foreign_requests}),
        "errors": sorted({e for v in site.visits.values() for e in v.page_errors + v.console_errors + v.failed}),
    }
    out = tmp_path_factory.getbasetemp() / "browser-report.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    request.config.stash[REPORT] = [
        f"{report['summary']}; {len(violations)} distinct axe violation(s)",
        f"third-party requests: {len(report['foreign_requests'])}; script errors: {len(report['errors'])}",
        f"report: {out}",
    ]
    assert pages == len(PAGES) and rules
    assert (report["violations"], report["foreign_requests"], report["errors"]) == ({}, [], [])


def test_event_page_prints_as_a_handout(site: Site) -> None:
    """In print, the page keeps the facts and the text, and drops menus, buttons and feed links."""
    visit = Visit(EVENT_PAGE, "light")
    context, page = site.new_page("light", visit)
    try:
        page.goto(site.url(EVENT_PAGE), wait_until="load")
        page.emulate_media(media="print")
        shown = page.evaluate("""() => Object.fromEntries(
          ['.md-header', '.md-sidebar--primary', '.md-footer', '.gc-subscribe', '.gc-facts', 'h1']
            .map((selector) => [selector, getComputedStyle(document.querySelector(selector)).display !== 'none']))""")
        after = page.evaluate(
            "getComputedStyle(document.querySelector('.gc-event-page a.md-button--primary'), '::after').content"
        )
    finally:
        context.close()
    assert shown == {
        ".md-header": False,
        ".md-sidebar--primary": False,
        ".md-footer": False,
        ".gc-subscribe": False,
        ".gc-facts": True,
        "h1": True,
    }
    assert "https://example.org/dd/webinar" in after  # the sign-up address is printed with the link
