"""What a rebuild of `mkdocs serve --dirty` may keep from the build before: pure functions, no builder.

MkDocs' `--dirty` skips a file that says it has not changed (`File.is_modified`), and a generated file
always says it has. After a one-line change in events.yaml nearly every event page and feed comes out
the same, so the plugin keeps a `Memory` of what the previous build wrote, and lets the files that
`Memory.kept` names say no: MkDocs then neither renders nor writes them.

Only pages outside the navigation are kept (the navigation is in every page), and only while the
settings, the editors' pages and the front matter of the pages in the navigation stay as they were
(`build_context`); any other change, or a build that showed the problems page, rebuilds everything.

The site's search needs nothing from here: Pagefind indexes the whole folder after each build, kept
pages included (search/indexing.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .build import SiteBuild


@dataclass
class Memory:
    context: tuple[object, ...] | None = None
    written: dict[str, str | bytes] = field(default_factory=dict)
    """What the previous build wrote of each generated file that can be kept."""

    def kept(self, site: SiteBuild, context: tuple[object, ...] | None) -> set[str]:
        """The paths of the generated files the previous build wrote the same, in the same `context`
        (`build_context`); with None, nothing is kept or remembered."""
        previous = self.written if context is not None and context == self.context else {}
        self.context, self.written = context, {}
        if context is not None:
            self.written = {page.path: page.content for page in site.pages if not page.in_nav}
            self.written.update((item.path, item.content) for item in site.files)
        return {path for path, content in self.written.items() if previous.get(path) == content}


def build_context(site: SiteBuild, settings: bytes, editors_pages: list[tuple[str, int]]) -> tuple[object, ...]:
    """What a kept page's HTML depends on besides its own content: the settings (mkdocs.yml as bytes),
    the editors' pages (by path and time of change) and the front matter of the generated pages in the
    navigation."""
    navigation = tuple(page.content.partition("\n---\n")[0] for page in site.pages if page.in_nav)
    return settings, tuple(editors_pages), navigation, tuple(sorted(site.extra.items()))
