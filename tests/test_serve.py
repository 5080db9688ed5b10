"""`mkdocs serve` rebuilds the site when an editor changes a data file, and says in Dutch what is
wrong when the data is broken."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURE_EPOCH, make_project

# A real `mkdocs serve` for each test, seconds each: `make test` runs these, `make test-fast` does not.
pytestmark = pytest.mark.e2e

BROKEN_TYPE = "events.yaml:15:11: `webinaar` is geen geldige waarde voor `type`."
NOT_BUILT = "De site is niet gebouwd: los eerst de problemen hierboven op."


SHOWN = "De site is niet bijgewerkt"  # the page mkdocs serve shows while the data is broken


def _serve(project: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`mkdocs serve` on `port`, everything it prints going into `log`."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def _break_event_type(project: Path) -> None:
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8")
    assert text.count("type: webinar") == 1
    events.write_text(text.replace("type: webinar", "type: webinaar"), encoding="utf-8")


def _wait_for_log(log: Path, wanted: str, deadline: float) -> str:
    text = ""
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        if wanted in text:
            return text
        time.sleep(0.3)
    return text


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _fetch(url: str, deadline: float, wanted: str) -> str:
    """The page at `url` once it contains `wanted`, polling until `deadline`."""
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
                page: bytes = response.read()
            body = page.decode("utf-8")
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
        # Calendar apps that subscribe to a preview need the calendar type (README: for hosts).
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/agenda.ics", timeout=5) as response:
            assert response.headers["Content-Type"].startswith("text/calendar")
            assert response.read().startswith(b"BEGIN:VCALENDAR\r\n")
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_with_broken_data_says_what_is_wrong_and_stops(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    _break_event_type(project)
    log = tmp_path / "serve.log"
    server = _serve(project, _free_port(), log)
    try:
        returncode = server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(timeout=20)
    output = log.read_text(encoding="utf-8")
    assert returncode == 1, output
    assert BROKEN_TYPE in output and NOT_BUILT in output, output
    assert "Traceback" not in output, output


def test_breaking_the_data_during_serve_shows_what_is_wrong_until_it_is_mended(tmp_path: Path) -> None:
    """`mkdocs serve` keeps running and shows the data's problems in the browser, on the page the
    editor has open and on every other, until the data is right again; the terminal says it too."""
    project = make_project(tmp_path / "project")
    port = _free_port()
    log = tmp_path / "serve.log"
    server = _serve(project, port, log)
    try:
        url = f"http://127.0.0.1:{port}/agenda/dd-webinar-december/"
        assert "Webinar duidelijke brieven" in _fetch(url, time.monotonic() + 60, "Webinar duidelijke brieven")
        _break_event_type(project)
        page = html.unescape(_fetch(url, time.monotonic() + 30, SHOWN))
        assert SHOWN in page, page[-2000:]
        assert BROKEN_TYPE in page
        home = html.unescape(_fetch(f"http://127.0.0.1:{port}/", time.monotonic() + 10, SHOWN))
        assert BROKEN_TYPE in home
        output = _wait_for_log(log, NOT_BUILT, time.monotonic() + 10)
        assert BROKEN_TYPE in output and "Traceback" not in output, output
        assert server.poll() is None, "serve stopped"
        events = project / "events.yaml"
        events.write_text(
            events.read_text(encoding="utf-8")
            .replace("type: webinaar", "type: webinar")
            .replace("Webinar duidelijke brieven", "Webinar heldere brieven"),
            encoding="utf-8",
        )
        deadline = time.monotonic() + 30
        while SHOWN in (page := _fetch(url, deadline, "Webinar heldere brieven")) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert SHOWN not in page and "We kijken samen naar echte brieven." in page
        assert "Webinar heldere brieven" in page
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.read_text(encoding="utf-8")
