"""The site's own search (generator/search/, partials/site-search*.html, site.js) as a person uses it, on
both builders: the fixture site built by MkDocs (`built_site`) and by Zensical (`zensical_site`), at
320 and 1280 px, in the light and the dark scheme. From the top of a page Tab reaches the button
"Zoeken", Enter opens the dialog with the focus in its field; a word of an event's title finds that
event first, with its date and place; a polite live region says how many results there are, in
Dutch; the arrow keys and Tab go through the results in order; Escape closes the dialog and puts
the focus back on the button. With the results shown axe-core finds nothing, nothing in the dialog
is English, and no request leaves the site. Without JavaScript the button is gone and links to the
agenda and the lists take its place. Then what Pagefind holds and how it ranks: only the main
content, an event's title above a passing mention, one still to come above one that is over, and
the same bytes from the same site.

Speed: per builder, size and scheme one page is loaded, searched once, and the tests of that look
(module scope, in the order of this file) read and walk the same open dialog; Escape, which closes
it, comes last."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
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
    Visit,
    format_violations,
    serve,
    settle,
    watch,
)

from conftest import FIXTURE_UPCOMING, indexed_pages
from generator.search.indexing import BUNDLE, index_site

BUILDERS = ["mkdocs", "zensical"]
WIDTHS = [320, 1280]
LOOKS = [
    pytest.param((builder, scheme, width), id=f"{builder}-{scheme}-{width}")
    for builder in BUILDERS
    for scheme in SCHEMES
    for width in WIDTHS
]
START = "/agenda/"
# A word of the title of one event, still to come (cx-zomertijd, 28 March 2027; the fixture's "now" is
# 29 November 2026), and a word that a past and an upcoming event share in their titles.
TERM, EVENT = "zomertijd", "/agenda/cx-zomertijd/"
SHARED, UPCOMING, PAST = "klantreizen", "/agenda/cx-zomertijd/", "/agenda/cx-terugblik/"

DAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
DUTCH_DATE = re.compile(rf"\b(?:{DAYS}) \d{{1,2}} (?:{MONTHS}) \d{{4}}\b")
COUNT = re.compile(r"(?:(\d+) resultaten|(1) resultaat) voor “([^”]+)”|Geen resultaten voor “([^”]+)”\..*")
# Words of the English that search interfaces show (Pagefind's, Material's, Zensical's own), but for
# those that are Dutch too ("of", "open"): none of them may be shown or said in the dialog.
ENGLISH = {
    "search", "results", "result", "close", "clear", "load", "more", "found", "no", "the", "for", "type",
    "filters", "filter", "all", "page", "pages", "loading", "error", "press", "navigate", "select",
    "showing", "matches", "match", "to", "and", "esc",
}  # fmt: skip

# --- what the tests read from the page --------------------------------------------------------------

FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(), href: el.getAttribute('href') || '', id: el.id,
    name: (el.getAttribute('aria-label') || el.textContent).replace(/\\s+/g, ' ').trim(),
    isButton: el.classList.contains('site-search-button'),
    isField: el.matches('#site-search input[type=search]'),
    isResult: el.matches('#site-search .site-search__results a'),
    inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight
            && box.left >= 0 && box.right <= innerWidth,
  };
}"""
OPEN_JS = "() => { const d = document.getElementById('site-search'); return !!d && d.open && d.matches(':modal'); }"
RESULTS_JS = """() => [...document.querySelectorAll('#site-search .site-search__result')].map((item) => ({
  href: item.querySelector('a').getAttribute('href'),
  title: item.querySelector('a').textContent.trim(),
  facts: (item.querySelector('.site-search__facts') || {textContent: ''}).textContent.trim(),
  // The facts as a screen reader reads them: without what is aria-hidden.
  read: (() => { const facts = item.querySelector('.site-search__facts')?.cloneNode(true);
    facts?.querySelectorAll('[aria-hidden=true]').forEach((el) => el.remove());
    return facts ? facts.textContent.replace(/\\s+/g, ' ').trim() : ''; })(),
  described: (item.querySelector('a').getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent.trim() || '(missing)'),
}))"""
STATUS_JS = """() => { const el = document.querySelector('#site-search [role=status]');
  return el && {text: el.textContent.trim(), live: el.getAttribute('aria-live') || 'polite'}; }"""
# Everything the dialog and its button show or say that is the site's own, not the pages' text found:
# text nodes outside the results' titles and excerpts, and the names, descriptions and hints of elements.
CHROME_JS = """() => {
  const dialog = document.getElementById('site-search');
  const button = document.querySelector('.site-search-button');
  const said = [];
  const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest('.site-search__link, .site-search__excerpt')) said.push(node.textContent);
  }
  for (const el of [button, dialog, ...dialog.querySelectorAll('*')]) {
    for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription']) {
      if (el.getAttribute(name)) said.push(el.getAttribute(name));
    }
  }
  said.push(button.textContent);
  return said.join(' ');
}"""


@dataclass
class Searched:
    """One page of one builder at one size and scheme, searched for TERM from the keyboard: the tests of
    that look read and walk it, in the order of this file."""

    base: str
    page: Any
    visit: Visit
    tabs: list[str] = field(default_factory=list)
    """Where each Tab from the top of the page went, up to the search button."""
    opened: dict[str, Any] | None = None
    """What had the focus after Enter on the button."""


@pytest.fixture(scope="module")
def sites(built_site: Path, zensical_site: Path) -> dict[str, Path]:
    return {"mkdocs": built_site, "zensical": zensical_site}


@pytest.fixture(scope="module")
def bases(served_site: str, zensical_site: Path) -> Iterator[dict[str, str]]:
    with serve(zensical_site) as zensical:
        yield {"mkdocs": served_site, "zensical": zensical}


def _context(browser: Any, scheme: str, width: int, **options: Any) -> tuple[Any, Any]:
    context = browser.new_context(
        color_scheme=scheme,
        viewport={"width": width, "height": 700},
        locale="nl-NL",
        service_workers="block",
        **options,
    )
    return context, context.new_page()


@pytest.fixture(scope="module", params=LOOKS)
def searched(request: pytest.FixtureRequest, browser: Any, bases: dict[str, str]) -> Iterator[Searched]:
    builder, scheme, width = request.param
    context, page = _context(browser, scheme, width)
    context.add_init_script(path=str(AXE))
    visit = Visit(START, scheme)
    watch(page, lambda: visit)
    done = Searched(bases[builder], page, visit)
    try:
        page.goto(done.base + START, wait_until="load")
        settle(page, visit)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == MATERIAL_SCHEME[scheme]
        for _ in range(15):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED_JS)
            done.tabs.append(f"{focused['tag']} {focused['name']!r}" if focused else "nothing")
            if focused and focused["isButton"]:
                page.keyboard.press("Enter")
                page.wait_for_function(OPEN_JS, timeout=3000)
                done.opened = page.evaluate(FOCUSED_JS)
                page.keyboard.type(TERM)
                _wait_for_results(page, TERM)
                break
        yield done
    finally:
        context.close()


def _wait_for_results(page: Any, term: str) -> None:
    """Until the live region speaks of `term` and the list shows its results."""
    page.wait_for_function(
        """(term) => { const s = document.querySelector('#site-search [role=status]');
          return s && s.textContent.includes('“' + term + '”'); }""",
        arg=term,
        timeout=10000,
    )
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


@pytest.fixture
def look(searched: Searched) -> Iterator[Searched]:
    """The searched page; after each test no script error, failed request or request elsewhere."""
    assert searched.opened is not None, f"Tab from the top never reached the button 'Zoeken': {searched.tabs}"
    yield searched
    searched.page.evaluate("0")  # the page's events before this answer have reached Python
    visit = searched.visit
    problems = (visit.page_errors, visit.console_errors, visit.failed, visit.foreign_requests, visit.dialogs)
    assert problems == ([], [], [], [], []), problems


# --- the searched dialog, per builder, size and scheme --------------------------------------------------


@pytest.mark.browser
def test_tab_reaches_the_button_and_enter_opens_the_dialog_at_the_field(look: Searched) -> None:
    assert look.tabs[-1] == "button 'Zoeken'", look.tabs
    assert look.opened and look.opened["isField"] and look.opened["inView"], look.opened
    label = look.page.evaluate("() => document.querySelector('#site-search input[type=search]').labels[0]?.textContent")
    assert label and label.strip() == "Zoek op een woord"


@pytest.mark.browser
def test_a_word_of_the_title_finds_the_event_first_with_its_date_and_place(look: Searched) -> None:
    results = look.page.evaluate(RESULTS_JS)
    assert results, "no results"
    first = results[0]
    assert urlsplit(first["href"]).path == EVENT, results
    assert first["title"] == "Klantreizen op de dag van de zomertijd"
    assert DUTCH_DATE.search(first["facts"]) and "Online" in first["facts"], first
    assert first["facts"] in first["described"], "the date and place are not tied to the link"
    assert "van 10.00 tot 12.00 uur" in first["read"] and "–" not in first["read"], first  # not read with a dash
    # The result's link leads to the page.
    response = look.page.request.get(look.base + first["href"])
    assert response.status == 200


@pytest.mark.browser
def test_the_number_of_results_is_said_politely_in_dutch(look: Searched) -> None:
    status = look.page.evaluate(STATUS_JS)
    results = look.page.evaluate(RESULTS_JS)
    assert status and status["live"] == "polite", status
    said = COUNT.fullmatch(status["text"])
    assert said, f"not Dutch with a count: {status['text']!r}"
    number = int(said.group(1) or said.group(2))
    assert said.group(3) == TERM and number == len(results) == 1, (status, results)


@pytest.mark.browser
def test_nothing_in_the_dialog_is_english(look: Searched) -> None:
    words = set(re.findall(r"[a-z]+", look.page.evaluate(CHROME_JS).lower()))
    assert not words & ENGLISH, f"English in the search: {sorted(words & ENGLISH)}"


@pytest.mark.browser
def test_axe_finds_nothing_with_the_results_shown(look: Searched) -> None:
    assert look.page.evaluate(OPEN_JS)
    report = look.page.evaluate(AXE_RUN_JS, AXE_TAGS)
    assert report["passes"], "axe reported no passing rules; did it run?"
    assert not report["violations"], format_violations(report["violations"])


@pytest.mark.browser
def test_arrows_and_tab_go_through_the_results_in_order(look: Searched) -> None:
    """With more than one result: the shared word, whose upcoming event comes before the past one. The
    arrow keys go from the field down the list and back up to the field; Tab from the field goes down
    the list in the same order."""
    page = look.page
    page.focus("#site-search input[type=search]")
    page.keyboard.press("Control+A")
    page.keyboard.type(SHARED)
    _wait_for_results(page, SHARED)
    hrefs = [item["href"] for item in page.evaluate(RESULTS_JS)]
    assert len(hrefs) >= 3, hrefs
    plural = COUNT.fullmatch(page.evaluate(STATUS_JS)["text"])
    assert plural and plural.group(1) == str(len(hrefs)), page.evaluate(STATUS_JS)
    paths = [urlsplit(href).path for href in hrefs]
    assert paths.index(UPCOMING) < paths.index(PAST), f"the past event comes first: {paths}"
    for key in ("ArrowDown", "Tab"):
        page.focus("#site-search input[type=search]")
        for href in hrefs:
            page.keyboard.press(key)
            focused = page.evaluate(FOCUSED_JS)
            assert focused and focused["isResult"] and focused["href"] == href, (key, focused, hrefs)
            assert focused["inView"], f"{key}: the focused result is not scrolled into view: {focused}"
    for _ in hrefs:
        page.keyboard.press("ArrowUp")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["isField"], f"ArrowUp from the first result went to {focused}"
    # After the last result (fewer than ten: no "Toon meer"), Tab reaches the agenda, where one chooses
    # by community, theme or kind.
    page.focus("#site-search .site-search__result:last-child a")
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["name"] == "Kies ze in de agenda", focused
    assert urlsplit(page.evaluate("document.activeElement.href")).path == START and focused["inView"], focused


@pytest.mark.browser
def test_escape_closes_and_the_focus_returns_to_the_button(look: Searched) -> None:
    page = look.page
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    page.wait_for_function(f"() => !({OPEN_JS})()", timeout=3000)
    focused = page.evaluate(FOCUSED_JS)
    assert focused and focused["isButton"], f"after Escape the focus is on {focused}"


# --- without JavaScript --------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("builder", BUILDERS)
@pytest.mark.parametrize("width", WIDTHS)
def test_without_javascript_links_stand_in_for_the_search(
    browser: Any, bases: dict[str, str], builder: str, width: int
) -> None:
    context, page = _context(browser, "light", width, java_script_enabled=False)
    try:
        base = bases[builder]
        page.goto(base + START, wait_until="load")
        assert not page.locator(".site-search-button").is_visible(), "a search button that cannot work"
        summary = page.locator(".site-search-fallback > summary")
        assert summary.is_visible() and summary.inner_text().strip() == "Zoeken"
        summary.focus()
        page.keyboard.press("Enter")
        links = page.locator(".site-search-fallback__panel a")
        texts = [text.strip() for text in links.all_inner_texts()]
        assert {"Agenda", "Archief van de agenda", "Community's", "Thema's", "Online evenementen"} <= set(texts)
        assert links.first.is_visible()
        for address in links.evaluate_all("(links) => links.map((link) => link.href)"):
            assert page.request.get(address).status == 200, address
    finally:
        context.close()


# --- the ranking, in the browser, on both builders -------------------------------------------------------

RANK_JS = """async (terms) => {
  const button = document.querySelector('.site-search-button');
  const pagefind = await import(new URL(button.dataset.siteSearch, document.baseURI).href);
  await pagefind.options({ranking: {termFrequency: 0}});
  const out = {};
  for (const term of terms) {
    const search = await pagefind.search(term);
    out[term] = (await Promise.all(search.results.map((result) => result.data())))
      .map((data) => ({url: data.url, title: data.meta.title}));
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("builder", BUILDERS)
def test_titles_beat_mentions_and_upcoming_beats_past(
    browser: Any, sites: dict[str, Path], bases: dict[str, str], builder: str
) -> None:
    """For every word of an event's title (6 letters or more): each page with the word in its title
    comes before every page that only mentions it; and for the word that a past and an upcoming
    event share, the upcoming one comes first. site.js asks Pagefind with the same option."""
    words = sorted(
        {
            word
            for page in indexed_pages(sites[builder]).values()
            for word in re.findall(r"\w{6,}", page["meta"].get("title", "").lower())
            if page["url"].startswith("/agenda/") and page["meta"].get("datum")
        }
    )
    assert SHARED in words and len(words) > 8, words
    context, page = _context(browser, "light", 1280)
    try:
        page.goto(bases[builder] + "/", wait_until="load")
        found = page.evaluate(RANK_JS, words)
    finally:
        context.close()
    for word, results in found.items():
        titled = [word[:6] in result["title"].lower() for result in results]
        assert titled and titled[0], (word, results)
        assert titled == sorted(titled, reverse=True), f"{word}: a mention ranks above a title: {results}"
    urls = [result["url"] for result in found[SHARED]]
    assert urls.index(UPCOMING) < urls.index(PAST), urls


# --- what Pagefind holds ----------------------------------------------------------------------------


def test_only_the_main_content_is_indexed(built_site: Path) -> None:
    """Not the header, the menu, the footer or the dialog; not the lists of events (each event is found
    on its own page), the filter form or the blocks to subscribe; not the 404 page."""
    pages = indexed_pages(built_site)
    agenda = pages["/agenda/"]["content"]
    assert agenda.startswith("Agenda. Hier staan alle evenementen"), agenda[:80]
    everything = " ".join(page["content"] for page in pages.values())
    for outside in ("Zoeken op de site", "Zoek op een woord", "Ga naar inhoud", "Community's van Gebruiker Centraal"):
        assert outside not in everything, outside
    for left_out in (
        "Webinar duidelijke",
        "Kies wat je ziet",
        "Abonneren op deze agenda",
        "Hulp bij abonneren",
    ):
        assert left_out not in agenda, left_out
    assert "Zet dit evenement in je agenda" not in pages[EVENT]["content"]
    assert not any("404" in url for url in pages)
    assert len(pages) == len([page for page in built_site.rglob("index.html")])


def test_an_event_brings_its_date_place_and_status(built_site: Path) -> None:
    pages = indexed_pages(built_site)
    assert pages[UPCOMING]["meta"] == {
        "title": "Klantreizen op de dag van de zomertijd",
        "datum": "zondag 28 maart 2027, 10.00–12.00 uur",
        "plaats": "Online",
    }
    assert pages[PAST]["meta"]["status"] == "Voorbij"
    assert pages["/agenda/dd-geannuleerd/"]["meta"]["status"] == "Gaat niet door"
    assert pages["/agenda/forms-and-letters/"]["filters"] == {"taal": ["en"]}
    assert pages[UPCOMING]["filters"] == {}


def test_no_filter_has_two_values(built_site: Path, zensical_site: Path) -> None:
    """Pagefind writes a filter with two or more values in another order on every run (search/ranking.py),
    and then the same site no longer gives the same bytes. The fixture has an event in English, so the
    one filter there is, the language, is in the index."""
    for site in (built_site, zensical_site):
        values: dict[str, set[str]] = {}
        for page in indexed_pages(site).values():
            for key, found in page["filters"].items():
                values.setdefault(key, set()).update(found)
        assert values == {"taal": {"en"}}, values


def test_the_index_is_the_same_bytes_from_the_same_site(built_site: Path, tmp_path: Path) -> None:
    """The plugin's index of the fixture site, and a second one of a copy: byte for byte the same, and
    a third run over the same folder leaves nothing of the run before."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    (copy / BUNDLE / "fragment" / "nl_weg.pf_fragment").write_bytes(b"old")
    index_site(copy)
    index_site(copy)
    first, second = (
        {
            path.relative_to(site / BUNDLE).as_posix(): path.read_bytes()
            for path in (site / BUNDLE).rglob("*")
            if path.is_file()
        }
        for site in (built_site, copy)
    )
    assert len(first) > 20 and "pagefind.js" in first
    assert first == second
    assert not any("ui" in name.split("/")[-1].split(".")[0].split("-") for name in first), sorted(first)


def test_event_pages_weigh_upcoming_then_cancelled_then_past(built_site: Path) -> None:
    """The weights Pagefind reads from each event page (search/ranking.py): its title far above its
    text, and for the same words an upcoming event above a cancelled one, above one that is over."""
    weights = {}
    for page in (built_site / "agenda").glob("*/index.html"):
        source = page.read_text(encoding="utf-8")
        title = re.search(r'<h1 id="inhoud"[^>]* data-pagefind-weight="([\d.]+)"', source)
        text = re.search(r'<div class="site-page site-event-page" data-pagefind-weight="([\d.]+)"', source)
        if title and text:
            weights[page.parent.name] = (float(title.group(1)), float(text.group(1)))
    upcoming, cancelled, past = weights["dd-webinar-december"], weights["dd-geannuleerd"], weights["cx-terugblik"]
    assert len(weights) == 8 and set(weights) >= set(FIXTURE_UPCOMING)
    assert upcoming > cancelled > past, (upcoming, cancelled, past)
    assert all(title >= 5 * text for title, text in weights.values()), weights
    assert all(weights[event] == upcoming for event in FIXTURE_UPCOMING if event != "dd-geannuleerd")
