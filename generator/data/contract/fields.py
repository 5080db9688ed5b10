"""The value types editors write, each with the check that gives a Dutch message.

Each type is one kind of value (its `x-kind`), with its record in `KINDS`: the check, and the
rules of `rules.py` it gives, each declared there once with its message key and its pattern. The
checks compile the patterns from there, the editors' schemas copy them. The text of a message is
made in `messages.py`, for the check and the schemas alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Annotated, Any
from urllib.parse import parse_qs, urlsplit

from pydantic import AfterValidator, Field, StringConstraints

from ..wording import invisible
from ..wording.problems import invalid
from . import markdown_text, rules
from .moments import parse_day, parse_moment

_ENTITY = re.compile(rules.ENTITY)
CONTROL = re.compile(f"[{rules.CONTROL_CHARACTERS}]")


def _slug(value: str) -> str:
    if not rules.SLUG.passes(value):
        raise invalid(rules.SLUG.key, value=value, **invisible.hint(value, id_like=True))
    if not rules.ID_LENGTH.passes(value):
        raise invalid(rules.ID_LENGTH.key, length=f"{len(value)} tekens", **rules.ID_LENGTH.params)
    return value


def _line(value: str) -> str:
    """Plain text shows up in titles, navigation and search, where markup must never be live."""
    if not value.strip():
        raise invalid("empty")
    # splitlines, not "\n": a Unicode line or paragraph separator (U+2028, U+0085 from a word
    # processor) breaks the line in a feed or a page just as well.
    if len(value.strip().splitlines()) > 1 or "\r" in value:
        raise invalid("multiple_lines")
    _no_control(value)
    if "<" in value or ">" in value:
        raise invalid("html_in_text")
    entity = _ENTITY.search(value)
    if entity:
        raise invalid("entity_in_text", entity=entity.group(0))
    return value.strip()


def _no_control(value: str) -> None:
    control = CONTROL.search(value)
    if control:
        raise invalid("control_character", code=f"U+{ord(control.group(0)):04X}")


def _markdown(value: str) -> str:
    """Markdown text; every problem names the line of the text it stands on (`at`), so that the check
    can point at that line in the file."""
    if not value.strip():
        raise invalid("empty")
    control = CONTROL.search(value)
    if control:
        raise invalid("control_character", code=f"U+{ord(control.group(0)):04X}", **_at(value, control.start()))
    misrendered = markdown_text.misrendered(value)
    if misrendered:
        raise invalid(misrendered[0], at=misrendered[1], near=value.split("\n")[misrendered[1]].strip())
    tag = markdown_text.raw_html(value)
    if tag:
        raise invalid("html_in_markdown", tag=tag, **_at(value, value.find(tag), tag))
    link = markdown_text.unsafe_link(value)
    if link:
        raise invalid("unsafe_link", link=link[:60], **_at(value, value.find(link), link))
    bare = markdown_text.link_without_scheme(value)
    if bare:
        fixed = f"mailto:{bare}" if "@" in bare and "/" not in bare else f"https://{bare}"
        raise invalid("link_without_scheme", link=bare, suggestion=fixed, **_at(value, value.find(bare), bare))
    return value


def _at(value: str, position: int, near: str = "") -> dict[str, Any]:
    """Where in `value` a problem stands: the index of its line (`at`; the first line when `position` is
    -1), and text that stands on that line in the file (`near`), to find it where YAML joined lines."""
    index = value.count("\n", 0, position) if position >= 0 else 0
    return {"at": index, "near": near or value.split("\n")[index].strip()}


def _url(value: str) -> str:
    _url_mistakes(value)
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # `https://example.n[/`: a bracket that is not an IPv6 address
        raise invalid("bad_url", value=value, **invisible.hint(value)) from None
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value.strip()):
        raise invalid("bad_url", value=value, **invisible.hint(value))
    character = re.search(rules.URL_CHARACTERS, value.strip())
    if character:
        shown = character.group(0)
        raise invalid(rules.URL_CHARACTER.key, value=value, character=shown, encoded=f"%{ord(shown):02X}")
    return value.strip()


_URL_INVISIBLE = re.compile(f"[{rules.URL_INVISIBLE_CHARACTERS}]")


def _url_mistakes(value: str) -> None:
    """What copying an address brings along: a character you cannot see (from a Word document, a PDF
    or a chat), a comma typed for a dot in the host, and a link that Outlook wrapped in its Safe Links
    address, which also holds the editor's own e-mail address (`data=`)."""
    text = value.strip()
    hidden = _URL_INVISIBLE.search(text)
    if hidden and not rules.URL_INVISIBLE.passes(value):
        code = f"U+{ord(hidden.group(0)):04X}"
        raise invalid(rules.URL_INVISIBLE.key, value=_URL_INVISIBLE.sub("", text), code=code)
    if not rules.URL_COMMA_IN_HOST.passes(value):
        scheme, _, rest = text.partition("://")
        host, mark, path = re.split(r"([/?#]|$)", rest, maxsplit=1)
        raise invalid(
            rules.URL_COMMA_IN_HOST.key, value=text, suggestion=f"{scheme}://{host.replace(',', '.')}{mark}{path}"
        )
    parts = urlsplit(text) if "[" not in text else None
    if parts and (parts.hostname or "").endswith(".safelinks.protection.outlook.com"):
        target = parse_qs(parts.query).get("url", [""])[0]
        raise invalid("url_safelinks", target=target or "het adres van de pagina zelf")


def _email(value: str) -> str:
    if not rules.EMAIL.passes(value):
        raise invalid(rules.EMAIL.key, value=value, **invisible.hint(value, email=True))
    return value.strip()


KINDS: Mapping[str, rules.Kind] = {
    kind.name: kind
    for kind in (
        rules.Kind("line", _line, (rules.EMPTY, rules.ONE_LINE, rules.NO_CONTROL, rules.NO_HTML, rules.NO_ENTITY)),
        # And what the Markdown means, which only the check sees (rules.ONLY_THE_CHECK).
        rules.Kind("markdown", _markdown, (rules.EMPTY, rules.NO_CONTROL)),
        rules.Kind("slug", _slug, (rules.SLUG, rules.ID_LENGTH)),
        rules.Kind("url", _url, (rules.URL, rules.URL_CHARACTER, *rules.URL_MISTAKES)),
        rules.Kind("email", _email, (rules.EMAIL,)),
        rules.Kind("moment", parse_moment, rules.MOMENT_RULES, not_text="bad_moment"),
        rules.Kind("day", parse_day, rules.DAY_RULES, not_text="bad_day"),
    )
}
"""Every kind of value: its check, and the rules of rules.py the check gives and the schemas say."""

# json_schema_extra names the kind of value (KINDS): editing/schemas.py writes the kind's rules into
# the JSON Schemas, with the check's messages.
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"x-kind": "slug"})]
Line = Annotated[str, AfterValidator(_line), Field(json_schema_extra={"x-kind": "line"})]
Summary = Annotated[Line, StringConstraints(max_length=200)]
MarkdownText = Annotated[str, AfterValidator(_markdown), Field(json_schema_extra={"x-kind": "markdown"})]
Url = Annotated[str, AfterValidator(_url), Field(json_schema_extra={"x-kind": "url"})]
Email = Annotated[str, AfterValidator(_email), Field(json_schema_extra={"x-kind": "email"})]
