"""An Atom feed (RFC 4287) of newly announced events, for feed readers and newsletter tools.

"Newly announced" is the moment an event's entry was first committed: the same git history the
calendar feeds use (stamps/history.py), so an event's entry keeps its place and its `published` time
in every build, and a newsletter tool sends it once. Without git every event is new at the build's
"now", as in the calendar feeds. The feed holds the `SIZE` events announced last among those that
are not over yet, newest first: an event added to the archive afterwards is not news, and a reader
that polls the feed needs only what is new since (feed tools keep what they have seen). `updated`
is the last change of the entry, so a reader sees a moved or cancelled event as an update of the
entry it already has.

The XML is written with ElementTree, which escapes every value: a title with `&` or `<` stays text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from ..catalogue import dutch, urls
from ..catalogue.identity import NEUTRAL, Identity
from ..data.contract.models import Event
from ..data.contract.network import Network
from ..ical.memory import History

ATOM = "http://www.w3.org/2005/Atom"
RIGHTS = "CC0 1.0: vrij te gebruiken, zonder toestemming te vragen."
SIZE = 50
_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_atom(
    network: Network, now: datetime, site_url: str, history: History, identity: Identity = NEUTRAL
) -> bytes:
    events = sorted(network.upcoming(now), key=lambda e: history.stamp(e.id).created, reverse=True)[:SIZE]
    # The feed changed when one of its entries last did; without entries, when the agenda last did, so that
    # a build without news writes the same bytes as the build before.
    moments = [history.stamp(e.id).modified for e in events or network.events] or [now.astimezone(UTC)]
    # The namespace as an attribute: ElementTree writes qualified names with a prefix of its own
    # (ns0:feed) unless every attribute is qualified too; feed readers expect plain <feed>.
    feed = ET.Element("feed", {"xmlns": ATOM, _LANG: "nl"})
    _text(feed, "id", urls.absolute(site_url, urls.ATOM_FEED))
    _text(feed, "title", f"Nieuw in de agenda van {identity.communities}")
    _text(feed, "subtitle", f"Evenementen van {identity.communities}, de nieuwste aankondiging eerst.")
    _text(feed, "updated", _instant(max(moments)))
    _person(feed, "author", identity.publisher, site_url)
    _link(feed, "self", urls.absolute(site_url, urls.ATOM_FEED), "application/atom+xml")
    _link(feed, "alternate", urls.absolute(site_url, urls.page_url(urls.LIST_PAGES["agenda"])), "text/html")
    _text(feed, "rights", RIGHTS)
    for event in events:
        _entry(feed, event, network, site_url, history)
    ET.indent(feed)
    xml: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)  # typeshed: Any for an encoding
    return xml + b"\n"


def _entry(feed: ET.Element, event: Event, network: Network, site_url: str, history: History) -> None:
    page = urls.absolute(site_url, urls.event_page(event.id))
    stamp = history.stamp(event.id)
    entry = ET.SubElement(feed, "entry")
    _text(entry, "id", page)
    title = _text(entry, "title", dutch.listed_title(event))
    if event.language != "nl" and not event.cancelled:
        title.set(_LANG, event.language)
    _text(entry, "published", _instant(stamp.created))
    _text(entry, "updated", _instant(stamp.modified))
    organiser = network.organiser(event)
    _person(entry, "author", organiser.name, urls.absolute(site_url, urls.community_page(organiser.id)))
    _link(entry, "alternate", page, "text/html")
    _link(entry, "related", urls.absolute(site_url, urls.event_feed(event.id)), "text/calendar")
    labels = [network.type_label(event)] if event.type else []
    for label in [*labels, *(network.theme(t).name for t in event.themes)]:
        ET.SubElement(entry, "category", {"term": label})
    _text(entry, "summary", _summary(event)).set("type", "text")


def _summary(event: Event) -> str:
    """When and where, then the editors' one line: what a reader needs to decide to click."""
    parts = [f"Wanneer: {dutch.when(event)}.", f"Waar: {dutch.place(event.location)}."]
    if event.cancelled:
        parts.insert(0, dutch.CANCELLED)
    if event.language == "en":
        parts.append(dutch.IN_ENGLISH)
    if event.summary:
        parts.append(event.summary)
    return " ".join(parts)


def _instant(moment: datetime) -> str:
    """RFC 3339, in UTC, as Atom's date constructs ask."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, name)
    element.text = value
    return element


def _person(parent: ET.Element, role: str, name: str, uri: str) -> None:
    person = ET.SubElement(parent, role)
    _text(person, "name", name)
    _text(person, "uri", uri)


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "href": href, "type": media_type})
