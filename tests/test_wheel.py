"""The package as another network gets it: a wheel, installed in a fresh venv, runs init, check and build.

The wheel is built the way pip builds it (`pip wheel --no-deps .`, in its own build environment), then
installed with its dependencies into a new venv, at the versions of requirements/site.txt (`-c`), as
`pip install` from an index does. Everything then runs outside the repository, so the templates, the
theme and the starter files must come from the wheel itself. pip needs the package index (or its
cache); in CI (`CI` set) that is a failure, on a laptop without it the test is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import REPORT, ROOT, require_tool
from generator.release import DISTRIBUTION, VERSION

pytestmark = pytest.mark.package


def _run(*command: str | Path, cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"NO_MKDOCS_2_WARNING": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", out, ROOT, cwd=out)
    require_tool(built.returncode == 0 or "Could not" not in built.stderr, "the package index, for setuptools")
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("*.whl")
    return found


def test_the_wheel_holds_every_file_the_package_reads(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    package_files = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "generator").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert package_files - names == set()
    assert wheel.name == f"{DISTRIBUTION.replace('-', '_')}-{VERSION}-py3-none-any.whl"
    assert f"{DISTRIBUTION.replace('-', '_')}-{VERSION}.dist-info/licenses/LICENSE" in names
    metadata = zipfile.ZipFile(wheel).read(f"{DISTRIBUTION.replace('-', '_')}-{VERSION}.dist-info/METADATA").decode()
    assert "License-Expression: EUPL-1.2" in metadata
    assert "Een eigen site voor je netwerk" in metadata  # the README as the long description


def test_the_wheel_in_a_fresh_venv_runs_init_check_and_build(
    wheel: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    # A venv without pip of its own (setting pip up in it costs more CPU than the rest of the
    # venv); this pip installs into it (`--python`), running in the venv's Python as its own would.
    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path).returncode == 0
    python = venv / "bin" / "python"
    started = time.perf_counter()
    constraints = ROOT / "requirements" / "site.txt"
    installed = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "-c", constraints, wheel, cwd=tmp_path
    )
    require_tool(installed.returncode == 0 or "No matching distribution" not in installed.stderr, "the package index")
    assert installed.returncode == 0, installed.stderr
    install_seconds = time.perf_counter() - started

    where = _run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path)
    assert str(venv) in where.stdout, f"generator came from {where.stdout.strip()}, not from the wheel"
    version = _run(python, "-m", "generator", "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"{DISTRIBUTION} {VERSION}"

    site = tmp_path / "nieuwe-site"
    network = ("--name", "Netwerk Wiel", "--url", "https://wiel.example/")
    init = _run(python, "-m", "generator", "init", site, *network, cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    check = _run(python, "-m", "generator", "check", cwd=site)
    assert check.returncode == 0, check.stderr
    # Committed first, as a site is: in CI a strict build without git history stops (build.build_site).
    author = ("-c", "user.name=Redactie", "-c", "user.email=redactie@example.org")
    for step in (("init", "-q"), ("add", "-A"), (*author, "commit", "-qm", "Nieuwe site")):
        assert _run("git", *step, cwd=site).returncode == 0
    build = _run(venv / "bin" / "mkdocs", "build", "--strict", cwd=site)
    assert build.returncode == 0, build.stderr
    assert f"{DISTRIBUTION} {VERSION}" in build.stderr  # the build log says which version built the site
    assert "Netwerk Wiel heeft 1 community." in (site / "site" / "communities" / "index.html").read_text("utf-8")
    size = wheel.stat().st_size
    request.config.stash.setdefault(REPORT, []).append(
        f"wheel: {wheel.name}, {size / 1024:.0f} KiB; install in a fresh venv {install_seconds:.0f} s"
    )
