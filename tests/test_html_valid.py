"""Every HTML page of the built fixture site passes the Nu Html Checker (vnu), the W3C's validator."""

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

VNU_JAR = JS_TOOLS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    java = shutil.which("java")
    require_tool(java is not None, "Java")
    require_tool(VNU_JAR.is_file(), "the npm package vnu-jar")
    return [java, "-jar", str(VNU_JAR)]


def _check(vnu: list[str], files: list[Path]) -> list[dict[str, Any]]:
    """vnu's messages about `files`; it writes its JSON report to stderr."""
    result = subprocess.run(
        [*vnu, "--format", "json", "--errors-only", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu gave no JSON (exit {result.returncode}):\n{result.stderr[-2000:]}{result.stdout[-2000:]}")
    return report["messages"]


def test_the_checker_catches_an_error(vnu: list[str], tmp_path: Path) -> None:
    """The harness itself: a broken page must give an error, a good one none."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="nl"><title>x</title><p><div></p>', encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text('<!doctype html><html lang="nl"><title>x</title><p>Goed.</p>', encoding="utf-8")
    messages = _check(vnu, [bad, good])
    files = {Path(unquote(urlsplit(m["url"]).path)).name for m in messages if m.get("type") == "error"}
    assert files == {"bad.html"}, messages


@pytest.mark.parametrize("which", ["built_site", "project_site"])
def test_every_page_is_valid_html(vnu: list[str], which: str, request: pytest.FixtureRequest) -> None:
    """Every page of the fixture site and of the project's own site."""
    built_site: Path = request.getfixturevalue(which)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20, pages
    messages = [
        m
        for m in _check(vnu, pages)
        if m.get("type") in ("error", "non-document-error", "fatal") or m.get("subType") == "fatal"
    ]
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
