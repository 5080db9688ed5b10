"""The corpus of broken editor files: every mistake is reported once, at the right place, in Dutch.

Each file in tests/fixtures/invalid/<stem>/ is a copy of tests/fixtures/site/<stem>.yaml with one
defect; its first line says where the problem must be reported and with which message key:
`# expect: <line>:<column> <key>`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import DATA_FILES, FIXTURE, FIXTURE_EPOCH, ROOT
from generator.build import load_site
from generator.cli import main
from generator.data.reading import loader
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import MESSAGES, format_problem
from generator.data.wording.problems import DataError, Problem

CORPUS = ROOT / "tests" / "fixtures" / "invalid"
_EXPECT = re.compile(rb"# expect: (\d+):(\d+) ([a-z0-9_]+)\n")
# Messages that stop publication; `warn_*` messages come from the review of valid data instead.
ERROR_KEYS = frozenset(key for key in MESSAGES if not key.startswith("warn_"))
# Messages about the site's settings and content pages, not the data files: tested in test_core.py,
# and those of the accessibility statement in test_statement.py.
SITE_KEYS = frozenset({"page_taken", "page_no_email", "config_site_url", "config_directory_urls"}) | {
    key for key in MESSAGES if key.startswith("statement_")
}
# A problem outside the files: the variable SOURCE_DATE_EPOCH, tested in test_check_environment.py.
ENVIRONMENT_KEYS = frozenset({"bad_epoch", "history_incomplete"})
# A file that is not there, a folder in its place, a file that cannot be read: no corpus file can
# be any of these; each has its own test (here and in test_check_environment.py).
FILE_KEYS = frozenset({"file_missing", "file_is_folder", "file_unreadable"})
# A community or theme taken out in a change: only `check --base` sees it, tested in test_cli.py.
BASE_KEYS = frozenset({"removed_still_used"})


@dataclass(frozen=True)
class Case:
    """One broken file and the single problem it must produce."""

    path: Path
    line: int
    column: int
    key: str

    @property
    def id(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    @property
    def file(self) -> str:
        """The data file the broken file stands in for, as messages name it."""
        return f"{self.path.parent.name}.yaml"

    @property
    def where(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.key)


def _read_case(path: Path) -> Case:
    match = _EXPECT.match(path.read_bytes())
    assert match, f"{path}: the first line must be '# expect: <line>:<column> <key>'"
    line, column, key = match.groups()
    return Case(path, int(line), int(column), key.decode("ascii"))


CASES = [_read_case(path) for path in sorted(CORPUS.glob("*/*.yaml"))]


def make_data(target: Path, broken: Path | None = None) -> Path:
    """The three valid fixture files in `target`, one of them replaced by `broken`."""
    target.mkdir(parents=True, exist_ok=True)
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, target / name)
    if broken is not None:
        shutil.copy(broken, target / f"{broken.parent.name}.yaml")
    return target


def problems_in(root: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load_site(DataFiles(root))
    return caught.value.problems


def where(problems: list[Problem]) -> list[tuple[str, int, int, str]]:
    return [(problem.file, problem.line, problem.column, problem.key) for problem in problems]


def assert_readable(problem: Problem) -> None:
    """`bestand:regel:kolom: ` followed by a whole Dutch sentence, with nothing left unfilled."""
    assert problem.key in ERROR_KEYS, f"{problem.key} is not a Dutch error message"
    assert not problem.warning, problem
    text = format_problem(problem)
    prefix = f"{problem.file}:{problem.line}:{problem.column}: "
    assert text.startswith(prefix), text
    message = text.removeprefix(prefix)
    assert message.strip(), text
    assert "{" not in message, text
    assert "``" not in message, f"a field or value is missing: {text}"
    assert "Traceback" not in message, text


@dataclass(frozen=True)
class Run:
    """One run of the command line: its exit code and what it printed."""

    returncode: int
    stdout: str
    stderr: str


class _Terminal(io.StringIO):
    """Typed answers, as from a person at a terminal."""

    def isatty(self) -> bool:
        return True


def run_cli(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    *args: str,
    stdin: str = "",
    terminal: bool = False,
    env: dict[str, str] | None = None,
) -> Run:
    """`python -m generator *args`, in this process: at the fixture's "now", outside GitHub Actions
    (plain text output, no base branch), with `stdin` as the answers to its questions, typed at a
    terminal when `terminal` is true.

    An argparse error raises SystemExit, as it would end the real command."""
    capsys.readouterr()
    with monkeypatch.context() as patch:
        patch.delenv("GITHUB_ACTIONS", raising=False)
        patch.delenv("GITHUB_BASE_REF", raising=False)
        patch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        patch.setattr(sys, "stdin", _Terminal(stdin) if terminal else io.StringIO(stdin))
        returncode = main(list(args))
    out, err = capsys.readouterr()
    return Run(returncode, out, err)


@pytest.fixture
def run_check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """The command line as an editor runs it on the data in `root`: plain text output, not GitHub annotations."""

    def run(root: Path, *args: str) -> Run:
        return run_cli(monkeypatch, capsys, *args, "--root", str(root))

    return run


def run_real_check(root: Path) -> subprocess.CompletedProcess[str]:
    """The real `python -m generator check`, in its own process, the way `make check` runs it."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}
    env["SOURCE_DATE_EPOCH"] = FIXTURE_EPOCH
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(params=["libyaml", "python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each YAML parser the loader can use: libyaml where PyYAML has it, and PyYAML's own in Python,
    the reference that is also used where libyaml is missing (see generator/data/reading/loader.py)."""
    if request.param == "python":
        monkeypatch.setattr(loader, "libyaml", None)
    elif loader.libyaml is None:
        pytest.skip("PyYAML is built without libyaml here")
    return str(request.param)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_broken_file_is_reported_once_at_the_right_place(case: Case, tmp_path: Path, parser: str) -> None:
    problems = problems_in(make_data(tmp_path, case.path))
    assert where(problems) == [case.where]
    assert_readable(problems[0])


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_check_command_reports_broken_file_without_traceback(
    case: Case, tmp_path: Path, run_check: Callable[..., Run]
) -> None:
    result = run_check(make_data(tmp_path, case.path), "check")
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith(f"{case.file}:"), result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_broken_file_is_a_changed_copy_of_the_fixture(case: Case) -> None:
    body = case.path.read_bytes().split(b"\n", 1)[1]
    assert body != (FIXTURE / case.file).read_bytes()


def test_corpus_covers_every_message() -> None:
    covered = {case.key for case in CASES}
    assert covered <= ERROR_KEYS, covered - ERROR_KEYS
    expected = ERROR_KEYS - SITE_KEYS - ENVIRONMENT_KEYS - FILE_KEYS - BASE_KEYS
    assert expected <= covered, expected - covered


def test_missing_file_is_reported(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    (root / "events.yaml").unlink()
    problems = problems_in(root)
    assert where(problems) == [("events.yaml", 1, 1, "file_missing")]
    assert_readable(problems[0])


def _break(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_every_problem_in_a_file_is_reported_in_line_order(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    text = (root / "events.yaml").read_text(encoding="utf-8")
    # The first defect is found by the check across files, which runs last: the order is by line.
    text = _break(text, "communities: [community-cx]\n    type: bijeen", "communities: [cx]\n    type: bijeen")
    text = _break(text, "type: werksessie", "type: workshop")
    text = _break(text, "title: Klantreizen op de dag van de zomertijd", "title: <b>Klantreizen</b>")
    (root / "events.yaml").write_text(text, encoding="utf-8")
    problems = problems_in(root)
    assert where(problems) == [
        ("events.yaml", 5, 19, "unknown_community"),
        ("events.yaml", 26, 11, "not_one_of"),
        ("events.yaml", 41, 12, "html_in_text"),
    ]
    assert format_problem(problems[0]).endswith("Bedoelde je `community-cx`?")


def test_problems_in_all_three_files_are_reported_together(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    for name, old, new in (
        ("external_communities.yaml", "themes: [formulieren]", "themes: [formulier]"),
        ("events.yaml", "status: cancelled", "status: afgelast"),
        ("communities.yaml", "members: 600", "members: -600"),
    ):
        path = root / name
        path.write_text(_break(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    assert where(problems_in(root)) == [
        ("communities.yaml", 42, 14, "negative"),
        ("events.yaml", 57, 13, "not_one_of"),
        ("external_communities.yaml", 6, 14, "unknown_theme"),
    ]


def test_unknown_field_suggests_the_right_name(tmp_path: Path) -> None:
    problems = problems_in(make_data(tmp_path, CORPUS / "events" / "unknown-field.yaml"))
    assert format_problem(problems[0]).endswith(
        "Het veld `registraton_url` bestaat niet. Kijk in CONTRIBUTING.md welke velden er zijn. "
        "Bedoelde je `registration_url`?"
    )


def test_valid_fixture_has_no_problems(parser: str) -> None:
    network = load_site(DataFiles(FIXTURE))
    assert (len(network.themes), len(network.communities), len(network.events), len(network.external)) == (3, 3, 8, 1)


def test_check_command_accepts_the_valid_fixture(tmp_path: Path, run_check: Callable[..., Run]) -> None:
    result = run_check(make_data(tmp_path), "check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("In orde"), result.stdout
    assert all(": waarschuwing: " in line for line in result.stderr.splitlines()), result.stderr


def test_check_command_lists_problems_and_fails(tmp_path: Path, run_check: Callable[..., Run]) -> None:
    case = _read_case(CORPUS / "events" / "unknown-community.yaml")
    result = run_check(make_data(tmp_path, case.path), "check")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    *problems, summary = result.stderr.splitlines()
    assert len(problems) == 1
    assert re.fullmatch(r"events\.yaml:\d+:\d+: \S.*", problems[0])
    assert problems[0].startswith(f"events.yaml:{case.line}:{case.column}: Er is geen community")
    assert summary == "1 probleem gevonden. Er is niets gepubliceerd."


def test_check_command_refuses_an_unknown_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        run_cli(monkeypatch, capsys, "controleer", "--root", str(make_data(tmp_path)))
    assert exited.value.code == 2
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err
    assert "'controleer'" in printed.err, printed.err


# The real entry point, in its own process: the tests above call generator.cli.main() directly.


@pytest.mark.e2e  # the command in a process of its own
def test_the_real_command_accepts_the_valid_fixture(tmp_path: Path) -> None:
    result = run_real_check(make_data(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("In orde"), result.stdout
    assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.e2e  # the command in a process of its own
def test_the_real_command_reports_a_broken_file_without_traceback(tmp_path: Path) -> None:
    case = _read_case(CORPUS / "events" / "unknown-community.yaml")
    result = run_real_check(make_data(tmp_path, case.path))
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.startswith(f"events.yaml:{case.line}:{case.column}: Er is geen community"), result.stderr
    assert result.stderr.endswith("1 probleem gevonden. Er is niets gepubliceerd.\n"), result.stderr
