"""`mkdocs serve` rebuilds the site when an editor changes a data file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import FIXTURE_EPOCH, make_project


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str, deadline: float, wanted: str) -> str:
    """The page at `url` once it contains `wanted`, polling until `deadline`."""
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if wanted in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    return body


def test_editing_events_yaml_during_serve_rebuilds(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    port = _free_port()
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/agenda/dd-webinar-december/"
        assert "Webinar duidelijke brieven" in _fetch(url, time.monotonic() + 60, "Webinar duidelijke brieven")
        events = project / "events.yaml"
        events.write_text(
            events.read_text(encoding="utf-8").replace("Webinar duidelijke brieven", "Webinar heldere brieven"),
            encoding="utf-8",
        )
        assert "Webinar heldere brieven" in _fetch(url, time.monotonic() + 30, "Webinar heldere brieven")
    finally:
        server.terminate()
        server.wait(timeout=20)
