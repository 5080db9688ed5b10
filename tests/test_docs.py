"""CONTRIBUTING.md stays in step with the code: every message, every field, and working examples.

Examples marked `<!-- voorbeeld: <file> -->` on the line before a ```yaml fence are complete small
files (`events:` with one entry, ...). Each is merged into a copy of the fixture site, list by list,
and the result must load without a single problem.

Every row of the "Meldingen" table has a wrong (`fout`) and a right (`goed`) example. The rows in
`CHECKED_BY_LOADING` have one-line `veld: waarde` examples for a field of a timed event: each is put
into the first event of the fixture site, where `fout` must give exactly that message and `goed` none.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import DATA_FILES, FIXTURE, ROOT
from generator.build import load_site
from generator.data.contract import models
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import MESSAGES, format_problem
from generator.data.wording.problems import DataError

CONTRIBUTING = ROOT / "CONTRIBUTING.md"
# Imported through the module: pytest would try to collect a class named Test… as a test.
MODELS: tuple[type[BaseModel], ...] = (
    models.Theme,
    models.Testimonial,
    models.Project,
    models.Community,
    models.Location,
    models.Accessibility,
    models.Material,
    models.Event,
    models.ExternalCommunity,
)
_EXAMPLE = re.compile(r"^<!-- voorbeeld: ([a-z_]+\.yaml) -->\n```yaml\n(.*?)^```$", re.M | re.S)
_TOP_KEY = re.compile(r"^([a-z_]+):\s*$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_CODE_CELL = re.compile(r"`([^`]+)`")
_FIELD_LINE = re.compile(r"([a-z_]+):(?: (.*))?")
MESSAGE_COLUMNS = ["code", "betekenis", "fout", "goed"]
# Things an editor needs to find in the guide: the GitHub check, the preview, the helper, the schemas.
MENTIONED = ("--format github", "voorbeeld-van-de-site", "python -m generator new event", "yaml-language-server")
# Rows whose `fout` and `goed` are one `veld: waarde` line for the first fixture event (timed:
# start "2026-10-25 14:00", end "2026-10-25 16:00"); see _with_line.
CHECKED_BY_LOADING = (
    "url_safelinks",
    "yaml_anchor",
    "yaml_tag",
    "yaml_colon",
    "yaml_quote",
    "yaml_escape",
    "yaml_syntax",
    "yaml_needs_quotes",
    "unknown_field",
    "empty",
    "not_one_of",
    "not_text",
    "not_bool",
    "not_list",
    "not_mapping",
    "list_empty",
    "bad_slug",
    "id_too_long",
    "html_in_text",
    "control_character",
    "entity_in_text",
    "html_in_markdown",
    "unsafe_link",
    "bad_url",
    "url_character",
    "bad_moment",
    "year_out_of_range",
    "impossible_date",
    "impossible_time",
    "nonexistent_time",
    "ambiguous_time",
    "end_form",
    "end_before_start",
    "location_nowhere",
    "online_url_without_online",
    "venue_without_address",
    "duplicate_in_list",
    "unknown_community",
    "unknown_theme",
    "reserved_id",
    "comment_in_value",
    "comma_in_flow",
    "link_without_scheme",
    "empty_list",
    "accessibility_empty",
    "accessibility_list",
)
# Rows with a one-line example that stands for what a table cell cannot hold: a byte that is not
# UTF-8, a control character, a text of more than 200 characters.
SYMBOLIC_EXAMPLES = frozenset({"not_utf8", "yaml_control_character", "too_long"})
FIRST_EVENT = "cx-terugblik"


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
        network = load_site(DataFiles(tmp_path))
    except DataError as error:
        pytest.fail("\n".join(format_problem(problem) for problem in error.problems))
    before = load_site(DataFiles(FIXTURE))
    sizes = (len(network.themes), len(network.communities), len(network.events), len(network.external))
    old_sizes = (len(before.themes), len(before.communities), len(before.events), len(before.external))
    assert sum(sizes) > sum(old_sizes), "the example added nothing"


def _cells(row: str) -> list[str]:
    """The cells of a Markdown table row; `\\|` inside a cell is a literal `|`."""
    return [cell.strip().replace("\\|", "|") for cell in _CELL_BORDER.split(row.strip())[1:-1]]


def _message_rows() -> dict[str, dict[str, str]]:
    """The rows of the table under "Meldingen", by code (without backticks)."""
    lines = [line for line in _section(_text(), "Meldingen").splitlines() if line.startswith("| ")]
    assert _cells(lines[0]) == MESSAGE_COLUMNS, f"CONTRIBUTING.md, Meldingen: the columns are {MESSAGE_COLUMNS}"
    rows: dict[str, dict[str, str]] = {}
    for line in lines[2:]:
        cells = _cells(line)
        assert len(cells) == len(MESSAGE_COLUMNS), f"CONTRIBUTING.md, Meldingen: {len(cells)} cells in {line!r}"
        row = dict(zip(MESSAGE_COLUMNS, cells, strict=True))
        rows[row["code"].strip("`")] = row
    return rows


def _example(cell: str) -> str:
    """The YAML of a `fout` or `goed` cell: one code span, not empty."""
    match = _CODE_CELL.fullmatch(cell)
    assert match and match.group(1).strip(), f"not one `code` example: {cell!r}"
    return match.group(1)


def test_the_message_table_has_exactly_the_message_codes() -> None:
    assert sorted(_message_rows()) == sorted(MESSAGES)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_a_wrong_and_a_right_example(key: str) -> None:
    row = _message_rows().get(key)
    assert row, f"CONTRIBUTING.md, Meldingen: no row for {key}"
    assert row["betekenis"], f"CONTRIBUTING.md, Meldingen: no betekenis for {key}"
    wrong, right = _example(row["fout"]), _example(row["goed"])
    assert wrong != right, f"CONTRIBUTING.md, Meldingen: fout and goed are the same for {key}"


@pytest.mark.parametrize("needle", MENTIONED)
def test_the_guide_mentions(needle: str) -> None:
    assert needle in _text()


def _one_line_field(cell: str) -> str | None:
    """The field of a `fout` or `goed` cell that is one `veld: waarde` line (⏎ marks a line break in a cell)."""
    match = _CODE_CELL.fullmatch(cell)
    line = _FIELD_LINE.fullmatch(match.group(1)) if match and "⏎" not in cell else None
    return line.group(1) if line else None


def test_every_one_line_event_example_is_checked_by_loading() -> None:
    """A new row with `veld: waarde` examples is loaded too, unless it is in SYMBOLIC_EXAMPLES."""
    assert len(set(CHECKED_BY_LOADING)) == len(CHECKED_BY_LOADING), "a key twice in CHECKED_BY_LOADING"
    errors = {key: row for key, row in _message_rows().items() if not key.startswith("warn_")}
    one_line = {
        key
        for key, row in errors.items()
        if _one_line_field(row["fout"]) and _one_line_field(row["goed"]) in models.Event.model_fields
    }
    assert one_line >= SYMBOLIC_EXAMPLES, SYMBOLIC_EXAMPLES - one_line
    assert set(CHECKED_BY_LOADING) == one_line - SYMBOLIC_EXAMPLES


@pytest.mark.parametrize("key", sorted(SYMBOLIC_EXAMPLES))
def test_symbolic_examples_cannot_be_loaded_as_written(key: str, tmp_path: Path) -> None:
    """Once such an example does give its message, it belongs in CHECKED_BY_LOADING."""
    assert _load_with(_example(_message_rows()[key]["fout"]), tmp_path) != [key]


def _field(example: str) -> str:
    """The field of a one-line `veld: waarde` example."""
    match = _FIELD_LINE.fullmatch(example)
    assert match, f"not one `veld: waarde` line: {example!r}"
    return match.group(1)


def _with_line(events: str, line: str) -> str:
    """events.yaml with `line` (`veld: waarde`) in the first event: in place of that field, or added at the end."""
    lines = events.split("\n")
    first = next(n for n, text in enumerate(lines) if text == f"  - id: {FIRST_EVENT}")
    after = next((n for n in range(first + 1, len(lines)) if lines[n].startswith("  - ")), len(lines))
    assert '    start: "2026-10-25 14:00"' in lines[first:after], "the examples assume this start (see Meldingen)"
    field = _field(line)
    for n in range(first, after):
        prefix = lines[n][:4]
        if lines[n][4:].startswith(f"{field}:"):
            lines[n] = prefix + line
            return "\n".join(lines)
    lines.insert(after, "    " + line)
    return "\n".join(lines)


def _load_with(line: str, folder: Path) -> list[str]:
    """The message keys the fixture site gives with `line` in its first event (empty when it loads)."""
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, folder / name)
    events = folder / "events.yaml"
    events.write_text(_with_line(events.read_text(encoding="utf-8"), line), encoding="utf-8")
    try:
        load_site(DataFiles(folder))
    except DataError as error:
        return [problem.key for problem in error.problems]
    return []


@pytest.mark.parametrize("key", CHECKED_BY_LOADING)
def test_the_examples_give_the_message(key: str, tmp_path: Path) -> None:
    row = _message_rows()[key]
    wrong, right = _example(row["fout"]), _example(row["goed"])
    assert _field(right) in models.Event.model_fields, f"{key}: goed is not a field of an event"
    (tmp_path / "fout").mkdir()
    (tmp_path / "goed").mkdir()
    assert _load_with(wrong, tmp_path / "fout") == [key], f"{key}: fout `{wrong}` does not give this message"
    assert _load_with(right, tmp_path / "goed") == [], f"{key}: goed `{right}` still gives a message"
