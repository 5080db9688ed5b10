"""Strict YAML loading that remembers where every value stands.

Editors write YAML by hand, so the loader refuses what only surprises them: tabs, duplicate keys,
anchors and aliases (they also allow alias bombs), explicit tags and bytes that are not UTF-8.
Plain scalars follow the YAML 1.2 core schema for null, booleans and integers only; everything
else stays the string the editor typed (`no`, `12:30`, `0123`, `2026-12-08`), so that the models,
not the YAML library, decide what a value means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import DataError, Problem

Loc = tuple[str | int, ...]

_NULL = re.compile(r"^(?:null|Null|NULL|~|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^-?(?:0|[1-9][0-9]*)$")


@dataclass
class Document:
    """One loaded file: its data and the position (line, column; 1-based) of every value and key."""

    file: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

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

    def source(self, loc: Loc) -> Source:
        """Where the mapping at `loc` stands, with the place of each of its values."""
        entry = self.data
        for part in loc:
            entry = entry[part]
        fields = {name: self.values[(*loc, name)] for name in entry}
        return Source(self.file, *self.position(loc), fields)


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

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]  # PyYAML's stubs leave Parser.peek_event untyped
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None):
            raise _Refused(event, "yaml_anchor")
        if isinstance(event, ScalarEvent | CollectionStartEvent) and event.tag not in (None, "!"):
            raise _Refused(event, "yaml_tag")
        return super().compose_node(parent, index)


def load(path: Path, display_name: str) -> Document:
    """Load one editor file, raising `DataError` with every problem that stops reading it."""
    if not path.is_file():
        raise DataError([Problem(display_name, 1, 1, "file_missing")])
    return loads(_decode(path.read_bytes(), display_name), display_name)


def loads(text: str, display_name: str) -> Document:
    """Load an editor file's text (also an older version of it, from git)."""
    _refuse_tabs(text, display_name)
    try:
        root = compose(text)
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
    document = Document(display_name, None)
    problems: list[Problem] = []
    if root is not None:
        document.data = _convert(root, (), document, problems)
    if problems:
        raise DataError(problems)
    return document


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


_QUOTED_VALUE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#"'][^:#]*:\s+)?(["'])""")
_KEY_ON_ITS_OWN_LINE = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*$")
# A value that starts like a list, a mapping or a quoted text but goes on after it: `[Online] Titel`.
_SPECIAL_START = re.compile(r"""^(\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+)[\[{"']""")


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, display_name: str) -> Problem:
    """The place and the likely cause of a YAML syntax error, in the editor's terms.

    PyYAML notices many mistakes only later in the file; where the cause can be told from the
    text (an unclosed quote, a field indented too deep, a missing colon), the problem is put there.
    """
    mark = error.problem_mark or error.context_mark
    described = f"{error.context or ''} {error.problem or ''}"
    key = next((key for hint, key in _SYNTAX_HINTS if hint in described), "yaml_syntax")
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    unclosed = _unclosed_quote(lines[:line])
    if unclosed:
        return Problem(display_name, *unclosed, "yaml_quote")
    special = _SPECIAL_START.match(lines[line - 1]) if line <= len(lines) else None
    if special and _closes_before(lines[line - 1], len(special.group(1)), column - 1):
        return Problem(display_name, line, len(special.group(1)) + 1, "yaml_needs_quotes")
    if key == "yaml_escape":
        column -= 1  # PyYAML points after the backslash; the editor looks for the backslash itself
    elif key == "yaml_missing_colon" and error.context_mark is not None:
        line, column = error.context_mark.line + 1, error.context_mark.column + 1
    elif key == "yaml_colon" and line <= len(lines) and _KEY_ON_ITS_OWN_LINE.match(lines[line - 1][: column - 1]):
        # "key: value" read as the continuation of the line above: the key is indented too deep.
        source_line = lines[line - 1]
        return Problem(display_name, line, len(source_line) - len(source_line.lstrip()) + 1, "yaml_indent")
    return Problem(display_name, line, column, key)


def _closes_before(source_line: str, start: int, error: int) -> bool:
    """True when the bracket or quote at `start` closes before the error: text follows after it."""
    closing = {"[": "]", "{": "}"}.get(source_line[start], source_line[start])
    end = source_line.find(closing, start + 1)
    return 0 <= end < error


def _unclosed_quote(lines: list[str]) -> tuple[int, int] | None:
    """The first value that opens a quote and does not close it on the same line.

    YAML allows quoted text over several lines, but editors never mean to: an unclosed quote
    swallows the lines after it, and PyYAML then reports a confusing error further down.
    """
    for number, source_line in enumerate(lines, start=1):
        match = _QUOTED_VALUE.match(source_line)
        if not match:
            continue
        quote, rest = match.group(1), source_line[match.end() :]
        closing = re.search(r'(?<!\\)"' if quote == '"' else r"'(?!')", rest.replace("''", ""))
        if closing is None:
            return number, match.start(1) + 1
    return None


def _convert(node: Node, loc: Loc, document: Document, problems: list[Problem]) -> Any:
    document.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_convert(item, (*loc, i), document, problems) for i, item in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key_position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        if not isinstance(key_node, ScalarNode):
            problems.append(Problem(document.file, *key_position, "yaml_complex_key"))
            continue
        key = key_node.value
        if key in result:
            first_line = document.keys[(*loc, key)][0]
            problems.append(Problem(document.file, *key_position, "duplicate_key", {"field": key, "first": first_line}))
            continue
        document.keys[(*loc, key)] = key_position
        result[key] = _convert(value_node, (*loc, key), document, problems)
    return result


def _scalar(node: ScalarNode) -> Any:
    value = node.value
    if node.style is not None:
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
