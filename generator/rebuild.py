"""What a rebuild of `mkdocs serve --dirty` may keep from the build before: pure functions, no builder.

MkDocs' `--dirty` skips a file that says it has not changed (`File.is_modified`), and a generated file
always says it has. After a one-line change in events.yaml nearly every event page and feed comes out
the same, so the plugin keeps a `Memory` of what the previous build wrote, and lets the files that
`Memory.kept` names say no: MkDocs then neither renders nor writes them.

Only pages outside the navigation are kept (the navigation is in every page), and only while the
settings, the editors' pages and the front matter of the pages in the navigation stay as they were
(`build_context`); any other change, or a build that showed the problems page, rebuilds everything.

Material's search index under `--dirty` expects one rebuilt page: with more, it drops the entries of
the others. `search_entries` puts back those of the pages not built again, from the previous build, in
the order of a whole build: the served site is the same as after a whole build, search index included.
(A search of its own instead of the theme's, such as Pagefind, makes that part moot.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .build import SiteBuild

SearchEntry = dict[str, Any]
"""One entry of Material's search index: `location` is the page's address, with `#anchor` for a part."""


@dataclass
class Memory:
    context: tuple[object, ...] | None = None
    written: dict[str, str | bytes] = field(default_factory=dict)
    """What the previous build wrote of each generated file that can be kept."""
    searched: dict[str, list[SearchEntry]] = field(default_factory=dict)
    """The previous build's search entries, by the address of their page."""

    def kept(self, site: SiteBuild, context: tuple[object, ...] | None) -> set[str]:
        """The paths of the generated files the previous build wrote the same, in the same `context`
        (`build_context`); with None, nothing is kept or remembered."""
        previous = self.written if context is not None and context == self.context else {}
        self.context, self.written = context, {}
        if context is not None:
            self.written = {page.path: page.content for page in site.pages if not page.in_nav}
            self.written.update((item.path, item.content) for item in site.files)
        return {path for path, content in self.written.items() if previous.get(path) == content}

    def search_entries(self, entries: Sequence[SearchEntry], pages: Sequence[str]) -> list[SearchEntry] | None:
        """The search index's entries with those of the pages not built this time (kept, or left alone
        by `--dirty`) put back from the previous build; `pages` are the addresses of all pages, in the
        order of a whole build. None: the entries are right as they are."""
        found = defaultdict(list)
        for entry in entries:
            found[entry["location"].partition("#")[0]].append(entry)
        merged = None
        # Material drops every entry of the previous build when the first page it indexed is the home page
        # (every address starts with ""): `found` then holds exactly the pages built this time.
        if pages and pages[0] == "" and "" in found and self.searched:
            found = defaultdict(list, {url: found.get(url) or self.searched.get(url, []) for url in pages})
            merged = [entry for url in pages for entry in found[url]]
        self.searched = found
        return merged


def build_context(site: SiteBuild, settings: bytes, editors_pages: list[tuple[str, int]]) -> tuple[object, ...]:
    """What a kept page's HTML depends on besides its own content: the settings (mkdocs.yml as bytes),
    the editors' pages (by path and time of change) and the front matter of the generated pages in the
    navigation."""
    navigation = tuple(page.content.partition("\n---\n")[0] for page in site.pages if page.in_nav)
    return settings, tuple(editors_pages), navigation, tuple(sorted(site.extra.items()))
