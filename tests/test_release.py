"""Releases and upgrades: the release workflow, the package's own metadata and changelog, the labels
and the keep-alive of the workflows, `upgrade`, and the Makefiles' `help` and `serve` on a taken port.

The wheel itself, served from a package index, is tests/test_wheel.py.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import INIT_EMAIL, INIT_NAME, INIT_URL, ROOT
from generator import release
from generator.release import DISTRIBUTION, VERSION
from generator.starter import FILES, LOCKED, NewSite, write_site
from generator.upgrade import MANAGED, managed, pinned_version

WORKFLOWS = ROOT / ".github" / "workflows"
STARTER = ROOT / "generator" / "starter" / "files"
TODAY = date(2026, 11, 29)


def _workflow(path: Path) -> dict[Any, Any]:
    # BaseLoader: `on:` stays the text "on" (safe_load makes it True).
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # type: ignore[no-any-return]  # noqa: S506


def test_a_tag_runs_the_tests_then_publishes_with_trusted_publishing() -> None:
    flow = _workflow(WORKFLOWS / "release.yml")
    assert flow["on"] == {"push": {"tags": ["v*.*.*"]}}
    jobs = flow["jobs"]
    test_steps = " ".join(step.get("run", "") for step in jobs["test"]["steps"])
    assert "make lint" in test_steps and "make test" in test_steps
    build = " ".join(step.get("run", "") for step in jobs["build"]["steps"])
    assert "python -m build" in build and "twine check --strict dist/*" in build
    assert "python -m generator.release" in build
    assert jobs["build"]["needs"] == "test" and jobs["pypi"]["needs"] == "build"
    pypi = jobs["pypi"]
    assert pypi["permissions"] == {"id-token": "write"} and pypi["environment"]["name"] == "pypi"
    (publish,) = [step for step in pypi["steps"] if step.get("uses", "").startswith("pypa/gh-action-pypi-publish@")]
    assert "with" not in publish, "trusted publishing takes no password or token"
    text = (WORKFLOWS / "release.yml").read_text(encoding="utf-8")
    assert "secrets." not in text and "PYPI_" not in text.upper().replace("PYPI_PUBLISH", "")
    github = jobs["github-release"]
    assert github["permissions"] == {"contents": "write"} and github["needs"] == "pypi"
    assert (
        "gh release create" in github["steps"][-1]["run"] and "--notes-file dist-notes.md" in github["steps"][-1]["run"]
    )


def test_the_changelog_is_in_the_package_with_a_section_for_this_version() -> None:
    assert release.changelog() == (ROOT / "generator" / "CHANGELOG.md").read_text(encoding="utf-8")
    section = release.changelog_section(VERSION)
    assert section and not section.startswith("#") and "\n## " not in section
    text = "# x\n\n## 1.1.0 (2027-01-05)\n\nNieuw.\n\n## 1.0.0\n\nOud.\n"
    assert release.changelog_section("1.1.0", text) == "Nieuw.\n"
    assert release.changelog_section("1.0.0", text) == "Oud.\n"
    assert release.changelog_section("1.0", text) is None


@pytest.mark.parametrize(("tag", "code"), [(f"v{VERSION}", 0), ("v9.9.9", 1)])
def test_the_release_notes_command(tag: str, code: int) -> None:
    run = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "-m", "generator.release", tag],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )  # fmt: skip
    assert run.returncode == code, run.stderr
    if code:
        assert "CHANGELOG.md heeft geen kopje '## 9.9.9'" in run.stderr and not run.stdout
    else:
        assert run.stdout == release.changelog_section(VERSION)


def test_the_package_has_its_own_readme_and_links() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["readme"] == "generator/README.md"
    assert project["urls"] == {
        "Homepage": release.HOME,
        "Changelog": release.CHANGELOG_URL,
        "Issues": f"{release.HOME}/issues",
    }
    readme = (ROOT / "generator" / "README.md").read_text(encoding="utf-8")
    assert f"pip install {DISTRIBUTION}" in readme and "init mijn-site" in readme and "--email" in readme
    assert "make site" in readme and release.CHANGELOG_URL in readme


def test_a_new_site_is_pinned_to_what_this_release_was_tested_with() -> None:
    """generator/starter/locked.txt holds the pins of requirements/zensical.txt (`make lock` writes both)."""
    lock = (ROOT / "requirements" / "zensical.txt").read_text(encoding="utf-8")
    pins = [line for line in lock.splitlines() if re.match(r"[A-Za-z0-9]", line)]
    assert LOCKED.read_text(encoding="utf-8").splitlines() == pins


@pytest.mark.parametrize("github", [ROOT / ".github", STARTER / "dot-github"], ids=["here", "init"])
def test_a_workflow_makes_every_label_the_issue_forms_use(github: Path) -> None:
    used = {label for form in (github / "ISSUE_TEMPLATE").glob("*.yml") for label in _workflow(form).get("labels", [])}
    assert used, "the forms use labels"
    script = _workflow(github / "workflows" / "labels.yml")["jobs"]["labels"]["steps"][-1]["run"]
    made = set(re.findall(r'gh label create "([^"]+)"', script))
    assert used <= made, used - made


@pytest.mark.parametrize(
    "workflow",
    [WORKFLOWS / "publish.yml", STARTER / "dot-github" / "workflows" / "publiceren.yml"],
    ids=["here", "init"],
)
def test_the_nightly_build_keeps_itself_enabled(workflow: Path) -> None:
    """GitHub pauses a scheduled workflow after 60 days without activity; the nightly build (which moves
    past events to the archive) enables itself again, by its own file name."""
    flow = _workflow(workflow)
    assert flow["on"]["schedule"]
    (job,) = [job for job in flow["jobs"].values() if "/enable" in str(job.get("steps"))]
    assert job["if"] == "github.event_name == 'schedule'" and job["permissions"] == {"actions": "write"}
    assert f"actions/workflows/{workflow.name}/enable" in job["steps"][-1]["run"]


# `upgrade`


@pytest.fixture
def made(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    write_site(NewSite(INIT_NAME, INIT_URL, INIT_EMAIL), folder, TODAY)
    return folder


def test_upgrade_on_a_site_as_init_wrote_it_has_nothing_to_do(made: Path, cli: Any) -> None:
    run = cli("upgrade", "--root", str(made))
    assert run.returncode == 0, run.stderr
    assert "Niets te doen" in run.stdout and not run.stderr


def test_upgrade_shows_and_applies_what_this_release_writes_in_the_generators_files(made: Path, cli: Any) -> None:
    workflow = made / ".github" / "workflows" / "controle.yml"
    written = workflow.read_text(encoding="utf-8")
    workflow.write_text(written.replace("make site", "mkdocs build --strict"), encoding="utf-8")
    (made / "CONTRIBUTING.md").unlink()
    own = made / "content" / "over.md"
    own.write_text("# Over ons\n\nVan ons.\n", encoding="utf-8")

    shown = cli("upgrade", "--root", str(made))
    assert shown.returncode == 0, shown.stderr
    assert "--- a/.github/workflows/controle.yml" in shown.stdout
    assert "-        run: mkdocs build --strict\n+        run: make site\n" in shown.stdout
    assert "--- /dev/null\n+++ b/CONTRIBUTING.md" in shown.stdout
    assert "over.md" not in shown.stdout  # the network's own page
    assert "upgrade --apply" in shown.stdout
    assert workflow.read_text(encoding="utf-8") != written  # shown, not written

    applied = cli("upgrade", "--root", str(made), "--apply")
    assert applied.returncode == 0 and "Geschreven (2)" in applied.stdout
    assert workflow.read_text(encoding="utf-8") == written and (made / "CONTRIBUTING.md").is_file()
    assert own.read_text(encoding="utf-8") == "# Over ons\n\nVan ons.\n"
    assert "Niets te doen" in cli("upgrade", "--root", str(made)).stdout


def test_only_the_generators_files_are_managed() -> None:
    written = {
        path.relative_to(STARTER).as_posix().replace("dot-", ".") for path in STARTER.rglob("*") if path.is_file()
    }
    mine = {path for path in written if managed(path)}
    assert mine >= {".github/workflows/controle.yml", "CONTRIBUTING.md", "Makefile", "requirements.txt"}
    assert not mine & {"mkdocs.yml", "communities.yaml", "events.yaml", "README.md", "content/over.md"}
    assert all(any(managed(path) for path in written if re.fullmatch(p.replace("*", ".*"), path)) for p in MANAGED)
    assert FILES.is_dir()


def test_a_site_pinned_to_another_release_is_warned_in_dutch(made: Path, cli: Any) -> None:
    requirements = made / "requirements.txt"
    requirements.write_text(requirements.read_text("utf-8").replace(f"=={VERSION}", "==0.1.0", 1), "utf-8")
    assert pinned_version(made) == "0.1.0"
    for command in (("check", "--root", str(made)), ("upgrade", "--root", str(made))):
        run = cli(*command)
        assert run.returncode == 0, run.stderr
        assert f"deze site zet {DISTRIBUTION} 0.1.0 vast in requirements.txt, maar hier draait versie {VERSION}" in (
            run.stderr
        )
        assert release.CHANGELOG_URL in run.stderr
    upgrade = cli("upgrade", "--root", str(made), "--apply")
    assert "requirements.txt" in upgrade.stdout and pinned_version(made) == VERSION
    assert "Let op" not in cli("check", "--root", str(made)).stderr


def test_this_repository_pins_nothing_and_gets_no_warning(cli: Any) -> None:
    assert pinned_version(ROOT) is None


# The Makefiles


def _make(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("MAKEFLAGS", "MAKELEVEL")}
    # -o: the venv counts as made; the test is about the target, not about installing.
    return subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.installed", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.e2e
def test_make_help_and_serve_on_a_taken_port(made: Path) -> None:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    for folder, targets in (
        (ROOT, ("site", "test", "serve", "lint", "lock", "help")),
        (made, ("site", "serve", "help")),
    ):
        shown = _make("help", cwd=folder)
        assert shown.returncode == 0, shown.stderr
        for target in targets:
            assert re.search(rf"^  {target} +\S", shown.stdout, re.M), (folder, shown.stdout)
    if not (ROOT / ".venv" / "bin" / "python").exists():
        pytest.skip("no venv here")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        (made / ".venv" / "bin").mkdir(parents=True)
        (made / ".venv" / "bin" / "python").symlink_to(ROOT / ".venv" / "bin" / "python")
        for folder in (ROOT, made):
            run = _make("serve", f"PORT={port}", cwd=folder)
            assert run.returncode != 0
            assert f"Poort {port} is al in gebruik" in run.stdout and f"make serve PORT={8001}" in run.stdout
            assert "Traceback" not in run.stdout + run.stderr
