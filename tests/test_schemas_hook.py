"""The other editors' tool beside the schemas: the pre-commit hook that runs the data check.

The hook must work from a fresh clone on a computer where the `python` first on PATH is not the
project's environment, so pre-commit makes the environment itself (`language: python`), with the
project's dependencies. These tests validate the configuration, keep its dependencies equal to
pyproject.toml's, and run the hook for real with a bare Python first on PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, make_project

CONFIG = ROOT / ".pre-commit-config.yaml"
HOOK_ID = "community-data-check"


def _hook() -> dict[str, Any]:
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    (hook,) = (hook for hook in hooks if hook["id"] == HOOK_ID)
    return dict(hook)


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_hook_installs_the_dependencies_of_pyproject() -> None:
    """pre-commit, not the computer, provides the check's libraries: the same ones as the package."""
    hook = _hook()
    assert hook["language"] == "python"
    assert hook["entry"] == "python -m generator check"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert hook["additional_dependencies"] == project["dependencies"], (
        "additional_dependencies in .pre-commit-config.yaml must equal dependencies in pyproject.toml"
    )


@pytest.mark.e2e  # pre-commit makes its own environment: `make test` runs this, `make test-fast` does not
def test_hook_runs_the_check_with_a_bare_python_first_on_path(tmp_path: Path) -> None:
    """A fresh clone where `python` is an interpreter without pydantic: the hook still checks, and
    stops a commit with the check's Dutch message."""
    bare = tmp_path / "bare"
    venv.create(bare, with_pip=False)
    imported = subprocess.run([bare / "bin" / "python", "-c", "import pydantic"], capture_output=True, check=False)
    assert imported.returncode != 0
    clone = make_project(tmp_path / "clone")
    shutil.copytree(ROOT / "generator", clone / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    # Only the local hook: the ruff hooks would fetch from GitHub, which the test does not need.
    config["repos"] = [repo for repo in config["repos"] if repo["repo"] == "local"]
    (clone / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=clone, check=True)
    subprocess.run(["git", "add", "."], cwd=clone, check=True)
    path = os.pathsep.join([str(bare / "bin"), *(p for p in os.environ["PATH"].split(os.pathsep) if ".venv" not in p)])
    env = {**os.environ, "PATH": path}
    env.pop("VIRTUAL_ENV", None)

    def hook() -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "pre_commit", "run", HOOK_ID, "--all-files", "--color", "never"]
        return subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True, timeout=540, check=False)

    passed = hook()
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
    events = clone / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("type: webinar", "type: webinaar", 1), "utf-8")
    failed = hook()
    assert failed.returncode == 1, failed.stdout + failed.stderr
    line = next(n for n, text in enumerate(events.read_text("utf-8").splitlines(), 1) if "webinaar" in text)
    assert any(out.startswith(f"events.yaml:{line}:") and "webinaar" in out for out in failed.stdout.splitlines())
