"""Pydantic's validation errors in the editors' terms: a message key, the place, and a suggestion."""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..contract.models import EDITOR_WORDS, OPTIONAL_LISTS
from ..reading.loader import Document, Loc
from ..wording import invisible
from ..wording.problems import Problem

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


def translate(error: ValidationError, document: Document, root: type[BaseModel]) -> Iterator[Problem]:
    for detail in error.errors():
        loc: Loc = tuple(detail["loc"])
        kind = detail["type"]
        context = dict(detail.get("ctx") or {})
        field = next((part for part in reversed(loc) if isinstance(part, str)), "")
        if kind == "extra_forbidden":
            yield _unknown_field(document, root, loc, field)
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
            word = EDITOR_WORDS.get(given.strip().lower())
            suggestion = word if word in choices else suggest(given, choices)
            hint: dict[str, Any] = invisible.hint(given)
            if not isinstance(detail["input"], str):  # a list or a mapping: no typo to hint at in Python's notation
                given, suggestion, hint = _as_yaml(detail["input"]), None, {}
            yield document.problem(
                loc, "not_one_of", field=field, value=given, choices=", ".join(choices), suggestion=suggestion, **hint
            )
        elif "at" in context:  # a problem on one line of a text over several lines: that line
            line, column = document.inside(loc, context.pop("at"), context.pop("near", ""))
            yield Problem(document.file, line, column, _TYPE_KEYS.get(kind, kind), {"field": field, **context})
        else:
            key = _TYPE_KEYS.get(kind, kind)
            yield document.problem(loc, key, field=field, **context)


def _unknown_field(document: Document, root: type[BaseModel], loc: Loc, field: str) -> Problem:
    """A field that does not exist here; often one that exists one level up or down (indentation)."""
    model = model_at(root, loc[:-1])
    parent = next((part for part in reversed(loc[:-1]) if isinstance(part, str)), None)
    if parent is not None and not isinstance(loc[-2], int) and field in model_at(root, loc[:-2]).model_fields:
        return document.problem(loc, "field_too_deep", at_key=True, field=field, parent=parent)
    inside = next(
        (name for name in model.model_fields if field in getattr(submodel(model, name), "model_fields", ())), None
    )
    if inside is not None:
        return document.problem(loc, "field_too_shallow", at_key=True, field=field, parent=inside)
    suggestion = suggest(field, list(model.model_fields))
    return document.problem(loc, "unknown_field", at_key=True, field=field, suggestion=suggestion)


def _as_yaml(value: object) -> str:
    """A value as the editor wrote it in flow style (`[nl, en]`), not as Python prints it (`['nl', 'en']`)."""
    return (
        yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000)
        .strip()
        .removesuffix("...")
        .strip()
    )


def top_keys(model: type[BaseModel]) -> str:
    """The lists a file must have, as an editor writes them; not the ones it may leave out."""
    return ", ".join(f"{name}:" for name in model.model_fields if name not in OPTIONAL_LISTS)


# How alike a typed value and a choice must be to suggest it: `titel` and `title` are 0.8 alike,
# `community-data` and `community-dienstverlening` (another community, not a typo) 0.62.
SIMILAR_ENOUGH = 0.75


def suggest(given: str, choices: Iterable[str]) -> str | None:
    """The closest choice, or else the only one that contains what was typed (`data` → `community-data`)."""
    options = sorted(choices)
    matches = difflib.get_close_matches(given, options, n=1, cutoff=SIMILAR_ENOUGH)
    if matches:
        return matches[0]
    containing = [option for option in options if given and given.lower() in option]
    return containing[0] if len(containing) == 1 else None


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The model class that validates the mapping at `loc`, to suggest its field names."""
    model = root
    for part in loc:
        if isinstance(part, int):
            continue
        model = submodel(model, part) or model
    return model


def submodel(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """The model of the field `name` (or of its list items), if it holds a mapping."""
    field = model.model_fields.get(name)
    return next(_models_in(field.annotation), None) if field is not None else None


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _models_in(argument)
