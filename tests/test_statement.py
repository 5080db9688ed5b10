"""The accessibility statement by the Dutch model: every part on the built page, for this site, the fixture
site and a site made by `init`; the status, the date and the register link from the plugin's options, with
a Dutch message for each wrong value; and "Hoe we testen" held to what the test suite really runs.
"""

from __future__ import annotations

import json
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from browser_harness import AXE_TAGS, SCHEMES, SIZES
from markdown import Markdown

from conftest import FIXTURE, FIXTURE_EPOCH, INIT_EMAIL, JS_TOOLS, ROOT, article_text, build_mkdocs, make_project
from generator.build import build_site
from generator.catalogue.dutch import day_month_year
from generator.data.contract.moments import ZONE
from generator.data.wording.messages import format_problem
from generator.settings import read_settings
from generator.statement import how_we_test
from generator.statement.known_problems import KNOWN_PROBLEMS
from generator.statement.options import OPTIONS, STATUS_PAGE, Facts, StatementOptions
from generator.statement.parts import MARKER, PARTS, fill_statement

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)  # 29 November 2026
TESTS = ROOT / "tests"
PAGE = "content/toegankelijkheid.md"
FACTS = Facts("https://example.org/", "redactie@example.org", "Netwerk X", "mkdocs.yml")
DAY = "2026-11-20"
MARKERS = "\n\n".join(part.marker for part in PARTS)
SECOND = ROOT / "tests" / "fixtures" / "second-network"
HEADINGS = ["Over deze verklaring", "Hoe toegankelijk is de site?", "Hoe we testen", "Wat nog niet goed werkt"]


def _fill(text: str = MARKERS, facts: Facts = FACTS, now: datetime = NOW, **options: Any) -> tuple[str, list[str]]:
    """The page filled in, and every message (problems, then warnings) as the build prints it."""
    filled = fill_statement(text, PAGE, StatementOptions(**{"date": DAY, **options}), facts, now)
    messages = [format_problem(problem) for problem in [*filled.problems, *filled.warnings]]
    return filled.text or "", messages


def _html(markdown: str) -> str:
    return Markdown(extensions=["toc", "attr_list", "md_in_html"]).convert(markdown)


# --- "Hoe we testen" is what the suite runs -------------------------------------------------------------


def test_the_tools_have_the_versions_the_suite_installs() -> None:
    npm = json.loads((JS_TOOLS / "package.json").read_text(encoding="utf-8"))["dependencies"]
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    pip = {name: version for name, _, version in (pin.partition("==") for pins in extras.values() for pin in pins)}
    tools = [check.tool for check in how_we_test.CHECKS if check.tool is not None]
    assert {tool.package for tool in tools} >= {"axe-core", "lighthouse", "vnu-jar", "zensical"}
    for tool in tools:
        installed = npm.get(tool.package) if tool.registry == "npm" else pip.get(tool.package)
        assert installed == tool.version, (
            f"how_we_test.py says {tool.package} {tool.version}, the suite has {installed}"
        )


def test_the_widths_schemes_and_rules_are_the_browser_tests_own() -> None:
    assert (SIZES["narrow"]["width"], SIZES["wide"]["width"]) == (how_we_test.PHONE_WIDTH, how_we_test.LAPTOP_WIDTH)
    assert list(how_we_test.SCHEMES) == SCHEMES
    assert list(how_we_test.AXE_TAGS) == AXE_TAGS
    assert f"wcag{how_we_test.TESTED_WCAG.replace('.', '')}aa" == AXE_TAGS[-1]
    assert f"wcag{how_we_test.NORM_WCAG.replace('.', '')}aa" in AXE_TAGS


@pytest.mark.parametrize("check", how_we_test.CHECKS, ids=lambda check: check.title)
def test_each_check_is_run_by_the_test_files_it_names(check: how_we_test.Check) -> None:
    for name in check.tests:
        source = (TESTS / name).read_text(encoding="utf-8")
        assert check.proof in source, f"{name} no longer has {check.proof!r}: is '{check.title}' still tested?"


def test_every_browser_test_file_is_told_in_the_statement() -> None:
    """A new kind of test in a browser belongs in the statement too: add it to how_we_test.CHECKS."""
    marked = re.compile(r"^(?:pytestmark = |@)pytest\.mark\.browser\b", re.M)
    browser_files = {path.name for path in TESTS.glob("test_*.py") if marked.search(path.read_text("utf-8"))}
    told = {name for check in how_we_test.CHECKS for name in check.tests}
    assert browser_files - told == set()
    assert len(browser_files) >= 9, browser_files


# --- the built page, by both builders and for every site ----------------------------------------------


def _assert_every_part(page: Path, *, email: str, day: date, url: str) -> str:
    html = page.read_text(encoding="utf-8")
    text = article_text(page)
    for heading in [*HEADINGS, "Meld een probleem", "Klacht indienen"]:
        assert re.search(rf"<h2 id=\"[^\"]+\">{re.escape(heading)}</h2>", html), heading
    assert f"gemaakt of voor het laatst nagekeken op {day_month_year(day)}" in text
    assert f'href="{url}"' in html and "EN 301 549 (versie 3.2.1)" in text and "WCAG 2.1, niveau A en AA" in text
    assert "Wij testen met de nieuwere versie, WCAG 2.2, niveau AA" in text
    assert "status D: voldoet niet" in text and f'href="{STATUS_PAGE}"' in html
    for check in how_we_test.CHECKS:
        assert f"{check.title}. {check.text}" in text
    for problem in KNOWN_PROBLEMS:
        assert problem.title in text and problem.cause in text and problem.effect in text and problem.plan in text
    assert f'href="mailto:{email}"' in html
    assert "Nationale ombudsman" in text and "register" not in text
    assert not MARKER.search(html), "a marker was left on the page"
    assert 'href="#hoe-we-testen"' in html, "the generated headings are in the table of contents"
    return text


def test_the_fixture_sites_statement_has_every_part(built_site: Path) -> None:
    config = read_settings(ROOT / "mkdocs.yml")
    day = date.fromisoformat(str(config.statement.date))
    _assert_every_part(
        built_site / "toegankelijkheid" / "index.html", email=config.contact_email, day=day, url=config.site_url
    )


def test_this_sites_statement_has_every_part_and_its_own_problems(project_site: Path) -> None:
    config = read_settings(ROOT / "mkdocs.yml")
    day = date.fromisoformat(str(config.statement.date))
    page = project_site / "toegankelijkheid" / "index.html"
    text = _assert_every_part(page, email=config.contact_email, day=day, url=config.site_url)
    assert "Agenda's in je eigen agenda-app" in text and "Voor deze site draaien al die tests bovendien" in text


def test_a_new_sites_statement_has_every_part(new_site: Path) -> None:
    text = _assert_every_part(
        new_site / "site" / "toegankelijkheid" / "index.html",
        email=INIT_EMAIL,
        day=NOW.date(),  # the day of `init`
        url="https://communities.waterbeheer.example/",
    )
    assert "van Netwerk Waterbeheer" in text
    assert 'accessibility_date: "2026-11-29"' in (new_site / "mkdocs.yml").read_text(encoding="utf-8")


def test_both_builders_show_the_same_statement(built_site: Path, zensical_site: Path) -> None:
    mkdocs, zensical = (site / "toegankelijkheid" / "index.html" for site in (built_site, zensical_site))
    assert article_text(zensical) == article_text(mkdocs)
    links = re.compile(r'href="((?:https?|mailto):[^"]+)"')
    assert links.findall(zensical.read_text(encoding="utf-8")) == links.findall(mkdocs.read_text(encoding="utf-8"))


# --- the status, the date and the register, from the options --------------------------------------------


def test_without_an_audit_or_a_plan_the_status_is_d() -> None:
    text, messages = _fill()
    assert messages == []
    assert "**status D: voldoet niet**" in text and "er is ook nog geen onderzoek gepland" in text


def test_an_audit_planned_within_six_months_gives_c() -> None:
    text, messages = _fill(audit_planned="2027-05-20")  # the last day of the six months
    assert messages == []
    assert "**status C: eerste maatregelen genomen**" in text and "gepland op 20 mei 2027" in text


def test_c_lapses_to_d_six_months_after_the_statement() -> None:
    later = datetime(2027, 5, 21, 9, 0, tzinfo=ZONE)
    text, messages = _fill(now=later, audit_planned="2027-03-01")
    assert (
        "**status D: voldoet niet**" in text
        and "Er was een onderzoek door een deskundige gepland op 1 maart 2027" in text
    )
    assert messages == [
        "mkdocs.yml:1:1: waarschuwing: De toegankelijkheidsverklaring is van 2026-11-20. Er was een onderzoek "
        "gepland, maar status C geldt maar zes maanden. De site heeft nu status D. Is het onderzoek gedaan? Zet dan "
        "de link naar het rapport bij `accessibility_audit`, met de status, en een nieuwe datum."
    ]


@pytest.mark.parametrize(
    ("status", "words"), [("A", "De site voldoet aan alle eisen."), ("B", "nog niet aan alle eisen")]
)
def test_an_audit_gives_the_owners_a_or_b_with_the_report(status: str, words: str) -> None:
    text, messages = _fill(status=status.lower(), audit="https://example.org/rapport.pdf")
    assert messages == []
    assert f"**status {status}: voldoet {'volledig' if status == 'A' else 'gedeeltelijk'}**" in text and words in text
    assert "[Lees het rapport van het onderzoek](<https://example.org/rapport.pdf>)" in text


def test_the_register_link_is_there_only_when_the_option_is_set() -> None:
    register = "https://www.toegankelijkheidsverklaring.nl/register/12345"
    with_link, messages = _fill(register=register)
    without, _ = _fill()
    assert messages == []
    assert f'<a href="{register}">bekijk de verklaring in het register</a>' in _html(with_link)
    assert "register" not in without


def test_the_date_is_the_owners_in_dutch_and_may_be_a_yaml_date() -> None:
    text, messages = _fill(date=date(2026, 3, 1))
    assert messages == [] and "nagekeken op 1 maart 2026." in text


def test_a_statement_over_a_year_old_gives_a_warning_and_builds() -> None:
    text, messages = _fill(date="2025-11-28")
    assert text and messages == [
        "mkdocs.yml:1:1: waarschuwing: De toegankelijkheidsverklaring is van 2025-11-28: langer dan een jaar "
        "geleden. Kijk na of alles nog klopt. Zet dan de datum van vandaag bij `accessibility_date`."
    ]
    assert _fill(date="2025-11-29")[1] == []  # a year to the day is not too old
    assert _fill(date="2026-12-07")[1] == []  # after the build's "now": this repository's own date in the tests


def test_the_organisation_shows_as_written() -> None:
    facts = Facts("https://example.org/", "a_b@example.org", "Kennis *&* <b>Kunde</b> [x](y)", "mkdocs.yml")
    html = _html(_fill(facts=facts)[0])
    assert "van Kennis *&amp;* &lt;b&gt;Kunde&lt;/b&gt; [x](y)." in html and "<b>" not in html
    assert '<a href="mailto:a_b@example.org">a_b@example.org</a>' in html


# --- a Dutch message for each mistake --------------------------------------------------------------------


SETTINGS = """plugins:
  - communities:
      contact_email: redactie@example.org
      accessibility_date: "2026-11-20"
      accessibility_status: C
      accessibility_audit: www.example.org/rapport
      accessibility_audit_planned: "2027-13-01"
      accessibility_register: https://example.org/register
"""


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"date": ""}, "mkdocs.yml:2:5: De toegankelijkheidsverklaring heeft een datum nodig"),
        ({"date": "20-11-2026"}, "mkdocs.yml:4:7: `20-11-2026` is geen geldige datum. Schrijf alleen de datum"),
        ({"date": "2026-02-30"}, "mkdocs.yml:4:7: `2026-02-30` is geen geldige datum."),
        ({"status": "B"}, "mkdocs.yml:5:7: Status B mag alleen na een onderzoek door een deskundige (een audit)."),
        ({"status": "C"}, "mkdocs.yml:5:7: `C` kan hier niet. Zet `A` of `B`"),
        (
            {"status": "B", "audit": "www.example.org/rapport"},
            "mkdocs.yml:6:7: `www.example.org/rapport` is geen geldig webadres.",
        ),
        (
            {"audit": "https://example.org/r.pdf"},
            "mkdocs.yml:6:7: Bij `accessibility_audit` staat een onderzoek, maar er is geen status.",
        ),
        ({"audit_planned": "2027-13-01"}, "mkdocs.yml:7:7: `2027-13-01` is geen geldige datum."),
        (
            {"audit_planned": "2026-11-01"},
            "mkdocs.yml:7:7: Het onderzoek is gepland op 2026-11-01. Dat is voor de datum",
        ),
        (
            {"audit_planned": "2027-05-21"},
            "mkdocs.yml:7:7: Het onderzoek is gepland op 2027-05-21. Dat is meer dan zes",
        ),
        ({"register": "register/12345"}, "mkdocs.yml:8:7: `register/12345` is geen geldig webadres."),
    ],
)
def test_each_wrong_option_gives_a_dutch_message_at_its_line(options: dict[str, Any], message: str) -> None:
    facts = Facts("https://example.org/", "redactie@example.org", "", "mkdocs.yml", SETTINGS)
    text, messages = _fill(facts=facts, **options)
    assert text == "" and len(messages) == 1 and messages[0].startswith(message), messages


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "Zet dat adres bij de plugin communities"), ("mailto:x@example.org", "is geen geldig e-mailadres")],
)
def test_the_statement_needs_an_address_to_report_a_problem(email: str, message: str) -> None:
    facts = Facts("https://example.org/", email, "", "mkdocs.yml")
    assert message in _fill(facts=facts)[1][0]


def test_a_part_unknown_twice_or_missing_is_named_at_its_line() -> None:
    page = (
        MARKERS.replace("<!-- verklaring: testen -->", "<!-- verklaring: test -->") + "\n<!-- Verklaring: STATUS -->\n"
    )
    _, messages = _fill(page)
    assert messages == [
        "content/toegankelijkheid.md:5:1: `test` is geen deel van de toegankelijkheidsverklaring. Kies uit `over`, "
        "`status`, `testen`, `problemen`, `contact`. Bedoelde je `testen`?",
        "content/toegankelijkheid.md:10:1: Het deel `status` staat twee keer in de toegankelijkheidsverklaring "
        "(ook op regel 3). Haal er één weg.",
        "content/toegankelijkheid.md:1:1: De regel `<!-- verklaring: testen -->` ontbreekt. Daar zet de generator "
        "hoe we testen. Zet de regel terug in de pagina, op een eigen regel.",
    ]


def test_a_wrong_option_stops_the_build_with_its_message(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("accessibility_date:", "accessibility_register: geen adres\n      accessibility_date:"), "utf-8"
    )
    line = config.read_text(encoding="utf-8").splitlines().index("      accessibility_register: geen adres") + 1
    built = build_mkdocs(project)
    assert built.returncode == 1
    assert f"mkdocs.yml:{line}:7: `geen adres` is geen geldig webadres." in built.stderr
    assert not (project / "site").exists()


def test_every_option_is_a_plugin_option_in_the_settings() -> None:
    from generator.settings import CommunitiesConfig

    assert set(OPTIONS) <= {name for name, _ in CommunitiesConfig._schema}


# --- a site from before the parts ------------------------------------------------------------------------


def test_a_statement_without_parts_builds_as_it_is_and_the_log_says_what_to_add() -> None:
    """The site of version 0.2.0: its statement has no parts and its settings no date."""
    site = build_site(read_settings(SECOND / "mkdocs.yml"), NOW)
    assert site.filled == {}
    assert (
        "content/toegankelijkheid.md:1:1: waarschuwing: De generator kan in de toegankelijkheidsverklaring de datum"
        in site.notes[-1]
    )


def test_the_fixtures_statement_page_has_every_part() -> None:
    page = (FIXTURE / "content" / "toegankelijkheid.md").read_text(encoding="utf-8")
    assert all(part.marker in page for part in PARTS)
