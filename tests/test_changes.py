"""`python -m generator changes --base …`: what a pull request changes for visitors and subscribers, as
Markdown for GitHub's job summary. Each test makes a real git repository with the fixture's data,
changes it as an editor would, and reads the summary the real command writes."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import DATA_FILES, FIXTURE

Run = Callable[..., object]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's data files, committed on main in a repository of their own."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    folder = tmp_path / "site"
    folder.mkdir()
    for name in DATA_FILES:
        (folder / name).write_bytes((FIXTURE / name).read_bytes())
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-q", "-m", "Begin")
    return folder


def _git(folder: Path, *arguments: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "R", "GIT_AUTHOR_EMAIL": "r@example.org"}
    env |= {"GIT_COMMITTER_NAME": "R", "GIT_COMMITTER_EMAIL": "r@example.org"}
    subprocess.run(["git", *arguments], cwd=folder, env=env, check=True, capture_output=True)


def _edit(folder: Path, old: str, new: str, name: str = "events.yaml") -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _summary(cli: Run, folder: Path, base: str = "main") -> str:
    result = cli("changes", "--root", str(folder), "--base", base)
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(result.stdout)  # type: ignore[attr-defined]


def test_nothing_changed_says_so(repo: Path, cli: Run) -> None:
    summary = _summary(cli, repo)
    assert summary.startswith("## Wat verandert er voor bezoekers en abonnees")
    assert "verandert er niets" in summary
    assert "###" not in summary


def test_moving_an_entry_or_a_comment_is_no_change(repo: Path, cli: Run) -> None:
    _edit(repo, "  - id: cx-terugblik\n", "  # verplaatst\n  - id: cx-terugblik\n")
    _edit(repo, "title: Terugblik op klantreizen", 'title: "Terugblik op klantreizen"')
    assert "verandert er niets" in _summary(cli, repo)


def test_a_changed_title_time_and_place_show_before_and_after(repo: Path, cli: Run) -> None:
    _edit(repo, "title: Webinar duidelijke brieven", "title: Webinar heldere brieven")
    _edit(
        repo,
        'start: "2026-12-08 14:00"\n    end: "2026-12-08 16:00"',
        'start: "2026-12-08 15:00"\n    end: "2026-12-08 16:30"',
    )
    _edit(
        repo,
        "location: {online: true}\n    registration_url",
        "location: {venue: Stadhuis, online: true}\n    registration_url",
    )
    summary = _summary(cli, repo)
    assert "### Gewijzigde evenementen (1)" in summary
    assert "Titel: Webinar duidelijke brieven → Webinar heldere brieven" in summary
    assert "Wanneer: dinsdag 8 december 2026, 14.00–16.00 uur → dinsdag 8 december 2026, 15.00–16.30 uur" in summary
    assert "Waar: Online → Stadhuis en online" in summary
    # The pages and feeds that show it: its own, its communities', its theme's, the agenda and its parts.
    for address in (
        "/agenda/dd-webinar-december/",
        "/agenda/dd-webinar-december.ics",
        "/agenda.ics",
        "/agenda/",
        "/communities/community-cx/agenda.ics",
        "/themas/begrijpelijke-taal/",
        "/agenda/online/agenda.ics",
        "/agenda/op-locatie/",  # where it is now
    ):
        assert f"- `{address}`" in summary, address
    assert "/agenda/archief/" not in summary and "/communities/community-online-formulieren/" not in summary


def test_a_new_description_is_quoted_as_a_visitor_reads_it(repo: Path, cli: Run) -> None:
    _edit(
        repo,
        "description: We kijken samen naar echte brieven.",
        "description: |\n      We kijken naar **echte** brieven.\n\n      Neem een [brief](https://example.org/b) mee.",
    )
    summary = _summary(cli, repo)
    assert "De beschrijving is anders" in summary
    assert "    > We kijken naar echte brieven." in summary  # as text: no stars left to read
    assert "    > Neem een brief" in summary


def test_new_cancelled_and_removed_events_each_have_their_section(repo: Path, cli: Run) -> None:
    new = """  - id: nieuw-2027
    title: "Schrijfcafé #2 *nieuw*"
    communities: [community-cx]
    start: "2027-04-01 10:00"
    end: "2027-04-01 11:00"
    location: {online: true}
    description: Iets nieuws.
"""
    _edit(repo, "events:\n", "events:\n" + new)
    _edit(
        repo,
        "    description: Een sessie op de dag dat de klok vooruit gaat.\n",
        "    description: Gaat niet door, omdat de spreker ziek is.\n    status: cancelled\n",
    )
    text = (repo / "events.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: congres-2027")
    (repo / "events.yaml").write_text(text[:start] + text[text.index("  - id: cx-zomertijd") :], encoding="utf-8")
    summary = _summary(cli, repo)
    # The editor's words stay text: "#2" and "*nieuw*" are no heading or emphasis in the summary.
    assert "### Nieuwe evenementen (1)" in summary and r"**Schrijfcafé \#2 \*nieuw\***" in summary
    assert "woensdag 1 april 2027" not in summary and "donderdag 1 april 2027, 10.00–11.00 uur, Online" in summary
    assert "### Gaan niet meer door (1)" in summary and "Klantreizen op de dag van de zomertijd" in summary
    assert "### Verwijderde evenementen (1)" in summary and "(`congres-2027`)" in summary
    assert "status: cancelled" in summary  # the advice for next time


def test_a_renamed_community_and_a_new_theme_are_named(repo: Path, cli: Run) -> None:
    _edit(repo, "name: Community CX", "name: Community Klantbeleving", "communities.yaml")
    summary = _summary(cli, repo)
    assert "### Community's die veranderen" in summary and "Community Klantbeleving" in summary


def test_an_unknown_base_is_said_and_everything_counts_as_new(repo: Path, cli: Run) -> None:
    summary = _summary(cli, repo, base="origin/bestaat-niet")
    assert "De vorige versie (`origin/bestaat-niet`) is niet te lezen" in summary
    assert "### Nieuwe evenementen (" in summary


def test_broken_data_gives_the_checks_message_and_no_summary(repo: Path, cli: Run) -> None:
    _edit(repo, 'start: "2027-01-14"', 'start: "2027-13-14"')
    result = cli("changes", "--root", str(repo), "--base", "main")
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "events.yaml:" in result.stderr and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]
