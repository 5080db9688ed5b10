"""The command line as editors meet it: Dutch from argparse too, proper singular and plural, and a word
when `check --base` names a git version that is not there."""

from __future__ import annotations

import argparse
import ast
import inspect
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_invalid import Run

from conftest import ROOT
from generator.cli import _parser
from generator.dutch_argparse import PLURAL_TEXTS, PROGRAMMER_TEXTS, TEXTS

Cli = Callable[..., Run]

# Words of argparse's own English texts; none may reach an editor.
ENGLISH = ("usage", "options", "show this help", "error:", "argument", "required", "invalid", "choose", "expected")


def _argparse_texts() -> set[str | tuple[str, str]]:
    """Every literal text this Python's argparse passes to gettext (`_`) or `ngettext`."""
    found: set[str | tuple[str, str]] = set()
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        literals = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
        if node.func.id == "_" and literals:
            found.add(literals[0])
        elif node.func.id == "ngettext" and len(literals) == 2:
            found.add((literals[0], literals[1]))
    # A title argparse takes from its caller's keywords, with this default.
    found.add("subcommands")
    return found


def test_every_text_of_argparse_is_dutch() -> None:
    missing = {
        text
        for text in _argparse_texts()
        if text not in TEXTS
        and text not in PLURAL_TEXTS
        and not (isinstance(text, str) and text in PROGRAMMER_TEXTS)
        and not (isinstance(text, tuple) and set(text) <= PROGRAMMER_TEXTS)
    }
    assert not missing, f"argparse can show these texts in English: {missing}"


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found += _commands(command)
    return found


@pytest.mark.parametrize("command", _commands(_parser()), ids=lambda command: command.prog)
def test_every_command_helps_in_dutch(command: argparse.ArgumentParser) -> None:
    text = command.format_help()
    assert text.startswith("gebruik: ")
    assert not [word for word in ENGLISH if word in text.lower()], text
    for action in command._actions:
        assert action.help, f"{command.prog} {action.option_strings or action.dest} has no help"


def test_the_options_of_new_event_show_the_date_format() -> None:
    event = next(command for command in _commands(_parser()) if command.prog.endswith("new event"))
    helps = {option: action.help for action in event._actions for option in action.option_strings}
    assert '"JJJJ-MM-DD UU:MM"' in str(helps["--start"]) and "JJJJ-MM-DD" in str(helps["--start"])
    assert "dezelfde vorm als het begin" in str(helps["--end"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param([], "dit ontbreekt nog: opdracht", id="no-command"),
        pytest.param(["controleer"], "opdracht: 'controleer' bestaat niet. Kies uit: 'check',", id="invalid-command"),
        pytest.param(["render"], "dit ontbreekt nog: --out", id="required-option"),
        pytest.param(["check", "--format", "json"], "--format: 'json' bestaat niet. Kies uit:", id="invalid-choice"),
        pytest.param(["check", "--verbose"], "dit is onbekend: --verbose", id="unrecognized"),
        pytest.param(["new"], "dit ontbreekt nog: soort", id="no-kind"),
        pytest.param(["new", "event", "--title"], "--title: hierna hoort een waarde", id="no-value"),
        pytest.param(
            ["new", "event", "--on", "x"], "--on kan meer opties zijn: --online, --online-url.", id="ambiguous"
        ),
    ],
)
def test_argparse_errors_are_dutch_and_exit_2(
    cli: Cli, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        cli(*args)
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert error.startswith("gebruik: python -m generator"), error
    assert f": fout: {expected}" in error, error
    assert error.rstrip().splitlines()[-1].startswith("Meer uitleg: python -m generator")
    assert not [word for word in ENGLISH if word in error.lower()], error


def test_argparse_is_english_again_outside_the_command_line() -> None:
    """The Dutch texts are only in place while our parser works; other users of argparse keep theirs."""
    _parser().format_help()
    assert "usage: " in argparse.ArgumentParser(prog="x").format_help()


@pytest.mark.e2e  # the command in a process of its own
def test_the_real_command_says_its_argparse_errors_in_dutch(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "new", "event", "--soort", "webinar"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "python -m generator: fout: dit is onbekend: --soort webinar" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


# `check`'s last line.


def test_the_summary_counts_in_singular_and_plural(project: Path, cli: Cli) -> None:
    result = cli("check", "--root", str(project))
    assert result.stdout.splitlines()[-1] == (
        "In orde: 3 community's, 8 evenementen, 3 thema's en 1 externe community. 3 waarschuwingen om na te kijken."
    )
    # One upcoming event of all three communities, without a registration link: one warning.
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8")
    first = text.index("  - id:")
    one_event = text[: text.index("  - id:", first + 1)]
    one_event = one_event.replace("2026-10-25", "2027-01-25").replace(
        "communities: [community-cx]",
        "communities: [community-cx, netwerk-direct-duidelijk, community-online-formulieren]",
    )
    events.write_text(one_event, encoding="utf-8")
    result = cli("check", "--root", str(project))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "In orde: 3 community's, 1 evenement, 3 thema's en 1 externe community. 1 waarschuwing om na te kijken."
    )


# `check --base`: a git version to compare with, to see which events are new.


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=folder,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repository(project: Path) -> Path:
    _git(project, "init", "-q")
    _git(project, "add", ".")
    _git(project, "commit", "-qm", "data")
    return project


def test_a_base_that_does_not_exist_is_named_and_the_check_goes_on(repository: Path, cli: Cli) -> None:
    result = cli("check", "--root", str(repository), "--base", "origin/bestaat-niet")
    assert result.returncode == 0, result.stderr
    assert "waarschuwing: De git-versie `origin/bestaat-niet` (--base) is niet gevonden." in result.stderr
    assert result.stdout.splitlines()[-1].startswith("In orde: ")


def test_a_base_without_the_events_file_is_named(repository: Path, cli: Cli) -> None:
    _git(repository, "rm", "-q", "events.yaml")
    _git(repository, "commit", "-qm", "no events")
    _git(repository, "checkout", "-q", "HEAD~1", "--", "events.yaml")
    result = cli("check", "--root", str(repository), "--base", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "waarschuwing: In de git-versie `HEAD` staat geen events.yaml." in result.stderr


def test_a_base_outside_a_git_repository_is_named(project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(project.parent))
    result = cli("check", "--root", str(project), "--base", "main")
    assert result.returncode == 0, result.stderr
    assert "waarschuwing: De git-versie `main` (--base) is niet gevonden." in result.stderr


def test_a_base_that_exists_gives_no_warning(repository: Path, cli: Cli) -> None:
    result = cli("check", "--root", str(repository), "--base", "HEAD")
    assert "--base" not in result.stderr and "git-versie" not in result.stderr


def test_a_deleted_community_still_in_use_is_also_reported_where_it_was_deleted(repository: Path, cli: Cli) -> None:
    """In a pull request only changed lines get an annotation: the uses in events.yaml are not changed."""
    communities = repository / "communities.yaml"
    text = communities.read_text(encoding="utf-8")
    start = text.index("  - id: netwerk-direct-duidelijk")
    end = text.index("  - id: community-online-formulieren")
    communities.write_text(text[:start] + text[end:], encoding="utf-8")
    result = cli("check", "--root", str(repository), "--base", "HEAD")
    assert result.returncode == 1
    removed = [line for line in result.stderr.splitlines() if "weggehaald of veranderd" in line]
    assert len(removed) == 1, result.stderr
    assert removed[0].startswith(f"communities.yaml:{text[:start].count(chr(10)) + 1}:1: ")
    assert "`netwerk-direct-duidelijk`" in removed[0] and "in events.yaml op regel " in removed[0]
    assert "events.yaml:" in result.stderr  # each use is still reported where it stands


def test_a_renamed_theme_still_in_use_is_reported_on_the_renamed_line(repository: Path, cli: Cli) -> None:
    communities = repository / "communities.yaml"
    text = communities.read_text(encoding="utf-8")
    communities.write_text(text.replace("  - id: formulieren\n", "  - id: online-formulieren\n"), encoding="utf-8")
    line = text[: text.index("  - id: formulieren\n")].count("\n") + 1
    result = cli("check", "--root", str(repository), "--base", "HEAD")
    removed = [line for line in result.stderr.splitlines() if "weggehaald of veranderd" in line]
    assert [entry.split(": ", 1)[0] for entry in removed] == [f"communities.yaml:{line}:1"], result.stderr


def test_without_base_a_deleted_community_is_reported_at_its_uses_only(repository: Path, cli: Cli) -> None:
    communities = repository / "communities.yaml"
    text = communities.read_text(encoding="utf-8")
    start = text.index("  - id: netwerk-direct-duidelijk")
    communities.write_text(text[:start] + text[text.index("  - id: community-online-formulieren") :], encoding="utf-8")
    result = cli("check", "--root", str(repository))
    assert result.returncode == 1
    assert "weggehaald of veranderd" not in result.stderr
