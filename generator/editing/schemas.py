"""JSON Schemas of the three editor files, made from the models, for editors' tools.

VS Code (with the YAML extension) and other editors read them through the
`# yaml-language-server: $schema=...` line at the top of each data file: they complete field
names, show the Dutch titles and descriptions and mark mistakes while the editor types.

Pydantic's schema is only the starting point: this module rewrites it so that an editor's tool
refuses what the check refuses, wherever a schema can say it, and says it in Dutch.

- yaml-language-server shows English texts unless a schema node carries `errorMessage` (type,
  enum, const, required, contains) or `patternErrorMessage` (pattern). It ignores both for
  `minLength`, `maxLength`, `minItems`, `minimum`, `uniqueItems` and `not`, so those are written
  as patterns, `contains`, and `if`/`else` with `const`; a value twice in a list (`uniqueItems`)
  is left to the check. An entry's one `errorMessage` would also stand for each missing field and
  each unknown field, so each required field is its own rule and unknown fields are refused by
  `propertyNames`, with their own messages.
- Every pattern must mean the same in Python's `re` (the check, jsonschema) and in JavaScript with
  the `u` flag (editors): no `$` (Python lets it match before a final line break), no `\\s` on its
  own (the two disagree on a few spaces; `[\\s\\S]` is any character in both), and only escapes
  that the `u` flag allows.
- The check strips spaces around values and counts lengths in characters (code points), so the
  patterns allow spaces around a value and count with `[\\s\\S]`, which is one code point with `u`.
- The check refuses an empty value (`summary:` with nothing after it) even where a field is
  optional, so no field accepts null.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..data.models import CommunitiesFile, EventsFile, ExternalCommunitiesFile
from ..data.moments import FIRST_YEAR, LAST_YEAR, ZONE

Schema = dict[str, Any]

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
}

# The characters Python's str.strip() removes (str.isspace), spelled out: `\s` differs between
# Python and JavaScript (U+001C to U+001F, U+0085, U+FEFF).
_SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_END = r"(?![\s\S])"
_BREAKS = r"\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_TRIM = f"[{_SPACE}]*"
# fields.CONTROL, in JavaScript's spelling.
_CONTROL = r"\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
# fields.NOT_IN_URL's control characters, but for those that are spaces (str.isspace).
_URL_CONTROL = r"\x00-\x08\x0e-\x1b\x7f"
_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
# Month and day of a date that exists in any year; the 29th of February has its own rule.
_MONTH_DAY = "|".join(
    (
        r"(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
        r"(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
        r"02-(?:0[1-9]|1[0-9]|2[0-8])",
    )
)
_LEAP_DAY = r"20(?:[02468][048]|[13579][26])-02-29"


def _rule(pattern: str, message: str) -> Schema:
    return {"pattern": pattern, "patternErrorMessage": message}


@cache
def _shifted_hours(*, skipped: bool) -> str:
    """The local hours that do not exist (`skipped`) or that come twice in the Netherlands in the
    years the check accepts, as an alternation of "YYYY-MM-DD[ T]HH", from the check's time zone."""
    hours = []
    day = date(FIRST_YEAR, 1, 1)
    while day.year <= LAST_YEAR:
        midnight = datetime(day.year, day.month, day.day, tzinfo=ZONE)
        if midnight.utcoffset() != (midnight + timedelta(days=1)).utcoffset():
            for hour in range(24):
                wall = midnight.replace(hour=hour, minute=30)
                missing = wall.astimezone(UTC).astimezone(ZONE).replace(tzinfo=None) != wall.replace(tzinfo=None)
                twice = not missing and wall.utcoffset() != wall.replace(fold=1).utcoffset()
                if missing if skipped else twice:
                    hours.append(f"{day.isoformat()}[ T]{hour:02d}")
        day += timedelta(days=1)
    return "|".join(hours)


def _kind_rules(kind: str, field: str) -> list[Schema]:
    """The rules of one kind of value (see fields.py), each with a Dutch message like the check's."""
    empty = _rule(
        f"[^{_SPACE}]", f"`{field}` is leeg. Vul een waarde in, of haal het veld weg als het niet verplicht is."
    )
    control = _rule(
        f"^[^{_CONTROL}]*{_END}",
        f"In `{field}` staat een onzichtbaar stuurteken, meestal van een \\ tussen dubbele aanhalingstekens. "
        "Haal het weg.",
    )
    if kind == "line":
        return [
            empty,
            control,
            # The line breaks of Python's str.splitlines, which the check uses: also U+2028 and U+0085.
            _rule(f"^(?![\\s\\S]*\\r){_TRIM}[^{_BREAKS}]*{_TRIM}{_END}", f"`{field}` moet op één regel passen."),
            _rule(f"^[^<>]*{_END}", f"In `{field}` staat < of >. HTML mag hier niet: schrijf gewone tekst."),
            _rule(
                f"^(?![\\s\\S]*{_ENTITY})",
                f"In `{field}` staat een HTML-code zoals &amp;. Typ het teken zelf, bijvoorbeeld &.",
            ),
        ]
    if kind == "markdown":
        return [empty, control]
    if kind == "slug":
        return [
            _rule(
                f"^[a-z0-9]+(?:-[a-z0-9]+)*{_END}",
                "Een code bestaat alleen uit kleine letters, cijfers en streepjes, zoals community-cx: "
                "geen hoofdletters, spaties of accenten.",
            )
        ]
    if kind == "url":
        return [
            _rule(
                # The host: a bracketed IPv6 address, or no brackets at all (`https://example.n[/`).
                f"^{_TRIM}[Hh][Tt][Tt][Pp][Ss]?://(?:\\[[0-9A-Fa-f:.]+\\]|[^/?#\\[\\]{_SPACE}])"
                f"[^/?#\\[\\]{_SPACE}]*(?:[/?#][^{_SPACE}]*)?{_TRIM}{_END}",
                f"`{field}` is geen geldig webadres. Een adres begint met https:// (of http://) en heeft geen spaties.",
            ),
            # fields.NOT_IN_URL; spaces and line breaks are the rule above's.
            _rule(
                f'^(?![\\s\\S]*(?:[<>"{{}}|\\\\^`{_URL_CONTROL}]|%(?![0-9A-Fa-f]{{2}})))',
                f'In `{field}` staat een teken dat niet in een webadres kan, zoals <, >, " of een % zonder '
                "twee cijfers of letters erna. Haal het weg, of schrijf het als code met % (zoals %3C voor <).",
            ),
        ]
    if kind == "email":
        return [
            _rule(
                f'^{_TRIM}[^@<>()\\[\\],;:"{_SPACE}]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{{2,}}{_TRIM}{_END}',
                f"`{field}` is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl, "
                "zonder mailto: en zonder spaties.",
            )
        ]
    if kind == "moment":
        return _moment_rules(field)
    raise LookupError(f"no JSON Schema rules for the kind of value {kind!r} of {field!r}")


_WRITTEN = f"{_TRIM}{_DAY}(?:[ T][0-9]{{2}}:[0-9]{{2}})?{_TRIM}{_END}"
_DAY_AND = f"^{_TRIM}{_DAY}[ T]"
_TIMED = f"{_DAY_AND}[0-9]"
_ALL_DAY = f"^{_TRIM}{_DAY}{_TRIM}{_END}"


def _moment_rules(field: str) -> list[Schema]:
    """A date, or a date and a time, that exists in the Netherlands: the steps of parse_moment.
    Each rule after the first only judges a value written in the right form."""
    return [
        _rule(
            f"^{_WRITTEN}",
            f'`{field}` is geen geldige datum. Schrijf "JJJJ-MM-DD UU:MM" (bijvoorbeeld "2026-12-08 14:00") '
            'of alleen "JJJJ-MM-DD" voor een evenement van een hele dag.',
        ),
        _rule(
            f"^(?!{_WRITTEN})|^{_TRIM}20",
            f"Het jaar in `{field}` klopt niet. Kies een jaar van {FIRST_YEAR} tot en met {LAST_YEAR}.",
        ),
        _rule(
            f"^(?!{_WRITTEN})|^{_TRIM}(?:[0-9]{{4}}-(?:{_MONTH_DAY})|{_LEAP_DAY})",
            f"De datum in `{field}` bestaat niet. Controleer de dag en de maand.",
        ),
        _rule(
            f"^(?!{_TIMED})|{_DAY_AND}(?:[01][0-9]|2[0-3]):[0-5][0-9]",
            f"De tijd in `{field}` bestaat niet. Gebruik uren van 00 tot 23 en minuten van 00 tot 59.",
        ),
        _rule(
            f"^(?!{_TRIM}(?:{_shifted_hours(skipped=True)}):)",
            f"De tijd in `{field}` bestaat niet in Nederland: de klok gaat die nacht van 02:00 naar 03:00. "
            "Kies een tijd voor 02:00, of 03:00 of later.",
        ),
        _rule(
            f"^(?!{_TRIM}(?:{_shifted_hours(skipped=False)}):)",
            f"De tijd in `{field}` komt in Nederland twee keer voor: de klok gaat die nacht van 03:00 terug "
            "naar 02:00. Kies een tijd voor 02:00, of 03:00 of later.",
        ),
    ]


def _value(schema: Schema, field: str) -> Schema:
    """One field's schema, rewritten for editors: no null, every rule with a Dutch message."""
    schema = dict(schema)
    if "anyOf" in schema:
        options = [option for option in schema.pop("anyOf") if option != {"type": "null"}]
        if len(options) != 1:
            raise LookupError(f"{field}: expected one type besides null, got {options}")
        schema.update(options[0])
    for key in ("title", "description", "default"):
        schema.pop(key, None)
    if "$ref" in schema:
        return {"$ref": schema.pop("$ref"), **_leftover(schema, field)}
    kind = schema.pop("x-kind", None)
    if kind is not None:
        rules = _kind_rules(kind, field)
        max_length = schema.pop("maxLength", None)
        if max_length is not None:
            rules.append(
                _rule(
                    f"^{_TRIM}[\\s\\S]{{0,{max_length}}}{_TRIM}{_END}",
                    f"`{field}` is te lang: hoogstens {max_length} tekens. Maak de tekst korter.",
                )
            )
        schema.pop("type")
        message = (
            f"`{field}` is leeg of geen tekst. Vul tekst in, met aanhalingstekens als het een getal, "
            "true of false is; of haal het veld weg als het niet verplicht is."
        )
        if kind == "moment":
            message = f'`{field}` moet een datum tussen aanhalingstekens zijn, zoals "2026-12-08 14:00".'
        one = rules[0] if len(rules) == 1 else {"allOf": rules}
        return {"type": "string", "errorMessage": message, **one, **_leftover(schema, field)}
    if "enum" in schema:
        choices = schema.pop("enum")
        schema.pop("type", None)
        message = f"Kies voor `{field}` een van deze waarden: {', '.join(choices)}."
        return {"type": "string", "enum": choices, "errorMessage": message, **_leftover(schema, field)}
    kind = schema.pop("type")
    if kind == "boolean":
        return {"type": "boolean", "errorMessage": f"`{field}` moet true of false zijn, zonder aanhalingstekens."}
    if kind == "integer":
        minimum = schema.pop("minimum")
        number = {
            "type": "integer",
            "errorMessage": f"`{field}` moet een heel getal zijn, zonder aanhalingstekens, bijvoorbeeld 250.",
            # `minimum` would give yaml-language-server's English message; `const` takes ours.
            "if": {"minimum": minimum},
            "else": {"const": minimum, "errorMessage": f"`{field}` mag niet kleiner zijn dan {minimum}."},
        }
        return {**number, **_leftover(schema, field)}
    if kind == "array":
        items = _value(schema.pop("items"), field)
        message = f"`{field}` moet een lijst zijn: zet elk item op een eigen regel met '- ' ervoor."
        if schema.pop("minItems", 0) == 1:
            # `minItems` would give yaml-language-server's English message; `contains` takes ours.
            message = f"`{field}` moet een lijst zijn met minstens één item, elk op een eigen regel met '- ' ervoor."
            array = {"type": "array", "errorMessage": message, "items": items, "contains": {}}
            return {**array, **_leftover(schema, field)}
        return {"type": "array", "errorMessage": message, "items": items, **_leftover(schema, field)}
    raise LookupError(f"{field}: no editor rules for a value of type {kind!r}")


def _leftover(schema: Schema, field: str) -> Schema:
    """Nothing of pydantic's schema may be dropped unnoticed: a new constraint needs a Dutch message."""
    if schema:
        raise LookupError(f"{field}: no editor rules for {sorted(schema)}")
    return {}


def _required(field: str) -> Schema:
    return {"required": [field], "errorMessage": f"Het verplichte veld `{field}` ontbreekt. Voeg het toe."}


def _when(condition: Schema, then: Schema) -> Schema:
    return {"if": condition, "then": then}


_START_TIMED = {"required": ["start"], "properties": {"start": {"type": "string", "pattern": _TIMED}}}
_START_ALL_DAY = {"required": ["start"], "properties": {"start": {"type": "string", "pattern": _ALL_DAY}}}
_NOWHERE = "Bij `location` staat geen plaats. Vul `venue` in, of zet online: true."
_URL_NOT_ONLINE = (
    "Bij `location` staat een `online_url`, maar niet online: true. Zet online: true, of haal de link weg."
)


def _online_true(message: str) -> Schema:
    """`online` must be there and true; a value that is not true or false has its own message."""
    online = {"if": {"type": "boolean"}, "then": {"const": True, "errorMessage": message}}
    return {"required": ["online"], "errorMessage": message, "properties": {"online": online}}


_END_FORM = "`end` moet dezelfde vorm hebben als `start`: allebei met tijd, of allebei alleen een datum."
_ACCESS_EMPTY = "Bij `accessibility` staat niets. Vul features in, of contact, of allebei."


def _needs_registration_url(field: str, condition: Schema) -> Schema:
    message = (
        f"Bij dit evenement staat `{field}`, maar geen `registration_url`. "
        f"Voeg registration_url toe, of haal {field} weg."
    )
    return _when(
        {"required": [field], "properties": {field: condition}},
        {"required": ["registration_url"], "errorMessage": message},
    )


# Rules between the fields of one entry that a schema can say; the check has the same ones.
ENTRY_RULES: dict[str, list[Schema]] = {
    "Location": [
        _when({"not": {"required": ["venue"]}}, _online_true(_NOWHERE)),
        _when({"required": ["online_url"]}, _online_true(_URL_NOT_ONLINE)),
    ],
    "Event": [
        _when(
            _START_TIMED,
            {
                "required": ["end"],
                "errorMessage": "Een evenement met een begintijd heeft ook een eindtijd nodig. Voeg `end` toe, "
                'met datum en tijd, bijvoorbeeld end: "2026-12-08 16:00".',
                "properties": {"end": _rule(_TIMED, _END_FORM)},
            },
        ),
        _when(_START_ALL_DAY, {"properties": {"end": _rule(_ALL_DAY, _END_FORM)}}),
        {
            "properties": {
                "registration_deadline": _rule(
                    f"^(?!{_TIMED})",
                    '`registration_deadline` is alleen een datum, zonder tijd, zoals "2026-12-01".',
                )
            }
        },
        _needs_registration_url("registration_deadline", {}),
        _needs_registration_url("full", {"const": True}),
    ],
    "Accessibility": [
        _when(
            {"not": {"required": ["contact"]}},
            {
                "required": ["features"],
                "errorMessage": _ACCESS_EMPTY,
                "properties": {"features": {"contains": {}, "errorMessage": _ACCESS_EMPTY}},
            },
        ),
    ],
}


def _entry(name: str, schema: Schema, *, file: bool = False) -> Schema:
    """An entry (a mapping of fields), or the whole file.

    A file needs its lists even where the model has an empty default: an empty file or `{}` is a
    mistake for the check too."""
    properties: dict[str, Schema] = schema["properties"]
    required = schema.get("required") or (list(properties) if file else [])
    names = ", ".join(properties)
    lists = " en ".join(f"{field}:" for field in required)
    out: Schema = {
        "type": "object",
        "title": ENTRY_TITLES.get(name, name),
        "errorMessage": f"Het bestand moet beginnen met {lists} met daaronder een lijst."
        if file
        else "Hier hoort een item met velden (veldnaam: waarde), geen losse waarde.",
        "properties": {field: _field(field, value) for field, value in properties.items()},
        # `additionalProperties: false` would give yaml-language-server's English message.
        "propertyNames": {
            "enum": list(properties),
            "errorMessage": f"Dit veld bestaat niet. Kijk de spelling na; de velden hier zijn: {names}.",
        },
    }
    rules = [_required(field) for field in required] + ENTRY_RULES.get(name, [])
    if rules:
        out["allOf"] = rules
    return out


def _field(name: str, schema: Schema) -> Schema:
    title = FIELD_TITLES.get(name)
    if title is None:
        raise LookupError(f"the field {name!r} needs a Dutch title in FIELD_TITLES")
    out = {"title": title, "description": schema["description"], **_value(schema, name)}
    if schema.get("default") is not None:
        out["default"] = schema["default"]
    return out


def editor_schema(model: type[BaseModel], title: str) -> Schema:
    """The JSON Schema of one data file, as editors' tools should use it."""
    generated = model.model_json_schema()
    defs = {name: _entry(name, schema) for name, schema in generated.get("$defs", {}).items()}
    unknown = set(defs) - set(ENTRY_TITLES)
    if unknown:
        raise LookupError(f"entries {sorted(unknown)} need a Dutch title in ENTRY_TITLES")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_entry(model.__name__, generated, file=True),
        "title": title,
        "$defs": defs,
    }


def schema_text(model: type[BaseModel], title: str) -> str:
    return json.dumps(editor_schema(model, title), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_schemas() -> dict[str, str]:
    return {name: schema_text(model, title) for name, (model, title) in SCHEMAS.items()}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    return written
