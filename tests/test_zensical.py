"""The fixture site built by Zensical (`make site`, the default builder) against the one MkDocs builds
(`make site BUILDER=mkdocs`), and what makes Zensical the default.

Zensical, the successor of Material for MkDocs, builds the project that `python -m generator render`
writes. These tests hold it to the MkDocs build: every page and file at the same path, every file
but the pages and the sitemap byte for byte, each page's main content, text and navigation, the
sitemap's addresses; and in Chromium axe-core in both colour schemes on every page type, no requests
elsewhere, no script errors, the skip link, the colour scheme toggle. Where Zensical cannot do what
MkDocs does, a test shows what it does instead; the README lists the same. The other gates both
builders pass are in test_html_valid.py (vnu), test_keyboard.py (the walk at five widths) and
test_english.py. Then: the pinned Zensical is the one installed, `make site` builds with it, and the
workflows build pull requests with both and publish the default.

Speed: each site is built once per session (`built_site`, `zensical_site` in conftest.py); each
page type is opened once per colour scheme, with axe-core, in one reused tab per scheme."""

from __future__ import annotations

import html
import importlib.metadata
import json
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
import yaml
from browser_harness import (
    EVENT_PAGE,
    MATERIAL_SCHEME,
    PAGE_SCHEME_PARAMS,
    Site,
    Visit,
    format_violations,
    settle,
)
from html_tree import Element, is_a, parse

from conftest import ROOT, article_text, indexed_pages, require_tool

# Theme assets that only one builder writes: Material's bundles, source maps and lunr languages
# against Zensical's bundles and its two looks, and Zensical's empty search index (its search is off:
# the site has its own). Each pattern must match. The site's search index (pagefind/) is compared below.
MKDOCS_ONLY = [
    r"assets/javascripts/bundle\.\w+\.min\.js(\.map)?",
    r"assets/javascripts/workers/search\.\w+\.min\.js(\.map)?",
    r"assets/javascripts/lunr/.+\.js",
    r"assets/stylesheets/(main|palette)\.\w+\.min\.css(\.map)?",
    r"sitemap\.xml\.gz",  # Zensical writes sitemap.xml only
]
ZENSICAL_ONLY = [
    r"assets/javascripts/LICENSE",
    r"assets/javascripts/bundle\.\w+\.min\.js",
    r"assets/javascripts/workers/search\.\w+\.min\.js",
    r"assets/stylesheets/(classic|modern)/(main|palette)\.\w+\.min\.css",
    r"search\.json",
]
# Zensical's skip link goes to an empty anchor at the top of the content; Material's to the first heading.
ZENSICAL_SKIP_TARGET = '<a id="__skip" tabindex="-1"></a>'


def _files(site: Path) -> set[str]:
    """Every file of the site but the search index (pagefind/), whose chunks are named by their bytes."""
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*")
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


def _only(files: set[str], patterns: list[str]) -> list[str]:
    """The files that no pattern explains, and the patterns that match no file (a list kept narrow)."""
    unexplained = [f for f in sorted(files) if not any(re.fullmatch(p, f) for p in patterns)]
    unused = [p for p in patterns if not any(re.fullmatch(p, f) for f in files)]
    return unexplained + [f"(no file for {p})" for p in unused]


def _pages(site: Path) -> list[str]:
    return sorted(f for f in _files(site) if f.endswith(".html"))


def test_every_page_and_feed_has_the_same_path(built_site: Path, zensical_site: Path) -> None:
    mkdocs, zensical = _files(built_site), _files(zensical_site)
    assert _only(mkdocs - zensical, MKDOCS_ONLY) == []
    assert _only(zensical - mkdocs, ZENSICAL_ONLY) == []
    assert len(_pages(built_site)) > 20 and "agenda.ics" in zensical


def test_every_feed_data_file_and_asset_of_ours_is_byte_identical(built_site: Path, zensical_site: Path) -> None:
    """Every file that both write, but for the pages (below) and the sitemap (whose `lastmod` differs):
    the agenda files, the open data and its schemas, the Atom feed, our stylesheet and script."""
    both = sorted(f for f in _files(built_site) & _files(zensical_site) if not f.endswith((".html", "sitemap.xml")))
    assert {"agenda.ics", "agenda.json", "agenda.xml", "communities.json", "assets/stylesheets/site.css"} <= set(both)
    different = [f for f in both if (built_site / f).read_bytes() != (zensical_site / f).read_bytes()]
    assert different == []


def _article(site: Path, page: str) -> str:
    """The main content's markup with its white space folded, Zensical's skip target left out, and
    each link as the address it leads to (`../../themas/x/` from a page one folder deep is `../themas/x/`)."""
    source = (site / page).read_text(encoding="utf-8").replace(ZENSICAL_SKIP_TARGET, "")
    match = re.search(r"<article[^>]*>(.*?)</article>", source, re.S)
    assert match, f"no <article> in {page}"
    here = f"http://site/{page}"
    linked = re.sub(r'(href|src)="([^"]*)"', lambda m: f'{m.group(1)}="{urljoin(here, m.group(2))}"', match.group(1))
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", linked)).strip()


def _head(page: Path) -> dict[str, list[str]]:
    source = page.read_text(encoding="utf-8")
    return {
        "lang": re.findall(r"<html lang=\"([^\"]*)\"", source),
        "title": re.findall(r"<title>(.*?)</title>", source),
        "description": re.findall(r'<meta name="description" content="([^"]*)"', source),
        "canonical": re.findall(r'<link rel="canonical" href="([^"]*)"', source),
        "edit": re.findall(r'<a href="([^"]*)"[^>]*rel="edit"', source),
    }


def _body_text(page: Path) -> str:
    """All text of the page that can be read: header (with the search dialog, the site's own on both),
    navigation, table of contents, content, footer."""
    source = re.sub(r"<(script|svg|style)\b.*?</\1>", " ", page.read_text(encoding="utf-8"), flags=re.S)
    body = re.search(r"<body[^>]*>(.*)</body>", source, re.S)
    assert body, f"no <body> in {page}"
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body.group(1)))).strip()


def test_each_page_has_the_same_content(built_site: Path, zensical_site: Path) -> None:
    """The same markup in <article> (and so the same text, edit button and links), the same text on
    the whole page (navigation, search, footer), the same title, language, description and address."""
    different = []
    for page in _pages(built_site):
        mkdocs, zensical = built_site / page, zensical_site / page
        same_text = article_text(mkdocs) == article_text(zensical)
        if not same_text or _article(built_site, page) != _article(zensical_site, page):
            different.append(f"{page}: <article>")
        if _body_text(mkdocs) != _body_text(zensical):
            different.append(f"{page}: the text of the page")
        if _head(mkdocs) != _head(zensical):
            different.append(f"{page}: {_head(mkdocs)} != {_head(zensical)}")
    assert different == []
    assert _head(zensical_site / "index.html")["edit"], "the home page has no edit button"


def _navigation(site: Path, page: str) -> list[tuple[str, ...]]:
    """The menu and the page's table of contents as a visitor meets them, in order: each navigation's
    name, each section's label, each link's text and the address it leads to (the home page as "/"),
    and which item is the current page or holds it."""
    here = f"http://site/{page}"
    root = parse((site / page).read_text(encoding="utf-8"))
    found: list[tuple[str, ...]] = []
    for kind in ("md-nav--primary", "md-nav--secondary"):
        menu = root.find(is_a("nav", kind))
        for node in menu.walk() if menu else []:
            if not isinstance(node, Element) or node.tag not in ("nav", "li", "label", "a"):
                continue
            current = " ".join(sorted(c for c in node.classes if c.endswith("--active")))
            if node.tag == "nav":
                found.append((kind, "nav", node.attrs.get("aria-label", "")))
            elif node.tag == "li":
                found.append((kind, "li", current))
            else:
                address = urljoin(here, node.attrs["href"]).removesuffix("index.html") if "href" in node.attrs else ""
                found.append((kind, node.tag, node.text(), address, current, node.attrs.get("aria-label", "")))
    return found


def test_each_page_has_the_same_navigation(built_site: Path, zensical_site: Path) -> None:
    different = [p for p in _pages(built_site) if _navigation(built_site, p) != _navigation(zensical_site, p)]
    assert different == []
    archive = _navigation(zensical_site, "agenda/archief/index.html")
    assert ("md-nav--primary", "a", "Archief", "http://site/agenda/archief/", "md-nav__link--active", "") in archive
    assert len([item for item in archive if item[1] == "a"]) > 10, archive


def test_the_sitemaps_name_the_same_pages(built_site: Path, zensical_site: Path) -> None:
    """Where Zensical differs: its sitemap has no `lastmod` (MkDocs writes the day of the build)."""
    mkdocs, zensical = ((site / "sitemap.xml").read_text(encoding="utf-8") for site in (built_site, zensical_site))
    assert sorted(re.findall(r"<loc>([^<]*)</loc>", mkdocs)) == sorted(re.findall(r"<loc>([^<]*)</loc>", zensical))
    assert "<lastmod>" in mkdocs and "<lastmod>" not in zensical


def test_the_search_index_holds_the_same_pages_and_text(built_site: Path, zensical_site: Path) -> None:
    """One search on both builders: Pagefind indexes each page's main content the same, with the same
    title, date, place, status and weights, so both rank the same. Zensical's own search is off: its
    index has no page."""
    mkdocs, zensical = indexed_pages(built_site), indexed_pages(zensical_site)
    assert len(mkdocs) > 20
    assert mkdocs == zensical
    assert json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))["items"] == []


def test_the_zensical_lock_pins_the_site_lock_the_same() -> None:
    """`make site BUILDER=zensical` installs requirements/zensical.txt over site.txt: it must not
    change a version the site is built with, and it pins the same Zensical as the tests."""

    def pins(name: str) -> dict[str, str]:
        text = (ROOT / "requirements" / name).read_text(encoding="utf-8")
        return dict(re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", text, re.M))

    site, zensical, test = pins("site.txt"), pins("zensical.txt"), pins("test.txt")
    assert {name: version for name, version in zensical.items() if name in site} == site
    assert zensical["zensical"] == test["zensical"]


def _pins(requirements: list[str]) -> dict[str, str]:
    """The exact pins (`name==version`) in a list of requirements."""
    return dict(re.findall(r"^([A-Za-z0-9._-]+)\s*==\s*(\S+)$", "\n".join(requirements), re.M))


def test_the_installed_zensical_is_the_pinned_one() -> None:
    """Zensical changes with every 0.0.x release: the tests prove one version, the one pyproject.toml
    pins exactly in the `zensical` extra (`make site`), and the same in the `test` extra. Every package
    pinned there is checked, so a later `zensical-ui` (README.md) is too once it is added. On a laptop
    without Zensical the test skips; in CI it fails, as it does when another version is installed."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pinned = _pins(extras["zensical"])
    assert "zensical" in pinned, f"pyproject.toml's `zensical` extra pins no exact Zensical: {extras['zensical']}"
    assert {name: _pins(extras["test"]).get(name) for name in pinned} == pinned, "the `test` extra pins another"
    installed: dict[str, str | None] = {}
    for name in pinned:
        try:
            installed[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed[name] = None
    require_tool(None not in installed.values(), "Zensical (requirements/test.txt)")
    assert installed == pinned, f"installed {installed}, pyproject.toml pins {pinned}"


def _make_dry_run(*arguments: str) -> str:
    """What `make site` would run (make -n), with the virtual environment counted as made."""
    made = [
        option for target in (".installed-zensical", ".installed", ".created") for option in ("-o", f".venv/{target}")
    ]
    result = subprocess.run(
        ["make", "-n", "-f", str(ROOT / "Makefile"), *made, "site", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make ontbreekt")
def test_make_site_builds_with_zensical_and_with_mkdocs_when_asked() -> None:
    default, mkdocs = _make_dry_run(), _make_dry_run("BUILDER=mkdocs")
    assert "generator render --out build/zensical" in default and "zensical build --strict" in default
    assert "mkdocs build" not in default
    assert "mkdocs build --strict" in mkdocs and "zensical" not in mkdocs


def test_pull_requests_build_with_both_builders_and_publishing_with_the_default() -> None:
    def runs(workflow: str) -> list[str]:
        data = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))
        return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]

    pull_request, publish = runs("pull-request.yml"), runs("publish.yml")
    assert {"make site BUILDER=mkdocs PYTHON=python", "make site PYTHON=python"} <= set(pull_request)
    assert pull_request.index("make site PYTHON=python") < pull_request.index("make test")  # the preview is Zensical's
    assert [run for run in publish if "site" in run] == [
        "make site PYTHON=python PUBLISHED=https://communities.gebruikercentraal.nl/"
    ]  # the floor: test_stamps.py


# --- in the browser ------------------------------------------------------------------------------
# Marked one by one (not with pytestmark): the tests above need no browser and stay in `make test-fast`.


@pytest.mark.browser
@pytest.mark.parametrize(("path", "scheme"), PAGE_SCHEME_PARAMS)
def test_axe_finds_nothing_and_the_page_stays_local(zensical_pages: Site, path: str, scheme: str) -> None:
    visit = zensical_pages.visit(path, scheme)
    assert visit.status == 200
    assert visit.body_scheme == MATERIAL_SCHEME[scheme]
    assert not visit.axe["violations"], f"{path} ({scheme}):\n{format_violations(visit.axe['violations'])}"
    assert visit.foreign_requests == []
    assert (visit.page_errors, visit.console_errors, visit.failed, visit.dialogs) == ([], [], [], [])


# The menu, on every width, is walked in test_keyboard.py (on both builders).
FOCUS_JS = """() => {
  const el = document.activeElement;
  const toggle = document.querySelector('.md-header button[aria-pressed]');
  return {
    skipLink: el.matches('a.md-skip') && el.getBoundingClientRect().width > 0,
    inContent: !!el.closest('.md-content'),
    onToggle: el === toggle,
    pressed: toggle && toggle.getAttribute('aria-pressed'),
    scheme: document.body.getAttribute('data-md-color-scheme'),
  };
}"""


@pytest.fixture
def tab(zensical_pages: Site) -> Iterator[tuple[Any, Visit]]:
    """A fresh page of its own in the light scheme, for a test that types."""
    visit = Visit("", "light")
    context, page = zensical_pages.new_page("light", visit)
    page.emulate_media(reduced_motion="reduce")  # the drawer opens at once
    yield page, visit
    context.close()
    assert not (visit.page_errors or visit.failed or visit.foreign_requests), visit


def _load(zensical_pages: Site, tab: tuple[Any, Visit], path: str) -> Any:
    page, visit = tab
    visit.path = path
    page.goto(zensical_pages.url(path), wait_until="load")
    settle(page, visit)
    return page


def _press(page: Any, key: str) -> dict[str, Any]:
    page.keyboard.press(key)
    facts: dict[str, Any] = page.evaluate(FOCUS_JS)
    return facts


@pytest.mark.browser
def test_the_skip_link_comes_first_and_leads_into_the_content(zensical_pages: Site, tab: Any) -> None:
    page = _load(zensical_pages, tab, EVENT_PAGE)
    assert _press(page, "Tab")["skipLink"], "the first Tab stop is not the visible skip link"
    page.keyboard.press("Enter")
    assert _press(page, "Tab")["inContent"], "Tab after the skip link did not go on in the content"


@pytest.mark.browser
def test_the_colour_scheme_toggle_works_from_the_keyboard(zensical_pages: Site, tab: Any) -> None:
    page = _load(zensical_pages, tab, "/")
    for _ in range(6):
        facts = _press(page, "Tab")
        if facts["onToggle"]:
            break
    else:
        pytest.fail("Tab did not reach the colour scheme toggle in six steps")
    assert (facts["scheme"], facts["pressed"]) == ("default", "false"), facts
    facts = _press(page, "Space")
    assert (facts["scheme"], facts["pressed"], facts["onToggle"]) == ("slate", "true", True), facts
    facts = _press(page, "Enter")
    assert (facts["scheme"], facts["pressed"]) == ("default", "false"), facts
