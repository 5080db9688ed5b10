"""The build as a whole: reproducible, and all-or-nothing when the data is wrong."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import FIXTURE_EPOCH, build_mkdocs, copy_site, make_project, run_mkdocs


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_same_input_and_epoch_give_byte_identical_sites(tmp_path: Path, built_site: Path) -> None:
    """Two runs of the whole command, each in its own process: the session's site is the first."""
    second = make_project(tmp_path / "b")
    assert run_mkdocs(second).returncode == 0
    assert _tree_digest(built_site) == _tree_digest(second / "site")


def test_epoch_moves_events_from_agenda_to_archive(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    # 2027-01-01 00:00 in Amsterdam: the December webinar is now in the past.
    assert build_mkdocs(project, epoch="1798758000").returncode == 0
    archive = (project / "site" / "agenda" / "archief" / "index.html").read_text(encoding="utf-8")
    agenda = (project / "site" / "agenda" / "index.html").read_text(encoding="utf-8")
    assert "Webinar duidelijke brieven" in archive
    assert "Webinar duidelijke brieven" not in agenda


def test_invalid_data_fails_the_build_and_leaves_the_old_site_untouched(tmp_path: Path, built_site: Path) -> None:
    project = copy_site(built_site, make_project(tmp_path))
    before = _tree_digest(project / "site")
    events = project / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8").replace('"2026-12-08 16:00"', '"2026-12-08 13:00"'), encoding="utf-8"
    )
    result = run_mkdocs(project, epoch=str(int(FIXTURE_EPOCH) + 3600))
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "events.yaml:17:10: Het einde ligt voor het begin" in output
    assert "Traceback" not in output
    assert _tree_digest(project / "site") == before


def test_a_content_page_may_not_take_the_place_of_a_generated_one(tmp_path: Path, built_site: Path) -> None:
    project = copy_site(built_site, make_project(tmp_path))
    before = _tree_digest(project / "site")
    (project / "content" / "agenda").mkdir()
    (project / "content" / "agenda" / "index.md").write_text("# Agenda\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "content/agenda/index.md:1:1: Deze pagina maakt de generator zelf" in result.stdout + result.stderr
    assert _tree_digest(project / "site") == before
