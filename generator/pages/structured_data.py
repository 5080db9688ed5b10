"""schema.org `Event` data for event pages, so that search engines and assistants read the facts right."""

from __future__ import annotations

import json
import re
from typing import Any

from markupsafe import Markup

from ..catalogue import dutch, urls
from ..data.contract.models import ACCESSIBILITY_FEATURES, Event
from ..data.contract.network import Network


def event_data(event: Event, network: Network, site_url: str) -> dict[str, Any]:
    """What Google's event rich result asks (developers.google.com/search/docs/appearance/structured-data/
    event): `name`, `startDate` and `location`, a Place with its `address` as a PostalAddress (the
    check refuses a `venue` without one, `venue_without_address`) or a VirtualLocation with a `url`; and
    `eventAttendanceMode` and `eventStatus`. A cancelled event keeps its page and its status
    EventCancelled, but no longer gives the link to join or to register: its VirtualLocation is the
    event page."""
    page = urls.absolute(site_url, urls.event_page(event.id))
    location = event.location
    places: list[dict[str, Any]] = []
    if location.venue:
        place: dict[str, Any] = {"@type": "Place", "name": location.venue, "address": postal_address(location.address)}
        amenities = _place_features(event)
        if amenities:
            place["amenityFeature"] = amenities
        places.append(place)
    if location.online:
        join = None if event.cancelled else location.online_url or event.registration_url
        places.append({"@type": "VirtualLocation", "url": join or page})
    if location.venue and location.online:
        mode = "MixedEventAttendanceMode"
    else:
        mode = "OnlineEventAttendanceMode" if location.online else "OfflineEventAttendanceMode"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": dutch.iso(event.start),
        "endDate": dutch.iso(event.end if event.end is not None else event.start),
        "eventStatus": "https://schema.org/" + ("EventCancelled" if event.cancelled else "EventScheduled"),
        "eventAttendanceMode": "https://schema.org/" + mode,
        "location": places[0] if len(places) == 1 else places,
        "organizer": [
            {
                "@type": "Organization",
                "name": network.community(c).name,
                "url": urls.absolute(site_url, urls.community_page(c)),
            }
            for c in event.communities
        ],
        "url": page,
        "inLanguage": event.language,
    }
    if event.summary:
        data["description"] = event.summary
    recordings = _recordings(event)
    if recordings:
        data["recordedIn"] = recordings[0] if len(recordings) == 1 else recordings
    return data


_POSTCODE = re.compile(r"^(\d{4} ?[A-Z]{2})\s+(\S.*)$")


def postal_address(text: str | None) -> dict[str, str]:
    """The address as the PostalAddress Google's event result asks for. Editors write one line,
    "street and number, place" ("Kerkstraat 1, Zwolle", maybe with a postcode before the place):
    the part after the last comma is the place, the rest the street. Nothing is guessed that the line
    does not say (no country); without a comma the whole line is the street."""
    line = (text or "").strip()
    street, comma, locality = line.rpartition(",")
    if not comma or not street.strip() or not locality.strip():
        return {"@type": "PostalAddress", "streetAddress": line}
    address = {"@type": "PostalAddress", "streetAddress": street.strip()}
    postcode = _POSTCODE.match(locality.strip())
    if postcode:
        address["postalCode"], address["addressLocality"] = postcode.groups()
    else:
        address["addressLocality"] = locality.strip()
    return address


# schema.org has no terms for the access of an event itself; these are what it can say. A place
# has `amenityFeature` (LocationFeatureSpecification); a recording is a CreativeWork, whose
# `accessibilityFeature` takes the W3C vocabulary (https://www.w3.org/2021/a11y-discov-vocab/),
# where "captions" is the term for captions on a video. Live captions and a sign language
# interpreter at the event have no term, so they stay on the page and in the feeds only.
_PLACE_FEATURES = ("drempelvrij", "ringleiding", "stilteruimte")


def _place_features(event: Event) -> list[dict[str, Any]]:
    features = event.accessibility.features if event.accessibility else []
    return [
        {"@type": "LocationFeatureSpecification", "name": ACCESSIBILITY_FEATURES[feature], "value": True}
        for feature in features
        if feature in _PLACE_FEATURES
    ]


def _recordings(event: Event) -> list[dict[str, Any]]:
    captioned = event.accessibility is not None and "ondertiteling-opname" in event.accessibility.features
    recordings = []
    for material in event.materials:
        if material.kind != "opname":
            continue
        recording: dict[str, Any] = {
            "@type": "CreativeWork",
            "name": material.title,
            "url": material.url,
            "inLanguage": event.language,
        }
        if captioned:
            recording["accessibilityFeature"] = ["captions"]
        recordings.append(recording)
    return recordings


def script_json(data: dict[str, Any]) -> Markup:
    """JSON that is safe inside `<script>`: `<`, `>` and `&` are written as escapes, so text can never
    close the script element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704 - escaped here
