"""Editors' text never becomes live markup: refused where it can be, inert where it slips through."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import build_mkdocs, make_project
from generator.data.contract import markdown_text


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "tekst <img src=x onerror=alert(1)> tekst",
        "<div onclick='alert(1)'>klik</div>",
    ],
)
def test_raw_html_is_refused_and_renders_as_text(source: str) -> None:
    assert markdown_text.raw_html(source)
    rendered = markdown_text.render(source)
    assert "<script" not in rendered and "<img" not in rendered and "<div" not in rendered
    assert "&lt;" in rendered


@pytest.mark.parametrize(
    "source",
    [
        "[klik](javascript:alert(1))",
        "[klik](JaVaScRiPt:alert(1))",
        "[klik](&#106;avascript:alert(1))",
        "[klik](java\tscript:alert(1))",
        "[klik][1]\n\n[1]: javascript:alert(1)",
        "[klik](data:text/html;base64,PHNjcmlwdD4=)",
        "![foto](https://tracker.example/pixel.png)",
    ],
)
def test_unsafe_links_are_found(source: str) -> None:
    assert markdown_text.unsafe_link(source)


@pytest.mark.parametrize(
    "source",
    ["[site](https://example.org)", "[mail](mailto:a@example.org)", "[doe mee](../doe-mee/)", "<https://example.org>"],
)
def test_ordinary_links_pass(source: str) -> None:
    assert markdown_text.unsafe_link(source) is None
    assert markdown_text.raw_html(source) is None


def test_quotes_and_ampersands_in_titles_stay_text_everywhere(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    events = project / "events.yaml"
    tricky = "Klant & burger: \\\"een\\\" dag' onclick='alert(1)"
    events.write_text(
        events.read_text(encoding="utf-8").replace("title: Webinar duidelijke brieven", f'title: "{tricky}"'),
        encoding="utf-8",
    )
    result = build_mkdocs(project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8")
    # No quote in the title may close an attribute and open a new one.
    assert not re.search(r"<[^>]+\sonclick=", page)
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and title.group(1).startswith("Klant &amp; burger")
    headline = re.search(r"<h1 id=\"inhoud\"[^>]*>(.*?)</h1>", page)
    assert headline and headline.group(1) == "Klant &amp; burger: &#34;een&#34; dag&#39; onclick=&#39;alert(1)"
