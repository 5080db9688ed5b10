"""The MkDocs plugin: wiring only. It hands the core's `build_site()` result to MkDocs.

Its options and their reading are in `settings.py` (shared with `render`), where each generated page
lives is `GeneratedPage`'s to say, what `mkdocs serve --dirty` keeps is `rebuild.py`'s, and the search
index is `search/indexing.py`'s; here are MkDocs' events, the files MkDocs reads and writes, and its log.

The core runs in `on_config`, before MkDocs cleans the output folder, so no mistake (in the data,
the settings, or a content page in the place of a generated one) ever touches a site that was built
before. And `mkdocs build` writes into a new folder next to the output folder (`Swap`), which takes
the old one's place only when the whole build went well: a build that fails half-way (a disk that is
full, a file that cannot be written) leaves the site that was there as it was, byte for byte.
`mkdocs serve` builds into a folder of its own and is left alone.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel, file_sort_key
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from ..build import SiteBuild, build_site, in_ci, stamps_warning
from ..catalogue.urls import HOME_PAGE
from ..data.contract import moments
from ..data.wording.messages import format_problem, problems_page
from ..data.wording.problems import DataError
from ..pages.render import GeneratedPage
from ..rebuild import Memory, build_context
from ..release import DISTRIBUTION, VERSION
from ..search.indexing import SearchIndexError, index_site
from ..settings import CommunitiesConfig, site_config
from ..tree import THEME_SEARCH

log = get_plugin_logger("communities")


NOT_BUILT = "De site is niet gebouwd: los eerst de problemen hierboven op."
SHOWN_IN_BROWSER = "De browser laat de problemen zien tot ze opgelost zijn."
FAILED = "De site is niet gebouwd. De vorige versie in {folder} is niet veranderd."
THEME_SEARCH_ON = (
    "De zoekfunctie van het thema staat nog aan (plugins: search in mkdocs.yml). De site heeft nu een eigen "
    "zoekfunctie; haal search weg uit plugins, dan wordt de bouw sneller."
)


class Swap:
    """A build into a new folder next to the output folder, that takes the output folder's place at
    the end: on the same disk, so that the swap is a rename and nothing is half there."""

    def __init__(self, config: MkDocsConfig, *, keep: bool) -> None:
        self.config = config
        self.target = target = Path(config.site_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Not mkdtemp: its folder only its owner may read, and the folder becomes the site.
        self.folder = target.with_name(f".{target.name}-nieuw-{secrets.token_hex(4)}")
        self.folder.mkdir()
        if keep and target.is_dir():  # `mkdocs build --dirty` writes only what changed, over the old site
            shutil.copytree(target, self.folder, dirs_exist_ok=True)
        config.site_dir = str(self.folder)

    def finish(self) -> None:
        """The new site in the place of the old one."""
        self.config.site_dir = str(self.target)
        if not self.target.exists():
            self.folder.rename(self.target)
            return
        old = self.folder.with_name(self.folder.name.replace("-nieuw-", "-oud-"))
        try:
            self.target.rename(old)
        except OSError:  # a mount point or a folder in use: the old site's files are replaced instead
            shutil.rmtree(self.target, ignore_errors=True)
            shutil.copytree(self.folder, self.target, dirs_exist_ok=True)
            shutil.rmtree(self.folder)
            return
        try:
            self.folder.rename(self.target)
        except OSError:
            old.rename(self.target)
            raise
        shutil.rmtree(old, ignore_errors=True)

    def cancel(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.config.site_dir = str(self.target)


def _strict_warnings() -> bool:
    """`mkdocs build --strict` counted warnings: it fails right after the last plugin's `on_post_build`."""
    handlers = logging.getLogger("mkdocs").handlers
    return any(isinstance(handler, CountHandler) and handler.get_counts() for handler in handlers)


class CommunitiesPlugin(BasePlugin[CommunitiesConfig]):
    site: SiteBuild
    generated: dict[str, GeneratedPage]
    """The generated pages by their Markdown path, whose HTML the plugin puts in without Markdown."""
    serving = False
    keep_unchanged = False
    """`mkdocs serve --dirty`: generated files a rebuild writes the same are kept (rebuild.py)."""
    dirty = False
    memory = Memory()
    problems_page = ""
    """While `mkdocs serve` runs and the data is broken: the page every address shows instead."""
    swap: Swap | None = None
    require_history: bool | None = None
    """Stop when the feeds' stamps would not come from the whole git history (`build.build_site`).
    None: in a strict build in CI (`mkdocs build --strict` with CI or GITHUB_ACTIONS set). A test that
    builds a copy without git sets it to False."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty = dirty
        self.keep_unchanged = self.serving and dirty
        self.memory = Memory()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        log.info(f"{DISTRIBUTION} {VERSION}")  # which release built the site, for a build log read after an upgrade
        self.settings = site_config(config, self.config)
        try:
            required = self.require_history if self.require_history is not None else config.strict and in_ci()
            self.site = build_site(self.settings, moments.now(), require_history=required)
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
        if self.site.history_missing and not config.strict:
            log.warning(stamps_warning(self.site.history_missing))
        if any(name in config.plugins for name in THEME_SEARCH):  # a site `init` made before: it still builds
            log.info(THEME_SEARCH_ON)
        if self.site.edit_uri:
            config.edit_uri = self.site.edit_uri
        config.extra_css.extend(path for path in self.site.stylesheets if path not in config.extra_css)
        scripts = [str(script) for script in config.extra_javascript]
        config.extra_javascript.extend(path for path in self.site.scripts if path not in scripts)
        if str(self.site.theme_dir) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(self.site.theme_dir))
        config.extra.update(self.site.extra)
        if not self.serving:
            self.swap = Swap(config, keep=self.dirty)
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
        for path, text in self.site.filled.items():
            editors = files.get_file_from_path(path)
            if editors is not None:
                editors.content_string = text
        # In MkDocs' own order of a folder, each generated page in the place of its file (`GeneratedPage.file`,
        # where `render --out` writes it): the navigation and the sitemap come out the same as when the
        # pages are written out.
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

    @event_priority(-1000)  # after every other plugin: the search indexes the site as it is written
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        if self.swap is not None and not (config.strict and _strict_warnings()):
            self.swap.finish()  # when it fails, on_build_error takes the new folder away
            self.swap = None

    def on_build_error(self, *, error: Exception) -> None:
        swap, self.swap = self.swap, None
        if swap is not None:
            swap.cancel()
            log.error(FAILED.format(folder=f"{swap.target.name}/"))

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

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        for path in self.settings.files.paths:
            server.watch(str(path))
        return server


class _Kept(File):
    """A generated file that the previous build of `mkdocs serve --dirty` wrote the same (rebuild.py)."""

    def is_modified(self) -> bool:
        return False
