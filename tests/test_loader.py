"""The strict loader reads a file the same with libyaml as with PyYAML's parser in Python.

The Python parser is the reference (see generator/data/reading/loader.py); libyaml only reads faster. So
every file here is read both ways, and the results must be equal: the same data and the same places
of every value, key, text block and comment, or the same problems. Where libyaml cannot be sure, it
must leave the file to the reference rather than give a document of its own.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from test_check_fuzz import _edit
from test_invalid import CASES

from conftest import DATA_FILES, FIXTURE, ROOT
from generator.data.reading import loader
from generator.data.wording.problems import DataError

needs_libyaml = pytest.mark.skipif(loader.libyaml is None, reason="PyYAML is built without libyaml here")

# What PyYAML and libyaml might read differently, each on its own: block scalars with every header,
# text at the end of a file without a line break, quotes, flows, documents markers, other scripts.
EDGES = [
    "",
    "# alleen commentaar\n",
    "a: b",
    "a:",
    "a: |\n  een\n  twee",
    "a: |-\n  een\n\n\nb: 1\n",
    "a: |+\n  een\n\n\nb: 1\n",
    "a: >\n  een\n  twee\n\n  drie\n\n",
    "a: |2\n    ingesprongen\n  tekst\n",
    "a: | # uitleg\n  een\n",
    "a: |# uitleg\n  een\n",
    "a: >-2#\n  een\n",
    "a: >-\n  een\n",
    "a: een\n  twee\n\n  drie\nb: x\n",
    "a: 'it''s'\nb: \"\\u00e9 \\x41 \\/\"\n",
    'a: "een\n  twee"\n',
    "a: {b: c, d: [e, f], g: }\n",
    "a: {b, c: d}\n",
    "a: [b: , c]\n",
    "a: \"\"\nb: ''\n",
    "a: [b, 'c #d', \"e\"]\n",
    "a: [b?c, d ?e]\n",
    "a: {b: c? d}\n",
    "vraag: Hoe gaat het? Goed?\n",
    "a: {b: https://example.org/x?y=1, c: d}\n",
    "a: [b:c, d]\n",
    "a: {b:c}\n",
    "a: [b: c]\n",
    "a: b#c\n",
    "a: [b, c]  # uitleg\n",
    "a: 600 # ongeveer\n",
    "a: # leeg\n",
    "---\na: b\n...\n",
    "%YAML 1.1\n---\na: b\n",
    "a: 😀 café\nb: ü\n",
    "- a\n- - b\n  - c\n- d: e\n  f: g\n",
    "a:\n- b\n- c\n",
    "? a\n: b\n",
    "a: &x b\n",
    "a: *x\n",
    "a: !!str 1\n",
    "a: ! 1\n",
    "! &x b\n",
    "!!map\na: 1\n",
    "a: b\na: c\n",
    "a: b\r\nc: d\r\n",
    "a: b\tc\n",
    "a: b\u2028c\n",
    "a: \ufeffb\n",
    "a: b\n---\nc: d\n",
    "a: [b\n",
    "a: 'b\n",
    "a: \x07\n",
    "a: yes\nb: 0123\nc: 12:30\nd: ~\ne: TRUE\nf: -0\n",
]


def outcome(text: str) -> tuple[Any, ...]:
    """All a read gives: the document with every place it records, or the problems."""
    try:
        document = loader.loads(text, "bestand.yaml")
    except DataError as error:
        return ("problems", [(p.file, p.line, p.column, p.key, p.params) for p in error.problems])
    return (
        "document",
        document.data,
        document.values,
        document.keys,
        document.comments_after,
        document.blocks,
        document.flow,
    )


def both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
    fast = outcome(text)
    with monkeypatch.context() as patch:
        patch.setattr(loader, "libyaml", None)
        reference = outcome(text)
    return fast, reference


def _texts() -> list[tuple[str, str]]:
    files = [ROOT / name for name in DATA_FILES] + [FIXTURE / name for name in DATA_FILES]
    files += [case.path for case in CASES]
    return [(str(path.relative_to(ROOT)), text) for path in files if (text := _text(path)) is not None]


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None  # refused before any parser reads it


@needs_libyaml
@pytest.mark.parametrize(("name", "text"), _texts(), ids=[name for name, _ in _texts()])
def test_every_file_reads_the_same_with_libyaml(name: str, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, reference = both_ways(text, monkeypatch)
    assert fast == reference


@needs_libyaml
@pytest.mark.parametrize("text", EDGES)
def test_yaml_edge_cases_read_the_same_with_libyaml(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, reference = both_ways(text, monkeypatch)
    assert fast == reference


@needs_libyaml
@pytest.mark.parametrize("seed", range(300))
def test_random_typing_mistakes_read_the_same_with_libyaml(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(seed)
    text = (FIXTURE / rng.choice(DATA_FILES)).read_text(encoding="utf-8")
    edits = []
    for _ in range(rng.randint(1, 3)):
        text, made = _edit(text, rng)
        edits.append(made)
    fast, reference = both_ways(text, monkeypatch)
    assert fast == reference, f"seed {seed}: {'; '.join(edits)}"


@needs_libyaml
@pytest.mark.parametrize("name", DATA_FILES)
@pytest.mark.parametrize("folder", [ROOT, FIXTURE], ids=["project", "fixture"])
def test_libyaml_reads_valid_files_on_its_own(folder: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The speed is only won if valid files never go to the reference."""

    def reference(text: str, display_name: str) -> loader.Document:
        raise AssertionError(f"{display_name} was read by the reference parser")

    monkeypatch.setattr(loader, "_reference_document", reference)
    assert loader.load(folder / name, name).data


@needs_libyaml
@pytest.mark.parametrize(
    "text",
    [
        "a: &x b\n",
        "a: &x b\nc: *x\n",
        "a: &x\n  b: c\n",
        "&x a: b\n",
        "a: !!str 1\n",
        "a: !tekst b\n",
        "!!map\na: 1\n",
        "a: !!seq [b]\n",
        "title: Schrijfcafé #2\n",
        "a: [b, 'c #d']\n",
        "a: {b: }\n",
        "a: {b, c: d}\n",
        "a: [b?c]\n",
        "! &x b\n",
        "a: ! &x b\n",
        "a: ! b\n",
        "a: |#\n  b\n",
        "a: >2# c\n  b\n",
        "a: b\na: c\n",
        "- a: b\n  c: d\n  a: e\n",
        "? [a]\n: b\n",
        "a: [b\n",
        "a: b\n---\nc: d\n",
        "a: *x\n",
        "a: b\tc\n",
        "a: b\r\n",
        "a: \x07\n",
    ],
)
def test_libyaml_leaves_what_it_cannot_vouch_for_to_the_reference(text: str) -> None:
    assert loader.libyaml is not None
    with pytest.raises(loader._Unsure):
        loader._libyaml_document(text, "bestand.yaml", loader.libyaml)


def test_without_libyaml_the_reference_reads_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "libyaml", None)
    document = loader.loads("title: Schrijfcafé\nmembers: 600\n", "bestand.yaml")
    assert document.data == {"title": "Schrijfcafé", "members": 600}
    assert document.values[("members",)] == (2, 10)
    assert loader.loads("title: Schrijfcafé #2\n", "bestand.yaml").comments_after == {("title",): (1, 20)}
    with pytest.raises(DataError) as caught:
        loader.loads("a: &x b\n", "bestand.yaml")
    assert [(p.line, p.column, p.key) for p in caught.value.problems] == [(1, 4, "yaml_anchor")]
