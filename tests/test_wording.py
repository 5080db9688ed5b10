"""One phrasing per fact: where an event is, and the sentences a page and a feed share, come from
catalogue/dutch.py. Read here from a real in-process build of the fixture, in each place a visitor or a
calendar app reads them."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import icalendar
import pytest

from conftest import FIXTURE, FIXTURE_EPOCH, ROOT, STATEMENT
from generator.build import SiteBuild, SiteConfig, build_site
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site() -> SiteBuild:
    return build_site(SiteConfig(DataFiles(FIXTURE), ROOT / "content", "https://example.org/", **STATEMENT), NOW)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _files(site: SiteBuild) -> dict[str, bytes]:
    return {item.path: item.content for item in site.files}


def test_an_events_place_reads_the_same_on_its_page_in_its_feed_and_in_atom(site: SiteBuild) -> None:
    pages = {page.path: page.html for page in site.pages}
    files = _files(site)
    atom = ET.fromstring(next(content for path, content in files.items() if path.endswith(".xml")))  # noqa: S314  # the generator's own XML
    summaries = {
        entry.findtext(f"{ATOM}id", "").rsplit("/", 2)[-2]: entry.findtext(f"{ATOM}summary", "")
        for entry in atom.iter(f"{ATOM}entry")
    }
    hybrid = 0
    for event in site.network.events:
        page = pages[f"agenda/{event.id}.md"]
        shown = _text(re.search(r"<dt>Waar</dt>\s*<dd[^>]*>(.*?)</dd>", page, re.S).group(1))  # type: ignore[union-attr]
        feed = icalendar.Calendar.from_ical(files[f"agenda/{event.id}.ics"])
        (component,) = feed.walk("VEVENT")
        assert str(component["LOCATION"]) == shown, event.id
        if event.id in summaries:
            assert f"Waar: {shown}." in summaries[event.id], event.id
        if event.location.venue and event.location.online:
            hybrid += 1
            assert shown.endswith(" en online") and event.location.venue in shown, shown
        elif not event.location.venue:
            assert shown == "Online"
    assert hybrid, "the fixture has no hybrid event to try"


def test_a_list_names_the_venue_and_says_online_the_same_way(site: SiteBuild) -> None:
    agenda = next(page.html for page in site.pages if page.path == "agenda/index.md")
    metas = [_text(meta) for meta in re.findall(r'<p class="site-event__meta">(.*?)</p>', agenda, re.S)]
    for event in site.network.upcoming(NOW):
        place = event.location.venue or "Online"
        if event.location.venue and event.location.online:
            place += " en online"
        assert any(f" · {place}" in meta for meta in metas), (event.id, place)


def test_the_sentences_a_page_and_a_feed_share_are_the_same_words(site: SiteBuild) -> None:
    pages = {page.path: page.html for page in site.pages}
    files = _files(site)
    english = [event for event in site.network.events if event.language == "en"]
    assert english, "the fixture has no English event"
    for event in english:
        sentence = "Dit evenement is in het Engels."
        assert sentence in pages[f"agenda/{event.id}.md"]
        assert sentence in files[f"agenda/{event.id}.ics"].decode()
    joined = [event for event in site.network.events if event.location.online_url and not event.cancelled]
    for event in joined:
        assert "<dt>Online meedoen</dt>" in pages[f"agenda/{event.id}.md"] or event.ends_at <= NOW
        unfolded = files[f"agenda/{event.id}.ics"].decode().replace("\r\n ", "").replace("\r\n", "\n")
        conference = re.search(r"^CONFERENCE;(.*?):(.*)$", unfolded, re.M)
        assert conference, event.id
        assert "LABEL=Online meedoen" in conference.group(1).replace('"', "").split(";"), conference.group(0)
        assert conference.group(2) == event.location.online_url


def test_two_sessions_with_one_title_on_one_day_get_page_titles_of_their_own(tmp_path: Path) -> None:
    """Valid data (a workshop in the morning and again in the afternoon) never gives two pages one title."""
    events = (FIXTURE / "events.yaml").read_text(encoding="utf-8")
    session = """  - id: sessie-{n}
    title: Schrijfsessie
    communities: [community-cx]
    start: "2027-02-10 {start}"
    end: "2027-02-10 {end}"
    location: {{online: true}}
    description: Samen schrijven.
"""
    sessions = "".join(
        session.format(n=n, start=start, end=end)
        for n, (start, end) in enumerate([("10:00", "11:00"), ("14:00", "15:00"), ("14:00", "15:00")])
    )
    for name in ("communities.yaml", "external_communities.yaml"):
        (tmp_path / name).write_bytes((FIXTURE / name).read_bytes())
    (tmp_path / "events.yaml").write_text(events.replace("events:\n", "events:\n" + sessions, 1), encoding="utf-8")
    built = build_site(SiteConfig(DataFiles(tmp_path), ROOT / "content", "https://example.org/", **STATEMENT), NOW)
    titles = {page.path: re.search(r"^title: (.*)$", page.content, re.M).group(1) for page in built.pages}  # type: ignore[union-attr]
    assert titles["agenda/sessie-0.md"] == "Schrijfsessie (woensdag 10 februari 2027, 10.00–11.00 uur)"
    assert titles["agenda/sessie-1.md"].startswith("Schrijfsessie (woensdag 10 februari 2027, 14.00–15.00 uur)")
    assert len(set(titles.values())) == len(titles)
