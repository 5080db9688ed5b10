"""The one reader of mkdocs.yml: MkDocs' own loader, and the plugin's options, in the core's terms.

The plugin gets MkDocs' settings from MkDocs and turns them into a `SiteConfig` here (`site_config`);
`python -m generator render` reads mkdocs.yml with MkDocs' loader (`read_settings`) and gets the same
`SiteConfig` from the same function. MkDocs resolves `!ENV`, fills in its defaults (the Markdown
extensions it always adds, `edit_uri`) and checks the plugin's options with `CommunitiesConfig`, so
neither the defaults nor the rules are written down twice.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import yaml
import yaml_env_tag  # type: ignore[import-untyped]  # MkDocs' own `!ENV` (mkdocs/utils/yaml.py)
from mkdocs.config import config_options as c
from mkdocs.config import load_config
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from .build import SiteConfig
from .catalogue.identity import Identity
from .data.reading.files import DataFiles
from .data.wording.problems import DataError, Problem
from .ical.vevent import FeedSettings
from .statement.options import StatementOptions

PLUGIN = "communities"
"""The plugin's name in mkdocs.yml (its entry point in pyproject.toml)."""


class CommunitiesConfig(Config):
    """The plugin's options in mkdocs.yml, with their defaults."""

    communities = c.Type(str, default=DataFiles.communities)
    """The communities and themes file, relative to mkdocs.yml."""

    events = c.Type(str, default=DataFiles.events)
    """The events file, relative to mkdocs.yml."""

    external_communities = c.Type(str, default=DataFiles.external_communities)
    """The external communities file, relative to mkdocs.yml."""

    repository = c.Type(str, default="")
    """The repository on GitHub, e.g. https://github.com/org/repo: for the "Bewerk deze pagina" links."""

    branch = c.Type(str, default=SiteConfig.branch)
    """The branch editors change, for the "Bewerk deze pagina" links."""

    suggest_url = c.Type(str, default="")
    """Where "Stel een community voor" goes; by default the issue form in the repository."""

    contact_email = c.Type(str, default="")
    """The site's general e-mail address: the organiser in the calendar files for a community without one."""

    published = c.Type(str, default="")
    """The previous publication, a folder or the live site's address: the feeds' stamps never go below
    it (stamps/floor.py). Empty: none. The publish workflow gives the live site's address."""

    # The network behind the site (catalogue/identity.py). Empty: neutral text ("het netwerk").
    name = c.Type(str, default="")
    """The network's name as it stands in a sentence, "<name> heeft 12 community's"; empty: "het netwerk"."""

    short_name = c.Type(str, default="")
    """A shorter name, in the name of the calendar with all events; by default the name."""

    organisation = c.Type(str, default="")
    """Who publishes the site: the author of the Atom feed and of the calendar files; by default the name."""

    external_intro = c.Type(str, default="")
    """The first paragraph of the page with external communities, in Markdown: why the site lists them."""

    external_description = c.Type(str, default="")
    """The description of that page, for search engines."""

    calendar_name = c.Type(str, default="")
    """The name of the calendar with all events in a calendar app; by default "Agenda community's <short_name>"."""

    calendar_description = c.Type(str, default="")
    """The description of that calendar; by default "Alle evenementen van de community's van <name>"."""

    welcome = c.Type(str, default="")
    """Who is welcome, a sentence or two on the home page under "Doe mee"; by default "Iedereen die mee wil
    doen, is welkom."."""

    # The accessibility statement (statement/options.py). Any type: the core checks them, in Dutch.
    accessibility_date = c.Type(object, default="")
    """The day the statement was made or last checked, "2026-12-07": the date it shows."""

    accessibility_status = c.Type(object, default="")
    """A or B, with an audit; without it the status is C (an audit planned) or D."""

    accessibility_audit = c.Type(object, default="")
    """The address of the report of an audit by an expert."""

    accessibility_audit_planned = c.Type(object, default="")
    """The day an audit is planned, within six months of the statement's date: status C."""

    accessibility_register = c.Type(object, default="")
    """The statement's entry in the register of DigiToegankelijk: a link on the statement."""


def site_config(config: MkDocsConfig, options: CommunitiesConfig) -> SiteConfig:
    """MkDocs' settings and the plugin's options, in the core's terms."""
    return SiteConfig(
        files=DataFiles(
            Path(config.config_file_path).parent, options.communities, options.events, options.external_communities
        ),
        docs_dir=Path(config.docs_dir),
        site_url=config.site_url or "",
        use_directory_urls=config.use_directory_urls,
        repository=options.repository,
        branch=options.branch,
        suggest_url=options.suggest_url,
        contact_email=options.contact_email,
        published=options.published,
        identity=Identity.from_options(options),
        statement=StatementOptions.from_options(options),
        edit_uri=config.edit_uri,
        repo_url=config.repo_url,
        markdown_extensions=config.markdown_extensions,
        markdown_configs=config.mdx_configs,
        config_file=Path(config.config_file_path).name,
        read_feed_settings=feed_settings_of,
    )


class SettingsError(Exception):
    """MkDocs refused the settings; `lines` are its own messages, as `mkdocs build` shows them."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        super().__init__("\n".join(lines))


def read_settings(config_file: Path) -> SiteConfig:
    """mkdocs.yml as MkDocs reads it, in the core's terms: what the plugin would get in `on_config`."""
    read_as_written(config_file)  # a missing file and broken YAML come out as the plugin's messages
    config = _load(config_file)
    plugin = config.plugins.get(PLUGIN)
    if plugin is not None:
        return site_config(config, plugin.config)
    options = CommunitiesConfig()  # a project without the plugin in its settings: every default
    options.load_dict({})
    options.validate()
    return site_config(config, options)


def _load(config_file: Path) -> MkDocsConfig:
    """MkDocs' `load_config`, with its errors kept for the caller instead of logged."""
    errors: list[str] = []
    handler = _Collect(errors)
    logger = logging.getLogger("mkdocs.config")
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        return load_config(str(config_file), config_file_path=str(config_file))
    except (MkDocsException, SystemExit) as error:  # MkDocs' Abort is a SystemExit too
        raise SettingsError(errors or [str(error)]) from None
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


class _Collect(logging.Handler):
    def __init__(self, errors: list[str]) -> None:
        super().__init__(logging.ERROR)
        self.errors = errors

    def emit(self, record: logging.LogRecord) -> None:
        self.errors.append(record.getMessage())


class Tagged:
    """A value with a YAML tag that only the builder understands (`!!python/name:…`): kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _AsWritten(yaml.SafeLoader):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    return Tagged(node.tag, node)


_AsWritten.add_constructor("!ENV", yaml_env_tag.construct_env_tag)
_AsWritten.add_multi_constructor("!", _construct_tagged)
_AsWritten.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)


def feed_settings_of(content: bytes) -> FeedSettings | None:
    """What one version of mkdocs.yml gives the feeds' VEVENTs, as `site_config` would make it: for
    the history (`stamps/history.py`), which replays old versions. None when it cannot be read."""
    try:
        data = yaml.load(content.decode("utf-8-sig"), Loader=_AsWritten)  # noqa: S506 (as in read_as_written)
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    plugins = data.get("plugins")
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else [next(iter(item.items())) for item in plugins or [] if isinstance(item, dict) and len(item) == 1]
    )
    options = next((value for key, value in entries if key == PLUGIN and isinstance(value, dict)), {})
    site_url, contact_email = data.get("site_url"), options.get("contact_email")
    return FeedSettings(
        _directory_url(site_url) if isinstance(site_url, str) else "",
        contact_email if isinstance(contact_email, str) else "",
    )


def _directory_url(url: str) -> str:
    """`site_url` as MkDocs keeps it (config_options.URL with is_dir): its path ends in a slash."""
    if not url:
        return ""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path if parts.path.endswith("/") else f"{parts.path}/"))


def read_as_written(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as data, for a copy of it: `!ENV` read as MkDocs reads it, any other tag kept as written."""
    text = config_file.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_AsWritten)  # noqa: S506 (a SafeLoader that keeps unknown tags)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise DataError([Problem(config_file.name, line, column, "yaml_syntax")]) from None
    return data if isinstance(data, dict) else {}
