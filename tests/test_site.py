"""The fixture data set built by the real `mkdocs build`: pages, contents, order, and the split
between upcoming and past at the fixture's fixed "now"."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import icalendar
import pytest

from conftest import FIXTURE, FIXTURE_UPCOMING, article_text, build_mkdocs, make_project
from generator.build import load_site
from generator.data.reading.files import DataFiles

UPCOMING = FIXTURE_UPCOMING
PAST = ["cx-terugblik", "formulieren-design-systems"]


def _event_links(page: Path) -> list[str]:
    """The ids of the events a page lists, in order."""
    hrefs = re.findall(r'class="site-event__title"><a href="([^"]+)"', page.read_text(encoding="utf-8"))
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


def test_every_page_type_is_built(built_site: Path) -> None:
    expected = [
        "index.html",
        "404.html",
        "communities/index.html",
        "agenda/index.html",
        "agenda/archief/index.html",
        "themas/index.html",
        "externe-communities/index.html",
        "over/index.html",
        "doe-mee/index.html",
        "privacy/index.html",
        "toegankelijkheid/index.html",
        *[
            f"communities/{c}/index.html"
            for c in ("community-cx", "netwerk-direct-duidelijk", "community-online-formulieren")
        ],
        *[f"agenda/{e}/index.html" for e in UPCOMING + PAST],
        *[f"themas/{t}/index.html" for t in ("klantreizen", "begrijpelijke-taal", "formulieren")],
    ]
    missing = [path for path in expected if not (built_site / path).is_file()]
    assert missing == []


def test_agenda_lists_upcoming_events_in_date_order_grouped_by_month(built_site: Path) -> None:
    page = built_site / "agenda" / "index.html"
    assert _event_links(page) == UPCOMING
    text = article_text(page)
    months = re.findall(r"<h2>([^<]+)</h2>", page.read_text(encoding="utf-8"))
    assert months == ["December 2026", "Januari 2027", "Februari 2027", "Maart 2027"]
    assert "Terugblik op klantreizen" not in text


def test_cancelled_event_stays_listed_and_says_so(built_site: Path) -> None:
    source = (built_site / "agenda" / "index.html").read_text(encoding="utf-8")
    item = re.search(r'<li class="site-event site-event--cancelled"[^>]*>(.*?)</li>', source, re.S)
    assert item and "Schrijfcafé" in item.group(1) and "Gaat niet door" in item.group(1)


def test_archive_lists_past_events_newest_first(built_site: Path) -> None:
    assert _event_links(built_site / "agenda" / "archief" / "index.html") == PAST


def test_event_page_writes_dates_the_dutch_way(built_site: Path) -> None:
    cases = {
        "dd-webinar-december": "dinsdag 8 december 2026, 14.00–16.00 uur",
        "formulieren-dag": "donderdag 14 januari 2027, de hele dag",
        "congres-2027": "maandag 29 tot en met dinsdag 30 maart 2027",
        "cx-zomertijd": "zondag 28 maart 2027, 10.00–12.00 uur",
    }
    for event, phrase in cases.items():
        assert phrase in article_text(built_site / "agenda" / event / "index.html"), event


def test_event_page_has_machine_readable_times_with_offset(built_site: Path) -> None:
    source = (built_site / "agenda" / "cx-zomertijd" / "index.html").read_text(encoding="utf-8")
    # Summer time starts that night: the event is at +02:00, not +01:00.
    assert '<time datetime="2027-03-28T10:00+02:00">' in source
    winter = (built_site / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-12-08T14:00+01:00">' in winter


def test_event_page_facts(built_site: Path) -> None:
    text = article_text(built_site / "agenda" / "dd-webinar-december" / "index.html")
    assert "Netwerk Direct Duidelijk, samen met Community CX" in text
    assert "Leden van alle community's zijn welkom." in text
    assert "Online" in text
    assert "Aanmelden voor Webinar duidelijke brieven" in text
    hybrid = article_text(built_site / "agenda" / "formulieren-dag" / "index.html")
    assert "Stadskantoor, Stadsplateau 1, Utrecht en online" in hybrid
    assert "Voor leden van Community Online Formulieren." in hybrid


def test_cancelled_event_page_says_so_before_anything_else(built_site: Path) -> None:
    text = article_text(built_site / "agenda" / "dd-geannuleerd" / "index.html")
    assert text.index("Gaat niet door") < text.index("Wanneer")
    assert "Aanmelden" not in text
    assert "Zet dit evenement in je agenda" not in text


def test_past_event_page_says_it_is_over_and_leads_to_the_archive(built_site: Path) -> None:
    text = article_text(built_site / "agenda" / "cx-terugblik" / "index.html")
    assert "Dit evenement is al geweest." in text
    assert "Zet dit evenement in je agenda" not in text
    assert "Naar het archief van de agenda" in text and "Terug naar de agenda" not in text
    assert "Zet dit evenement in je agenda" in article_text(
        built_site / "agenda" / "dd-webinar-december" / "index.html"
    )


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "agenda/index.html",
        "agenda/archief/index.html",
        "communities/community-cx/index.html",
        "themas/klantreizen/index.html",
    ],
)
def test_lists_write_dates_in_full_words_with_the_year(built_site: Path, page: str) -> None:
    text = article_text(built_site / page)
    for abbreviation in ("t/m", " ma ", " di ", " wo ", " do ", " vr ", " za ", " zo ", " jan ", " mrt ", " okt "):
        assert abbreviation not in f" {text} ", f"{page}: {abbreviation!r}"
    assert re.search(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) \d+ \w+ 20\d\d", text), page


def test_list_writes_multi_day_events_as_the_event_page_does(built_site: Path) -> None:
    phrase = "maandag 29 tot en met dinsdag 30 maart 2027"
    assert phrase in article_text(built_site / "agenda" / "index.html")
    assert phrase in article_text(built_site / "agenda" / "congres-2027" / "index.html")


def test_community_page(built_site: Path) -> None:
    page = built_site / "communities" / "community-cx" / "index.html"
    text = article_text(page)
    for expected in (
        "Klantbeleving bij de overheid.",
        "Hoe ervaren inwoners en ondernemers jouw organisatie?",
        "Word lid van Community CX",
        "Naar de online groep van Community CX",
        "cx@example.org",
        "900 leden",
        "Kamer van Koophandel",
        "Iedereen is hier open en helpt je verder.",
        "Robin, IND",
        "Klantreizen: Hulpmiddelen om met klantreizen te werken.",
    ):
        assert expected in text, expected
    links = _event_links(page)
    # Upcoming (organised and co-organised) first, then past events.
    assert links == ["dd-webinar-december", "forms-and-letters", "cx-zomertijd", "congres-2027", "cx-terugblik"]
    assert text.index("Komende evenementen") < text.index("Eerdere evenementen") < text.index("Terugblik")


def test_editor_markdown_headings_stay_below_the_page_title(built_site: Path) -> None:
    source = (built_site / "communities" / "community-cx" / "index.html").read_text(encoding="utf-8")
    assert source.count("<h1") == 1
    assert "<h2>Wat we doen</h2>" in source


def test_theme_page(built_site: Path) -> None:
    page = built_site / "themas" / "formulieren" / "index.html"
    text = article_text(page)
    assert "NL Design System" in text
    assert _event_links(page) == ["forms-and-letters", "formulieren-dag"]
    assert "Geen community van Gebruiker Centraal heeft dit thema." in text


def test_external_communities_page_has_suggest_link(built_site: Path) -> None:
    source = (built_site / "externe-communities" / "index.html").read_text(encoding="utf-8")
    assert "Stel een community voor" in source
    form = "https://github.com/gebruikercentraal/community-site/issues/new?template=externe-community.yml"
    assert f'href="{form}"' in source
    assert "Samen bouwen aan een design system voor de overheid." in source


def test_home_page_shows_text_cards_events_and_members(built_site: Path) -> None:
    page = built_site / "index.html"
    text = article_text(page)
    assert "Dit is de fixture-site." in text
    assert "1.500 leden" in text
    # One link per card: the name leads to the community, no second link to the same page beside it.
    cards = re.search(r'<div class="grid cards site-cards">(.*?)</div>', page.read_text(encoding="utf-8"), re.S)
    assert cards
    for card in re.findall(r"<li>(.*?)</li>", cards.group(1), re.S):
        assert card.count("<a ") == 1, card
    # A cancelled event stays in the agenda, but does not take one of the home page's places.
    assert _event_links(page) == [event for event in UPCOMING if event != "dd-geannuleerd"]


def test_navigation_shows_sections_not_single_events(built_site: Path) -> None:
    source = (built_site / "index.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', source, re.S)
    assert nav and "Agenda" in nav.group(0) and "Archief" in nav.group(0)
    assert "agenda/dd-webinar-december" not in nav.group(0)
    assert "communities/community-cx" not in nav.group(0)


def test_404_page_uses_the_editors_text(built_site: Path) -> None:
    assert "Deze pagina bestaat niet." in article_text(built_site / "404.html")
    assert not (built_site / "404" / "index.html").exists()


def test_site_is_dutch(built_site: Path) -> None:
    assert '<html lang="nl"' in (built_site / "index.html").read_text(encoding="utf-8")


def test_footer_credit_is_dutch_and_the_theme_name_is_marked_english(built_site: Path) -> None:
    source = (built_site / "index.html").read_text(encoding="utf-8")
    credit = re.search(r'<div class="md-copyright">(.*?)</div>\s*</div>', source, re.S)
    assert credit, "no copyright in the footer"
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", credit.group(1))).strip()
    assert text == "Gebruiker Centraal Gemaakt met Material for MkDocs", text
    theme = '<a href="https://squidfunk.github.io/mkdocs-material/" lang="en">Material for MkDocs</a>'
    assert theme in source


def test_feeds_are_published_and_offered_on_the_pages(built_site: Path) -> None:
    for path in (
        "agenda.ics",
        "communities/community-cx/agenda.ics",
        "themas/klantreizen/agenda.ics",
        "agenda/dd-webinar-december.ics",
    ):
        assert (built_site / path).read_bytes().startswith(b"BEGIN:VCALENDAR\r\n"), path
    offers = {
        "agenda/index.html": "agenda.ics",
        "communities/community-cx/index.html": "communities/community-cx/agenda.ics",
        "themas/klantreizen/index.html": "themas/klantreizen/agenda.ics",
        # An event page offers the feed of the community that organises it, not a feed of one event.
        "agenda/dd-webinar-december/index.html": "communities/netwerk-direct-duidelijk/agenda.ics",
    }
    for page, feed in offers.items():
        source = (built_site / page).read_text(encoding="utf-8")
        address = f"https://communities.gebruikercentraal.nl/{feed}"
        assert f'href="webcal://communities.gebruikercentraal.nl/{feed}"' in source, page
        assert f'value="{address}"' in source, page
        assert (
            "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fcommunities.gebruikercentraal.nl" in source
        ), page
        assert "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2F" in source, page
        assert "https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2F" in source, page
    event = (built_site / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8")
    assert "agenda/dd-webinar-december.ics" not in event.split('id="abonneren"')[1]
    assert '<a href="../dd-webinar-december.ics" download>Download het agenda-bestand</a>' in event


def test_event_page_fills_in_web_calendars_for_one_event(built_site: Path) -> None:
    event = html.unescape((built_site / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8"))
    # 14.00-16.00 in Amsterdam on 8 December is 13.00-15.00 UTC.
    google = re.search(r'href="(https://calendar\.google\.com/calendar/render\?action=TEMPLATE[^"]+)"', event)
    assert google and "dates=20261208T130000Z%2F20261208T150000Z" in google.group(1)
    assert "text=Webinar%20duidelijke%20brieven" in google.group(1)
    work = re.search(r'href="(https://outlook\.office\.com/calendar/deeplink/compose\?[^"]+)"', event)
    assert work and "startdt=2026-12-08T13%3A00%3A00Z" in work.group(1) and "allday=false" in work.group(1)
    assert "https://outlook.live.com/calendar/deeplink/compose?" in event
    all_day = html.unescape((built_site / "agenda" / "formulieren-dag" / "index.html").read_text(encoding="utf-8"))
    assert "dates=20270114%2F20270115" in all_day and "allday=true" in all_day


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken = []
    for page in built_site.rglob("*.html"):
        if page.name == "404.html":
            continue  # served at any address, so its links are absolute
        for href in re.findall(r'(?:href|src)="([^"#]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("/"):
                continue
            target = (page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)} → {href}")
    assert broken == []


def test_event_pages_carry_schema_org_event_data_matching_the_page(built_site: Path) -> None:
    network = load_site(DataFiles(FIXTURE))
    modes = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}
    for event in network.events:
        source = (built_site / "agenda" / event.id / "index.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', source, re.S)
        assert len(blocks) == 1, event.id
        data = json.loads(blocks[0])
        assert data["@type"] == "Event" and data["name"] == event.title
        # The same instants as the <time> elements on the page.
        assert f'<time datetime="{data["startDate"]}">' in source
        assert f'<time datetime="{data["endDate"]}">' in source or event.end is None
        status = "EventCancelled" if event.cancelled else "EventScheduled"
        assert data["eventStatus"] == f"https://schema.org/{status}"
        mode = modes[(bool(event.location.venue), event.location.online)]
        assert data["eventAttendanceMode"] == f"https://schema.org/{mode}EventAttendanceMode"
        assert [o["name"] for o in data["organizer"]] == [network.community(c).name for c in event.communities]
        assert data["url"] == f"https://communities.gebruikercentraal.nl/agenda/{event.id}/"
    timed = json.loads(
        re.findall(
            r'ld\+json">(.*?)</script>',
            (built_site / "agenda" / "cx-zomertijd" / "index.html").read_text(encoding="utf-8"),
            re.S,
        )[0]
    )
    assert (timed["startDate"], timed["endDate"]) == ("2027-03-28T10:00+02:00", "2027-03-28T12:00+02:00")
    assert timed["location"] == {
        "@type": "VirtualLocation",
        "url": "https://communities.gebruikercentraal.nl/agenda/cx-zomertijd/",
    }


def test_every_page_links_to_its_source_for_editing(built_site: Path) -> None:
    repository = "https://github.com/gebruikercentraal/community-site"
    expected = {
        "agenda/dd-webinar-december/index.html": f"{repository}/blob/main/events.yaml#L11",
        "communities/netwerk-direct-duidelijk/index.html": f"{repository}/blob/main/communities.yaml#L36",
        "themas/formulieren/index.html": f"{repository}/blob/main/communities.yaml#L8",
        "agenda/index.html": f"{repository}/edit/main/events.yaml",
        "externe-communities/index.html": f"{repository}/edit/main/external_communities.yaml",
        "over/index.html": f"{repository}/edit/main/content/over.md",
    }
    for page, url in expected.items():
        source = (built_site / page).read_text(encoding="utf-8")
        assert f'<a href="{url}" title="Bewerk deze pagina"' in source, page


def test_an_online_join_link_shows_on_the_page_until_the_event_is_over(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8")
    assert text.count("location: {online: true}") == 2
    events.write_text(
        text.replace("location: {online: true}", "location: {online: true, online_url: https://example.org/live}"),
        encoding="utf-8",
    )
    assert build_mkdocs(project).returncode == 0
    upcoming = (project / "site" / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/live">Doe online mee via deze link</a>' in upcoming
    assert '"url": "https://example.org/live"' in upcoming  # schema.org VirtualLocation
    later = (project / "site" / "agenda" / "cx-zomertijd" / "index.html").read_text(encoding="utf-8")
    assert "Doe online mee via deze link" in later
    feed = icalendar.Calendar.from_ical((project / "site" / "agenda" / "dd-webinar-december.ics").read_bytes())
    event = next(iter(feed.walk("VEVENT")))
    assert str(event["CONFERENCE"]) == "https://example.org/live"
    assert event["CONFERENCE"].params["VALUE"] == "URI"
    assert "Online meedoen: https://example.org/live" in str(event["DESCRIPTION"])
    # Once the event is over, the link has no use any more.
    assert build_mkdocs(project, epoch="1798758000").returncode == 0  # 2027-01-01
    over = (project / "site" / "agenda" / "dd-webinar-december" / "index.html").read_text(encoding="utf-8")
    assert "Doe online mee" not in over
