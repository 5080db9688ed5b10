"""The one Jinja environment for all generated markup: autoescaping on, strict about typos."""

from __future__ import annotations

import json
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from . import dutch, markdown_text

EVENT_TYPES = {
    "bijeenkomst": "Bijeenkomst",
    "kennisdelingssessie": "Kennisdelingssessie",
    "gluren-bij-de-buren": "Gluren bij de buren",
    "webinar": "Webinar",
    "werksessie": "Werksessie",
    "congres": "Congres",
}


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "templates"),
        # HTML templates are escaped; the YAML templates of `new` quote their values with `yaml_string`.
        autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=True, default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        long_date=dutch.long_date,
        short_date=dutch.short_date,
        month_name=dutch.month_name,
        number=dutch.number,
        when=dutch.when,
        when_parts=dutch.when_parts,
        time_of_day=dutch.time_of_day,
        iso=dutch.iso,
        event_type=lambda value: EVENT_TYPES.get(value or "", ""),
        markdown=lambda source: Markup(markdown_text.render(source)),
        yaml_string=lambda value: json.dumps(value, ensure_ascii=False),
    )
    return env
