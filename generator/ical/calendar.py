"""The iCalendar files of the feeds: all events, per community, per theme, and one file per event.

Decisions that calendar apps depend on, each checked by the tests with python icalendar and with
Mozilla's ical.js (the engine inside Thunderbird):

- UID is `<event id>@<site domain>`: it depends on nothing that can change, so reordering or adding
  events never makes an app see a new event. Editors therefore never change an event's id.
- SEQUENCE and LAST-MODIFIED follow the build. A static site has no memory of what it published
  before, but every build is newer than the last: SEQUENCE is the number of minutes from
  2026-01-01 00:00 UTC to the build's "now", and LAST-MODIFIED and DTSTAMP are that "now". A file
  built later therefore always counts as a newer version, so Outlook and Apple Calendar update an
  event they already have (also when the single-event file is opened again), and Google and
  subscribed apps simply take the newest data on their next refresh.
- Timed events are written in Europe/Amsterdam with the VTIMEZONE of `vtimezone.py`.
- A cancelled event stays in the feeds with STATUS:CANCELLED, so that subscribers see it go.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from ..catalogue import urls
from ..catalogue.feeds import Feed, all_feeds
from ..data import markdown_text
from ..data.models import EVENT_TYPES, Event
from ..data.network import Network
from .vtimezone import TZID, amsterdam_timezone

PRODID = "-//Gebruiker Centraal//Community-agenda//NL"
REFRESH = timedelta(hours=6)
SEQUENCE_ORIGIN = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class FeedFile:
    path: str
    content: bytes


def render_feeds(network: Network, now: datetime, site_url: str) -> list[FeedFile]:
    # Each event stands in several feeds (all, its communities, its themes, its own): build it once.
    components = {event.id: _event(event, network, now, site_url) for event in network.events}
    return [FeedFile(feed.path, render_feed(feed, components, site_url)) for feed in all_feeds(network, now)]


def render_feed(feed: Feed, components: dict[str, CalendarEvent], site_url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", feed.name)
    calendar.add("x-wr-calname", feed.name)
    calendar.add("description", feed.description)
    calendar.add("x-wr-caldesc", feed.description)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("url", urls.absolute(site_url, feed.path))
    calendar.add("source", urls.absolute(site_url, feed.path), parameters={"VALUE": "URI"})
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    if any(not event.all_day for event in feed.events):
        calendar.add_component(amsterdam_timezone())
    for event in feed.events:
        calendar.add_component(components[event.id])
    ical: bytes = calendar.to_ical()  # icalendar leaves the return type of to_ical() unannotated
    return ical


def _event(event: Event, network: Network, now: datetime, site_url: str) -> CalendarEvent:
    page = urls.absolute(site_url, urls.event_page(event.id))
    stamp = now.astimezone(UTC)
    component = CalendarEvent()
    component.add("uid", f"{event.id}@{urls.domain(site_url)}")
    component.add("dtstamp", stamp)
    component.add("last-modified", stamp)
    component.add("sequence", max(0, int((stamp - SEQUENCE_ORIGIN).total_seconds() // 60)))
    if event.all_day:
        component.add("dtstart", event.first_day)
        component.add("dtend", event.last_day + timedelta(days=1))
    else:
        # Aware times in zoneinfo's Europe/Amsterdam: written as `DTSTART;TZID=Europe/Amsterdam:…`.
        component.add("dtstart", event.starts_at)
        component.add("dtend", event.ends_at)
    summary = f"Gaat niet door: {event.title}" if event.cancelled else event.title
    component.add("summary", summary)
    component.add("description", _description(event, network, page))
    component.add("url", page)
    component.add("location", event.location.text)
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.cancelled else "OPAQUE")
    component.add("class", "PUBLIC")
    categories = _categories(event, network)
    if categories:
        component.add("categories", categories)
    return component


def _description(event: Event, network: Network, page: str) -> str:
    parts: list[str] = []
    if event.cancelled:
        parts.append("Dit evenement gaat niet door.")
    if event.summary:
        parts.append(event.summary)
    parts.append(markdown_text.plain_text(event.description))
    organisers = ", ".join(network.community(c).name for c in event.communities)
    parts.append(f"Organisatie: {organisers}")
    if event.registration_url and not event.cancelled:
        parts.append(f"Aanmelden: {event.registration_url}")
    parts.append(f"Meer informatie: {page}")
    return "\n\n".join(parts)


def _categories(event: Event, network: Network) -> list[str]:
    names: Iterable[str] = [EVENT_TYPES[event.type]] if event.type else []
    return [*names, *(network.theme(t).name for t in event.themes)]
