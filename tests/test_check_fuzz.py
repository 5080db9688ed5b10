"""Random small edits (one to three) to the fixture files, as hurried typing makes them: the check never ends in a
traceback, and every problem is one line `bestand:regel:kolom: uitleg` with a known message.

The edits are seeded, so a failure can be repeated; the seed and the edit are in the message.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from conftest import DATA_FILES, FIXTURE, seeds
from generator.build import load_site
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import MESSAGES, format_problem
from generator.data.wording.problems import DataError

# What editors type by mistake: YAML's own characters, quotes from a word processor, odd spaces.
_TYPED = [
    ":",
    " ",
    "  ",
    "-",
    "- ",
    "#",
    " #",
    "'",
    '"',
    "“",
    "”",
    "\u00a0",
    "\t",
    "|",
    ">",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&",
    "*",
    "!",
    "%",
    "@",
    "`",
    "\n",
    "\n  ",
    "ja",
    "null",
    "2026",
    "é",
    "\\",
    "<b>",
    "&amp;",
]
SEEDS = range(seeds(400))


def _edit(text: str, rng: random.Random) -> tuple[str, str]:
    """The text with one small edit, and a description of it."""
    at = rng.randrange(len(text))
    kind = rng.choice(["insert", "delete", "replace", "swap-lines"])
    if kind == "insert":
        typed = rng.choice(_TYPED)
        return text[:at] + typed + text[at:], f"insert {typed!r} at {at}"
    if kind == "delete":
        length = rng.randint(1, 4)
        return text[:at] + text[at + length :], f"delete {text[at : at + length]!r} at {at}"
    if kind == "replace":
        typed = rng.choice(_TYPED)
        return text[:at] + typed + text[at + 1 :], f"replace {text[at]!r} by {typed!r} at {at}"
    lines = text.split("\n")
    line = rng.randrange(len(lines) - 1)
    lines[line], lines[line + 1] = lines[line + 1], lines[line]
    return "\n".join(lines), f"swap lines {line + 1} and {line + 2}"


@pytest.mark.parametrize("seed", SEEDS)
def test_a_random_typing_mistake_gives_messages_not_a_traceback(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, tmp_path / name)
    target = tmp_path / rng.choice(DATA_FILES)
    text, edits = target.read_text(encoding="utf-8"), []
    for _ in range(rng.randint(1, 3)):
        text, made = _edit(text, rng)
        edits.append(made)
    edit = "; ".join(edits)
    target.write_text(text, encoding="utf-8")
    try:
        load_site(DataFiles(tmp_path))
    except DataError as error:
        for problem in error.problems:
            line = format_problem(problem)
            assert problem.key in MESSAGES, f"seed {seed}, {target.name}: {edit}: {line}"
            assert "\n" not in line and line.startswith(f"{problem.file}:{problem.line}:{problem.column}: ")
            if problem.file == target.name:
                assert 1 <= problem.line <= text.count("\n") + 1, f"seed {seed}, {target.name}: {edit}: {line}"
