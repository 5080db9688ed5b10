"""Seeded random descriptions with the Markdown mistakes hurried editors make, at random lines.

Each case turns a random description of the fixture agenda into a text over several lines (`|` or
`>`) and inserts one construct at a random line: a list right under a line of text, a `1)` list,
pasted bullets, a written heading, a `#hashtag` line, `---` or `===` under a line, a line indented
four spaces, a quote, merge-conflict markers. The invariant: the check refuses at one of the
inserted lines, or the published text (the page's HTML and the feed's plain text) still holds
every word the editor wrote, in order. Never a traceback.

The seed and the description are in the message, so a failure can be repeated.
"""

from __future__ import annotations

import html
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import DATA_FILES, FIXTURE, seeds
from generator.build import load_site
from generator.data.contract import markdown_text
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import format_problem
from generator.data.wording.problems import DataError

SEEDS = range(seeds(240))
_DESCRIPTION = re.compile(r"^    description: (?![|>])(.+)$", re.M)
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]+>")
_INDENT = "      "
_WORDS = ["welkom", "koffie", "lunch", "verhalen", "afsluiting", "borrel", "pauze", "vragen"]


@dataclass(frozen=True)
class Insert:
    """Lines to insert (without the block's indentation), and whether the check must refuse them."""

    name: str
    lines: list[str]
    refused: bool


def _items(rng: random.Random, marker: Callable[[int], str]) -> list[str]:
    return [f"{marker(n)}{rng.choice(['13:30', '14:00', '15:15'])} {rng.choice(_WORDS)}" for n in range(1, 4)]


OPERATORS: dict[str, Callable[[random.Random], Insert]] = {
    "list-under-text": lambda r: Insert("list-under-text", ["Programma:", *_items(r, lambda _: "- ")], refused=False),
    "star-list": lambda r: Insert("star-list", ["Programma:", *_items(r, lambda _: "* ")], refused=False),
    "paren-list": lambda r: Insert("paren-list", ["Programma:", *_items(r, lambda n: f"{n}) ")], refused=False),
    "dot-list": lambda r: Insert("dot-list", ["Programma:", *_items(r, lambda n: f"{n}. ")], refused=False),
    "word-bullets": lambda r: Insert(
        "word-bullets", ["Programma:", *_items(r, lambda _: r.choice(["• ", "– ", "•\t", "·"]))], refused=False
    ),
    "written-heading": lambda r: Insert("written-heading", ["", f"## {r.choice(_WORDS).title()}", ""], refused=False),
    "hashtag": lambda r: Insert("hashtag", ["", f"#{r.choice(_WORDS)}"], refused=True),
    "hashtag-item": lambda r: Insert("hashtag-item", ["Programma:", f"- #{r.choice(_WORDS)}"], refused=True),
    "underline": lambda r: Insert("underline", ["", r.choice(_WORDS).title(), r.choice(["---", "===", "-----"])], True),
    "indented": lambda r: Insert("indented", ["", f"    {r.choice(_WORDS)} om 14:00"], refused=True),
    "fence": lambda r: Insert("fence", ["```", r.choice(_WORDS), "```"], refused=True),
    "quote": lambda r: Insert("quote", ["", f"> {r.choice(_WORDS)} was fijn"], refused=True),
    "conflict": lambda r: Insert(
        "conflict", ["<<<<<<< HEAD", f"Om 14:00 {r.choice(_WORDS)}.", "=======", "Om 15:00.", ">>>>>>> main"], True
    ),
}


def _case(seed: int) -> tuple[str, str, int, Insert, str, str]:
    """The fixture agenda with one description rewritten: the new text, a description of the case,
    the file line of the insert's first line, the insert, the text's lines and the event's id."""
    rng = random.Random(seed)
    text = (FIXTURE / "events.yaml").read_text(encoding="utf-8")
    match = rng.choice(list(_DESCRIPTION.finditer(text)))
    words = match.group(1).split()
    cut = sorted(rng.sample(range(1, len(words)), min(len(words) - 1, rng.randint(0, 2))))
    lines = [" ".join(words[a:b]) for a, b in zip([0, *cut], [*cut, len(words)], strict=True)]
    insert = OPERATORS[rng.choice(sorted(OPERATORS))](rng)
    # Not above the first line when it is indented: YAML would take its spaces for those of the block.
    at = rng.randint(1 if insert.name == "indented" else 0, len(lines))
    lines[at:at] = insert.lines
    style = "|" if insert.refused or rng.random() < 0.7 else ">"
    if style == ">":  # folded text: only lines after an empty line stay apart, so keep the insert apart
        lines[at : at + len(insert.lines)] = ["", *insert.lines, ""]
        at += 1
    block = "\n".join(_INDENT + line if line else "" for line in lines)
    new = text[: match.start()] + f"    description: {style}\n{block}" + text[match.end() :]
    first = text.count("\n", 0, match.start()) + 2 + at
    where = f"seed {seed}: {insert.name} at line {first} of a `{style}` description"
    event = re.findall(r"^  - id: (\S+)$", text[: match.start()], re.M)[-1]
    return new, where, first, insert, "\n".join(lines), event


# What marks a line as a list item or a heading: not the editor's words, the page shows it otherwise.
_MARKER = re.compile(r"^ *(?:[-*+•·–]|[0-9]+[.)]|#+)[ \t]*", re.M)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _in_order(wanted: list[str], found: list[str]) -> bool:
    remaining = iter(found)
    return all(word in remaining for word in wanted)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_description_is_published_as_written_or_refused_at_the_line(seed: int, tmp_path: Path) -> None:
    for name in DATA_FILES:
        shutil.copy(FIXTURE / name, tmp_path / name)
    new, where, first, insert, value, event = _case(seed)
    (tmp_path / "events.yaml").write_text(new, encoding="utf-8")
    last = first + len(insert.lines) - 1
    try:
        network = load_site(DataFiles(tmp_path))
    except DataError as error:
        lines = [format_problem(problem) for problem in error.problems]
        # A list in `|` text is always published; in `>` text YAML joins its lines: refused (joined_lines).
        assert insert.refused or "`>`" in where, f"{where}: refused\n" + "\n".join(lines)
        assert all(first <= p.line <= last for p in error.problems), f"{where}:\n" + "\n".join(lines)
        return
    assert not insert.refused, f"{where}: published\n{value}"
    description = next(e.description for e in network.events if e.id == event)
    assert description is not None, where
    wanted = _words(_MARKER.sub("", value))
    page = _words(html.unescape(_TAG.sub(" ", markdown_text.render(description))))
    feed = _words(markdown_text.plain_text(description))
    assert _in_order(wanted, page), f"{where}: the page lost words\n{value}\n{markdown_text.render(description)}"
    assert _in_order(wanted, feed), f"{where}: the feed lost words\n{value}\n{markdown_text.plain_text(description)}"


def test_every_operator_is_drawn() -> None:
    assert {_case(seed)[3].name for seed in SEEDS} == set(OPERATORS)
