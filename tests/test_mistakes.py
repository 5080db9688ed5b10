"""The mistake generator (tests/mistakes.py) over the fixture data: a few dozen mutants per kind of
mistake. `make fuzz N=2000` runs more and prints a table per operator (tests/mistakes_table.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mistakes import OPERATORS, mutate, verdict

PER_OPERATOR = 40


@pytest.mark.parametrize("operator", OPERATORS)
def test_every_mistake_is_refused_or_warned_at_its_entry_or_published_intact(operator: str, tmp_path: Path) -> None:
    failures = []
    for seed in range(PER_OPERATOR):
        mutant = mutate(operator, seed)
        result, why = verdict(mutant, tmp_path)
        if result == "failure":
            failures.append(f"seed {seed}, {mutant.file}:{mutant.lines[0]} {mutant.what}: {why}")
    assert not failures, "\n".join(failures)
