"""Behaviour that hand-made mutants showed no test held: each test names the behaviour it keeps.

See `make mutants` (README.md) for the mutation run that finds such gaps.
"""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import FIXTURE
from generator.build import load_site
from generator.catalogue import dutch, urls
from generator.data.contract.models import Event
from generator.data.contract.moments import ZONE
from generator.data.contract.network import Network
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import format_github, format_problem
from generator.data.wording.problems import Problem
from generator.editing.review import review
from generator.ical import calendar as feeds
from generator.pages.structured_data import event_data, script_json

BASE = {"id": "x", "title": "X", "communities": ["a"], "location": {"online": True}, "description": "x"}

# --- JSON-LD in <script type="application/ld+json"> -----------------------------------------------

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- <script>",
    "</SCRIPT >",
    "Tom & Jerry > Donald <b>",
    "https://example.org/?q=</script>&a=<!--",
]


def _script_element(data: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{script_json(data)}</script>'


@pytest.mark.parametrize("text", HOSTILE)
def test_text_in_json_ld_cannot_close_the_script_element(text: str) -> None:
    data: dict[str, object] = {"name": text, "url": text, "nested": [{"description": text}]}
    page = _script_element(data)
    # The HTML parser ends a script element at the first `</script` in any case; `<!--` can start an
    # escaped section that swallows the real end tag.
    body = page[len('<script type="application/ld+json">') : -len("</script>")]
    assert not re.search(r"</script|<!--", body, re.IGNORECASE), body
    assert "<" not in body and ">" not in body and "&" not in body


@pytest.mark.parametrize("text", HOSTILE)
def test_json_ld_parses_back_to_the_same_value(text: str) -> None:
    data = {"name": text, "url": text, "nested": [{"description": text}], "ünïcode": "café – €"}
    assert json.loads(str(script_json(data))) == data


# --- GitHub annotations -----------------------------------------------------------------------


def test_github_annotation_escapes_the_colon_in_the_file_property() -> None:
    """A `:` in the path would end the properties early; GitHub wants it as `%3A` (and `,` as `%2C`)."""
    problem = Problem("events.yaml", 3, 5, "bad_url", {"value": "x"})
    line = format_github(problem, "C:/data,map/events.yaml")
    assert line.startswith("::error file=C%3A/data%2Cmap/events.yaml,line=3,col=5,title=Fout in de data::")


def test_github_annotation_keeps_the_colon_in_the_message() -> None:
    """The message after `::` is data: a colon there stays a colon, only `%` and line breaks are escaped."""
    problem = Problem("events.yaml", 3, 5, "bad_url", {"value": "https://example.org:8080/x"})
    line = format_github(problem, "events.yaml")
    message = line.split("::", 2)[2]
    assert "`https://example.org:8080/x`" in message
    assert "%3A" not in message


# --- Dutch words ------------------------------------------------------------------------------


def _with_materials(*kinds: str) -> Event:
    materials = [{"kind": kind, "title": kind.title(), "url": f"https://example.org/{kind}"} for kind in kinds]
    return Event.model_validate({**BASE, "start": "2026-10-01", "materials": materials})


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (("opname",), "Met opname"),
        (("verslag", "opname"), "Met verslag en opname"),
        (("verslag", "presentatie", "opname"), "Met verslag, presentatie en opname"),
        (("verslag", "presentatie", "opname", "anders"), "Met verslag, presentatie, opname en ander materiaal"),
        (("opname", "verslag", "opname"), "Met opname en verslag"),
    ],
)
def test_material_kinds_are_a_dutch_list_with_commas_and_one_en(kinds: tuple[str, ...], expected: str) -> None:
    assert dutch.materials(_with_materials(*kinds)) == expected


# --- the warning about a community without events ----------------------------------------------


def _inactive(network: Network, now_offset: timedelta) -> bool:
    event = network.events[0]
    now = event.starts_at - now_offset
    warnings = review(network, now)
    return any(p.key == "warn_inactive_community" and p.params["value"] == "community-cx" for p in warnings)


def test_a_community_is_inactive_when_its_next_event_is_more_than_six_months_away() -> None:
    full = load_site(DataFiles(FIXTURE))
    event = next(e for e in full.events if e.communities == ["community-cx"] and not e.cancelled)
    network = Network(full.themes, full.communities, (event,), full.external)
    six_months = timedelta(days=183)  # "zes maanden", as the warning says
    assert not _inactive(network, six_months)  # exactly six months ahead: still active
    assert not _inactive(network, timedelta(days=30))
    assert _inactive(network, six_months + timedelta(minutes=1))
    assert _inactive(network, timedelta(days=366))


# --- links for calendar apps ---------------------------------------------------------------------


def test_calendar_links_give_utc_whatever_the_time_zone_of_the_building_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    event = Event.model_validate({**BASE, "start": "2026-12-15 13:00", "end": "2026-12-15 17:00"})
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        links = urls.AddEvent.of(event, "https://example.org/agenda/x/")
        google, outlook = links.google, links.outlook()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "dates=20261215T120000Z%2F20261215T160000Z" in google
    assert "startdt=2026-12-15T12%3A00%3A00Z&enddt=2026-12-15T16%3A00%3A00Z" in outlook


def test_an_absolute_address_joins_with_one_slash() -> None:
    for site in ("https://example.org/REGIOX", "https://example.org/REGIOX/", "https://example.org/REGIOX//"):
        assert urls.absolute(site, "agenda.ics") == "https://example.org/REGIOX/agenda.ics"


def test_without_a_site_address_the_calendar_ids_are_of_localhost() -> None:
    assert urls.domain("") == "localhost"
    assert urls.domain("https://Communities.Example.nl:8443/sub/") == "communities.example.nl"


def test_webcal_replaces_only_the_scheme() -> None:
    assert urls.webcal("https://example.org/agenda.ics") == "webcal://example.org/agenda.ics"
    feed = "https://example.org/feed?from=https://other.example/agenda.ics"
    assert urls.webcal(feed) == "webcal://example.org/feed?from=https://other.example/agenda.ics"


# --- schema.org data ------------------------------------------------------------------------------


def test_one_recording_is_one_creative_work_and_more_are_a_list() -> None:
    network = load_site(DataFiles(FIXTURE))
    recording = {"kind": "opname", "title": "Opname", "url": "https://example.org/opname"}
    second = {**recording, "title": "Tweede deel", "url": "https://example.org/deel-2"}
    fields = {**BASE, "communities": ["community-cx"], "start": "2026-10-01"}
    one = event_data(Event.model_validate({**fields, "materials": [recording]}), network, "https://example.nl/")
    two = event_data(Event.model_validate({**fields, "materials": [recording, second]}), network, "https://example.nl/")
    assert one["recordedIn"]["url"] == "https://example.org/opname"
    assert [work["url"] for work in two["recordedIn"]] == ["https://example.org/opname", "https://example.org/deel-2"]


# --- registration in the calendar files ----------------------------------------------------------


def _event_file_description(full: bool) -> str:
    network = load_site(DataFiles(FIXTURE))
    event = next(e for e in network.events if e.registration_deadline and e.full)
    changed = event.model_copy(update={"full": full})
    others = tuple(changed if e is event else e for e in network.events)
    now = datetime(2026, 11, 29, 12, tzinfo=ZONE)
    files = feeds.render_feeds(
        Network(network.themes, network.communities, others, network.external), now, "https://example.nl/"
    )
    content = next(f.content for f in files if f.path == f"agenda/{event.id}.ics").decode()
    unfolded = content.replace("\r\n ", "")
    return next(line for line in unfolded.splitlines() if line.startswith("DESCRIPTION:"))


def test_the_calendar_file_gives_the_last_day_to_register_with_the_link() -> None:
    description = _event_file_description(full=False)
    link = "https://example.org/register?event=forms&lang=en"
    assert f"Aanmelden kan tot en met donderdag 10 december 2026: {link}" in description


def test_a_full_event_says_so_in_the_calendar_file_instead_of_the_last_day() -> None:
    description = _event_file_description(full=True)
    assert "Vol: je kunt je niet meer aanmelden." in description
    assert "tot en met" not in description


# --- the part with sign language or live captions --------------------------------------------------


def test_other_access_facts_do_not_put_an_event_in_the_sign_language_part() -> None:
    from generator.catalogue.filters import agenda_filters

    network = load_site(DataFiles(FIXTURE))
    part = next(p for p in agenda_filters(network) if p.key == "gebarentaal-of-ondertiteling")

    def with_features(*features: str) -> Event:
        return Event.model_validate({**BASE, "start": "2027-02-11", "accessibility": {"features": list(features)}})

    assert not part.matches(with_features("ringleiding", "ondertiteling-opname", "drempelvrij"))
    assert part.matches(with_features("ringleiding", "ngt"))
    assert part.matches(with_features("live-ondertiteling"))
    assert not part.matches(Event.model_validate({**BASE, "start": "2027-02-11"}))


# --- the check across entries ----------------------------------------------------------------------


def test_full_without_a_link_is_found_after_an_event_with_a_link_and_names_the_field(tmp_path: Path) -> None:
    from test_invalid import CORPUS, make_data, problems_in

    root = make_data(tmp_path, CORPUS / "events" / "registration-without-url-after-a-link.yaml")
    assert [format_problem(problem) for problem in problems_in(root)] == [
        "events.yaml:28:5: Bij dit evenement staat `full`, maar geen `registration_url`. `full` gaat over "
        "aanmelden via die link. Voeg `registration_url` toe, of haal `full` weg."
    ]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            "communities/duplicate-id-community",
            "communities.yaml:49:9: `community-cx` staat al eerder in de lijst (regel 12). Elke `id` moet uniek zijn. "
            "Bestaat het item al? Pas dan dat item aan.",
        ),
        (
            "external_communities/duplicate-name",
            "external_communities.yaml:8:11: `NL Design System` staat al eerder in de lijst (regel 3). "
            "Elke `name` moet uniek zijn. Bestaat het item al? Pas dan dat item aan.",
        ),
        (
            "events/duplicate-in-list-features",
            "events.yaml:25:43: `ngt` staat twee keer in `features`. Haal er één weg.",
        ),
        (
            "events/unknown-community",
            "events.yaml:6:19: Er is geen community met id `community-xc` in communities.yaml. Kopieer de id uit "
            "communities.yaml; let op de spelling. Bedoelde je `community-cx`?",
        ),
        (
            "communities/bad-email-mailto",
            "communities.yaml:26:20: `mailto:cx@example.org` is geen geldig e-mailadres. Schrijf het als "
            "`naam@organisatie.nl`, zonder `mailto:`. Haal `mailto:` weg: schrijf alleen het adres.",
        ),
        (
            "events/reserved-id",
            "events.yaml:4:9: `archief` is al het adres van een pagina van de site zelf. "
            "Kies een andere id: zet er een woord bij, bijvoorbeeld het jaar of het onderwerp.",
        ),
    ],
)
def test_a_check_across_entries_names_the_value_the_field_and_the_first_line(
    case: str, message: str, tmp_path: Path
) -> None:
    from test_invalid import CORPUS, make_data, problems_in

    root = make_data(tmp_path, CORPUS / f"{case}.yaml")
    assert [format_problem(problem) for problem in problems_in(root)] == [message]
