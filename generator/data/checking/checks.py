"""Checks that span the three files: unique ids and references to communities, themes and kinds of event.

They run on the raw data, not the models, so that one broken event does not hide a wrong
reference elsewhere.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from typing import Any

from ..contract import rules
from ..contract.models import DEFAULT_EVENT_TYPES
from ..reading.loader import Document, Loc
from ..wording.problems import Problem
from .translate import suggest


def cross_checks(
    communities: Document,
    events: Document | None,
    external: Document | None,
    reserved_ids: Mapping[str, Collection[str]],
) -> Iterator[Problem]:
    """`reserved_ids`: by the key of a list ("events"), the ids a page of the site already has."""
    theme_ids = {value for _, value in _ids(communities, "themes")}
    community_ids = {value for _, value in _ids(communities, "communities")}
    yield from _unique(communities, "themes")
    yield from _unique(communities, "communities")
    yield from _references(communities, "communities", "themes", theme_ids, "unknown_theme")
    yield from _reserved(communities, "themes", reserved_ids)
    yield from _reserved(communities, "communities", reserved_ids)
    if events is not None:
        yield from _unique(events, "types")
        yield from _unique(events, "events")
        yield from _event_types(events)
        yield from _references(events, "events", "communities", community_ids, "unknown_community")
        yield from _references(events, "events", "themes", theme_ids, "unknown_theme")
        yield from _reserved(events, "events", reserved_ids)
        yield from _registration_needs_a_link(events)
        yield from _access_features_once(events)
    if external is not None:
        yield from _unique(external, "external_communities", "name")
        yield from _references(external, "external_communities", "themes", theme_ids, "unknown_theme")


def entries(document: Document | None, key: str) -> Iterator[tuple[Loc, dict[str, Any]]]:
    """The mappings in the top-level list `key`, with where they stand; anything else is skipped."""
    if document is None or not isinstance(document.data, dict):
        return
    found = document.data.get(key)
    if isinstance(found, list):
        for index, entry in enumerate(found):
            if isinstance(entry, dict):
                yield (key, index), entry


def _ids(document: Document, key: str, field: str = "id") -> Iterator[tuple[Loc, str]]:
    for loc, entry in entries(document, key):
        if isinstance(entry.get(field), str):
            yield (*loc, field), entry[field]


def _reserved(document: Document, key: str, reserved_ids: Mapping[str, Collection[str]]) -> Iterator[Problem]:
    rule = rules.not_reserved(reserved_ids.get(key, ()))
    for loc, value in _ids(document, key):
        if not rule.passes(value):
            yield document.problem(loc, rule.key, value=value)


def _unique(document: Document, key: str, field: str = "id") -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for loc, value in _ids(document, key, field):
        normalised = value.strip().casefold()
        if normalised in seen:
            yield document.problem(loc, "duplicate_id", field=field, value=value, first=seen[normalised])
        else:
            seen[normalised] = document.position(loc)[0]


def event_type_ids(document: Document | None) -> list[str]:
    """The ids of the network's kinds of event: the list `types` in events.yaml, or else the defaults."""
    declared = [value for _, value in _ids(document, "types")] if document is not None else []
    return declared or list(DEFAULT_EVENT_TYPES)


def _event_types(document: Document) -> Iterator[Problem]:
    """Every event's `type` is one of the network's kinds: the list `types`, or the defaults without it."""
    known = event_type_ids(document)
    choices = ", ".join(known)
    for loc, entry in entries(document, "events"):
        value = entry.get("type")
        if isinstance(value, str) and value not in known:
            yield document.problem(
                (*loc, "type"),
                "not_one_of",
                field="type",
                value=value,
                choices=choices,
                suggestion=suggest(value, known),
            )


def _registration_needs_a_link(document: Document) -> Iterator[Problem]:
    """`full` and `registration_deadline` say something about the registration link: without one,
    the editor most likely forgot it."""
    for loc, entry in entries(document, "events"):
        if entry.get("registration_url") is not None:
            continue
        for field in ("registration_deadline", "full"):
            if field in entry and entry[field] not in (None, False):
                yield document.problem((*loc, field), "registration_without_url", at_key=True, field=field)


def _access_features_once(document: Document) -> Iterator[Problem]:
    for loc, entry in entries(document, "events"):
        access = entry.get("accessibility")
        if isinstance(access, dict):
            yield from _list_problems(document, (*loc, "accessibility", "features"), access.get("features"))


def _references(document: Document, key: str, field: str, known: set[str], message: str) -> Iterator[Problem]:
    for loc, entry in entries(document, key):
        yield from _list_problems(document, (*loc, field), entry.get(field), known, message)


def _list_problems(
    document: Document, loc: Loc, values: Any, known: set[str] | None = None, message: str = ""
) -> Iterator[Problem]:
    """A value twice in the list at `loc`, and (with `known`) a value that is not one of `known`."""
    if not isinstance(values, list):
        return
    field = str(loc[-1])
    seen: set[str] = set()
    for index, value in enumerate(values):
        if not isinstance(value, str):
            continue
        where = (*loc, index)
        if value in seen:
            yield document.problem(where, "duplicate_in_list", field=field, value=value)
        elif known is not None and value not in known:
            yield document.problem(where, message, value=value, suggestion=suggest(value, known))
        seen.add(value)
