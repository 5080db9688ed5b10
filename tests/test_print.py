"""Every page type on paper: printed to PDF by headless Chromium, in the light and the dark scheme.

A person who prints a page gets the content: nothing that only works on a screen (the header with
the menu, the colour toggle and the search; the navigation; "Zet dit evenement in je agenda"; the
subscribe block; links back to a list), no event of a list split over two sheets, every text at
least 4.5:1 against what is printed behind it (3:1 for large text) – the buttons included, which
Material prints in indigo – and the dark scheme prints as light as the light one: no dark page behind
it when "Background graphics" is on.

The PDF itself is read with the standard library: Chromium writes compressed streams, fonts with a
ToUnicode map and hex-coded text, which is enough to find the page's h1 in it and the colours of the
areas it fills. The print test of one event page as a handout is in test_browser.py."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

import pytest
from browser_harness import PAGE_PARAMS, PAGES, SCHEMES, Site, Visit, read_on_each_visit

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

# What only works on a screen, and must not print: by selector, and by the text a person sees.
SCREEN_ONLY = {
    "header (menu, colour toggle, search)": ".md-header",
    "navigation (drawer)": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "search": ".site-search-button",
    "colour scheme toggle": ".site-scheme-toggle",
    "back to top": ".md-top",
    "edit button": ".md-content__button",
    "subscribe block": ".site-subscribe",
    "put the event in your calendar": ".site-add-event",
}
SCREEN_ONLY_TEXT = re.compile(
    r"^(Zet in je agenda|Zet dit evenement in je agenda|Terug naar de agenda|Naar het archief van de agenda"
    r"|Naar de evenementen die nog komen|Alle thema's|Abonneren op deze agenda"
    r"|Bekijk de hele agenda|Bekijk evenementen die al geweest zijn)$"
)

# Per element that shows text (its own text nodes): the text, whether it is a button, its colour, the
# backgrounds behind it from the page down, its size and weight. Only what is rendered in print.
PRINTED_FACTS_JS = """(selectors) => {
  const rendered = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    }
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const backgrounds = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      layers.unshift(getComputedStyle(node).backgroundColor);
    }
    return layers;
  };
  const texts = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('').trim();
    if (!own || !rendered(el) || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) continue;
    const style = getComputedStyle(el);
    texts.push({
      text: own.replace(/\\s+/g, ' ').slice(0, 60),
      button: !!el.closest('.md-button, button'),
      color: style.color, backgrounds: backgrounds(el),
      size: parseFloat(style.fontSize), weight: Number(style.fontWeight) || 400,
    });
  }
  const shown = Object.fromEntries(Object.entries(selectors).map(([what, selector]) =>
    [what, [...document.querySelectorAll(selector)].some(rendered)]));
  const controls = [...document.querySelectorAll('a, button, h2')].filter(rendered)
    .map((el) => el.textContent.replace(/\\s+/g, ' ').trim());
  const buttons = [...document.querySelectorAll('.md-typeset .md-button')].filter(rendered).map((el) => {
    const style = getComputedStyle(el);
    return {text: el.textContent.replace(/\\s+/g, ' ').trim(),
            border: `${style.borderTopStyle} ${style.borderTopWidth}`, borderColor: style.borderTopColor};
  });
  const root = getComputedStyle(document.documentElement);
  const events = [...document.querySelectorAll('.site-events > li')].filter(rendered)
    .map((li) => ({title: li.querySelector('a')?.textContent.trim() ?? '', breaks: getComputedStyle(li).breakInside}));
  return {texts, shown, controls, buttons, events, h1: document.querySelector('h1')?.textContent.trim() ?? '',
          rootScheme: root.colorScheme, rootColor: root.color,
          bodyBackground: getComputedStyle(document.body).backgroundColor};
}"""

TRANSITIONS_DONE_JS = """() => Promise.race([
  Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))),
  new Promise((done) => setTimeout(done, 2000)),
])"""


# --- colours (WCAG 2.2 relative luminance and contrast ratio) ----------------------------------------


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)


def _over(top: tuple[float, float, float, float], below: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b, a = top
    return (r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a))


def luminance(rgb: tuple[float, float, float]) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(text: dict[str, Any]) -> tuple[float, tuple[float, float, float], tuple[float, float, float]]:
    """The contrast of a text against the backgrounds behind it, on white paper."""
    behind = (255.0, 255.0, 255.0)
    for layer in text["backgrounds"]:
        behind = _over(_rgba(layer), behind)
    colour = _over(_rgba(text["color"]), behind)
    light, dark = sorted((luminance(colour), luminance(behind)), reverse=True)
    return (light + 0.05) / (dark + 0.05), colour, behind


def _large(text: dict[str, Any]) -> bool:
    """WCAG's large text: 18 pt (24 px), or 14 pt (18.66 px) bold."""
    return bool(text["size"] >= 24 or (text["size"] >= 18.66 and text["weight"] >= 700))


# --- the PDF, read with the standard library ---------------------------------------------------------


def _streams(pdf: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Each object with a stream: its dictionary and its (inflated) data."""
    streams = {}
    for match in re.finditer(rb"(\d+) 0 obj\s*<<((?:(?!endobj).)*?)>>\s*stream\r?\n", pdf, re.S):
        end = pdf.index(b"endstream", match.end())
        data = pdf[match.end() : end]
        if b"/FlateDecode" in match.group(2):
            data = zlib.decompressobj().decompress(data)
        streams[int(match.group(1))] = (match.group(2), data)
    return streams


def _cmap(data: bytes) -> dict[int, str]:
    codes: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                codes[code] = chr(first + offset)
    return codes


_OPERATION = re.compile(rb"/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\b(ET)\b|\[|\]")


def _numbers(count: int) -> bytes:
    return rb"\s+".join([rb"(-?[\d.]+)"] * count)


# Save and restore (q, Q), scale (cm), fill colour (rg), and a rectangle that is filled (re f).
_FILL = re.compile(
    b"|".join(
        [rb"\b(q|Q)\b", _numbers(6) + rb"\s+cm\b", _numbers(3) + rb"\s+rg\b", _numbers(4) + rb"\s+re\s+f\*?(?!\w)"]
    )
)


@dataclass
class Pdf:
    pages: int
    text: str
    fills: list[tuple[float, float]]
    """Areas filled with one colour: (luminance, share of the page it covers)."""


def read_pdf(pdf: bytes) -> Pdf:
    streams = _streams(pdf)
    font_objects = re.findall(rb"(\d+) 0 obj\s*<</Type /Font\s(?:(?!endobj).)*?/ToUnicode (\d+) 0 R", pdf, re.S)
    fonts = {int(number): int(cmap) for number, cmap in font_objects}
    maps = {
        name.decode(): _cmap(streams[fonts[int(obj)]][1])
        for name, obj in re.findall(rb"/(F\d+) (\d+) 0 R", pdf)
        if int(obj) in fonts and fonts[int(obj)] in streams
    }
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    page_area = float(box.group(1)) * float(box.group(2)) if box else 1.0
    text: list[str] = []
    fills: list[tuple[float, float]] = []
    for _, data in streams.values():
        if b"BT" not in data and b" re" not in data:
            continue
        font: dict[int, str] = {}
        for match in _OPERATION.finditer(data):
            if match.group(1):
                font = maps.get(match.group(1).decode(), {})
            elif match.group(2) is not None:
                hexcodes = match.group(2).decode()
                text.append("".join(font.get(int(hexcodes[i : i + 4], 16), "") for i in range(0, len(hexcodes), 4)))
            elif match.group(3):
                text.append("\n")
        scale, stack, colour = 1.0, [], (0.0, 0.0, 0.0)
        for match in _FILL.finditer(data):
            groups = match.groups()
            if groups[0] == b"q":
                stack.append(scale)
            elif groups[0] == b"Q":
                scale = stack.pop() if stack else 1.0
            elif groups[1] is not None:
                a, b, c, d = (float(x) for x in groups[1:5])
                scale *= abs(a * d - b * c)
            elif groups[7] is not None:
                colour = tuple(float(x) * 255 for x in groups[7:10])  # type: ignore[assignment]
            elif groups[10] is not None:
                width, height = float(groups[12]), float(groups[13])
                fills.append((luminance(colour), abs(width * height) * scale / page_area))
    return Pdf(pages=len(re.findall(rb"/Type /Page\b", pdf)), text="".join(text), fills=fills)


# --- the pages, printed ------------------------------------------------------------------------------


@dataclass
class Printed:
    path: str
    scheme: str
    facts: dict[str, Any]
    pdf: bytes


@read_on_each_visit("print")
def print_page(page: Any, visit: Visit) -> Printed:
    """The page in print media, and printed to PDF (while `Site.visit` has it open). The dark scheme
    prints with "Background graphics" on, so that a dark page would show."""
    page.emulate_media(media="print")
    page.evaluate(TRANSITIONS_DONE_JS)  # Material fades colours: read them when they are there
    facts = page.evaluate(PRINTED_FACTS_JS, SCREEN_ONLY)
    pdf = page.pdf(format="A4", print_background=visit.scheme == "dark")
    page.emulate_media(media="screen")
    return Printed(visit.path, visit.scheme, facts, pdf)


@pytest.fixture(scope="module")
def printed(site: Site) -> dict[tuple[str, str], Printed]:
    """Every page type in both schemes, printed; loaded, settled and without a script error, a failed
    or a third-party request."""
    result: dict[tuple[str, str], Printed] = {}
    for scheme in SCHEMES:
        for _, path in PAGES:
            visit = site.visit(path, scheme)
            assert visit.status == 200 and not (visit.page_errors or visit.failed or visit.foreign_requests), visit
            result[(path, scheme)] = visit.reading("print")
    return result


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_screen_only_controls_do_not_print(printed: dict[tuple[str, str], Printed], path: str) -> None:
    facts = printed[(path, "light")].facts
    shown = [what for what, visible in facts["shown"].items() if visible]
    by_text = sorted({text for text in facts["controls"] if SCREEN_ONLY_TEXT.match(text)})
    assert not shown and not by_text, f"{path} prints what only works on a screen: {shown + by_text}"


@pytest.mark.parametrize("path", PAGE_PARAMS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_printed_text_has_enough_contrast(printed: dict[tuple[str, str], Printed], path: str, scheme: str) -> None:
    facts = printed[(path, scheme)].facts
    low = []
    for text in facts["texts"]:
        ratio, colour, behind = contrast(text)
        if ratio < (3.0 if _large(text) else 4.5):
            what = "button" if text["button"] else "text"
            low.append(f"{what} {text['text']!r}: {ratio:.2f}:1 ({colour} on {behind})")
    assert facts["texts"], f"{path}: no text found in print"
    assert not low, f"{path} ({scheme}) prints text with too little contrast:\n  " + "\n  ".join(low)


# Pages whose content has a button: registration, joining, "Zo doe je mee", suggesting a community.
PAGES_WITH_BUTTONS = ["/", "/communities/community-cx/", "/agenda/dd-webinar-december/", "/externe-communities/"]


@pytest.mark.parametrize("path", PAGES_WITH_BUTTONS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_buttons_print_as_dark_text_in_a_dark_frame(
    printed: dict[tuple[str, str], Printed], path: str, scheme: str
) -> None:
    """On paper a button has no coloured background to show it is one; a frame does that."""
    buttons = printed[(path, scheme)].facts["buttons"]
    assert buttons, f"{path} prints no button; has the page changed?"
    for button in buttons:
        style, width = button["border"].split()
        assert style != "none" and float(width.removesuffix("px")) > 0, f"{path}: {button}"
        assert luminance(_rgba(button["borderColor"])[:3]) < 0.2, f"{path}: {button}"


@pytest.mark.parametrize("path", PAGE_PARAMS)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_page_prints_to_a_pdf_with_its_text(printed: dict[tuple[str, str], Printed], path: str, scheme: str) -> None:
    result = printed[(path, scheme)]
    assert result.pdf.startswith(b"%PDF-") and len(result.pdf) > 1000, f"{path}: no PDF"
    pdf = read_pdf(result.pdf)
    assert pdf.pages >= 1, f"{path}: the PDF has no pages"
    heading = re.sub(r"\s+", "", result.facts["h1"])
    assert heading, f"{path}: no h1"
    assert heading in re.sub(r"\s+", "", pdf.text), f"{path}: the h1 {result.facts['h1']!r} is not in the PDF's text"


# Pages with a list of events.
PAGES_WITH_EVENTS = [
    "/",
    "/agenda/",
    "/agenda/archief/",
    "/agenda/online/",
    "/communities/community-cx/",
    "/themas/klantreizen/",
]


@pytest.mark.parametrize("path", PAGES_WITH_EVENTS)
def test_an_event_in_a_list_is_not_split_over_two_sheets(printed: dict[tuple[str, str], Printed], path: str) -> None:
    events = printed[(path, "light")].facts["events"]
    assert events, f"{path} prints no list of events; has the page changed?"
    split = [event["title"] for event in events if event["breaks"] != "avoid"]
    assert not split, f"{path}: these events may break across two sheets: {split}"


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_dark_scheme_prints_light(printed: dict[tuple[str, str], Printed], path: str) -> None:
    facts = printed[(path, "dark")].facts
    assert facts["rootScheme"] != "dark" and luminance(_rgba(facts["rootColor"])[:3]) < 0.2, (
        f"{path}: in print the page is still dark (color-scheme {facts['rootScheme']!r}, text {facts['rootColor']})"
    )
    assert luminance(_rgba(facts["bodyBackground"])[:3]) > 0.8, f"{path}: body {facts['bodyBackground']} in print"
    dark = [(round(lum, 3), round(share, 2)) for lum, share in read_pdf(printed[(path, "dark")].pdf).fills]
    dark = [(lum, share) for lum, share in dark if lum < 0.2 and share > 0.25]
    assert not dark, f"{path}: the dark scheme prints dark areas (luminance, share of the page): {dark}"
