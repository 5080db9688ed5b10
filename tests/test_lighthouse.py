"""Google's Lighthouse on every page type of the served fixture site: accessibility, best practices and
SEO must each score 100, and no page may ask anything of a host other than 127.0.0.1.

Lighthouse 12.2.3 (npm, pinned in tests/js/package.json: newer versions need Node 22) runs through
its node API in tests/js/lighthouse.mjs, with Debian's chromium (or CHROMIUM_PATH) and one Chrome per
worker for all its pages: starting Chrome and loading Lighthouse once per page would cost more than
the audits. The page types are split over WORKERS processes that run at the same time. Lighthouse
emulates a phone (its default), once per page type; the colour schemes and widths are the work of
test_browser.py. Full reports are in pytest's temporary folder, under lighthouse/.

No audit is left out: all of them can pass on a local server (is-on-https counts 127.0.0.1 as secure)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_harness import CHROMIUM, LOCAL_HOST, PAGE_PARAMS, PAGES

from conftest import JS_TOOLS, require_tool

pytestmark = pytest.mark.browser  # `make test-fast` (pytest -m 'not browser') leaves these out

SCRIPT = JS_TOOLS / "lighthouse.mjs"
LIGHTHOUSE = JS_TOOLS / "node_modules" / "lighthouse"
CATEGORIES = ("accessibility", "best-practices", "seo")
# Lighthouse mostly waits (for the page, for Chrome); two at a time keep a 2-core machine busy.
WORKERS = 2
TIMEOUT_S = 300


@pytest.fixture(scope="module")
def lighthouse(served_site: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """Lighthouse's findings per page path."""
    node = shutil.which("node")
    require_tool(node is not None, "Node.js")
    require_tool((LIGHTHOUSE / "package.json").is_file(), "the npm package lighthouse")
    require_tool(Path(CHROMIUM).is_file(), f"Chromium ({CHROMIUM})")
    assert node
    version = json.loads((LIGHTHOUSE / "package.json").read_text(encoding="utf-8"))["version"]
    assert version == "12.2.3", f"tests/js has lighthouse {version}; run `npm ci --prefix tests/js`"
    out = tmp_path_factory.mktemp("lighthouse")
    paths = [path for _, path in PAGES]
    shards = [paths[i::WORKERS] for i in range(WORKERS)]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    started = time.monotonic()
    workers = [
        subprocess.Popen(
            [node, str(SCRIPT), str(out / f"worker-{i}"), *(served_site + path for path in shard)],
            cwd=JS_TOOLS,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, shard in enumerate(shards)
        if shard
    ]
    found: dict[str, dict[str, Any]] = {}
    try:
        for worker in workers:
            stdout, stderr = worker.communicate(timeout=TIMEOUT_S)
            assert worker.returncode == 0, f"Lighthouse failed (exit {worker.returncode}):\n{stderr[-3000:]}"
            for url, result in json.loads(stdout).items():
                found[urlsplit(url).path] = result
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    (out / "summary.json").write_text(
        json.dumps({"seconds": round(time.monotonic() - started, 1), "pages": found}, indent=2), encoding="utf-8"
    )
    assert sorted(found) == sorted(paths)
    return found


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_lighthouse_scores_100(lighthouse: dict[str, dict[str, Any]], path: str) -> None:
    result = lighthouse[path]
    assert not result["runtimeError"], f"{path}: Lighthouse could not run: {result['runtimeError']}"
    failing = "\n".join(
        f"  - {audit['category']}: {audit['id']}: {audit['title']}\n      " + "\n      ".join(audit["items"])
        for audit in result["failing"]
    )
    scores = {category: result["scores"][category] for category in CATEGORIES}
    assert scores == dict.fromkeys(CATEGORIES, 1), f"{path}: Lighthouse scores {scores}; not passing:\n{failing}"


@pytest.mark.parametrize("path", PAGE_PARAMS)
def test_lighthouse_saw_no_request_to_another_host(lighthouse: dict[str, dict[str, Any]], path: str) -> None:
    requests = lighthouse[path]["requests"]
    assert any(urlsplit(url).path == path for url in requests), f"{path}: the page itself is not among {requests}"
    foreign = [url for url in requests if urlsplit(url).scheme != "data" and urlsplit(url).hostname != LOCAL_HOST]
    assert not foreign, f"{path}: requests to other hosts: {foreign}"
