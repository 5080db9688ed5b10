"""What the check and the build say about mistakes outside a single field: an empty file, a bad
SOURCE_DATE_EPOCH. Both must end with a Dutch message and exit code 1, never a traceback, and the
build must leave a site built before untouched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_invalid import Run, make_data, run_cli

from conftest import copy_site, make_project, run_mkdocs

MESSAGE_EMPTY_EVENTS = "events.yaml:1:1: Het bestand moet beginnen met `events:` met daaronder een lijst."


@pytest.fixture
def check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(root: Path, env: dict[str, str] | None = None) -> Run:
        return run_cli(monkeypatch, capsys, "check", "--root", str(root), env=env)

    return run


@pytest.mark.parametrize("text", ["{}\n", "# alleen een opmerking\n{}\n"])
def test_an_empty_mapping_is_a_mistake_in_the_check(text: str, tmp_path: Path, check: Callable[..., Run]) -> None:
    root = make_data(tmp_path)
    (root / "events.yaml").write_text(text, encoding="utf-8")
    result = check(root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    line = text.count("\n")
    assert result.stderr.startswith(MESSAGE_EMPTY_EVENTS.replace(":1:1:", f":{line}:1:")), result.stderr


def _built(tmp_path: Path, site: Path) -> Path:
    """The fixture project with its site built before (the session's)."""
    return copy_site(site, make_project(tmp_path / "project"))


def _site(project: Path) -> dict[str, bytes]:
    return {str(path): path.read_bytes() for path in sorted((project / "site").rglob("*")) if path.is_file()}


@pytest.mark.e2e
def test_an_empty_mapping_stops_the_build_with_the_same_message(tmp_path: Path, built_site: Path) -> None:
    project = _built(tmp_path, built_site)
    before = _site(project)
    (project / "events.yaml").write_text("{}\n", encoding="utf-8")
    result = run_mkdocs(project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert MESSAGE_EMPTY_EVENTS in result.stderr, result.stderr
    assert _site(project) == before


BAD_EPOCH = "SOURCE_DATE_EPOCH: Deze variabele moet een tijd zijn: het aantal seconden sinds 1 januari 1970"


@pytest.mark.parametrize("epoch", ["gisteren", "1.5", "-1", "99999999999"])
def test_a_bad_source_date_epoch_is_named_in_the_check(epoch: str, tmp_path: Path, check: Callable[..., Run]) -> None:
    result = check(make_data(tmp_path), env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(BAD_EPOCH), result.stderr
    assert f"Er staat `{epoch}`." in result.stderr


@pytest.mark.e2e
def test_a_bad_source_date_epoch_stops_the_build_without_traceback(tmp_path: Path, built_site: Path) -> None:
    project = _built(tmp_path, built_site)
    before = _site(project)
    result = run_mkdocs(project, epoch="gisteren")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert BAD_EPOCH in result.stderr, result.stderr
    assert _site(project) == before


def test_a_folder_in_the_place_of_a_data_file_is_named_as_a_folder(tmp_path: Path, check: Callable[..., Run]) -> None:
    root = make_data(tmp_path)
    (root / "events.yaml").unlink()
    (root / "events.yaml").mkdir()
    result = check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("events.yaml:1:1: Dit is een map, geen bestand."), result.stderr


def test_a_data_file_that_cannot_be_read_gets_a_message(
    tmp_path: Path, check: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No permission to read (which root, as in CI, always has): a Dutch line, no traceback."""
    root = make_data(tmp_path)
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "events.yaml":
            raise PermissionError(13, "Toegang geweigerd", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = check(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("events.yaml:1:1: Dit bestand kan niet gelezen worden (Toegang geweigerd)."), (
        result.stderr
    )
