"""Page titles as a screen-reader user meets them first: one per page, and saying what the h1 says."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)


def _text(fragment: str) -> str:
    without_permalink = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", without_permalink))).strip()


def _pages(site: Path) -> dict[str, str]:
    return {
        str(path.relative_to(site)): path.read_text(encoding="utf-8")
        for path in sorted(site.rglob("*.html"))
        if path.name in ("index.html", "404.html")
    }


@pytest.fixture(scope="module", params=["project_site", "built_site"])
def pages(request: pytest.FixtureRequest) -> dict[str, str]:
    return _pages(request.getfixturevalue(request.param))


def test_every_page_has_a_title_of_its_own(pages: dict[str, str]) -> None:
    seen: dict[str, str] = {}
    for path, source in pages.items():
        match = _TITLE.search(source)
        assert match, path
        title = _text(match.group(1))
        assert title not in seen, f"{path} and {seen.get(title)} share the title {title!r}"
        seen[title] = path


def test_the_title_starts_with_what_the_h1_says(pages: dict[str, str]) -> None:
    for path, source in pages.items():
        title_match, heading = _TITLE.search(source), _H1.search(source)
        assert title_match and heading, path
        if path == "index.html":
            continue  # the home page is named after the site
        assert _text(title_match.group(1)).startswith(_text(heading.group(1))), path
