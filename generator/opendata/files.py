"""The open data files, at fixed addresses: the content page open-data.md names each of them.

Every file is a pure function of the data, its git history and the build's "now", so the same input
and SOURCE_DATE_EPOCH give the same bytes: keys sorted, items in a fixed order (events by start, end
and id; themes and communities by id; external communities by name and address), UTF-8 without
escapes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ..catalogue import urls
from ..catalogue.identity import NEUTRAL, Identity
from ..data.contract.models import Community, Event, ExternalCommunity, Theme
from ..data.contract.network import Network
from ..ical.memory import History
from . import atom
from .records import (
    COMMUNITY_FIELDS,
    EVENT_FIELDS,
    EXTERNAL_FIELDS,
    THEME_FIELDS,
    Context,
    Schema,
    definitions,
    record,
)

LICENSE = "https://creativecommons.org/publicdomain/zero/1.0/"
"""CC0: the norm of the Dutch government for open data; anyone may reuse the data without asking."""


@dataclass(frozen=True)
class OpenDataFile:
    path: str
    content: bytes


def render_open_data(
    network: Network, now: datetime, site_url: str, history: History, identity: Identity = NEUTRAL
) -> list[OpenDataFile]:
    context = Context(site_url, history)
    agenda = {"events": [record(event, EVENT_FIELDS, context) for event in network.events]}
    communities = {
        "themes": [record(theme, THEME_FIELDS, context) for theme in sorted(network.themes, key=lambda t: t.id)],
        "communities": [
            record(community, COMMUNITY_FIELDS, context)
            for community in sorted(network.communities, key=lambda c: c.id)
        ],
        "external_communities": [
            record(external, EXTERNAL_FIELDS, context)
            for external in sorted(network.external, key=lambda x: (x.name, x.url))
        ],
    }
    agenda_schema = _schema(
        site_url,
        urls.AGENDA_SCHEMA,
        f"Agenda van {identity.communities}",
        {"events": ("Alle evenementen, ook die geweest zijn en die niet doorgaan.", Event)},
        definitions({Event: EVENT_FIELDS}),
    )
    communities_schema = _schema(
        site_url,
        urls.COMMUNITIES_SCHEMA,
        f"Thema's en community's van {identity.network}, en externe community's",
        {
            "themes": ("De thema's.", Theme),
            "communities": (f"De community's van {identity.network}.", Community),
            "external_communities": (f"Community's buiten {identity.network}.", ExternalCommunity),
        },
        definitions({Theme: THEME_FIELDS, Community: COMMUNITY_FIELDS, ExternalCommunity: EXTERNAL_FIELDS}),
    )
    return [
        OpenDataFile(urls.AGENDA_JSON, _json(_document(site_url, urls.AGENDA_SCHEMA, agenda))),
        OpenDataFile(urls.COMMUNITIES_JSON, _json(_document(site_url, urls.COMMUNITIES_SCHEMA, communities))),
        OpenDataFile(urls.AGENDA_SCHEMA, _json(agenda_schema)),
        OpenDataFile(urls.COMMUNITIES_SCHEMA, _json(communities_schema)),
        OpenDataFile(urls.ATOM_FEED, atom.render_atom(network, now, site_url, history, identity)),
    ]


def _document(site_url: str, schema_path: str, lists: dict[str, Any]) -> dict[str, Any]:
    """A data file: its lists, with its schema, its licence and the page that explains it."""
    about = urls.absolute(site_url, urls.page_url(urls.OPEN_DATA_PAGE))
    return {"$schema": urls.absolute(site_url, schema_path), "license": LICENSE, "about": about, **lists}


def _schema(site_url: str, path: str, title: str, lists: dict[str, tuple[str, type]], defs: Schema) -> Schema:
    uri = {"type": "string", "format": "uri"}
    properties: Schema = {
        "$schema": uri | {"description": "Adres van dit schema."},
        "license": uri | {"const": LICENSE, "description": "De licentie: CC0, vrij te gebruiken."},
        "about": uri | {"description": "Adres van de pagina die de data uitlegt."},
    }
    properties |= {
        name: {"type": "array", "description": text, "items": {"$ref": f"#/$defs/{model.__name__}"}}
        for name, (text, model) in lists.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": urls.absolute(site_url, path),
        "title": title,
        "type": "object",
        "additionalProperties": False,
        "required": sorted(properties),
        "properties": properties,
        "$defs": defs,
    }


def _json(value: Any) -> bytes:
    """Compact: with `indent`, the json module writes in Python instead of C, ten times slower (0.3 s
    for 2,000 events); a reader's browser or `jq` lays it out."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
