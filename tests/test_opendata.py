"""The open data: /agenda.json and /communities.json against their published JSON Schemas, and the
Atom feed /agenda.xml read as XML and checked against what RFC 4287 requires, in the built fixture
site and in real git repositories with dated commits."""

from __future__ import annotations

import json
import re
import warnings
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel
from test_history import Repo, clean_git_environment  # noqa: F401 (its fixture keeps git to the test's repositories)

from conftest import FIXTURE_EPOCH, make_project
from generator.build import build_site
from generator.catalogue.urls import AGENDA_JSON as AGENDA
from generator.catalogue.urls import AGENDA_SCHEMA, ATOM_FEED, COMMUNITIES_SCHEMA
from generator.catalogue.urls import COMMUNITIES_JSON as COMMUNITIES
from generator.data.contract.models import Community, Event, ExternalCommunity, Location, Theme
from generator.data.contract.moments import ZONE
from generator.data.contract.network import Network
from generator.data.wording.problems import DataError
from generator.opendata import atom
from generator.opendata.files import render_open_data
from generator.settings import read_settings
from generator.stamps.history import History, Stamp

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
SITE_URL = "https://communities.gebruikercentraal.nl/"
NS = {"atom": atom.ATOM}


def _json(site: Path, path: str) -> Any:
    return json.loads((site / path).read_text(encoding="utf-8"))


def _local(site: Path, address: str) -> Path:
    """The built file an absolute address of the site leads to."""
    assert address.startswith(SITE_URL), address
    path = site / address.removeprefix(SITE_URL)
    return path / "index.html" if address.endswith("/") else path


@pytest.mark.parametrize(("data", "schema"), [(AGENDA, AGENDA_SCHEMA), (COMMUNITIES, COMMUNITIES_SCHEMA)])
def test_each_json_file_is_valid_against_the_schema_published_beside_it(
    built_site: Path, data: str, schema: str
) -> None:
    published = _json(built_site, schema)
    Draft202012Validator.check_schema(published)
    assert published["$id"] == SITE_URL + schema
    document = _json(built_site, data)
    assert document["$schema"] == published["$id"]
    validator = Draft202012Validator(published, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(document)] == []


def test_the_schema_refuses_what_the_data_never_holds(built_site: Path) -> None:
    validator = Draft202012Validator(_json(built_site, AGENDA_SCHEMA))
    document = _json(built_site, AGENDA)
    event = document["events"][0]
    for broken in ({**event, "start": "2026-12-08 14:00"}, {**event, "status": "maybe"}, {**event, "extra": 1}):
        assert not validator.is_valid({**document, "events": [broken]})
    missing = {name: value for name, value in event.items() if name != "summary"}
    assert not validator.is_valid({**document, "events": [missing]})


@pytest.mark.parametrize(
    ("data", "key", "model"),
    [
        (AGENDA, "events", Event),
        (COMMUNITIES, "communities", Community),
        (COMMUNITIES, "themes", Theme),
        (COMMUNITIES, "external_communities", ExternalCommunity),
    ],
)
def test_every_field_of_the_contract_is_in_every_item_and_in_the_schema(
    built_site: Path, data: str, key: str, model: type[BaseModel]
) -> None:
    """A field added to the models is in the open data and its schema without a change in opendata/."""
    items = _json(built_site, data)[key]
    assert items
    for item in items:
        assert set(model.model_fields) <= set(item)
    schema = _json(built_site, AGENDA_SCHEMA if data == AGENDA else COMMUNITIES_SCHEMA)
    assert set(model.model_fields) <= set(schema["$defs"][model.__name__]["required"])
    if model is Event:
        assert set(Location.model_fields) == set(items[0]["location"])


def test_times_are_iso_8601_with_their_offset_and_all_day_events_are_dates(built_site: Path) -> None:
    events = {event["id"]: event for event in _json(built_site, AGENDA)["events"]}
    webinar = events["dd-webinar-december"]
    assert webinar["start"] == "2026-12-08T14:00:00+01:00" and not webinar["all_day"]
    assert datetime.fromisoformat(webinar["end"]) > datetime.fromisoformat(webinar["start"])
    # Summer time starts that Sunday at 02:00: the event at 10:00 is two hours ahead of UTC.
    assert events["cx-zomertijd"]["start"] == "2027-03-28T10:00:00+02:00"
    day = events["formulieren-dag"]
    assert day["all_day"] and date.fromisoformat(day["start"]) == date.fromisoformat(day["end"]) == date(2027, 1, 14)
    assert events["dd-geannuleerd"]["status"] == "cancelled"
    assert list(events) == sorted(events, key=lambda i: (datetime.fromisoformat(events[i]["start"]).date(), i))


def test_every_address_leads_to_a_page_or_a_feed_of_the_built_site(built_site: Path) -> None:
    agenda, network = _json(built_site, AGENDA), _json(built_site, COMMUNITIES)
    items = [*agenda["events"], *network["communities"], *network["themes"]]
    for item in items:
        assert _local(built_site, item["url"]).is_file(), item["url"]
        assert _local(built_site, item["ical"]).is_file(), item["ical"]
    assert _local(built_site, agenda["about"]).is_file()
    assert [c["id"] for c in network["communities"]] == sorted(c["id"] for c in network["communities"])


def test_the_page_about_the_data_names_every_file_and_its_licence(built_site: Path) -> None:
    page = (built_site / "open-data" / "index.html").read_text(encoding="utf-8")
    addresses = set(re.findall(r'href="(https://communities\.gebruikercentraal\.nl/[^"]*)"', page))
    files = {AGENDA, COMMUNITIES, AGENDA_SCHEMA, COMMUNITIES_SCHEMA, ATOM_FEED}
    assert {SITE_URL + path for path in files} <= addresses
    assert all(_local(built_site, address).is_file() for address in addresses)
    assert "CC0" in page and _json(built_site, AGENDA)["license"].startswith(
        "https://creativecommons.org/publicdomain/zero/"
    )
    assert 'href="open-data/"' in (built_site / "index.html").read_text(encoding="utf-8")  # in the navigation


def _config(project: Path) -> Any:
    return read_settings(project / "mkdocs.yml")


def _open_data(project: Path, now: datetime = NOW) -> dict[str, bytes]:
    site = build_site(_config(project), now)
    return {item.path: item.content for item in site.assets if not item.path.startswith("assets/")}


def test_the_same_data_and_moment_give_the_same_bytes(tmp_path: Path) -> None:
    first, second = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    built = _open_data(first)
    assert set(built) == {AGENDA, COMMUNITIES, AGENDA_SCHEMA, COMMUNITIES_SCHEMA, ATOM_FEED}
    assert built == _open_data(second)
    for content in built.values():
        content.decode("utf-8")
    assert "Schrijfcafé" in built[AGENDA].decode("utf-8")  # UTF-8 as it is, not \u escapes


def test_every_value_is_written_as_its_type_says(tmp_path: Path) -> None:
    """Pydantic only warns when it cannot serialise a value (a `Moment`, say): a new field of such a
    type needs its line in records.py, and this test says so."""
    network = build_site(_config(make_project(tmp_path / "typed")), NOW).network
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        render_open_data(network, NOW, SITE_URL, History.without_memory(NOW))


def _atom(content: bytes) -> ET.Element:
    root = ET.fromstring(content)  # noqa: S314 - the generator's own feed
    assert root.tag == f"{{{atom.ATOM}}}feed"
    return root


def _assert_rfc_4287(feed: ET.Element) -> None:
    """What RFC 4287 requires of a feed and its entries (section 4.1)."""
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"atom:{name}", NS)) == 1, name
    assert feed.findall("atom:author", NS), "a feed without an author must give one in every entry"
    assert feed.find("atom:link[@rel='alternate']", NS) is not None
    assert feed.find("atom:link[@rel='self']", NS) is not None
    for moment in feed.iter(f"{{{atom.ATOM}}}updated"):
        assert moment.text and datetime.fromisoformat(moment.text).tzinfo is not None
    ids = [entry.findtext("atom:id", namespaces=NS) for entry in feed.findall("atom:entry", NS)]
    assert len(ids) == len(set(ids))
    for entry in feed.findall("atom:entry", NS):
        for name in ("id", "title", "updated", "published", "summary"):
            assert len(entry.findall(f"atom:{name}", NS)) == 1, name
        assert entry.find("atom:link[@rel='alternate']", NS) is not None
        assert entry.find("atom:author/atom:name", NS) is not None


def test_the_atom_feed_is_valid_and_leads_to_the_pages_of_upcoming_events(built_site: Path) -> None:
    feed = _atom((built_site / ATOM_FEED).read_bytes())
    _assert_rfc_4287(feed)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    entries = feed.findall("atom:entry", NS)
    pages = {entry.findtext("atom:id", namespaces=NS) for entry in entries}
    assert pages == {e["url"] for e in _json(built_site, AGENDA)["events"] if _ends_after(e, NOW)}
    assert SITE_URL + "agenda/cx-terugblik/" not in pages  # over: not news
    for entry in entries:
        link = entry.find("atom:link[@rel='alternate']", NS)
        assert link is not None and _local(built_site, link.get("href", "")).is_file()
    cancelled = next(e for e in entries if "dd-geannuleerd" in (e.findtext("atom:id", namespaces=NS) or ""))
    assert cancelled.findtext("atom:title", namespaces=NS) == "Gaat niet door: Schrijfcafé"


def _ends_after(event: dict[str, Any], moment: datetime) -> bool:
    end = event["end"]
    if event["all_day"]:
        return date.fromisoformat(end) >= moment.date()
    return datetime.fromisoformat(end) > moment


MONDAY = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def _entries(events_file: str) -> tuple[str, list[str]]:
    """The head of an events file and its entries, each as the text editors wrote."""
    head, *entries = re.split(r"(?m)^(?=  - id: )", events_file)
    return head, entries


def test_newest_announced_first_from_the_git_history(tmp_path: Path) -> None:
    project = make_project(tmp_path / "repo")
    events_file = (project / "events.yaml").read_text(encoding="utf-8")
    head, entries = _entries(events_file)
    later = {"formulieren-dag": 2, "dd-webinar-december": 1}  # days after Monday each was added
    repo = Repo(project)
    first = [e for e in entries if not any(f"id: {i}\n" in e for i in later)]
    repo.commit(MONDAY, head + "".join(first))
    for event_id, days in sorted(later.items(), key=lambda item: item[1]):
        first += [e for e in entries if f"id: {event_id}\n" in e]
        repo.commit(MONDAY + timedelta(days=days), head + "".join(first))
    # A change to an event that is over changes no entry, and so not the feed's `updated`.
    repo.commit(MONDAY + timedelta(days=5), head + "".join(first).replace("Terugblik op", "Terugblik van"))
    feed = _atom(_open_data(project)[ATOM_FEED])
    _assert_rfc_4287(feed)
    entries_ = feed.findall("atom:entry", NS)
    ids = [
        (e.findtext("atom:id", namespaces=NS) or "").removeprefix(SITE_URL + "agenda/").rstrip("/") for e in entries_
    ]
    assert ids[:2] == ["formulieren-dag", "dd-webinar-december"]
    published = [e.findtext("atom:published", namespaces=NS) or "" for e in entries_]
    assert published[:3] == ["2026-11-04T09:30:00Z", "2026-11-03T09:30:00Z", "2026-11-02T09:30:00Z"]
    assert published == sorted(published, reverse=True)
    assert feed.findtext("atom:updated", namespaces=NS) == "2026-11-04T09:30:00Z"
    agenda = json.loads(_open_data(project)[AGENDA])
    created = {e["id"]: e["created"] for e in agenda["events"]}
    assert created["formulieren-dag"] == "2026-11-04T09:30:00+00:00"
    past = next(e for e in agenda["events"] if e["id"] == "cx-terugblik")
    assert (past["created"], past["modified"]) == ("2026-11-02T09:30:00+00:00", "2026-11-07T09:30:00+00:00")


def test_the_feed_keeps_only_the_events_announced_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    network = build_site(_config(make_project(tmp_path / "few")), NOW).network
    monkeypatch.setattr(atom, "SIZE", 2)
    history = History(
        {
            e.id: Stamp(MONDAY + timedelta(hours=i), MONDAY + timedelta(hours=i), 0)
            for i, e in enumerate(network.events)
        },
        Stamp(MONDAY, MONDAY, 0),
    )
    feed = _atom(atom.render_atom(network, NOW, SITE_URL, history))
    ids = [e.findtext("atom:id", namespaces=NS) for e in feed.findall("atom:entry", NS)]
    upcoming = network.upcoming(NOW)
    assert ids == [SITE_URL + f"agenda/{e.id}/" for e in upcoming[::-1][:2]]


def test_without_git_every_event_is_announced_at_the_moment_of_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "plain")
    feed = _atom(_open_data(project)[ATOM_FEED])
    moments = {e.findtext("atom:published", namespaces=NS) for e in feed.findall("atom:entry", NS)}
    assert moments == {NOW.astimezone(UTC).isoformat().replace("+00:00", "Z")}


def test_xml_special_characters_in_titles_stay_text(tmp_path: Path) -> None:
    project = make_project(tmp_path / "marks")
    events = project / "events.yaml"
    title = "Kennis & kunde: \"vragen\" over 'formulieren'"
    text = events.read_text(encoding="utf-8").replace(
        "title: Webinar duidelijke brieven", f"title: {json.dumps(title)}"
    )
    events.write_text(text, encoding="utf-8")
    network = build_site(_config(project), NOW).network
    assert any(e.title == title for e in network.events)
    # The check refuses < and > in a title; the feed escapes them anyway.
    marked = "a < b && <script>x</script>"
    changed = [e.model_copy(update={"title": marked}) if e.title == title else e for e in network.events]
    for names, network_ in (
        (title, network),
        (marked, Network(network.themes, network.communities, tuple(changed), ())),
    ):
        content = atom.render_atom(network_, NOW, SITE_URL, History.without_memory(NOW))
        titles = [e.findtext("atom:title", namespaces=NS) for e in _atom(content).findall("atom:entry", NS)]
        assert names in titles
        assert b"<script>" not in content
    files = render_open_data(network, NOW, SITE_URL, History.without_memory(NOW))
    agenda = json.loads(next(f.content for f in files if f.path == AGENDA))
    assert title in [e["title"] for e in agenda["events"]]


@pytest.mark.parametrize("path", [AGENDA, AGENDA_SCHEMA, ATOM_FEED])
def test_a_content_file_cannot_take_the_address_of_a_data_file(tmp_path: Path, path: str) -> None:
    project = make_project(tmp_path / "taken")
    (project / "content" / path).parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / path).write_text("{}", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_site(_config(project), NOW)
    assert [(p.file, p.key) for p in caught.value.problems] == [(f"content/{path}", "page_taken")]


def test_atom_summaries_say_when_in_the_same_dutch_words_as_the_pages(built_site: Path) -> None:
    """Feed readers show the summary as it is: the date as a visitor reads it on the event page."""
    feed = _atom((built_site / ATOM_FEED).read_bytes())
    summaries = {
        entry.findtext("atom:id", namespaces=NS): entry.findtext("atom:summary", namespaces=NS)
        for entry in feed.findall("atom:entry", NS)
    }
    webinar = summaries[SITE_URL + "agenda/dd-webinar-december/"] or ""
    assert webinar.startswith("Wanneer: dinsdag 8 december 2026, 14.00–16.00 uur. Waar: "), webinar
    page = (built_site / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8")
    shown = re.sub(r'<span class="site-visually-hidden">[^<]*</span>', "", page)  # what is read, not shown
    text = " ".join(re.sub(r"<[^>]+>", "", shown).split())
    assert "dinsdag 8 december 2026, 14.00–16.00 uur" in text
