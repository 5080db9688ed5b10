"""The optional event fields of issue #13, read back from a real `mkdocs build`: the language, the
access facts, the materials after the event and whether you can still register.

The fixture site has one event with the new fields, formulieren-design-systems (English, over, with
materials). The other cases need upcoming events; rather than shift every line of the shared
fixture, this module builds a copy in which some events get the fields. "Now" is Sunday 29
November 2026, 12:00 (SOURCE_DATE_EPOCH), so in that copy:

- dd-webinar-december: registration open until 1 December, live captions and NGT, a contact text;
- cx-zomertijd: the last day to register (20 November) has passed;
- congres-2027: full; formulieren-dag: says nothing about access;
- cx-terugblik is over, at a venue with step-free access and an induction loop, with a report and
  a captioned recording.
"""

from __future__ import annotations

import json
import re
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import icalendar
import pytest
import vobject
from jsonschema import Draft202012Validator

from conftest import DATA_FILES, FIXTURE, FIXTURE_EPOCH, article_text, build_mkdocs, make_project
from generator.build import load_site
from generator.data.contract.moments import ZONE
from generator.data.contract.network import Network
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import describe
from generator.data.wording.problems import DataError
from generator.ical import calendar as feeds
from generator.stamps.history import History

ENGLISH = "formulieren-design-systems"
SITE_URL = "https://communities.gebruikercentraal.nl/"
NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
ATOM = {"atom": "http://www.w3.org/2005/Atom"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


# (the line in the fixture's events.yaml, the lines put after it)
FIELDS = (
    (
        "    description: Een middag over klantreizen.",
        [
            "    accessibility: {features: [drempelvrij, ringleiding, ondertiteling-opname]}",
            "    materials:",
            "      - {title: Verslag van de middag, url: https://example.org/cx/terugblik-verslag, kind: verslag}",
            "      - {title: Opname van de middag, url: https://example.org/cx/terugblik-opname, kind: opname}",
        ],
    ),
    (
        "    registration_url: https://example.org/dd/webinar",
        [
            '    registration_deadline: "2026-12-01"',
            "    accessibility:",
            "      features: [live-ondertiteling, ngt]",
            "      contact: Mail naar toegankelijk@example.org.",
        ],
    ),
    (
        "    description: Twee dagen over dienstverlening.",
        ["    registration_url: https://example.org/congres/aanmelden", "    full: true"],
    ),
    (
        "    description: Een sessie op de dag dat de klok vooruit gaat.",
        ["    registration_url: https://example.org/cx/zomertijd", '    registration_deadline: "2026-11-20"'],
    ),
)


# An English event still to come, for the agenda and the Atom feed (the fixture's English one is over).
UPCOMING_ENGLISH = """  - id: cx-service-design
    title: Service design in government
    communities: [community-cx]
    start: "2027-02-10 15:00"
    end: "2027-02-10 16:00"
    location: {online: true}
    registration_url: https://example.org/cx/service-design
    summary: How three countries design public services with their users.
    description: Speakers from three countries share what works.
    language: en
"""


def _with_fields(events: str) -> str:
    lines = events.split("\n")
    for after, added in FIELDS:
        index = lines.index(after) + 1
        lines[index:index] = added
    return "\n".join(lines) + UPCOMING_ENGLISH


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("data")
    for name in DATA_FILES:
        (data / name).write_bytes((FIXTURE / name).read_bytes())
    events = _with_fields((FIXTURE / "events.yaml").read_text(encoding="utf-8"))
    (data / "events.yaml").write_text(events, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("fields"), data)
    result = build_mkdocs(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def network(site: Path) -> Network:
    return load_site(DataFiles(site.parent))


def _source(site: Path, *parts: str) -> str:
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def _event_page(site: Path, event: str) -> str:
    return _source(site, "agenda", event)


def _body(site: Path, event: str) -> str:
    """The generated part of an event page, without the theme (whose footer has its own lang="en")."""
    source = _event_page(site, event)
    return source[
        source.index('<div class="site-page site-event-page"') : source.index('<script type="application/ld+json">')
    ]


def _structured_data(site: Path, event: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', _event_page(site, event), re.S)
    assert match, event
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def _list_item(source: str, event: str) -> str:
    """The list item of `event` in a list page's HTML."""
    match = re.search(
        rf'<li class="site-event[^>]*>\s*<h\d class="site-event__title"><a href="[^"]*{event}/".*?</li>', source, re.S
    )
    assert match, event
    return match.group(0)


def _calendar_event(site: Path, event: str) -> icalendar.Component:
    calendar = icalendar.Calendar.from_ical((site / "agenda" / f"{event}.ics").read_bytes())
    return next(iter(calendar.walk("VEVENT")))


# --- language -----------------------------------------------------------------------------------


def test_an_english_event_says_so_in_dutch_and_marks_its_own_words(site: Path) -> None:
    source = _body(site, ENGLISH)
    assert re.search(r'<h1 id="inhoud" lang="en"[^>]*>Design systems for government forms</h1>', source)
    assert '<p class="site-lead" lang="en">How a shared design system' in source
    assert re.search(r'<div lang="en">\s*<p>Speakers from two countries', source)
    assert "Taal Dit evenement is in het Engels." in article_text(site / "agenda" / ENGLISH / "index.html")
    # The page's own words stay Dutch: nothing else carries lang="en".
    assert source.count('lang="en"') == 5  # title, lead, description, two material titles


def test_a_dutch_event_has_no_language_marks(site: Path) -> None:
    source = _body(site, "dd-webinar-december")
    assert 'lang="en"' not in source
    assert "in het Engels" not in source


def test_lists_mark_an_english_title_and_summary(site: Path) -> None:
    for page in (("agenda", "archief"), ("communities", "community-online-formulieren")):
        item = _list_item(_source(site, *page), ENGLISH)
        assert re.search(r'<a href="[^"]+" lang="en">Design systems for government forms</a>', item), page
        assert '<p lang="en">How a shared design system' in item
        assert "· In het Engels</p>" in item


def test_the_agenda_marks_an_english_event_still_to_come(site: Path) -> None:
    item = _list_item(_source(site, "agenda"), "cx-service-design")
    assert re.search(r'<a href="[^"]+" lang="en">Service design in government</a>', item)
    assert '<p lang="en">How three countries design public services' in item


def test_the_atom_feed_marks_an_english_title_and_says_it_in_dutch(site: Path) -> None:
    feed = ElementTree.parse(site / "agenda.xml").getroot()  # noqa: S314 - the site this test built
    entries = {entry.findtext("atom:id", namespaces=ATOM): entry for entry in feed.findall("atom:entry", ATOM)}
    entry = entries[SITE_URL + "agenda/cx-service-design/"]
    title = entry.find("atom:title", ATOM)
    assert title is not None and title.get(XML_LANG) == "en"
    assert "Waar: Online. Dit evenement is in het Engels. How three" in (
        entry.findtext("atom:summary", namespaces=ATOM) or ""
    )
    dutch = entries[SITE_URL + "agenda/dd-webinar-december/"].find("atom:title", ATOM)
    assert dutch is not None and dutch.get(XML_LANG) is None


def test_structured_data_gives_the_language(site: Path) -> None:
    assert _structured_data(site, ENGLISH)["inLanguage"] == "en"
    assert _structured_data(site, "dd-webinar-december")["inLanguage"] == "nl"


def test_the_calendar_says_the_language_and_every_reader_keeps_the_title(site: Path, icaljs: Path) -> None:
    event = _calendar_event(site, ENGLISH)
    assert event["summary"].params["LANGUAGE"] == "en"
    assert str(event["summary"]) == "Design systems for government forms"
    assert str(event["description"]).startswith("Dit evenement is in het Engels.\n\n")
    assert "LANGUAGE" not in _calendar_event(site, "dd-webinar-december")["summary"].params
    vevent = vobject.readOne((site / "agenda" / f"{ENGLISH}.ics").read_text(encoding="utf-8")).vevent
    assert (vevent.summary.value, vevent.summary.params) == (
        "Design systems for government forms",
        {"LANGUAGE": ["en"]},
    )
    path = str(site / "agenda" / f"{ENGLISH}.ics")
    output = subprocess.run(["node", str(icaljs), path], capture_output=True, text=True, check=True).stdout
    (read,) = json.loads(output)[path]["events"]
    assert (read["summary"], read["summaryLanguage"]) == ("Design systems for government forms", "en")


# --- accessibility ------------------------------------------------------------------------------


def test_access_facts_are_listed_in_dutch_with_the_contact(site: Path) -> None:
    text = article_text(site / "agenda" / "dd-webinar-december" / "index.html")
    assert (
        "Toegankelijkheid Live ondertiteling Tolk Nederlandse Gebarentaal (NGT) "
        "Vragen over toegankelijkheid? Mail naar toegankelijk@example.org."
    ) in text
    assert "Vraag de organisatie" not in text


def test_an_event_that_says_nothing_about_access_asks_to_ask_the_organisers(site: Path) -> None:
    # congres-2027 is organised by community-cx, which has a contact_email.
    source = _event_page(site, "congres-2027")
    assert (
        "Wat er is voor toegankelijkheid, staat hier nog niet. Vraag de organisatie: mail naar "
        '<a href="mailto:cx@example.org">cx@example.org</a>.'
    ) in source
    assert '<ul class="site-access">' not in source
    # formulieren-dag's community has none: the site's address (contact_email in mkdocs.yml).
    assert 'Vraag de organisatie: mail naar <a href="mailto:communities@gebruikercentraal.nl">' in _event_page(
        site, "formulieren-dag"
    )


def test_a_past_event_keeps_its_facts_but_no_longer_asks(site: Path) -> None:
    text = article_text(site / "agenda" / "cx-terugblik" / "index.html")
    assert "Toegankelijkheid Drempelvrij: ook met een rolstoel kom je overal binnen" in text
    assert "Vraag de organisatie" not in text


def test_structured_data_uses_only_schema_org_terms_for_access(site: Path) -> None:
    past = _structured_data(site, "cx-terugblik")
    assert "accessibilityFeature" not in past  # a CreativeWork property, not an Event's
    assert [feature["name"] for feature in past["location"]["amenityFeature"]] == [
        "Drempelvrij: ook met een rolstoel kom je overal binnen",
        "Ringleiding voor mensen met een hoortoestel",
    ]
    assert past["recordedIn"] == {
        "@type": "CreativeWork",
        "name": "Opname van de middag",
        "url": "https://example.org/cx/terugblik-opname",
        "inLanguage": "nl",
        "accessibilityFeature": ["captions"],
    }
    assert "recordedIn" not in _structured_data(site, "dd-webinar-december")


def test_the_calendar_lists_the_access_facts_or_whom_to_ask(site: Path) -> None:
    description = str(_calendar_event(site, "dd-webinar-december")["description"])
    assert (
        "Toegankelijkheid:\n- Live ondertiteling\n- Tolk Nederlandse Gebarentaal (NGT)\n"
        "Vragen over toegankelijkheid? Mail naar toegankelijk@example.org."
    ) in description
    unknown = str(_calendar_event(site, "congres-2027")["description"])
    assert "Vragen over toegankelijkheid? Vraag de organisatie: cx@example.org" in unknown
    assert "Toegankelijkheid:" not in unknown


# --- materials ----------------------------------------------------------------------------------


def test_a_past_event_page_offers_its_materials(site: Path) -> None:
    source = _event_page(site, "cx-terugblik")
    assert '<h2 id="terugkijken-en-nalezen">Terugkijken en nalezen</h2>' in source
    assert '<li>Verslag: <a href="https://example.org/cx/terugblik-verslag">Verslag van de middag</a></li>' in source
    assert '<li>Opname: <a href="https://example.org/cx/terugblik-opname">Opname van de middag</a></li>' in source


def test_the_archive_marks_events_with_materials(site: Path) -> None:
    archive = _source(site, "agenda", "archief")
    assert '<span class="site-badge">Met verslag en opname</span>' in _list_item(archive, "cx-terugblik")
    assert '<span class="site-badge">Met opname en presentatie</span>' in _list_item(archive, ENGLISH)


def test_the_calendar_lists_the_materials(site: Path) -> None:
    description = str(_calendar_event(site, "cx-terugblik")["description"])
    assert "Terugkijken en nalezen:\n- Verslag: Verslag van de middag (https://example.org/cx/terugblik-verslag)" in (
        description
    )


# --- registration -------------------------------------------------------------------------------


def test_an_open_registration_gives_its_last_day_and_the_button(site: Path) -> None:
    text = article_text(site / "agenda" / "dd-webinar-december" / "index.html")
    assert "Aanmelden Aanmelden kan tot en met dinsdag 1 december 2026." in text
    assert "Aanmelden voor Webinar duidelijke brieven" in text
    item = _list_item(_source(site, "agenda"), "dd-webinar-december")
    assert "Aanmelden kan tot en met dinsdag 1 december 2026." in item


def test_a_closed_or_full_registration_has_no_button(site: Path) -> None:
    cases = (
        ("cx-zomertijd", "Aanmelden is gesloten. De laatste dag was vrijdag 20 november 2026."),
        ("congres-2027", "Vol: je kunt je niet meer"),
    )
    for event, words in cases:
        source = _event_page(site, event)
        assert words in source, event
        assert "md-button--primary" not in source, event
    agenda = _source(site, "agenda")
    assert "Aanmelden is gesloten." in _list_item(agenda, "cx-zomertijd")
    assert '<span class="site-badge">Vol</span>' in _list_item(agenda, "congres-2027")


def test_the_last_day_to_register_counts_to_its_end(network: Network) -> None:
    webinar = next(event for event in network.events if event.id == "dd-webinar-december")
    on_the_day = datetime(2026, 12, 1, 23, 59, tzinfo=ZONE)
    assert webinar.registration(on_the_day) == "open"
    assert webinar.registration(datetime(2026, 12, 2, 0, 0, tzinfo=ZONE)) == "closed"
    assert webinar.registration(datetime(2026, 12, 8, 16, 0, tzinfo=ZONE)) is None  # over
    cancelled = next(event for event in network.events if event.id == "dd-geannuleerd")
    assert cancelled.registration(NOW) is None


def test_the_calendar_says_nothing_that_changes_with_the_moment_of_the_build(network: Network) -> None:
    """A closed registration is not in the feeds: an unchanged event must stay the same bytes."""
    history = History.without_memory(NOW)
    before = {f.path: f.content for f in feeds.render_feeds(network, NOW, SITE_URL, history=history)}
    later = datetime(2026, 12, 5, 12, 0, tzinfo=ZONE)  # after the webinar's last day to register
    after = {f.path: f.content for f in feeds.render_feeds(network, later, SITE_URL, history=history)}
    assert before["agenda/dd-webinar-december.ics"] == after["agenda/dd-webinar-december.ics"]
    description = str(
        icalendar.Calendar.from_ical(before["agenda/dd-webinar-december.ics"]).walk("VEVENT")[0]["description"]
    )
    assert "Aanmelden kan tot en met dinsdag 1 december 2026: https://example.org/dd/webinar" in description
    full = icalendar.Calendar.from_ical(before["agenda/congres-2027.ics"]).walk("VEVENT")[0]
    assert "Vol: je kunt je niet meer aanmelden." in str(full["description"])


# --- open data ----------------------------------------------------------------------------------


def test_the_open_data_has_every_new_field_valid_against_its_schema(site: Path) -> None:
    document = json.loads((site / "agenda.json").read_text(encoding="utf-8"))
    schema = json.loads((site / "open-data" / "agenda.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator(schema).validate(document)
    events = {event["id"]: event for event in document["events"]}
    assert events[ENGLISH]["language"] == "en"
    assert events["dd-webinar-december"]["language"] == "nl"
    assert events["dd-webinar-december"]["accessibility"] == {
        "features": ["live-ondertiteling", "ngt"],
        "contact": "Mail naar toegankelijk@example.org.",
    }
    assert events["dd-webinar-december"]["accessibility_labels"] == [
        "Live ondertiteling",
        "Tolk Nederlandse Gebarentaal (NGT)",
    ]
    assert (events["congres-2027"]["accessibility"], events["congres-2027"]["accessibility_labels"]) == (None, [])
    assert events["dd-webinar-december"]["registration_deadline"] == "2026-12-01"
    assert events["congres-2027"]["full"] is True
    assert events["cx-terugblik"]["materials"][0] == {
        "title": "Verslag van de middag",
        "url": "https://example.org/cx/terugblik-verslag",
        "kind": "verslag",
    }


# --- mistakes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "suggestion"),
    [
        ("    language: Engels", "en"),
        ("    accessibility: {features: [gebarentolk]}", "ngt"),
        ("    accessibility: {features: [rolstoeltoegankelijk]}", "drempelvrij"),
        ("    accessibility: {features: [ringleidng]}", "ringleiding"),
        ("    materials: [{title: Opname, url: https://example.org/opname, kind: video}]", "opname"),
    ],
)
def test_a_word_editors_use_for_a_choice_gets_the_choice_suggested(line: str, suggestion: str, tmp_path: Path) -> None:
    for name in DATA_FILES:
        (tmp_path / name).write_bytes((FIXTURE / name).read_bytes())
    events = (FIXTURE / "events.yaml").read_text(encoding="utf-8")
    marker = "    description: Een middag over klantreizen.\n"
    (tmp_path / "events.yaml").write_text(events.replace(marker, marker + line + "\n", 1), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        load_site(DataFiles(tmp_path))
    (problem,) = raised.value.problems
    assert problem.key == "not_one_of"
    assert describe(problem).endswith(f"Bedoelde je `{suggestion}`?")
