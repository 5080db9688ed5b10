"""New entries for the data files, appended as text so that the rest of the file stays exactly as
the editors wrote it (comments, quotes and order included)."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from yaml.nodes import MappingNode, SequenceNode

from ..data import loader
from ..data.files import DataFiles
from ..data.load import load
from ..pages.templating import new_environment


@cache
def _environment() -> Environment:
    """YAML, not HTML: values are quoted by the `yaml_string` filter instead of escaped."""
    env = new_environment(__package__ or "", autoescape=False)
    env.filters["yaml_string"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def render_entry(template: str, **values: Any) -> str:
    return _environment().get_template(template).render(**values)


def with_entry(text: str, list_key: str, entry: str) -> str:
    """`text` with `entry` (a YAML list item at indent 0) added at the end of the top-level list `list_key`."""
    root = loader.compose(text)
    if not isinstance(root, MappingNode):
        raise ValueError("the file has no top-level fields")
    sequence = next(value for key, value in root.value if key.value == list_key)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if isinstance(sequence, SequenceNode) and sequence.value and not sequence.flow_style:
        indent = sequence.value[0].start_mark.column - 2
        end = sequence.end_mark
        insert_at = end.line if end.column == 0 else end.line + 1
    else:
        # An empty list (`events: []`, or nothing after the key): the entries start on the next line.
        key_line = sequence.start_mark.line
        lines[key_line] = lines[key_line][: sequence.start_mark.column].rstrip() + "\n"
        indent, insert_at = 2, key_line + 1
    block = "".join(" " * indent + line if line.strip() else line for line in entry.splitlines(keepends=True))
    return "".join(lines[:insert_at]) + block + "".join(lines[insert_at:])


def append_checked(
    files: DataFiles, name: str, list_key: str, entry: str, check: Callable[[DataFiles], object] = load
) -> None:
    """Add the entry only if all files are valid before and after; else raise `DataError` and change nothing.

    `check` is the whole check of the site (`build.load_site`), which knows more than the data alone.
    """
    check(files)
    target = files.root / name
    new_text = with_entry(target.read_text(encoding="utf-8"), list_key, entry)
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch)
        for data_file in files.names:
            shutil.copy(files.root / data_file, trial / data_file)
        (trial / name).write_text(new_text, encoding="utf-8")
        check(DataFiles(trial, *files.names))
    target.write_text(new_text, encoding="utf-8")
