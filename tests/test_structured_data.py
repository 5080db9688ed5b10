"""Structured data and the add-to-calendar links of every event, against the rules their readers document.

The JSON-LD is checked by the rules of Google's event rich result
(developers.google.com/search/docs/appearance/structured-data/event): required are `name`, `startDate`
and `location`, where a Place needs an `address` and a VirtualLocation a `url`; we hold ourselves to
`eventAttendanceMode` and `eventStatus` as well, since both are what a visitor must know (is it online,
does it go on). The links are checked parameter by parameter: Google's `action=TEMPLATE` and Outlook's
`deeplink/compose` (see `urls.AddEvent` for the sources of the all-day end). Events: every event of the
fixtures and of the real data, and a generated event for every combination of attendance (at a place,
online without and with a link, both), status and timing (an hour, a day, several days, with times over
several days).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from pydantic import ValidationError

from conftest import FIXTURE, ROOT
from generator.build import load_site
from generator.catalogue import dutch, urls
from generator.data.contract.models import Event
from generator.data.contract.network import Network
from generator.data.reading.files import DataFiles
from generator.pages.structured_data import event_data

SITE_URL = "https://communities.example.nl/"
SCHEMA = "https://schema.org/"
# Each mode, and the types of location it goes with.
MODES = {
    "OfflineEventAttendanceMode": {"Place"},
    "OnlineEventAttendanceMode": {"VirtualLocation"},
    "MixedEventAttendanceMode": {"Place", "VirtualLocation"},
}
STATUSES = {"EventScheduled", "EventCancelled", "EventPostponed", "EventRescheduled", "EventMovedOnline"}
ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
ISO_MOMENT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$")

ATTENDANCE: dict[str, dict[str, Any]] = {
    "offline": {"venue": "Stadskantoor", "address": "Stadsplateau 1, Utrecht"},
    "online": {"online": True},
    "online-link": {"online": True, "online_url": "https://example.org/live?room=a&b=1"},
    "hybrid": {
        "venue": "Beatrixgebouw",
        "address": "Jaarbeursplein 6, Utrecht",
        "online": True,
        "online_url": "https://example.org/live/hybride",
    },
}
TIMING: dict[str, dict[str, str]] = {
    "timed": {"start": "2027-03-28 10:00", "end": "2027-03-28 12:00"},  # the first day of summer time
    "all-day": {"start": "2027-01-14"},
    "days": {"start": "2027-03-27", "end": "2027-03-29"},
    "timed-days": {"start": "2027-10-30 09:00", "end": "2027-10-31 17:00"},  # over the end of summer time
}


def _networks() -> dict[str, Network]:
    folders = {"fixture": FIXTURE, "feeds": ROOT / "tests" / "fixtures" / "feeds", "real": ROOT}
    folders["second-network"] = ROOT / "tests" / "fixtures" / "second-network"
    return {name: load_site(DataFiles(folder)) for name, folder in folders.items()}


NETWORKS = _networks()


def _variants(network: Network) -> Iterator[Event]:
    community = network.communities[0].id
    for (where, location), (when, moments), cancelled in itertools.product(
        ATTENDANCE.items(), TIMING.items(), (False, True)
    ):
        yield Event.model_validate(
            {
                "id": f"{where}-{when}{'-afgelast' if cancelled else ''}",
                "title": f"Variant {where} {when}",
                "communities": [community],
                "location": location,
                **moments,
                "registration_url": "https://example.org/aanmelden",
                "summary": "Een samenvatting.",
                "description": "Een beschrijving.",
                **({"status": "cancelled"} if cancelled else {}),
            }
        )


CASES = [(name, event) for name, network in NETWORKS.items() for event in network.events]
CASES += [("variant", event) for event in _variants(NETWORKS["fixture"])]


def _network(name: str) -> Network:
    return NETWORKS["fixture" if name == "variant" else name]


def google_event_problems(data: dict[str, Any]) -> list[str]:
    """What Google's event rich result (and our own two required fields) finds wrong in `data`."""
    problems = []
    if data.get("@context") != "https://schema.org" or data.get("@type") != "Event":
        problems.append("not a schema.org Event")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        problems.append("no name")
    problems += _date_problems(data)
    types, place_problems = _location_problems(data.get("location"))
    problems += place_problems
    mode = str(data.get("eventAttendanceMode", "")).removeprefix(SCHEMA)
    if mode not in MODES:
        problems.append(f"eventAttendanceMode {mode!r}")
    elif types != MODES[mode]:
        problems.append(f"{mode} with locations {sorted(types)}")
    if str(data.get("eventStatus", "")).removeprefix(SCHEMA) not in STATUSES:
        problems.append(f"eventStatus {data.get('eventStatus')!r}")
    return problems


def _date_problems(data: dict[str, Any]) -> list[str]:
    """`startDate` is required, `endDate` is not; both ISO 8601, the end not before the start."""
    problems = []
    for key in ("startDate", "endDate"):
        value = data.get(key)
        if value is None and key == "endDate":
            continue
        if not isinstance(value, str) or not (ISO_DATE.match(value) or ISO_MOMENT.match(value)):
            problems.append(f"{key} is not ISO 8601: {value!r}")
    if not problems and "endDate" in data and _instant(data["endDate"]) < _instant(data["startDate"]):
        problems.append("endDate before startDate")
    return problems


def _location_problems(location: object) -> tuple[set[str], list[str]]:
    """The types of the locations, and what is wrong with them: a Place needs a name and an address
    (a PostalAddress, as Google's documentation gives it), a VirtualLocation an address on the web."""
    listed = location if isinstance(location, list) else [location]
    places = [place for place in listed if isinstance(place, dict)]
    if not location or len(places) != len(listed):
        return set(), [f"location {location!r}"]
    types, problems = set(), []
    for place in places:
        kind = str(place.get("@type"))
        types.add(kind)
        address = place.get("address")
        postal = address if isinstance(address, dict) and address.get("@type") == "PostalAddress" else {}
        if kind == "Place" and not place.get("name"):
            problems.append("Place without name")
        if kind == "Place" and not str(postal.get("streetAddress", "")).strip():
            problems.append(f"Place {place.get('name')!r} without a PostalAddress")
        if kind == "VirtualLocation" and not re.match(r"^https?://", str(place.get("url", ""))):
            problems.append("VirtualLocation without url")
        if kind not in {"Place", "VirtualLocation"}:
            problems.append(f"location of type {kind!r}")
    return types, problems


def _instant(value: str) -> datetime:
    if ISO_DATE.match(value):
        return datetime.combine(date.fromisoformat(value), datetime.min.time(), UTC)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_the_rules_find_what_google_refuses() -> None:
    """The check of the rules can fail: each defect below is one that Google reports."""
    good = event_data(NETWORKS["fixture"].events[0], NETWORKS["fixture"], SITE_URL)
    assert google_event_problems(good) == []
    place = {"@type": "Place", "name": "Stadskantoor"}
    offline = SCHEMA + "OfflineEventAttendanceMode"
    defects: list[dict[str, Any]] = [
        {**good, "location": place, "eventAttendanceMode": offline},
        {**good, "location": {**place, "address": "Stadsplateau 1, Utrecht"}, "eventAttendanceMode": offline},
        {**good, "location": {"@type": "VirtualLocation"}},
        {**good, "name": ""},
        {**good, "startDate": "8 december 2026"},
        {key: value for key, value in good.items() if key != "eventStatus"},
        {key: value for key, value in good.items() if key != "eventAttendanceMode"},
        {**good, "endDate": "2000-01-01"},
    ]
    for defect in defects:
        assert google_event_problems(defect), defect


@pytest.mark.parametrize(("source", "event"), CASES, ids=[f"{name}-{event.id}" for name, event in CASES])
def test_structured_data_is_valid_for_googles_event_result(source: str, event: Event) -> None:
    data = event_data(event, _network(source), SITE_URL)
    assert google_event_problems(data) == []
    status = "EventCancelled" if event.cancelled else "EventScheduled"
    assert data["eventStatus"] == SCHEMA + status
    text = json.dumps(data)
    for place in data["location"] if isinstance(data["location"], list) else [data["location"]]:
        if place["@type"] == "Place":
            # The PostalAddress says the editor's line, all of it, in its order.
            assert _line(place["address"]) == event.location.address
    if event.cancelled:
        # Nobody joins or registers for a cancelled event: its online place is its page.
        for link in (event.location.online_url, event.registration_url):
            assert link is None or link not in text, link
    elif event.location.online_url:
        assert event.location.online_url in text


def _line(address: dict[str, str]) -> str:
    """The one line a PostalAddress was made from."""
    place = " ".join(address[key] for key in ("postalCode", "addressLocality") if key in address)
    return ", ".join(part for part in (address["streetAddress"], place) if part)


def test_a_venue_without_an_address_is_refused() -> None:
    with pytest.raises(ValidationError, match="venue_without_address"):
        Event.model_validate(
            {**dict(TIMING["timed"]), "id": "x", "title": "X", "communities": ["a"], "description": "x"}
            | {"location": {"venue": "Stadskantoor"}}
        )


def _query(link: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(link)
    fields = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(values) == 1 for values in fields.values()), link
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {name: values[0] for name, values in fields.items()}


def _expected_times(event: Event, form: str, timed_form: str) -> tuple[str, str]:
    if event.all_day:
        # Exclusive: the day after the last day, for Google and for Outlook (see urls.AddEvent).
        return event.first_day.strftime(form), (event.last_day + timedelta(days=1)).strftime(form)
    assert event.ends_at is not None
    return event.starts_at.astimezone(UTC).strftime(timed_form), event.ends_at.astimezone(UTC).strftime(timed_form)


@pytest.mark.parametrize(("source", "event"), CASES, ids=[f"{name}-{event.id}" for name, event in CASES])
def test_add_to_calendar_links_carry_the_event(source: str, event: Event) -> None:
    page = urls.absolute(SITE_URL, urls.event_page(event.id))
    add = urls.AddEvent.of(event, page)
    join = event.location.online_url if not event.cancelled else None

    address, google = _query(add.google)
    assert address == "https://calendar.google.com/calendar/render"
    assert set(google) == {"action", "text", "dates", "details", "location"}
    assert (google["action"], google["text"]) == ("TEMPLATE", event.title)
    assert google["location"] == dutch.place(event.location)
    assert google["dates"] == "/".join(_expected_times(event, "%Y%m%d", "%Y%m%dT%H%M%SZ"))

    for host, link in ((urls.OUTLOOK_PERSONAL, add.outlook()), (urls.OUTLOOK_WORK, add.microsoft365)):
        address, outlook = _query(link)
        assert address == f"{host}/calendar/deeplink/compose"
        assert set(outlook) == {"path", "rru", "subject", "startdt", "enddt", "allday", "body", "location"}
        assert (outlook["path"], outlook["rru"]) == ("/calendar/action/compose", "addevent")
        assert (outlook["subject"], outlook["location"]) == (event.title, dutch.place(event.location))
        assert outlook["allday"] == ("true" if event.all_day else "false")
        assert (outlook["startdt"], outlook["enddt"]) == _expected_times(event, "%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ")
        assert outlook["body"] == google["details"]

    details = google["details"]
    assert dutch.more_information(page) in details
    if join:
        assert dutch.labelled(dutch.JOIN_ONLINE, join) in details
    for other in (event.location.online_url, event.registration_url):
        if other and other != join:
            assert other not in details, other


def test_the_variants_cover_every_kind_of_event() -> None:
    variants = [event for name, event in CASES if name == "variant"]
    shapes = {
        (bool(place.get("venue")), bool(place.get("online")), bool(place.get("online_url")))
        for place in ATTENDANCE.values()
    }
    kinds = {
        (bool(e.location.venue), e.location.online, bool(e.location.online_url), e.cancelled, e.all_day)
        for e in variants
    }
    assert kinds == {(*shape, cancelled, all_day) for shape in shapes for cancelled in (0, 1) for all_day in (0, 1)}
    assert any(e.first_day != e.last_day and e.all_day for e in variants)
    assert any(e.first_day != e.last_day and not e.all_day for e in variants)


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def event_pages(request: pytest.FixtureRequest) -> list[Path]:
    site: Path = request.getfixturevalue("built_site" if request.param == "mkdocs" else "zensical_site")
    return sorted(site.glob("agenda/*/index.html"))


def test_every_json_ld_of_a_built_site_is_valid_for_google(event_pages: list[Path]) -> None:
    found = 0
    for page in event_pages:
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text("utf-8"), re.S):
            data = json.loads(block)
            if data.get("@type") == "Event":
                found += 1
                assert google_event_problems(data) == [], page
    assert found >= len(NETWORKS["fixture"].events)
