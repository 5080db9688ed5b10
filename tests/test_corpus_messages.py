"""Every message of the broken-file corpus, word for word, as an editor reads it.

tests/test_invalid.py checks that each broken file gives its message key at its place; this file
also holds the words, with the value, the field and the hint filled in (tests/fixtures/invalid/
messages.txt). After an intended change of a message, `make goldens` writes the file again: review
the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from test_invalid import CASES, CORPUS, make_data

from generator.build import load_site
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import format_problem
from generator.data.wording.problems import DataError

MESSAGES = CORPUS / "messages.txt"


def _messages(case_path: Path, folder: Path) -> list[str]:
    try:
        load_site(DataFiles(make_data(folder, case_path)))
    except DataError as error:
        return [format_problem(problem) for problem in error.problems]
    return []


def test_every_broken_file_gives_the_words_in_messages_txt(tmp_path: Path) -> None:
    lines = []
    for index, case in enumerate(CASES):
        name = f"{case.path.parent.name}/{case.path.stem}"
        lines += [f"{name}: {message}" for message in _messages(case.path, tmp_path / str(index))]
    text = "\n".join(lines) + "\n"
    if os.environ.get("UPDATE_GOLDENS"):
        MESSAGES.write_text(text, encoding="utf-8")
    expected = MESSAGES.read_text(encoding="utf-8").splitlines()
    assert [line for line in lines if line not in expected] == [], "make goldens writes the new words; review the diff"
    assert lines == expected
