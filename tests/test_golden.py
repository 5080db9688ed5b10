"""Golden files: every generated page, the home page and every feed of the fixture site, byte for byte.

tests/golden/ holds what `build_site()` makes of tests/fixtures/site at the fixture's "now", with the
settings of the repository's mkdocs.yml (site_url, repository: so the edit links are in them), from a
copy of the fixture in a git repository of its own with one commit at `FIXTURE_COMMIT` (see
`fixture_in_git()`). A change
in a template, a text or a feed shows here as a diff of the files, to review in the pull request.

After an intended change, refresh them with the one command `make goldens` (it runs this file with
UPDATE_GOLDENS=1: every file is written again, and goldens the site no longer has are removed).
"""

from __future__ import annotations

import atexit
import dataclasses
import os
import shutil
import subprocess
import tempfile
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

from conftest import FIXTURE, FIXTURE_EPOCH, ROOT
from generator.build import build_site
from generator.catalogue.urls import HOME_PAGE
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles
from generator.settings import read_settings

GOLDEN = ROOT / "tests" / "golden"
KEEP = {".gitattributes"}
"""Files in tests/golden/ that are not output: `* -text` there, so git never changes the CRLF of the feeds."""
REFRESH = "make goldens"
UPDATE = bool(os.environ.get("UPDATE_GOLDENS"))
FIXTURE_COMMIT = "2026-11-20T10:00:00+00:00"
"""The date of the fixture's one commit: the CREATED, LAST-MODIFIED and DTSTAMP of every golden event."""


def fixture_in_git() -> Path:
    """The fixture site, copied into a git repository of its own with one commit at FIXTURE_COMMIT.

    The feeds take their stamps from the git history of events.yaml. The fixture in place would give
    the goldens the times of this repository's commits: they would change with every commit to the
    fixture, differ for an edit not yet committed, and differ again in CI, which tests a merge commit
    made by GitHub. A copy outside git would give the fallback ("now" for everything), which is not
    what a published site shows. A fixed history gives the published form, the same every time.
    """
    folder = Path(tempfile.mkdtemp(prefix="golden-fixture-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
    env = {name: value for name, value in os.environ.items() if not name.startswith("GIT_")}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    person = {"NAME": "Redactie", "EMAIL": "redactie@example.org", "DATE": FIXTURE_COMMIT}
    env |= {f"GIT_{role}_{key}": value for role in ("AUTHOR", "COMMITTER") for key, value in person.items()}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Proefsite"]):
        subprocess.run(["git", *command], cwd=folder, env=env, check=True, capture_output=True)
    return folder


@cache
def built() -> dict[str, bytes]:
    """Every page, the home page and every feed of the fixture site, by path in the site, built once."""
    return build_fixture()


def build_fixture() -> dict[str, bytes]:
    """Every page, the home page and every feed of the fixture site, by path in the site."""
    config_file = ROOT / "mkdocs.yml"
    config = read_settings(config_file)
    fixture = fixture_in_git()
    config = dataclasses.replace(
        config,
        files=DataFiles(fixture, *config.files.names),
        docs_dir=fixture / config.docs_dir.relative_to(ROOT),
    )
    site = build_site(config, datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE))
    files = {page.path: page.content.encode("utf-8") for page in site.pages}
    assert site.home is not None, "the fixture site has content/index.md"
    files[HOME_PAGE] = site.home.encode("utf-8")
    files.update((feed.path, feed.content) for feed in site.feeds)
    assert len(files) == len(site.pages) + 1 + len(site.feeds), "two outputs share a path"
    return files


def goldens() -> list[str]:
    """The golden files on disk, by path in the site."""
    if not GOLDEN.is_dir():
        return []
    return sorted(
        path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file() and path.name not in KEEP
    )


def _write_goldens(files: dict[str, bytes]) -> None:
    """Make tests/golden/ exactly `files`: changed ones written, gone ones removed, empty folders too."""
    for name in set(goldens()) - files.keys():
        (GOLDEN / name).unlink()
    for name, content in files.items():
        target = GOLDEN / name
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    for folder in sorted((p for p in GOLDEN.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()


if UPDATE:
    # Before collection lists the goldens below, so that this run already checks the new set.
    _write_goldens(built())


@pytest.mark.parametrize("name", goldens())
def test_generated_file_equals_its_golden(name: str) -> None:
    files = built()
    assert name in files, f"tests/golden/{name}: the site no longer has this file. Refresh with: {REFRESH}"
    generated, expected = files[name], (GOLDEN / name).read_bytes()
    message = f"tests/golden/{name} differs from the generated file. Refresh with: {REFRESH}"
    # As lines first, so that pytest shows the ones that differ (with their \r\n); then the bytes themselves.
    assert _lines(generated) == _lines(expected), message
    assert generated == expected, message


def _lines(content: bytes) -> list[str]:
    return content.decode("utf-8", "backslashreplace").splitlines(keepends=True)


def test_a_build_of_its_own_gives_every_golden() -> None:
    """All goldens at once, from a build in this test rather than the one `built()` keeps: `make mutants`
    runs only the tests that reach the changed code, and then sees a change in any page or feed."""
    files = build_fixture()
    differing = [name for name in goldens() if files.get(name) != (GOLDEN / name).read_bytes()]
    assert differing == [], f"differ from the generated files: {differing}. Refresh with: {REFRESH}"


def test_every_generated_file_has_a_golden_and_every_golden_a_file() -> None:
    generated, stored = set(built()), set(goldens())
    missing, extra = sorted(generated - stored), sorted(stored - generated)
    assert (missing, extra) == ([], []), (
        f"no golden for: {missing}; golden without a generated file: {extra}. Refresh with: {REFRESH}"
    )


def test_the_goldens_keep_their_line_ends_in_git() -> None:
    assert (GOLDEN / ".gitattributes").read_text(encoding="utf-8").split() == ["*", "-text"]
    feeds = [name for name in goldens() if name.endswith(".ics")]
    assert feeds and all(b"\r\n" in (GOLDEN / name).read_bytes() for name in feeds)
