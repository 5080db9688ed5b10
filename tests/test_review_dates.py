"""Dates that are valid but hardly ever meant: the review warns at the line the editor changed.

A generator of the date mistakes a hurried editor makes, applied to every event of the fixture that has
the dates the mistake needs: a start moved a week while its end stayed, an end a year late, a whole
event moved a year, a last day to register a year early. For each: `check --base main` still passes
(it is a warning, not an error), and a warning names a line the mistake changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import FIXTURE, git

EVENTS = (FIXTURE / "events.yaml").read_text(encoding="utf-8")
_ENTRY = re.compile(r"^  - id: (\S+)\n(?:^(?!  - ).*\n?)*", re.M)
_MOMENT = re.compile(r'^    (start|end|registration_deadline): "(\d{4})-(\d\d)-(\d\d)((?: \d\d:\d\d)?)"$', re.M)

Mistake = Callable[[str], str | None]
"""An entry's text in, the entry with the mistake out; None when the entry lacks what it needs."""


def _shift(entry: str, field: str, days: int = 0, years: int = 0) -> str | None:
    def moved(match: re.Match[str]) -> str:
        if match.group(1) != field:
            return match.group(0)
        day = date(int(match.group(2)) + years, int(match.group(3)), int(match.group(4))) + timedelta(days=days)
        return f'    {field}: "{day.isoformat()}{match.group(5)}"'

    changed = _MOMENT.sub(moved, entry)
    return changed if changed != entry else None


def _start_a_week_earlier(entry: str) -> str | None:
    # With a last day to register, the start moved before it is an error of its own (deadline_after_start).
    if not re.search(r"^    end:", entry, re.M) or "registration_deadline:" in entry:
        return None
    return _shift(entry, "start", days=-7)


def _end_a_year_later(entry: str) -> str | None:
    return _shift(entry, "end", years=1)


def _a_year_later(entry: str) -> str | None:
    moved = _shift(entry, "start", years=1)
    return (_shift(moved, "end", years=1) or moved) if moved else None


def _deadline_a_year_early(entry: str) -> str | None:
    start = _MOMENT.search(entry)
    if not start or "status: cancelled" in entry or "registration_deadline:" in entry:
        return None  # an existing deadline is moved by `_shift` in the other operators
    deadline = date(int(start.group(2)) - 1, int(start.group(3)), int(start.group(4)))
    extra = f'    registration_deadline: "{deadline.isoformat()}"\n'
    if "registration_url:" not in entry:
        extra += "    registration_url: https://example.org/aanmelden\n"
    return entry.rstrip("\n") + "\n" + extra


MISTAKES: dict[str, tuple[Mistake, set[str]]] = {
    "start-a-week-earlier": (_start_a_week_earlier, {"warn_start_moved_alone", "warn_long_event"}),
    "end-a-year-later": (_end_a_year_later, {"warn_long_event"}),
    "a-year-later": (_a_year_later, {"warn_moved_a_year"}),
    "deadline-a-year-early": (_deadline_a_year_early, {"warn_early_deadline"}),
}
CASES = [
    pytest.param(name, match.group(1), id=f"{name}-{match.group(1)}")
    for name, (mistake, _) in MISTAKES.items()
    for match in _ENTRY.finditer(EVENTS)
    if mistake(match.group(0)) is not None
]


def _changed_lines(before: str, after: str) -> set[int]:
    old, new = before.splitlines(), after.splitlines()
    return {number for number, line in enumerate(new, 1) if number > len(old) or old[number - 1] != line}


@pytest.mark.parametrize(("name", "event_id"), CASES)
def test_a_date_mistake_passes_the_check_with_a_warning_at_its_line(
    data_repo: Path, cli: Callable[..., object], name: str, event_id: str
) -> None:
    mistake, keys = MISTAKES[name]
    entry = next(m.group(0) for m in _ENTRY.finditer(EVENTS) if m.group(1) == event_id)
    changed = EVENTS.replace(entry, mistake(entry) or "", 1)
    (data_repo / "events.yaml").write_text(changed, encoding="utf-8")
    result = cli("check", "--root", str(data_repo), "--base", "main")
    out = f"{result.stdout}{result.stderr}"  # type: ignore[attr-defined]
    assert result.returncode == 0, out  # type: ignore[attr-defined]
    lines = _changed_lines(EVENTS, changed)
    warned = {int(line) for line in re.findall(r"^events\.yaml:(\d+):\d+: waarschuwing", out, re.M)}
    assert warned & lines, f"no warning at the changed lines {sorted(lines)}:\n{out}"
    assert any(_says(key, out) for key in keys), out


def _says(key: str, out: str) -> bool:
    words = {
        "warn_start_moved_alone": "maar `end` niet",
        "warn_long_event": "dagen. Klopt dat?",
        "warn_moved_a_year": "ongeveer een jaar later",
        "warn_early_deadline": "meer dan drie maanden voor het evenement",
    }
    return words[key] in out


def test_the_fixture_itself_has_no_date_warning(data_repo: Path, cli: Callable[..., object]) -> None:
    result = cli("check", "--root", str(data_repo), "--base", "main")
    out = f"{result.stdout}{result.stderr}"  # type: ignore[attr-defined]
    for key in MISTAKES.values():
        assert not any(_says(k, out) for k in key[1]), out


def test_moving_a_whole_event_a_week_is_no_mistake(data_repo: Path, cli: Callable[..., object]) -> None:
    moved = _shift(_shift(EVENTS, "start", days=7) or "", "end", days=7) or ""
    (data_repo / "events.yaml").write_text(moved, encoding="utf-8")
    git(data_repo, "status")  # still the same repository, base unchanged
    result = cli("check", "--root", str(data_repo), "--base", "main")
    out = f"{result.stdout}{result.stderr}"  # type: ignore[attr-defined]
    assert result.returncode == 0, out  # type: ignore[attr-defined]
    assert "maar `end` niet" not in out and "ongeveer een jaar" not in out, out
