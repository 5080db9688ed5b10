"""New entries for the data files, appended as text so that the rest of the file stays exactly as
the editors wrote it (comments, quotes and order included)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from .templating import environment
from .validate import DataFiles, load


def render_entry(template: str, **values: Any) -> str:
    return environment().get_template(template).render(**values)


def with_entry(text: str, list_key: str, entry: str) -> str:
    """`text` with `entry` (a YAML list item at indent 0) added at the end of the top-level list `list_key`."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    sequence = next(value for key, value in root.value if key.value == list_key)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    if sequence.value and not sequence.flow_style:
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


def append_checked(files: DataFiles, name: str, list_key: str, entry: str) -> None:
    """Add the entry only if all files are still valid with it; else raise `DataError` and change nothing."""
    target = files.root / name
    new_text = with_entry(target.read_text(encoding="utf-8"), list_key, entry)
    with tempfile.TemporaryDirectory() as scratch:
        trial = Path(scratch)
        for data_file in (files.communities, files.events, files.external_communities):
            shutil.copy(files.root / data_file, trial / data_file)
        (trial / name).write_text(new_text, encoding="utf-8")
        load(DataFiles(trial, files.communities, files.events, files.external_communities))
    target.write_text(new_text, encoding="utf-8")
