"""Every rule an editor's value must follow, declared once: its message key, and how the editors'
JSON Schemas say it, or why only the check can see it.

The check raises a problem by a rule's key (`problems.invalid(rule.key)`) and `messages.py` words
it; `editing/schemas.py` writes each rule's pattern or fragment into the schemas, with the same
message from `messages.py` (`messages.in_a_schema`). A rule's regular expression is written here,
and only here: the check compiles it (`Rule.regex`), the schemas copy it. A rule whose check is
code (a web address through `urlsplit`, a date through the calendar) has its pattern here as well;
tests/test_schemas.py gives both the same values and wants the same verdict.

- `Kind`: a kind of value (the `x-kind` in pydantic's schema), with its check and its rules; the
  records are `fields.KINDS`, beside the checks.
- `ENTRY_RULES`: rules between the fields of one entry.
- `TYPE_KEYS`, `FIELD_KEYS`: what a schema says about a value of the wrong type, a missing field.
- `ONLY_THE_CHECK`: the rules no schema can say, each with the reason.
- `SCHEMA_SAYS_INSTEAD`: the rules a schema refuses with another rule's message.

Every pattern must mean the same in Python's `re` (the check, jsonschema) and in JavaScript with
the `u` flag (yaml-language-server): no `$` (Python lets it match before a final line break), no
`\\s` on its own (the two disagree on a few spaces; `[\\s\\S]` is any character in both), and only
escapes that the `u` flag allows. A schema searches a pattern anywhere in the value, so does
`Rule.passes`. The check strips spaces around values and counts lengths in characters (code
points), so the patterns allow spaces around a value and count with `[\\s\\S]`, which is one code
point with `u`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any

from .moments import FIRST_YEAR, LAST_YEAR, WRITTEN, ZONE

Schema = dict[str, Any]

# The characters Python's str.strip() removes (str.isspace), spelled out: `\s` differs between
# Python and JavaScript (U+001C to U+001F, U+0085, U+FEFF).
SPACE = r"\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
END = r"(?![\s\S])"
TRIM = f"[{SPACE}]*"
# The line breaks of Python's str.splitlines, which the check uses: also U+2028 and U+0085.
_BREAKS = r"\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
# Control characters: YAML only lets them in through an escape between double quotes (`"\0"`, `"\a"`),
# usually a backslash meant as text. Tabs and line breaks have rules of their own.
CONTROL_CHARACTERS = r"\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);"


@dataclass(frozen=True)
class Rule:
    """One rule of a value: the message key the check gives, and the pattern a value must match.

    `source` is the pattern, or a function that makes it (when making it takes time, as for the
    hours the clock skips)."""

    key: str
    source: str | Callable[[], str] = field(repr=False)
    params: Mapping[str, str] = field(default_factory=dict)
    """What the message says besides the field (`{max_length}`), the same in the check and the schemas."""

    @cached_property
    def pattern(self) -> str:
        return self.source if isinstance(self.source, str) else self.source()

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern)

    def passes(self, value: str) -> bool:
        """What a schema says of the value: the pattern is found in it."""
        return self.regex.search(value) is not None


# --- text -----------------------------------------------------------------------------------------

EMPTY = Rule("empty", f"[^{SPACE}]")
NO_CONTROL = Rule("control_character", f"^[^{CONTROL_CHARACTERS}]*{END}")
ONE_LINE = Rule("multiple_lines", f"^(?![\\s\\S]*\\r){TRIM}[^{_BREAKS}]*{TRIM}{END}")
NO_HTML = Rule("html_in_text", f"^[^<>]*{END}")
NO_ENTITY = Rule("entity_in_text", f"^(?![\\s\\S]*{ENTITY})")


def too_long(max_length: int) -> Rule:
    """At most `max_length` characters, spaces around the value not counted (`{max_length}` in the message)."""
    return Rule("too_long", f"^{TRIM}[\\s\\S]{{0,{max_length}}}{TRIM}{END}")


# --- codes, addresses ------------------------------------------------------------------------------

SLUG_FORM = "[a-z0-9]+(?:-[a-z0-9]+)*"
"""An id: lower-case letters and digits, in groups joined by one hyphen. The open data says it too."""
SLUG = Rule("bad_slug", f"^{SLUG_FORM}{END}")
ID_MAX_LENGTH = 80
"""The longest id. An id becomes a folder and file name (`agenda/<id>/index.html`, `agenda/<id>.ics`)
and a web address. A file name may have 255 bytes on every common file system, and a whole path 260
characters on Windows (`C:\\Users\\…\\site\\communities\\<id>\\agenda.ics`): 80 leaves room
for the folders above it, and keeps an address short enough to read and to share."""
ID_LENGTH = Rule("id_too_long", f"^[\\s\\S]{{0,{ID_MAX_LENGTH}}}{END}", {"max_length": str(ID_MAX_LENGTH)})


def not_reserved(names: Iterable[str]) -> Rule:
    """Not one of `names`: the ids that a page of the site already has. They come from the site's
    addresses (`catalogue.filters.RESERVED_IDS`), above the contract: the check and the schemas are
    given them there, and both refuse them with this rule."""
    written = sorted(names)
    if not all(re.fullmatch("[A-Za-z0-9-]+", name) for name in written):
        raise ValueError(f"reserved ids are put in the pattern as they are, without escapes: {written}")
    return Rule("reserved_id", f"^(?!{TRIM}(?:{'|'.join(written)}){TRIM}{END})" if written else "")


# The check reads a web address with urlsplit; the pattern says the same: http(s), a host, no spaces.
# The host: a bracketed IPv6 address, or no brackets at all (`https://example.n[/`).
URL = Rule(
    "bad_url",
    f"^{TRIM}[Hh][Tt][Tt][Pp][Ss]?://(?:\\[[0-9A-Fa-f:.]+\\]|[^/?#\\[\\]{SPACE}])"
    f"[^/?#\\[\\]{SPACE}]*(?:[/?#][^{SPACE}]*)?{TRIM}{END}",
)
URL_CHARACTERS = '[<>"{}|\\\\^`\\x00-\\x08\\x0e-\\x1b\\x7f]|%(?![0-9A-Fa-f]{2})'
"""What RFC 3986 leaves out of a web address besides spaces (the rule above's), and a `%` that starts
no `%XX` code: an address in a page must never end an attribute or a `<script>` (`"`, `<`, `>`), and
browsers and calendar apps read the others each their own way. Letters beyond ASCII may stay (RFC
3987): a browser writes them as `%XX` itself."""
URL_CHARACTER = Rule("url_character", f"^(?![\\s\\S]*(?:{URL_CHARACTERS}))")
# What copying an address brings along (fields._url_mistakes): a character you cannot see (soft
# hyphen, zero-width space and joiners, the marks of writing direction, a byte order mark), or a comma
# typed for a dot in the host. The no-break space is a space: URL refuses it already. A Safe Links
# address (url_safelinks) is in ONLY_THE_CHECK: its message gives the real address, decoded.
URL_INVISIBLE_CHARACTERS = r"\xad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
URL_INVISIBLE = Rule("url_invisible", f"^(?![\\s\\S]*[{URL_INVISIBLE_CHARACTERS}])")
URL_COMMA_IN_HOST = Rule("url_comma_in_host", f"^(?!{TRIM}[Hh][Tt][Tt][Pp][Ss]?://[^/?#]*,)")
URL_MISTAKES = (URL_INVISIBLE, URL_COMMA_IN_HOST)
EMAIL = Rule(
    "bad_email",
    f'^{TRIM}[^@<>()\\[\\],;:"{SPACE}]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{{2,}}{TRIM}{END}',
)

# --- dates and times -------------------------------------------------------------------------------

if (FIRST_YEAR % 100, LAST_YEAR - FIRST_YEAR) != (0, 99):
    raise RuntimeError("the patterns of a year name one century: FIRST_YEAR must be 2000 or 2100 and so on")
_CENTURY = str(FIRST_YEAR // 100)
_WRITTEN = f"{TRIM}{WRITTEN}{TRIM}{END}"
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_DAY_AND = f"^{TRIM}{_DAY}[ T]"
TIMED = f"{_DAY_AND}[0-9]"
"""A value written as a date and a time."""
ALL_DAY = f"^{TRIM}{_DAY}{TRIM}{END}"
"""A value written as a date alone."""
# Month and day of a date that exists in any year; the 29th of February has its own rule.
_MONTH_DAY = "|".join(
    (
        r"(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
        r"(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
        r"02-(?:0[1-9]|1[0-9]|2[0-8])",
    )
)
_LEAP_DAY = f"{_CENTURY}(?:[02468][048]|[13579][26])-02-29"


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


# Each rule after the written form only judges a value written in that form, as parse_moment does.
MOMENT_FORM = Rule("bad_moment", f"^{_WRITTEN}")
DAY_FORM = Rule("bad_day", f"^{_WRITTEN}")
YEAR = Rule("year_out_of_range", f"^(?!{_WRITTEN})|^{TRIM}{_CENTURY}")
DATE_EXISTS = Rule("impossible_date", f"^(?!{_WRITTEN})|^{TRIM}(?:[0-9]{{4}}-(?:{_MONTH_DAY})|{_LEAP_DAY})")
TIME_EXISTS = Rule("impossible_time", f"^(?!{TIMED})|{_DAY_AND}(?:[01][0-9]|2[0-3]):[0-5][0-9]")
NOT_SKIPPED = Rule("nonexistent_time", lambda: f"^(?!{TRIM}(?:{_shifted_hours(skipped=True)}):)")
NOT_TWICE = Rule("ambiguous_time", lambda: f"^(?!{TRIM}(?:{_shifted_hours(skipped=False)}):)")
NO_TIME = Rule("deadline_form", f"^(?!{TIMED})")


MOMENT_RULES = (MOMENT_FORM, YEAR, DATE_EXISTS, TIME_EXISTS, NOT_SKIPPED, NOT_TWICE)
"""What parse_moment checks, in its order."""
DAY_RULES = (DAY_FORM, *MOMENT_RULES[1:], NO_TIME)
"""What parse_day checks, in its order."""


@dataclass(frozen=True)
class Kind:
    """A kind of value (the `x-kind` of a type in fields.py and models.py; the records are
    `fields.KINDS`): the check, its rules in the check's order, and the key for a value that is not
    text at all."""

    name: str
    check: Callable[[Any], Any] = field(repr=False)
    rules: tuple[Rule, ...]
    not_text: str = "not_text"


# --- the shape of a value and of an entry ------------------------------------------------------------

TYPE_KEYS: Mapping[str, str] = {
    "string": "not_text",
    "boolean": "not_bool",
    "integer": "not_whole_number",
    "array": "not_list",
    "object": "not_mapping",
}
"""A value of the wrong JSON type, by the type the field wants."""
FIELD_KEYS: Mapping[str, str] = {
    "empty": "empty",
    "empty_list": "empty_list",
    "choice": "not_one_of",
    "minimum": "negative",
    "min_items": "list_empty",
    "required": "missing",
    "unknown": "unknown_field",
    "file": "top_level",
}
"""What a schema says of a field: nothing after `veld:` (a list: `empty_list`), a value that is not
one of the choices, a number below the minimum, an empty list, a missing field, a field that does
not exist, and a file without its lists."""


def _when(condition: Schema, then: Schema) -> Schema:
    return {"if": condition, "then": then}


def _online_true(message: str) -> Schema:
    """`online` must be there and true; a value that is not true or false has its own message."""
    online = {"if": {"type": "boolean"}, "then": {"const": True, "errorMessage": message}}
    return {"required": ["online"], "errorMessage": message, "properties": {"online": online}}


def _pattern(pattern: str, message: str) -> Schema:
    return {"pattern": pattern, "patternErrorMessage": message}


_START_TIMED = {"required": ["start"], "properties": {"start": {"type": "string", "pattern": TIMED}}}
_START_ALL_DAY = {"required": ["start"], "properties": {"start": {"type": "string", "pattern": ALL_DAY}}}


def _needs_registration_url(name: str, condition: Schema) -> Callable[[str], Schema]:
    return lambda message: _when(
        {"required": [name], "properties": {name: condition}},
        {"required": ["registration_url"], "errorMessage": message},
    )


@dataclass(frozen=True)
class EntryRule:
    """A rule between the fields of one entry: its message key (with the parameters of the message),
    and the schema fragment that says it, given the message."""

    entry: str
    key: str
    fragment: Callable[[str], Schema] = field(repr=False)
    params: Mapping[str, str] = field(default_factory=dict)


ENTRY_RULES: tuple[EntryRule, ...] = (
    EntryRule("Location", "location_nowhere", lambda m: _when({"not": {"required": ["venue"]}}, _online_true(m))),
    EntryRule("Location", "online_url_without_online", lambda m: _when({"required": ["online_url"]}, _online_true(m))),
    EntryRule(
        "Location",
        "venue_without_address",
        lambda m: _when({"required": ["venue"]}, {"required": ["address"], "errorMessage": m}),
    ),
    EntryRule("Event", "missing_end", lambda m: _when(_START_TIMED, {"required": ["end"], "errorMessage": m})),
    EntryRule("Event", "end_form", lambda m: _when(_START_TIMED, {"properties": {"end": _pattern(TIMED, m)}})),
    EntryRule("Event", "end_form", lambda m: _when(_START_ALL_DAY, {"properties": {"end": _pattern(ALL_DAY, m)}})),
    EntryRule(
        "Event",
        "registration_without_url",
        _needs_registration_url("registration_deadline", {}),
        {"field": "registration_deadline"},
    ),
    EntryRule("Event", "registration_without_url", _needs_registration_url("full", {"const": True}), {"field": "full"}),
    EntryRule(
        "Accessibility",
        "accessibility_empty",
        lambda m: _when(
            {"not": {"required": ["contact"]}},
            {
                "required": ["features"],
                "errorMessage": m,
                "properties": {"features": {"contains": {}, "errorMessage": m}},
            },
        ),
    ),
)

# --- what only the check sees ---------------------------------------------------------------------------

_HOW_IT_IS_WRITTEN = (
    "how the YAML is written, which the parsed value no longer shows: the editor's own YAML reader "
    "marks some of it, in English"
)
_WHAT_YAML_MADE = "what YAML made of the lines, which the parsed value no longer shows"
_MARKDOWN = "what the Markdown in a description means takes a Markdown reader"
_TWO_MOMENTS = "comparing two moments"
_UNIQUE = (
    "a value twice in a list or in a file: uniqueItems speaks English, and the schema of a list cannot compare entries"
)
_OTHER_FILE = "a reference to communities.yaml, which the schema of another file cannot read"
ONLY_THE_CHECK: Mapping[str, str] = {
    **dict.fromkeys(
        (
            "not_utf8",
            "yaml_control_character",
            "yaml_tab",
            "yaml_anchor",
            "yaml_tag",
            "yaml_colon",
            "yaml_missing_colon",
            "yaml_space_after_colon",
            "yaml_nbsp",
            "yaml_needs_quotes",
            "yaml_indent",
            "missing_dash",
            "list_without_name",
            "yaml_documents",
            "yaml_quote",
            "yaml_escape",
            "yaml_syntax",
            "yaml_complex_key",
            "duplicate_key",
        ),
        _HOW_IT_IS_WRITTEN,
    ),
    **dict.fromkeys(("comment_in_value", "field_in_text", "joined_lines"), _WHAT_YAML_MADE),
    **dict.fromkeys(("html_in_markdown", "unsafe_link", "link_without_scheme"), _MARKDOWN),
    # What Markdown makes of a line depends on the lines around it (`---` under text, four spaces
    # after an empty line), and a conflict needs its markers on their own lines: a schema pattern on
    # the whole value cannot say where, and would refuse the same line in a list or in a `|` text.
    **dict.fromkeys(("markdown_heading", "markdown_code", "markdown_quote", "merge_conflict"), _MARKDOWN),
    **dict.fromkeys(("end_before_start", "deadline_after_start"), _TWO_MOMENTS),
    **dict.fromkeys(("duplicate_id", "duplicate_in_list"), _UNIQUE),
    **dict.fromkeys(("unknown_community", "unknown_theme"), _OTHER_FILE),
    "url_safelinks": "the message gives the real address, decoded from the Safe Links address; a schema cannot",
    "removed_still_used": "comparing communities.yaml with its version before the change (check --base)",
}
"""Every rule the schemas cannot say, with the reason: the editor sees these only in the check."""

SCHEMA_SAYS_INSTEAD: Mapping[str, str] = {
    "accessibility_list": "not_mapping",
    "field_too_deep": "unknown_field",
    "field_too_shallow": "unknown_field",
    "not_indented": "unknown_field",
    "comma_in_flow": "unknown_field",
}
"""Rules the schemas refuse with another rule's message: the check names the cause (indentation, a
comma), the schema only sees the field that results."""


def in_the_schema(kinds: Iterable[Kind]) -> frozenset[str]:
    """The key of every rule the schemas say with its own message, with the kinds of value `kinds`."""
    kinds = list(kinds)
    keys = {rule.key for kind in kinds for rule in kind.rules}
    keys |= {kind.not_text for kind in kinds}
    keys |= {rule.key for rule in ENTRY_RULES}
    keys |= {too_long(1).key, not_reserved(()).key}
    return frozenset(keys | set(TYPE_KEYS.values()) | set(FIELD_KEYS.values()))
