"""The build as a whole: reproducible, and all-or-nothing when the data is wrong."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURE_EPOCH, ROOT, build_mkdocs, copy_site, make_project, run_mkdocs


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.e2e
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


@pytest.mark.e2e
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


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "events.yaml",
            "- id: cx-terugblik",
            "- id: " + "-".join(["terugblik"] * 30),
            "events.yaml:3:9: Deze id is te lang",
        ),
        ("communities.yaml", "- id: klantreizen", "- id: index", "communities.yaml:3:9: `index` is al het adres"),
    ],
)
@pytest.mark.e2e
def test_an_id_the_site_cannot_have_stops_the_build_in_dutch(
    tmp_path: Path, built_site: Path, file: str, old: str, new: str, message: str
) -> None:
    """The tester's finding: a 300-character id passed the check, and the build died in English
    after it had emptied site/; a theme `index` took the place of the overview."""
    project = copy_site(built_site, make_project(tmp_path))
    before = _tree_digest(project / "site")
    data = project / file
    data.write_text(data.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert message in output
    assert "Traceback" not in output
    assert _tree_digest(project / "site") == before


@pytest.mark.e2e
def test_a_content_page_may_not_take_the_place_of_a_generated_one(tmp_path: Path, built_site: Path) -> None:
    project = copy_site(built_site, make_project(tmp_path))
    before = _tree_digest(project / "site")
    (project / "content" / "agenda").mkdir()
    (project / "content" / "agenda" / "index.md").write_text("# Agenda\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "content/agenda/index.md:1:1: Deze pagina maakt de generator zelf" in result.stdout + result.stderr
    assert _tree_digest(project / "site") == before


def _with_hook(project: Path, hook: str) -> None:
    """A hook in mkdocs.yml: MkDocs runs it as a plugin, here to make a build fail half-way."""
    (project / "failing_hook.py").write_text(hook, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - failing_hook.py\n", encoding="utf-8")


def _leftovers(project: Path) -> list[str]:
    return sorted(path.name for path in project.iterdir() if path.name.startswith(".site-"))


@pytest.mark.e2e
def test_a_build_that_fails_half_way_leaves_the_old_site_as_it_was(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    assert run_mkdocs(project).returncode == 0
    before = _tree_digest(project / "site")
    # The way a file name the file system refuses fails: after the site was cleaned, with pages written.
    _with_hook(
        project,
        "def on_post_page(output, page, config):\n"
        "    if page.url.startswith('agenda/'):\n"
        "        raise OSError(36, 'File name too long')\n"
        "    return output\n",
    )
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "De site is niet gebouwd. De vorige versie in site/ is niet veranderd." in result.stdout + result.stderr
    assert _tree_digest(project / "site") == before
    assert _leftovers(project) == []


@pytest.mark.e2e
def test_a_strict_build_with_a_warning_leaves_the_old_site_as_it_was(tmp_path: Path) -> None:
    """--strict fails after the last plugin ran: the new site must not have taken the old one's place."""
    project = make_project(tmp_path)
    assert run_mkdocs(project).returncode == 0
    before = _tree_digest(project / "site")
    (project / "content" / "kapot.md").write_text("# Kapot\n\n[weg](bestaat-niet.md)\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "strict mode" in result.stdout + result.stderr
    assert _tree_digest(project / "site") == before
    assert _leftovers(project) == []


@pytest.mark.e2e
def test_a_build_that_passes_puts_the_new_site_in_place(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "site" / "oud").mkdir(parents=True)
    (project / "site" / "oud" / "pagina.html").write_text("oud", encoding="utf-8")
    assert run_mkdocs(project).returncode == 0
    assert (project / "site" / "index.html").is_file()
    assert not (project / "site" / "oud").exists()  # a clean build, as MkDocs makes it
    assert _leftovers(project) == []
    # The folder others serve: as readable as a folder the user makes, not private as a temporary one.
    assert (project / "site").stat().st_mode & 0o755 == (project / "content").stat().st_mode & 0o755


def _make_site_with(project: Path, zensical: str) -> subprocess.CompletedProcess[str]:
    """`make site BUILDER=zensical` in `project`, with this repository's Python and a stand-in for Zensical."""
    tools = project / "bin"
    tools.mkdir()
    for name, script in (("python", f'exec "{sys.executable}" "$@"\n'), ("zensical", zensical)):
        (tools / name).write_text(f"#!/bin/sh\n{script}", encoding="utf-8")
        (tools / name).chmod(0o755)
    command = ["make", "-f", str(ROOT / "Makefile"), "site", "BUILDER=zensical", f"BIN={tools}"]
    # As on an editor's computer: in CI a strict build of a project without git history stops
    # (test_stamps.py covers that); this test is about what happens to site/.
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "CI": "", "GITHUB_ACTIONS": ""}
    # -o: the virtual environment counts as made (the stand-ins do not need it).
    command += ["-o", ".venv/.installed-zensical", "-o", ".venv/.installed", "-o", ".venv/.created"]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.e2e
@pytest.mark.skipif(shutil.which("make") is None, reason="make ontbreekt")
def test_make_site_with_zensical_swaps_the_site_only_after_the_build_passed(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("de vorige site", encoding="utf-8")
    # Zensical that writes half a site, then fails.
    failing = "mkdir -p build/zensical/site && echo half > build/zensical/site/index.html && exit 1\n"
    result = _make_site_with(project, failing)
    assert result.returncode != 0
    assert "zensical build --strict" in result.stdout  # it got as far as Zensical
    assert _tree_digest(project / "site") == {"index.html": hashlib.sha256(b"de vorige site").hexdigest()}
    shutil.rmtree(project / "bin")
    page = '<html lang="nl"><body><main data-pagefind-body><h1>Nieuw</h1></main></body></html>'
    passing = f"mkdir -p build/zensical/site && echo '{page}' > build/zensical/site/index.html\n"
    result = _make_site_with(project, passing)
    assert result.returncode == 0, result.stdout + result.stderr
    site = _tree_digest(project / "site")
    assert site.pop("index.html") == hashlib.sha256(f"{page}\n".encode()).hexdigest()
    assert "pagefind/pagefind.js" in site, "the search index was not made before the site took its place"
    assert all(path.startswith("pagefind/") for path in site), site
    assert not (project / "build" / "zensical" / "site-oud").exists()
