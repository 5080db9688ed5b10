"""The Jinja environment for all generated HTML: autoescaping on, strict about typos."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..catalogue import dutch
from ..data import markdown_text
from ..data.models import EVENT_TYPES


def new_environment(package: str, *, autoescape: bool) -> Environment:
    """A Jinja environment for the templates of `package`, strict about typos; the one set of options."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@cache
def environment() -> Environment:
    """The environment of the HTML templates, with the filters that write Dutch dates and Markdown."""
    env = new_environment(__package__ or "", autoescape=True)
    env.filters.update(
        long_date=dutch.long_date,
        month_name=dutch.month_name,
        number=dutch.number,
        when=dutch.when,
        when_parts=dutch.when_parts,
        iso=dutch.iso,
        event_type=lambda value: EVENT_TYPES.get(value or "", ""),
        markdown=lambda source: Markup(markdown_text.render(source)),
    )
    return env
