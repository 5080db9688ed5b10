"""New entries for the data files, appended as text so that the rest of the file stays exactly as
the editors wrote it: comments, quotes, order, line endings and a byte order mark included.

Each value is written so that it reads back as exactly the text that was given: text YAML would read
otherwise is quoted, invisible characters and line breaks inside a value are escaped (so a value can
never add a field), and the whole new file is read back and compared with what was meant before it
replaces the old one.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..data.checking.load import load
from ..data.reading import loader
from ..data.reading.files import DataFiles
from ..data.wording.problems import DataError
from ..pages.templating import new_environment


class EntryError(Exception):
    """The entry cannot be added to the list `list_key` of this file as it stands."""

    def __init__(self, list_key: str) -> None:
        super().__init__(list_key)
        self.list_key = list_key


class NoList(EntryError):
    """The file has no top-level `list_key:`."""


class NotABlockList(EntryError):
    """`list_key:` holds something else than entries on lines of their own, such as `[{...}]`."""


class EntryChanged(EntryError):
    """Read back, the new text does not hold the old data plus exactly the new entry."""


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The last character a `\u` escape can write; beyond it YAML needs `\U` and eight digits.
_LAST_SHORT_ESCAPE = 0xFFFF
# Where the template puts a block's lines: two spaces deeper than the fields of an entry.
_BLOCK_INDENT = " " * 4


def quoted(text: str) -> str:
    """A YAML double-quoted string; control, format and line-separator characters are escaped, since
    YAML would refuse some, fold others into spaces, and an editor cannot see any of them."""
    return '"' + "".join(_ESCAPES.get(char) or _escaped(char) for char in text) + '"'


def _escaped(char: str) -> str:
    category = unicodedata.category(char)
    if category[0] != "C" and category not in ("Zl", "Zp"):
        return char
    return f"\\u{ord(char):04x}" if ord(char) <= _LAST_SHORT_ESCAPE else f"\\U{ord(char):08x}"


def plain_or_quoted(text: str) -> str:
    """Plain where that reads back as the same text (`open-dag-2027`), else quoted (`"2027"`, `"null"`)."""
    return text if _reads_back(f"- value: {text}", text) else quoted(text)


def block(text: str) -> str:
    """A literal block (`|`) that reads back as exactly `text`, else a quoted string; the block keeps
    Markdown readable, the quotes keep text a block cannot hold (tabs at a line's start, a lone CR)."""
    body = text.removesuffix("\n")
    lines = "".join(f"\n{_BLOCK_INDENT}{line}" if line else "\n" for line in body.split("\n"))
    for header in ("|", "|2", "|-", "|2-", "|+", "|2+"):
        if _reads_back(f"- value: {header}{lines}", text):
            return header + lines
    return quoted(text)


def _reads_back(yaml_value: str, expected: str) -> bool:
    """Whether `yaml_value`, as the value of a field of an entry, is read as `expected` by the check's loader."""
    try:
        return bool(loader.loads(yaml_value + "\n", "").data == [{"value": expected}])
    except DataError:
        return False


@cache
def _environment() -> Environment:
    """YAML, not HTML: values are quoted by the filters instead of escaped."""
    env = new_environment(__package__ or "", autoescape=False)
    env.filters.update(
        yaml_text=quoted,
        yaml_id=plain_or_quoted,
        yaml_block=block,
        yaml_bool=lambda value: "true" if value else "false",
    )
    return env


def render_entry(template: str, entry: Mapping[str, Any]) -> str:
    """The YAML list item for `entry`, at indent 0 with line breaks as "\\n"."""
    return _environment().get_template(template).render(entry=entry)


def with_entry(text: str, list_key: str, entry: str) -> str:
    """`text` with `entry` (a YAML list item at indent 0) added at the end of the top-level list `list_key`,
    indented like the list and with the line breaks of the file."""
    root = loader.compose(text)
    found = [pair for pair in root.value if pair[0].value == list_key] if isinstance(root, MappingNode) else []
    if not found:
        raise NoList(list_key)
    key, value = found[0]
    first_break = _LINE_BREAK.search(text)
    newline = first_break.group(0) if first_break else "\n"
    if isinstance(value, SequenceNode) and value.value and not value.flow_style:
        indent = value.start_mark.column
        end = value.end_mark
        at = end.index if end.column == 0 else _next_line(text, end.index)
    elif (isinstance(value, SequenceNode) and value.flow_style and not value.value) or (
        isinstance(value, ScalarNode) and value.value == "" and not value.style
    ):
        # An empty list (`events: []`, or nothing after the key): the entries start on the next line.
        head = text[: value.start_mark.index].rstrip(" ")
        text = head + text[value.end_mark.index :]
        indent = key.start_mark.column + 2
        at = _next_line(text, len(head))
    else:
        raise NotABlockList(list_key)
    if at == len(text) and text and not _LINE_BREAK.match(text[-1]):
        text += newline
        at = len(text)
    lines = entry.removesuffix("\n").split("\n")
    added = "".join((" " * indent + line if line else "") + newline for line in lines)
    return text[:at] + added + text[at:]


def _next_line(text: str, index: int) -> int:
    """Where the line after the one holding `index` starts; the end of the text on the last line."""
    line_break = _LINE_BREAK.search(text, index)
    return line_break.end() if line_break else len(text)


def ensure_list(files: DataFiles, name: str, list_key: str) -> None:
    """Raise `EntryError` now, before any question, when an entry could not be added to the file."""
    with_entry((files.root / name).read_bytes().decode("utf-8"), list_key, "")


def append_checked(
    files: DataFiles,
    name: str,
    list_key: str,
    entry: str,
    expected: Mapping[str, Any],
    check: Callable[[DataFiles], object] = load,
) -> None:
    """Add the entry only if all files are valid before and after, and the file then reads back as the old
    data plus `expected`; else raise `DataError` or `EntryError` and change nothing.

    `check` is the whole check of the site (`build.load_site`), which knows more than the data alone.
    """
    check(files)
    target = files.root / name
    raw = target.read_bytes()
    text = raw.decode("utf-8")  # the check read it as UTF-8; a byte order mark stays in the text
    new_text = with_entry(text, list_key, entry)
    old = loader.loads(text, name).data
    if loader.loads(new_text, name).data != {**old, list_key: [*(old[list_key] or []), dict(expected)]}:
        raise EntryChanged(list_key)
    new_raw = new_text.encode("utf-8")
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch)
        for data_file in files.names:
            shutil.copy(files.root / data_file, trial / data_file)
        (trial / name).write_bytes(new_raw)
        check(DataFiles(trial, *files.names))
    try:
        target.write_bytes(new_raw)
    except OSError:
        # Writing can break off halfway (a full disk): put the old text back before saying so.
        with contextlib.suppress(OSError):
            if target.read_bytes() != raw:
                target.write_bytes(raw)
        raise
