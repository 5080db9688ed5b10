"""`mkdocs serve` shows the data's problems in the browser, on the page the editor has open, until
the data is right again; the first build still refuses broken data as `mkdocs build` does."""

from __future__ import annotations

import html
import time
from pathlib import Path

from test_serve import BROKEN_TYPE, NOT_BUILT, _break_event_type, _fetch, _free_port, _serve, _wait_for_log

from conftest import make_project

SHOWN = "De site is niet bijgewerkt"


def test_the_browser_shows_what_is_wrong_until_it_is_mended(tmp_path: Path) -> None:
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
        events = project / "events.yaml"
        events.write_text(
            events.read_text(encoding="utf-8").replace("type: webinaar", "type: webinar"), encoding="utf-8"
        )
        deadline = time.monotonic() + 30
        while SHOWN in (page := _fetch(url, deadline, "Webinar duidelijke brieven")) and time.monotonic() < deadline:
            time.sleep(0.3)
        assert SHOWN not in page and "We kijken samen naar echte brieven." in page
    finally:
        server.terminate()
        server.wait(timeout=20)
