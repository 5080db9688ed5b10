"""The MkDocs plugin: wiring only. It hands the core's `build_site()` result to MkDocs.

Its options and their reading are in `settings.py` (shared with `render`), where each generated page
lives is `GeneratedPage`'s to say, and what `mkdocs serve --dirty` keeps is `rebuild.py`'s; here are
MkDocs' events, the files MkDocs reads and writes, and its log.

The core runs in `on_config`, before MkDocs cleans the output folder, so no mistake (in the data,
the settings, or a content page in the place of a generated one) ever touches a site that was built
before.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page

from ..build import SiteBuild, build_site
from ..catalogue.urls import HOME_PAGE
from ..data.contract import moments
from ..data.wording.messages import format_problem, problems_page
from ..data.wording.problems import DataError
from ..pages.render import GeneratedPage
from ..rebuild import Memory, build_context
from ..release import DISTRIBUTION, VERSION
from ..settings import CommunitiesConfig, site_config
from ..theme.fixes import fix_theme_markup

log = get_plugin_logger("communities")


NOT_BUILT = "De site is niet gebouwd: los eerst de problemen hierboven op."
SHOWN_IN_BROWSER = "De browser laat de problemen zien tot ze opgelost zijn."


class CommunitiesPlugin(BasePlugin[CommunitiesConfig]):
    site: SiteBuild
    generated: dict[str, GeneratedPage]
    """The generated pages by their Markdown path, whose HTML the plugin puts in without Markdown."""
    serving = False
    keep_unchanged = False
    """`mkdocs serve --dirty`: generated files a rebuild writes the same are kept (rebuild.py)."""
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
        # In MkDocs' own order of a folder, each generated page in the place of its file (`GeneratedPage.file`,
        # where `render --out` writes it): the navigation, the search index and the sitemap come out the
        # same as when the pages are written out.
        places = {
            page.path: File(page.file, None, config.site_dir, config.use_directory_urls) for page in self.site.pages
        }

        def place(file: File) -> tuple[object, ...]:
            return tuple(file_sort_key(places.get(file.src_uri) or file))

        self.files = Files(sorted(files, key=place))
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
            data = json.loads(index.read_text(encoding="utf-8"))
            entries = self.memory.search_entries(data["docs"], pages)
            if entries is not None:
                data["docs"] = entries
                index.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")

    def _dirty_context(self, files: Files, config: MkDocsConfig) -> tuple[object, ...] | None:
        """For `mkdocs serve --dirty`, what generated pages depend on besides their content (rebuild.py)."""
        if not self.keep_unchanged or self.problems_page:
            return None
        editors_pages = [
            (file.src_uri, Path(file.abs_src_path).stat().st_mtime_ns)
            for file in files.documentation_pages()
            if file.abs_src_path is not None
        ]
        return build_context(self.site, Path(config.config_file_path).read_bytes(), editors_pages)

    def on_post_page(self, output: str, **_: Any) -> str:
        return fix_theme_markup(output)

    def on_post_template(self, output_content: str, **_: Any) -> str:
        return fix_theme_markup(output_content)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        for path in self.settings.files.paths:
            server.watch(str(path))
        return server


class _Kept(File):
    """A generated file that the previous build of `mkdocs serve --dirty` wrote the same (rebuild.py)."""

    def is_modified(self) -> bool:
        return False
