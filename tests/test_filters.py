"""Parts of the agenda with a page and a feed of their own (online, on location, open to all, per event
type), and the filter form on /agenda/ and the archive: built for real, then read; the browser tests
are further down (marked `browser`)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import FIXTURE, FIXTURE_EPOCH, make_project, run_mkdocs
from generator.build import load_site
from generator.catalogue import urls
from generator.catalogue.filters import FORM_KEYS, agenda_filters, event_types_in_use
from generator.data.files import DataFiles
from generator.data.models import EVENT_TYPES

SITE_URL = "https://communities.gebruikercentraal.nl/"
# The fixture's upcoming events in each part, soonest first (cx-terugblik is over).
PARTS = {
    "online": ["dd-webinar-december", "formulieren-dag", "cx-zomertijd"],
    "op-locatie": ["formulieren-dag", "dd-geannuleerd", "congres-2027"],
    "voor-iedereen": ["dd-webinar-december", "congres-2027"],
    "soort/bijeenkomst": ["dd-geannuleerd"],
    "soort/kennisdelingssessie": ["cx-zomertijd"],
    "soort/webinar": ["dd-webinar-december"],
    "soort/werksessie": ["formulieren-dag"],
    "soort/congres": ["congres-2027"],
}


def _page(site: Path, key: str) -> str:
    return (site / "agenda" / key / "index.html").read_text(encoding="utf-8")


def _event_links(source: str) -> list[str]:
    hrefs = re.findall(r'class="gc-event__title"><a href="([^"]+)"', source)
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


def _main(source: str) -> str:
    match = re.search(r"<article[^>]*>(.*?)</article>", source, re.S)
    assert match
    return match.group(1)


def test_the_parts_are_the_three_fixed_ones_and_each_event_type_in_use() -> None:
    network = load_site(DataFiles(FIXTURE))
    assert [part.key for part in agenda_filters(network)] == list(PARTS)
    # In the order of EVENT_TYPES; "gluren-bij-de-buren" has no event, so no page.
    assert event_types_in_use(network) == [kind for kind in EVENT_TYPES if kind != "gluren-bij-de-buren"]
    # No event can take the name of a part's page.
    assert {part.key.split("/")[0] for part in agenda_filters(network)} <= urls.RESERVED_EVENT_IDS


@pytest.mark.parametrize("key", PARTS)
def test_each_part_lists_its_upcoming_events_by_month_and_offers_its_feed(built_site: Path, key: str) -> None:
    source = _page(built_site, key)
    assert _event_links(source) == PARTS[key]
    months = re.findall(r"<h2>([^<]+)</h2>", _main(source))
    assert months and all(re.fullmatch(r"[A-Z][a-z]+ 20\d\d", month) for month in months), months
    feed = f"agenda/{key}/agenda.ics"
    assert f'href="webcal://communities.gebruikercentraal.nl/{feed}"' in source
    assert f'value="{SITE_URL}{feed}"' in source
    assert "Hulp bij abonneren" in source
    assert 'href="../">Naar de hele agenda' in source or 'href="../../">Naar de hele agenda' in source


def test_the_feeds_of_the_parts_have_dutch_names_and_the_events_of_the_last_year(built_site: Path) -> None:
    names = {}
    for key, upcoming in PARTS.items():
        calendar = icalendar.Calendar.from_ical((built_site / "agenda" / key / "agenda.ics").read_bytes())
        names[key] = str(calendar["X-WR-CALNAME"])
        assert str(calendar["X-WR-CALDESC"]).startswith("Evenementen van de community's van Gebruiker Centraal ")
        uids = [str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")]
        # Like every feed to subscribe to: what is coming, and what ended in the last twelve months.
        past = ["cx-terugblik"] if key in ("op-locatie", "soort/bijeenkomst") else []
        assert sorted(uids) == sorted(upcoming + past), key
    assert names["online"] == "Agenda community's Gebruiker Centraal: online"
    assert names["op-locatie"] == "Agenda community's Gebruiker Centraal: op locatie"
    assert names["voor-iedereen"] == "Agenda community's Gebruiker Centraal: voor iedereen"
    assert names["soort/webinar"] == "Agenda community's Gebruiker Centraal: webinar"


def test_the_parts_stay_out_of_the_navigation_but_are_in_the_sitemap_and_search(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', home, re.S)
    assert nav and "agenda/online" not in nav.group(0) and "soort" not in nav.group(0)
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    for key in PARTS:
        assert f"<loc>{SITE_URL}agenda/{key}/</loc>" in sitemap, key
        assert f"agenda/{key}/" in locations, key


def test_the_agenda_offers_a_form_for_javascript_and_links_without_it(built_site: Path) -> None:
    source = _main((built_site / "agenda" / "index.html").read_text(encoding="utf-8"))
    form = re.search(r"<form ([^>]*)>(.*?)</form>", source, re.S)
    assert form, "no filter form"
    assert "hidden" in form.group(1).split(), "the form shows without JavaScript, where it cannot work"
    body = form.group(2)
    assert "<fieldset>" in body and "<legend>" in body
    names = re.findall(r'name="([^"]+)"', body)
    assert names == ["community", "thema", "soort", "waar", "waar", "waar", "voor-iedereen"]
    assert set(names) == set(FORM_KEYS)
    for control in re.findall(r'<select id="([^"]+)"', body):
        assert f'<label for="{control}">' in body, control
    assert '<button type="reset"' in body and "Alles tonen" in body
    assert 'role="status"' in source
    links = re.search(r"data-gc-filter-links>(.*?)</div>", source, re.S)
    assert links
    hrefs = re.findall(r'href="([^"]+)"', links.group(1))
    assert [href for href in hrefs if not href.startswith("..")] == [f"{key}/" for key in PARTS]
    assert "../communities/community-cx/" in hrefs and "../themas/klantreizen/" in hrefs
    # Below the subscribe block too, where someone looks who wants only a part in their calendar.
    after = source.split('id="abonneren"')[1]
    assert all(f'href="{key}/"' in after for key in PARTS)


def test_every_listed_event_carries_what_the_form_filters_on(built_site: Path) -> None:
    source = (built_site / "agenda" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="gc-event[^"]*"([^>]*)>', source)
    assert len(items) == 5
    attributes = [dict(re.findall(r'data-([a-z-]+)="([^"]*)"', item)) for item in items]
    assert all(set(item) == set(FORM_KEYS) for item in attributes), attributes
    webinar = attributes[0]
    assert webinar == {
        "community": "netwerk-direct-duidelijk community-cx",
        "thema": "begrijpelijke-taal",
        "soort": "webinar",
        "waar": "online",
        "voor-iedereen": "ja",
    }
    assert attributes[1]["waar"] == "online op-locatie"  # hybrid


def test_the_archive_is_grouped_by_year_newest_first_with_the_same_form(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    events = project / "events.yaml"
    older = """  - id: oud-2025
    title: Een evenement uit 2025
    communities: [community-cx]
    type: webinar
    start: "2025-05-01 10:00"
    end: "2025-05-01 11:00"
    location: {online: true}
    description: Al lang geleden.
"""
    events.write_text(events.read_text(encoding="utf-8").replace("events:\n", "events:\n" + older, 1), "utf-8")
    result = run_mkdocs(project, epoch=FIXTURE_EPOCH)
    assert result.returncode == 0, result.stderr
    source = _main((project / "site" / "agenda" / "archief" / "index.html").read_text(encoding="utf-8"))
    assert re.findall(r"<h2>([^<]+)</h2>", source) == ["2026", "2025"]
    assert _event_links(source) == ["cx-terugblik", "oud-2025"]
    assert re.search(r"<h3 class=\"gc-event__title\">", source), "events are headings below their year"
    assert re.search(r"<form [^>]*hidden", source) and "data-gc-filter-links" in source


def test_an_event_may_not_take_the_name_of_a_part(project: Path, cli: object) -> None:
    events = project / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("id: cx-terugblik", "id: soort"), "utf-8")
    result = cli("check", "--root", str(project))  # type: ignore[operator]
    assert result.returncode == 1
    assert "De id `soort` is al in gebruik voor een pagina van de site." in result.stdout + result.stderr


def test_zensical_builds_the_parts_too(zensical_site: Path) -> None:
    for key, upcoming in PARTS.items():
        assert _event_links(_page(zensical_site, key)) == upcoming, key
        assert (zensical_site / "agenda" / key / "agenda.ics").is_file(), key
