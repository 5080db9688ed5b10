"""The mistake generator (tests/mistakes.py) over the fixture data: a few dozen mutants per kind of
mistake. `make fuzz N=2000` runs more and prints a table per operator (tests/mistakes_table.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mistakes import OPERATORS, mutate, verdict

from conftest import seeds

PER_OPERATOR = seeds(30)


@pytest.mark.parametrize("operator", OPERATORS)
def test_every_mistake_is_refused_or_warned_at_its_entry_or_published_intact(operator: str, tmp_path: Path) -> None:
    failures = []
    for seed in range(PER_OPERATOR):
        mutant = mutate(operator, seed)
        result, why = verdict(mutant, tmp_path)
        if result == "failure":
            failures.append(f"seed {seed}, {mutant.file}:{mutant.lines[0]} {mutant.what}: {why}")
    assert not failures, "\n".join(failures)


# Mutants that failed once, each with what was done about it: a rule of the check, or the invariant made
# precise (tests/mistakes.py says how). A mutant is made from the fixture: after a change to
# tests/fixtures/site/ a seed may make another mistake, and its description here no longer fits.
REGRESSIONS = {
    ("delete-line", 252): "`themes:` deleted: refused at the list (list_without_name), not at `communities:`",
    ("indent", 854): "`themes:` indented: refused at it (yaml_indent), not at `communities:`",
    ("invisible", 37): "a byte order mark inside a word: review warns (warn_invisible_in_text)",
    ("invisible", 87): "a zero-width space after `themes:`: refused at the next line, in the same entry",
    ("id", 14): "a theme's id changed: refused where the old id is used (unknown_theme)",
    ("id", 16): "a community's id changed: refused where the old id is used (unknown_community)",
    ("paste", 1): "a space after a testimonial's address: the address stands in `href`",
    ("paste", 183): "a space after a date: the data read is the fixture's",
    ("invisible", 333): "a zero-width space in `{venue: …}`: warned; `venue:` is a key, not a word",
    ("list-heading", 342): "`1. ` before a line of a Markdown text: a numbered list, which shows the number",
    ("double-line", 47): "`communities:` twice: refused at the second one (duplicate_key)",
}


@pytest.mark.parametrize(("operator", "seed"), list(REGRESSIONS), ids=[f"{o}-{s}" for o, s in REGRESSIONS])
def test_a_mutant_that_failed_once_keeps_its_verdict(operator: str, seed: int, tmp_path: Path) -> None:
    result, why = verdict(mutate(operator, seed), tmp_path)
    assert result != "failure", f"{REGRESSIONS[operator, seed]}: {why}"
