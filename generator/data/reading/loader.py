"""Strict YAML loading that remembers where every value stands.

Editors write YAML by hand, so the loader refuses what only surprises them: tabs, duplicate keys,
anchors and aliases (they also allow alias bombs), explicit tags and bytes that are not UTF-8.
Plain scalars follow the YAML 1.2 core schema for null, booleans and integers only; everything
else stays the string the editor typed (`no`, `12:30`, `0123`, `2026-12-08`), so that the models,
not the YAML library, decide what a value means.

PyYAML's own parser, in Python, is the reference: it reports every problem, in the editor's terms.
It is also some twenty times slower than libyaml, so where libyaml is installed a file is read with
it first. That reading only ever gives a whole document, never a problem: whenever the file holds
something it cannot be sure to read exactly as the reference does (a tab, an anchor, a tag, a `#`
after a value, anything it cannot parse, any problem at all), the file is read again by the
reference, which then explains it. Valid files, the common case, are read once, at libyaml's speed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner
from yaml.tokens import ScalarToken

from ..wording.problems import DataError, Problem

Loc = tuple[str | int, ...]

_NULL = re.compile(r"^(?:null|Null|NULL|~|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^-?(?:0|[1-9][0-9]*)$")
# How the four above can start: most text starts otherwise and need not be matched against them.
_CORE_STARTS = frozenset("nNtTfF~-0123456789")


@dataclass
class Document:
    """One loaded file: its data and the position (line, column; 1-based) of every value and key."""

    file: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    comments_after: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    """Unquoted text values with a `# comment` after them on the same line: where the comment starts."""
    blocks: dict[Loc, tuple[int, int, str]] = field(default_factory=dict)
    """Text over more than one line: the first and last line, and how YAML joins the lines: `|` keeps
    them, `>`, `` (unquoted text), `"` and `'` (quoted text) make one line of them."""
    flow: set[Loc] = field(default_factory=set)
    """Mappings written on one line, between `{` and `}`."""
    _grouped: dict[int, dict[Loc, list[tuple[Loc, tuple[int, int]]]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @cached_property
    def lines(self) -> list[str]:
        """The text's lines, split once: the checks on text blocks look up lines for every block."""
        return self.text.splitlines()

    def position(self, loc: Loc, *, at_key: bool = False) -> tuple[int, int]:
        """Where `loc` stands, or its nearest parent that exists (a missing field has no place)."""
        loc = tuple(loc)
        if at_key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))

    def problem(self, loc: Loc, key: str, *, at_key: bool = False, **params: Any) -> Problem:
        line, column = self.position(loc, at_key=at_key)
        return Problem(self.file, line, column, key, params)

    def inside(self, loc: Loc, index: int, near: str = "") -> tuple[int, int]:
        """Where the line `index` (0-based) of the text at `loc` stands in the file.

        In `|` text each line of the value is a line of the file, from the line under `veld: |` on.
        In `>`, unquoted and quoted text YAML joins lines: there the first line of the block that
        holds `near` (the start of the problem) is meant. When it is not found (a `\\n` between
        double quotes, an escape), the start of the value stands for it."""
        start = self.position(loc)
        block = self.blocks.get(loc)
        if block is None:
            return start
        first, last, style = block
        lines = self.lines
        if style == "|":
            number = max(1, min(first + index, last, len(lines)))
            text = lines[number - 1]
            column = text.find(near.strip()[:40]) if near.strip() else -1
            return number, (column if column >= 0 else len(text) - len(text.lstrip(" "))) + 1
        wanted = near.strip()[:40]
        for number in range(start[0], min(last, len(lines)) + 1):
            column = lines[number - 1].find(wanted) if wanted else -1
            if column >= 0 and (number, column + 1) >= start:
                return number, column + 1
        return start

    def source(self, loc: Loc) -> Source:
        """Where the mapping at `loc` stands, with the place of each of its values."""
        entry = self.data
        for part in loc:
            entry = entry[part]
        fields = {name: self.values[(*loc, name)] for name in entry}
        # And the values inside it, by their path: `location.online_url`, `materials.0.url`.
        for path, place in self._inside(loc):
            fields[".".join(str(part) for part in path[len(loc) :])] = place
        return Source(self.file, *self.position(loc), fields)

    def _inside(self, loc: Loc) -> list[tuple[Loc, tuple[int, int]]]:
        """The values two or more levels inside the mapping at `loc`. The values are grouped by their
        first len(loc) parts once per length: asked for each of 2,000 events, a walk over every value
        of the file each time made the check 8 times slower (O(events × values))."""
        depth = len(loc)
        if depth not in self._grouped:
            groups: dict[Loc, list[tuple[Loc, tuple[int, int]]]] = {}
            for path, place in self.values.items():
                if len(path) > depth + 1:
                    groups.setdefault(path[:depth], []).append((path, place))
            self._grouped[depth] = groups
        return self._grouped[depth].get(loc, [])


@dataclass(frozen=True)
class Source:
    """Where a loaded entry stands in its file, kept on the entry for messages about valid data and
    for the links that open the entry in the editor."""

    file: str
    line: int
    column: int
    fields: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False)

    def problem(self, key: str, field_name: str | None = None, **params: Any) -> Problem:
        """A problem at the value of `field_name`, or at the entry itself."""
        line, column = self.fields.get(field_name or "", (self.line, self.column))
        return Problem(self.file, line, column, key, params)


class _Refused(Exception):
    def __init__(self, event: NodeEvent, key: str) -> None:
        self.event = event
        self.key = key


class _StrictLoader(Reader, Scanner, Parser, Composer, BaseResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        BaseResolver.__init__(self)
        self.comments: dict[int, int] = {}
        """Where comments start: line to column (0-based), for text that YAML cut off at ` #`."""

    def scan_to_next_token(self) -> None:
        """PyYAML's own loop, which drops comments; this one also remembers where each starts."""
        if self.index == 0 and self.peek() == "\ufeff":
            self.forward()
        while True:
            while self.peek() == " ":
                self.forward()
            if self.peek() == "#":
                self.comments.setdefault(self.line, self.column)
                while self.peek() not in "\0\r\n\x85\u2028\u2029":
                    self.forward()
            if not self.scan_line_break():  # type: ignore[no-untyped-call]  # untyped in PyYAML's stubs
                return
            if not self.flow_level:
                self.allow_simple_key = True

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave Parser.peek_event untyped
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event, "yaml_anchor")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in (None, "!"):
            raise _Refused(event, "yaml_tag")
        return super().compose_node(parent, index)


def load(path: Path, display_name: str) -> Document:
    """Load one editor file, raising `DataError` with every problem that stops reading it."""
    if path.is_dir():
        raise DataError([Problem(display_name, 1, 1, "file_is_folder")])
    if not path.is_file():
        raise DataError([Problem(display_name, 1, 1, "file_missing")])
    try:
        content = path.read_bytes()
    except OSError as error:  # no permission to read it, or a broken disk: a message, not a traceback
        raise DataError([Problem(display_name, 1, 1, "file_unreadable", {"reason": error.strerror or error})]) from None
    return loads(_decode(content, display_name), display_name)


def loads(text: str, display_name: str) -> Document:
    """Load an editor file's text (also an older version of it, from git)."""
    _refuse_tabs(text, display_name)
    if libyaml is not None:
        try:
            return _libyaml_document(text, display_name, libyaml)
        except _Unsure:
            pass
    return _reference_document(text, display_name)


def _reference_document(text: str, display_name: str) -> Document:
    loader: _StrictLoader | None = None
    try:
        loader = _StrictLoader(text)
        root = loader.get_single_node()
    except _Refused as refused:
        mark = refused.event.start_mark  # the parser marks every event; the stubs allow None
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise DataError([Problem(display_name, line, column, refused.key)]) from None
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, text, display_name)]) from None
    except yaml.reader.ReaderError as error:
        line, column = _line_column(text, error.position)
        raise DataError(
            [Problem(display_name, line, column, "yaml_control_character", {"code": f"U+{error.character:04X}"})]
        ) from None
    finally:
        if loader is not None:
            loader.dispose()
    document = Document(display_name, None, text=text)
    problems: list[Problem] = []
    if root is not None:
        document.data = _convert(root, (), document, problems, _ReferenceReading(loader.comments))
    if problems:
        raise DataError(problems)
    return document


# Where libyaml and PyYAML's Python parser part ways: libyaml takes tabs as spaces in more places
# and skips a byte order mark at the start of any line; other line breaks than \n are rare enough
# to leave to the reference rather than to prove alike.
_UNSURE_CHARACTERS = ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")
# The tag that the composer below gives every node without an explicit tag.
_IMPLICIT = ""


class _Unsure(Exception):
    """The libyaml reading cannot vouch for the same result as the reference: read the file again."""


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class LibyamlComposer(CParser):
        """libyaml's parser and composer, with the implicit tags left empty: an explicit tag shows."""

        def resolve(self, kind: type[Node], value: str | None, implicit: tuple[bool, bool]) -> str:
            return _IMPLICIT

        def descend_resolver(self, current_node: Node | None, current_index: Any) -> None:
            """No path-dependent tags: nothing to follow."""

        def ascend_resolver(self) -> None:
            """No path-dependent tags: nothing to follow."""

    libyaml: type[LibyamlComposer] | None = LibyamlComposer
else:  # PyYAML built without libyaml: the reference reads every file
    libyaml = None


def _libyaml_document(text: str, display_name: str, composer: type[CParser]) -> Document:
    if any(character in text for character in _UNSURE_CHARACTERS):
        raise _Unsure
    parser = composer(text)
    try:
        root = parser.get_single_node()
    except (yaml.YAMLError, UnicodeError):
        raise _Unsure from None
    finally:
        parser.dispose()
    document = Document(display_name, None, text=text)
    problems: list[Problem] = []
    if root is not None:
        document.data = _convert(root, (), document, problems, _LibyamlReading(text))
    if problems:
        raise _Unsure
    return document


class _ReferenceReading:
    """What PyYAML's parser in Python noted while reading: where comments start."""

    def __init__(self, comments: dict[int, int]) -> None:
        self.comments = comments

    def check(self, node: Node) -> None:
        """The reference refuses anchors, aliases and tags while it composes: nothing is left to check."""

    def comment_after(self, node: ScalarNode) -> int:
        return self.comments.get(node.end_mark.line, -1)


class _LibyamlReading:
    """What libyaml does not tell, read from the text by the nodes' places, or left to the reference."""

    def __init__(self, text: str) -> None:
        self.text = text

    def check(self, node: Node) -> None:
        """An anchor (an alias is the anchored node again) or a tag starts the node's text, also the
        tag `!` that the reference allows (an anchor may follow it); a tag is also kept.

        Where libyaml reads otherwise: an empty value in a `{...}` stands where the next item
        starts for libyaml, right after the colon for the reference (empty values are refused
        anyway: `veld:` with nothing after it); a `?` inside a `[...]` or `{...}` goes on unquoted
        text for libyaml, where the reference ends the text before it; and libyaml takes a `#` right
        after `|` or `>` as a comment, where the reference refuses it.
        """
        start = node.start_mark.index
        if node.tag != _IMPLICIT or self.text.startswith(("&", "!"), start):
            raise _Unsure
        if isinstance(node, ScalarNode):
            if node.value == "" and not node.style:
                raise _Unsure
            if node.style in ("|", ">") and self.text.find("#", start, self._line_end(start)) >= 0:
                raise _Unsure
        elif (
            isinstance(node, CollectionNode)
            and node.flow_style
            and "?" in self.text[node.start_mark.index : node.end_mark.index]
        ):
            raise _Unsure

    def comment_after(self, node: ScalarNode) -> int:
        """libyaml drops comments; a `#` after unquoted text on its line is rare and always a
        problem (or a `#` in quotes further on the line), so the reference reads those files."""
        end = node.end_mark.index
        if self.text.find("#", end, self._line_end(end)) >= 0:
            raise _Unsure
        return -1

    def _line_end(self, index: int) -> int:
        end = self.text.find("\n", index)
        return end if end >= 0 else len(self.text)


def compose(text: str) -> Node | None:
    """The node tree of a text, read by the same rules; for tools that edit the file as text."""
    loader = _StrictLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _decode(raw: bytes, display_name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        # Columns count characters, as an editor shows them, not bytes.
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        raise DataError([Problem(display_name, line, column, "not_utf8")]) from None


def _line_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def _refuse_tabs(text: str, display_name: str) -> None:
    if "\t" not in text:
        return
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(Problem(display_name, number, indent.index("\t") + 1, "yaml_tab"))
    if problems:
        raise DataError(problems)


_SYNTAX_HINTS = (
    ("found character '\\t'", "yaml_tab"),
    ("mapping values are not allowed", "yaml_colon"),
    ("could not find expected ':'", "yaml_missing_colon"),
    ("expected <block end>", "yaml_indent"),
    ("expected a single document", "yaml_documents"),
    ("found unexpected end of stream", "yaml_quote"),
    ("found unknown escape character", "yaml_escape"),
    ("did not find expected key", "yaml_indent"),
    ("did not find expected '-' indicator", "yaml_indent"),
)


_KEY_ON_ITS_OWN_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*$")
# A value that starts like a list, a mapping or a quoted text but goes on after it: `[Online] Titel`.
_SPECIAL_START = re.compile(r"""^(\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+)[\[{"']""")
# `title:Terugblik` or `title:` with a no-break space: YAML reads one word, not a field and a value.
_NO_SPACE_AFTER_COLON = re.compile(r"^ *(?:- +)?([A-Za-z_][A-Za-z0-9_]*):([^ \t\r\n])")
_GLUED_ITEM = re.compile(r"^ *- +([a-z_]+):[^ \t/]")
_INDENT_WITH_NBSP = re.compile(r"^[ \u00a0]*\u00a0")
_FIELD_AT = re.compile(r"^( *)[A-Za-z_][A-Za-z0-9_]*:(?:\s|$)")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, display_name: str) -> Problem:
    """The place and the likely cause of a YAML syntax error, in the editor's terms.

    PyYAML notices many mistakes only later in the file. The problem moves away from where the
    parser failed only when the cause is certain: the scanner saw a quoted text run over more than
    one line, or the line itself shows the mistake. A guess never moves it.
    """
    mark = error.problem_mark or error.context_mark
    described = f"{error.context or ''} {error.problem or ''}"
    key = next((key for hint, key in _SYNTAX_HINTS if hint in described), "yaml_syntax")
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    unclosed = _unclosed_quote(error, text)
    if unclosed:
        return Problem(display_name, *unclosed, "yaml_quote")
    source_line = lines[line - 1] if line <= len(lines) else ""
    special = _SPECIAL_START.match(source_line)
    if special and _closes_before(source_line, len(special.group(1)), column - 1):
        return Problem(display_name, line, len(special.group(1)) + 1, "yaml_needs_quotes")
    certain = _wrong_start(lines) or _cause_on_this_or_the_line_above(lines, line, key)
    if certain:
        return Problem(display_name, *certain)
    if key == "yaml_escape":
        column -= 1  # PyYAML points after the backslash; the editor looks for the backslash itself
    elif key == "yaml_missing_colon" and error.context_mark is not None:
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
        glued = _NO_SPACE_AFTER_COLON.match(lines[line - 1]) if line <= len(lines) else None
        if glued and glued.group(2) == "\u00a0":
            return Problem(display_name, line, glued.end(1) + 2, "yaml_nbsp")
        if glued:
            return Problem(display_name, line, glued.end(1) + 1, "yaml_space_after_colon", {"field": glued.group(1)})
    elif key == "yaml_colon" and _KEY_ON_ITS_OWN_LINE.match(source_line[: column - 1]):
        # "key: value" read as the continuation of the line above: the key is indented too deep.
        return Problem(display_name, line, len(source_line) - len(source_line.lstrip()) + 1, "yaml_indent")
    if key == "yaml_indent" and _starts_an_item_without_dash(lines, line):
        field = _FIELD_AT.match(source_line)
        assert field is not None  # noqa: S101 - narrows the type: the line starts an item
        name = source_line.strip().split(":", 1)[0]
        return Problem(display_name, line, len(field.group(1)) + 1, "missing_dash", {"field": name})
    return Problem(display_name, line, column, key)


def _cause_on_this_or_the_line_above(
    lines: list[str], line: int, key: str
) -> tuple[int, int, str, dict[str, str]] | None:
    """A mistake that YAML only notices on the next line: a no-break space in the indentation, or
    `- id:cx` (one text in a list, so the fields below it seem indented wrong)."""
    above = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip()), 0)
    for number in (line, above) if line <= len(lines) else (above,):
        if number and _INDENT_WITH_NBSP.match(lines[number - 1]):
            return number, lines[number - 1].index("\u00a0") + 1, "yaml_nbsp", {}
    glued = _GLUED_ITEM.match(lines[above - 1]) if above and key in ("yaml_indent", "yaml_colon") else None
    if glued:
        return above, glued.end(1) + 1, "yaml_space_after_colon", {"field": glued.group(1)}
    return None


_TOP_FIELD = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*:(?:\s|$)")


def _wrong_start(lines: list[str]) -> tuple[int, int, str] | None:
    """The first line of the file, when a field such as `communities:` comes later at the left margin
    and the file begins with a list (the name above it, `themes:`, was deleted) or with a field that
    is indented (` themes:`). PyYAML fails only at that later field."""
    content = [(n, text) for n, text in enumerate(lines, 1) if text.strip() and not text.lstrip().startswith("#")]
    if not content or not any(_TOP_FIELD.match(text) for _, text in content[1:]):
        return None
    number, first = content[0]
    if first.lstrip().startswith("- "):
        return number, len(first) - len(first.lstrip()) + 1, "list_without_name"
    if first.startswith(" ") and _FIELD_AT.match(first):
        return number, 1, "yaml_indent"
    return None


def _starts_an_item_without_dash(lines: list[str], line: int) -> bool:
    """True when `line` is a field at the column where the items above start with `- `."""
    field = _FIELD_AT.match(lines[line - 1]) if line <= len(lines) else None
    if field is None:
        return False
    dash = f"{field.group(1)}- "
    return any(earlier.startswith(dash) for earlier in lines[: line - 1])


def _closes_before(source_line: str, start: int, error: int) -> bool:
    """True when the bracket or quote at `start` closes before the error: text follows after it."""
    closing = {"[": "]", "{": "}"}.get(source_line[start], source_line[start])
    end = source_line.find(closing, start + 1)
    return 0 <= end < error


def _unclosed_quote(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int] | None:
    """Where a quoted text starts that the scanner read over more than one line, if any.

    YAML allows quoted text over several lines, but editors never mean to: an unclosed quote
    swallows the lines after it, and PyYAML then reports a confusing error further down. The
    scanner's own tokens tell it for sure; a quote at the start of a line inside `description: |`
    is text, not a quote.
    """
    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return error.context_mark.line + 1, error.context_mark.column + 1
    try:
        for token in yaml.scan(text):
            quoted = isinstance(token, ScalarToken) and token.style in ('"', "'")
            if quoted and token.end_mark.line > token.start_mark.line:
                return token.start_mark.line + 1, token.start_mark.column + 1
    except yaml.YAMLError:
        pass
    return None


_Reading = _ReferenceReading | _LibyamlReading


def _convert(node: Node, loc: Loc, document: Document, problems: list[Problem], reading: _Reading) -> Any:
    reading.check(node)
    document.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        style = node.style or None  # libyaml marks unquoted text with "", PyYAML with None
        value = _scalar(node.value, style)
        if style in ("|", ">"):
            document.blocks[loc] = (node.start_mark.line + 2, node.end_mark.line, style)
        elif node.end_mark.line > node.start_mark.line:  # unquoted or quoted text over more lines
            document.blocks[loc] = (node.start_mark.line + 1, node.end_mark.line + 1, style or "")
        if style is None and isinstance(value, str):
            comment = reading.comment_after(node)
            if comment >= node.end_mark.column:
                document.comments_after[loc] = (node.end_mark.line + 1, comment + 1)
        return value
    if isinstance(node, SequenceNode):
        return [_convert(item, (*loc, i), document, problems, reading) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)  # noqa: S101 - narrows the type: scalar and sequence returned above
    if node.flow_style:
        document.flow.add(loc)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        reading.check(key_node)
        key_position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key_node, ScalarNode):
            problems.append(Problem(document.file, *key_position, "yaml_complex_key"))
            continue
        key = key_node.value
        if key in result and loc and isinstance(loc[-1], int) and key == next(iter(result)):
            # The first field of a list item again: a new item whose `- ` is missing. One message for
            # the cause, instead of one "twice" for each of its fields.
            problems.append(Problem(document.file, *key_position, "missing_dash", {"field": key}))
            break
        if key in result:
            first_line = document.keys[(*loc, key)][0]
            problems.append(Problem(document.file, *key_position, "duplicate_key", {"field": key, "first": first_line}))
            continue
        document.keys[(*loc, key)] = key_position
        result[key] = _convert(value_node, (*loc, key), document, problems, reading)
    return result


def plain_scalar(value: str) -> Any:
    """An unquoted scalar's value: the core schema's null, booleans and integers, else the text."""
    return _scalar(value, None)


def _scalar(value: str, style: str | None) -> Any:
    if style is not None or (value and value[0] not in _CORE_STARTS):
        return value
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT.match(value):
        return int(value)
    return value
