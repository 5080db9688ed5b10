"""Every HTML page passes the Nu Html Checker (vnu), the W3C's validator: the fixture site and the
project's own site, each built by MkDocs (with Material) and by Zensical.

vnu runs once, in one Java process, over the harness's two pages and every page of the four sites:
Java starts once and its JIT warms up once. Each test then reads the messages about its own files."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from conftest import JS_TOOLS, require_tool

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

VNU_JAR = JS_TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    java = shutil.which("java")
    require_tool(java is not None, "Java")
    require_tool(VNU_JAR.is_file(), "the npm package vnu-jar")
    assert java is not None  # for mypy: require_tool stopped the test otherwise
    return [java, "-jar", str(VNU_JAR)]


def _check(vnu: list[str], files: list[Path]) -> list[dict[str, Any]]:
    """vnu's messages about `files`; it writes its JSON report to stderr."""
    result = subprocess.run(
        [*vnu, "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON (exit {result.returncode}):\n{result.stderr[-2000:]}{result.stdout[-2000:]}")
    messages: list[dict[str, Any]] = report["messages"]
    return messages


def _file(message: dict[str, Any]) -> Path | None:
    """The file a message is about (vnu names it by a file: URL), or None when it names none."""
    url = message.get("url")
    return Path(unquote(urlsplit(url).path)).resolve() if url else None


def _is_error(message: dict[str, Any]) -> bool:
    return message.get("type") in ("error", "non-document-error", "fatal") or message.get("subType") == "fatal"


@pytest.fixture(scope="module")
def harness_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A broken page that must give an error, and a good one that must give none."""
    folder = tmp_path_factory.mktemp("vnu-harness")
    bad = folder / "bad.html"
    bad.write_text('<!doctype html><html lang="nl"><title>x</title><p><div></p>', encoding="utf-8")
    good = folder / "good.html"
    good.write_text('<!doctype html><html lang="nl"><title>x</title><p>Goed.</p>', encoding="utf-8")
    return {"bad": bad, "good": good}


# The fixture site and the project's own, by each builder (conftest.py).
SITES = ("built_site", "project_site", "zensical_site", "zensical_project_site")


@pytest.fixture(scope="module")
def checked(vnu: list[str], harness_pages: dict[str, Path], request: pytest.FixtureRequest) -> dict[str, Any]:
    """One vnu run over the harness pages and every page of the sites: the pages of each site and
    vnu's messages, the ones that name no file under None."""
    sites = {which: request.getfixturevalue(which) for which in SITES}
    pages = {which: sorted(site.rglob("*.html")) for which, site in sites.items()}
    files = [*harness_pages.values(), *(page for listed in pages.values() for page in listed)]
    messages: dict[Path | None, list[dict[str, Any]]] = defaultdict(list)
    for message in _check(vnu, files):
        messages[_file(message)].append(message)
    return {"sites": sites, "pages": pages, "messages": messages}


def test_the_checker_catches_an_error(checked: dict[str, Any], harness_pages: dict[str, Path]) -> None:
    """The harness itself: a broken page must give an error, a good one none."""
    messages = checked["messages"]
    errors = {name for name, page in harness_pages.items() if any(_is_error(m) for m in messages[page.resolve()])}
    assert errors == {"bad"}, {name: messages[page.resolve()] for name, page in harness_pages.items()}


@pytest.mark.parametrize("which", SITES)
def test_every_page_is_valid_html(checked: dict[str, Any], which: str) -> None:
    """Every page of the fixture site and of the project's own site, by each builder."""
    built_site: Path = checked["sites"][which].resolve()
    pages: list[Path] = checked["pages"][which]
    assert len(pages) > 20, pages
    # A message that names no file (vnu could not read something) fails every site.
    messages = [m for page in [None, *(p.resolve() for p in pages)] for m in checked["messages"].get(page, [])]
    messages = [m for m in messages if _is_error(m)]
    if not messages:
        return
    by_message: dict[str, list[str]] = defaultdict(list)
    for m in messages:
        page = Path(unquote(urlsplit(m.get("url", "")).path))
        if page.is_relative_to(built_site):
            page = page.relative_to(built_site)
        where = f"{page}:{m.get('lastLine', '?')}"
        extract = m.get("extract", "").replace("\n", "⏎").strip()
        by_message[m["message"]].append(f"{where}  {extract[:140]}")
    lines = [f"{len(messages)} vnu error(s) in {len({m.get('url') for m in messages})} of {len(pages)} pages:"]
    for message, places in sorted(by_message.items(), key=lambda item: -len(item[1])):
        lines.append(f"- {message} ({len(places)}×)")
        lines.extend(f"    {place}" for place in places[:5])
        if len(places) > 5:
            lines.append(f"    … and {len(places) - 5} more")
    pytest.fail("\n".join(lines), pytrace=False)
