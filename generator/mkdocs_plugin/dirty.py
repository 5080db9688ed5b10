"""`mkdocs serve --dirty`: the generated pages and files a rebuild writes the same as before are kept.

MkDocs' `--dirty` skips a file that says it has not changed (`File.is_modified`), and a generated file
always says it has. After a one-line change in events.yaml nearly every event page and feed comes out
the same, so the plugin remembers what the previous build wrote and lets those files say no: MkDocs
then neither renders nor writes them, and Material's search keeps their entries from that build.

Only pages outside the navigation are kept (the navigation is in every page), and only while the
settings, the editors' pages and the front matter of the pages in the navigation stay as they were;
any other change, or a build that showed the problems page, rebuilds everything.

Material's search index under `--dirty` expects one rebuilt page: with more, it drops the entries of
the others. `search_index` puts back those of the pages not built again, from the previous build, in
the order of a whole build: the served site is the same as after a whole build, search index included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..build import SiteBuild


@dataclass
class Memory:
    context: tuple[object, ...] | None = None
    written: dict[str, str | bytes] = field(default_factory=dict)
    """What the previous build wrote of each generated file that can be kept."""
    searched: dict[str, list[Any]] = field(default_factory=dict)
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


def build_context(site: SiteBuild, config_file: Path, editors_pages: list[tuple[str, int]]) -> tuple[object, ...]:
    """What a kept page's HTML depends on besides its own content: the settings, the editors' pages (by
    path and time of change) and the front matter of the generated pages in the navigation."""
    navigation = tuple(page.content.partition("\n---\n")[0] for page in site.pages if page.in_nav)
    return config_file.read_bytes(), tuple(editors_pages), navigation, tuple(sorted(site.extra.items()))


def search_index(memory: Memory, index: Path, pages: list[str]) -> None:
    """Material's search index at `index` with the entries of the pages not built this time (kept, or
    left alone by MkDocs' `--dirty`) put back from the previous build; `pages` are the addresses of
    all pages, in the order of a whole build."""
    data = json.loads(index.read_text(encoding="utf-8"))
    entries = defaultdict(list)
    for entry in data["docs"]:
        entries[entry["location"].partition("#")[0]].append(entry)
    # Material drops every entry of the previous build when the first page it indexed is the home page
    # (every address starts with ""): `entries` then hold exactly the pages built this time.
    if pages and pages[0] == "" and "" in entries and memory.searched:
        entries = defaultdict(list, {url: entries.get(url) or memory.searched.get(url, []) for url in pages})
        data["docs"] = [entry for url in pages for entry in entries[url]]
        index.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
    memory.searched = entries
