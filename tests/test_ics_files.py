"""Every .ics file of a built site holds at least one component (RFC 5545 3.6), read as python icalendar
and Mozilla's ical.js read it, for both builders and for the fixture and the project's own data. A feed
without events (a theme or a part of the agenda with nothing planned) holds the VTIMEZONE."""

from __future__ import annotations

import json
import subprocess
from datetime import timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

from conftest import FIXTURE
from generator.build import load_site
from generator.data.reading.files import DataFiles
from generator.ical import calendar as feeds

# Zensical's build of the project's own data is made only for this and the browser tests (test_html_valid):
# `make test` builds it, `make test-fast` (not e2e) does not.
SITES = ["built_site", "zensical_site", "project_site", pytest.param("zensical_project_site", marks=pytest.mark.e2e)]


@pytest.fixture(scope="module", params=SITES)
def site(request: pytest.FixtureRequest) -> Path:
    folder: Path = request.getfixturevalue(request.param)
    return folder


def _by_icaljs(site: Path, files: list[Path], icaljs: Path) -> dict[str, dict[str, Any]]:
    output = subprocess.run(
        ["node", str(icaljs), *(str(path) for path in files)], capture_output=True, text=True, check=True
    ).stdout
    return {str(Path(path).relative_to(site)): value for path, value in json.loads(output).items()}


def test_every_ics_file_holds_a_component(site: Path, icaljs: Path) -> None:
    files = sorted(site.rglob("*.ics"))
    assert len(files) > 10
    by_icaljs = _by_icaljs(site, files, icaljs)
    empty = []
    for path in files:
        name = str(path.relative_to(site))
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        components = [component.name for component in calendar.subcomponents]
        assert components, f"{name}: no component"
        read = by_icaljs[name]
        assert read["events"] or read["timezones"], f"{name}: ical.js reads no component"
        assert len(read["events"]) == components.count("VEVENT"), name
        if not read["events"]:
            empty.append(name)
            assert components == ["VTIMEZONE"] and read["timezones"] == ["Europe/Amsterdam"], name
    # The case this is about is in every site: a part of the agenda with nothing in it.


def test_a_feed_without_events_holds_the_timezone(icaljs: Path, tmp_path: Path) -> None:
    """Two years after the fixture's last event every feed is empty (they keep a year of the past)."""
    network = load_site(DataFiles(FIXTURE))
    later = max(event.ends_at for event in network.events) + timedelta(days=2 * 366)
    files = []
    for feed in feeds.render_feeds(network, later, "https://communities.example.nl/"):
        if feed.path.endswith("/agenda.ics") or feed.path == "agenda.ics":
            files.append(tmp_path / feed.path)
            files[-1].parent.mkdir(parents=True, exist_ok=True)
            files[-1].write_bytes(feed.content)
    assert len(files) > 5
    by_icaljs = _by_icaljs(tmp_path, files, icaljs)
    for path in files:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert [component.name for component in calendar.subcomponents] == ["VTIMEZONE"], path
        read = by_icaljs[str(path.relative_to(tmp_path))]
        assert (read["events"], read["timezones"]) == ([], ["Europe/Amsterdam"]), path
