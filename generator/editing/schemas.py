"""JSON Schemas of the three editor files, made from the models, for editors' tools.

VS Code (with the YAML extension) and other editors read them through the
`# yaml-language-server: $schema=...` line at the top of each data file: they complete field
names, show the Dutch titles and descriptions and mark mistakes while the editor types.

Pydantic's schema is only the starting point: this module rewrites it so that an editor's tool
refuses what the check refuses, wherever a schema can say it, and says it in the check's Dutch.
The rules and their patterns come from `data/contract/rules.py`, where each is declared once with its
message key; the texts come from `data/wording/messages.py` (`in_a_schema`). Nothing here is a rule of its
own: a constraint of pydantic's schema without a rule there stops `schema`.

- yaml-language-server shows English texts unless a schema node carries `errorMessage` (type,
  enum, const, required, contains) or `patternErrorMessage` (pattern). It ignores both for
  `minLength`, `maxLength`, `minItems`, `minimum`, `uniqueItems` and `not`, so those are written
  as patterns, `contains`, and `if`/`else` with `const`; a value twice in a list (`uniqueItems`)
  is left to the check. An entry's one `errorMessage` would also stand for each missing field and
  each unknown field, so each required field is its own rule and unknown fields are refused by
  `propertyNames`, with their own messages.
- The check refuses an empty value (`summary:` with nothing after it) even where a field is
  optional, with its own message. So a field's type lets null pass, and a rule refuses it with
  that message; the message for a wrong type then only shows for a wrong type.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..catalogue.filters import RESERVED_IDS
from ..data.checking.translate import top_keys
from ..data.contract import fields, rules
from ..data.contract.models import (
    DEFAULT_EVENT_TYPES,
    OPTIONAL_LISTS,
    CommunitiesFile,
    EventsFile,
    ExternalCommunitiesFile,
)
from ..data.wording import messages
from .field_guide import ID_LISTS

Schema = dict[str, Any]
Choices = Mapping[str, Sequence[str]]
"""The values to choose from that a site sets in its own files, by the `x-choices` of a field: the ids of
its kinds of event ("types")."""
DEFAULT_CHOICES: Choices = {"types": list(DEFAULT_EVENT_TYPES)}

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "communities.schema.json": (CommunitiesFile, "communities.yaml: thema's en community's"),
    "events.schema.json": (EventsFile, "events.yaml: de agenda"),
    "external_communities.schema.json": (ExternalCommunitiesFile, "external_communities.yaml: externe community's"),
}

# Dutch names for every field and every kind of entry; a field without one stops `schema`.
FIELD_TITLES = {
    "accessibility": "Toegankelijkheid",
    "address": "Adres",
    "communities": "Community's",
    "contact": "Vragen over toegankelijkheid",
    "contact_email": "E-mailadres voor vragen",
    "description": "Beschrijving",
    "end": "Einde",
    "events": "Evenementen",
    "external_communities": "Externe community's",
    "features": "Voorzieningen",
    "full": "Vol",
    "id": "Code",
    "join_url": "Aanmeldpagina",
    "kind": "Soort materiaal",
    "language": "Taal",
    "location": "Plaats",
    "materials": "Terugkijken en nalezen",
    "members": "Aantal leden",
    "name": "Naam",
    "online": "Online",
    "online_url": "Link om online mee te doen",
    "open_to_all": "Open voor iedereen",
    "organisation": "Organisatie",
    "partners": "Partners",
    "platform_url": "Online groep",
    "projects": "Projecten",
    "question": "Centrale vraag",
    "quote": "Uitspraak",
    "registration_deadline": "Aanmelden kan tot en met",
    "registration_url": "Aanmeldlink",
    "start": "Begin",
    "status": "Status",
    "summary": "Samenvatting",
    "testimonials": "Uitspraken van leden",
    "themes": "Thema's",
    "title": "Titel",
    "type": "Soort",
    "types": "Soorten evenementen",
    "url": "Webadres",
    "venue": "Plek",
}
ENTRY_TITLES = {
    "Accessibility": "Toegankelijkheid van een evenement",
    "Community": "Community",
    "Event": "Evenement",
    "ExternalCommunity": "Externe community",
    "Location": "Plaats van een evenement",
    "Material": "Verslag, presentatie of opname",
    "Project": "Project",
    "Testimonial": "Uitspraak van een lid",
    "Theme": "Thema",
    "EventType": "Soort evenement",
}


_said: dict[str, set[str]] = {}


def _say(key: str, field: str = "", **params: Any) -> str:
    """The check's message `key`, as a schema gives it; every text in the schemas comes from here."""
    text = messages.in_a_schema(key, field=field, **params)
    _said.setdefault(key, set()).add(text)
    return text


def said() -> Mapping[str, frozenset[str]]:
    """Every message key the schemas give, with its texts: to hold against `rules.in_the_schema()`."""
    render_schemas()
    return {key: frozenset(texts) for key, texts in _said.items()}


def _patterns(found: list[rules.Rule], field: str, **params: Any) -> Schema:
    """The rules of a value as patterns, each with its message; one rule needs no `allOf`."""
    patterns = [
        {"pattern": rule.pattern, "patternErrorMessage": _say(rule.key, field, **{**params, **rule.params})}
        for rule in found
    ]
    return patterns[0] if len(patterns) == 1 else {"allOf": patterns}


def _typed(kind: str, field: str, out: Schema, *, wrong_type: str = "") -> Schema:
    """A value of the JSON type `kind`, or nothing at all (`veld:`), each with the check's message;
    `wrong_type` is the key for a value of another type, if not the one of rules.TYPE_KEYS.

    null passes the type, so that an empty value gets the message "leeg" instead of the one for a
    wrong type; then `then` refuses it, with that message."""
    empty = rules.FIELD_KEYS["empty_list" if kind == "array" else "empty"]
    nothing = {"if": {"type": "null"}, "then": {"type": kind, "errorMessage": _say(empty, field)}}
    typed = {"type": [kind, "null"], "errorMessage": _say(wrong_type or rules.TYPE_KEYS[kind], field), **out}
    return {**typed, "allOf": [nothing, *typed.get("allOf", [])]}


def _unwrapped(schema: Schema, field: str, choices: Choices) -> Schema:
    """A field's value without what an optional field adds (null, a default) and the words of the guide;
    a list of the site's own (`x-choices`) as the values it holds."""
    schema = dict(schema)
    if "anyOf" in schema:
        options = [option for option in schema.pop("anyOf") if option != {"type": "null"}]
        if len(options) != 1:
            raise LookupError(f"{field}: expected one type besides null, got {options}")
        schema.update(options[0])
    for key in ("title", "description", "default"):
        schema.pop(key, None)
    site_list = schema.pop("x-choices", None)
    if site_list is not None:
        schema.pop("type")
        schema["enum"] = list(choices[site_list])
    return schema


def _value(schema: Schema, field: str, choices: Choices) -> Schema:
    """One field's schema, rewritten for editors: every rule of rules.py with the check's message."""
    schema = _unwrapped(schema, field, choices)
    if "$ref" in schema:
        return {"$ref": schema.pop("$ref"), **_leftover(schema, field)}
    kind_name = schema.pop("x-kind", None)
    if kind_name is not None:
        kind = fields.KINDS.get(kind_name)
        if kind is None:
            raise LookupError(f"{field}: no rules in fields.KINDS for the kind of value {kind_name!r}")
        found = list(kind.rules)
        max_length = schema.pop("maxLength", None)
        if max_length is not None:
            found.append(rules.too_long(max_length))
        schema.pop("type")
        text = _typed("string", field, _patterns(found, field, max_length=max_length), wrong_type=kind.not_text)
        return {**text, **_leftover(schema, field)}
    if "enum" in schema:
        values = schema.pop("enum")
        schema.pop("type", None)
        message = _say(rules.FIELD_KEYS["choice"], field, choices=", ".join(values))
        return {"type": "string", "enum": values, "errorMessage": message, **_leftover(schema, field)}
    kind = schema.pop("type")
    if kind == "boolean":
        return _typed(kind, field, _leftover(schema, field))
    if kind == "integer":
        minimum = schema.pop("minimum")
        # `minimum` would give yaml-language-server's English message; `const` takes ours.
        below = {"const": minimum, "errorMessage": _say(rules.FIELD_KEYS["minimum"], field)}
        return _typed(kind, field, {"if": {"minimum": minimum}, "else": below, **_leftover(schema, field)})
    if kind == "array":
        items = _value(schema.pop("items"), field, choices)
        if schema.pop("minItems", 0) == 1:
            # `minItems` would give yaml-language-server's English message; `contains` takes ours.
            one = {"contains": {}, "errorMessage": _say(rules.FIELD_KEYS["min_items"], field)}
            return _typed(kind, field, {"items": items, "allOf": [one], **_leftover(schema, field)})
        return _typed(kind, field, {"items": items, **_leftover(schema, field)})
    raise LookupError(f"{field}: no editor rules for a value of type {kind!r}")


def _leftover(schema: Schema, field: str) -> Schema:
    """Nothing of pydantic's schema may be dropped unnoticed: a new constraint needs a rule and a message."""
    if schema:
        raise LookupError(f"{field}: no editor rules for {sorted(schema)}")
    return {}


def _required(field: str) -> Schema:
    return {"required": [field], "errorMessage": _say(rules.FIELD_KEYS["required"], field)}


def _entry_rules(name: str) -> list[Schema]:
    return [rule.fragment(_say(rule.key, **rule.params)) for rule in rules.ENTRY_RULES if rule.entry == name]


def _entry(name: str, schema: Schema, choices: Choices, *, file: type[BaseModel] | None = None) -> Schema:
    """An entry (a mapping of fields), or the whole `file`.

    A file needs its lists even where the model has an empty default: an empty file or `{}` is a
    mistake for the check too."""
    properties: dict[str, Schema] = schema["properties"]
    required = schema.get("required") or ([key for key in properties if key not in OPTIONAL_LISTS] if file else [])
    out: Schema = {
        "type": "object",
        "title": ENTRY_TITLES.get(name, name),
        "errorMessage": _say(rules.FIELD_KEYS["file"], expected=top_keys(file))
        if file
        else _say(rules.TYPE_KEYS["object"]),
        "properties": {field: _field(field, value, choices) for field, value in properties.items()},
        # `additionalProperties: false` would give yaml-language-server's English message.
        "propertyNames": {"enum": list(properties), "errorMessage": _say(rules.FIELD_KEYS["unknown"])},
    }
    reserved = RESERVED_IDS.get(ID_LISTS.get(name, ""))
    if reserved is not None:
        rule = rules.not_reserved(reserved)
        out["properties"]["id"]["allOf"].append(_patterns([rule], "id"))
    said = [_required(field) for field in required] + _entry_rules(name)
    if said:
        out["allOf"] = said
    return out


def _field(name: str, schema: Schema, choices: Choices) -> Schema:
    title = FIELD_TITLES.get(name)
    if title is None:
        raise LookupError(f"the field {name!r} needs a Dutch title in FIELD_TITLES")
    out = {"title": title, "description": schema["description"], **_value(schema, name, choices)}
    if schema.get("default") is not None:
        out["default"] = schema["default"]
    return out


def editor_schema(model: type[BaseModel], title: str, choices: Choices = DEFAULT_CHOICES) -> Schema:
    """The JSON Schema of one data file, as editors' tools should use it; `choices` from the site's files."""
    generated = model.model_json_schema()
    defs = {name: _entry(name, schema, choices) for name, schema in generated.get("$defs", {}).items()}
    unknown = set(defs) - set(ENTRY_TITLES)
    if unknown:
        raise LookupError(f"entries {sorted(unknown)} need a Dutch title in ENTRY_TITLES")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_entry(model.__name__, generated, choices, file=model),
        "title": title,
        "$defs": defs,
    }


def schema_text(model: type[BaseModel], title: str, choices: Choices = DEFAULT_CHOICES) -> str:
    return json.dumps(editor_schema(model, title, choices), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_schemas(choices: Choices = DEFAULT_CHOICES) -> dict[str, str]:
    return {name: schema_text(model, title, choices) for name, (model, title) in SCHEMAS.items()}


def write_schemas(folder: Path, choices: Choices = DEFAULT_CHOICES) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas(choices).items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
