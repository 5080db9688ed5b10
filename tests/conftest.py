"""Shared helpers: a project folder made from the fixture data and the real mkdocs.yml, built for real."""

from __future__ import annotations

import gzip
import html
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest

from generator.statement.options import StatementOptions

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site"
DATA_FILES = ("communities.yaml", "events.yaml", "external_communities.yaml")
# 2026-11-29 12:00 in Amsterdam: the fixture's "now".
FIXTURE_EPOCH = "1795950000"
# The fixture's events still to come at that "now", soonest first.
FIXTURE_UPCOMING = [
    "dd-webinar-december",
    "forms-and-letters",
    "formulieren-dag",
    "dd-geannuleerd",
    "cx-zomertijd",
    "congres-2027",
]


STATEMENT: dict[str, Any] = {"contact_email": "redactie@example.org", "statement": StatementOptions(date="2026-11-20")}
"""What a `SiteConfig` made in a test needs for the accessibility statement in content/: a date and an
address (mkdocs.yml has them; `SiteConfig(..., **STATEMENT)`)."""


def seeds(count: int) -> int:
    """How many seeded cases a generator tries: all of them in `make test`, a third in `make test-fast`
    (which sets SEEDS=fast), as a Hypothesis profile does for a quick loop. Seed n is the same case in
    both, so a failure found by either is repeated by either."""
    return max(1, count // 3) if os.environ.get("SEEDS") == "fast" else count


def make_project(target: Path, data: Path = FIXTURE) -> Path:
    """A folder with mkdocs.yml from the repository and the data of `data`, with its content pages
    (the fixture site's when `data` has none)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in DATA_FILES:
        shutil.copy(data / name, target / name)
    content = data / "content" if (data / "content").is_dir() else FIXTURE / "content"
    shutil.copytree(content, target / "content", dirs_exist_ok=True)
    return target


def run_mkdocs(
    project: Path, *args: str, epoch: str = FIXTURE_EPOCH, ci: bool = False
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in a new process. The projects of the tests are copies without git, which
    a strict build in CI refuses to publish (`build.build_site`); so the command runs as outside CI,
    unless `ci` (the test of that refusal)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "NO_MKDOCS_2_WARNING": "1"}
    for name in ("CI", "GITHUB_ACTIONS"):
        env.pop(name, None)
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


class _Lines(logging.Handler):
    """MkDocs' log as its command writes it (`LEVEL    -  message`), for `build_mkdocs`."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_mkdocs(
    project: Path, *, epoch: str = FIXTURE_EPOCH, config_file: Path | None = None, require_history: bool | None = False
) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` in this process, as `mkdocs.__main__.build_command` runs it: the real
    MkDocs, Material and plugin, without starting Python and importing them again (a build of the
    fixture costs a third of `run_mkdocs`). The log is in `stderr` as the command writes it; a
    failure that MkDocs reports (exit code 1) is returncode 1, any other exception goes up to the
    test. `run_mkdocs` stays for what only the real command shows: the exit code, no traceback."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config_file = config_file or project / "mkdocs.yml"
    logger, lines = logging.getLogger("mkdocs"), _Lines()
    level = logger.level
    logger.addHandler(lines)
    logger.setLevel(logging.INFO)
    returncode = 0
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", epoch)
            patch.setenv("NO_MKDOCS_2_WARNING", "1")
            try:
                config = load_config(str(config_file), strict=True)
                plugin = config.plugins.get("communities")
                if plugin is not None:
                    plugin.require_history = require_history
                config.plugins.on_startup(command="build", dirty=False)
                try:
                    build(config)
                finally:
                    config.plugins.on_shutdown()
            except click.ClickException as error:  # MkDocs' own errors: the command ends with code 1
                lines.lines.append(error.format_message())
                returncode = error.exit_code
    finally:
        logger.removeHandler(lines)
        logger.setLevel(level)
    args = ["mkdocs", "build", "--strict", "-f", str(config_file)]
    return subprocess.CompletedProcess(args, returncode, "", "\n".join(lines.lines) + "\n")


def copy_site(site: Path, project: Path) -> Path:
    """A site built before, in `project`'s site folder: for a test of what a later build does to it."""
    shutil.copytree(site, project / "site")
    return project


def article_text(page: Path) -> str:
    """The visible text of a page's main content, tags and words for screen readers only removed, white
    space folded."""
    source = page.read_text(encoding="utf-8")
    match = re.search(r"<article[^>]*>(.*?)</article>", source, re.S)
    assert match, f"no <article> in {page}"
    seen = re.sub(r'<span class="site-visually-hidden">[^<]*</span>', "", match.group(1))
    inline_removed = re.sub(r"</?(?:a|time|strong|em|span|code|abbr)\b[^>]*>", "", seen)
    text = re.sub(r"<[^>]+>", " ", inline_removed)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def indexed_pages(site: Path) -> dict[str, dict[str, Any]]:
    """What the site's search (Pagefind, in `site/pagefind/`) holds of each page, by address: its text
    (`content`), `meta` (title, date, place, status), `filters` and `word_count`. Each page is one
    fragment: gzip around `pagefind_dcd` and JSON, as Pagefind's own script reads it."""
    pages = {}
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(b"pagefind_dcd"), fragment
        page: dict[str, Any] = json.loads(data.removeprefix(b"pagefind_dcd"))
        pages[page["url"]] = page
    return pages


@pytest.fixture(scope="session")
def project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own data and content pages, built by MkDocs (in this process)."""
    project = make_project(tmp_path_factory.mktemp("own"), ROOT)
    result = build_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data set, built once by MkDocs with the plugin, in this process (`build_mkdocs`). The
    whole command in its own process builds the same bytes: test_build's end-to-end test compares the two."""
    project = make_project(tmp_path_factory.mktemp("project"))
    result = build_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


# Zensical, installed beside MkDocs from requirements/test.txt (`make test`) or zensical.txt (`make site`).
ZENSICAL = Path(sys.executable).with_name("zensical")


def build_zensical(project: Path, tree: Path) -> Path:
    """`make site BUILDER=zensical` for `project`: `python -m generator render --out tree` (in this
    process), `zensical build --strict` of that project in its own, then `python -m generator index`
    of the site (in this process). Returns the built site."""
    from generator.cli import main

    require_tool(ZENSICAL.is_file(), "Zensical (requirements/test.txt)")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
        assert main(["render", "--config", str(project / "mkdocs.yml"), "--out", str(tree)]) == 0
    built = subprocess.run(
        [str(ZENSICAL), "build", "--strict", "-f", str(tree / "mkdocs.yml")],
        env={**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert main(["index", str(tree / "site")]) == 0  # the search index, as `make site BUILDER=zensical` makes it
    return tree / "site"


@pytest.fixture(scope="session")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture data set as `make site` builds it with Zensical, once."""
    base = tmp_path_factory.mktemp("zensical")
    return build_zensical(make_project(base / "project"), base / "tree")


@pytest.fixture(scope="session")
def zensical_project_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's own data and content pages as `make site` builds them with Zensical, once."""
    base = tmp_path_factory.mktemp("zensical-own")
    return build_zensical(make_project(base / "project", ROOT), base / "tree")


JS_TOOLS = ROOT / "tests" / "js"


def require_tool(available: bool, what: str) -> None:
    """Skip a test whose tool is missing on a laptop; in CI (`CI` set) a missing tool is a failure."""
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing, and CI must run every test")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="session")
def icaljs() -> Path:
    """The script that reads .ics files with Mozilla's ical.js; installs the npm tools when needed."""
    node = shutil.which("node")
    require_tool(node is not None, "Node.js")
    if not (JS_TOOLS / "node_modules" / "ical.js").is_dir() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=JS_TOOLS, check=True, capture_output=True)
    require_tool((JS_TOOLS / "node_modules" / "ical.js").is_dir(), "the npm package ical.js")
    return JS_TOOLS / "parse_ics.mjs"


REPORT = pytest.StashKey[list[str]]()
"""Lines that a test wants shown under pytest's summary (the browser report)."""


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    lines = config.stash.get(REPORT, None)
    if lines:
        terminalreporter.write_sep("-", "browser check")
        for line in lines:
            terminalreporter.write_line(line)


# --- the browser, for the tests that open the built sites (see browser_harness.py) -----------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One Chromium for the whole session; tests open their own contexts in it."""
    from browser_harness import AXE, CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    require_tool(Path(CHROMIUM).is_file(), "Chromium (/usr/bin/chromium)")
    require_tool(AXE.is_file(), "the npm package axe-core")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _served(folder: Path) -> Iterator[str]:
    from browser_harness import serve

    with serve(folder) as base:
        yield base


def _in_browser(browser: Any, base: str, builder: str) -> Iterator[Any]:
    """A built site in the browser, with what the test modules of this run read on each visit of this
    builder's pages (`browser_harness.read_on_each_visit`)."""
    from browser_harness import READINGS, Site

    visited = Site(browser, base, [reading for reading in READINGS.values() if builder in reading.builders])
    yield visited
    visited.close()


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The fixture site on http://127.0.0.1:<free port>."""
    yield from _served(built_site)


@pytest.fixture(scope="session")
def site(browser: Any, served_site: str) -> Iterator[Any]:
    """The fixture site in the browser, each page and colour scheme visited once for all tests."""
    yield from _in_browser(browser, served_site, "mkdocs")


@pytest.fixture(scope="session")
def served_zensical_site(zensical_site: Path) -> Iterator[str]:
    """The fixture site as Zensical builds it, on http://127.0.0.1:<free port>."""
    yield from _served(zensical_site)


@pytest.fixture(scope="session")
def zensical_pages(browser: Any, served_zensical_site: str) -> Iterator[Any]:
    """The Zensical build in the browser, each page and colour scheme visited once for all tests."""
    yield from _in_browser(browser, served_zensical_site, "zensical")


# Each builder of `make site`, and the fixtures of the fixture site it built: the files, the address
# it is served on, and its pages in the browser. Tests of a gate that both must pass take a builder.
BUILDERS = {
    "mkdocs": {"built": "built_site", "served": "served_site", "pages": "site"},
    "zensical": {"built": "zensical_site", "served": "served_zensical_site", "pages": "zensical_pages"},
}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """`python -m generator *args` in this process (see `test_invalid.run_cli`); keyword arguments
    are environment variables."""
    from test_invalid import run_cli  # a test module: imported when used, after this file

    def run(*args: str, stdin: str = "", terminal: bool = False, **env: str) -> Any:
        return run_cli(monkeypatch, capsys, *args, stdin=stdin, terminal=terminal, env=env)

    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the fixture's three data files, to change in a test."""
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, tmp_path / name)
    return tmp_path


def git(folder: Path, *arguments: str) -> str:
    """git in a test's repository, as one editor, with no settings of this computer."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    env |= {"GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}
    result = subprocess.run(["git", *arguments], cwd=folder, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def data_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's three data files, committed on `main` in a repository of their own: an editor's
    clone, for commands that compare with a git version (`--base main`)."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    folder = tmp_path / "site"
    folder.mkdir()
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, folder / name)
    git(folder, "init", "-q", "-b", "main")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "Begin")
    return folder


INIT_NAME = "Netwerk Waterbeheer"
INIT_URL = "https://communities.waterbeheer.example/"
INIT_EMAIL = "redactie@waterbeheer.example"


@pytest.fixture(scope="session")
def new_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site made by `init` and built by MkDocs (`mkdocs build --strict`, in this process), once:
    tests/test_init.py reads it, and the keyboard walk goes through it as through the fixture site."""
    from generator.cli import main

    folder = tmp_path_factory.mktemp("init") / "site-nieuw"
    with pytest.MonkeyPatch.context() as patch:  # the example event's day follows the tests' "now"
        patch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
        assert main(["init", str(folder), "--name", INIT_NAME, "--url", INIT_URL, "--email", INIT_EMAIL]) == 0
    built = build_mkdocs(folder)
    assert built.returncode == 0, built.stderr
    return folder
