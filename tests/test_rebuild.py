"""The memory of `mkdocs serve --dirty` (generator/rebuild.py), without MkDocs: what a rebuild keeps.
tests/test_serve_dirty.py runs it in real rebuilds."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest

from conftest import FIXTURE_EPOCH, STATEMENT, make_project
from generator.build import SiteBuild, SiteConfig, build_site
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles
from generator.rebuild import Memory, build_context


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> SiteBuild:
    project = make_project(tmp_path_factory.mktemp("rebuild"))
    config = SiteConfig(
        files=DataFiles(project), docs_dir=project / "content", site_url="https://example.org/", **STATEMENT
    )
    return build_site(config, datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE))


def _changed(site: SiteBuild, path: str) -> SiteBuild:
    pages = [
        dataclasses.replace(page, content=page.content + "\n") if page.path == path else page for page in site.pages
    ]
    return dataclasses.replace(site, pages=pages)


def test_a_rebuild_keeps_what_it_writes_the_same(site: SiteBuild) -> None:
    memory, context = Memory(), build_context(site, b"settings", [])
    assert memory.kept(site, context) == set()  # the first build has nothing to compare with
    event = next(page for page in site.pages if not page.in_nav)
    kept = memory.kept(_changed(site, event.path), context)
    assert event.path not in kept
    assert {page.path for page in site.pages if not page.in_nav and page is not event} <= kept
    assert {item.path for item in site.files} <= kept
    assert not {page.path for page in site.pages if page.in_nav} & kept  # the navigation is in every page


def test_other_settings_or_no_context_keep_nothing(site: SiteBuild) -> None:
    memory = Memory()
    memory.kept(site, build_context(site, b"settings", []))
    assert memory.kept(site, build_context(site, b"other settings", [])) == set()
    assert memory.kept(site, build_context(site, b"other settings", [("over.md", 2)])) == set()
    assert memory.kept(site, None) == set()
    assert memory.kept(site, build_context(site, b"other settings", [("over.md", 2)])) == set()
