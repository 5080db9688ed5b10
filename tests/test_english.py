"""No English in what a visitor reads or hears, on every page that either builder makes (WCAG 3.1.2):
the text, the title and the attributes a screen reader says (browser_harness.SAID_ATTRIBUTES).

The words looked for are the theme's own: every text in the English translation of Material for
MkDocs and of Zensical (partials/languages/en.html, read from the installed packages), which is what a
page shows when a translation is missing, and common English words for what the templates write
themselves. Left out: code, what is marked as another language (an English event's title says
lang="en"). The site's own search dialog is read like the rest of the page.

Two readings: the built HTML of every page of the fixture site by each builder, and, in the browser,
each page type after its scripts ran (what the theme's script adds), from the visits that axe-core
already makes. The real data is not read: an editor may write "customer journey" in Dutch text, and a
pull request that only changes YAML must not turn red without a message at a line."""

from __future__ import annotations

import html
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_harness import PAGE_SCHEME_PARAMS, SAID_ATTRIBUTES, SAID_JS, UNSAID_TAGS
from html_tree import Element, is_a, parse

from conftest import BUILDERS, FIXTURE

THEMES = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
TRANSLATIONS = [
    THEMES / "material" / "templates" / "partials" / "languages" / "en.html",
    THEMES / "zensical" / "templates" / "partials" / "languages" / "en.html",
]
# Keys whose value is no text for a visitor, and "in" (blog.categories.in), which is Dutch as well.
NOT_TEXT = re.compile(r"language|direction|search\.config\..*|blog\.categories\.in")
# What the templates write themselves, in English: the theme's footer ("Made with"), and common words.
COMMON = ["Made with", "the", "with", "and", "your", "our", "this", "contents", "back", "skip", "customer"]


def _theme_texts() -> dict[str, str]:
    """Every text of the themes' English translations, by its key."""
    texts: dict[str, str] = {}
    for file in TRANSLATIONS:
        for key, text in re.findall(r'^\s*"([\w.]+)": "(.*)",?$', file.read_text(encoding="utf-8"), re.M):
            if not NOT_TEXT.fullmatch(key):
                texts[key] = text
    return texts


def _phrase(text: str) -> str:
    """A text as a whole-word pattern; `#` (a number in the theme's texts) is any number."""
    return r"(?<!\w)" + re.escape(text).replace(r"\#", "#").replace("#", r"\d+") + r"(?!\w)"


# The longest first: "Made with" is one find, not "with".
ENGLISH = re.compile("|".join(map(_phrase, sorted({*_theme_texts().values(), *COMMON}, key=len, reverse=True))), re.I)


def test_the_words_come_from_both_themes() -> None:
    """The harness: both translations are read, and the list has what the themes show."""
    texts = _theme_texts()
    assert {texts["action.skip"], texts["top"], texts["toc"], texts["clipboard.copy"]} == {
        "Skip to content",
        "Back to top",
        "On this page",  # Zensical's; Material's is "Table of contents"
        "Copy to clipboard",
    }
    assert texts["action.copy"] == "Copy as Markdown"  # only Zensical has it
    for english in ("Search", "2 matching documents", "Previous", "Edit this page", "Share", "Made with"):
        assert ENGLISH.search(f"Zie: {english}."), english
    for dutch in ("Zoeken", "Ga naar inhoud", "in de agenda", "Vorige", "Bewerk deze pagina"):
        assert not ENGLISH.search(dutch), dutch


def _unsaid(element: Element) -> bool:
    lang = element.attrs.get("lang")
    return element.tag in UNSAID_TAGS or (lang is not None and lang[:2] != "nl")


def said(source: str) -> list[tuple[str, str]]:
    """(where, text) for all a page says, as browser_harness.SAID_JS reads it in the browser."""
    root = parse(source)
    title, body = root.find(is_a("title")), root.find(is_a("body"))
    assert title is not None and body is not None
    found = [("title", title.text())]
    for node in body.walk(_unsaid):
        if isinstance(node, str):
            if node.strip():
                found.append(("text", " ".join(node.split())))
        else:
            found += [(name, node.attrs[name]) for name in SAID_ATTRIBUTES if node.attrs.get(name, "").strip()]
    for node in body.walk():  # a <noscript> holds HTML, for a visitor without JavaScript
        if isinstance(node, Element) and node.tag == "noscript":
            found += said(f"<title></title><body>{node.text()}</body>")[1:]
    return found


def english(texts: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The English words in `texts`, each with where it stands."""
    found: dict[str, list[str]] = defaultdict(list)
    for where, text in texts:
        for match in ENGLISH.finditer(text):
            found[match.group(0)].append(f"{where}: {text[:80]!r}")
    return dict(found)


# English in text, in an attribute and in the title; in code, in a part marked English and in the search.
HARNESS_PAGE = """<html><head><title>Agenda</title></head><body>
  <p>Lees <a href="#" title="Back to top">dit</a>. <span aria-label="Search">⌕</span> Made with love</p>
  <p><code>created</code> <span lang="en">Forms and letters</span> <span lang="nl-NL">Zoek</span></p>
  <div class="md-search"><input placeholder="Search"></div></body></html>"""


def test_the_reading_finds_english_where_a_visitor_meets_it() -> None:
    """The harness: what is found, and what is not."""
    assert english(said(HARNESS_PAGE)) == {
        "Back to top": ["title: 'Back to top'"],
        "Search": ["aria-label: 'Search'", "placeholder: 'Search'"],
        "Made with": ["text: 'Made with love'"],
    }


@pytest.mark.browser
def test_the_browser_reads_what_the_html_says(browser: Any) -> None:
    """The harness: SAID_JS in the browser reads the same as `said` from the HTML, and what a
    script adds later (into an open shadow root too)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(HARNESS_PAGE)
        assert page.evaluate(SAID_JS) == [list(item) for item in said(HARNESS_PAGE)]
        page.evaluate("""() => {
          const add = (html) => { const host = document.createElement('div'); document.body.append(host);
                                  host.attachShadow({mode: 'open'}).innerHTML = html; };
          add('<button aria-label="Clear">x</button>');
          add('<dialog><input role="combobox" placeholder="Search"></dialog>');
        }""")
        assert english([tuple(item) for item in page.evaluate(SAID_JS)]).keys() == {
            "Back to top",
            "Search",
            "Made with",
            "Clear",
        }
    finally:
        context.close()


@pytest.mark.parametrize("builder", BUILDERS)
def test_no_page_says_anything_in_english(builder: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(BUILDERS[builder]["built"])
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    found = {str(page.relative_to(site)): english(said(page.read_text(encoding="utf-8"))) for page in pages}
    assert {page: words for page, words in found.items() if words} == {}


@pytest.mark.browser
@pytest.mark.parametrize(("path", "scheme"), PAGE_SCHEME_PARAMS)
@pytest.mark.parametrize("builder", BUILDERS)
def test_no_page_says_anything_in_english_once_its_scripts_ran(
    builder: str, path: str, scheme: str, request: pytest.FixtureRequest
) -> None:
    pages: Any = request.getfixturevalue(BUILDERS[builder]["pages"])
    visit = pages.visit(path, scheme)
    assert len(visit.said) > 20 and visit.said[0][0] == "title", visit.said[:3]
    assert english(visit.said) == {}


def _english_titles() -> list[str]:
    """The titles of the fixture's events in English."""
    events = yaml.safe_load((FIXTURE / "events.yaml").read_text(encoding="utf-8"))["events"]
    titles = [event["title"] for event in events if event.get("language") == "en"]
    assert len(titles) >= 2, titles
    return titles


def unmarked_titles(texts: list[tuple[str, str]], titles: list[str]) -> list[str]:
    """Where a title in `titles` stands in what a page says, outside a part marked as another language
    (`said` leaves those out). The document's title is one text and has one language: left out."""
    return [f"{where}: {text[:80]!r}" for where, text in texts[1:] for title in titles if title in text]


def test_the_reading_finds_an_english_title_without_lang() -> None:
    page = """<html><head><title>Forms (dinsdag)</title></head><body>
      <span class="md-ellipsis"><span lang="en">Forms</span> (dinsdag)</span>
      <a href="#">Forms</a> <a href="#" aria-label="Lees Forms">x</a></body></html>"""
    assert unmarked_titles(said(page), ["Forms"]) == ["text: 'Forms'", "aria-label: 'Lees Forms'"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_an_english_event_title_is_marked_english_wherever_it_stands(
    builder: str, request: pytest.FixtureRequest
) -> None:
    """The top bar (once the page has scrolled), the lists of events, the event's own page: a screen
    reader speaks an English title in English (WCAG 3.1.2). The search results say so from the index
    (test_search.py)."""
    site: Path = request.getfixturevalue(BUILDERS[builder]["built"])
    titles = _english_titles()
    found = {}
    for page in sorted(site.rglob("*.html")):
        source = page.read_text(encoding="utf-8")
        if any(html.escape(title) in source for title in titles):
            found[str(page.relative_to(site))] = unmarked_titles(said(source), titles)
    assert len(found) >= 5, sorted(found)  # the event pages, the agenda, a community, a theme, home
    assert {page: places for page, places in found.items() if places} == {}
