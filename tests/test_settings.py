"""The settings in mkdocs.yml that change the site: the plugin's `repository` and `suggest_url`, and the
MkDocs settings the generator needs (`site_url`, `use_directory_urls`)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from test_invalid import run_cli

from conftest import FIXTURE_EPOCH, make_project, run_mkdocs

REPOSITORY_LINE = "      repository: https://github.com/gebruikercentraal/community-site\n"
ISSUE_FORM = "https://github.com/gebruikercentraal/community-site/issues/new?template=externe-community.yml"
EDIT_LINK = re.compile(r'<a href="([^"]+)" title="Bewerk deze pagina"')
# A generated page, a content page, and the page with the "Stel een community voor" button.
EVENT_PAGE = "agenda/dd-webinar-december/index.html"
CONTENT_PAGE = "over/index.html"
EXTERNAL_PAGE = "externe-communities/index.html"


def _change_settings(project: Path, old: str, new: str) -> None:
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    settings.write_text(text.replace(old, new), encoding="utf-8")


def _build_in_process(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`mkdocs build --strict` in this process, so that the plugin counts toward coverage; the real
    command in its own process is in conftest.run_mkdocs."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXTURE_EPOCH)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), strict=True)
    config.plugins["communities"].require_history = False  # type: ignore[attr-defined]  # a copy without git
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def _edit_links(site: Path) -> dict[str, list[str]]:
    """The "Bewerk deze pagina" addresses of every page that has one, by page."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        links = EDIT_LINK.findall(page.read_text(encoding="utf-8"))
        if links:
            found[page.relative_to(site).as_posix()] = links
    return found


def test_without_a_repository_no_page_has_an_edit_or_suggest_link(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path)
    _change_settings(project, REPOSITORY_LINE, "")
    site = _build_in_process(project, monkeypatch)
    for page in (EVENT_PAGE, CONTENT_PAGE, EXTERNAL_PAGE):
        assert (site / page).is_file(), page
    assert _edit_links(site) == {}
    assert not [page for page in site.rglob("*.html") if "Bewerk deze pagina" in page.read_text(encoding="utf-8")]
    external = (site / EXTERNAL_PAGE).read_text(encoding="utf-8")
    assert "Stel een community voor" not in external
    assert "/issues/new" not in external


def test_a_repository_gives_edit_links_to_generated_and_content_pages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counterpart of the test above, built the same way: the links it misses are there with a repository."""
    site = _build_in_process(make_project(tmp_path), monkeypatch)
    links = _edit_links(site)
    repository = "https://github.com/gebruikercentraal/community-site"
    assert links[EVENT_PAGE] == [f"{repository}/blob/main/events.yaml#L11"]
    assert links[CONTENT_PAGE] == [f"{repository}/edit/main/content/over.md"]
    assert f'href="{ISSUE_FORM}"' in (site / EXTERNAL_PAGE).read_text(encoding="utf-8")


def test_suggest_url_replaces_the_issue_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path)
    _change_settings(project, REPOSITORY_LINE, REPOSITORY_LINE + "      suggest_url: https://example.org/voorstel\n")
    site = _build_in_process(project, monkeypatch)
    external = (site / EXTERNAL_PAGE).read_text(encoding="utf-8")
    assert re.search(r'<a class="md-button" href="https://example\.org/voorstel">Stel een community voor</a>', external)
    assert ISSUE_FORM not in external
    assert not any(ISSUE_FORM in page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
    # The repository still gives the edit links.
    assert EVENT_PAGE in _edit_links(site)


def test_broken_data_and_settings_stop_the_build_with_one_dutch_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path)
    _change_settings(project, "use_directory_urls: true\n", "use_directory_urls: false\n")
    events = project / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("type: webinar", "type: webinaar"), encoding="utf-8")
    with pytest.raises(Abort):
        _build_in_process(project, monkeypatch)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert len(errors) == 1, errors
    lines = errors[0].splitlines()
    assert lines[0].startswith("events.yaml:15:11: `webinaar` is geen geldige waarde voor `type`."), lines
    assert lines[1].startswith("mkdocs.yml:1:1: De generator werkt alleen met use_directory_urls: true."), lines
    assert lines[2:] == ["De site is niet gebouwd: los eerst de problemen hierboven op."]
    assert not (project / "site").exists()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "use_directory_urls: true\n",
            "use_directory_urls: false\n",
            "mkdocs.yml:1:1: De generator werkt alleen met use_directory_urls: true. Zet dat in dit bestand.",
            id="use_directory_urls-false",
        ),
        pytest.param(
            "site_url: https://communities.gebruikercentraal.nl/\n",
            "",
            "mkdocs.yml:1:1: Zet `site_url` in dit bestand, bijvoorbeeld site_url: https://communities.example.nl/.",
            id="no-site_url",
        ),
    ],
)
@pytest.mark.e2e
def test_settings_the_generator_cannot_work_with_stop_the_real_build(
    old: str, new: str, message: str, tmp_path: Path
) -> None:
    project = make_project(tmp_path)
    _change_settings(project, old, new)
    result = run_mkdocs(project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert f"ERROR   -  {message}" in result.stderr, result.stderr
    assert "De site is niet gebouwd: los eerst de problemen hierboven op." in result.stderr
    assert not (project / "site").exists()


def test_render_names_a_missing_settings_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings, out = tmp_path / "elders" / "mkdocs.yml", tmp_path / "uit"
    result = run_cli(monkeypatch, capsys, "render", "--config", str(settings), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr == f"{settings}: dit bestand ontbreekt.\n"
    assert not out.exists()


def test_render_checks_the_plugin_options_as_mkdocs_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`render` reads mkdocs.yml with MkDocs' own loader: a wrong option stops it as it stops the build."""
    project, out = make_project(tmp_path / "project"), tmp_path / "uit"
    _change_settings(project, REPOSITORY_LINE, "      repository: 5\n")
    result = run_cli(monkeypatch, capsys, "render", "--config", str(project / "mkdocs.yml"), "--out", str(out))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("mkdocs.yml: Config value 'plugins': Plugin 'communities' option 'repository'"), lines
    assert lines[-1] == "Er is niets geschreven: los eerst de problemen hierboven op."
    assert "Traceback" not in result.stderr
    assert not out.exists()
