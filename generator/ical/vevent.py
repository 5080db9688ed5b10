"""One event as a VEVENT, written once without its stamps: the feeds' bytes and the history's fingerprint.

The stamps (DTSTAMP, CREATED, LAST-MODIFIED, SEQUENCE) say when the rest of the VEVENT last
changed, so the rest must be known first. `unstamped()` writes the VEVENT with fixed placeholder
stamps; `fingerprint()` is a digest of those bytes, and `stamped()` puts the real stamps in the
placeholders' lines. The history (`stamps/history.py`) asks for the fingerprint of every version
it replays, with the settings of that version, so whatever changes these bytes counts as a change
of the event: its entry, the names and address it takes from communities.yaml (`Context`), the
settings the feeds write (`FeedSettings`) or the generator's own wording (`FEED_POLICY`). Nothing
outside this module says what a VEVENT holds.

Why each property is written as it is: `calendar.py`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from icalendar import Event as CalendarEvent
from icalendar import vCalAddress, vCategory, vText

from ..catalogue import dutch, urls
from ..data.contract import markdown_text
from ..data.contract.models import Community, Event, Theme
from ..data.contract.network import Network
from .folding import to_ical
from .memory import Stamp

FEED_POLICY = 1
"""The version of what the generator writes in a VEVENT. A release that changes it for unchanged
data (a sentence, a property) raises this number, adds the moment of its release to
`POLICY_RELEASES`, and says so in CHANGELOG.md: the history then gives every event that was in the
feeds at that moment a new SEQUENCE (`test_feed_policy.py` fails when the bytes change without it)."""
POLICY_RELEASES: Mapping[int, datetime] = {}
"""Each FEED_POLICY after the first, with the moment (UTC) of the release that brought it."""


@dataclass(frozen=True)
class FeedSettings:
    """The settings (mkdocs.yml) that a VEVENT holds: `site_url` in its UID and addresses, the
    plugin's `contact_email` as ORGANIZER of a community without an address of its own."""

    site_url: str
    contact_email: str = ""


@dataclass(frozen=True)
class Context:
    """What a VEVENT takes from communities.yaml: the only data outside the event's own entry."""

    organiser: str
    """The name of its first community."""
    address: str | None
    """That community's `contact_email`."""
    communities: tuple[str, ...]
    themes: tuple[str, ...]
    kind: str = ""
    """The label of its kind (`types` in events.yaml, or the defaults): a CATEGORIES value."""


def context_of(event: Event, network: Network, kinds: Mapping[str, str] | None = None) -> Context | None:
    """The event's context in `network`; None when it names a community or theme that is not there
    (a version that does not build). `kinds`: the labels of the kinds of event, when they are not
    the network's own (an old version of communities.yaml knows none)."""
    try:
        organisers = [community_facts(network.community(c)) for c in event.communities]
        themes = tuple(theme_facts(network.theme(t)) for t in event.themes)
    except KeyError:
        return None
    kind = (network.event_types if kinds is None else kinds).get(event.type or "", "")
    return Context(organisers[0][0], organisers[0][1], tuple(name for name, _ in organisers), themes, kind)


def community_facts(community: Community) -> tuple[str, str | None]:
    """All a VEVENT takes from a community: its name, and its address (of its first community)."""
    return community.name, community.contact_email


def theme_facts(theme: Theme) -> str:
    """All a VEVENT takes from a theme: its name."""
    return theme.name


_PLACEHOLDER = Stamp(datetime(1970, 1, 1, tzinfo=UTC), datetime(1970, 1, 1, tzinfo=UTC), 0)
_STAMP_LINES = ("DTSTAMP", "CREATED", "LAST-MODIFIED", "SEQUENCE")


def _stamp_lines(stamp: Stamp) -> dict[bytes, bytes]:
    """Each stamp's content line, by its name."""
    component = CalendarEvent()
    component.add("dtstamp", stamp.modified)
    component.add("created", stamp.created)
    component.add("last-modified", stamp.modified)
    component.add("sequence", stamp.sequence)
    lines = {line.split(b":", 1)[0]: line for line in to_ical(component).split(b"\r\n")}
    return {name.encode(): lines[name.encode()] for name in _STAMP_LINES}


_PLACEHOLDER_LINES = _stamp_lines(_PLACEHOLDER)
_NAMES = b"|".join(re.escape(name.encode()) for name in _STAMP_LINES)
_ANY_STAMP = re.compile(rb"(?<=\r\n)(" + _NAMES + rb")[:;][^\r]*(?=\r\n)")


def uid(event_id: str, site_url: str) -> str:
    """An event's UID: its id at the site's domain (why: `calendar.py`)."""
    return f"{event_id}@{urls.domain(site_url)}"


def unstamped(event: Event, context: Context, settings: FeedSettings) -> bytes:
    """The VEVENT with placeholder stamps: what `fingerprint` and `stamped` read."""
    return to_ical(_component(event, context, settings))


def unstamped_events(network: Network, settings: FeedSettings) -> dict[str, bytes]:
    """Every event of a checked network, by id, without its stamps."""
    found = {}
    for event in network.events:
        context = context_of(event, network)
        if context is None:  # never for a network that `load` checked
            raise LookupError(f"{event.id}: a community or theme that is not in the network")
        found[event.id] = unstamped(event, context, settings)
    return found


def fingerprint(vevent: bytes) -> bytes:
    """A digest of everything in the VEVENT except its stamps (which are placeholders here)."""
    return hashlib.blake2b(vevent, digest_size=16).digest()


def stamped(vevent: bytes, stamp: Stamp) -> bytes:
    """The VEVENT with its real stamps, byte for byte what icalendar writes. A stamp line stands
    alone at the start of a line: a folded line goes on with a space, so no text can look like one."""
    for name, real in _stamp_lines(stamp).items():
        vevent = vevent.replace(b"\r\n" + _PLACEHOLDER_LINES[name] + b"\r\n", b"\r\n" + real + b"\r\n", 1)
    return vevent


def restamped(vevent: bytes) -> bytes:
    """A VEVENT as written with any stamps (a published one), with the placeholder stamps instead:
    what `unstamped` gives for the same event, so that `fingerprint` compares the two."""
    return _ANY_STAMP.sub(lambda match: _PLACEHOLDER_LINES[match.group(1)], vevent)


def cancelled(event: Event) -> Event:
    """The last version of a deleted event, as the feeds keep it until its end has passed."""
    return event if event.cancelled else event.model_copy(update={"status": "cancelled"})


def _component(event: Event, context: Context, settings: FeedSettings) -> CalendarEvent:
    site_url = settings.site_url
    page = urls.absolute(site_url, urls.event_page(event.id))
    component = CalendarEvent()
    component.add("uid", uid(event.id, site_url))
    component.add("dtstamp", _PLACEHOLDER.modified)
    component.add("created", _PLACEHOLDER.created)
    component.add("last-modified", _PLACEHOLDER.modified)
    component.add("sequence", _PLACEHOLDER.sequence)
    if event.all_day:
        component.add("dtstart", event.first_day)
        component.add("dtend", event.last_day + timedelta(days=1))
    else:
        # Aware times in zoneinfo's Europe/Amsterdam: written as `DTSTART;TZID=Europe/Amsterdam:…`.
        component.add("dtstart", event.starts_at)
        component.add("dtend", event.ends_at)
    summary = dutch.listed_title(event)
    # RFC 5545 3.2.10: LANGUAGE says the title is English; the DESCRIPTION around it stays Dutch.
    english = event.language != "nl" and not event.cancelled
    component.add("summary", vText(summary), parameters={"LANGUAGE": event.language} if english else {})
    address = context.address or settings.contact_email
    component.add("description", vText(_description(event, context, page, address)))
    component.add("url", page)
    component.add("location", vText(dutch.place(event.location)))
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    component.add("transp", "TRANSPARENT" if event.cancelled else "OPAQUE")
    component.add("class", "PUBLIC")
    if address:
        # icalendar quotes the CN when the name holds , ; or : (and writes " as ^' after RFC 6868).
        component.add("organizer", vCalAddress(f"mailto:{address}"), parameters={"CN": context.organiser})
    categories = _categories(event, context)
    if categories:
        component.add("categories", vCategory(categories))
    if event.location.online_url and not event.cancelled:
        # RFC 7986: apps that know CONFERENCE show a join button; the others read it in DESCRIPTION.
        component.add("conference", event.location.online_url, parameters={"VALUE": "URI", "LABEL": dutch.JOIN_ONLINE})
    return component


def _description(event: Event, context: Context, page: str, address: str) -> str:
    """What calendar apps show under the title. It holds nothing that depends on the moment of the
    build (such as "Aanmelden is gesloten"), so that an unchanged event stays byte for byte the same."""
    parts: list[str] = []
    if event.cancelled:
        parts.append(dutch.CANCELLED)
    if event.language == "en":
        parts.append(dutch.IN_ENGLISH)
    if event.summary:
        parts.append(event.summary)
    parts.append(markdown_text.plain_text(event.description))
    parts.append(dutch.labelled(dutch.ORGANISATION, ", ".join(context.communities)))
    if event.registration_url and not event.cancelled:
        parts.append(dutch.registration_line(event, event.registration_url))
    if event.location.online_url and not event.cancelled:
        parts.append(dutch.labelled(dutch.JOIN_ONLINE, event.location.online_url))
    if not event.cancelled:
        parts.append(dutch.access_text(event, address))
    if event.materials:
        listed = "\n".join(f"- {m.label}: {m.title} ({m.url})" for m in event.materials)
        parts.append(f"{dutch.LOOK_BACK}:\n{listed}")
    parts.append(dutch.more_information(page))
    return "\n\n".join(parts)


def _categories(event: Event, context: Context) -> list[str]:
    names: Iterable[str] = [context.kind] if context.kind else []
    return [*names, *context.themes]
