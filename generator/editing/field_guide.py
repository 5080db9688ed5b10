"""The field reference of CONTRIBUTING.md, made from the models: one table per kind of entry.

The models (`data/contract/models.py`) are the contract: the check validates with them and the JSON
Schemas are made from them. The tables in the guide are made from them too, so that a field, an allowed
value or a rule the check knows is never missing from the guide. Each table stands between two markers,
`<!-- velden: Event (gemaakt door …) -->` and `<!-- velden: einde -->`, in this repository's guide and
in the guide that `init` writes (`starter/files/CONTRIBUTING.md`).
`python -m generator.editing.field_guide` writes the tables again; a test fails while they differ.

A row says what the description of the field says, and then what the kind of value means (plain text,
an address, a number) and the values to choose from, the same sentences for every field of that kind.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..catalogue.filters import RESERVED_IDS
from ..data.contract import models
from ..data.contract.models import DEFAULT_EVENT_TYPES, REQUIRED_WHEN

Schema = dict[str, Any]

ENTRIES: tuple[type[BaseModel], ...] = (
    models.CommunitiesFile,
    models.Theme,
    models.Community,
    models.Testimonial,
    models.Project,
    models.EventsFile,
    models.EventType,
    models.Event,
    models.Location,
    models.Accessibility,
    models.Material,
    models.ExternalCommunitiesFile,
    models.ExternalCommunity,
)
"""Every model of the contract, each with its own table in the guide."""

LABELS: Mapping[tuple[str, str], Mapping[str, str]] = {
    ("Event", "status"): models.STATUSES,
    ("Event", "language"): models.LANGUAGES,
    ("Accessibility", "features"): models.ACCESSIBILITY_FEATURES,
    ("Material", "kind"): models.MATERIAL_KINDS,
}
"""What each allowed value means, by model and field: the words visitors read, or what the value does."""

ID_LISTS: Mapping[str, str] = {"Event": "events", "Community": "communities", "Theme": "themes"}
"""The entries whose id names a page, with the key of their list in `RESERVED_IDS`."""

SITE_LISTS: Mapping[str, str] = {
    "types": "Kies de id van een soort uit de lijst `types` bovenaan `events.yaml`. Zonder die lijst kies je uit: "
    + ", ".join(f"`{kind}` ({label})" for kind, label in DEFAULT_EVENT_TYPES.items())
    + ".",
}
"""The sentence for a field whose values the site sets in its own files (`x-choices` of the model)."""

_KIND_SENTENCES: Mapping[str, Callable[[str, Schema], str]] = {
    "line": lambda field, value: (
        f"Gewone tekst op één regel, hoogstens {value['maxLength']} tekens."
        if "maxLength" in value
        else "Gewone tekst op één regel."
    ),
    "markdown": lambda field, value: f"In Markdown. Gebruik `{field}: |` voor meer regels.",
    "slug": lambda field, value: "Kleine letters, cijfers en streepjes (`^[a-z0-9]+(-[a-z0-9]+)*$`).",
    "url": lambda field, value: "Een webadres: begint met `https://` (of `http://`).",
    "email": lambda field, value: "Een e-mailadres, zoals `naam@organisatie.nl` (zonder `mailto:`).",
    "moment": lambda field, value: "Tussen aanhalingstekens, in Nederlandse tijd.",
    "day": lambda field, value: 'Tussen aanhalingstekens: `"JJJJ-MM-DD"`, zonder tijd.',
}

BEGIN = "<!-- velden: {name} (gemaakt door python -m generator.editing.field_guide) -->"
END = "<!-- velden: einde -->"
_BLOCK = re.compile(
    r"<!-- velden: (?P<name>\w+) \(gemaakt door python -m generator\.editing\.field_guide\) -->\n.*?" + re.escape(END),
    re.S,
)
GUIDES = (Path("CONTRIBUTING.md"), Path("generator/starter/files/CONTRIBUTING.md"))
"""The guides the command writes without arguments, those of them that are in the folder it runs in: a
site's own guide; in this repository also the one `init` writes (never the copy in an installed package)."""


def table(model: type[BaseModel]) -> str:
    """The fields of `model` as a table: name, whether it is required, and what to fill in; then the
    meaning of each value of a list of choices."""
    schema = model.model_json_schema()
    properties: Mapping[str, Schema] = schema["properties"]
    required = set(schema.get("required", ()))
    head = "| lijst | verplicht? | wat erin staat |" if model.__name__.endswith("File") else None
    rows = [head or "| veld | verplicht? | wat je invult |", "| --- | --- | --- |"]
    values: list[str] = []
    for field, prop in properties.items():
        needed = REQUIRED_WHEN.get((model.__name__, field)) or ("ja" if field in required else "nee")
        if model.__name__.endswith("File") and field not in models.OPTIONAL_LISTS:
            needed = "ja"
        rows.append(f"| `{field}` | {needed} | {_cell(' '.join(_what(model.__name__, field, prop)))} |")
        labels = LABELS.get((model.__name__, field))
        if labels is not None and _shape(prop).get("type") == "array":
            values += [
                "",
                f"Waarden van `{field}`:",
                "",
                "| waarde | wat bezoekers lezen |",
                "| --- | --- |",
                *(f"| `{value}` | {_cell(label)} |" for value, label in labels.items()),
            ]
    return "\n".join(rows + values)


def _shape(prop: Schema) -> Schema:
    """The schema of a field's value, without the `null` that an optional field also allows."""
    options = [option for option in prop.get("anyOf", [prop]) if option != {"type": "null"}]
    return {**prop, **options[0]} if "anyOf" in prop else prop


def _what(model: str, field: str, prop: Schema) -> Iterator[str]:
    """The sentences of a field's cell: its description, what its kind of value means, its choices, its default."""
    yield prop["description"]
    value = _shape(prop)
    is_list = value.get("type") == "array"
    item = _shape(value["items"]) if is_list else value
    if "$ref" in item:
        yield "De velden staan hieronder." if not is_list else "Een lijst. De velden van een item staan hieronder."
    say = _KIND_SENTENCES.get(str(item.get("x-kind")))
    if say is not None:
        sentence = say(field, item)
        yield f"Een lijst; elk item: {sentence[0].lower()}{sentence[1:]}" if is_list else sentence
    if field == "id" and model in ID_LISTS:
        taken = sorted(RESERVED_IDS[ID_LISTS[model]], key=str.lower)
        yield f"Deze id's mogen niet, want die zijn van de site: {_choices(taken, {}, 'en')}."
    if is_list and value.get("minItems"):
        yield f"Minstens {value['minItems']}."
    if item.get("type") == "integer":
        yield f"Een heel getal van {item.get('minimum', 0)} of meer, zonder aanhalingstekens."
    if item.get("type") == "boolean":
        yield "`true` of `false`, zonder aanhalingstekens."
    if "x-choices" in prop:
        yield SITE_LISTS[prop["x-choices"]]
    if "enum" in item:
        labels = LABELS.get((model, field), {})
        if is_list:
            yield "Kies uit de tabel hieronder en schrijf elke waarde precies zo."
        else:
            yield f"Kies uit: {_choices(item['enum'], labels)}."
    default = prop.get("default")
    if default not in (None, [], "") and not is_list:
        yield f"Laat je het weg, dan is het `{str(default).lower() if isinstance(default, bool) else default}`."


def _choices(values: list[str], labels: Mapping[str, str], last: str = "of") -> str:
    said = [f"`{value}` ({labels[value]})" if value in labels else f"`{value}`" for value in values]
    return said[0] if len(said) == 1 else f"{', '.join(said[:-1])} {last} {said[-1]}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def block(model: type[BaseModel]) -> str:
    return f"{BEGIN.format(name=model.__name__)}\n{table(model)}\n{END}"


def refreshed(guide: str) -> str:
    """The guide with every table between markers made again from its model."""
    by_name = {model.__name__: model for model in ENTRIES}

    def again(found: re.Match[str]) -> str:
        model = by_name.get(found.group("name"))
        if model is None:
            raise LookupError(f"no model {found.group('name')!r} for a table of fields")
        return block(model)

    return _BLOCK.sub(again, guide)


def tables_in(guide: str) -> list[str]:
    """The names of the models whose tables stand in `guide`, in their order."""
    return [found.group("name") for found in _BLOCK.finditer(guide)]


def main(argv: list[str]) -> int:
    paths = [Path(name) for name in argv] or [guide for guide in GUIDES if guide.is_file()]
    if not paths:
        print("Hier staat geen CONTRIBUTING.md. Start de opdracht in de map van je site.", file=sys.stderr)
        return 1
    for path in paths:
        path.write_text(refreshed(path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"Geschreven: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
