"""From the three editor files to a `Network`, or a `DataError` listing every problem at once.

Each file is read and checked on its own first, then the checks that span files (unique ids,
references to communities and themes) run on the raw data, so that one broken event does not hide
a wrong reference elsewhere.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import yaml_loader
from .errors import DataError, Problem
from .models import CommunitiesFile, EventsFile, ExternalCommunitiesFile
from .network import Network
from .yaml_loader import Document, Loc

RESERVED_EVENT_IDS = frozenset({"archief"})

# Words editors use for yes and no; YAML 1.1 read them as booleans, we ask for true or false.
_BOOLEAN_WORDS = {word: "true" for word in ("ja", "yes", "y", "on", "waar", "wel")} | {
    word: "false" for word in ("nee", "no", "n", "off", "onwaar", "niet")
}

_TYPE_KEYS = {
    "string_type": "not_text",
    "int_type": "not_whole_number",
    "bool_type": "not_bool",
    "list_type": "not_list",
    "model_type": "not_mapping",
    "model_attributes_type": "not_mapping",
    "dict_type": "not_mapping",
    "too_short": "list_empty",
    "string_too_long": "too_long",
    "greater_than_equal": "negative",
}


# An empty value (`start:` with nothing after it) fails these checks with None; say "empty" instead.
_EMPTY_WHEN_NONE = frozenset({*_TYPE_KEYS, "literal_error", "bad_moment"})


@dataclass(frozen=True)
class DataFiles:
    """Where the three editor files are, and how messages name them."""

    root: Path
    communities: str = "communities.yaml"
    events: str = "events.yaml"
    external_communities: str = "external_communities.yaml"


@dataclass(frozen=True)
class Loaded:
    """A valid network, with the loaded files kept for what needs positions later (the review)."""

    network: Network
    documents: dict[str, Document]


def load_network(files: DataFiles) -> Network:
    return load(files).network


def load(files: DataFiles) -> Loaded:
    problems: list[Problem] = []
    documents: dict[str, Document] = {}
    models: dict[str, BaseModel] = {}
    for name, file_model in (
        (files.communities, CommunitiesFile),
        (files.events, EventsFile),
        (files.external_communities, ExternalCommunitiesFile),
    ):
        try:
            document = yaml_loader.load(files.root / name, name)
        except DataError as error:
            problems.extend(error.problems)
            continue
        documents[name] = document
        if not isinstance(document.data, dict):
            problems.append(document.problem((), "top_level", expected=_top_keys(file_model)))
            continue
        try:
            models[name] = file_model.model_validate(document.data)
        except ValidationError as error:
            problems.extend(_translate(error, document, file_model))
    if files.communities in documents:
        problems.extend(
            _cross_checks(
                documents[files.communities],
                documents.get(files.events),
                documents.get(files.external_communities),
            )
        )
    if problems:
        raise DataError(problems)
    communities = typing.cast(CommunitiesFile, models[files.communities])
    events = typing.cast(EventsFile, models[files.events])
    external = typing.cast(ExternalCommunitiesFile, models[files.external_communities])
    network = Network(
        themes=tuple(communities.themes),
        communities=tuple(communities.communities),
        events=tuple(events.events),
        external=tuple(external.external_communities),
    )
    return Loaded(network, documents)


def _top_keys(model: type[BaseModel]) -> str:
    return ", ".join(f"{name}:" for name in model.model_fields)


def _translate(error: ValidationError, document: Document, root: type[BaseModel]) -> Iterator[Problem]:
    for detail in error.errors():
        loc: Loc = tuple(detail["loc"])
        kind = detail["type"]
        context = dict(detail.get("ctx") or {})
        field = next((part for part in reversed(loc) if isinstance(part, str)), "")
        if kind == "extra_forbidden":
            allowed = list(_model_at(root, loc[:-1]).model_fields)
            suggestion = _suggest(field, allowed)
            yield document.problem(loc, "unknown_field", at_key=True, field=field, suggestion=suggestion)
        elif kind == "missing":
            yield document.problem(loc[:-1], "missing", field=field)
        elif detail["input"] is None and kind in _EMPTY_WHEN_NONE:
            yield document.problem(loc, "empty", field=field)
        elif kind == "bool_type":
            suggestion = _BOOLEAN_WORDS.get(str(detail["input"]).lower())
            yield document.problem(loc, "not_bool", field=field, suggestion=suggestion)
        elif kind == "literal_error":
            choices = re.findall(r"'([^']*)'", context.get("expected", ""))
            given = str(detail["input"])
            suggestion = _suggest(given, choices)
            yield document.problem(
                loc, "not_one_of", field=field, value=given, choices=", ".join(choices), suggestion=suggestion
            )
        else:
            key = _TYPE_KEYS.get(kind, kind)
            yield document.problem(loc, key, field=field, **context)


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The model class that validates the mapping at `loc`, to suggest its field names."""
    model = root
    for part in loc:
        if isinstance(part, int):
            continue
        model = next(_models_in(model.model_fields[part].annotation), model)
    return model


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)


def _suggest(given: str, choices: Iterable[str]) -> str | None:
    """The closest choice, or else the only one that contains what was typed (`cx` → `community-cx`)."""
    options = sorted(choices)
    matches = difflib.get_close_matches(given, options, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    containing = [option for option in options if given and given.lower() in option]
    return containing[0] if len(containing) == 1 else None


def _entries(document: Document | None, key: str) -> Iterator[tuple[Loc, dict[str, Any]]]:
    if document is None or not isinstance(document.data, dict):
        return
    entries = document.data.get(key)
    if isinstance(entries, list):
        for index, entry in enumerate(entries):
            if isinstance(entry, dict):
                yield (key, index), entry


def _ids(document: Document, key: str, field: str = "id") -> Iterator[tuple[Loc, str]]:
    for loc, entry in _entries(document, key):
        if isinstance(entry.get(field), str):
            yield (*loc, field), entry[field]


def _unique(document: Document, key: str, field: str = "id") -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for loc, value in _ids(document, key, field):
        normalised = value.strip().casefold()
        if normalised in seen:
            yield document.problem(loc, "duplicate_id", field=field, value=value, first=seen[normalised])
        else:
            seen[normalised] = document.position(loc)[0]


def _references(
    document: Document, key: str, field: str, known: set[str], message: str
) -> Iterator[Problem]:
    for loc, entry in _entries(document, key):
        values = entry.get(field)
        if not isinstance(values, list):
            continue
        seen: set[str] = set()
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            where = (*loc, field, index)
            if value in seen:
                yield document.problem(where, "duplicate_in_list", field=field, value=value)
            elif value not in known:
                yield document.problem(where, message, value=value, suggestion=_suggest(value, known))
            seen.add(value)


def _cross_checks(communities: Document, events: Document | None, external: Document | None) -> Iterator[Problem]:
    theme_ids = {value for _, value in _ids(communities, "themes")}
    community_ids = {value for _, value in _ids(communities, "communities")}
    yield from _unique(communities, "themes")
    yield from _unique(communities, "communities")
    yield from _references(communities, "communities", "themes", theme_ids, "unknown_theme")
    if events is not None:
        yield from _unique(events, "events")
        yield from _references(events, "events", "communities", community_ids, "unknown_community")
        yield from _references(events, "events", "themes", theme_ids, "unknown_theme")
        for loc, value in _ids(events, "events"):
            if value in RESERVED_EVENT_IDS:
                yield events.problem(loc, "reserved_id", value=value)
    if external is not None:
        yield from _unique(external, "external_communities", "name")
        yield from _references(external, "external_communities", "themes", theme_ids, "unknown_theme")
