"""How big `agenda.ics` gets: 2,000 events over eight years, with the feed window of twelve months
(`catalogue.feeds.WINDOW`) against every event since the start, in one run, as a ratio.

Every subscriber's app downloads the whole file every few hours, so its size is what the window is for.

    .venv/bin/python bench/bench_feed_size.py
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from bench_build import write_data

from generator.build import load_site
from generator.catalogue import urls
from generator.catalogue.feeds import WINDOW
from generator.data.contract.moments import ZONE
from generator.ical.calendar import render_feeds

EVENTS, YEARS = 2000, 8
FIRST = date(2020, 1, 1)
# "Now" at the end of the eighth year: the agenda has a few weeks ahead and eight years behind.
NOW = datetime(2027, 12, 1, 12, tzinfo=ZONE)


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        network = load_site(write_data(Path(scratch), EVENTS, FIRST, YEARS))
    site = "https://example.org/"
    windowed = next(f.content for f in render_feeds(network, NOW, site) if f.path == urls.ALL_EVENTS_FEED)
    # The whole history is what the window gives when "now" lies just after the first event.
    first_end = min(event.ends_at for event in network.events)
    everything = [f for f in render_feeds(network, first_end + WINDOW - timedelta(days=1), site)]
    whole = next(f.content for f in everything if f.path == urls.ALL_EVENTS_FEED)
    count = windowed.count(b"BEGIN:VEVENT")
    print(
        f"agenda.ics with {EVENTS} events over {YEARS} years: {len(windowed) / 1024:.0f} KiB ({count} events) "
        f"with the window against {len(whole) / 1024:.0f} KiB ({whole.count(b'BEGIN:VEVENT')} events) "
        f"without it: {len(whole) / len(windowed):.1f} times smaller"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
