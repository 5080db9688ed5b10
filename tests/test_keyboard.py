"""The site with only a keyboard, as a person uses it: on every page type, on a phone (375×740) and a
laptop (1280×800), in the light and the dark colour scheme.

- The walk: Tab from the top of the page to the end, and Shift+Tab all the way back. The skip link
  comes first; every stop is inside the viewport, not covered by the sticky header, the drawer's
  overlay or another element (document.elementsFromPoint at the centre and the corners of each of
  its boxes), and not under Material's "Terug naar boven" once a Shift+Tab has made it show (WCAG
  2.4.11); it has an outline or box-shadow when focused (2.4.7). For the first stop of each kind (its
  region, classes and focus style) per size and scheme, screenshots of its box focused and blurred
  are compared pixel by pixel: at least a 1 px line's worth of pixels around it must change by 3:1 or more
  (1.4.11; on the indigo header, that is the ring's contrast with the header), and axe-core checks
  the contrast of its text while it has the focus (links take another colour then). The walk back meets
  the same stops in reverse and ends where it started: no trap (2.1.2). On a phone the closed
  menu's links are no stops, the menu button is; on a laptop the sidebar's links are.
- Both builders: one page built by MkDocs and by Zensical, walked at 320 (640 high), 375, 768, 1024
  and 1280 px, and in a window of 1280×500, and below 1220 px (where the menu is a drawer) the menu
  test below as well. Without JavaScript, Tab reaches every link of the menu at each of those widths.
- The menu on a phone: a button named "Menu" that Enter and Space open and close, with
  aria-expanded; the drawer's links take focus only while it is open; Escape closes it and returns
  to the button; Tab past its last link closes it and goes on to the page. axe-core finds nothing
  with the menu open.
- The colour scheme toggle: one button, pressed while the dark scheme is shown, switched with Space
  and Enter; the system setting is followed until the visitor chooses, and only that choice is
  stored (nothing in localStorage after a first visit); it survives a reload; the scheme is applied
  before the page is painted. axe-core finds nothing with the focus on the toggle.

Speed: one tab per size, scheme and motion for the whole module, loading page after page; the walk
reads everything about a stop in one call into the page, with transitions off (it looks at where
the focus ends up); the menu test runs with the system's "less motion", which the drawer follows;
axe-core runs once per phone page with the menu open, not per stop; screenshots and the contrast
of the focused text only for the first stop of each kind. The walk on both builders loads its one
page once per width, in a tab of its own. The toggle tests get fresh contexts: they need an empty
localStorage."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_harness import (
    AXE,
    AXE_RUN_JS,
    AXE_TAGS,
    MATERIAL_SCHEME,
    PAGES,
    SCHEMES,
    SIZES,
    STILL_JS,
    Visit,
    contrast_ratio,
    format_violations,
    luminance,
    rgba,
    serve,
    settle,
    watch,
)

from conftest import BUILDERS

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

WALKS = [
    pytest.param(path, scheme, size, id=f"{name}-{scheme}-{size}")
    for name, path in PAGES
    for size in SIZES
    for scheme in SCHEMES
]
NARROW_PAGES = [pytest.param(path, scheme, id=f"{name}-{scheme}") for name, path in PAGES for scheme in SCHEMES]
# The toggle in both schemes, once on each size (the walk checks its focus on both sizes in both).
LOOKS = [pytest.param("light", "narrow", id="light-narrow"), pytest.param("dark", "wide", id="dark-wide")]
# The walk on both builders (one page each) at the widths of two phones, a tablet, a small laptop and
# a laptop. Below 1220 px (Material's 76.25em) the menu is a drawer behind a button. The scheme
# alternates, so that each builder is walked with the drawer in both; WALKS above has MkDocs' pages
# with the sidebar in the dark scheme.
WIDTH_SCHEMES = {320: "light", 375: "dark", 768: "light", 1024: "dark", 1280: "light"}
WIDTHS = {f"{width}px": {"width": width, "height": 740 if width < 600 else 800} for width in WIDTH_SCHEMES}
# A small phone, and a laptop window only 500 px high (WCAG 2.4.11): there "Terug naar boven" lay over
# the link Shift+Tab had focused, and the menu's title over "Home" (Material scrolls the menu to the
# current page, the last one in the menu on /toegankelijkheid/).
WIDTHS |= {"320px": {"width": 320, "height": 640}, "1280x500": {"width": 1280, "height": 500}}
VIEWPORTS = {**SIZES, **WIDTHS}
DRAWER_BELOW = 1220
WIDTH_WALKS = [
    pytest.param(builder, size, WIDTH_SCHEMES[VIEWPORTS[size]["width"]], id=f"{builder}-{size}")
    for builder in BUILDERS
    for size in WIDTHS
]
WIDTH_WALK_PAGE = "/agenda/forms-and-letters/"  # the event with everything: links in its text, materials, feeds
WIDTH_WALK_PAGES = {"1280x500": "/toegankelijkheid/"}
MAX_STOPS = 300  # more than any page has; a walk that goes on longer is going round in circles
MIN_CONTRAST = 3.0  # WCAG 1.4.11 (non-text contrast) and 2.4.13's measure for a focus indicator
STORAGE_KEY = "site-scheme"

# --- what the tests read from the page -----------------------------------------------------------

# Everything about the focused element, in one call: where it is, what covers it, how its focus shows.
STOP_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const ids = (window.__gcStopIds ??= new WeakMap());
  if (!ids.has(el)) ids.set(el, (window.__siteNextStop = (window.__siteNextStop || 0) + 1));
  const describe = (node) => {
    let text = node.tagName.toLowerCase();
    if (node.id) text += '#' + node.id;
    const classes = [...node.classList].filter((c) => c !== 'focus-visible');
    if (classes.length) text += '.' + classes.join('.');
    return text;
  };
  const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title')
    || el.getAttribute('placeholder') || '').replace(/\\s+/g, ' ').trim().slice(0, 50);
  const region = el.closest('.md-header') ? 'header'
    : el.closest('.md-sidebar--primary') ? 'menu'
    : el.closest('.md-sidebar--secondary') ? 'toc'
    : el.closest('.md-footer') ? 'footer'
    : el.closest('.md-content') ? 'content'
    : el.closest('.md-top') ? 'top' : 'page';
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  const fact = {
    id: ids.get(el), path: describe(el), label, region,
    expanded: el.getAttribute('aria-expanded'),
    focus: outline ? `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
      : shadow ? `box-shadow ${style.boxShadow}` : 'none',
    problems: [],
  };
  if (!outline && !shadow) fact.problems.push('shows no outline or box-shadow when focused');
  const boxes = [...el.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  if (!boxes.length || style.visibility !== 'visible') {
    fact.problems.push('is not rendered (no box, or hidden)');
    return fact;
  }
  const box = el.getBoundingClientRect();
  fact.box = {x: box.x, y: box.y, width: box.width, height: box.height};
  const slack = 0.5;
  if (box.left < -slack || box.top < -slack || box.right > innerWidth + slack
      || (box.bottom > innerHeight + slack && box.height < innerHeight)) {
    fact.problems.push(`is not inside the viewport (box ${Math.round(box.left)},${Math.round(box.top)}`
      + ` ${Math.round(box.width)}x${Math.round(box.height)}, scrollY ${Math.round(scrollY)})`);
  }
  // Does something else paint on top of the element at this point? Elements that are fully
  // transparent there (a wrapper without background, an invisible panel) do not hide it.
  const paints = (node) => {
    for (let n = node; n && !n.contains(el); n = n.parentElement) {
      if (Number(getComputedStyle(n).opacity) === 0) return false;
    }
    const s = getComputedStyle(node);
    if (!/rgba\\(.*,\\s*0\\)$/.test(s.backgroundColor) && s.backgroundColor !== 'transparent') return true;
    if (s.backgroundImage !== 'none') return true;
    if (node instanceof SVGElement) return true;
    if (/^(IMG|VIDEO|CANVAS|INPUT|TEXTAREA|SELECT|IFRAME)$/.test(node.tagName)) return true;
    return [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim());
  };
  const covers = new Set();
  for (const r of boxes.slice(0, 3)) {
    const dx = Math.min(2, r.width / 4), dy = Math.min(2, r.height / 4);
    const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + dx, r.top + dy],
      [r.right - dx, r.top + dy], [r.left + dx, r.bottom - dy], [r.right - dx, r.bottom - dy]];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      for (const hit of document.elementsFromPoint(x, y)) {
        if (hit === el || el.contains(hit)) break;
        if (hit.contains(el)) continue;  // an ancestor: it is behind the element
        if (paints(hit)) { covers.add(describe(hit)); break; }
      }
    }
  }
  if (covers.size) fact.problems.push(`is covered by ${[...covers].join(', ')}`);
  // Material shows "Terug naar boven" below the header when the page scrolls up, a moment after the
  // key that scrolled it: shown here for that moment, it must not lie over the focused element.
  const top = document.querySelector('.md-top');
  if (top && scrollY > 0 && !top.contains(el) && region !== 'header') {
    const hidden = top.hidden;
    top.hidden = false;
    const t = top.getBoundingClientRect(), s = getComputedStyle(top);
    const shows = Number(s.opacity) > 0 && s.visibility === 'visible';
    top.hidden = hidden;
    const under = shows && boxes.some((r) => r.left < t.right && r.right > t.left && r.top < t.bottom
      && r.bottom > t.top);
    const where = `${Math.round(t.top)}-${Math.round(t.bottom)} px`;
    if (under) fact.problems.push(`lies under "Terug naar boven" once that shows (${where})`);
  }
  return fact;
}"""

# Pixels of two PNG screenshots of the same box (focused, blurred): how many changed, and how many
# changed by a contrast ratio of at least 3:1. Decoded in a blank page of its own.
PIXELS_JS = """async ([focused, blurred, minimum]) => {
  const decode = async (data) => {
    const blob = await (await fetch('data:image/png;base64,' + data)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  };
  const [a, b] = await Promise.all([decode(focused), decode(blurred)]);
  const linear = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = (d, i) => 0.2126 * linear(d[i]) + 0.7152 * linear(d[i + 1]) + 0.0722 * linear(d[i + 2]);
  let changed = 0, strong = 0, best = 1;
  for (let i = 0; i < a.length && i < b.length; i += 4) {
    if (a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2]) continue;
    changed++;
    const [x, y] = [luminance(a, i), luminance(b, i)];
    const ratio = (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    if (ratio >= minimum) strong++;
    best = Math.max(best, ratio);
  }
  return {changed, strong, best: Math.round(best * 100) / 100};
}"""

# The focused element's text against what is behind it (1.4.3), by axe-core's rule. A link, a menu link
# or a button takes another colour when focused (Material's accent), which axe on a page at rest
# never sees.
FOCUSED_CONTRAST_JS = """async () => {
  const options = {runOnly: ['color-contrast'], resultTypes: ['violations']};
  const result = await axe.run(document.activeElement, options);
  return result.violations.flatMap((rule) => rule.nodes.map((node) => node.failureSummary.replace(/\\s+/g, ' ')));
}"""
BLUR_JS = """() => { window.__gcBlurred = document.activeElement; document.activeElement.blur(); }"""
REFOCUS_JS = """() => { const el = window.__gcBlurred; el.focus({preventScroll: true});
  return document.activeElement === el && el.matches(':focus-visible'); }"""
# Wait a few frames, then until what moves has stopped: the drawer slides for 0.25 s, its overlay
# fades. Colour transitions move nothing; not waited for.
SETTLED_JS = """async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  await frame(); await frame();
  const moving = new RegExp('^(transform|translate|left|right|top|bottom|width|height|max-width|margin|padding'
    + '|opacity|visibility|all)');
  const moves = document.getAnimations().filter((a) => moving.test(a.transitionProperty || 'all'));
  await Promise.race([Promise.all(moves.map((a) => a.finished.catch(() => null))),
                      new Promise((done) => setTimeout(done, 1000))]);
  await frame();
}"""
MENU_JS = """() => {
  const button = document.querySelector('.md-header button[aria-expanded][aria-controls]');
  const drawer = button && document.getElementById(button.getAttribute('aria-controls'));
  // Its links that are part of the layout (not display: none), and those of them that can be seen.
  const links = drawer ? [...drawer.querySelectorAll('a[href]')].filter((a) => a.getClientRects().length) : [];
  return button && {
    name: button.getAttribute('aria-label') || button.textContent.trim(),
    expanded: button.getAttribute('aria-expanded'),
    controlsNav: !!(drawer && drawer.querySelector('nav')),
    focused: document.activeElement === button,
    links: links.length,
    shownLinks: links.filter((a) => getComputedStyle(a).visibility === 'visible').length,
  };
}"""
TOGGLE_JS = """() => {
  const buttons = [...document.querySelectorAll('.md-header button[aria-pressed]')];
  const radios = document.querySelectorAll('.md-header input[type=radio]').length;
  const button = buttons[0];
  return {
    buttons: buttons.length, radios,
    name: button ? (button.getAttribute('aria-label') || button.textContent.trim()) : null,
    pressed: button ? button.getAttribute('aria-pressed') : null,
    focused: !!button && document.activeElement === button,
    scheme: document.body.getAttribute('data-md-color-scheme'),
    background: getComputedStyle(document.body).backgroundColor,
    storage: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
  };
}"""
# Run before the page's own scripts: the colour scheme on <body> when the header first exists, which
# is before the first paint that could show it.
FIRST_PAINT_SCHEME_JS = """
new MutationObserver((records, observer) => {
  if (document.querySelector('.md-header') && !('__gcFirstScheme' in window)) {
    window.__gcFirstScheme = document.body.getAttribute('data-md-color-scheme');
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


def contrast(a: str, b: str) -> float:
    return contrast_ratio(rgba(a)[:3], rgba(b)[:3])


def test_contrast_matches_known_pairs() -> None:
    assert round(contrast("rgb(255, 255, 255)", "rgb(0, 0, 0)"), 1) == 21.0
    assert round(contrast("rgb(255, 255, 255)", "rgb(64, 81, 181)"), 2) == 6.86  # Material's indigo


# --- the tabs ---------------------------------------------------------------------------------------


@dataclass
class Tab:
    """One browser tab (its own context) that opens page after page, and what happened on the page."""

    context: Any
    page: Any
    base: str
    scheme: str
    visit: Visit

    def load(self, path: str) -> Any:
        self.visit = Visit(path, self.scheme)
        self.page.goto(self.base + path, wait_until="load")
        settle(self.page, self.visit)
        return self.page

    def problems(self) -> list[str]:
        v = self.visit
        return v.page_errors + v.console_errors + v.failed + v.foreign_requests + v.dialogs


def open_tab(browser: Any, base: str, scheme: str, size: str, **options: Any) -> Tab:
    context = browser.new_context(
        color_scheme=scheme, viewport=VIEWPORTS[size], locale="nl-NL", service_workers="block", **options
    )
    tab = Tab(context, context.new_page(), base, scheme, Visit("", scheme))
    watch(tab.page, lambda: tab.visit)
    return tab


@pytest.fixture(scope="module")
def tabs(browser: Any, served_site: str) -> Iterator[Callable[..., Tab]]:
    """A tab per size, scheme and motion: "still" for the walk (see STILL_JS), "reduce" for the menu
    (the visitor's system asks for less motion; axe-core is loaded into each page), "no-preference"
    as it comes."""
    opened: dict[tuple[str, str, str], Tab] = {}

    def get(scheme: str, size: str, motion: str = "no-preference") -> Tab:
        if (scheme, size, motion) not in opened:
            reduce = "reduce" if motion == "reduce" else "no-preference"
            tab = open_tab(browser, served_site, scheme, size, reduced_motion=reduce)
            if motion == "still":
                tab.context.add_init_script(script=STILL_JS)
            if motion == "reduce":
                tab.context.add_init_script(path=str(AXE))
            opened[scheme, size, motion] = tab
        return opened[scheme, size, motion]

    yield get
    for tab in opened.values():
        tab.context.close()


@pytest.fixture(scope="module")
def lab(browser: Any) -> Iterator[Any]:
    """A blank page that compares screenshots."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


def run_axe(page: Any) -> list[dict[str, Any]]:
    if not page.evaluate("typeof axe !== 'undefined'"):  # loaded by the tab, or else now
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result: dict[str, Any] = page.evaluate(AXE_RUN_JS, AXE_TAGS)
    assert result["passes"], "axe reported no passing rules; did it run?"
    violations: list[dict[str, Any]] = result["violations"]
    return violations


def start_over(page: Any) -> None:
    """At the top of a page just loaded, nothing focused: where a visitor starts pressing Tab."""
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")


def back_to_the_skip_link(page: Any) -> None:
    """Where the first Tab on the page goes. (Only blurring would not do: the next Tab would go on
    from where the focus was.)"""
    page.evaluate("() => { window.scrollTo(0, 0); document.querySelector('a.md-skip').focus(); }")


def press(page: Any, key: str) -> dict[str, Any] | None:
    """Press a key and describe where the focus is then. What looks wrong is looked at once more
    after the page has had a few frames to react: a moment in between is not what a person sees. So is
    a focus that left the page: Chromium may hand it back to the page's other end, through the browser,
    a moment after the key (Shift+Tab from the skip link then seemed to leave the page, and the next
    Shift+Tab skipped the last stop)."""
    page.keyboard.press(key)
    stop: dict[str, Any] | None = page.evaluate(STOP_JS)
    if stop is None or stop["problems"]:
        page.evaluate(SETTLED_JS)
        stop = page.evaluate(STOP_JS)
    return stop


def show(stop: dict[str, Any] | None) -> str:
    return "nothing (the browser)" if stop is None else f"{stop['path']} {stop['label']!r} [{stop['region']}]"


# --- the walk ---------------------------------------------------------------------------------------

# Per size and scheme, the kinds of stops whose screenshots were compared already.
_compared: set[tuple[str, ...]] = set()


def focus_changes_pixels(page: Any, lab: Any, stop: dict[str, Any], size: str) -> str | None:
    """Compare screenshots of the stop's box (with room for its focus ring) focused and blurred. Says
    what is wrong, or None."""
    box, viewport = stop["box"], VIEWPORTS[size]
    margin = 8
    x, y = max(0.0, box["x"] - margin), max(0.0, box["y"] - margin)
    clip = {
        "x": x,
        "y": y,
        "width": min(viewport["width"] - x, box["width"] + 2 * margin),
        "height": min(viewport["height"] - y, box["height"] + 2 * margin),
    }
    if clip["width"] < 1 or clip["height"] < 1:
        return "has no area on the screen to compare"
    focused = page.screenshot(clip=clip, animations="disabled")
    page.evaluate(BLUR_JS)
    blurred = page.screenshot(clip=clip, animations="disabled")
    restored = page.evaluate(REFOCUS_JS)
    assert restored, f"the test could not give the focus back to {show(stop)}"
    pixels = lab.evaluate(
        PIXELS_JS, [base64.b64encode(focused).decode(), base64.b64encode(blurred).decode(), MIN_CONTRAST]
    )
    # At least as many pixels as a 1 px line around the box, each changed by 3:1 or more.
    needed = int(2 * (box["width"] + box["height"]))
    if pixels["strong"] < needed:
        return (
            f"focused and blurred look too much alike: {pixels['strong']} pixels change by "
            f"{MIN_CONTRAST}:1 or more (needed {needed}; {pixels['changed']} change at all, "
            f"at most {pixels['best']}:1); focus style: {stop['focus']}"
        )
    return None


def focused_text_contrast(page: Any) -> list[str]:
    """axe-core's contrast rule on the focused element alone: what is wrong with its text now."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    wrong: list[str] = page.evaluate(FOCUSED_CONTRAST_JS)
    return wrong


def check_stop(page: Any, lab: Any, stop: dict[str, Any], scheme: str, size: str) -> list[str]:
    """What is wrong with a stop. Every kind of stop gets its screenshots compared once per size
    and scheme (on the indigo header that is the contrast of its focus indicator with the header),
    and the contrast of its text while it has the focus checked."""
    problems = list(stop["problems"])
    kind = (scheme, size, stop["region"], re.sub(r"#[^.]*", "", stop["path"]), stop["focus"])
    if not problems and "box" in stop and kind not in _compared:
        _compared.add(kind)
        if (wrong := focus_changes_pixels(page, lab, stop, size)) is not None:
            problems.append(wrong)
        problems += [f"has too little contrast when focused: {wrong}" for wrong in focused_text_contrast(page)]
    return problems


def walk(
    page: Any, lab: Any, scheme: str, size: str, key: str, start: int | None = None
) -> tuple[list[dict[str, Any]], list[str], str]:
    """Press `key` until the focus leaves the page or comes back to where it started (`start`, the
    id of the focused stop, or else the first stop of the walk). Returns the stops, what is wrong
    with them, and how the walk ended. Leaving the page at the very first press does not end it:
    from the first stop, the browser may go to its own controls before it goes round to the last."""
    stops: list[dict[str, Any]] = []
    problems: list[str] = []
    left_at_once = False
    for _ in range(MAX_STOPS):
        stop = press(page, key)
        if stop is None:
            if start is not None and not stops and not left_at_once:
                left_at_once = True
                continue
            return stops, problems, "left the page"
        if stop["id"] == (start if start is not None else stops[0]["id"] if stops else None):
            return stops, problems, "came back to the start"
        stops.append(stop)
        problems += [f"{len(stops)}. {show(stop)} {problem}" for problem in check_stop(page, lab, stop, scheme, size)]
    return stops, problems, f"did not end after {MAX_STOPS} stops"


def is_back_to_top(stop: dict[str, Any]) -> bool:
    # Material takes it out of the Tab order while it is hidden, which depends on the scrolling.
    return bool(stop["region"] == "top")


@pytest.mark.parametrize(("path", "scheme", "size"), WALKS)
def test_tab_and_shift_tab_walk_the_whole_page(
    tabs: Callable[..., Tab], lab: Any, path: str, scheme: str, size: str
) -> None:
    check_walk(tabs(scheme, size, "still"), lab, path, scheme, size)


@pytest.fixture(scope="module")
def new_site_tabs(browser: Any, new_site: Path) -> Iterator[Callable[[str], Tab]]:
    """Still tabs (see STILL_JS) on the site `init` makes for a new network."""
    with serve(new_site / "site") as base:
        opened: dict[str, Tab] = {}

        def get(size: str) -> Tab:
            if size not in opened:
                opened[size] = open_tab(browser, base, "light", size)
                opened[size].context.add_init_script(script=STILL_JS)
            return opened[size]

        yield get
        for tab in opened.values():
            tab.context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["/", "/agenda/", "/agenda/voorbeeld-bijeenkomst/"])
def test_a_new_networks_site_walks_like_this_one(
    new_site_tabs: Callable[[str], Tab], lab: Any, path: str, size: str
) -> None:
    """The site `init` writes has its own menu, pages and example data: the same walk as above."""
    check_walk(new_site_tabs(size), lab, path, "light", size)


@pytest.mark.parametrize(("builder", "size", "scheme"), WIDTH_WALKS)
def test_both_builders_walk_at_every_width(
    browser: Any, lab: Any, request: pytest.FixtureRequest, builder: str, size: str, scheme: str
) -> None:
    """The site as each builder makes it, one page at each width: from the top, Tab reaches the skip
    link, the menu, the links in the content and the footer, each in view, uncovered, with a focus
    that shows and text that keeps its contrast; Shift+Tab goes back the same way. Where the menu is
    a drawer, it opens from the keyboard, Tab reaches each of its links, and Escape closes it."""
    tab = open_tab(browser, request.getfixturevalue(BUILDERS[builder]["served"]), scheme, size)
    tab.context.add_init_script(script=STILL_JS)
    path = WIDTH_WALK_PAGES.get(size, WIDTH_WALK_PAGE)
    try:
        forward = check_walk(tab, lab, path, scheme, size)
        regions = [stop["region"] for stop in forward]
        assert {"header", "content", "footer"} <= set(regions), regions
        if VIEWPORTS[size]["width"] < DRAWER_BELOW:
            back_to_the_skip_link(tab.page)
            check_menu(tab, lab, path, scheme, size)
    finally:
        tab.context.close()


# --- without JavaScript ----------------------------------------------------------------------------

MENU_LINKS_JS = """() => [...document.querySelectorAll('.md-nav--primary a[href]')]
  .filter((a) => a.getClientRects().length).map((a) => a.textContent.replace(/\\s+/g, ' ').trim())"""


MENU_TOGGLE_JS = """() => { const el = document.activeElement;
  const name = [...(el.labels || [])].map((l) => l.textContent.trim()).join(' ');
  return {id: el.id, name, checked: !!el.checked}; }"""


@pytest.mark.parametrize("width", WIDTH_SCHEMES)
@pytest.mark.parametrize("builder", BUILDERS)
def test_without_javascript_tab_reaches_every_link_of_the_menu(
    browser: Any, request: pytest.FixtureRequest, builder: str, width: int
) -> None:
    """Without JavaScript the menu button cannot work. Below 1220 px Material's checkbox takes its place
    (site.css): the first Tab stop, named "Menu"; Space opens the drawer, and Tab then reaches each
    of the menu's links (WCAG 2.1.1). At 1220 px and wider the menu is on the page. Each stop on the
    way is in view, uncovered, with its focus shown (as in the walk)."""
    base = request.getfixturevalue(BUILDERS[builder]["served"])
    # Less motion (as the system setting asks): the drawer opens without its slide, so that its links
    # are measured where they end up, not on the way there.
    context = browser.new_context(
        viewport={"width": width, "height": 740}, locale="nl-NL", java_script_enabled=False, reduced_motion="reduce"
    )
    try:
        page = context.new_page()
        page.goto(base + "/over/", wait_until="load")
        links = set(page.evaluate(MENU_LINKS_JS))
        assert len(links) >= 10, links
        reached: set[str] = set()
        problems: list[str] = []
        if width < DRAWER_BELOW:
            page.keyboard.press("Tab")
            toggle = page.evaluate(MENU_TOGGLE_JS)
            # Named by its labels: ours, "Menu", first (Material's drawer title is a label of it too).
            assert toggle["id"] == "__drawer" and toggle["name"].split()[:1] == ["Menu"], toggle
            assert not toggle["checked"], toggle
            problems += [f"the menu toggle: {problem}" for problem in page.evaluate(STOP_JS)["problems"]]
            page.keyboard.press("Space")
            assert page.evaluate(MENU_TOGGLE_JS)["checked"], "Space did not open the menu"
        for _ in range(MAX_STOPS):
            page.keyboard.press("Tab")
            stop = page.evaluate(STOP_JS)
            if stop is None or reached == links:
                break
            if stop["region"] == "menu":
                reached.add(stop["label"])
            problems += [f"{show(stop)} {problem}" for problem in stop["problems"]]
    finally:
        context.close()
    assert reached == links, f"{width} px without JavaScript: Tab does not reach {sorted(links - reached)}"
    assert not problems, f"{width} px without JavaScript:\n  " + "\n  ".join(problems)


def check_walk(tab: Tab, lab: Any, path: str, scheme: str, size: str) -> list[dict[str, Any]]:
    """Tab from the top to the end and Shift+Tab back: every stop reachable both ways, in order, with
    a visible focus, the skip link first and, where the menu is a drawer, the menu button second.
    Returns the stops of the walk forward."""
    page = tab.load(path)
    start_over(page)
    forward, problems, ending = walk(page, lab, scheme, size, "Tab")
    assert forward, "Tab focused nothing"
    assert "md-skip" in forward[0]["path"], f"the first Tab stop is {show(forward[0])}, not the skip link"
    assert "did not end" not in ending, f"Tab {ending}: {[show(s) for s in forward[-10:]]}"
    if ending == "left the page":  # Tab once more: back at the start
        again = press(page, "Tab")
        assert again and again["id"] == forward[0]["id"], f"after the last stop, Tab went to {show(again)}"
    # (Otherwise the walk ended on the skip link already.)
    # From the skip link, Shift+Tab goes round to the end and back through the page to the skip link.
    backward, back_problems, back_ending = walk(page, lab, scheme, size, "Shift+Tab", start=forward[0]["id"])
    problems += [f"(Shift+Tab) {problem}" for problem in back_problems]
    assert back_ending == "came back to the start", f"Shift+Tab {back_ending}: {[show(s) for s in backward[-10:]]}"
    there = [s["id"] for s in forward[1:] if not is_back_to_top(s)]
    back = [s["id"] for s in reversed(backward) if not is_back_to_top(s)]
    assert back == there, (
        "Shift+Tab does not meet the stops of Tab in reverse:\n  Tab:       "
        + ", ".join(show(s) for s in forward)
        + "\n  Shift+Tab: "
        + ", ".join(show(s) for s in reversed(backward))
    )
    regions = {s["region"] for s in forward}
    menu_button = [s for s in forward if s["label"] == "Menu"]
    if VIEWPORTS[size]["width"] < DRAWER_BELOW:
        assert "menu" not in regions, "the closed menu's links take focus: " + ", ".join(
            show(s) for s in forward if s["region"] == "menu"
        )
        assert len(menu_button) == 1 and forward.index(menu_button[0]) == 1, (
            f"the menu button is not the stop after the skip link: {[show(s) for s in forward[:4]]}"
        )
    else:
        assert not menu_button, "the menu button is a Tab stop on a wide screen"
        assert "menu" in regions, "the navigation in the sidebar takes no focus on a wide screen"
    assert not problems, f"{path} ({scheme}, {size}): {len(problems)} problem(s) at {len(forward)} stops:\n  " + (
        "\n  ".join(problems)
    )
    assert not tab.problems(), tab.problems()
    return forward


# --- the menu on a phone -----------------------------------------------------------------------------


def menu(page: Any) -> dict[str, Any]:
    facts: dict[str, Any] | None = page.evaluate(MENU_JS)
    assert facts, "no button in the header with aria-expanded and aria-controls"
    return facts


@pytest.mark.parametrize(("path", "scheme"), NARROW_PAGES)
def test_menu_opens_and_closes_from_the_keyboard(tabs: Callable[..., Tab], lab: Any, path: str, scheme: str) -> None:
    """With less motion: the drawer neither slides nor fades, so the test need not wait for it (the
    next test has the motion)."""
    tab = tabs(scheme, "narrow", "reduce")
    page = tab.load(path)
    start_over(page)
    press(page, "Tab")
    check_menu(tab, lab, path, scheme, "narrow")


def check_menu(tab: Tab, lab: Any, path: str, scheme: str, size: str) -> None:
    """From the skip link: the menu button is the next stop; Enter and Space open and close the
    drawer; Tab goes through all its links and, past the last, closes it; Escape closes it and
    returns to the button; axe finds nothing with the drawer open."""
    page = tab.page
    button = press(page, "Tab")
    closed = menu(page)
    assert closed["focused"], f"the second Tab stop is {show(button)}, not the menu button"
    assert (closed["name"], closed["expanded"], closed["controlsNav"]) == ("Menu", "false", True), closed
    assert closed["links"] > 5 and closed["shownLinks"] == 0, f"the closed menu shows links: {closed}"

    # Enter opens; the focus stays on the button, which stays in view; Tab goes into the menu.
    page.keyboard.press("Enter")
    opened = menu(page)
    assert (opened["expanded"], opened["focused"]) == ("true", True), f"Enter did not open the menu: {opened}"
    assert opened["shownLinks"] == opened["links"], f"the open menu hides links: {opened}"
    on_button = page.evaluate(STOP_JS)
    problems = [f"the button, open: {p}" for p in on_button["problems"]]
    inside: list[dict[str, Any]] = []
    for _ in range(opened["links"] + 5):
        stop = press(page, "Tab")
        if stop is None or stop["region"] != "menu":
            break
        inside.append(stop)
        problems += [f"{show(stop)} {p}" for p in check_stop(page, lab, stop, scheme, size)]
    assert len(inside) == opened["links"], (
        f"Tab reached {len(inside)} of the menu's {opened['links']} links: {[show(s) for s in inside]}"
    )
    # Past the last link: the menu closes, the focus is on the page and can be seen there.
    after = page.evaluate(STOP_JS)
    assert menu(page)["expanded"] == "false", f"Tab left the menu for {show(after)}, but it stayed open"
    assert after and after["region"] in ("content", "toc", "top", "footer"), f"after the menu: {show(after)}"
    problems += [f"after the menu, {show(after)} {p}" for p in after["problems"]]

    # Space opens and closes it; Shift+Tab from the first link goes back to the button.
    back_to_the_skip_link(page)
    press(page, "Tab")
    page.keyboard.press("Space")
    assert menu(page)["expanded"] == "true", "Space did not open the menu"
    first = press(page, "Tab")
    assert first and first["id"] == inside[0]["id"], f"Tab from the open menu's button went to {show(first)}"
    press(page, "Shift+Tab")
    assert menu(page)["focused"], "Shift+Tab from the menu's first link did not go back to the button"
    page.keyboard.press("Space")
    assert menu(page)["expanded"] == "false", "Space did not close the menu"
    page.keyboard.press("Enter")
    assert menu(page)["expanded"] == "true"
    violations = run_axe(page)  # with the menu open
    press(page, "Tab")
    press(page, "Tab")
    page.keyboard.press("Escape")
    back = menu(page)
    assert (back["expanded"], back["focused"]) == ("false", True), f"Escape: {back}"
    assert menu(page)["shownLinks"] == 0, "the menu's links are shown after Escape"
    beyond = press(page, "Tab")
    assert beyond and beyond["region"] == "header", f"after Escape, Tab from the button went to {show(beyond)}"
    assert not problems, "\n".join(problems)
    assert not violations, f"axe with the menu open on {path} ({scheme}):\n{format_violations(violations)}"
    assert not tab.problems(), tab.problems()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_menu_links_take_focus_as_soon_as_it_opens_and_not_after_it_closed(
    tabs: Callable[..., Tab], scheme: str
) -> None:
    """The drawer slides in and out in 0.25 s: its links can take focus from the start of the
    slide in, and not any more once it has slid out."""
    tab = tabs(scheme, "narrow")
    page = tab.load("/")
    start_over(page)
    press(page, "Tab")
    press(page, "Tab")
    page.keyboard.press("Enter")
    first = press(page, "Tab")  # at once, while the drawer still slides in
    assert first and first["region"] == "menu", f"Tab right after opening the menu went to {show(first)}"
    page.keyboard.press("Escape")
    assert menu(page)["focused"], "Escape did not return the focus to the menu button"
    page.evaluate(SETTLED_JS)
    closed = menu(page)
    assert closed["expanded"] == "false" and closed["shownLinks"] == 0, f"after the slide out: {closed}"
    beyond = press(page, "Tab")
    assert beyond and beyond["region"] == "header", f"Tab from the closed menu's button went to {show(beyond)}"
    assert not tab.problems(), tab.problems()


# --- the colour scheme toggle -----------------------------------------------------------------------


def other(scheme: str) -> str:
    return "light" if scheme == "dark" else "dark"


def assert_shows(facts: dict[str, Any], scheme: str, when: str) -> None:
    pressed = "true" if scheme == "dark" else "false"
    assert facts["scheme"] == MATERIAL_SCHEME[scheme], f"{when}: the page shows {facts['scheme']}, not {scheme}"
    assert facts["pressed"] == pressed, f"{when}: the page shows {scheme} but aria-pressed is {facts['pressed']}"
    shade = luminance(facts["background"])
    assert (shade < 0.2) if scheme == "dark" else (shade > 0.8), f"{when}: background {facts['background']}"


@pytest.mark.parametrize(("scheme", "size"), LOOKS)
def test_colour_scheme_toggle(browser: Any, served_site: str, scheme: str, size: str) -> None:
    """`scheme` is the system setting. A fresh context each time: nothing stored yet."""
    tab = open_tab(browser, served_site, scheme, size)
    tab.context.add_init_script(script=FIRST_PAINT_SCHEME_JS)
    try:
        page = tab.load("/")
        facts = page.evaluate(TOGGLE_JS)
        assert (facts["buttons"], facts["radios"]) == (1, 0), f"not one toggle button: {facts}"
        assert facts["name"] == "Donkere weergave", facts
        assert_shows(facts, scheme, "first visit")
        first_paint = page.evaluate("window.__gcFirstScheme")
        assert first_paint == MATERIAL_SCHEME[scheme], (
            f"the page was first shown in {first_paint}, and only later in {MATERIAL_SCHEME[scheme]}"
        )
        assert facts["storage"] == {}, f"a first visit without a choice stored {facts['storage']}"

        # The system setting changes: the page follows, and still stores nothing.
        page.emulate_media(color_scheme=other(scheme))
        page.wait_for_function(f"document.body.dataset.mdColorScheme === '{MATERIAL_SCHEME[other(scheme)]}'")
        facts = page.evaluate(TOGGLE_JS)
        assert_shows(facts, other(scheme), "after the system setting changed")
        assert facts["storage"] == {}, facts["storage"]
        page.emulate_media(color_scheme=scheme)
        page.wait_for_function(f"document.body.dataset.mdColorScheme === '{MATERIAL_SCHEME[scheme]}'")

        # To the toggle with Tab, as a person would.
        start_over(page)
        for _ in range(6):
            page.keyboard.press("Tab")
            if page.evaluate(TOGGLE_JS)["focused"]:
                break
        else:
            pytest.fail("Tab did not reach the colour scheme toggle in six steps")
        violations = run_axe(page)
        assert not violations, f"axe with the focus on the toggle:\n{format_violations(violations)}"

        page.keyboard.press("Space")
        facts = page.evaluate(TOGGLE_JS)
        assert_shows(facts, other(scheme), "after Space")
        assert facts["focused"], "the focus left the toggle"
        assert facts["storage"] == {STORAGE_KEY: other(scheme)}, facts["storage"]
        page.keyboard.press("Enter")
        facts = page.evaluate(TOGGLE_JS)
        assert_shows(facts, scheme, "after Enter")
        assert facts["storage"] == {STORAGE_KEY: scheme}, facts["storage"]
        page.keyboard.press("Space")

        # The choice holds: after a reload, on another page, and when the system setting changes.
        page = tab.load("/")
        facts = page.evaluate(TOGGLE_JS)
        assert_shows(facts, other(scheme), "after a reload")
        assert page.evaluate("window.__gcFirstScheme") == MATERIAL_SCHEME[other(scheme)], "the chosen scheme came late"
        page = tab.load("/agenda/")
        page.emulate_media(color_scheme=other(other(scheme)))
        page.evaluate(SETTLED_JS)  # a few frames: the page followed the system setting within one above
        assert_shows(page.evaluate(TOGGLE_JS), other(scheme), "on another page, after the system setting changed")
        assert not tab.problems(), tab.problems()
    finally:
        tab.context.close()
