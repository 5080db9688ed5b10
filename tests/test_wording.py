"""One phrasing per fact: where an event is, and the sentences a page and a feed share, come from
catalogue/dutch.py. Read here from a real in-process build of the fixture, in each place a visitor or a
calendar app reads them."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from datetime import datetime

import icalendar
import pytest

from conftest import FIXTURE, FIXTURE_EPOCH, ROOT
from generator.build import SiteBuild, SiteConfig, build_site
from generator.data.files import DataFiles
from generator.data.moments import ZONE

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site() -> SiteBuild:
    return build_site(SiteConfig(DataFiles(FIXTURE), ROOT / "content", "https://example.org/"), NOW)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _files(site: SiteBuild) -> dict[str, bytes]:
    return {item.path: item.content for item in site.files}


def test_an_events_place_reads_the_same_on_its_page_in_its_feed_and_in_atom(site: SiteBuild) -> None:
    pages = {page.path: page.html for page in site.pages}
    files = _files(site)
    atom = ET.fromstring(next(content for path, content in files.items() if path.endswith(".xml")))
    summaries = {
        entry.findtext(f"{ATOM}id", "").rsplit("/", 2)[-2]: entry.findtext(f"{ATOM}summary", "")
        for entry in atom.iter(f"{ATOM}entry")
    }
    hybrid = 0
    for event in site.network.events:
        page = pages[f"agenda/{event.id}.md"]
        shown = _text(re.search(r"<dt>Waar</dt>\s*<dd>(.*?)</dd>", page, re.S).group(1))  # type: ignore[union-attr]
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
        unfolded = files[f"agenda/{event.id}.ics"].decode().replace("\r\n ", "")
        assert f"LABEL=Online meedoen:{event.location.online_url}" in unfolded.replace('"', "")
