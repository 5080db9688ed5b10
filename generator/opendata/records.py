"""Every field of the data contract as JSON, and the JSON Schema that describes it.

Both come from the models in data/contract/models.py: a field added to the contract (a language, access
facts) is in the JSON and in its schema without a change here. What the open data adds to the
contract (absolute addresses, a time in ISO 8601 with its offset, when an entry was announced)
stands in one table per kind of item, one line per field, value and schema side by side, so the two
cannot drift apart. Every field is always present (null when the editors left it out), so that a
reader of the data never has to guess whether a field exists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from ..catalogue import urls
from ..data.contract.models import Community, Event, ExternalCommunity, Theme
from ..data.contract.rules import SLUG_FORM
from ..ical.memory import History

Schema = dict[str, Any]
Item = TypeVar("Item", bound=BaseModel)

# What the kinds of value in data/contract/fields.py mean for a reader of the data; the editors' schemas
# (editing/schemas.py) say much more, because they must refuse what the check refuses.
_KINDS: Mapping[str, Schema] = {
    "slug": {"pattern": f"^{SLUG_FORM}$"},
    "url": {"format": "uri"},
    "email": {"format": "email"},
    "markdown": {"contentMediaType": "text/markdown"},
}
_DAY = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
_OFFSET = "(Z|[+-][0-9]{2}:[0-9]{2})"
DAY_OR_TIME = f"^{_DAY}(T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}{_OFFSET})?$"
DAY = f"^{_DAY}$"
TIME = f"^{_DAY}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}{_OFFSET}$"


@dataclass(frozen=True)
class Context:
    site_url: str
    history: History


@dataclass(frozen=True)
class Added(Generic[Item]):
    """A field the open data adds to an item of the contract, or writes otherwise than the editors do."""

    description: str
    schema: Schema
    value: Callable[[Item, Context], object]


def _address(description: str, path: Callable[[Item], str]) -> Added[Item]:
    return Added(
        description, {"type": "string", "format": "uri"}, lambda item, c: urls.absolute(c.site_url, path(item))
    )


def _iso(moment: date | datetime) -> str:
    return moment.isoformat()


EVENT_FIELDS: Mapping[str, Added[Event]] = {
    "url": _address("Adres van de pagina van het evenement.", lambda e: urls.event_page(e.id)),
    "ical": _address("Adres van het iCalendar-bestand van alleen dit evenement.", lambda e: urls.event_feed(e.id)),
    "start": Added(
        "Begin: een datum (JJJJ-MM-DD) bij een evenement van de hele dag, anders een tijd met de afwijking van UTC.",
        {"type": "string", "pattern": DAY_OR_TIME},
        lambda e, c: _iso(e.start),
    ),
    "end": Added(
        "Einde, in dezelfde vorm als start. Bij een evenement van de hele dag: de laatste dag.",
        {"type": "string", "pattern": DAY_OR_TIME},
        lambda e, c: _iso(e.end if e.end is not None else e.last_day),
    ),
    "all_day": Added("true bij een evenement van de hele dag.", {"type": "boolean"}, lambda e, c: e.all_day),
    "registration_deadline": Added(
        "Laatste dag om je aan te melden (JJJJ-MM-DD); die dag telt mee. null als de redactie er geen gaf.",
        {"anyOf": [{"type": "string", "pattern": DAY}, {"type": "null"}]},
        lambda e, c: _iso(e.registration_deadline) if e.registration_deadline is not None else None,
    ),
    "accessibility_labels": Added(
        "De voorzieningen voor toegankelijkheid (accessibility.features) in het Nederlands, zoals op de site. "
        "Leeg als de redactie niets opgaf: vraag het dan de organisatie.",
        {"type": "array", "items": {"type": "string"}},
        lambda e, c: e.accessibility.labels if e.accessibility else [],
    ),
    "created": Added(
        "Wanneer het evenement in de agenda kwam (de commit die het toevoegde), in UTC.",
        {"type": "string", "pattern": TIME},
        lambda e, c: _iso(c.history.stamp(e.id).created),
    ),
    "modified": Added(
        "Wanneer het evenement voor het laatst veranderde, in UTC.",
        {"type": "string", "pattern": TIME},
        lambda e, c: _iso(c.history.stamp(e.id).modified),
    ),
}
COMMUNITY_FIELDS: Mapping[str, Added[Community]] = {
    "url": _address("Adres van de pagina van de community.", lambda x: urls.community_page(x.id)),
    "ical": _address("Adres van de agenda van de community (iCalendar).", lambda x: urls.community_feed(x.id)),
}
THEME_FIELDS: Mapping[str, Added[Theme]] = {
    "url": _address("Adres van de pagina van het thema.", lambda x: urls.theme_page(x.id)),
    "ical": _address("Adres van de agenda van het thema (iCalendar).", lambda x: urls.theme_feed(x.id)),
}
EXTERNAL_FIELDS: Mapping[str, Added[ExternalCommunity]] = {}


def record(item: Item, fields: Mapping[str, Added[Item]], context: Context) -> dict[str, Any]:
    """One item: every field of its model, then the added fields (which win where they share a name)."""
    # The fields the table writes itself are left to it: pydantic cannot serialise a `Moment`.
    values: dict[str, Any] = item.model_dump(mode="json", exclude=set(fields))
    return values | {name: added.value(item, context) for name, added in fields.items()}


def definitions(kinds: Mapping[type[BaseModel], Mapping[str, Added[Any]]]) -> Schema:
    """The `$defs` of a schema: each model (and every model inside it) with its added fields."""
    _, schema = models_json_schema([(model, "serialization") for model in kinds], ref_template="#/$defs/{model}")
    defs: Schema = _clean(schema["$defs"], in_properties=True)
    for model, fields in kinds.items():
        properties = defs[model.__name__]["properties"]
        properties.update({name: added.schema | {"description": added.description} for name, added in fields.items()})
    for definition in defs.values():
        # model_dump writes every field, so a reader may count on each one.
        definition["required"] = sorted(definition["properties"])
    return defs


def _clean(node: Any, *, in_properties: bool = False) -> Any:
    """Pydantic's schema without what means nothing to a reader of the data: the defaults the editors
    may leave out, English titles made from the field names, and the editors' kinds of value and lists."""
    if isinstance(node, list):
        return [_clean(value) for value in node]
    if not isinstance(node, dict):
        return node
    if in_properties:  # the names of fields (also "title" and "default"), each with its schema
        return {name: _clean(value) for name, value in node.items()}
    cleaned: Schema = {}
    for key, value in node.items():
        if key == "x-kind":
            cleaned.update(_KINDS.get(value, {}))
        elif key not in ("default", "title", "x-choices"):  # x-choices: the editors' list of a site's own
            cleaned[key] = _clean(value, in_properties=key in ("properties", "$defs"))
    return cleaned
