"""The MkDocs plugin: a thin adapter that hands the core's pages to MkDocs.

All work happens in plain modules; this file only wires MkDocs events to them. Validation and
rendering run in `on_config`, before MkDocs cleans the output folder, so no mistake (in the data, or
a content page in the place of a generated one) ever touches a site that was built before.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markdown import Markdown
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import moments
from .errors import DataError
from .feeds import render_feeds
from .messages import format_problem
from .network import Network
from .pages import SiteSettings, render_home, render_pages
from .sources import edit_url, page_sources
from .theme_fixes import fix_theme_markup
from .validate import DataFiles, load

STYLESHEET = "assets/stylesheets/gc.css"
SCRIPT = "assets/javascripts/gc.js"
PACKAGE = Path(__file__).parent
NOT_FOUND_PAGE = "404.md"


class CommunitiesConfig(Config):
    communities = c.Type(str, default="communities.yaml")
    """The communities and themes file, relative to mkdocs.yml."""

    events = c.Type(str, default="events.yaml")
    """The events file, relative to mkdocs.yml."""

    external_communities = c.Type(str, default="external_communities.yaml")
    """The external communities file, relative to mkdocs.yml."""

    repository = c.Type(str, default="")
    """The repository on GitHub, e.g. https://github.com/org/repo: for the "Bewerk deze pagina" links."""

    branch = c.Type(str, default="main")
    """The branch editors change, for the "Bewerk deze pagina" links."""

    suggest_url = c.Type(str, default="")
    """Where "Stel een community voor" goes; by default the issue form in the repository."""


class CommunitiesPlugin(BasePlugin[CommunitiesConfig]):
    network: Network

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_files = DataFiles(
            root, self.config.communities, self.config.events, self.config.external_communities
        )
        try:
            loaded = load(self.data_files)
        except DataError as error:
            lines = [format_problem(problem) for problem in error.problems]
            lines.append("De site is niet gebouwd: los eerst de problemen hierboven op.")
            raise PluginError("\n".join(lines)) from None
        self.network = loaded.network
        self.sources = page_sources(loaded, self.data_files)
        self.now = moments.now()
        if not config.site_url:
            raise PluginError("mkdocs.yml: zet site_url, bijvoorbeeld site_url: https://communities.example.nl/. "
                              "De agenda-bestanden hebben dat adres nodig.")
        if not config.use_directory_urls:
            # The generated pages link to each other as folders (agenda/x/), like the rest of the site.
            raise PluginError("mkdocs.yml: de generator werkt alleen met use_directory_urls: true.")
        repository = self.config.repository.rstrip("/")
        form = f"{repository}/issues/new?template=externe-community.yml" if repository else ""
        suggest_url = self.config.suggest_url or form
        self.settings = SiteSettings(site_url=config.site_url, suggest_url=suggest_url)
        if repository and not config.edit_uri and not config.repo_url:
            docs = Path(config.docs_dir).relative_to(root).as_posix()
            config.edit_uri = f"{repository}/edit/{self.config.branch}/{docs}/"
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        overrides = str(PACKAGE / "overrides")
        if overrides not in config.theme.dirs:
            config.theme.dirs.insert(0, overrides)
        self.pages = render_pages(self.network, self.now, self.settings)
        self.feeds = render_feeds(self.network, self.now, self.settings.site_url)
        docs = Path(config.docs_dir)
        folder = docs.relative_to(root).as_posix()
        taken = [page.path for page in self.pages if (docs / page.path).exists()]
        if taken:
            message = "deze pagina maakt de generator zelf. Haal het bestand weg."
            raise PluginError("\n".join(f"{folder}/{path}: {message}" for path in taken))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for page in self.pages:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.content, inclusion=inclusion))
        for feed in self.feeds:
            files.append(File.generated(config, feed.path, content=feed.content))
        for target, name in ((STYLESHEET, "gc.css"), (SCRIPT, "gc.js")):
            files.append(File.generated(config, target, content=(PACKAGE / "assets" / name).read_bytes()))
        return files

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """The theme's 404 template shows the editors' own `content/404.md`."""
        source = Path(config.docs_dir) / NOT_FOUND_PAGE
        if source.is_file():
            converter = Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
            env.globals["not_found_html"] = Markup(converter.convert(source.read_text(encoding="utf-8")))
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        source = self.sources.get(page.file.src_uri)
        if source and self.config.repository:
            page.edit_url = edit_url(self.config.repository, self.config.branch, *source)
        if page.file.src_uri != "index.md":
            return markdown
        return f"{markdown}\n\n{render_home(self.network, self.now, self.settings)}"

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return fix_theme_markup(output)

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig) -> str:
        return fix_theme_markup(output_content)

    def on_serve(self, server, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        for name in (self.data_files.communities, self.data_files.events, self.data_files.external_communities):
            server.watch(str(self.data_files.root / name))
        return server
