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
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURE, ROOT, build_mkdocs, make_project
from generator.catalogue.identity import OPTIONS
from generator.cli import main
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


# The network's own words: its own kinds of event and its own welcome, and no example of the first network
# in anything the generator says to its editors.

OWN_TYPES = "".join(
    f"  - id: {kind}\n    name: {name}\n"
    for kind, name in (("spreekuur", "Spreekuur"), ("wijkdag", "Wijkdag"), ("webinar", "Online les"))
)
WELCOME = "Iedereen die werkt aan goede zorg thuis, is welkom."
FIRST_EXAMPLES = ("community-cx", "cx-klantreizen", "jaarbeursplein", "utrecht", "pleio", "gluren")
"""The first network's examples that messages, prompts and schemas once gave; last, a kind of event of the
defaults that the second network does not have (the generator may name it: it is a default)."""


def _own_words(project: Path) -> Path:
    """The second network with its own kinds of event (the defaults' `webinar` under another name) and welcome."""
    shutil.copytree(SECOND, project)
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8").replace("\nevents:\n", f"\ntypes:\n{OWN_TYPES}events:\n", 1)
    text = text.replace("type: bijeenkomst", "type: wijkdag").replace("type: werksessie", "type: spreekuur")
    events.write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      short_name: ZNN\n", f"      short_name: ZNN\n      welcome: {WELCOME}\n"
        ),
        encoding="utf-8",
    )
    return project


@pytest.fixture(scope="module")
def own_words_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _own_words(tmp_path_factory.mktemp("own") / "project")
    built = build_mkdocs(project)
    assert built.returncode == 0, built.stderr
    return project / "site"


def _said(text: str) -> list[str]:
    return [word for word in FIRST_EXAMPLES if word in text.lower()]


def test_the_network_s_own_kinds_of_event_are_on_its_pages_filters_and_feeds(own_words_site: Path) -> None:
    texts = _published_texts(own_words_site)
    assert "Soort evenement: Spreekuur" in texts["agenda/soort/spreekuur/index.html"]
    assert "agenda/soort/wijkdag/agenda.ics" in texts
    assert not [name for name in texts if "soort/werksessie" in name or "soort/bijeenkomst" in name]
    assert "Online les" in texts["agenda/dashboard-webinar/index.html"]
    assert '<option value="spreekuur">Spreekuur</option>' in texts["agenda/index.html"].replace("\n", "")
    assert "CATEGORIES:Spreekuur" in texts["agenda.ics"]
    assert '<category term="Spreekuur"' in texts["agenda.xml"]
    assert f"<p>{WELCOME} Kies een community" in texts["index.html"]
    # Not a word of the first network's kinds (those of the defaults this network did not take) or welcome.
    found = {name: _said(text) for name, text in texts.items() if name.endswith((".html", ".ics", ".xml", ".json"))}
    assert {name: words for name, words in found.items() if words} == {}
    labels = ("Soort evenement: Webinar", "Soort evenement: Werksessie", "Soort evenement: Bijeenkomst")
    assert not [name for name, text in texts.items() if "dienstverlening" in text or any(s in text for s in labels)]
    assert "Soort evenement: Online les" in texts["agenda/soort/webinar/index.html"]


MISTAKES = {
    "type: wijkdag": "type: bijeenkomst",  # a kind of the defaults, not of this network
    "type: spreekuur": "type: spreekuurtje",
    "id: wijkdag-2026": "id: Wijkdag 2026",
    "communities: [wijkverpleging]\n    type": "communities: [wijkverpleeging]\n    type",
}


def test_the_check_names_the_network_s_kinds_and_no_example_of_the_first(tmp_path: Path, cli: Any) -> None:
    project = _own_words(tmp_path / "project")
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8")
    for right, wrong in MISTAKES.items():
        assert right in text
        text = text.replace(right, wrong, 1)
    events.write_text(text, encoding="utf-8")
    result = cli("check", "--root", str(project), "--format", "text")
    assert result.returncode == 1
    said = result.stdout + result.stderr
    assert "`bijeenkomst` is geen geldige waarde voor `type`. Kies uit: spreekuur, wijkdag, webinar." in said
    assert "Bedoelde je `spreekuur`?" in said
    assert "`wijkverpleeging`" in said and "`Wijkdag 2026` is geen geldige id" in said
    assert _said(said) == []


def test_the_prompts_and_their_help_give_no_example_of_the_first_network(
    tmp_path: Path, cli: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _own_words(tmp_path / "project")
    said = ""
    for kind in ("event", "community"):
        with pytest.raises(SystemExit):
            main(["new", kind, "--help"])
        said += capsys.readouterr().out
    assert "--type SOORT" in said and "--platform-url" in said
    assert _said(said) == []
    # The question for the kind offers the network's kinds; a wrong one gets them in the check's words.
    from generator.data.reading.files import DataFiles
    from generator.editing.questions import EVENT, Checker, _prompt

    (question,) = [question for question in EVENT.questions if question.field == "type"]
    prompt = _prompt(question, False, "", Checker(DataFiles(project), EVENT).choices(question))
    assert prompt == "Soort (type): de id van een soort evenement. Kies uit: spreekuur, wijkdag, webinar (mag leeg): "
    options = ["--title", "Spreekuur in Emmen", "--community", "wijkverpleging", "--start", "2027-03-01"]
    result = cli("new", "event", "--root", str(project), *options, "--venue", "Zorgcentrum", "--type", "congres")
    assert result.returncode == 1
    assert "`congres` is geen geldige waarde voor `type`. Kies uit: spreekuur, wijkdag, webinar." in result.stderr
    assert _said(result.stdout + result.stderr) == []


def test_the_schemas_offer_the_network_s_kinds_and_no_example_of_the_first(tmp_path: Path, cli: Any) -> None:
    project = _own_words(tmp_path / "project")
    result = cli("schema", "--root", str(project), "--out", str(tmp_path / "schemas"))
    assert result.returncode == 0
    texts = {path.name: path.read_text(encoding="utf-8") for path in (tmp_path / "schemas").iterdir()}
    event = json.loads(texts["events.schema.json"])["$defs"]["Event"]["properties"]["type"]
    assert event["enum"] == ["spreekuur", "wijkdag", "webinar"]
    assert {name: _said(text) for name, text in texts.items()} == {name: [] for name in texts}


def test_no_example_of_the_first_network_in_the_generator() -> None:
    """What `grep -ril community-cx generator` finds: only the table of messages of this repository's own
    guide, whose examples are this repository's data, and the CHANGELOG, which tells this repository's
    history (it ships in the package, but no site shows it or writes it)."""
    said = [
        path.relative_to(ROOT).as_posix()
        for path in sorted((ROOT / "generator").rglob("*"))
        if path.is_file()
        and path.suffix not in (".pyc", ".woff2", ".png", ".svg", ".ico")
        and "vendor" not in path.parts
        and [word for word in FIRST_EXAMPLES[:-1] if word in path.read_text(encoding="utf-8", errors="replace").lower()]
    ]
    assert said in (
        ["generator/CHANGELOG.md", "generator/data/wording/message_table.py"],
        ["generator/data/wording/message_table.py"],
    )
