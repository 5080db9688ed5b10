"""The pages as a screen reader meets them: Chromium's accessibility tree (CDP
`Accessibility.getFullAXTree`) of every page type, not the HTML.

What is checked, per page and builder: one h1 and no skipped heading levels; heading names without
the "¶" of a permalink; every landmark named in Dutch, no two landmarks of one kind with the same
name, and none empty; one main, which holds the page and not the site's menu, and no navigation
inside another (a section of the menu was a landmark "Agenda" of its own); no dialog while none is
open (the closed search); a time range read as "van 14.00 tot 16.00 uur", not with a dash a screen reader
skips; no two links with the same name that lead to different places (WCAG 2.4.4 and 2.4.6); and
across the site, no two pages with the same title (the name of the document).

The tree is read while `Site.visit` has the page open (the fixture `site` in conftest.py, the pages
in browser_harness.py)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from browser_harness import PAGE_PARAMS, PAGES, Visit, read_on_each_visit

from conftest import BUILDERS

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

# Roles that are landmarks in Chromium's tree (a form and a region only with a name, see Page.landmarks).
LANDMARKS = {"banner", "complementary", "contentinfo", "form", "main", "navigation", "region", "search"}
# Landmarks a page has once at most, so they need no name of their own to tell them apart.
UNIQUE_LANDMARKS = {"banner", "main", "contentinfo", "search"}
# Words that show a landmark name is English (Material's own English texts among them).
ENGLISH = {
    "header", "footer", "navigation", "search", "table", "contents", "tabs", "main", "skip", "sidebar",
    "breadcrumb", "breadcrumbs", "language", "primary", "secondary", "previous", "next", "share", "clear",
}  # fmt: skip


@dataclass
class Node:
    role: str
    name: str
    ignored: bool
    level: int | None = None
    url: str | None = None
    children: list[Node] = field(default_factory=list)

    def descendants(self) -> list[Node]:
        found = []
        for child in self.children:
            found.append(child)
            found.extend(child.descendants())
        return found

    def shown(self) -> list[Node]:
        """The descendants a screen reader announces: not ignored (hidden, aria-hidden, or without meaning)."""
        return [node for node in self.descendants() if not node.ignored]


@read_on_each_visit("accessibility tree", schemes=("light",), builders=tuple(BUILDERS))
def read_tree(page: Any, visit: Visit) -> Node:
    """Chromium's full accessibility tree of the page, as Nodes (read by `Site.visit`)."""
    cdp = page.context.new_cdp_session(page)
    try:
        raw = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    nodes: dict[str, Node] = {}
    for item in raw:
        properties = {p["name"]: p["value"].get("value") for p in item.get("properties", [])}
        nodes[item["nodeId"]] = Node(
            role=(item.get("role") or {}).get("value", ""),
            name=re.sub(r"\s+", " ", str((item.get("name") or {}).get("value", ""))).strip(),
            ignored=bool(item.get("ignored")),
            level=properties.get("level"),
            url=properties.get("url"),
        )
    for item in raw:
        nodes[item["nodeId"]].children = [nodes[c] for c in item.get("childIds", []) if c in nodes]
    return nodes[raw[0]["nodeId"]]


@dataclass
class Page:
    path: str
    tree: Node

    @property
    def title(self) -> str:
        return self.tree.name

    def of_role(self, *roles: str) -> list[Node]:
        return [node for node in self.tree.shown() if node.role in roles]

    def landmarks(self) -> list[Node]:
        """A form or a region is a landmark only when it has a name; Chromium gives both roles anyway."""
        return [node for node in self.of_role(*LANDMARKS) if node.name or node.role not in ("form", "region")]


@pytest.fixture(scope="module", params=list(BUILDERS))
def pages(request: pytest.FixtureRequest) -> dict[str, Page]:
    """Every page type once, as each builder makes it, light scheme, desktop width: the tree does not
    change with the colours. Loaded, settled and without a script error, a failed or a third-party
    request."""
    site = request.getfixturevalue(BUILDERS[request.param]["pages"])
    found = {}
    for _, path in PAGES:
        visit = site.visit(path, "light")
        assert visit.status == 200 and not (visit.page_errors or visit.failed or visit.foreign_requests), visit
        found[path] = Page(path, visit.reading("accessibility tree"))
    return found


def _outline(headings: list[Node]) -> str:
    return "\n".join(f"  {'  ' * ((h.level or 1) - 1)}h{h.level} {h.name!r}" for h in headings)


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_headings_one_h1_no_skipped_levels_and_clean_names(pages: dict[str, Page], path: str) -> None:
    headings = pages[path].of_role("heading")
    outline = _outline(headings)
    assert headings, f"{path}: no headings in the accessibility tree"
    assert [h.level for h in headings].count(1) == 1, f"{path}: not exactly one h1:\n{outline}"
    assert headings[0].level == 1, f"{path}: the first heading is not the h1:\n{outline}"
    for before, after in itertools.pairwise(headings):
        assert (after.level or 1) <= (before.level or 1) + 1, f"{path}: a heading level is skipped:\n{outline}"
    unclean = [h.name for h in headings if not h.name or "¶" in h.name]
    assert not unclean, f"{path}: heading names with a permalink sign or empty: {unclean}"


def _english(name: str) -> list[str]:
    return [word for word in re.findall(r"[a-z]+", name.lower()) if word in ENGLISH]


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_landmarks_are_named_in_dutch_and_not_empty(pages: dict[str, Page], path: str) -> None:
    landmarks = pages[path].landmarks()
    roles = [node.role for node in landmarks]
    assert roles.count("main") == 1 and "banner" in roles and "contentinfo" in roles, f"{path}: {roles}"
    problems = []
    seen: dict[tuple[str, str], int] = {}
    for node in landmarks:
        label = f"{node.role} {node.name!r}"
        if not node.name and node.role not in UNIQUE_LANDMARKS:
            problems.append(f"{label}: has no name")
        elif not node.name and roles.count(node.role) > 1:
            problems.append(f"{label}: has no name, and the page has {roles.count(node.role)} of them")
        if _english(node.name):
            problems.append(f"{label}: English ({', '.join(_english(node.name))})")
        seen[(node.role, node.name)] = seen.get((node.role, node.name), 0) + 1
        shown = node.shown()
        if node.role == "navigation" and not any(child.role == "link" for child in shown):
            problems.append(f"{label}: a navigation without a single link")
        elif not any(child.name or child.role == "StaticText" for child in shown):
            problems.append(f"{label}: empty")
    problems += [f"{role} {name!r}: {count} times" for (role, name), count in seen.items() if count > 1]
    assert not problems, f"{path}:\n  " + "\n  ".join(problems)


def _target(url: str) -> str:
    """Where a link leads: the address without a trailing index.html."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=re.sub(r"index\.html$", "", parts.path)))


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_links_with_the_same_name_lead_to_the_same_place(pages: dict[str, Page], path: str) -> None:
    """A list of links (a screen reader's links list) shows names only: one name, one target."""
    targets: dict[str, set[str]] = {}
    links = pages[path].of_role("link")
    assert links, f"{path}: no links in the accessibility tree"
    for link in links:
        assert link.name, f"{path}: a link without a name, to {link.url}"
        targets.setdefault(link.name.casefold(), set()).add(_target(link.url or ""))
    clashes = {name: sorted(urls) for name, urls in targets.items() if len(urls) > 1}
    assert not clashes, f"{path}: links with the same name lead to different places: {clashes}"


def test_every_page_has_a_title_of_its_own(pages: dict[str, Page]) -> None:
    titles: dict[str, str] = {}
    for path, page in pages.items():
        assert page.title, f"{path} has no title in the accessibility tree"
        assert page.title not in titles, f"{path} and {titles[page.title]} share the title {page.title!r}"
        titles[page.title] = path
    assert len(titles) == len(PAGES)


# The name of the site's menu (partials/nav.html of the themes, in Dutch: nav.title in mkdocs.yml's language).
MENU = "Navigatie"


def _inside(outer: Node, roles: set[str]) -> list[Node]:
    return [node for node in outer.shown() if node.role in roles]


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_one_main_without_the_menu_and_no_navigation_inside_another(pages: dict[str, Page], path: str) -> None:
    page = pages[path]
    mains = page.of_role("main")
    assert len(mains) == 1, f"{path}: {len(mains)} main landmarks"
    menus = [node for node in page.of_role("navigation") if node.name == MENU]
    assert len(menus) == 1, f"{path}: the site's menu ({MENU!r}) {len(menus)} times"
    in_main = [f"{node.role} {node.name!r}" for node in _inside(mains[0], {"navigation", "banner", "contentinfo"})]
    assert not [found for found in in_main if MENU in found], f"{path}: the site's menu is inside main: {in_main}"
    nested = [
        f"{inner.name!r} in {outer.name!r}"
        for outer in page.of_role("navigation")
        for inner in _inside(outer, {"navigation"})
    ]
    assert not nested, f"{path}: a navigation inside another: {nested}"


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_no_dialog_is_exposed_while_none_is_open(pages: dict[str, Page], path: str) -> None:
    dialogs = [f"{node.role} {node.name!r}" for node in pages[path].of_role("dialog", "alertdialog")]
    assert not dialogs, f"{path}: a closed dialog is in the accessibility tree: {dialogs}"


RANGE_WITH_DASH = re.compile(r"\d{1,2}\.\d{2}\s*[–-]\s*\d{1,2}\.\d{2}")
RANGE_READ = re.compile(r"van \d{1,2}\.\d{2} tot \d{1,2}\.\d{2} uur")
# Pages that show an event with a start and an end on one day: its time range.
PAGES_WITH_A_RANGE = ["/", "/agenda/", "/agenda/dd-webinar-december/", "/communities/community-cx/"]


def _read_text(page: Page) -> str:
    return " ".join(" ".join(node.name for node in page.of_role("StaticText")).split())


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_time_ranges_are_read_from_to(pages: dict[str, Page], path: str) -> None:
    text = _read_text(pages[path])
    dashed = RANGE_WITH_DASH.findall(text)
    assert not dashed, f"{path}: a time range is read with its dash: {dashed}"
    if path in PAGES_WITH_A_RANGE:
        assert RANGE_READ.search(text), f"{path}: no time range read as 'van … tot … uur' in {text[:400]!r}"
