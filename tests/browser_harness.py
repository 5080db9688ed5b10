"""The browser harness for the tests that open the built sites in Chromium (through Playwright):
which pages to open, how a page counts as done, what is recorded of each visit, and a small server.

Speed: one browser for the session, and per site one tab (context and page) per colour scheme that
opens page after page, with axe-core loaded into it once per context. A page counts as done when no
request is still open, not after a fixed wait. What other test modules read of each page (the
accessibility tree, the print version, the width at 320 px) they read on that same visit
(`read_on_each_visit`), not in page loads of their own.
The fixtures `browser`, `served_site` and `site` are in conftest.py."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import JS_TOOLS, ROOT

FIXTURES = ROOT / "tests" / "fixtures"

# Debian's chromium by default; CHROMIUM_PATH names another build of it (GitHub's runners ship Chrome).
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
LOCAL_HOST = "127.0.0.1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Keeps the tests off the internet: every request to another host goes to a proxy that is not
    # there (the browser never sends 127.0.0.1 through a proxy), and no host name but the local
    # server's is found, so such a request fails at once; `watch` records it as foreign. Cheaper
    # than Playwright's routing, which stops every request on its way to ask Python, and turns the
    # browser's cache off: with the cache, each context compiles Material's scripts once.
    f"--proxy-server=http://{LOCAL_HOST}:9",
    f"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE {LOCAL_HOST}",
]
AXE = JS_TOOLS / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCHEMES = ["light", "dark"]
# What Material writes on <body data-md-color-scheme> for each prefers-color-scheme (see mkdocs.yml).
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
# The two screens every person test uses: a phone and a laptop.
SIZES = {"narrow": {"width": 375, "height": 740}, "wide": {"width": 1280, "height": 800}}
# The size of the tabs of `Site`.
TAB_SIZE = {"width": 1280, "height": 900}

# (test id, path). The 404 page is opened directly: Python's server answers /bestaat-niet/ with
# its own error page, not with the site's 404.html.
PAGES = [
    ("home", "/"),
    ("communities", "/communities/"),
    ("community", "/communities/community-cx/"),
    ("agenda", "/agenda/"),
    ("archief", "/agenda/archief/"),
    ("agenda-online", "/agenda/online/"),
    ("event-timed-online", "/agenda/dd-webinar-december/"),
    ("event-all-day", "/agenda/formulieren-dag/"),
    ("event-multi-day", "/agenda/congres-2027/"),
    ("event-cancelled", "/agenda/dd-geannuleerd/"),
    ("event-past", "/agenda/cx-terugblik/"),
    ("event-english-with-materials", "/agenda/formulieren-design-systems/"),
    ("event-with-everything", "/agenda/forms-and-letters/"),
    ("themas", "/themas/"),
    ("thema", "/themas/klantreizen/"),
    ("externe-communities", "/externe-communities/"),
    ("over", "/over/"),
    ("doe-mee", "/doe-mee/"),
    ("privacy", "/privacy/"),
    ("toegankelijkheid", "/toegankelijkheid/"),
    ("agenda-abonneren", "/agenda-abonneren/"),
    ("open-data", "/open-data/"),
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

# Added to every page of a tab that looks at where a change ends, not at the 0.25 s in between:
# nothing slides or fades (test_keyboard's walk, test_states' colours in each state).
STILL_JS = """
document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = '*, *::before, *::after { transition: none !important; animation: none !important; }';
  document.head.append(style);
});
"""

# What the tests read from a page once it is loaded, in one round trip.
PAGE_FACTS_JS = f"""() => ({{
  bodyScheme: document.body.getAttribute('data-md-color-scheme'),
  background: getComputedStyle(document.body).backgroundColor,
  headings: ({HEADINGS_JS})(),
  skipLinks: [...document.querySelectorAll('a.md-skip')].map((a) => ({{
    href: a.getAttribute('href'), text: a.textContent.trim()}})),
}})"""

# How long the browser may take to ask for the page's icon after loading, and how long a request may
# stay open before the page is checked anyway.
ICON_TIMEOUT_S = 1
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

# What a visitor reads or hears of a page: its title, its text and these attributes, but for code (a
# field's name, an address), what is marked as another language (an English event's title has
# lang="en"). The site's own search dialog is read too: the themes' searches are off. SAID_JS reads
# it in the browser, after the page's scripts ran, into open shadow roots as well; test_english.py
# reads the same from the built HTML.
SAID_ATTRIBUTES = ("aria-label", "aria-description", "aria-roledescription", "placeholder", "title", "alt")
UNSAID_TAGS = ("script", "style", "template", "code", "pre", "noscript")
"""Not read as text. A <noscript> holds what a visitor without JavaScript gets: test_english.py reads it
as the HTML it is; with JavaScript on (SAID_JS) nobody sees it."""
SAID_JS = f"""() => {{
  const tags = {list(UNSAID_TAGS)!r}, attributes = {list(SAID_ATTRIBUTES)!r};
  const unsaid = (el) => tags.includes(el.localName)
    || (el.hasAttribute('lang') && !el.getAttribute('lang').startsWith('nl'));
  const said = [['title', document.title]];
  const read = (root) => {{
    for (const node of root.childNodes) {{
      if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) said.push(['text', node.textContent.trim()]);
      if (node.nodeType !== Node.ELEMENT_NODE || unsaid(node)) continue;
      for (const name of attributes) {{
        if (node.getAttribute(name)?.trim()) said.push([name, node.getAttribute(name).trim()]);
      }}
      if (node.shadowRoot) read(node.shadowRoot);
      read(node);
    }}
  }};
  read(document.body);
  return said;
}}"""

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
    # (where, text): what the page says once its scripts ran (SAID_JS).
    said: list[tuple[str, str]] = field(default_factory=list)
    # What the readings (see `read_on_each_visit`) found, by name; an exception if one failed.
    readings: dict[str, Any] = field(default_factory=dict, repr=False)
    # Requests that have started and not yet finished or failed (to know when the page is done).
    in_flight: set[Any] = field(default_factory=set, repr=False, compare=False)

    def reading(self, name: str) -> Any:
        """What the reading `name` found on this page; if it failed, its exception is raised here, in
        the test that needs it (and not in the first test that happened to open the page)."""
        found = self.readings[name]
        if isinstance(found, Exception):
            raise found
        return found


@dataclass(frozen=True)
class Reading:
    """Something a test module reads from each page of the fixture site while `Site.visit` has it
    open and settled (with axe-core loaded; 1280×900): one page load for the tests of every module.
    A reading leaves the page as it found it (media, viewport)."""

    name: str
    read: Callable[[Any, Visit], Any]
    schemes: tuple[str, ...]
    builders: tuple[str, ...] = ("mkdocs",)


READINGS: dict[str, Reading] = {}
"""The readings of the test modules collected in this run; the fixtures `site` (MkDocs) and
`zensical_pages` (conftest.py) take those of their builder."""


def read_on_each_visit(
    name: str, schemes: tuple[str, ...] = tuple(SCHEMES), builders: tuple[str, ...] = ("mkdocs",)
) -> Callable[[Callable[[Any, Visit], Any]], Callable[[Any, Visit], Any]]:
    """Registers a function of (page, visit) as a reading: a test module does so when it is
    collected, so that a run without it does not pay for it. A reading is taken of the MkDocs build,
    and of the Zensical build too when `builders` says so: a gate both builders must pass."""

    def register(read: Callable[[Any, Visit], Any]) -> Callable[[Any, Visit], Any]:
        READINGS[name] = Reading(name, read, schemes, builders)
        return read

    return register


def rgba(css: str) -> tuple[float, float, float, float]:
    """A computed `rgb(...)`/`rgba(...)` colour as r, g, b (0-255) and alpha (0-1)."""
    numbers = [float(x) for x in re.findall(r"[\d.]+", css)]
    assert css.startswith("rgb") and len(numbers) in (3, 4), f"not a computed rgb colour: {css}"
    return numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) == 4 else 1.0


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2.x relative luminance of an sRGB colour with channels 0-255."""

    def linear(channel: float) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def luminance(css: str) -> float:
    """The relative luminance of a computed colour; its alpha is left out."""
    return relative_luminance(rgba(css)[:3])


def contrast_ratio(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return parts.hostname == LOCAL_HOST


def watch(page: Any, current: Callable[[], Visit]) -> None:
    """Record everything a page does that a test may want to fail on, in the visit `current()` gives:
    a reused tab moves on to the next visit when it opens the next page."""

    def on_request(request: Any) -> None:
        visit = current()
        visit.requests.append(request.url)
        visit.in_flight.add(request)
        if not is_local(request.url):
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
        if is_local(request.url):
            visit.failed.append(f"{request.failure} {request.url}")

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: current().page_errors.append(str(error)))
    page.on("console", on_console)
    page.on("response", on_response)
    page.on("requestfinished", on_request_finished)
    page.on("requestfailed", on_request_failed)


def settle(page: Any, visit: Visit) -> None:
    """Wait until the page has done what it does after loading: the browser has asked for the page's
    icon, the last thing it fetches, and no request is open any more. (The site's search loads
    nothing until a visitor opens it.) A test that closes the page before the icon came would see
    the icon's request cut off as a failed request."""
    icon = page.evaluate("() => document.querySelector('link[rel~=icon]')?.href ?? null")
    # The requests since this page was asked for (a visit may go through several pages).
    since = max((at for at, url in enumerate(visit.requests) if url == page.url), default=0)
    deadline = time.monotonic() + ICON_TIMEOUT_S
    while icon and icon not in visit.requests[since:] and time.monotonic() < deadline:
        page.wait_for_timeout(10)
    deadline = time.monotonic() + IN_FLIGHT_TIMEOUT_S
    while visit.in_flight and time.monotonic() < deadline:  # a page that keeps loading is still checked
        page.wait_for_timeout(20)


def after_effects(page: Any, visit: Visit) -> None:
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

    def __init__(self, browser: Any, base: str, readings: Iterable[Reading] = ()) -> None:
        self.browser = browser
        self.base = base
        self.readings = list(readings)
        self.visits: dict[tuple[str, str], Visit] = {}
        self._tabs: dict[str, tuple[Any, Any]] = {}
        self._current: dict[str, Visit] = {}

    def url(self, path: str) -> str:
        return self.base + path

    def _open(self, scheme: str, current: Callable[[], Visit], *, axe: bool = False) -> tuple[Any, Any]:
        context = self.browser.new_context(
            color_scheme=scheme,
            viewport=TAB_SIZE,
            locale="nl-NL",
            service_workers="block",
        )
        if axe:  # parsed by each page the context opens; cheaper than adding a script tag per page
            context.add_init_script(path=str(AXE))
        page = context.new_page()
        watch(page, current)
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
        visit.axe = page.evaluate(AXE_RUN_JS, AXE_TAGS)
        settle(page, visit)
        visit.said = [(where, text) for where, text in page.evaluate(SAID_JS)]
        for reading in self.readings:
            if scheme in reading.schemes:
                try:
                    visit.readings[reading.name] = reading.read(page, visit)
                except Exception as error:  # kept for the test that asks for it (Visit.reading)
                    visit.readings[reading.name] = error
        # The page's events reach Python in the order the page sent them: when this answer is
        # here, so are the console messages and errors from before it.
        page.evaluate("0")
        self.visits[key] = visit
        return visit


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site on http://127.0.0.1:<free port>."""

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # `format`: the base class's name
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


def format_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for rule in violations:
        targets = [", ".join(node["target"]) for node in rule["nodes"]]
        shown = "; ".join(targets[:4]) + (f"; … ({len(targets)} in all)" if len(targets) > 4 else "")
        lines.append(f"- {rule['id']} [{rule['impact']}] {rule['help']}\n    at {shown}")
        summary = rule["nodes"][0]["summary"].replace("\n", " ") if rule["nodes"] else ""
        if summary:
            lines.append(f"    e.g. {summary[:300]}")
    return "\n".join(lines)
