"""The core without MkDocs: its layers, its one entry point, and the project `render --out` writes."""

from __future__ import annotations

import ast
import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from conftest import FIXTURE_EPOCH, ROOT, STATEMENT, build_mkdocs, make_project
from generator.build import SiteConfig, build_site
from generator.catalogue import urls
from generator.cli import main
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import format_problem
from generator.data.wording.problems import DataError
from generator.pages.render import GeneratedPage

PACKAGE = ROOT / "generator"
# Each package may import only from packages on a lower level; `pages` and `ical` know nothing of each other.
LEVELS = {
    "data": 0,
    "theme": 0,
    "release": 0,
    "search": 0,
    "catalogue": 1,
    "pages": 2,
    "ical": 2,
    "opendata": 3,
    "stamps": 3,
    "editing": 3,
    "starter": 3,
    "statement": 3,
    "": 4,
    "mkdocs_plugin": 5,
}
NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, as dotted names from the top (relative imports resolved)."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _package_of(module: str) -> str | None:
    """The sub-package of `generator` a module belongs to ("" for the top), or None outside it."""
    parts = module.split(".")
    if parts[0] != "generator":
        return None
    return parts[1] if len(parts) >= 2 and parts[1] in LEVELS else ""


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_only_the_plugin_and_the_settings_reader_import_mkdocs(path: Path) -> None:
    uses_mkdocs = any(module.split(".")[0] == "mkdocs" for module in _imports(path))
    assert uses_mkdocs == (path.relative_to(PACKAGE).as_posix() in ("mkdocs_plugin/plugin.py", "settings.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_package_imports_one_above_it(path: Path) -> None:
    own = _package_of("generator." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    assert own is not None
    for module in _imports(path):
        other = _package_of(module)
        if other is None or other == own:
            continue
        assert LEVELS[other] < LEVELS[own], f"{path.relative_to(ROOT)} imports {module}, from a level not below it"


# The rooms of `data`, in the same way: the wording of problems, reading the YAML, the contract, checking.
DATA_LEVELS = {"wording": 0, "reading": 1, "contract": 2, "checking": 3}


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "data").rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE))
)
def test_no_room_of_data_imports_one_above_it(path: Path) -> None:
    own = path.relative_to(PACKAGE / "data").parts[0]
    for module in _imports(path):
        parts = module.split(".")
        if parts[:2] != ["generator", "data"] or len(parts) < 3 or parts[2] == own:
            continue
        assert own in DATA_LEVELS, f"{path.relative_to(ROOT)}: a module of data belongs in one of {sorted(DATA_LEVELS)}"
        assert DATA_LEVELS[parts[2]] < DATA_LEVELS[own], (
            f"{path.relative_to(ROOT)} imports {module}, a room not below it"
        )


def test_the_layer_test_sees_relative_imports() -> None:
    assert "generator.data.contract.models.Event" in _imports(PACKAGE / "ical" / "vevent.py")
    assert "generator.catalogue.urls" in _imports(PACKAGE / "pages" / "render.py")


def _config(project: Path, **changes: object) -> SiteConfig:
    settings: dict[str, object] = {
        "files": DataFiles(project),
        "docs_dir": project / "content",
        "site_url": "https://example.org/",
        **STATEMENT,
        **changes,
    }
    return SiteConfig(**settings)  # type: ignore[arg-type]


def _problems(config: SiteConfig) -> list[str]:
    with pytest.raises(DataError) as caught:
        build_site(config, NOW)
    return [format_problem(problem) for problem in caught.value.problems]


def test_build_site_gives_pages_feeds_assets_and_settings(tmp_path: Path) -> None:
    site = build_site(_config(make_project(tmp_path), repository="https://github.com/o/r"), NOW)
    paths = set(site.generated_paths)
    assert {urls.LIST_PAGES["agenda"], urls.ALL_EVENTS_FEED, "assets/stylesheets/site.css"} <= paths
    assert site.edit_uri == "https://github.com/o/r/edit/main/content/"
    assert site.home is not None and "Binnenkort" in site.home
    assert site.not_found is not None and "<h1" in site.not_found.html
    assert site.not_found.title == "Pagina niet gevonden"
    event = site.network.events[0]
    page = next(p for p in site.pages if p.path == urls.event_source(event.id))
    assert f"edit_url: https://github.com/o/r/blob/main/events.yaml#L{event.source.line}" in page.content


def test_without_a_repository_no_page_has_an_edit_link(tmp_path: Path) -> None:
    site = build_site(_config(make_project(tmp_path)), NOW)
    assert site.edit_uri is None
    assert not any("edit_url:" in page.content for page in site.pages)


def test_settings_problems_come_with_the_data_problems(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    events = project / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("type: webinar", "type: webinaar"), encoding="utf-8")
    problems = _problems(_config(project, site_url="", use_directory_urls=False))
    assert len(problems) == 3
    assert problems[0].startswith("events.yaml:")
    assert any(line.startswith("mkdocs.yml:1:1: Zet `site_url` in dit bestand") for line in problems)
    assert any(line.startswith("mkdocs.yml:1:1: De generator werkt alleen met use_directory_urls") for line in problems)


def test_a_feed_may_not_be_replaced_by_a_content_file(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "content" / urls.ALL_EVENTS_FEED).write_text("BEGIN:VCALENDAR\n", encoding="utf-8")
    assert _problems(_config(project)) == [
        "content/agenda.ics:1:1: Deze pagina maakt de generator zelf. Haal het bestand weg."
    ]


def test_without_404_page_the_theme_says_page_not_found(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "content" / "404.md").unlink()
    assert build_site(_config(project), NOW).not_found is None
    assert build_mkdocs(project).returncode == 0
    assert "<h1>Pagina niet gevonden</h1>" in (project / "site" / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("path", "url", "file"),
    [
        ("agenda/archief.md", "agenda/archief/", "agenda/archief/index.md"),
        ("agenda/soort/webinar.md", "agenda/soort/webinar/", "agenda/soort/webinar/index.md"),
        ("agenda/index.md", "agenda/", "agenda/index.md"),
        ("externe-communities.md", "externe-communities/", "externe-communities.md"),
    ],
)
def test_a_generated_page_says_where_it_lives(path: str, url: str, file: str) -> None:
    """One place decides a page's address and its file, for the plugin and for `render --out` alike."""
    page = GeneratedPage(path, "")
    assert (page.url, page.file) == (url, file)


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.mark.e2e  # two whole MkDocs builds of rendered projects
@pytest.mark.parametrize("site", ["built_site", "project_site"], ids=["fixture", "own"])
def test_the_rendered_project_builds_the_same_site_without_the_plugin(
    site: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The session's plugin build of the fixture (`built_site`) or of the project's own data
    (`project_site`), against `render --out` of the same project built by MkDocs without the plugin,
    then indexed for the search by `python -m generator index`."""
    project = request.getfixturevalue(site).parent
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    tree = tmp_path / "tree"
    assert main(["render", "--config", str(project / "mkdocs.yml"), "--out", str(tree)]) == 0
    assert "communities" not in (tree / "mkdocs.yml").read_text(encoding="utf-8").split("plugins:")[1].split("\n-")[1]
    built = build_mkdocs(tree, config_file=tree / "mkdocs.yml")
    assert built.returncode == 0, built.stderr
    assert main(["index", str(tree / "site")]) == 0  # the search index, as after any other builder
    with_plugin, without = _tree_digest(project / "site"), _tree_digest(tree / "site")
    assert with_plugin.keys() == without.keys()
    assert [path for path in with_plugin if with_plugin[path] != without[path]] == []


def test_render_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "project")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "iets.txt").write_text("", encoding="utf-8")
    assert main(["render", "--config", str(project / "mkdocs.yml"), "--out", str(tmp_path / "out")]) == 1
    assert "deze map is niet leeg" in capsys.readouterr().err


def test_render_shows_the_notes_the_plugin_logs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A project outside git: `mkdocs build` logs that the feeds have no history; `render` says it too."""
    project = make_project(tmp_path / "project")
    assert main(["render", "--config", str(project / "mkdocs.yml"), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "Agenda-bestanden: geen git-geschiedenis van events.yaml" in err, err


def test_render_with_broken_data_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "project")
    (project / "events.yaml").write_text("events:\n  - id: x\n", encoding="utf-8")
    assert main(["render", "--config", str(project / "mkdocs.yml"), "--out", str(tmp_path / "out")]) == 1
    assert "events.yaml:2:5: " in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_render_reads_env_tags_as_mkdocs_does_and_keeps_other_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "site_url: https://communities.gebruikercentraal.nl/",
        "site_url: !ENV [SITE_ADDRESS, https://fallback.example/]",
    )
    text += "extra:\n  generator_note: !!python/name:builtins.str\n"
    config.write_text(text, encoding="utf-8")
    monkeypatch.setenv("SITE_ADDRESS", "https://env.example/")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    assert main(["render", "--config", str(config), "--out", str(tmp_path / "tree")]) == 0
    written = (tmp_path / "tree" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://env.example/" in written
    assert "generator_note: !!python/name:builtins.str" in written
    assert "URL:https://env.example/agenda.ics" in (tmp_path / "tree" / "docs" / "agenda.ics").read_text("utf-8")


def test_render_gives_zensical_the_edit_links_mkdocs_makes_from_repo_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`edit_uri` as MkDocs completes it (a slash at the end) and joins it to `repo_url` (a slash between)."""
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "      repository: https://github.com/gebruikercentraal/community-site\n", ""
    )
    config.write_text(text + "repo_url: https://github.com/o/r\nedit_uri: edit/main/content\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    assert main(["render", "--config", str(config), "--out", str(tmp_path / "tree")]) == 0
    written = (tmp_path / "tree" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    over/: https://github.com/o/r/edit/main/content/over.md\n" in written, written
