"""The core's entry point: from a project folder and its settings to everything a builder publishes.

`build_site()` returns the generated pages (Markdown with front matter, each with its path, address
and file), the home page, the feeds, the assets, the theme folder and the settings a builder must
apply. It imports and calls no builder. Its settings are the few of mkdocs.yml it needs (`SiteConfig`,
named as mkdocs.yml names them, the file both MkDocs and Zensical read); `settings.py` makes them with
MkDocs' own loader. The MkDocs plugin hands the result to MkDocs, and `python -m generator render`
writes it out as a plain project that any builder of the same theme can build. Every problem, in the
data or in the settings, comes out as one `DataError`, before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from markdown import Markdown

from .catalogue import urls
from .catalogue.filters import RESERVED_IDS, browse_links
from .catalogue.identity import NEUTRAL, Identity
from .catalogue.urls import HOME_PAGE, NOT_FOUND_PAGE, SCRIPT, STATEMENT_PAGE, STYLESHEET
from .data.checking.load import load
from .data.contract.network import Network
from .data.reading.files import DataFiles
from .data.wording.messages import format_problem
from .data.wording.problems import DataError, Problem
from .editing.edit_links import edit_url, page_sources
from .ical.calendar import FeedFile, render_feeds
from .ical.vevent import FeedSettings, unstamped_events
from .opendata.files import render_open_data
from .pages.render import GeneratedPage, SiteSettings, render_home, render_pages
from .pages.site_values import fill_values, pages_naming_values
from .release import CHANGELOG_URL
from .stamps.floor import read_floor, with_floor
from .stamps.history import Build, event_history
from .statement.options import NO_OPTIONS, Facts, StatementOptions
from .statement.parts import Filled, fill_statement
from .theme import ASSETS, OVERRIDES

DEFAULT_NOT_FOUND_TITLE = "Pagina niet gevonden"


@dataclass(frozen=True)
class SiteConfig:
    """The builder's settings (mkdocs.yml), in the core's terms: made by `settings.site_config`."""

    files: DataFiles
    """The data files, named relative to the folder of mkdocs.yml."""
    docs_dir: Path
    site_url: str
    use_directory_urls: bool = True
    repository: str = ""
    branch: str = "main"
    suggest_url: str = ""
    contact_email: str = ""
    """The site's general address: the feeds' ORGANIZER for a community without `contact_email`."""
    identity: Identity = NEUTRAL
    """The network behind the site: its name and the texts that name it (plugin options)."""
    statement: StatementOptions = NO_OPTIONS
    """The accessibility statement's date, status, audit and register entry (plugin options)."""
    edit_uri: str | None = None
    repo_url: str | None = None
    markdown_extensions: Sequence[str] = ()
    """The Markdown extensions as MkDocs hands them to Markdown, its own (toc, tables, …) included:
    the 404 page is rendered the way MkDocs renders a page."""
    markdown_configs: Mapping[str, Any] = field(default_factory=dict)
    config_file: str = "mkdocs.yml"
    published: str = ""
    """The previous publication (a folder, or the live site's address): a floor for the feeds' stamps
    (`stamps/floor.py`; plugin option `published`). Empty: none, and nothing is fetched."""
    read_feed_settings: Callable[[bytes], FeedSettings | None] | None = None
    """Reads what an old version of `config_file` gave the feeds (`settings.feed_settings_of`), so that
    the history sees a change of `site_url` or `contact_email` (`stamps/history.py`); None for settings
    made in code, whose history is not in a file."""

    @property
    def feed_settings(self) -> FeedSettings:
        return FeedSettings(self.site_url, self.contact_email)

    @property
    def docs_folder(self) -> str:
        """The docs folder as messages and edit links name it, relative to the project."""
        return Path(os.path.relpath(self.docs_dir, self.files.root)).as_posix()


@dataclass(frozen=True)
class Asset:
    path: str
    content: bytes


@dataclass(frozen=True)
class NotFoundPage:
    title: str
    """The text of the first heading: the page's title, so that it differs from the home page's."""
    html: str


@dataclass(frozen=True)
class SiteBuild:
    """Everything a builder adds to the editors' content pages."""

    network: Network
    pages: list[GeneratedPage]
    home: str | None
    """The whole home page: the editors' index.md with the generated part under it (None without index.md)."""
    feeds: list[FeedFile]
    assets: list[Asset]
    stylesheets: list[str]
    scripts: list[str]
    theme_dir: Path
    """Template overrides, to put before the theme's own templates."""
    edit_uri: str | None
    """Where "Bewerk deze pagina" on a content page goes, when the settings do not say it themselves."""
    not_found: NotFoundPage | None
    """The editors' 404.md, for the theme's 404 template (config `extra.not_found_html` and `_title`)."""
    notes: tuple[str, ...] = ()
    """What the builder shows once in its log, without failing: e.g. that the feeds had no git history."""
    history_missing: str = ""
    """Why the feeds' stamps are not those of the whole git history (`stamps/history.py`); empty when they are."""
    filled: Mapping[str, str] = field(default_factory=dict)
    """Editors' pages with the generator's parts filled in, by path: the builder reads these instead of
    the files (today the accessibility statement, `statement/parts.py`)."""

    @property
    def extra(self) -> dict[str, Any]:
        """Values for the builder's `extra` settings, which the theme's templates read: the 404 page,
        and the links that stand in for the search without JavaScript (partials/site-search.html)."""
        browse = {"browse_links": [{"text": text, "url": url} for text, url in browse_links()]}
        if self.not_found is None:
            return browse
        return {"not_found_title": self.not_found.title, "not_found_html": self.not_found.html, **browse}

    @property
    def files(self) -> list[FeedFile | Asset]:
        """The feeds and the assets: published byte for byte, next to the pages."""
        return [*self.feeds, *self.assets]

    @property
    def generated_paths(self) -> list[str]:
        return [*(page.path for page in self.pages), *(item.path for item in self.files)]


def load_site(files: DataFiles) -> Network:
    """The data, checked as the site needs it: also no id may take the name of a page of the site."""
    return load(files, reserved_ids=RESERVED_IDS)


def in_ci(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether this runs in CI (GitHub Actions sets both): a build there may be published."""
    return any(environ.get(name, "").lower() not in ("", "0", "false") for name in ("CI", "GITHUB_ACTIONS"))


def stamps_warning(missing: str) -> str:
    """What a build outside CI says when it lacks the whole history: it builds, but is not for publishing."""
    return (
        f"publiceer deze bouw niet: {missing}. De agenda-bestanden krijgen dan andere volgnummers (SEQUENCE) en "
        "tijden dan de site eerder publiceerde. In CI stopt een strikte bouw hier (fetch-depth: 0 lost het op)."
    )


def build_site(config: SiteConfig, now: datetime, *, require_history: bool = False) -> SiteBuild:
    """Everything a builder publishes. With `require_history` (a strict build in CI: the callers
    decide, so that a test can build a copy without git), a build without the whole git history
    stops instead of publishing stamps that are lower or newer than the site published before."""
    problems = list(_settings_problems(config))
    statement = _statement(config, now)
    problems.extend(statement.problems)
    named = pages_naming_values(config.docs_dir)
    if named and not config.contact_email:
        problems.extend(Problem(f"{config.docs_folder}/{path}", 1, 1, "page_no_email") for path in named)
    try:
        network = load_site(config.files)
    except DataError as error:
        problems.extend(error.problems)
    if problems:
        raise DataError(problems)
    repository = config.repository.rstrip("/")
    form = urls.issue_form(repository, urls.EXTERNAL_COMMUNITY_FORM)
    edit_urls = (
        {
            path: edit_url(repository, config.branch, file, line)
            for path, (file, line) in page_sources(network, config.files).items()
        }
        if repository
        else {}
    )
    settings = SiteSettings(
        site_url=config.site_url,
        suggest_url=config.suggest_url or form,
        edit_urls=edit_urls,
        identity=config.identity,
        contact_email=config.contact_email,
    )
    # The feeds' memory: when each event's VEVENT was added and last changed (see ical/calendar.py).
    vevents = unstamped_events(network, config.feed_settings)
    known = Build(config.feed_settings, config.config_file, config.read_feed_settings, network, vevents)
    history = event_history(config.files, now, known)
    if require_history and history.missing:
        raise DataError([Problem("git", 0, 0, "history_incomplete", {"reason": history.missing})])
    floor_notes: tuple[str, ...] = ()
    if config.published:
        floor, floor_notes = read_floor(config.published)
        history = with_floor(history, vevents, config.site_url, floor)
    result = SiteBuild(
        network=network,
        pages=render_pages(network, now, settings),
        home=_home(config, network, now, settings),
        feeds=render_feeds(
            network,
            now,
            config.site_url,
            history=history,
            contact_email=config.contact_email,
            identity=config.identity,
        ),
        assets=[
            Asset(STYLESHEET, (ASSETS / "site.css").read_bytes()),
            Asset(SCRIPT, (ASSETS / "site.js").read_bytes()),
            *(
                Asset(item.path, item.content)
                for item in render_open_data(network, now, config.site_url, history, config.identity)
            ),
        ],
        stylesheets=[STYLESHEET],
        scripts=[SCRIPT],
        theme_dir=OVERRIDES,
        edit_uri=_edit_uri(config, repository),
        not_found=_not_found(config),
        notes=(
            *history.notes,
            *floor_notes,
            *_identity_notes(config),
            *(format_problem(item) for item in statement.warnings),
        ),
        filled=_filled(config, named, statement.text),
        history_missing=history.missing,
    )
    taken = [path for path in result.generated_paths if (config.docs_dir / path).exists()]
    if taken:
        raise DataError(Problem(f"{config.docs_folder}/{path}", 1, 1, "page_taken") for path in taken)
    return result


def _filled(config: SiteConfig, named: Mapping[str, str], statement: str | None) -> dict[str, str]:
    """The pages that name a value of the settings (`pages/site_values.py`) and the statement, filled in."""
    # The home page gets its own part below the editors' text: `_home` fills that in.
    filled = {path: fill_values(text, config.contact_email) for path, text in named.items() if path != HOME_PAGE}
    if statement is not None:
        filled[STATEMENT_PAGE] = fill_values(statement, config.contact_email)
    return filled


def _identity_notes(config: SiteConfig) -> tuple[str, ...]:
    """A site from before 0.2.0 names no network in its settings: it builds, and the log says what to add."""
    if config.identity.name:
        return ()
    return (
        f"{config.config_file}: zet bij de plugin communities de naam van je netwerk (name: …). "
        f'Zonder naam zegt de site "{config.identity.network}". Zie de CHANGELOG, versie 0.2.0: {CHANGELOG_URL}',
    )


def _statement(config: SiteConfig, now: datetime) -> Filled:
    """The accessibility statement with its generated parts; nothing for a site without the page."""
    source = config.docs_dir / STATEMENT_PAGE
    if not source.is_file():
        return Filled(None, [], [])
    try:
        settings_text = (config.files.root / config.config_file).read_text(encoding="utf-8")
    except OSError:  # settings made in code (the tests): the messages point at the top of the file
        settings_text = ""
    facts = Facts(
        site_url=config.site_url,
        contact_email=config.contact_email,
        organisation=config.identity.organisation or config.identity.name,
        config_file=config.config_file,
        config_text=settings_text,
    )
    page = f"{config.docs_folder}/{STATEMENT_PAGE}"
    return fill_statement(source.read_text(encoding="utf-8"), page, config.statement, facts, now)


def _settings_problems(config: SiteConfig) -> list[Problem]:
    problems = []
    if not config.site_url:
        problems.append(Problem(config.config_file, 1, 1, "config_site_url"))
    if not config.use_directory_urls:
        # The generated pages link to each other as folders (agenda/x/), like the rest of the site.
        problems.append(Problem(config.config_file, 1, 1, "config_directory_urls"))
    return problems


def _home(config: SiteConfig, network: Network, now: datetime, settings: SiteSettings) -> str | None:
    source = config.docs_dir / HOME_PAGE
    if not source.is_file():
        return None
    own = fill_values(source.read_text(encoding="utf-8"), config.contact_email)
    return f"{own}\n\n{render_home(network, now, settings)}"


def _edit_uri(config: SiteConfig, repository: str) -> str | None:
    if not repository or config.edit_uri or config.repo_url:
        return None
    return f"{repository}/edit/{config.branch}/{config.docs_folder}/"


def _not_found(config: SiteConfig) -> NotFoundPage | None:
    source = config.docs_dir / NOT_FOUND_PAGE
    if not source.is_file():
        return None
    converter = Markdown(extensions=list(config.markdown_extensions), extension_configs=dict(config.markdown_configs))
    html = converter.convert(fill_values(source.read_text(encoding="utf-8"), config.contact_email))
    headings = getattr(converter, "toc_tokens", [])
    return NotFoundPage(headings[0]["name"] if headings else DEFAULT_NOT_FOUND_TITLE, html)
