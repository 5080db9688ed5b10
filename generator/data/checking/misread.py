"""Values that YAML reads differently from what the editor meant, found in the loaded file.

The models see only the values, and these mistakes all give a value that passes: `title: Café #2`
is "Café", a field indented under `description: |` is text of the description, `summary:` with
nothing after it is "no summary". Each would publish something else without a word, so each is
refused here, with where it stands in the file.
"""

from __future__ import annotations

import functools
import itertools
import re
import typing
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ..reading.loader import Document, Loc
from ..wording.problems import Problem
from .translate import model_at, submodel

_FIELD_LINE = re.compile(r"^( *)([a-z_]+):(?: |$)")
# A line that starts a Markdown list item, heading or quote: it only works on a line of its own.
_MARKDOWN_BLOCK = re.compile(r"^( *)(?:[-*+] |#{1,6} |[0-9]+[.)] |> )")


def misread(document: Document, root: type[BaseModel]) -> Iterator[Problem]:
    """Every value in `document` that is probably not what the editor meant."""
    yield from _empty_values(document, root, (), document.data)
    for loc, (line, column) in document.comments_after.items():
        yield Problem(document.file, line, column, "comment_in_value", {"field": _field_of(loc)})
    for loc in document.blocks:
        yield from _fields_in_block(document, root, loc)
        yield from _joined_lines(document, loc)
    for loc in document.flow:
        yield from _comma_in_flow(document, root, loc)


def merge(problems: Iterable[Problem], document: Document, root: type[BaseModel]) -> list[Problem]:
    """The problems, with the two or three that one mistake gives replaced by one.

    `location:` with `venue:` under it at the same indentation is read as an empty `location` and a
    field `venue` that does not exist; the editor needs to hear only that the fields must move right.
    """
    found = list(problems)
    # `end:` left empty on a timed event: the model's own message says more than "empty".
    explained = {(p.line, p.column) for p in found if p.key != "empty"}
    found = [p for p in found if p.key != "empty" or (p.line, p.column) not in explained]
    # `{venue: X, address: Kerkstraat 1, Zwolle}`: "Zwolle" is not an unknown field but half an address.
    commas = {(p.line, p.column) for p in found if p.key == "comma_in_flow"}
    found = [p for p in found if p.key != "unknown_field" or (p.line, p.column) not in commas]
    for loc, fields in _unindented(document, root, (), document.data):
        parent, name = loc[:-1], loc[-1]
        dropped = {(*document.position(loc), "empty")}
        dropped |= {
            (*document.keys[(*parent, field)], key)
            for field in fields
            for key in ("unknown_field", "field_too_shallow")
        }
        found = [p for p in found if (p.line, p.column, p.key) not in dropped]
        found.append(document.problem((*parent, fields[0]), "not_indented", at_key=True, field=name))
    return found


def _field_of(loc: Loc) -> str:
    return next((str(part) for part in reversed(loc) if isinstance(part, str)), "")


def _empty_values(document: Document, model: type[BaseModel], loc: Loc, value: Any) -> Iterator[Problem]:
    """`veld:` with nothing after it: the guide asks to leave out an optional field, never to leave it empty."""
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _empty_values(document, model, (*loc, index), item)
    elif isinstance(value, dict):
        known = model.model_fields
        for name, item in value.items():
            if item is None and name in known:
                key = "empty_list" if typing.get_origin(known[name].annotation) is list else "empty"
                yield document.problem((*loc, name), key, field=name)
            elif isinstance(item, list | dict):
                yield from _empty_values(document, _submodel(model, name) or model, (*loc, name), item)


@functools.cache
def _submodel(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    """`submodel`, remembered: the walks here ask it for every field of every entry (as `model_at`
    would, from the top, for each), and the answer depends on the model class alone."""
    return submodel(model, name)


def _model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """`model_at`, remembered by the field names in `loc`: the list indexes do not change the model,
    and every text block and every `{...}` of every entry asks."""
    return _model_at_names(root, tuple(part for part in loc if isinstance(part, str)))


@functools.cache
def _model_at_names(root: type[BaseModel], names: tuple[str, ...]) -> type[BaseModel]:
    return model_at(root, names)


def _unindented(document: Document, model: type[BaseModel], loc: Loc, value: Any) -> Iterator[tuple[Loc, list[str]]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unindented(document, model, (*loc, index), item)
    if not isinstance(value, dict):
        return
    names = list(value)
    for position, name in enumerate(names):
        inner = _submodel(model, name)
        if value[name] is None and inner is not None:
            following = [n for n in names[position + 1 :] if n in inner.model_fields and n not in model.model_fields]
            if following:
                yield (*loc, name), following
        elif isinstance(value[name], list | dict):
            yield from _unindented(document, inner or model, (*loc, name), value[name])


def _fields_in_block(document: Document, root: type[BaseModel], loc: Loc) -> Iterator[Problem]:
    """A line in `description: |` that reads like a field of the same entry (`status: cancelled`).

    Refused, not a warning: a warning does not stop the build and only shows once the errors are
    gone, so the cancelled event would go out as scheduled. Prose never starts a line with a field
    name in lower case and a colon; an editor who means it can write `Status:`.
    """
    if not loc[:-1] or not isinstance(loc[-1], str):  # a field inside an entry, or nothing to read
        return
    fields = _model_at(root, loc[:-1]).model_fields
    first, last, _ = document.blocks[loc]
    lines = document.lines
    for number in range(first, min(last, len(lines)) + 1):
        match = _FIELD_LINE.match(lines[number - 1])
        if match and match.group(2) in fields and match.group(2) != loc[-1]:
            column = len(match.group(1)) + 1
            yield Problem(document.file, number, column, "field_in_text", {"field": match.group(2), "block": loc[-1]})


def _joined_lines(document: Document, loc: Loc) -> Iterator[Problem]:
    """A list or heading in text that YAML joins into one line (`>`, or no `|`): it would be lost."""
    first, last, style = document.blocks[loc]
    if style == "|":
        return
    lines = document.lines[first - 1 : last]
    indent = min((len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip()), default=0)
    for number, (before, line) in enumerate(itertools.pairwise(lines), start=first + 1):
        block = _MARKDOWN_BLOCK.match(line)
        if block and before.strip() and len(block.group(1)) == indent:
            yield Problem(document.file, number, indent + 1, "joined_lines", {"field": _field_of(loc)})
            return


def _comma_in_flow(document: Document, root: type[BaseModel], loc: Loc) -> Iterator[Problem]:
    """`{venue: Bibliotheek, address: Kerkstraat 1, Zwolle}`: YAML reads `Zwolle` as a new, empty field."""
    mapping = document.data
    for part in loc:
        mapping = mapping[part]
    known = _model_at(root, loc).model_fields
    names = list(mapping)
    for previous, name in itertools.pairwise(names):
        if mapping[name] is None and name not in known:
            yield document.problem((*loc, name), "comma_in_flow", at_key=True, field=previous)
