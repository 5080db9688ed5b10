"""The Jinja environment for all generated HTML: autoescaping on, strict about typos."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..catalogue import dutch, filters
from ..data.contract import markdown_text
from ..data.contract.models import Event


def new_environment(package: str, *, autoescape: bool) -> Environment:
    """A Jinja environment for the templates of `package`, strict about typos; the one set of options."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=autoescape,  # noqa: S701 - the caller chooses: on for HTML, off for YAML
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
        when_parts=_when_parts,
        iso=dutch.iso,
        markdown=lambda source: Markup(markdown_text.render(source)),  # noqa: S704 - render() sanitizes (nh3)
        materials=dutch.materials,
        registration_text=dutch.registration_text,
        place=dutch.place,
        filter_values=filters.event_values,
    )
    env.globals["sentence"] = dutch.SENTENCES
    return env


_WHEN_SIZE = 50_000
_when: dict[tuple[date | datetime, date | datetime | None], list[dutch.Part]] = {}


def _when_parts(event: Event) -> list[dutch.Part]:
    """`dutch.when_parts`, once per start and end: the event's page, its list items (with and without
    the registration state) and the feeds' neighbours share them, and Babel is slow."""
    key = (event.start, event.end)
    if key not in _when:
        if len(_when) >= _WHEN_SIZE:  # `mkdocs serve` rebuilds in one process: keep it from growing
            _when.clear()
        _when[key] = dutch.when_parts(event)
    return _when[key]
