"""`mkdocs serve --dirty` keeps the generated pages a rebuild writes the same, and serves the same site as
a whole build: pages, feeds and the search index (Pagefind indexes the whole folder, kept pages too).
MkDocs' serve rebuilds in one process with the same plugin, as here."""

from __future__ import annotations

import filecmp
from pathlib import Path
from typing import Literal

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import FIXTURE_EPOCH, make_project


def _build(project: Path, *, dirty: bool, command: Literal["build", "serve"] | None = None) -> None:
    """One build; with `command`, the first of a `mkdocs` command (serve calls on_startup once)."""
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    if command is not None:
        config.plugins.on_startup(command=command, dirty=dirty)
    build(config, dirty=dirty)


def _different(left: Path, right: Path) -> list[str]:
    comparison = filecmp.dircmp(left, right)
    found = [*comparison.left_only, *comparison.right_only]
    found += [name for name in comparison.common_files if not filecmp.cmp(left / name, right / name, shallow=False)]
    return found + [name for sub in comparison.common_dirs for name in _different(left / sub, right / sub)]


def _edit(project: Path) -> None:
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8")
    assert "title: Webinar" in text
    events.write_text(text.replace("title: Webinar", "title: Online webinar", 1), encoding="utf-8")


@pytest.mark.e2e
def test_a_dirty_rebuild_keeps_unchanged_pages_and_serves_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    served, whole = make_project(tmp_path / "served"), make_project(tmp_path / "whole")
    try:
        _build(served, dirty=True, command="serve")
        untouched = served / "site" / "agenda" / "cx-zomertijd" / "index.html"
        written = untouched.stat().st_mtime_ns
        _edit(served)
        _build(served, dirty=True)
    finally:
        _edit(whole)
        _build(whole, dirty=False, command="build")  # the plugin is shared in this process: a new start
    assert untouched.stat().st_mtime_ns == written
    assert _different(served / "site", whole / "site") == []
