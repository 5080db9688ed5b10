"""JSON Schemas of the three editor files, made from the models, for editors' tools.

VS Code (with the YAML extension) and other editors read them through the
`# yaml-language-server: $schema=...` line at the top of each data file: they complete field
names, show the Dutch descriptions and mark mistakes while the editor types.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from ..data.models import CommunitiesFile, EventsFile, ExternalCommunitiesFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "communities.schema.json": (CommunitiesFile, "communities.yaml: thema's en community's"),
    "events.schema.json": (EventsFile, "events.yaml: de agenda"),
    "external_communities.schema.json": (ExternalCommunitiesFile, "external_communities.yaml: externe community's"),
}


def schema_text(model: type[BaseModel], title: str) -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema(), "title": title}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_schemas() -> dict[str, str]:
    return {name: schema_text(model, title) for name, (model, title) in SCHEMAS.items()}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
