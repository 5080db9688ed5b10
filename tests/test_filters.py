"""Parts of the agenda with a page and a feed of their own (online, on location, open to all, per event
type), and the filter form on /agenda/ and the archive: built for real, then read; the browser tests
are further down (marked `browser`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest

from conftest import FIXTURE, FIXTURE_EPOCH, FIXTURE_UPCOMING, build_mkdocs, indexed_pages, make_project
from generator.build import load_site
from generator.catalogue.feeds import WINDOW
from generator.catalogue.filters import CHOICES, RESERVED_EVENT_IDS, agenda_filters, event_types_in_use
from generator.data.contract.models import DEFAULT_EVENT_TYPES, Event
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles

SITE_URL = "https://communities.gebruikercentraal.nl/"
NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
# The fixture's upcoming events in each part, soonest first (cx-terugblik is over).
PARTS = {
    "online": ["dd-webinar-december", "forms-and-letters", "formulieren-dag", "cx-zomertijd"],
    "op-locatie": ["forms-and-letters", "formulieren-dag", "dd-geannuleerd", "congres-2027"],
    "voor-iedereen": ["dd-webinar-december", "forms-and-letters", "congres-2027"],
    "gebarentaal-of-ondertiteling": ["forms-and-letters"],  # and a past event with live captions
    "soort/bijeenkomst": ["forms-and-letters", "dd-geannuleerd"],
    "soort/kennisdelingssessie": ["cx-zomertijd"],
    "soort/webinar": ["dd-webinar-december"],
    "soort/werksessie": ["formulieren-dag"],
    "soort/congres": ["congres-2027"],
}


def _of_type(kind: str) -> Callable[[Event], bool]:
    return lambda event: event.type == kind


# Which events belong to a part, said once more here to check catalogue/filters.py.
PART_OF: dict[str, Callable[[Event], bool]] = {
    "online": lambda event: event.location.online,
    "op-locatie": lambda event: event.location.venue is not None,
    "voor-iedereen": lambda event: event.open_to_all,
    "gebarentaal-of-ondertiteling": lambda event: bool(
        event.accessibility and {"ngt", "live-ondertiteling"} & set(event.accessibility.features)
    ),
    **{f"soort/{kind}": _of_type(kind) for kind in DEFAULT_EVENT_TYPES},
}


def _page(site: Path, key: str) -> str:
    return (site / "agenda" / key / "index.html").read_text(encoding="utf-8")


def _event_links(source: str) -> list[str]:
    hrefs = re.findall(r'class="site-event__title"><a href="([^"]+)"', source)
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


def _main(source: str) -> str:
    match = re.search(r"<article[^>]*>(.*?)</article>", source, re.S)
    assert match
    return match.group(1)


def test_the_parts_are_the_three_fixed_ones_and_each_event_type_in_use() -> None:
    network = load_site(DataFiles(FIXTURE))
    assert [part.key for part in agenda_filters(network)] == list(PARTS)
    # In the order of DEFAULT_EVENT_TYPES; "gluren-bij-de-buren" has no event, so no page.
    assert event_types_in_use(network) == [kind for kind in DEFAULT_EVENT_TYPES if kind != "gluren-bij-de-buren"]
    # No event can take the name of a part's page.
    assert {part.key.split("/")[0] for part in agenda_filters(network)} <= RESERVED_EVENT_IDS


@pytest.mark.parametrize("key", PARTS)
def test_each_part_lists_its_upcoming_events_by_month_and_offers_its_feed(built_site: Path, key: str) -> None:
    source = _page(built_site, key)
    assert _event_links(source) == PARTS[key]
    months = re.findall(r"<h2>([^<]+)</h2>", _main(source))
    if not PARTS[key]:
        assert "Er staan nu geen evenementen in dit deel van de agenda." in source
    assert bool(months) == bool(PARTS[key]) and all(re.fullmatch(r"[A-Z][a-z]+ 20\d\d", month) for month in months), (
        months
    )
    feed = f"agenda/{key}/agenda.ics"
    assert f'href="webcal://communities.gebruikercentraal.nl/{feed}"' in source
    assert f'value="{SITE_URL}{feed}"' in source
    assert "Hulp bij abonneren" in source
    assert 'href="../">Naar de hele agenda' in source or 'href="../../">Naar de hele agenda' in source


def test_the_feeds_of_the_parts_have_dutch_names_and_the_events_of_the_last_year(built_site: Path) -> None:
    recent_past = [event for event in load_site(DataFiles(FIXTURE)).past(NOW) if event.ends_at > NOW - WINDOW]
    assert "cx-terugblik" in {event.id for event in recent_past}
    names = {}
    for key, upcoming in PARTS.items():
        calendar = icalendar.Calendar.from_ical((built_site / "agenda" / key / "agenda.ics").read_bytes())
        names[key] = str(calendar["X-WR-CALNAME"])
        assert str(calendar["X-WR-CALDESC"]).startswith("Evenementen van de community's van Gebruiker Centraal ")
        uids = [str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")]
        # Like every feed to subscribe to: what is coming, and what ended in the last twelve months.
        past = [event.id for event in recent_past if PART_OF[key](event)]
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
    indexed = indexed_pages(built_site)
    for key in PARTS:
        assert f"<loc>{SITE_URL}agenda/{key}/</loc>" in sitemap, key
        assert f"/agenda/{key}/" in indexed, key


def test_the_agenda_offers_a_form_for_javascript_and_links_without_it(built_site: Path) -> None:
    source = _main((built_site / "agenda" / "index.html").read_text(encoding="utf-8"))
    form = re.search(r"<form ([^>]*)>(.*?)</form>", source, re.S)
    assert form, "no filter form"
    assert "hidden" in form.group(1).split(), "the form shows without JavaScript, where it cannot work"
    body = form.group(2)
    assert "<fieldset>" in body and "<legend>" in body
    names = re.findall(r'name="([^"]+)"', body)
    assert names == [
        "community",
        "thema",
        "soort",
        "waar",
        "waar",
        "waar",
        "voor-iedereen",
        "gebarentaal-of-ondertiteling",
    ]
    assert set(names) == {choice.key for choice in CHOICES}
    for control in re.findall(r'<select id="([^"]+)"', body):
        assert f'<label for="{control}">' in body, control
    assert '<button type="reset"' in body and "Alles tonen" in body
    assert 'role="status"' in source
    links = re.search(r"data-site-filter-links>(.*?)</div>", source, re.S)
    assert links
    hrefs = re.findall(r'href="([^"]+)"', links.group(1))
    assert [href for href in hrefs if not href.startswith("..")] == [f"{key}/" for key in PARTS]
    assert "../communities/community-cx/" in hrefs and "../themas/klantreizen/" in hrefs
    # Below the subscribe block too, where someone looks who wants only a part in their calendar.
    after = source.split('id="abonneren"')[1]
    assert all(f'href="{key}/"' in after for key in PARTS)


def test_every_listed_event_carries_what_the_form_filters_on(built_site: Path) -> None:
    source = (built_site / "agenda" / "index.html").read_text(encoding="utf-8")
    items = re.findall(r'<li class="site-event[^"]*"([^>]*)>', source)
    assert len(items) == 6
    attributes = [dict(re.findall(r'data-([a-z-]+)="([^"]*)"', item)) for item in items]
    assert all(set(item) == {choice.key for choice in CHOICES} for item in attributes), attributes
    webinar = attributes[0]
    assert webinar == {
        "community": "netwerk-direct-duidelijk community-cx",
        "thema": "begrijpelijke-taal",
        "soort": "webinar",
        "waar": "online",
        "voor-iedereen": "ja",
        "gebarentaal-of-ondertiteling": "",
    }
    assert attributes[1]["waar"] == "online op-locatie"  # hybrid


def test_each_events_attributes_say_what_its_parts_say(built_site: Path) -> None:
    """The data-* attributes (templates/_macros.html) and the parts (catalogue/filters.py) agree, for
    every event the fixture has, past ones in the archive too."""
    network = load_site(DataFiles(FIXTURE))
    by_id = {event.id: event for event in network.events}
    keys = {"online": ("waar", "online"), "op-locatie": ("waar", "op-locatie")}
    keys |= {
        "voor-iedereen": ("voor-iedereen", "ja"),
        "gebarentaal-of-ondertiteling": ("gebarentaal-of-ondertiteling", "ja"),
    }
    keys |= {f"soort/{kind}": ("soort", kind) for kind in DEFAULT_EVENT_TYPES}
    seen = 0
    for page in ("agenda/index.html", "agenda/archief/index.html"):
        source = (built_site / page).read_text(encoding="utf-8")
        for attributes, event_id in re.findall(
            r'<li class="site-event[^"]*"([^>]*)>\s*<h\d class="site-event__title"><a href="([^"]+)"', source
        ):
            event = by_id[event_id.rstrip("/").split("/")[-1]]
            data = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', attributes))
            for part in agenda_filters(network):
                key, value = keys[part.key]
                assert (value in data[key].split()) == part.matches(event), (event.id, part.key)
            seen += 1
    assert seen == len(network.events)


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
    result = build_mkdocs(project, epoch=FIXTURE_EPOCH)
    assert result.returncode == 0, result.stderr
    source = _main((project / "site" / "agenda" / "archief" / "index.html").read_text(encoding="utf-8"))
    assert re.findall(r"<h2>([^<]+)</h2>", source) == ["2026", "2025"]
    links = _event_links(source)
    assert "cx-terugblik" in links and links[-1] == "oud-2025"
    assert source.index("cx-terugblik") < source.index("<h2>2025</h2>") < source.index("oud-2025")
    assert re.search(r"<h3 class=\"site-event__title\">", source), "events are headings below their year"
    assert re.search(r"<form [^>]*hidden", source) and "data-site-filter-links" in source


def test_an_event_may_not_take_the_name_of_a_part(project: Path, cli: object) -> None:
    events = project / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("id: cx-terugblik", "id: soort"), "utf-8")
    result = cli("check", "--root", str(project))  # type: ignore[operator]
    assert result.returncode == 1
    assert "`soort` is al het adres van een pagina van de site zelf." in result.stdout + result.stderr


def test_zensical_builds_the_parts_too(zensical_site: Path) -> None:
    for key, upcoming in PARTS.items():
        assert _event_links(_page(zensical_site, key)) == upcoming, key
        assert (zensical_site / "agenda" / key / "agenda.ics").is_file(), key


# --- in the browser ----------------------------------------------------------------------------------

# What the list shows: the ids of the events that can be seen, the headings of the months (or years)
# that can be seen, the form's count, and what the form says it has chosen.
LIST_JS = """() => {
  const seen = (el) => el.getClientRects().length > 0;
  const form = document.querySelector('form[data-site-filter]');
  return {
    events: [...document.querySelectorAll('li.site-event')].filter(seen)
      .map((li) => li.querySelector('a').getAttribute('href').replace(/\\/$/, '').split('/').pop()),
    groups: [...document.querySelectorAll('.site-group > h2')].filter(seen).map((h) => h.textContent.trim()),
    count: form.querySelector('[role=status]').textContent.trim(),
    formShown: seen(form),
    linksShown: seen(document.querySelector('[data-site-filter-links]')),
    emptyShown: seen(document.querySelector('[data-site-filter-empty]')),
    chosen: Object.fromEntries(new FormData(form)),
    query: location.search,
  };
}"""
ALL_UPCOMING = FIXTURE_UPCOMING


@pytest.fixture
def tab(browser: Any, served_site: str) -> Iterator[Callable[..., Any]]:
    """A fresh tab that records script errors (the browser reaches no other host: CHROMIUM_ARGS)."""
    from browser_harness import Visit, watch

    opened: list[tuple[Any, Visit]] = []

    def open_tab(scheme: str = "light", size: str = "wide", **options: Any) -> Any:
        from browser_harness import SIZES

        context = browser.new_context(
            color_scheme=scheme, viewport=SIZES[size], locale="nl-NL", service_workers="block", **options
        )
        page = context.new_page()
        visit = Visit("", scheme)
        watch(page, lambda: visit)
        page.base, page.visit = served_site, visit
        opened.append((context, visit))
        return page

    yield open_tab
    for context, visit in opened:
        context.close()
        # (A request still open when a test reloads or leaves the page is aborted: not a failure.)
        assert not (visit.page_errors or visit.console_errors or visit.foreign_requests), visit


def _open(page: Any, path: str) -> dict[str, Any]:
    """The page at `path`, with the disclosure "Kies wat je ziet" opened as a visitor opens it (it is
    closed when the page opens: test_first_screen.py)."""
    from browser_harness import settle

    page.goto(page.base + path, wait_until="load")
    settle(page, page.visit)
    _disclose(page)
    state: dict[str, Any] = page.evaluate(LIST_JS)
    return state


def _disclose(page: Any) -> None:
    """Opens the disclosure "Kies wat je ziet" with a click on its summary, if it is closed."""
    if not page.locator("details.site-filters").evaluate("(details) => details.open"):
        page.get_by_text("Kies wat je ziet", exact=True).click()


@pytest.mark.browser
def test_the_form_filters_at_once_and_keeps_its_choice_in_the_address(tab: Callable[..., Any]) -> None:
    page = tab()
    state = _open(page, "/agenda/")
    assert state["formShown"] and not state["linksShown"], state
    assert (state["events"], state["count"], state["query"]) == (ALL_UPCOMING, "6 evenementen", ""), state

    page.select_option("#filter-soort", "webinar")
    state = page.evaluate(LIST_JS)
    assert (state["events"], state["groups"], state["count"]) == (
        ["dd-webinar-december"],
        ["December 2026"],
        "1 evenement",
    )
    assert state["query"] == "?soort=webinar"

    page.select_option("#filter-soort", "")
    page.get_by_label("Op locatie", exact=True).check()
    page.get_by_label("Alleen als leden van alle community's welkom zijn").check()
    state = page.evaluate(LIST_JS)
    assert (state["events"], state["groups"], state["count"]) == (
        ["forms-and-letters", "congres-2027"],
        ["December 2026", "Maart 2027"],
        "2 evenementen",
    )
    assert state["query"] == "?waar=op-locatie&voor-iedereen=ja"

    page.select_option("#filter-community", "community-cx")
    page.select_option("#filter-thema", "begrijpelijke-taal")
    state = page.evaluate(LIST_JS)
    assert (state["events"], state["groups"], state["count"]) == ([], [], "Geen evenementen"), state
    assert state["emptyShown"], "no word that nothing fits"
    assert state["query"] == "?community=community-cx&thema=begrijpelijke-taal&waar=op-locatie&voor-iedereen=ja"

    # A reload shows the same choice and the same list.
    page.reload(wait_until="load")
    again = page.evaluate(LIST_JS)
    assert (again["events"], again["count"], again["chosen"]) == ([], "Geen evenementen", state["chosen"])

    # Back goes one choice back, in the form and in the list; Forward again.
    page.go_back(wait_until="load")
    back = page.evaluate(LIST_JS)
    assert back["query"] == "?community=community-cx&waar=op-locatie&voor-iedereen=ja"
    assert back["chosen"].get("thema") == "" and back["events"] == ["forms-and-letters", "congres-2027"], back
    page.go_forward(wait_until="load")
    assert page.evaluate(LIST_JS)["events"] == []

    _disclose(page)  # closed again since the reload
    page.get_by_role("button", name="Alles tonen").click()
    page.wait_for_function("() => location.search === ''")
    state = page.evaluate(LIST_JS)
    assert (state["events"], state["count"], state["emptyShown"]) == (ALL_UPCOMING, "6 evenementen", False)
    assert state["chosen"] == {"community": "", "thema": "", "soort": "", "waar": ""}

    page.get_by_label("Alleen met een tolk gebarentaal of live ondertiteling").check()
    state = page.evaluate(LIST_JS)
    assert (state["events"], state["count"], state["emptyShown"]) == (["forms-and-letters"], "1 evenement", False)
    assert state["query"] == "?gebarentaal-of-ondertiteling=ja"


@pytest.mark.browser
def test_an_address_with_a_choice_opens_filtered_and_unknown_values_are_left_out(tab: Callable[..., Any]) -> None:
    page = tab()
    state = _open(page, "/agenda/?waar=online&soort=bestaat-niet&community=netwerk-direct-duidelijk")
    assert state["events"] == ["dd-webinar-december"], state
    assert state["query"] == "?community=netwerk-direct-duidelijk&waar=online"
    archive = _open(page, "/agenda/archief/?soort=bijeenkomst")
    assert (archive["events"], archive["groups"], archive["count"]) == (["cx-terugblik"], ["2026"], "1 evenement")
    archive = _open(page, "/agenda/archief/?soort=congres")
    assert (archive["events"], archive["groups"], archive["emptyShown"]) == ([], [], True)


@pytest.mark.browser
def test_the_count_is_a_polite_live_region(tab: Callable[..., Any]) -> None:
    page = tab()
    _open(page, "/agenda/")
    snapshot = page.locator("form[data-site-filter]").aria_snapshot()
    assert "group" in snapshot and "Toon alleen evenementen die passen bij je keuze" in snapshot, snapshot
    assert 'combobox "Community"' in snapshot and 'combobox "Soort evenement"' in snapshot, snapshot
    assert 'radio "Online"' in snapshot and 'button "Alles tonen"' in snapshot, snapshot
    status = page.locator("form[data-site-filter] [role=status]")
    assert status.get_attribute("aria-live") in (None, "polite")  # role=status is polite of itself
    page.get_by_label("Online", exact=True).check()
    assert status.text_content() == "4 evenementen"


POP_TO_JS = """(query) => {
  history.pushState(null, '', location.pathname + query);
  dispatchEvent(new PopStateEvent('popstate'));
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/agenda/", "/agenda/archief/"])
def test_without_javascript_links_stand_in_for_the_form(tab: Callable[..., Any], path: str) -> None:
    page = tab(java_script_enabled=False)
    page.goto(page.base + path, wait_until="load")
    assert not page.locator("form[data-site-filter]").is_visible()
    links = page.locator("[data-site-filter-links] a")
    assert not links.first.is_visible(), "the disclosure is open before the visitor opens it"
    page.get_by_text("Kies wat je ziet", exact=True).click()
    assert links.count() == len(PARTS) + 3 + 3  # the parts, the communities and the themes
    assert all(link.is_visible() for link in links.all())
    events = ALL_UPCOMING if path == "/agenda/" else load_site(DataFiles(FIXTURE)).past(NOW)
    assert page.locator("li.site-event").count() == len(events)
    page.get_by_role("link", name="Online evenementen").first.click()
    assert page.url.endswith("/agenda/online/")
    assert _event_links(page.content()) == PARTS["online"]


@pytest.mark.browser
@pytest.mark.parametrize("size", ["narrow", "wide"])
def test_tab_reaches_every_control_and_the_keys_work(tab: Callable[..., Any], size: str) -> None:
    page = tab(size=size)
    _open(page, "/agenda/")
    page.evaluate("() => document.querySelector('a.md-skip')?.focus()")
    reached = []
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const el = document.activeElement;
              return el && el.closest('form[data-site-filter]')
                ? (el.name || el.textContent.trim()) + (el.type === 'radio' ? ':' + el.value : '') : null; }"""
        )
        if focused:
            reached.append(focused)
        elif reached:
            break
    # One stop per radio group: the chosen radio button; the arrow keys move within it.
    assert reached == [
        "community",
        "thema",
        "soort",
        "waar:",
        "voor-iedereen",
        "gebarentaal-of-ondertiteling",
        "Alles tonen",
    ], reached
    for _ in range(4):  # from the first stop after the form back to the radio buttons
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowRight")
    state = page.evaluate(LIST_JS)
    assert state["query"] == "?waar=online" and state["count"] == "4 evenementen", state
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate(LIST_JS)["events"] == ["dd-webinar-december", "forms-and-letters"]
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.search === ''")
    assert page.evaluate(LIST_JS)["count"] == "6 evenementen"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["/agenda/?waar=online&soort=webinar", "/agenda/archief/?community=community-cx"])
def test_axe_finds_nothing_in_a_filtered_list(tab: Callable[..., Any], scheme: str, path: str) -> None:
    from browser_harness import AXE, AXE_RUN_JS, AXE_TAGS, format_violations

    page = tab(scheme=scheme)
    page.context.add_init_script(path=str(AXE))
    state = _open(page, path)
    assert state["formShown"] and state["events"], state
    result = page.evaluate(AXE_RUN_JS, AXE_TAGS)
    assert result["passes"], "axe did not run"
    assert not result["violations"], f"{path} ({scheme}):\n{format_violations(result['violations'])}"


def test_an_event_with_sign_language_or_live_captions_is_in_that_part(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    events = project / "events.yaml"
    signed = """  - id: met-tolk
    title: Vragenuur met een tolk
    communities: [community-cx]
    start: "2027-02-10 10:00"
    end: "2027-02-10 11:00"
    location: {online: true}
    accessibility: {features: [ngt]}
    description: Met een tolk Nederlandse Gebarentaal.
  - id: met-ringleiding
    title: Middag met een ringleiding
    communities: [community-cx]
    start: "2027-02-11 14:00"
    end: "2027-02-11 16:00"
    location: {venue: Stadhuis, address: "Markt 1, Delft"}
    accessibility: {features: [ringleiding, ondertiteling-opname]}
    description: Met een ringleiding, en ondertiteling bij de opname achteraf.
"""
    events.write_text(events.read_text(encoding="utf-8").replace("events:\n", "events:\n" + signed, 1), "utf-8")
    result = build_mkdocs(project, epoch=FIXTURE_EPOCH)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert _event_links(_page(site, "gebarentaal-of-ondertiteling")) == ["forms-and-letters", "met-tolk"]
    calendar = icalendar.Calendar.from_ical(
        (site / "agenda" / "gebarentaal-of-ondertiteling" / "agenda.ics").read_bytes()
    )
    assert str(calendar["X-WR-CALNAME"]) == "Agenda community's Gebruiker Centraal: gebarentaal of ondertiteling"
    assert {str(event["UID"]).split("@")[0] for event in calendar.walk("VEVENT")} >= {"met-tolk"}
    assert "met-ringleiding" not in (site / "agenda" / "gebarentaal-of-ondertiteling" / "agenda.ics").read_text("utf-8")


# What each key of the form keeps, said here once more as the visitor reads the form's labels: the
# oracle for the generated attributes and site.js, which both follow catalogue/filters.py.
KEEPS: dict[str, Callable[[Event, str], bool]] = {
    "community": lambda event, value: value in event.communities,
    "thema": lambda event, value: value in event.themes,
    "soort": lambda event, value: event.type == value,
    "waar": lambda event, value: PART_OF[value](event),
    "voor-iedereen": lambda event, value: PART_OF["voor-iedereen"](event),
    "gebarentaal-of-ondertiteling": lambda event, value: PART_OF["gebarentaal-of-ondertiteling"](event),
}
OFFERED_JS = """() => [...document.querySelector('form[data-site-filter]').elements].filter((c) => c.name)
  .flatMap((c) => (c.options ? [...c.options] : [c]).map((o) => [c.name, o.value])).filter(([, v]) => v)"""

POP_TO_JS = """(query) => {
  history.pushState(null, '', location.pathname + query);
  dispatchEvent(new PopStateEvent('popstate'));
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/agenda/", "/agenda/archief/"])
def test_every_option_of_the_form_and_random_pairs_show_what_they_say(tab: Callable[..., Any], path: str) -> None:
    """Every value the form offers, alone, and twelve random pairs of them, each reached as Back or
    Forward reaches an address: the list in the browser shows exactly the events that the option's
    label promises, on the agenda and in the archive. (Loading an address is tested above.)"""
    import random

    network = load_site(DataFiles(FIXTURE))
    listed = network.upcoming(NOW) if path == "/agenda/" else network.past(NOW)
    page = tab()
    _open(page, path)
    offered: list[list[str]] = page.evaluate(OFFERED_JS)
    assert {key for key, _ in offered} == set(KEEPS), offered
    chances = random.Random(18)
    tries = [[pair] for pair in offered] + [chances.sample(offered, 2) for _ in range(12)]
    for chosen in tries:
        if len({key for key, _ in chosen}) < len(chosen):
            continue  # one key takes one value
        query = "&".join(f"{key}={value}" for key, value in chosen)
        # As Back or Forward to an address with this choice: the script reads it from the address.
        page.evaluate(POP_TO_JS, f"?{query}")
        state = page.evaluate(LIST_JS)
        expected = [event.id for event in listed if all(KEEPS[key](event, value) for key, value in chosen)]
        assert sorted(state["events"]) == sorted(expected), (query, state)
        assert state["emptyShown"] == (not expected), query
        # The address keeps the choice, in the form's order.
        assert sorted(state["query"].removeprefix("?").split("&")) == sorted(query.split("&")), state["query"]
