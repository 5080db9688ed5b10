"""Text spacing (WCAG 1.4.12): a reader may set more room between lines, paragraphs, letters and words
(line height 1.5, 2em after a paragraph, letter spacing 0.12em, word spacing 0.16em), with a style
sheet of their own that overrides every element's. Nothing may then be cut off or run where it cannot
be read.

On every page type of both builders, at 320 px (a phone, or 400 % zoom) and at 1280 px, with that
style sheet added: no box that hides what overflows it has more text than room (the menu's
"Toegankelijkheidsverklaring" ended in "…" at 1280 px), no line of text lies outside the screen (an
event's date and place at 320 px), and none outside a box that clips it or a bar that stays in place
(the site's name ran out of the top bar at 320 px), unless it can be scrolled to there; and the page
does not scroll sideways. Visually hidden text (words for screen readers) is left out: it is meant to
be out of sight.

Read on the visit every page gets anyway (`read_on_each_visit`), in the light scheme: the layout does
not change with the colours."""

from __future__ import annotations

from typing import Any

import pytest
from browser_harness import PAGE_PARAMS, TAB_SIZE, Visit, read_on_each_visit

from conftest import BUILDERS

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
WIDTHS = {320: {"width": 320, "height": 740}, 1280: TAB_SIZE}

# With the reader's spacing added (and taken away again): what is cut off or out of reach. Waits until
# what the new size set moving has stopped (the drawer becomes hidden 0.25 s after it closes).
CLIPPED_JS = """async (css) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  await frame(); await frame();
  await Promise.race([Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null))),
                      new Promise((done) => setTimeout(done, 1000))]);
  const describe = (node) => {
    let text = node.tagName.toLowerCase();
    if (node.id) text += '#' + node.id;
    if (node.classList.length) text += '.' + [...node.classList].join('.');
    return text;
  };
  const words = (text) => `'${text.replace(/\\s+/g, ' ').trim().slice(0, 40)}'`;
  const clips = (s) => /hidden|clip/.test(s.overflowX + ' ' + s.overflowY);
  // Out of sight on purpose: not rendered, or visually hidden (clipped to nothing, or a box of 1 px
  // that hides its overflow).
  const unseen = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const s = getComputedStyle(node);
      if (s.display === 'none' || s.visibility !== 'visible' || Number(s.opacity) === 0) return true;
      if (s.clipPath.startsWith('inset(50%')) return true;
      const box = node.getBoundingClientRect();
      if (clips(s) && (box.width <= 1 || box.height <= 1)) return true;
    }
    return false;
  };
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in ${width}`);
  }
  for (const el of document.body.querySelectorAll('*')) {
    const s = getComputedStyle(el);
    if (!clips(s) || !el.textContent.trim() || unseen(el)) continue;
    if (/hidden|clip/.test(s.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${describe(el)} cuts off ${words(el.textContent)} at the side`
        + ` (${el.scrollWidth} px in ${el.clientWidth})`);
    }
    if (/hidden|clip/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      problems.push(`${describe(el)} cuts off ${words(el.textContent)} below`
        + ` (${el.scrollHeight} px in ${el.clientHeight})`);
    }
  }
  // Each line of text: on the screen, and inside each box around it that clips, or that stays in
  // place (a bar: fixed or sticky), up to the first that scrolls (what is there can be scrolled to).
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const outside = (r, box) => r.left < box.left - 1 || r.right > box.right + 1
    || r.top < box.top - 1 || r.bottom > box.bottom + 1;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest('script, style, noscript, template') || unseen(el)) continue;
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
    let problem = lines.some((r) => r.left < -1 || r.right > width + 1) ? 'runs off the screen' : null;
    for (let box = el; box && box !== document.body && !problem; box = box.parentElement) {
      const s = getComputedStyle(box);
      if (/auto|scroll/.test(s.overflowX + ' ' + s.overflowY)) break;
      if (!clips(s) && s.position !== 'fixed' && s.position !== 'sticky') continue;
      const rect = box.getBoundingClientRect();
      if (lines.some((r) => outside(r, rect))) problem = `runs out of ${describe(box)}`;
    }
    if (problem) problems.push(`${words(node.textContent)} in ${describe(el)} ${problem}`);
  }
  style.remove();
  return [...new Set(problems)];
}"""


@read_on_each_visit("text spacing", schemes=("light",), builders=tuple(BUILDERS))
def clipped_with_more_spacing(page: Any, visit: Visit) -> dict[int, list[str]]:
    """What the reader's spacing cuts off, at each width (while `Site.visit` has the page open)."""
    found = {}
    for width, size in WIDTHS.items():
        page.set_viewport_size(size)
        found[width] = page.evaluate(CLIPPED_JS, SPACING_CSS)
    page.set_viewport_size(TAB_SIZE)
    return found


@pytest.mark.parametrize("path", PAGE_PARAMS)
@pytest.mark.parametrize("builder", BUILDERS)
def test_more_text_spacing_cuts_nothing_off(builder: str, path: str, request: pytest.FixtureRequest) -> None:
    visit = request.getfixturevalue(BUILDERS[builder]["pages"]).visit(path, "light")
    assert visit.status == 200, visit
    found = visit.reading("text spacing")
    assert {width: problems for width, problems in found.items() if problems} == {}


# Each way text gets lost, and text that is out of sight on purpose.
HARNESS_PAGE = """<!doctype html><html><body style="margin: 0">
  <div style="position: sticky; top: 0; height: 20px"><span id="bar">Een naam die niet past in de balk,
    met nog veel meer woorden die onder de balk uit lopen</span></div>
  <p style="width: 60px; overflow: hidden; white-space: nowrap">Toegankelijkheidsverklaring</p>
  <p style="margin-left: 250px; width: 400px">Buiten het scherm</p>
  <p style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%)">Alleen
    voor een schermlezer, en lang genoeg om niet in één pixel te passen</p>
  <div style="height: 30px; overflow: auto">In een vak dat scrollt mag de tekst langer zijn dan het vak,
    want je kunt erbij.</div>
</body></html>"""


def test_the_reading_finds_what_is_cut_off_and_leaves_hidden_text_alone(browser: Any) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 400})
    try:
        page = context.new_page()
        page.set_content(HARNESS_PAGE)
        found = page.evaluate(CLIPPED_JS, SPACING_CSS)
    finally:
        context.close()
    joined = "\n".join(found)
    assert "the page scrolls sideways" in joined, found
    assert "p cuts off 'Toegankelijkheidsverklaring' at the side" in joined, found
    assert "'Buiten het scherm' in p runs off the screen" in joined, found
    assert "in span#bar runs out of div" in joined, found
    assert "schermlezer" not in joined and "scrollt" not in joined, found
