"""The command line as editors meet it: Dutch from argparse too, proper singular and plural, and a word
when `check --base` names a git version that is not there."""

from __future__ import annotations

import argparse
import ast
import inspect
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_invalid import Run, run_cli

from conftest import DATA_FILES, FIXTURE, ROOT
from generator.cli import _parser
from generator.dutch_argparse import PLURAL_TEXTS, PROGRAMMER_TEXTS, TEXTS

Cli = Callable[..., Run]

# Words of argparse's own English texts; none may reach an editor.
ENGLISH = ("usage", "options", "show this help", "error:", "argument", "required", "invalid", "choose", "expected")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Cli:
    def run(*args: str, stdin: str = "") -> Run:
        return run_cli(monkeypatch, capsys, *args, stdin=stdin)

    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, tmp_path / name)
    return tmp_path


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


def test_the_real_command_says_its_argparse_errors_in_dutch(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "new", "event", "--soort", "webinar"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 2
    assert "python -m generator: fout: dit is onbekend: --soort webinar" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
