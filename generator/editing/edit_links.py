"""Where each generated page comes from in the data files, for the "Bewerk deze pagina" link.

An event or community page points at its own entry (GitHub's file view takes a line anchor, its
editor does not); a page built from a whole file points at the editor of that file.
"""

from __future__ import annotations

from ..catalogue import urls
from ..catalogue.filters import agenda_filters
from ..data.contract.network import Network
from ..data.reading.files import DataFiles


def page_sources(network: Network, files: DataFiles) -> dict[str, tuple[str, int | None]]:
    """For each generated page (by its Markdown path): the data file and, for single entries, the line."""
    whole_files = {
        "agenda": files.events,
        "archive": files.events,
        "communities": files.communities,
        "themes": files.communities,
        "external": files.external_communities,
    }
    sources: dict[str, tuple[str, int | None]] = {
        urls.LIST_PAGES[name]: (file, None) for name, file in whole_files.items()
    }
    for part in agenda_filters(network):
        sources[part.source] = (files.events, None)
    for event in network.events:
        sources[urls.event_source(event.id)] = (event.source.file, event.source.line)
    for community in network.communities:
        sources[urls.community_source(community.id)] = (community.source.file, community.source.line)
    for theme in network.themes:
        sources[urls.theme_source(theme.id)] = (theme.source.file, theme.source.line)
    return sources


def edit_url(repository: str, branch: str, file: str, line: int | None) -> str:
    base = repository.rstrip("/")
    if line is None:
        return f"{base}/edit/{branch}/{file}"
    return f"{base}/blob/{branch}/{file}#L{line}"
