"""The plugin puts each generated page's HTML in without Markdown (mkdocs_plugin/plugin.py): these
check the two facts that make that the same site as parsing it. tests/test_core.py compares whole
builds with and without the plugin, byte for byte; these name the page where a template breaks them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from markdown import Markdown
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils.meta import get_data

from conftest import FIXTURE, FIXTURE_EPOCH, ROOT, STATEMENT
from generator.build import SiteConfig, build_site
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles
from generator.pages.render import GeneratedPage
from generator.settings import read_settings

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)


def _pages(data: Path) -> tuple[SiteConfig, list[GeneratedPage]]:
    settings = read_settings(ROOT / "mkdocs.yml")
    config = SiteConfig(
        DataFiles(data),
        ROOT / "content",
        settings.site_url,
        markdown_extensions=settings.markdown_extensions,
        **STATEMENT,
    )
    return config, build_site(config, NOW).pages


@pytest.mark.parametrize("data", [FIXTURE, ROOT], ids=["fixture", "own"])
def test_markdown_passes_every_generated_body_on_unchanged(data: Path) -> None:
    config, pages = _pages(data)
    changed = []
    for page in pages:
        source, _ = get_data(page.content)
        if Markdown(extensions=list(config.markdown_extensions)).convert(source) != page.html:
            changed.append(page.path)
    assert changed == []


@pytest.mark.parametrize("data", [FIXTURE, ROOT], ids=["fixture", "own"])
def test_the_anchors_are_those_mkdocs_finds_when_it_parses_the_page(data: Path) -> None:
    _, pages = _pages(data)
    different = []
    for page in pages:
        parser = _HTMLHandler()
        parser.feed(page.html)
        parser.close()
        if parser.present_anchor_ids != page.anchor_ids:
            different.append(f"{page.path}: {parser.present_anchor_ids ^ page.anchor_ids}")
    assert different == []
    assert all("inhoud" in page.anchor_ids for page in pages)


def test_a_link_name_and_an_escaped_id_count_as_anchors() -> None:
    page = GeneratedPage("x.md", "", html='<p><a href="#a" name="naam">x</a> id="tekst"</p><h2 class="k" id="a&amp;b">')
    assert page.anchor_ids == {"naam", "a&b"}
