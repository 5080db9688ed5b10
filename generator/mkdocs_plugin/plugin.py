"""The MkDocs plugin: wiring only. It hands the core's `build_site()` result to MkDocs.

The core runs in `on_config`, before MkDocs cleans the output folder, so no mistake (in the data,
the settings, or a content page in the place of a generated one) ever touches a site that was built
before.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..build import HOME_PAGE, SiteBuild, SiteConfig, build_site
from ..catalogue.identity import Identity
from ..data.contract import moments
from ..data.reading.files import DataFiles
from ..data.wording.messages import format_problem, problems_page
from ..data.wording.problems import DataError
from ..pages.render import GeneratedPage
from ..release import DISTRIBUTION, VERSION
from ..theme.fixes import fix_theme_markup
from ..tree import page_sources
from .dirty import Memory, build_context, search_index

log = get_plugin_logger("communities")


class CommunitiesConfig(Config):
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
        identity=Identity.from_options(options),
        edit_uri=config.edit_uri,
        repo_url=config.repo_url,
        markdown_extensions=config.markdown_extensions,
        markdown_configs=config.mdx_configs,
        config_file=Path(config.config_file_path).name,
    )


NOT_BUILT = "De site is niet gebouwd: los eerst de problemen hierboven op."
SHOWN_IN_BROWSER = "De browser laat de problemen zien tot ze opgelost zijn."


class CommunitiesPlugin(BasePlugin[CommunitiesConfig]):
    site: SiteBuild
    generated: dict[str, GeneratedPage]
    """The generated pages by their Markdown path, whose HTML the plugin puts in without Markdown."""
    serving = False
    keep_unchanged = False
    """`mkdocs serve --dirty`: generated files a rebuild writes the same are kept (dirty.py)."""
    memory = Memory()
    problems_page = ""
    """While `mkdocs serve` runs and the data is broken: the page every address shows instead."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.keep_unchanged = self.serving and dirty
        self.memory = Memory()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        log.info(f"{DISTRIBUTION} {VERSION}")  # which release built the site, for a build log read after an upgrade
        self.settings = site_config(config, self.config)
        try:
            self.site = build_site(self.settings, moments.now())
            self.problems_page = ""
        except DataError as error:
            lines = [format_problem(problem) for problem in error.problems]
            if not (self.serving and hasattr(self, "site")):
                raise PluginError("\n".join([*lines, NOT_BUILT])) from None
            # A rebuild during `mkdocs serve`: the browser that waits for it shows the problems,
            # on the page the editor has open, built from the last data that was right.
            for line in [*lines, f"{NOT_BUILT} {SHOWN_IN_BROWSER}"]:
                log.error(line)
            self.problems_page = problems_page(error.problems)
        for note in self.site.notes:
            log.info(note)  # not a warning: `mkdocs build --strict` must still build a folder without git
        if self.site.edit_uri:
            config.edit_uri = self.site.edit_uri
        config.extra_css.extend(path for path in self.site.stylesheets if path not in config.extra_css)
        scripts = [str(script) for script in config.extra_javascript]
        config.extra_javascript.extend(path for path in self.site.scripts if path not in scripts)
        if str(self.site.theme_dir) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(self.site.theme_dir))
        config.extra.update(self.site.extra)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.generated = {page.path: page for page in self.site.pages}
        kept = self.memory.kept(self.site, self._dirty_context(files, config))
        for page in self.site.pages:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            kind = _Kept if page.path in kept else File
            files.append(kind.generated(config, page.path, content=page.content, inclusion=inclusion))
        for item in self.site.files:
            files.append((_Kept if item.path in kept else File).generated(config, item.path, content=item.content))
        home = files.get_file_from_path(HOME_PAGE)
        if home is not None and self.site.home is not None:
            home.content_string = self.site.home
        # In the order MkDocs reads a folder, as if the generated files were on disk where `render --out`
        # writes them (a page in a folder gets a folder of its own, also in agenda/soort/): the
        # navigation, the search index and the sitemap come out the same as when they are written out.
        written = page_sources(self.site)
        self.files = Files(sorted(files, key=lambda file: _sort_key(written.get(file.src_uri, file.src_uri))))
        return self.files

    def on_page_markdown(self, markdown: str, page: Page, **_: Any) -> str:
        if self.problems_page:
            return self.problems_page
        # A generated page's body is HTML that Markdown would pass on unchanged, after parsing it twice
        # (MkDocs for anchors, md_in_html for blocks): on_page_content puts it in instead.
        return "" if page.file.src_uri in self.generated else markdown

    def on_page_content(self, html: str, page: Page, **_: Any) -> str:
        generated = self.generated.get(page.file.src_uri)
        if generated is None or self.problems_page:
            return html
        page.present_anchor_ids = generated.anchor_ids
        return generated.html

    @event_priority(-100)  # after Material's search has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index = Path(config.site_dir) / "search" / "search_index.json"
        if self.keep_unchanged and index.is_file():
            pages = [file.page.url for file in self.files.documentation_pages() if file.page is not None]
            search_index(self.memory, index, pages)

    def _dirty_context(self, files: Files, config: MkDocsConfig) -> tuple[object, ...] | None:
        """For `mkdocs serve --dirty`, what generated pages depend on besides their content (dirty.py)."""
        if not self.keep_unchanged or self.problems_page:
            return None
        editors_pages = [
            (file.src_uri, Path(file.abs_src_path).stat().st_mtime_ns)
            for file in files.documentation_pages()
            if file.abs_src_path is not None
        ]
        return build_context(self.site, Path(config.config_file_path), editors_pages)

    def on_post_page(self, output: str, **_: Any) -> str:
        return fix_theme_markup(output)

    def on_post_template(self, output_content: str, **_: Any) -> str:
        return fix_theme_markup(output_content)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        for path in self.settings.files.paths:
            server.watch(str(path))
        return server


class _Kept(File):
    """A generated file that the previous build of `mkdocs serve --dirty` wrote the same (dirty.py)."""

    def is_modified(self) -> bool:
        return False


def _sort_key(src_uri: str) -> tuple[tuple[str, ...], bool, str]:
    """MkDocs' `file_sort_key` for a path: index first, folders last, as `get_files` reads them."""
    parts = PurePosixPath(src_uri).parts
    return parts[:-1], PurePosixPath(src_uri).stem != "index", parts[-1] if parts else ""
