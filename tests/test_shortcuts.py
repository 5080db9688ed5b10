"""WCAG 2.1.4 (Character Key Shortcuts, level A): no single key moves the page or grabs the focus.

Material's and Zensical's scripts open the next page on "n" or ".", the previous one on "p" or ",",
and pull the focus into their search on "s", "f" or "/". Someone who dictates, or whose hand shakes,
then lands on another page. site.js keeps single printable keys from the themes' listeners (see its
"No single-key shortcuts" block). The test does not list the themes' keys: it presses every
printable ASCII character and a few others, on both builders' sites, with the focus on the page and
on a link, and checks that nothing moved: the address, the focus and the scroll position. A key typed
into a field still arrives there.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import EVENT_PAGE, Site, Visit, serve, settle
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser

# Every printable ASCII character but Space (which scrolls, as it should), and some a Dutch keyboard
# or speech input sends: letters with accents, the euro sign, quotes.
KEYS = [key for key in string.printable if key.strip() and key not in "\x0b\x0c"] + ["é", "ë", "€", "‘"]
STATE = """({
  url: location.href,
  focus: document.activeElement === document.body ? 'body' : document.activeElement.outerHTML.slice(0, 120),
  scroll: [scrollX, scrollY],
  searchOpen: !!document.getElementById('__search')?.checked,
  drawerOpen: !!document.getElementById('__drawer')?.checked,
})"""
# What the page shows two frames after a key: time for the themes' handlers to act.
SETTLED_STATE_JS = f"""async () => {{
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return {STATE};
}}"""
DISPATCH_JS = """(key) => {
  for (const type of ['keydown', 'keypress', 'keyup']) {
    (document.activeElement || document.body).dispatchEvent(
      new KeyboardEvent(type, {key, bubbles: true, cancelable: true, composed: true}));
  }
}"""
# The themes follow <link rel="prev/next"> in the head; a page with both shows the keys' harm best.
HAS_NEIGHBOURS_JS = "() => !!document.querySelector('link[rel=next]') && !!document.querySelector('link[rel=prev]')"
PAGE = "/agenda/archief/"


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def builder_site(request: pytest.FixtureRequest, browser: Any) -> Iterator[Site]:
    """One builder's fixture site in the browser: MkDocs with Material, or Zensical."""
    folder: Path = request.getfixturevalue("built_site" if request.param == "mkdocs" else "zensical_site")
    with serve(folder) as base:
        visited = Site(browser, base)
        yield visited
        visited.close()


def _page(site: Site, path: str) -> tuple[Any, Any, Visit]:
    visit = Visit(path, "light")
    context, page = site.new_page("light", visit)
    page.goto(site.url(path), wait_until="load")
    settle(page, visit)
    return context, page, visit


def _press_each(page: Any, focus_js: str) -> list[str]:
    """Press every key with the focus put back each time by `focus_js`; say which key changed what."""
    moved = []
    for key in KEYS:
        before = page.evaluate(f"() => {{ ({focus_js})(); return {STATE}; }}")
        if key.isascii():
            page.keyboard.press(key)
        else:  # Playwright presses only the keys of a US keyboard; these come as the event a browser sends
            page.evaluate(DISPATCH_JS, key)
        try:
            after = page.evaluate(SETTLED_STATE_JS)
        except PlaywrightError as error:  # the key started a navigation
            after = {"error": str(error).splitlines()[0]}
        if after != before:
            moved.append(f"{key!r}: {before} -> {after}")
            page.wait_for_load_state("load")
            page.goto(before["url"], wait_until="load")
    return moved


def test_no_single_key_moves_the_page_or_the_focus(builder_site: Site) -> None:
    context, page, visit = _page(builder_site, PAGE)
    try:
        assert page.evaluate(HAS_NEIGHBOURS_JS), f"{PAGE} has no previous and next page: the test would prove nothing"
        on_page = _press_each(page, "() => { document.activeElement.blur(); }")
        on_link = _press_each(page, "() => { document.querySelector('.md-content a[href]').focus(); }")
        assert (on_page, on_link) == ([], []), "a single key did something:\n" + "\n".join(on_page + on_link)
        assert not (visit.page_errors or visit.console_errors or visit.foreign_requests), visit
    finally:
        context.close()


def test_keys_typed_into_a_field_still_arrive(builder_site: Site) -> None:
    """The same keys in a text field of the page are typed, not swallowed: the block above must not
    take them from the field where the visitor types."""
    context, page, _visit = _page(builder_site, EVENT_PAGE)
    try:
        page.evaluate(
            """() => {
              const field = document.createElement('input');
              field.type = 'text'; field.id = 'probe'; field.setAttribute('aria-label', 'proef');
              document.querySelector('.md-content').prepend(field);
              field.focus();
            }"""
        )
        typed = "nps/f.,é"
        page.keyboard.type(typed)
        assert page.evaluate("() => document.getElementById('probe').value") == typed
    finally:
        context.close()
