"""Feeds to subscribe to hold what is coming and the last year; every event keeps a file to import."""

from __future__ import annotations

from datetime import datetime, timedelta

import icalendar
import pytest

from conftest import FIXTURE, FIXTURE_EPOCH
from generator.build import load_site
from generator.catalogue import urls
from generator.catalogue.feeds import WINDOW, all_feeds
from generator.data.contract.moments import ZONE
from generator.data.contract.network import Network
from generator.data.reading.files import DataFiles
from generator.ical.calendar import render_feeds

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
PAST = "cx-terugblik"  # ended in October 2026, a month before the fixture's "now"


@pytest.fixture(scope="module")
def network() -> Network:
    return load_site(DataFiles(FIXTURE))


def _uids(content: bytes) -> set[str]:
    return {str(event["UID"]).split("@")[0] for event in icalendar.Calendar.from_ical(content).walk("VEVENT")}


def test_an_event_that_ended_within_the_window_stays_in_the_collection_feeds(network: Network) -> None:
    feeds = {feed.path: feed.content for feed in render_feeds(network, NOW, "https://example.org/")}
    assert PAST in _uids(feeds[urls.ALL_EVENTS_FEED])
    assert PAST in _uids(feeds[urls.community_feed("community-cx")])


def test_an_event_that_ended_longer_ago_leaves_the_collection_feeds_but_keeps_its_own_file(network: Network) -> None:
    past = next(event for event in network.events if event.id == PAST)
    later = past.ends_at + WINDOW + timedelta(minutes=1)
    feeds = {feed.path: feed.content for feed in render_feeds(network, later, "https://example.org/")}
    assert PAST not in _uids(feeds[urls.ALL_EVENTS_FEED])
    assert all(PAST not in _uids(content) for path, content in feeds.items() if not path.startswith("agenda/"))
    assert _uids(feeds[urls.event_feed(PAST)]) == {PAST}
    just_before = {feed.path: feed for feed in all_feeds(network, past.ends_at + WINDOW - timedelta(minutes=1))}
    assert PAST in {event.id for event in just_before[urls.ALL_EVENTS_FEED].events}
    # Twelve months to the minute after its end, the event has left: the window does not include its edge.
    at_the_edge = {feed.path: feed for feed in all_feeds(network, past.ends_at + WINDOW)}
    assert PAST not in {event.id for event in at_the_edge[urls.ALL_EVENTS_FEED].events}


def test_only_the_single_event_files_are_import_files(network: Network) -> None:
    for feed in all_feeds(network, NOW):
        assert feed.is_import == (len(feed.path.split("/")) == 2 and feed.path.startswith("agenda/")), feed.path
