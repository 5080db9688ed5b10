"""Calendar feeds, read back the way calendar apps read them: python icalendar and Mozilla's ical.js.

Times are asserted as exact UTC instants, on both sides of both changes of summer time and on the
change days themselves, because apps that read a time zone differently are off by an hour.
"""

from __future__ import annotations

import json
import subprocess
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from conftest import FIXTURE_EPOCH, ROOT
from generator.build import load_site
from generator.catalogue import urls
from generator.catalogue.identity import Identity
from generator.data.contract.models import Event
from generator.data.contract.moments import now
from generator.data.contract.network import Network
from generator.data.reading.files import DataFiles
from generator.ical import calendar as feeds
from generator.ical.vtimezone import amsterdam_timezone
from generator.settings import read_settings
from generator.stamps.history import History, Stamp

FEEDS = ROOT / "tests" / "fixtures" / "feeds"
SITE_URL = "https://communities.example.nl/"
DOMAIN = "communities.example.nl"
SITE_EMAIL = "communities@example.nl"

TIMED = {
    "voor-wintertijd": ("2026-10-24T08:00:00Z", "2026-10-24T10:00:00Z"),
    "nacht-wintertijd": ("2026-10-24T23:00:00Z", "2026-10-25T02:30:00Z"),
    "middag-wintertijd": ("2026-10-25T13:00:00Z", "2026-10-25T15:00:00Z"),
    "voor-zomertijd": ("2027-03-27T09:00:00Z", "2027-03-27T10:00:00Z"),
    "nacht-zomertijd": ("2027-03-28T00:00:00Z", "2027-03-28T02:00:00Z"),
    "middag-zomertijd": ("2027-03-28T12:00:00Z", "2027-03-28T13:30:00Z"),
    "na-zomertijd": ("2027-03-29T08:00:00Z", "2027-03-29T09:00:00Z"),
    "tweedaagse-met-tijden": ("2027-10-30T07:00:00Z", "2027-10-31T16:00:00Z"),
    "afgezegd": ("2027-01-12T13:00:00Z", "2027-01-12T15:00:00Z"),
}
ALL_DAY = {
    "hele-dag-zomertijd": ("2027-03-28", "2027-03-29"),
    "driedaags": ("2027-03-27", "2027-03-30"),
}


@pytest.fixture(scope="module", autouse=True)
def fixed_now(monkeypatch_module: pytest.MonkeyPatch) -> None:
    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def network() -> Network:
    return load_site(DataFiles(FEEDS))


@pytest.fixture(scope="module")
def feed_dir(network: Network, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("feeds")
    identity = Identity(name="Gebruiker Centraal")
    for feed in feeds.render_feeds(network, now(), SITE_URL, contact_email=SITE_EMAIL, identity=identity):
        target = folder / feed.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(feed.content)
    return folder


def _read(feed_dir: Path, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((feed_dir / path).read_bytes())


def _events(calendar: icalendar.Calendar) -> dict[str, icalendar.Component]:
    return {str(e["uid"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def _prop(component: icalendar.Component, name: str) -> Any:
    """`component[name]`, typed as what it is: icalendar types every property as a union of all 30 of
    its value types, so `.dt` of a date or `.cats` of categories would not type-check."""
    return component[name]


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


ParsedFeeds = dict[str, dict[str, Any]]
"""What parse_ics.mjs read from each feed, by the feed's path."""


@pytest.fixture(scope="module")
def parsed_by_icaljs(feed_dir: Path, icaljs: Path) -> ParsedFeeds:
    paths = sorted(str(p) for p in feed_dir.rglob("*.ics"))
    output = subprocess.run(["node", str(icaljs), *paths], capture_output=True, text=True, check=True).stdout
    return {str(Path(path).relative_to(feed_dir)): value for path, value in json.loads(output).items()}


def test_every_feed_is_written(network: Network, feed_dir: Path) -> None:
    expected = {"agenda.ics"}
    expected |= {f"communities/{c.id}/agenda.ics" for c in network.communities}
    expected |= {f"themas/{t.id}/agenda.ics" for t in network.themes}
    expected |= {f"agenda/{e.id}.ics" for e in network.events}
    expected |= {
        f"agenda/{part}/agenda.ics"
        for part in ("online", "op-locatie", "voor-iedereen", "gebarentaal-of-ondertiteling")
    }
    expected |= {f"agenda/soort/{kind}/agenda.ics" for kind in {e.type for e in network.events if e.type}}
    assert {str(p.relative_to(feed_dir)) for p in feed_dir.rglob("*.ics")} == expected


def test_timed_events_have_exact_instants_in_icalendar(feed_dir: Path) -> None:
    events = _events(_read(feed_dir, "agenda.ics"))
    for uid, (start, end) in TIMED.items():
        assert str(events[uid]["dtstart"].params["TZID"]) == "Europe/Amsterdam"
        assert (_utc(_prop(events[uid], "dtstart").dt), _utc(_prop(events[uid], "dtend").dt)) == (start, end), uid


def test_timed_events_have_exact_instants_in_icaljs(parsed_by_icaljs: ParsedFeeds) -> None:
    events = {e["uid"].split("@")[0]: e for e in parsed_by_icaljs["agenda.ics"]["events"]}
    for uid, (start, end) in TIMED.items():
        assert events[uid]["startZone"] == "Europe/Amsterdam"
        got = (events[uid]["start"]["utc"].replace(".000", ""), events[uid]["end"]["utc"].replace(".000", ""))
        assert got == (start, end), uid


def test_all_day_events_use_dates_with_an_exclusive_end(feed_dir: Path, parsed_by_icaljs: ParsedFeeds) -> None:
    events = _events(_read(feed_dir, "agenda.ics"))
    js_events = {e["uid"].split("@")[0]: e for e in parsed_by_icaljs["agenda.ics"]["events"]}
    raw = (feed_dir / "agenda.ics").read_text(encoding="utf-8")
    for uid, (start, end) in ALL_DAY.items():
        assert _prop(events[uid], "dtstart").dt == date.fromisoformat(start)
        assert _prop(events[uid], "dtend").dt == date.fromisoformat(end)
        assert (js_events[uid]["start"]["date"], js_events[uid]["end"]["date"]) == (start, end)
        assert f"DTSTART;VALUE=DATE:{start.replace('-', '')}" in raw


def test_vtimezone_only_where_a_timed_event_is(feed_dir: Path, parsed_by_icaljs: ParsedFeeds) -> None:
    assert parsed_by_icaljs["agenda.ics"]["timezones"] == ["Europe/Amsterdam"]
    # The formulieren theme holds only all-day events.
    assert parsed_by_icaljs["themas/formulieren/agenda.ics"]["timezones"] == []
    assert len(_read(feed_dir, "agenda.ics").walk("VTIMEZONE")) == 1


def test_vtimezone_rules_match_zoneinfo_every_hour_for_years() -> None:
    """The yearly rules written in the feed give the same offset as the tz database, 2020–2037: every
    hour as icalendar reads the rules (the changes it finds in them), and every hour of the two days
    around each change as dateutil reads them (icalendar's `to_tz`: 7 s for every hour of the years)."""
    written = cast(icalendar.Timezone, icalendar.Timezone.from_ical(amsterdam_timezone().to_ical()))
    changes, after_change = written.get_transitions()  # UTC without tzinfo; (offset, dst, name) from then on
    by_dateutil = written.to_tz(lookup_tzid=False)
    reference = ZoneInfo("Europe/Amsterdam")
    start, hour = datetime(2020, 1, 1, tzinfo=UTC), timedelta(hours=1)
    hours = [start + n * hour for n in range((datetime(2038, 1, 1, tzinfo=UTC) - start) // hour)]
    expected = [moment.astimezone(reference).utcoffset() for moment in hours]
    for moment, offset in zip(hours, expected, strict=True):
        assert after_change[bisect_right(changes, moment.replace(tzinfo=None)) - 1][0] == offset, moment
    turns = [n for n in range(1, len(hours)) if expected[n] != expected[n - 1]]
    assert len(turns) == 2 * 18, turns
    for n in (n for turn in turns for n in range(turn - 24, turn + 24)):
        assert hours[n].astimezone(by_dateutil).utcoffset() == expected[n], hours[n]


def test_cancelled_event_stays_with_status_cancelled(feed_dir: Path, parsed_by_icaljs: ParsedFeeds) -> None:
    event = _events(_read(feed_dir, "agenda.ics"))["afgezegd"]
    assert event["status"] == "CANCELLED"
    assert str(event["summary"]).startswith("Gaat niet door")
    js_event = next(e for e in parsed_by_icaljs["agenda.ics"]["events"] if e["uid"].startswith("afgezegd@"))
    assert js_event["status"] == "CANCELLED"
    assert "afgezegd" in {uid for uid in _events(_read(feed_dir, "communities/community-cx/agenda.ics"))}


def test_special_characters_are_escaped_and_read_back(feed_dir: Path, parsed_by_icaljs: ParsedFeeds) -> None:
    raw = (feed_dir / "agenda" / "tekens.ics").read_text(encoding="utf-8")
    assert "SUMMARY:Klant\\, burger\\; en \\\\ de backslash" in raw
    title = "Klant, burger; en \\ de backslash"
    assert str(_events(_read(feed_dir, "agenda/tekens.ics"))["tekens"]["summary"]) == title
    js_event = parsed_by_icaljs["agenda/tekens.ics"]["events"][0]
    assert js_event["summary"] == title
    assert js_event["location"] == "Zaal 1; tweede verdieping, Straat 1, Utrecht"
    assert js_event["description"].startswith(
        "Eerste regel, met een komma; en een puntkomma.\nTweede regel met een \\ backslash.\n\nNieuwe alinea."
    )


CALENDAR_TEXT = ("NAME", "X-WR-CALNAME", "X-WR-CALDESC", "DESCRIPTION")
SPECIAL_COMMUNITY = "Eén klantreis, veel kanalen; samen: \\ sterker"
SPECIAL_THEME = "Kanalen, balies; loketten: \\ en meer"


def _moment(value: date | datetime) -> str:
    return _utc(value) if isinstance(value, datetime) else value.isoformat()


@contextmanager
def _names_read_as_text() -> Iterator[None]:
    """NAME (RFC 7986) and Apple's X-WR-CALNAME and X-WR-CALDESC hold TEXT, as apps read them. icalendar 7
    does not type them and would hand over their escaped form, so they are declared as TEXT while reading."""
    types = icalendar.Calendar.types_factory.types_map
    before = {name: types.get(name) for name in ("name", "x-wr-calname", "x-wr-caldesc")}
    types.update(dict.fromkeys(before, "text"))
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                types.pop(name, None)
            else:
                types[name] = value


def _read_with_icalendar(content: bytes) -> dict[str, Any]:
    with _names_read_as_text():
        calendar = icalendar.Calendar.from_ical(content)
    text = {name: str(calendar[name]) for name in CALENDAR_TEXT if name in calendar}
    events = {
        str(event["uid"]): {
            "summary": str(event["summary"]),
            "description": str(event["description"]),
            "location": str(event["location"]),
            "categories": [str(c) for c in _prop(event, "categories").cats] if "categories" in event else [],
            "start": _moment(_prop(event, "dtstart").dt),
            "end": _moment(_prop(event, "dtend").dt),
            "organizer": [str(event["organizer"]), event["organizer"].params["CN"]] if "organizer" in event else None,
        }
        for event in calendar.walk("VEVENT")
    }
    return {"text": text, "events": events}


def _read_with_vobject(content: bytes) -> dict[str, Any]:
    calendar = vobject.readOne(content.decode("utf-8"))
    text = {
        name: calendar.contents[name.lower()][0].value for name in CALENDAR_TEXT if name.lower() in calendar.contents
    }
    events = {
        event.uid.value: {
            "summary": event.summary.value,
            "description": event.description.value,
            "location": event.location.value,
            "categories": list(event.categories.value) if "categories" in event.contents else [],
            "start": _moment(event.dtstart.value),
            "end": _moment(event.dtend.value),
            "organizer": [event.organizer.value, event.organizer.params["CN"][0]]
            if "organizer" in event.contents
            else None,
        }
        for event in calendar.contents.get("vevent", [])
    }
    return {"text": text, "events": events}


def _read_with_icaljs(parsed: dict[str, Any]) -> dict[str, Any]:
    def moment(value: dict[str, str]) -> str:
        return value["date"] if "date" in value else value["utc"].replace(".000", "")

    events = {
        event["uid"]: {
            "summary": event["summary"],
            "description": event["description"],
            "location": event["location"],
            "categories": event["categories"],
            "start": moment(event["start"]),
            "end": moment(event["end"]),
            "organizer": [event["organizer"], event["organizerName"]] if event["organizer"] else None,
        }
        for event in parsed["events"]
    }
    return {"text": parsed["text"], "events": events}


def test_text_and_instants_read_the_same_in_icalendar_vobject_and_icaljs(
    feed_dir: Path, parsed_by_icaljs: ParsedFeeds
) -> None:
    """Every feed, read by three parsers: the same texts (with , ; \\ and new lines) and the same instants."""
    for path in sorted(feed_dir.rglob("*.ics")):
        name = str(path.relative_to(feed_dir))
        content = path.read_bytes()
        by_icalendar, by_vobject = _read_with_icalendar(content), _read_with_vobject(content)
        assert by_icalendar == by_vobject, name
        assert by_icalendar == _read_with_icaljs(parsed_by_icaljs[name]), name
    community = _read_with_icalendar((feed_dir / urls.community_feed("een-klantreis")).read_bytes())
    assert community["text"]["NAME"] == community["text"]["X-WR-CALNAME"] == f"Agenda {SPECIAL_COMMUNITY}"
    assert SPECIAL_COMMUNITY in community["text"]["X-WR-CALDESC"]
    theme = _read_with_icalendar((feed_dir / urls.theme_feed("kanalen")).read_bytes())
    assert theme["text"]["X-WR-CALNAME"] == f"Agenda thema {SPECIAL_THEME}"
    event = community["events"][f"klantreis-tekens@{DOMAIN}"]
    assert event["summary"] == "Eén klantreis, veel kanalen; met \\ backslash"
    assert event["location"] == 'Zaal "B"; links, Plein 1, Den Haag en online'
    assert event["categories"] == ["Werksessie", SPECIAL_THEME, "Klantreizen"]
    assert (
        "Kort: komma, puntkomma; backslash \\ en meer.\n\nRegel een, met komma; puntkomma.\nRegel twee"
        in (event["description"])
    )
    assert f"Organisatie: {SPECIAL_COMMUNITY}, Community CX" in event["description"]
    assert (event["start"], event["end"]) == ("2027-05-11T11:00:00Z", "2027-05-11T13:00:00Z")


def test_calendar_names_are_escaped_on_the_wire(feed_dir: Path) -> None:
    raw = (feed_dir / urls.community_feed("een-klantreis")).read_bytes().decode("utf-8").replace("\r\n ", "")
    escaped = "Agenda Eén klantreis\\, veel kanalen\\; samen: \\\\ sterker"
    for name in ("NAME", "X-WR-CALNAME"):
        assert f"\r\n{name}:{escaped}\r\n" in raw, name
    assert "\r\nX-WR-CALDESC:Evenementen die Eén klantreis\\, veel kanalen\\;" in raw


def test_the_organiser_is_the_first_community_with_its_address_or_the_sites(
    feed_dir: Path, parsed_by_icaljs: ParsedFeeds
) -> None:
    events = _read_with_icalendar((feed_dir / urls.ALL_EVENTS_FEED).read_bytes())["events"]
    # Community CX has its own address; the community with the special name has none: the site's, quoted.
    assert events[f"voor-wintertijd@{DOMAIN}"]["organizer"] == ["mailto:cx@example.org", "Community CX"]
    assert events[f"klantreis-tekens@{DOMAIN}"]["organizer"] == [f"mailto:{SITE_EMAIL}", SPECIAL_COMMUNITY]
    raw = (feed_dir / urls.event_feed("klantreis-tekens")).read_bytes().decode("utf-8").replace("\r\n ", "")
    assert f'\r\nORGANIZER;CN="{SPECIAL_COMMUNITY}":mailto:{SITE_EMAIL}\r\n' in raw
    # vobject and ical.js read the same: see test_text_and_instants_read_the_same_in_icalendar_vobject_and_icaljs.
    js_event = parsed_by_icaljs[urls.event_feed("klantreis-tekens")]["events"][0]
    assert (js_event["organizer"], js_event["organizerName"]) == (f"mailto:{SITE_EMAIL}", SPECIAL_COMMUNITY)


def test_without_any_address_there_is_no_organiser(network: Network) -> None:
    written = {f.path: f.content for f in feeds.render_feeds(network, now(), SITE_URL)}
    events = _events(icalendar.Calendar.from_ical(written[urls.ALL_EVENTS_FEED]))
    assert "organizer" not in events["klantreis-tekens"]  # its community has no address, nor has the site
    assert str(events["voor-wintertijd"]["organizer"]) == "mailto:cx@example.org"
    # Nobody to name: the file still says whom to ask about access, in words.
    assert str(events["klantreis-tekens"]["description"]).endswith(
        "Vragen over toegankelijkheid? Vraag de organisatie.\n\nMeer informatie: "
        "https://communities.example.nl/agenda/klantreis-tekens/"
    )


def test_the_sites_address_comes_from_mkdocs_yml(built_site: Path) -> None:
    """The plugin option `contact_email`, in the real build of the fixture site with the project's mkdocs.yml."""
    event = icalendar.Calendar.from_ical((built_site / "agenda" / "dd-webinar-december.ics").read_bytes()).walk(
        "VEVENT"
    )[0]
    assert str(event["organizer"]) == "mailto:communities@gebruikercentraal.nl"  # Netwerk Direct Duidelijk has none
    assert event["organizer"].params["CN"] == "Netwerk Direct Duidelijk"
    config = read_settings(ROOT / "mkdocs.yml")
    assert config.contact_email == "communities@gebruikercentraal.nl"  # `render --out` reads it too


def test_lines_are_crlf_and_folded_without_splitting_characters(feed_dir: Path, parsed_by_icaljs: ParsedFeeds) -> None:
    for path in feed_dir.rglob("*.ics"):
        content = path.read_bytes()
        assert b"\n" not in content.replace(b"\r\n", b""), path
        for line in content.split(b"\r\n"):
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # a character split over two lines would not decode
    title = (
        "Één ĳzersterke bijeenkomst over ‘begrijpelijke’ taal — met Zoë, Chloë, André en Jürgen in Den Haag, "
        "Utrecht en Zwolle"
    )
    assert str(_events(_read(feed_dir, "agenda/lange-regels.ics"))["lange-regels"]["summary"]) == title
    assert parsed_by_icaljs["agenda/lange-regels.ics"]["events"][0]["summary"] == title
    assert "😀" in parsed_by_icaljs["agenda/lange-regels.ics"]["events"][0]["description"]


SUBSCRIPTION_ONLY: tuple[str, ...] = (
    "X-WR-CALNAME",
    "NAME",
    "X-WR-CALDESC",
    "DESCRIPTION",
    "REFRESH-INTERVAL",
    "X-PUBLISHED-TTL",
)
SUBSCRIPTION_ONLY += ("SOURCE", "URL")
"""What makes a file a calendar of its own: a name, a description, where to refresh it from and how often."""


def _is_import_file(path: Path, feed_dir: Path) -> bool:
    return path.parent == feed_dir / "agenda"  # agenda/<id>.ics; the parts of the agenda are in folders below it


def test_feed_and_event_properties(feed_dir: Path) -> None:
    for path in feed_dir.rglob("*.ics"):
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        for name in ("VERSION", "PRODID", "METHOD"):
            assert name in calendar, (path, name)
        assert calendar["METHOD"] == "PUBLISH"
        if not _is_import_file(path, feed_dir):
            for name in SUBSCRIPTION_ONLY:
                assert name in calendar, (path, name)
            assert calendar["X-PUBLISHED-TTL"].to_ical() == b"PT6H"
        for event in calendar.walk("VEVENT"):
            for name in (
                "UID",
                "DTSTAMP",
                "DTSTART",
                "DTEND",
                "SUMMARY",
                "DESCRIPTION",
                "URL",
                "LOCATION",
                "STATUS",
                "SEQUENCE",
                "CREATED",
                "LAST-MODIFIED",
            ):
                assert name in event, (path, name)
            page = f"{SITE_URL}agenda/{str(event['uid']).split('@')[0]}/"
            assert str(event["url"]) == page
            assert str(event["description"]).endswith(page)


def test_a_single_event_file_is_an_import_file_without_a_calendar_of_its_own(
    feed_dir: Path, parsed_by_icaljs: ParsedFeeds
) -> None:
    """MS-OXCICAL: X-WR-CALNAME makes Outlook open a new calendar folder. Without the calendar's name,
    description and refresh hints, Outlook, Apple and Google add the event to a calendar the user has."""
    files = sorted(path for path in feed_dir.rglob("*.ics") if _is_import_file(path, feed_dir))
    assert len(files) == len(list((feed_dir / "agenda").glob("*.ics"))) > 1
    for path in files:
        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        assert [name for name in SUBSCRIPTION_ONLY if name in calendar] == [], path
        assert calendar["METHOD"] == "PUBLISH"
        assert len(calendar.walk("VEVENT")) == 1
        properties = parsed_by_icaljs[str(path.relative_to(feed_dir))]["properties"]
        assert not set(properties) & set(SUBSCRIPTION_ONLY), path
        raw = path.read_bytes()
        assert b"\r\nNAME:" not in raw and b"X-WR-CAL" not in raw and b"REFRESH-INTERVAL" not in raw


def test_feed_names_are_dutch(parsed_by_icaljs: ParsedFeeds) -> None:
    assert parsed_by_icaljs["communities/community-cx/agenda.ics"]["name"] == "Agenda Community CX"
    assert parsed_by_icaljs["themas/klantreizen/agenda.ics"]["name"] == "Agenda thema Klantreizen"
    assert parsed_by_icaljs["agenda.ics"]["name"] == "Agenda community's Gebruiker Centraal"


def test_feeds_hold_the_right_events(feed_dir: Path) -> None:
    cx = set(_events(_read(feed_dir, "communities/community-cx/agenda.ics")))
    assert {"middag-wintertijd", "driedaags"} <= cx  # co-organised events count too
    assert "voor-zomertijd" not in cx
    assert set(_events(_read(feed_dir, "themas/formulieren/agenda.ics"))) == {"hele-dag-zomertijd", "driedaags"}
    assert set(_events(_read(feed_dir, "agenda/driedaags.ics"))) == {"driedaags"}


def test_locations(feed_dir: Path) -> None:
    events = _events(_read(feed_dir, "agenda.ics"))
    assert str(events["voor-wintertijd"]["location"]) == "Online"
    assert str(events["middag-wintertijd"]["location"]) == "Beatrixgebouw, Jaarbeursplein 6, Utrecht"
    assert str(events["tweedaagse-met-tijden"]["location"]) == "Fabrique, Hamstraat 1, Maarssen en online"


def _with_events(network: Network, events: list[Event]) -> Network:
    return Network(network.themes, network.communities, tuple(events), network.external)


def test_uids_depend_only_on_id_and_domain(network: Network) -> None:
    stamp = now()
    before = feeds.render_feeds(network, stamp, SITE_URL)
    reordered = _with_events(network, list(reversed(network.events)))
    assert feeds.render_feeds(reordered, stamp, SITE_URL) == before
    extra = network.events[0].model_copy(update={"id": "nieuw", "title": "Nieuw"})
    grown = {
        f.path: f.content for f in feeds.render_feeds(_with_events(network, [extra, *network.events]), stamp, SITE_URL)
    }
    for feed in before:
        if feed.path.startswith("agenda/") and feed.path.count("/") == 1:  # one event's file
            assert grown[feed.path] == feed.content
    uids = {str(e["uid"]) for e in icalendar.Calendar.from_ical(grown["agenda.ics"]).walk("VEVENT")}
    assert {f"{e.id}@{DOMAIN}" for e in network.events} | {f"nieuw@{DOMAIN}"} == uids


def test_each_event_carries_the_stamps_of_its_history(network: Network) -> None:
    """CREATED, LAST-MODIFIED, DTSTAMP and SEQUENCE come from the history (git: see test_history.py)."""
    added, changed = datetime(2026, 9, 7, 9, 30, tzinfo=UTC), datetime(2026, 9, 8, 14, 5, tzinfo=UTC)
    moved = network.events[0].id
    history = History({moved: Stamp(added, changed, 3)}, Stamp(added, added, 0))
    written = {f.path: f.content for f in feeds.render_feeds(network, now(), SITE_URL, history=history)}
    events = _events(icalendar.Calendar.from_ical(written[urls.ALL_EVENTS_FEED]))
    assert events[moved]["sequence"] == 3
    assert (
        _prop(events[moved], "created").dt,
        _prop(events[moved], "last-modified").dt,
        _prop(events[moved], "dtstamp").dt,
    ) == (
        added,
        changed,
        changed,
    )
    other = network.events[1].id
    assert (
        events[other]["sequence"],
        _prop(events[other], "last-modified").dt,
        _prop(events[other], "dtstamp").dt,
    ) == (
        0,
        added,
        added,
    )
    raw = written[urls.event_feed(moved)].decode("utf-8")
    assert "\r\nDTSTAMP:20260908T140500Z\r\n" in raw and "\r\nCREATED:20260907T093000Z\r\n" in raw


def test_without_a_history_every_event_is_new_at_now(network: Network) -> None:
    written = {f.path: f.content for f in feeds.render_feeds(network, now(), SITE_URL)}
    for event in icalendar.Calendar.from_ical(written[urls.ALL_EVENTS_FEED]).walk("VEVENT"):
        assert event["sequence"] == 0
        assert _prop(event, "created").dt == _prop(event, "last-modified").dt == _prop(event, "dtstamp").dt == now()


def test_same_input_and_epoch_give_identical_feeds(network: Network) -> None:
    assert feeds.render_feeds(network, now(), SITE_URL) == feeds.render_feeds(
        load_site(DataFiles(FEEDS)), now(), SITE_URL
    )
