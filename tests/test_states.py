"""Contrast in every state, not only at rest (WCAG 1.4.3 and 1.4.11): every link, button and field of
one page of each type, with each builder and in both colour schemes, is measured while the browser
holds it in each state a visitor puts it in: under the mouse (:hover), with the keyboard's focus
(:focus and :focus-visible) and pressed (:active). Its text keeps 4.5:1 (3:1 when large), its icons,
its border and its focus outline keep 3:1, each against what is behind it. axe-core on a page at rest
sees none of these: a theme gives a link or a button another colour in each state.

How: the Chrome DevTools Protocol forces the state on all of them at once (`CSS.forcePseudoState`),
then one call into the page reads every colour (STATE_COLOURS_JS) and Python compares them with
`contrast_ratio`. Behind a colour is what the element and its ancestors paint, each background mixed
in by its alpha, and a colour with alpha (an icon at 32 %) or under an `opacity` (a header button
under the mouse) is mixed with that background first. Transitions are off (STILL_JS): the test
reads where a state ends, not the 0.125 s on the way there.

:visited cannot be measured this way: the browser never shows a page's scripts a visited link's
colour (a privacy rule). So the test reads the style sheets instead: no rule gives a visited link a
colour of its own, and a visited link has the colour measured at rest.

Forced colours (Windows' high contrast): the browser replaces the theme's colours with the system's,
so a state shown only by colour disappears. The colour scheme toggle, pressed and not pressed, and the
current page in the menu must still look different: screenshots of each.

Speed: one tab per builder and scheme for the module, page after page; per page and state one
round of CDP calls and one call into the page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from browser_harness import (
    SCHEMES,
    STILL_JS,
    TAB_SIZE,
    Visit,
    contrast_ratio,
    is_local,
    settle,
    watch,
)

from conftest import BUILDERS

pytestmark = pytest.mark.browser

# One page of each type; /agenda/ has the filter form ("Alles tonen"), /externe-communities/ the
# button "Stel een community voor", the event page the most kinds of links and buttons.
STATE_PAGES = {
    "home": "/",
    "agenda": "/agenda/",
    "event": "/agenda/forms-and-letters/",
    "community": "/communities/community-cx/",
    "theme": "/themas/klantreizen/",
    "external": "/externe-communities/",
    "content": "/doe-mee/",
    "404": "/404.html",
}
# What the browser is asked to hold each element in, by the name a report uses.
STATES = {
    "rest": [],
    "hover": ["hover"],
    "focus": ["focus", "focus-visible"],
    "active": ["hover", "active"],
}
TEXT, LARGE_TEXT, NON_TEXT = 4.5, 3.0, 3.0
MARK = "data-site-state"

# Brings into view what a visitor can bring there: "Terug naar boven" (shown once the page scrolls
# up), and the search dialog with one result (made from the dialog's own template) and its button
# "Toon meer resultaten". Then marks every link, button and field with a layout box (hidden ones
# too: the skip link shows only when focused); the test finds them by the attribute through CDP.
MARK_JS = f"""() => {{
  document.querySelector('.md-top')?.removeAttribute('hidden');
  const dialog = document.querySelector('dialog.site-search');
  const result = document.getElementById('site-search-result');
  if (dialog && result) {{
    const item = result.content.cloneNode(true);
    const link = item.querySelector('a');
    link.href = '/';
    link.textContent = 'Webinar duidelijke brieven';
    item.querySelector('p').textContent = '3 december 2026, online';
    dialog.querySelector('ol').append(item);
    dialog.querySelectorAll('[hidden]').forEach((el) => el.removeAttribute('hidden'));
    dialog.show();
  }}
  const selector = 'a[href], button, summary, [role="button"], input:not([type="hidden"]), select, textarea, '
    + 'label[for]';
  const found = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length);
  found.forEach((el, at) => el.setAttribute('{MARK}', String(at)));
  return found.length;
}}"""

# For every marked element that can be seen in the state the browser holds it in: each colour it
# shows and what is behind it, both as opaque rgb. `text` is the colour of each text in it (an
# element with its own text node), `icon` each svg or masked pseudo-element, `border` its border
# against the background outside it, `outline` its focus outline (or the colour of a box-shadow ring)
# against the background where the outline is drawn.
STATE_COLOURS_JS = f"""(focus) => {{
  const parse = (css) => {{
    const n = (css.match(/[\\d.]+/g) || []).map(Number);
    return n.length >= 3 ? [n[0], n[1], n[2], n.length > 3 ? n[3] : 1] : [0, 0, 0, 0];
  }};
  const over = (top, below) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3]));
  // What the element and its ancestors paint behind its content, from the page's canvas up.
  // Both remembered per element for this call: siblings share their ancestors.
  const behinds = new Map(), opacities = new Map();
  const behind = (el) => {{
    if (!el || el.nodeType !== 1) return [255, 255, 255];
    if (!behinds.has(el)) behinds.set(el, over(parse(getComputedStyle(el).backgroundColor), behind(el.parentElement)));
    return behinds.get(el);
  }};
  const opacity = (el) => {{
    if (!el || el.nodeType !== 1) return 1;
    if (!opacities.has(el)) opacities.set(el, Number(getComputedStyle(el).opacity) * opacity(el.parentElement));
    return opacities.get(el);
  }};
  const seen = (el) => {{
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility === 'visible' && box.width > 1 && box.height > 1 && opacity(el) > 0
      && !el.closest('dialog:not([open]), [hidden]');
  }};
  // A colour as it is painted: its alpha and the opacity above it mixed with the background.
  const painted = (css, el, background) => {{
    const c = parse(css);
    return over([c[0], c[1], c[2], c[3] * opacity(el)], background);
  }};
  const name = (el) => {{
    let text = el.tagName.toLowerCase();
    const classes = [...el.classList].filter((c) => c !== 'focus-visible');
    if (classes.length) text += '.' + classes.join('.');
    const label = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('title') || '')
      .replace(/\\s+/g, ' ').trim().slice(0, 40);
    return label ? `${{text}} "${{label}}"` : text;
  }};
  const shown = [];
  for (const el of document.querySelectorAll('[{MARK}]')) {{
    if (!seen(el)) continue;
    const colours = [];
    for (const node of [el, ...el.querySelectorAll('*')].filter(seen)) {{
      const style = getComputedStyle(node);
      if (node instanceof SVGSVGElement) {{
        const paint = style.fill !== 'none' ? style.fill : style.stroke;
        const background = behind(node);
        colours.push({{kind: 'icon', fg: painted(paint, node, background), bg: background}});
        continue;
      }}
      if (node instanceof SVGElement) continue;
      const text = [...node.childNodes].some((child) => child.nodeType === 3 && child.textContent.trim());
      if (text) {{
        const background = behind(node);
        const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
        colours.push({{kind: 'text', large: size >= 24 || (bold && size >= 18.66),
                       fg: painted(style.color, node, background), bg: background}});
      }}
      for (const pseudo of ['::before', '::after']) {{
        const p = getComputedStyle(node, pseudo);
        if (['none', 'normal'].includes(p.content) || p.display === 'none' || p.maskImage === 'none') continue;
        const background = behind(node);
        colours.push({{kind: 'icon', fg: painted(p.backgroundColor, node, background), bg: background}});
      }}
    }}
    const style = getComputedStyle(el);
    const outside = el.parentElement ? behind(el.parentElement) : [255, 255, 255];
    const own = behind(el);
    const sides = ['Top', 'Right', 'Bottom', 'Left'].filter((side) => parseFloat(style[`border${{side}}Width`]) >= 1
      && !['none', 'hidden'].includes(style[`border${{side}}Style`]) && parse(style[`border${{side}}Color`])[3] > 0);
    if (sides.length) {{
      colours.push({{kind: 'border', fg: painted(style[`border${{sides[0]}}Color`], el, outside), bg: outside,
                     fill: own}});
    }}
    if (focus && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {{
      // Chromium draws `auto` as two rings, dark and white: one of them stands out.
      const where = parseFloat(style.outlineOffset) < 0 ? own : outside;
      const second = style.outlineStyle === 'auto' ? {{second: [255, 255, 255]}} : {{}};
      colours.push({{kind: 'outline', fg: painted(style.outlineColor, el, where), bg: where, ...second}});
    }} else if (focus && style.boxShadow !== 'none') {{
      const ring = style.boxShadow.match(/rgba?\\([^)]*\\)/);
      const shadow = style.boxShadow;
      if (ring) colours.push({{kind: 'outline', fg: painted(ring[0], el, outside), bg: outside, shadow}});
    }}
    shown.push({{index: Number(el.getAttribute('{MARK}')), name: name(el), shadow: style.boxShadow, colours}});
  }}
  return shown;
}}"""

# Every style rule of the page that mentions :visited, and what it sets.
VISITED_RULES_JS = """() => {
  const found = [];
  const read = (rules) => {
    for (const rule of rules) {
      if (rule.cssRules) read(rule.cssRules);
      if (rule.selectorText && rule.selectorText.includes(':visited')) {
        found.push(`${rule.selectorText} { ${rule.style.cssText} }`);
      }
    }
  };
  for (const sheet of document.styleSheets) {
    try { read(sheet.cssRules); } catch { found.push(`unreadable: ${sheet.href}`); }
  }
  return found;
}"""


def too_little(colour: dict[str, Any]) -> float | None:
    """The contrast of one measured colour if it is below what WCAG asks for it, else None. A border
    need not reach 3:1 when the element's own background already stands out by 3:1 (then that is its
    edge); a border in the colour of the background behind it draws nothing."""
    fg, bg = tuple(colour["fg"]), tuple(colour["bg"])
    ratio = max(contrast_ratio(fg, bg), contrast_ratio(tuple(colour.get("second", fg)), bg))
    if colour["kind"] == "text":
        needed = LARGE_TEXT if colour["large"] else TEXT
    elif colour["kind"] == "border":
        if ratio < 1.01 or contrast_ratio(tuple(colour["fill"]), bg) >= NON_TEXT:
            return None
        needed = NON_TEXT
    else:
        needed = NON_TEXT
    return ratio if ratio < needed else None


def rgb(colour: list[float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in colour)


class StateTab:
    """A tab of its own for one builder and scheme, and its DevTools session."""

    def __init__(self, browser: Any, base: str, scheme: str) -> None:
        self.base = base
        self.forced = False
        self.visit = Visit("", scheme)
        self.context = browser.new_context(
            color_scheme=scheme, viewport=TAB_SIZE, locale="nl-NL", service_workers="block"
        )
        self.context.add_init_script(script=STILL_JS)
        self.page = self.context.new_page()
        watch(self.page, lambda: self.visit)
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("DOM.enable")
        self.cdp.send("CSS.enable")

    def load(self, path: str) -> list[int]:
        """Open the page; the DevTools ids of its links, buttons and fields, in the order of MARK."""
        self.visit = Visit(path, self.visit.scheme)
        self.forced = False
        self.page.goto(self.base + path, wait_until="load")
        settle(self.page, self.visit)
        self.page.evaluate(MARK_JS)
        root = self.cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        ids: list[int] = self.cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": f"[{MARK}]"})["nodeIds"]
        return ids

    def force(self, ids: list[int], state: list[str]) -> list[dict[str, Any]]:
        """Hold every element in `state` (none forced yet on a page just loaded: at rest) and read
        their colours."""
        if state or self.forced:
            for node in ids:
                self.cdp.send("CSS.forcePseudoState", {"nodeId": node, "forcedPseudoClasses": state})
        self.forced = bool(state)
        shown: list[dict[str, Any]] = self.page.evaluate(STATE_COLOURS_JS, "focus" in state)
        return shown


@pytest.fixture(scope="module")
def state_tabs(browser: Any, request: pytest.FixtureRequest) -> Iterator[Callable[[str, str], StateTab]]:
    opened: dict[tuple[str, str], StateTab] = {}

    def get(builder: str, scheme: str) -> StateTab:
        if (builder, scheme) not in opened:
            opened[builder, scheme] = StateTab(browser, request.getfixturevalue(BUILDERS[builder]["served"]), scheme)
        return opened[builder, scheme]

    yield get
    for tab in opened.values():
        tab.context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("path", STATE_PAGES.values(), ids=STATE_PAGES.keys())
def test_every_link_and_button_keeps_its_contrast_in_every_state(
    state_tabs: Callable[[str, str], StateTab], builder: str, scheme: str, path: str
) -> None:
    tab = state_tabs(builder, scheme)
    ids = tab.load(path)
    assert len(ids) > 10, f"only {len(ids)} links and buttons on {path}"
    problems: dict[str, set[str]] = {}
    measured = 0
    shadows: dict[int, str] = {}
    for state, pseudo in STATES.items():
        for element in tab.force(ids, pseudo):
            shadows.setdefault(element["index"], element["shadow"])
            for colour in element["colours"]:
                if colour.get("shadow") == shadows[element["index"]]:
                    continue  # a shadow it has at rest too: no focus ring
                measured += 1
                ratio = too_little(colour)
                if ratio is not None:
                    what = f"{colour['kind']} {rgb(colour['fg'])} on {rgb(colour['bg'])}: {ratio:.2f}:1"
                    problems.setdefault(f"{element['name']} — {what}", set()).add(state)
    assert measured > 50, f"only {measured} colours measured on {path}"
    lines = sorted(f"{where} ({', '.join(sorted(states))})" for where, states in problems.items())
    assert not lines, f"{path} ({builder}, {scheme}): {len(lines)} colours below contrast:\n  " + "\n  ".join(lines)
    assert not [p for p in tab.visit.foreign_requests if not is_local(p)], tab.visit.foreign_requests


@pytest.mark.parametrize("builder", BUILDERS)
def test_no_visited_link_has_a_colour_of_its_own(state_tabs: Callable[[str, str], StateTab], builder: str) -> None:
    """The browser hides a visited link's colour from the page's scripts, so the test above cannot
    measure it; with no :visited rule that sets a colour, a visited link is measured at rest."""
    tab = state_tabs(builder, "light")
    tab.load(STATE_PAGES["event"])
    rules = tab.page.evaluate(VISITED_RULES_JS)
    colouring = [rule for rule in rules if "color" in rule or "unreadable" in rule]
    assert not colouring, "rules that give a visited link a colour of its own:\n  " + "\n  ".join(colouring)


# --- forced colours ----------------------------------------------------------------------------------

# The controls whose state the test flips, by the attribute that holds it, and the value it flips to.
# The menu button shows below 1220 px, the menu's current page above it.
STATE_ATTRIBUTES: dict[str, tuple[str, dict[str, str | None]]] = {
    ".md-header__button[aria-pressed]": ("aria-pressed", {"true": "false", "false": "true"}),
    ".md-header__button[aria-expanded]": ("aria-expanded", {"true": "false", "false": "true"}),
    ".md-nav--primary a[aria-current]": ("aria-current", {"page": None}),
}
FLIP_JS = """([selector, name, flips]) => {
  const shown = [...document.querySelectorAll(selector)].filter((el) => el.getClientRects().length
    && getComputedStyle(el).visibility === 'visible');
  const el = shown[0];
  if (!el) return null;
  const before = el.getAttribute(name);
  const after = flips[before];
  if (after === null) el.removeAttribute(name); else el.setAttribute(name, after);
  el.setAttribute('data-site-flipped', before);
  return before;
}"""
UNFLIP_JS = """([name]) => {
  const el = document.querySelector('[data-site-flipped]');
  el.setAttribute(name, el.getAttribute('data-site-flipped'));
  el.removeAttribute('data-site-flipped');
}"""
# The box of the first shown control of `selector`, with room around it for an outline or a frame.
BOX_JS = """(selector) => {
  const el = [...document.querySelectorAll(selector)].find((node) => node.getClientRects().length
    && getComputedStyle(node).visibility === 'visible');
  if (!el) return null;
  el.scrollIntoView({block: 'center'});
  const box = el.getBoundingClientRect();
  return {x: Math.max(0, box.x - 4), y: Math.max(0, box.y - 4), width: box.width + 8, height: box.height + 8};
}"""
FORCED_SIZES = {"phone": {"width": 375, "height": 740}, "laptop": TAB_SIZE}


@pytest.mark.parametrize("size", FORCED_SIZES)
@pytest.mark.parametrize("builder", BUILDERS)
def test_a_state_still_shows_in_forced_colours(
    browser: Any, request: pytest.FixtureRequest, builder: str, size: str
) -> None:
    """In forced colours (Windows' high contrast) the browser replaces the theme's colours with the
    system's. The colour scheme toggle pressed and not pressed, the menu button open and closed, and
    the menu's current page and another must still look different: screenshots of each control in
    either state (the test flips the attribute that holds it) differ."""
    context = browser.new_context(
        forced_colors="active", viewport=FORCED_SIZES[size], locale="nl-NL", service_workers="block"
    )
    context.add_init_script(script=STILL_JS)
    try:
        page = context.new_page()
        page.goto(request.getfixturevalue(BUILDERS[builder]["served"]) + STATE_PAGES["agenda"], wait_until="load")
        expected = {".md-header__button[aria-pressed]"}
        expected.add(".md-header__button[aria-expanded]" if size == "phone" else ".md-nav--primary a[aria-current]")
        alike, found = [], set()
        for selector, (name, flips) in STATE_ATTRIBUTES.items():
            box = page.evaluate(BOX_JS, selector)
            if box is None:
                continue
            found.add(selector)
            one = page.screenshot(clip=box, animations="disabled")
            before = page.evaluate(FLIP_JS, [selector, name, flips])
            other = page.screenshot(clip=box, animations="disabled")
            page.evaluate(UNFLIP_JS, [name])
            if one == other:
                alike.append(f"{selector}: {name}={before!r} and {name}={flips[before]!r} look the same")
        assert expected <= found, f"not shown at this size: {sorted(expected - found)}"
        assert not alike, "in forced colours:\n  " + "\n  ".join(alike)
    finally:
        context.close()
