"""Any network can run the generator: a second network's site holds no text of the first.

`tests/fixtures/second-network/` is another network's site, first written by `init` of version 0.2.0
and then given more data. It is built with the real `mkdocs build --strict`, and every file of the
result (pages, calendar files, open data, Atom, sitemap, search index) is searched for the first
network's texts: its name, its address, its e-mail, the options in this repository's mkdocs.yml, and
the names of its communities. Its data files stay as they were written, so this test also shows that
a site made with an older version still builds with this one.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE, ROOT, build_mkdocs, make_project
from generator.catalogue.identity import OPTIONS
from generator.release import HOME
from generator.statement.options import OPTIONS as STATEMENT_OPTIONS

SECOND = ROOT / "tests" / "fixtures" / "second-network"
FIRST_NAMES = ("gebruiker centraal", "gebruikercentraal")
"""The first network's name as the words in a text and as the domain; the rest comes from its files."""


def _first_network_texts() -> set[str]:
    # The base loader builds only str, list and dict, and reads mkdocs.yml's !!python tags as text.
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506
    options = next(
        entry["communities"] for entry in config["plugins"] if isinstance(entry, dict) and "communities" in entry
    )
    texts = {config["site_name"], config["site_description"], config["copyright"], config["site_url"]}
    # The statement's options are dates and addresses of no network (a date can be any site's build day).
    texts |= {value for name, value in options.items() if value and name not in STATEMENT_OPTIONS}
    texts |= {sentence.strip() + "." for sentence in options["external_intro"].split(".") if sentence.strip()}
    for data in (ROOT, FIXTURE):
        communities = yaml.safe_load((data / "communities.yaml").read_text(encoding="utf-8"))
        texts |= {community["name"] for community in communities["communities"]}
    return {text.lower() for text in texts} | set(FIRST_NAMES)


@pytest.fixture(scope="module")
def second_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("second") / "project"
    shutil.copytree(SECOND, project)
    built = build_mkdocs(project)
    assert built.returncode == 0, built.stderr
    return project / "site"


def _published_texts(site: Path) -> dict[str, str]:
    """Every file a visitor or a program can fetch, as text; the gzipped sitemap and search index unpacked."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        content = path.read_bytes()
        if path.suffix == ".gz" or path.suffix.startswith(".pf_"):  # the sitemap, the search index's chunks
            content = gzip.decompress(content)
        try:
            texts[path.relative_to(site).as_posix()] = content.decode("utf-8")
        except UnicodeDecodeError:
            continue  # fonts and images of the theme
    return texts


def test_the_fixture_names_nothing_of_the_first_network() -> None:
    forbidden = _first_network_texts()
    for path in sorted(SECOND.rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8").lower()
            assert not [word for word in forbidden if word in text], path


def test_no_text_of_the_first_network_in_any_published_file(second_site: Path) -> None:
    forbidden = _first_network_texts()
    texts = _published_texts(second_site)
    kinds = {Path(name).suffix for name in texts}
    assert {".html", ".ics", ".json", ".xml"} <= kinds
    assert {"agenda.xml", "agenda.json", "communities.json", "sitemap.xml.gz", "pagefind/pagefind-entry.json"} <= set(
        texts
    )
    assert any(name.endswith(".pf_fragment") for name in texts)
    found = {name: [word for word in forbidden if word in text.lower()] for name, text in texts.items()}
    assert {name: words for name, words in found.items() if words} == {}


def test_the_second_network_is_named_everywhere_the_first_was(second_site: Path) -> None:
    texts = _published_texts(second_site)
    assert "PRODID:-//Stichting Zorgnetwerk Noord//Community-agenda//NL" in texts["agenda.ics"]
    assert "X-WR-CALNAME:Agenda community's ZNN" in texts["agenda.ics"]
    assert "Alles wat de community's van Zorgnetwerk Noord organiseren." in texts["agenda.ics"].replace("\r\n ", "")
    assert "<name>Stichting Zorgnetwerk Noord</name>" in texts["agenda.xml"]
    assert "Nieuw in de agenda van de community's van Zorgnetwerk Noord" in texts["agenda.xml"]
    assert "Zorgnetwerk Noord heeft 2 community's." in texts["communities/index.html"]
    assert "<strong>goede zorg in de regio</strong>" in texts["externe-communities/index.html"]
    assert "Andere netwerken in de zorg in het noorden." in texts["externe-communities/index.html"]
    assert "Geen community van Zorgnetwerk Noord" not in texts["themas/zorgdata/index.html"]
    assert "De community's van Zorgnetwerk Noord." in texts["open-data/communities.schema.json"]


def test_the_generator_names_no_network() -> None:
    """What `grep -ri "gebruiker centraal" generator` would find: the package names no network. The
    address of the generator's own repository (its home, changelog and issues) is where the code lives,
    not a text of a site: it is left out."""
    named = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "generator").rglob("*"))
        if path.is_file()
        and path.suffix != ".pyc"
        and any(
            word in path.read_text(encoding="utf-8", errors="replace").replace(HOME, "").lower() for word in FIRST_NAMES
        )
    ]
    assert named == []


def test_a_site_from_before_the_options_builds_and_says_what_to_add(tmp_path: Path) -> None:
    """This repository's mkdocs.yml as version 0.1.0 had it, without the options that name the network."""
    project = make_project(tmp_path / "project", ROOT)
    config = project / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    for entry in settings["plugins"]:
        if isinstance(entry, dict) and "communities" in entry:
            entry["communities"] = {key: value for key, value in entry["communities"].items() if key not in OPTIONS}
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    assert "Gebruiker Centraal wil" not in config.read_text(encoding="utf-8")
    built = build_mkdocs(project)
    assert built.returncode == 0, built.stderr
    assert "mkdocs.yml: zet bij de plugin communities de naam van je netwerk (name: …)." in built.stderr
    page = (project / "site" / "communities" / "index.html").read_text(encoding="utf-8")
    assert "Het netwerk heeft " in page
