"""`python -m generator init`: a new network's site that checks, builds and passes axe at once."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import INIT_EMAIL, INIT_NAME, INIT_URL, REPORT, ROOT, build_mkdocs
from generator.release import DISTRIBUTION, VERSION
from generator.starter import NewSite, write_site

NAME, URL, EMAIL = INIT_NAME, INIT_URL, INIT_EMAIL
PAGES = [
    "/",
    "/communities/",
    "/communities/voorbeeld-community/",
    "/agenda/",
    "/agenda/voorbeeld-bijeenkomst/",
    "/toegankelijkheid/",  # the statement, with its parts filled in for the new site
]
FILES = {
    "mkdocs.yml",
    "communities.yaml",
    "events.yaml",
    "external_communities.yaml",
    "requirements.txt",
    "requirements.in",
    "Makefile",
    "README.md",
    "CONTRIBUTING.md",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/controle.yml",
    ".github/workflows/publiceren.yml",
    ".github/workflows/labels.yml",
    ".github/ISSUE_TEMPLATE/config.yml",
    ".github/ISSUE_TEMPLATE/externe-community.yml",
    ".github/ISSUE_TEMPLATE/nieuw-evenement.yml",
    *(
        f"content/{page}.md"
        for page in ("index", "over", "doe-mee", "privacy", "toegankelijkheid", "404", "open-data", "agenda-abonneren")
    ),
}


def test_init_writes_every_file_a_site_needs(new_site: Path) -> None:
    written = {path.relative_to(new_site).as_posix() for path in new_site.rglob("*") if path.is_file()}
    assert written >= FILES
    placeholder = re.compile(r"__[A-Z_]+__")
    leftover = [path for path in FILES if placeholder.search((new_site / path).read_text(encoding="utf-8"))]
    assert leftover == [], f"placeholders left in {leftover}"
    for name in ("mkdocs.yml", ".pre-commit-config.yaml", *(p for p in FILES if p.startswith(".github/"))):
        text = (new_site / name).read_text(encoding="utf-8")
        # BaseLoader: mkdocs.yml's !!python tags too; it builds only str, list and dict.
        assert yaml.load(text, Loader=yaml.BaseLoader), name  # noqa: S506
    pins = [line for line in (new_site / "requirements.txt").read_text("utf-8").splitlines() if "==" in line]
    assert pins[0] == f"{DISTRIBUTION}=={VERSION}" and "zensical==0.0.73" in pins
    assert f"{DISTRIBUTION}[zensical]=={VERSION}" in (new_site / "requirements.in").read_text("utf-8").splitlines()


def test_the_examples_are_marked_as_examples(new_site: Path) -> None:
    for name in ("communities.yaml", "events.yaml", "external_communities.yaml"):
        assert "VOORBEELD" in (new_site / name).read_text(encoding="utf-8"), name


def test_init_site_passes_the_check(new_site: Path, cli: Any) -> None:
    run = cli("check", "--root", str(new_site))
    assert run.returncode == 0, run.stderr
    assert "waarschuwing" not in run.stderr


def test_init_site_names_its_own_network(new_site: Path) -> None:
    site = new_site / "site"
    assert f"{NAME} heeft 1 community." in (site / "communities" / "index.html").read_text(encoding="utf-8")
    assert f"PRODID:-//{NAME}//Community-agenda//NL" in (site / "agenda.ics").read_text(encoding="utf-8")
    assert (site / "sitemap.xml").read_text(encoding="utf-8").count(URL) > 5


@pytest.mark.parametrize("setup", ["file", "folder"])
def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, cli: Any, setup: str) -> None:
    target = tmp_path / "bestaand"
    target.mkdir()
    if setup == "folder":
        (target / "map").mkdir()
    else:
        (target / "notities.txt").write_text("van mij", encoding="utf-8")
    before = sorted(path.name for path in target.rglob("*"))
    run = cli("init", str(target), "--name", NAME, "--url", URL, "--email", EMAIL)
    assert run.returncode == 1
    assert "deze map is niet leeg" in run.stderr and "er is niets geschreven" in run.stderr
    assert sorted(path.name for path in target.rglob("*")) == before


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--url", "communities.example", "is geen webadres"),
        ("--name", "Netwerk: X", "Geef de naam van het netwerk"),
        ("--email", "redactie", "is geen e-mailadres"),
        ("--repository", "https://gitlab.com/x/y", "is geen repository op GitHub"),
        # Values the new site's own check would refuse: init refuses them first (data/contract/fields.py).
        ("--name", "Netwerk <b>X</b>", "Geef de naam van het netwerk"),
        ("--name", "Kennis &amp; Kunde", "Geef de naam van het netwerk"),
        ("--url", "https://example.nl/mijn site/", "is geen webadres"),
        ("--url", "https://[::1/", "is geen webadres"),
        ("--email", 'a"b@example.nl', "is geen e-mailadres"),
        ("--repository", "https://github.com/", "is geen repository op GitHub"),
    ],
)
def test_init_says_in_dutch_what_is_wrong(tmp_path: Path, cli: Any, option: str, value: str, message: str) -> None:
    given = {"--name": NAME, "--url": URL, "--email": EMAIL, option: value}
    run = cli("init", str(tmp_path / "nieuw"), *(part for pair in given.items() for part in pair))
    assert run.returncode == 1
    assert message in run.stderr
    assert not (tmp_path / "nieuw").exists()


@pytest.fixture(scope="module")
def served_new_site(new_site: Path) -> Iterator[str]:
    from browser_harness import serve

    with serve(new_site / "site") as base:
        yield base


@pytest.mark.browser
def test_init_site_has_no_axe_violations(browser: Any, served_new_site: str, request: pytest.FixtureRequest) -> None:
    """The pages a new network sees first, in light and dark, by the same axe-core run as the fixture site."""
    from browser_harness import SCHEMES, Site, format_violations

    site = Site(browser, served_new_site)
    try:
        checked = 0
        for path in PAGES:
            for scheme in SCHEMES:
                visit = site.visit(path, scheme)
                assert visit.status == 200, path
                assert visit.axe.get("passes"), f"axe did not run on {path}"
                assert not visit.axe["violations"], f"{path} ({scheme}):\n{format_violations(visit.axe['violations'])}"
                assert not (visit.foreign_requests or visit.page_errors), visit
                checked += 1
    finally:
        site.close()
    request.config.stash.setdefault(REPORT, []).append(f"init site: {checked} page visits with axe, no violations")


@pytest.mark.parametrize("page", ["agenda-abonneren.md", "open-data.md"])
def test_the_new_sites_general_pages_are_this_sites(page: str) -> None:
    """Pages that explain the generator's own files, not the network: a new site gets them as they are
    here, with its own name and address. Changed content/<page>? Copy it to generator/starter/files/content/."""
    # The base loader builds only str, list and dict, and reads mkdocs.yml's !!python tags as text.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
    options = next(
        entry["communities"] for entry in config["plugins"] if isinstance(entry, dict) and "communities" in entry
    )
    starter = (ROOT / "generator" / "starter" / "files" / "content" / page).read_text(encoding="utf-8")
    filled = starter.replace("__URL__", config["site_url"]).replace("__NAME__", options["name"])
    assert filled == (ROOT / "content" / page).read_text(encoding="utf-8")


def test_the_404_page_links_from_the_sites_own_path(tmp_path: Path) -> None:
    """GitHub Pages without a domain of its own serves a site under /<repository>/; the 404 page is
    served at any address, so its links name that path."""

    write_site(
        NewSite(NAME, "https://organisatie.github.io/netwerk-site", EMAIL), tmp_path / "site", date(2026, 11, 29)
    )
    text = (tmp_path / "site" / "content" / "404.md").read_text(encoding="utf-8")
    assert "(/netwerk-site/agenda/)" in text and "(/netwerk-site/)" in text


def test_init_fills_in_a_value_that_looks_like_a_placeholder_as_it_is(tmp_path: Path) -> None:
    write_site(NewSite("Team __URL__", "https://example.nl/", EMAIL), tmp_path / "site", date(2026, 11, 29))
    assert 'site_name: "Community\'s van Team __URL__"' in (tmp_path / "site" / "mkdocs.yml").read_text("utf-8")


def test_init_where_it_cannot_write_says_so_and_leaves_nothing(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    run = cli("init", str(tmp_path / "bestand" / "site"), "--name", NAME, "--url", URL, "--email", EMAIL)
    assert run.returncode == 1 and "daar kan init niet schrijven" in run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bestand"]


def test_init_without_an_address_and_no_terminal_refuses_in_dutch(tmp_path: Path, cli: Any) -> None:
    """init invents no address: without --email, and with nobody to ask, it writes nothing."""
    run = cli("init", str(tmp_path / "nieuw"), "--name", NAME, "--url", URL)
    assert run.returncode == 1
    assert "Geef het algemene e-mailadres van de site met --email" in run.stderr
    assert "Traceback" not in run.stderr
    assert not (tmp_path / "nieuw").exists()


def test_init_at_a_terminal_asks_for_the_address(tmp_path: Path, cli: Any) -> None:
    run = cli(
        "init", str(tmp_path / "nieuw"), "--name", NAME, "--url", URL, stdin="vragen@rotterdam.example\n", terminal=True
    )
    assert run.returncode == 0, run.stderr
    assert "Algemeen e-mailadres van de site" in run.stdout
    assert "contact_email: vragen@rotterdam.example" in (tmp_path / "nieuw" / "mkdocs.yml").read_text("utf-8")


def test_the_address_is_written_once_and_every_page_reads_it(new_site: Path, tmp_path: Path) -> None:
    """The general address is in mkdocs.yml only; the built pages and the feeds read it from there, so a
    new address there changes all of them and no page keeps an old copy."""
    written = {
        path.relative_to(new_site).as_posix()
        for path in new_site.rglob("*")
        if path.is_file()
        and "site" not in path.relative_to(new_site).parts[:1]
        and INIT_EMAIL in path.read_text(encoding="utf-8", errors="replace")
    }
    assert written == {"mkdocs.yml"}
    built = new_site / "site"
    for page in ("over", "doe-mee", "privacy", "toegankelijkheid"):
        html = (built / page / "index.html").read_text(encoding="utf-8")
        assert f'href="mailto:{INIT_EMAIL}"' in html, page
        assert "contact_email }}" not in html, page
    assert f"mailto:{INIT_EMAIL}" in (built / "agenda.ics").read_text(encoding="utf-8")

    copy = tmp_path / "kopie"
    shutil.copytree(new_site, copy, ignore=shutil.ignore_patterns("site"))
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(INIT_EMAIL, "nieuw@waterbeheer.example"), "utf-8")
    assert build_mkdocs(copy).returncode == 0
    rebuilt = [path for path in (copy / "site").rglob("*.*") if path.suffix in (".html", ".ics", ".xml", ".json")]
    assert not [path for path in rebuilt if INIT_EMAIL in path.read_text(encoding="utf-8", errors="replace")]
    assert 'href="mailto:nieuw@waterbeheer.example"' in (copy / "site" / "over" / "index.html").read_text("utf-8")


def test_a_page_that_names_the_address_without_one_in_the_settings_stops_the_build(
    new_site: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "kopie"
    shutil.copytree(new_site, copy, ignore=shutil.ignore_patterns("site"))
    config = copy / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(f"contact_email: {INIT_EMAIL}", ""), "utf-8")
    built = build_mkdocs(copy)
    assert built.returncode == 1
    assert "content/over.md:1:1: Deze pagina noemt het algemene e-mailadres" in built.stderr
