"""CONTRIBUTING.md stays in step with the code: every message, every field, and working examples.

Examples marked `<!-- voorbeeld: <file> -->` on the line before a ```yaml fence are complete small
files (`events:` with one entry, ...). Each is merged into a copy of the fixture site, list by list,
and the result must load without a single problem.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import DATA_FILES, FIXTURE, ROOT
from generator import models
from generator.errors import DataError
from generator.messages import MESSAGES, format_problem
from generator.validate import DataFiles, load_network

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
# Imported through the module: pytest would try to collect a class named Test… as a test.
MODELS: tuple[type[BaseModel], ...] = (
    models.Theme, models.Testimonial, models.Project, models.Community, models.Location, models.Event,
    models.ExternalCommunity,
)
_EXAMPLE = re.compile(r"^<!-- voorbeeld: ([a-z_]+\.yaml) -->\n```yaml\n(.*?)^```$", re.M | re.S)
_TOP_KEY = re.compile(r"^([a-z_]+):\s*$")


def _text() -> str:
    return CONTRIBUTING.read_text(encoding="utf-8")


def _table_rows(text: str) -> set[str]:
    """The first cell of every Markdown table row, as written (`| `name` | ...` gives "`name`")."""
    return {line.split("|")[1].strip() for line in text.splitlines() if line.startswith("| ")}


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def _examples() -> list[tuple[str, str]]:
    return [(match.group(1), match.group(2)) for match in _EXAMPLE.finditer(_text())]


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_explained(key: str) -> None:
    assert f"`{key}`" in _table_rows(_section(_text(), "Meldingen")), f"CONTRIBUTING.md, Meldingen: no row for {key}"


@pytest.mark.parametrize(
    ("model", "field"),
    [(model, field) for model in MODELS for field in model.model_fields],
    ids=lambda value: value.__name__ if isinstance(value, type) else str(value),
)
def test_every_field_is_in_a_table(model: type[BaseModel], field: str) -> None:
    assert f"`{field}`" in _table_rows(_text()), f"CONTRIBUTING.md: no table row for {model.__name__}.{field}"


def test_there_is_an_example_for_each_file() -> None:
    assert {name for name, _ in _examples()} == set(DATA_FILES)


def _sections(source: str) -> tuple[list[str], dict[str, list[str]]]:
    """The lines before the first top-level key, and the lines under each top-level key."""
    preamble: list[str] = []
    sections: dict[str, list[str]] = {}
    current: list[str] = preamble
    for line in source.splitlines():
        match = _TOP_KEY.match(line)
        if match:
            current = sections.setdefault(match.group(1), [])
        else:
            current.append(line)
    return preamble, sections


def _merge(fixture: str, example: str) -> str:
    """The fixture file with the example's entries added at the end of each list."""
    preamble, sections = _sections(fixture)
    example_preamble, additions = _sections(example)
    assert not any(line.strip() for line in example_preamble), "an example starts with its list, like `events:`"
    for key, lines in additions.items():
        sections.setdefault(key, []).extend(lines)
    merged = list(preamble)
    for key, lines in sections.items():
        merged += [f"{key}:", *lines]
    return "\n".join(merged) + "\n"


@pytest.mark.parametrize(
    ("file_name", "example"), _examples(), ids=[f"{name}-{n}" for n, (name, _) in enumerate(_examples(), 1)]
)
def test_example_is_valid(file_name: str, example: str, tmp_path: Path) -> None:
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, tmp_path / name)
    target = tmp_path / file_name
    target.write_text(_merge(target.read_text(encoding="utf-8"), example), encoding="utf-8")
    try:
        network = load_network(DataFiles(tmp_path))
    except DataError as error:
        pytest.fail("\n".join(format_problem(problem) for problem in error.problems))
    before = load_network(DataFiles(FIXTURE))
    sizes = (len(network.themes), len(network.communities), len(network.events), len(network.external))
    old_sizes = (len(before.themes), len(before.communities), len(before.events), len(before.external))
    assert sum(sizes) > sum(old_sizes), "the example added nothing"
