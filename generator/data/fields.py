"""The value types editors write, each with the check that gives a Dutch message.

Validators raise `problems.invalid(key)`, whose type is a message key from `messages.py`; the text
itself is made there, in one place.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, Field, StringConstraints

from . import invisible, markdown_text
from .problems import invalid

# \Z, not $: `$` also matches before a final line break, and `id: |` gives "abc\n".
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
# Control characters: YAML only lets them in through an escape between double quotes (`"\0"`, `"\a"`),
# usually a backslash meant as text. Tabs and line breaks have rules of their own.
CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# What RFC 3986 leaves out of a web address, besides spaces, and a `%` that starts no `%XX` code: an
# address in a page must never end an attribute or a `<script>` (`"`, `<`, `>`), and browsers and
# calendar apps read the others each their own way. Letters beyond ASCII may stay (RFC 3987): a
# browser writes them as `%XX` itself.
NOT_IN_URL = re.compile(r'[<>"{}|\\^`\x00-\x1f\x7f]|%(?![0-9A-Fa-f]{2})')
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\Z")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise invalid("bad_slug", value=value, **invisible.hint(value, id_like=True))
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
    if not value.strip():
        raise invalid("empty")
    _no_control(value)
    tag = markdown_text.raw_html(value)
    if tag:
        raise invalid("html_in_markdown", tag=tag)
    link = markdown_text.unsafe_link(value)
    if link:
        raise invalid("unsafe_link", link=link[:60])
    bare = markdown_text.link_without_scheme(value)
    if bare:
        fixed = f"mailto:{bare}" if "@" in bare and "/" not in bare else f"https://{bare}"
        raise invalid("link_without_scheme", link=bare, suggestion=fixed)
    return value


def _url(value: str) -> str:
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # `https://example.n[/`: a bracket that is not an IPv6 address
        raise invalid("bad_url", value=value, **invisible.hint(value)) from None
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value.strip()):
        raise invalid("bad_url", value=value, **invisible.hint(value))
    character = NOT_IN_URL.search(value.strip())
    if character:
        shown = character.group(0)
        raise invalid("url_character", value=value, character=shown, encoded=f"%{ord(shown):02X}")
    return value.strip()


def _email(value: str) -> str:
    if not _EMAIL.match(value.strip()):
        raise invalid("bad_email", value=value, **invisible.hint(value, email=True))
    return value.strip()


# json_schema_extra names the kind of value for editors' tools: editing/schemas.py turns each kind
# into the JSON Schema rules and Dutch messages that mirror the validators above, which stay the
# source of truth.
Slug = Annotated[str, AfterValidator(_slug), Field(json_schema_extra={"x-kind": "slug"})]
Line = Annotated[str, AfterValidator(_line), Field(json_schema_extra={"x-kind": "line"})]
Summary = Annotated[Line, StringConstraints(max_length=200)]
MarkdownText = Annotated[str, AfterValidator(_markdown), Field(json_schema_extra={"x-kind": "markdown"})]
Url = Annotated[str, AfterValidator(_url), Field(json_schema_extra={"x-kind": "url"})]
Email = Annotated[str, AfterValidator(_email), Field(json_schema_extra={"x-kind": "email"})]
