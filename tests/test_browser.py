"""The built fixture site in a real browser (Chromium through Playwright): axe-core's WCAG 2.2 AA
rules on every page type in the light and the dark colour scheme, no requests to other hosts, no
script errors, a working skip link, a sane heading outline, visible keyboard focus and a working
search. The harness (pages, visits, server) is in browser_harness.py, the fixtures in conftest.py."""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_harness import (
    EVENT_PAGE,
    FIXTURES,
    FOCUS_JS,
    MATERIAL_SCHEME,
    PAGE_PARAMS,
    PAGE_SCHEME_PARAMS,
    PAGES,
    SCHEMES,
    TAB_SIZE,
    Site,
    Visit,
    after_effects,
    format_violations,
    luminance,
    read_on_each_visit,
    serve,
    settle,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from conftest import REPORT, make_project, run_mkdocs

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

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
        f"({scheme}):\n{format_violations(violations)}"
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


# A host name, and an address that needs no name: neither may be reached.
ELSEWHERE = ["https://example.org/script.js", "http://192.0.2.1/image.png"]
FETCH_JS = """(urls) => Promise.all(urls.map((url) => Promise.race([
  fetch(url, {mode: 'no-cors'}).then(() => 'reached', () => 'refused'),
  new Promise((done) => setTimeout(() => done('still waiting after 3 s'), 3000)),
])))"""


def test_a_request_to_another_host_is_recorded_and_refused(site: Site) -> None:
    """The harness itself: the browser reaches no other host (CHROMIUM_ARGS), and `watch` records the
    attempt, so the tests above can see one."""
    visit, why = Visit("/", "light"), []
    context, page = site.new_page("light", visit)
    page.on("requestfailed", lambda request: why.append(request.failure))
    try:
        page.goto(site.url("/"), wait_until="load")
        outcomes = page.evaluate(FETCH_JS, ELSEWHERE)
        page.evaluate("0")  # the answer comes after the page's events: all requests are recorded
    finally:
        context.close()
    assert outcomes == ["refused", "refused"]
    assert visit.foreign_requests == ELSEWHERE
    # Refused by the browser, on a computer with internet too: not by a network that is not there.
    assert why == ["net::ERR_PROXY_CONNECTION_FAILED"] * 2


@pytest.mark.parametrize(("path", "scheme"), PAGE_SCHEME_PARAMS)
def test_colour_scheme_follows_the_system_setting(site: Site, path: str, scheme: str) -> None:
    """Without this the dark run of axe would check the light pages twice."""
    visit = site.visit(path, scheme)
    assert visit.body_scheme == MATERIAL_SCHEME[scheme], (
        f"{path}: prefers-color-scheme {scheme} gave data-md-color-scheme={visit.body_scheme!r}"
    )
    shade = luminance(visit.background or "rgb(0, 0, 0)")
    if scheme == "dark":
        assert shade < 0.2, f"{path}: dark scheme but the body background is {visit.background}"
    else:
        assert shade > 0.8, f"{path}: light scheme but the body background is {visit.background}"


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
        for before, after in itertools.pairwise(headings)
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


HEADER_NAMES_JS = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return [...document.querySelectorAll('.md-header__topic .md-ellipsis')].map((el) => {
    const box = el.getBoundingClientRect();
    return {
      text: el.textContent.trim(), shown: el.getClientRects().length > 0,
      cut: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight,
      inHeader: box.top >= header.top && box.bottom <= header.bottom, fontPx: parseFloat(getComputedStyle(el).fontSize),
    };
  });
}"""


@pytest.mark.parametrize("width", [320, 375, 600, 1280])
def test_site_name_in_the_header_is_whole_on_a_phone(site: Site, width: int) -> None:
    """Material cut the site name to "Community's van…" on a phone; at 320 px wide (400 % zoom) too
    the whole name must show, inside the header, in letters no smaller than 13 px. Below 720 px the
    header keeps the site's name only (site.css says why); from 720 px the page's name takes its
    place once the h1 has scrolled away, and is whole too."""
    visit = Visit("/communities/", "light")
    context, page = site.new_page("light", visit)
    try:
        page.set_viewport_size({"width": width, "height": 740})
        page.goto(site.url("/communities/"), wait_until="load")
        settle(page, visit)
        names = page.evaluate(HEADER_NAMES_JS)
    finally:
        context.close()
    assert len(names) == 2, names  # the site's name, and the page's name once the h1 has scrolled away
    assert names[0]["shown"] and names[1]["shown"] == (width >= 720), f"{width} px: {names}"
    for name in names:
        if name["shown"]:
            assert not name["cut"] and name["inHeader"] and name["fontPx"] >= 13, f"{width} px: {name}"


SIDEWAYS_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll("body *")].filter((el) =>
    el.offsetParent !== null && getComputedStyle(el).position !== "fixed"
    && el.getBoundingClientRect().right > width + 1);
  return {scroll: document.documentElement.scrollWidth, width,
          out: out.slice(0, 3).map((el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""))};
}"""


@read_on_each_visit("320 px wide", schemes=("light",))
def at_320_px(page: Any, visit: Visit) -> dict[str, Any]:
    """What is wider than the page at 320 px (while `Site.visit` has it open)."""
    page.set_viewport_size({"width": 320, "height": 740})
    found: dict[str, Any] = page.evaluate(SIDEWAYS_JS)
    page.set_viewport_size(TAB_SIZE)
    return found


def test_no_page_scrolls_sideways_at_320_px(site: Site) -> None:
    """WCAG 1.4.10 (reflow): at 320 px wide, the width of a phone at 400 % zoom, every page fits
    without scrolling sideways. A fieldset that grew to its widest select broke this on /agenda/."""
    wide = {}
    for _, path in PAGES:
        found = site.visit(path, "light").reading("320 px wide")
        if found["scroll"] > found["width"]:
            wide[path] = found
    assert not wide, wide


# --- search -----------------------------------------------------------------------------------------


def search(site: Site, term: str) -> tuple[Visit, list[str]]:
    """Types `term` in the site's search on the home page; the visit records what happened."""
    visit = Visit("/", "light")
    context, page = site.new_page("light", visit)
    try:
        page.goto(site.url("/"), wait_until="load")
        settle(page, visit)
        page.locator(".site-search-button").click()
        page.locator("#site-search-field").press_sequentially(term, delay=50)
        page.locator(".site-search__result").first.wait_for(state="visible", timeout=10000)
        after_effects(page, visit)  # let anything a result might run, run
        results = page.locator(".site-search__result").all_inner_texts()
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
        settle(page, visit)
        page.mouse.move(300, 300)
        after_effects(page, visit)
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
                        problems.append(f"{path} ({scheme}): {format_violations([rule])}")
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
    rules: set[str] = set()
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
          ['.md-header', '.md-sidebar--primary', '.md-footer', '.site-subscribe', '.site-facts', 'h1']
            .map((selector) => [selector, getComputedStyle(document.querySelector(selector)).display !== 'none']))""")
        after = page.evaluate(
            "getComputedStyle(document.querySelector('.site-event-page a.md-button--primary'), '::after').content"
        )
    finally:
        context.close()
    assert shown == {
        ".md-header": False,
        ".md-sidebar--primary": False,
        ".md-footer": False,
        ".site-subscribe": False,
        ".site-facts": True,
        "h1": True,
    }
    assert "https://example.org/dd/webinar" in after  # the sign-up address is printed with the link
