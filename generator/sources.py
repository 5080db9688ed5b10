"""Where each generated page comes from in the data files, for the "Bewerk deze pagina" link.

An event or community page points at its own entry (GitHub's file view takes a line anchor, its
editor does not); a page built from a whole file points at the editor of that file.
"""

from __future__ import annotations

from .validate import DataFiles, Loaded


def page_sources(loaded: Loaded, files: DataFiles) -> dict[str, tuple[str, int | None]]:
    """For each generated page (by its Markdown path): the data file and, for single entries, the line."""
    sources: dict[str, tuple[str, int | None]] = {
        "agenda/index.md": (files.events, None),
        "agenda/archief.md": (files.events, None),
        "communities/index.md": (files.communities, None),
        "themas/index.md": (files.communities, None),
        "externe-communities.md": (files.external_communities, None),
    }
    lists = (
        (files.events, "events", "agenda"),
        (files.communities, "communities", "communities"),
        (files.communities, "themes", "themas"),
    )
    for name, list_key, folder in lists:
        document = loaded.documents[name]
        for index, entry in enumerate(document.data.get(list_key) or []):
            sources[f"{folder}/{entry['id']}.md"] = (name, document.position((list_key, index))[0])
    return sources


def edit_url(repository: str, branch: str, file: str, line: int | None) -> str:
    base = repository.rstrip("/")
    if line is None:
        return f"{base}/edit/{branch}/{file}"
    return f"{base}/blob/{branch}/{file}#L{line}"
