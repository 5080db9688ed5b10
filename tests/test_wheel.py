"""The package as another network gets it: a wheel on a package index, installed, then `init` and the
commands `init` prints.

The wheel is built the way pip builds it (`pip wheel --no-deps .`, in its own build environment) and
put on a package index of its own (PEP 503, served over HTTP). A fresh venv installs it from there,
with its dependencies at the versions of requirements/site.txt (`-c`); `init` writes a new site, and
the commands it prints (`cd`, `make site`) run word for word: the site's Makefile makes its own venv
and installs its own requirements.txt, from the same index. Everything runs outside the repository, so
the templates, the theme and the starter files must come from the wheel itself. pip needs the package
index for the other packages (or its cache); in CI (`CI` set) that is a failure, on a laptop without
it the test is skipped.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import REPORT, ROOT, require_tool
from generator.release import DISTRIBUTION, VERSION

pytestmark = pytest.mark.package


def _run(
    *command: str | Path, cwd: Path, timeout: int = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`command` outside this venv. NO_MKDOCS_2_WARNING is not set: what the site runs must keep
    Material's English banner away by itself."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("PYTHONPATH", "VIRTUAL_ENV", "NO_MKDOCS_2_WARNING", "MAKEFLAGS", "MAKELEVEL")
    }
    environment |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", **(env or {})}
    return subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
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
    # The package's own README as its description, and where its changelog is.
    assert "Een site beginnen" in metadata and "Gebruiker Centraal" not in metadata
    assert "Project-URL: Changelog, https://github.com/" in metadata
    for name in ("Homepage", "Issues"):
        assert f"Project-URL: {name}, https://github.com/" in metadata
    assert "generator/CHANGELOG.md" in names


@pytest.fixture(scope="module")
def package_index(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The wheel on a package index of its own (PEP 503: /simple/<name>/ links to the file), served
    over HTTP as PyPI serves it. The package is nowhere else: pip can only find it here."""
    from browser_harness import serve

    root = tmp_path_factory.mktemp("index")
    (root / "files").mkdir()
    shutil.copy(wheel, root / "files" / wheel.name)
    project = root / "simple" / DISTRIBUTION
    project.mkdir(parents=True)
    (project / "index.html").write_text(
        f'<!DOCTYPE html><html><body><a href="../../files/{wheel.name}">{wheel.name}</a></body></html>\n',
        encoding="utf-8",
    )
    with serve(root) as base:
        yield f"{base}/simple/"


def _serve_once(site: Path) -> str:
    """`make serve` on a free port until it serves the home page; what it printed by then."""
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    environment = {key: value for key, value in os.environ.items() if key not in ("NO_MKDOCS_2_WARNING", "MAKEFLAGS")}
    process = subprocess.Popen(
        ["make", "serve", f"PORT={port}"], cwd=site, env=environment, start_new_session=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        printed = []
        for line in process.stdout:
            printed.append(line)
            if "Serving on" in line:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
                    assert response.status == 200
                    assert "Netwerk Wiel" in response.read().decode("utf-8")
                break
        else:
            pytest.fail("make serve stopped:\n" + "".join(printed))
        return "".join(printed)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def _index_env(index: str) -> dict[str, str]:
    """pip's settings for a site that installs from `index`: our wheel there, every other package from
    the index pip would use anyway."""
    usual = os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple"
    return {
        "PIP_INDEX_URL": index,
        "PIP_EXTRA_INDEX_URL": f"{usual} {os.environ.get('PIP_EXTRA_INDEX_URL', '')}".strip(),
    }


def _in_ci_only_with_its_history(site: Path, env: dict[str, str]) -> None:
    """In CI the same build stops until the history is there (`fetch-depth: 0`); committed, it builds."""
    refused = _run("make", "site", cwd=site, env={**env, "CI": "true"})
    assert refused.returncode != 0 and "fetch-depth: 0" in refused.stdout + refused.stderr, refused.stderr
    author = ("-c", "user.name=Redactie", "-c", "user.email=redactie@example.org")
    for step in (("init", "-q"), ("add", "-A"), (*author, "commit", "-qm", "Nieuwe site")):
        assert _run("git", *step, cwd=site).returncode == 0
    rebuilt = _run("make", "site", cwd=site, env={**env, "CI": "true"})
    assert rebuilt.returncode == 0, rebuilt.stdout + rebuilt.stderr


def test_from_a_package_index_to_a_built_site_with_the_printed_commands(
    package_index: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """As a new owner: install the package from an index, run `init`, then the commands it prints,
    word for word. They install the site's own requirements (from the same index) and build it."""
    require_tool(shutil.which("make") is not None, "make")
    venv = tmp_path / "venv"
    assert _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path).returncode == 0
    python = venv / "bin" / "python"
    started = time.perf_counter()
    constraints = ROOT / "requirements" / "site.txt"
    env = _index_env(package_index)
    installed = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "-c", constraints, DISTRIBUTION,
        cwd=tmp_path, env=env,
    )  # fmt: skip
    require_tool(installed.returncode == 0 or "No matching distribution" not in installed.stderr, "the package index")
    assert installed.returncode == 0, installed.stderr
    install_seconds = time.perf_counter() - started

    where = _run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path)
    assert str(venv) in where.stdout, f"generator came from {where.stdout.strip()}, not from the wheel"
    version = _run(python, "-m", "generator", "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"{DISTRIBUTION} {VERSION}"

    network = ("--name", "Netwerk Wiel", "--url", "https://wiel.example/", "--email", "redactie@wiel.example")
    init = _run(python, "-m", "generator", "init", "nieuwe-site", *network, cwd=tmp_path)
    assert init.returncode == 0, init.stderr
    printed = [line.strip() for line in init.stdout.splitlines() if line.startswith("  ")]
    assert printed == ["cd nieuwe-site", "make site"], init.stdout
    # On the owner's own computer: not in CI, where a strict build of a site without git history stops
    # (build.build_site); below, it is built as CI builds it.
    laptop = {**env, "CI": "", "GITHUB_ACTIONS": ""}
    started = time.perf_counter()
    built = _run("bash", "-c", " && ".join(printed), cwd=tmp_path, env=laptop)
    build_seconds = time.perf_counter() - started
    assert built.returncode == 0, built.stdout + built.stderr
    site = tmp_path / "nieuwe-site"
    _in_ci_only_with_its_history(site, env)
    assert "Netwerk Wiel heeft 1 community." in (site / "site" / "communities" / "index.html").read_text("utf-8")
    assert (site / "site" / "pagefind").is_dir()
    output = built.stdout + built.stderr
    assert "end of life" not in output and "Material for MkDocs" not in output
    site_python = site / ".venv" / "bin" / "python"
    assert _run(site_python, "-m", "generator", "--version", cwd=site).stdout.strip() == f"{DISTRIBUTION} {VERSION}"

    assert _run("make", "test", cwd=site).returncode == 0
    shown = _run("make", "help", cwd=site).stdout
    for target in ("site", "test", "serve", "lock", "upgrade", "help"):
        assert f"  {target} " in shown, shown
    upgrade = _run(site_python, "-m", "generator", "upgrade", cwd=site)
    assert upgrade.returncode == 0 and "Niets te doen" in upgrade.stdout, upgrade.stdout + upgrade.stderr
    served = _serve_once(site)
    assert "Material for MkDocs" not in served and "end of life" not in served, served
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        serve = _run("make", "serve", f"PORT={port}", cwd=site, timeout=60)
    assert serve.returncode != 0
    assert f"Poort {port} is al in gebruik" in serve.stdout and "make serve PORT=" in serve.stdout
    assert "Traceback" not in serve.stdout + serve.stderr
    request.config.stash.setdefault(REPORT, []).append(
        f"package index: install {install_seconds:.0f} s; init, then `make site` (venv, requirements, "
        f"build) {build_seconds:.0f} s"
    )
