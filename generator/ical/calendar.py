"""The iCalendar files of the feeds: all events, per community, per theme, and one file per event.

Decisions that calendar apps depend on, each checked by the tests with python icalendar, vobject and
Mozilla's ical.js (the engine inside Thunderbird):

- UID is `<event id>@<site domain>`: it depends on nothing that can change, so reordering or adding
  events never makes an app see a new event. Editors therefore never change an event's id.
- The repository is the memory (`stamps/history.py`): a static build cannot remember what it
  published before, but git can. The history replays every version of the data files and of the
  settings file, and asks `vevent.py` for each event's VEVENT without its stamps: CREATED is the time
  of the commit that added the event, LAST-MODIFIED that of the last commit that changed those
  bytes, and SEQUENCE the number of commits that changed them since (0 for an event never changed).
  So whatever changes the bytes counts: the entry, the names and address from communities.yaml, the
  settings the feeds write (`site_url`, `contact_email`), or a release that raised `FEED_POLICY`
  (`vevent.py`; CHANGELOG.md names it). Moving entries around, editing another event or a comment
  changes nothing, so an event that is not changed is written byte for byte the same by every build,
  whatever its day: sync tools see no change and users keep their own reminders. Outlook and Apple
  Calendar update an event they already have (also when the single-event file is opened again),
  Google and subscribed apps take the newest data on their next refresh. Editors do nothing by hand.
- History only grows while main's history does; a squash or force-push of main could lower a
  SEQUENCE. The publish workflow therefore gives the live site as a floor (`stamps/floor.py`): per
  UID, no stamp goes below what was published, and a VEVENT that differs from the published one gets
  a SEQUENCE above it.
- A deleted event (or one whose id changed) stays, as its last version with STATUS:CANCELLED and a
  higher SEQUENCE, in every feed it was in and in its own file, until its end has passed: an app that
  has it learns that it is off (RFC 5546 §2.1.4) instead of losing it without a word.
- DTSTAMP is LAST-MODIFIED. With METHOD:PUBLISH, RFC 5545 makes DTSTAMP the moment the event's
  object was created; that object is a pure function of the entry, so it came into being when the
  entry last changed, and a rebuild makes the same object again rather than a new one. A build
  clock here would make every build rewrite every event, which is what this policy avoids; and
  iTIP (RFC 5546) orders versions of equal SEQUENCE by DTSTAMP, which this keeps in step.
- An event changed in the work tree but not committed (a local preview) gets the build's "now"
  (`SOURCE_DATE_EPOCH`) and SEQUENCE + 1. Without git (a tarball) every event gets "now" and
  SEQUENCE 0; a shallow clone counts its oldest commit as the one that added the events in it. The
  build log says so once in both cases, and a strict build in CI stops (`fetch-depth: 0`).
- Every TEXT value (NAME, X-WR-CALNAME, X-WR-CALDESC, SUMMARY, DESCRIPTION, LOCATION, CATEGORIES)
  is added as icalendar's vText or vCategory, so `,` `;` `\\` and new lines are escaped whatever the
  library's version: icalendar 7 writes the names it has no type for (NAME, X-WR-*) raw, and an app
  then reads "Eén klantreis, veel kanalen" as "Eén klantreis".
- `/agenda/<id>.ics` is a file to import one event (`Feed.is_import`), not a calendar: it has no
  NAME, X-WR-CALNAME, X-WR-CALDESC, DESCRIPTION, URL, SOURCE, REFRESH-INTERVAL or X-PUBLISHED-TTL of
  its own. MS-OXCICAL: with X-WR-CALNAME, Outlook opens a new calendar folder for the file; without
  it, Outlook, Apple Calendar and Google add the event to the calendar the user already has.
  METHOD:PUBLISH stays.
- Every event has an ORGANIZER (RFC 5546 asks for one with METHOD:PUBLISH): CN is the name of the
  first community, mailto its `contact_email` or else the site's (plugin option `contact_email`);
  with neither address there is none.
- Timed events are written in Europe/Amsterdam with the VTIMEZONE of `vtimezone.py`. A feed without
  events has that VTIMEZONE too: RFC 5545 3.6 asks for at least one component in every calendar.
- A cancelled event stays in the feeds with STATUS:CANCELLED, so that subscribers see it go.
- DESCRIPTION holds nothing that depends on the build's "now": "Aanmelden kan tot en met …" and
  "Vol" are facts of the entry, "Aanmelden is gesloten" is not written, so an unchanged event keeps
  its bytes after its last day to register. An English event's SUMMARY has LANGUAGE=en (RFC 5545
  3.2.10); DESCRIPTION has none, because its frame (Organisatie, Aanmelden, Toegankelijkheid) is Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from icalendar import Calendar, vDuration, vText

from ..catalogue import urls
from ..catalogue.feeds import Feed, all_feeds
from ..catalogue.identity import NEUTRAL, Identity
from ..data.contract.network import Network
from ..ical.memory import History
from .folding import to_ical
from .vevent import FeedSettings, stamped, unstamped_events
from .vtimezone import TZID, amsterdam_timezone

REFRESH = timedelta(hours=6)


@dataclass(frozen=True)
class FeedFile:
    path: str
    content: bytes


def render_feeds(
    network: Network,
    now: datetime,
    site_url: str,
    *,
    history: History | None = None,
    contact_email: str = "",
    identity: Identity = NEUTRAL,
) -> list[FeedFile]:
    """Every feed. `history` gives each event's stamps and the deleted events that stay as cancelled
    (without it, every event is new at `now`); `contact_email` is the site's general address, for
    the ORGANIZER of a community without one; `identity` names the feed with all events and the
    maker of the files (PRODID). The events' VEVENTs without stamps come with the history when the
    build gave them to it (`build.py`), made with the same settings."""
    history = history or History.without_memory(now)
    vevents = history.vevents
    if vevents is None:
        vevents = unstamped_events(network, FeedSettings(site_url, contact_email))
    # Each event stands in several feeds (all, its communities, its themes, its own): serialise it
    # once. icalendar folds every line in Python, so writing each VEVENT again for every feed it is
    # in was about a third of a whole build; its bytes are the same in every feed.
    events = {event_id: stamped(vevent, history.stamp(event_id)) for event_id, vevent in vevents.items()}
    gone = history.still_cancelled(now)
    events |= {item.event.id: stamped(item.vevent, item.stamp) for item in gone}
    return [
        FeedFile(feed.path, render_feed(feed, events, site_url, identity.prodid))
        for feed in all_feeds(network, now, identity, cancelled=tuple(item.event for item in gone))
    ]


def render_feed(feed: Feed, events: dict[str, bytes], site_url: str, prodid: str = NEUTRAL.prodid) -> bytes:
    """The calendar around the feed's events, each given as its serialised VEVENT."""
    about = None if feed.is_import else (feed.name, feed.description, urls.absolute(site_url, feed.path))
    # RFC 5545 3.6: a calendar holds at least one component. A feed without events (a theme or a part
    # of the agenda with nothing planned) gets the VTIMEZONE, as a feed with a timed event does.
    with_timezone = not feed.events or any(not event.all_day for event in feed.events)
    head, end = _calendar(about, with_timezone, prodid)
    return b"".join([head, *(events[event.id] for event in feed.events), end])


@lru_cache(maxsize=64)
def _calendar(about: tuple[str, str, str] | None, with_timezone: bool, prodid: str) -> tuple[bytes, bytes]:
    """The calendar's lines before and after its events. icalendar writes a calendar's properties,
    then its components in order, then END:VCALENDAR, so the events' bytes go in just before that
    end, as icalendar would write them there itself. Every file to import has the same calendar
    (`about` is None): with a few thousand of them, it is written once."""
    calendar = Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if about is not None:
        # A calendar to subscribe to: its name, description, address and how often to refresh it.
        # Every TEXT value as vText: icalendar 7 writes the names it does not type (NAME, X-WR-*) raw.
        name, description, address = about
        calendar.add("name", vText(name))
        calendar.add("x-wr-calname", vText(name))
        calendar.add("description", vText(description))
        calendar.add("x-wr-caldesc", vText(description))
    calendar.add("x-wr-timezone", TZID)
    if about is not None:
        calendar.add("url", address)
        calendar.add("source", address, parameters={"VALUE": "URI"})
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    if with_timezone:
        calendar.add_component(amsterdam_timezone())
    ical = to_ical(calendar)
    end = ical.rindex(b"END:VCALENDAR")
    return ical[:end], ical[end:]
