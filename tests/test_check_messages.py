"""Messages that name the real cause, once, in one line: plurals, line breaks, close suggestions,
the advice for the nights the clocks change."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_invalid import make_data, problems_in

from generator.data.checking.translate import suggest
from generator.data.contract.moments import parse_moment
from generator.data.wording.messages import check_summary, describe, format_github, format_problem, problems_summary
from generator.data.wording.problems import Problem


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            (1, 1, 1, 1, 1),
            "In orde: 1 community, 1 evenement, 1 thema en 1 externe community. 1 waarschuwing om na te kijken.",
        ),
        ((3, 6, 2, 0, 0), "In orde: 3 community's, 6 evenementen, 2 thema's en 0 externe community's."),
        (
            (2, 0, 1, 2, 4),
            "In orde: 2 community's, 0 evenementen, 1 thema en 2 externe community's. "
            "4 waarschuwingen om na te kijken.",
        ),
    ],
)
def test_the_summary_counts_in_proper_dutch(counts: tuple[int, int, int, int, int], expected: str) -> None:
    assert check_summary(*counts) == expected


def test_the_failure_summary_counts_in_proper_dutch() -> None:
    assert problems_summary(1) == "1 probleem gevonden. Er is niets gepubliceerd."
    assert problems_summary(2) == "2 problemen gevonden. Er is niets gepubliceerd."


@pytest.mark.parametrize("value", ["https://example.org/\nx", "https://example.org/\r\nx", "a\u2028b"])
def test_a_line_break_in_a_value_stays_on_the_line(value: str) -> None:
    text = format_problem(Problem("events.yaml", 3, 5, "bad_url", {"value": value}))
    assert len(text.splitlines()) == 1, text
    assert "⏎" in text


def test_a_long_value_is_shortened() -> None:
    text = describe(Problem("events.yaml", 3, 5, "bad_url", {"value": "https://example.org/" + "x" * 200}))
    assert "x" * 30 + "…`" in text and "x" * 100 not in text


def test_a_problem_outside_the_files_names_the_variable() -> None:
    problem = Problem("SOURCE_DATE_EPOCH", 0, 0, "bad_epoch", {"value": "gisteren"})
    assert format_problem(problem).startswith("SOURCE_DATE_EPOCH: Deze variabele moet een tijd zijn")
    assert format_github(problem, "SOURCE_DATE_EPOCH").startswith("::error title=Fout in de data::")


@pytest.mark.parametrize(
    ("given", "choices", "expected"),
    [
        ("titel", ["title", "type", "themes"], "title"),
        ("registraton_url", ["registration_url", "summary"], "registration_url"),
        ("community-xc", ["community-cx", "community-omnichannel"], "community-cx"),
        ("cx", ["community-cx", "netwerk-direct-duidelijk"], "community-cx"),
        # A community that was renamed is not a typo of the new name.
        ("community-cx", ["community-omnichannel", "netwerk-direct-duidelijk"], None),
        ("workshop", ["werksessie", "webinar"], None),
    ],
)
def test_suggestions_only_when_really_close(given: str, choices: list[str], expected: str | None) -> None:
    assert suggest(given, choices) == expected


def test_a_renamed_community_gets_no_wrong_suggestion(tmp_path: Path) -> None:
    root = make_data(tmp_path)
    communities = root / "communities.yaml"
    communities.write_text(
        communities.read_text(encoding="utf-8").replace("id: community-cx", "id: community-omnichannel"),
        encoding="utf-8",
    )
    problems = problems_in(root)
    assert problems and all(p.key == "unknown_community" for p in problems)
    assert all("Bedoelde je" not in format_problem(p) for p in problems)


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [("language", "[nl, en]", "`[nl, en]`"), ("status", "{cancelled: true}", "`{cancelled: true}`")],
)
def test_a_list_where_one_choice_belongs_is_shown_as_written(
    tmp_path: Path, field: str, value: str, shown: str
) -> None:
    """Not in Python's notation (`['nl', 'en']`), and without advice about a space after `['nl',`."""
    root = make_data(tmp_path)
    events = root / "events.yaml"
    text = events.read_text(encoding="utf-8")
    events.write_text(text.replace("    description:", f"    {field}: {value}\n    description:", 1), encoding="utf-8")
    [problem] = [p for p in problems_in(root) if p.key == "not_one_of"]
    message = format_problem(problem)
    assert shown in message and "'" not in message.split("Kies uit")[0], message
    assert "spatie" not in message and "Bedoelde je" not in message, message


@pytest.mark.parametrize(
    "moment",
    ["2026-03-29 01:59", "2026-03-29 03:00", "2026-03-29 03:30", "2026-10-25 01:59", "2026-10-25 03:00"],
)
def test_the_times_the_advice_names_do_exist(moment: str) -> None:
    parse_moment(moment)


@pytest.mark.parametrize(
    ("moment", "key"),
    [
        ("2026-03-29 02:00", "nonexistent_time"),
        ("2026-03-29 02:59", "nonexistent_time"),
        ("2026-10-25 02:00", "ambiguous_time"),
        ("2026-10-25 02:59", "ambiguous_time"),
    ],
)
def test_the_clock_change_advice_is_right(moment: str, key: str) -> None:
    with pytest.raises(Exception) as caught:
        parse_moment(moment)
    assert getattr(caught.value, "type", None) == key
    text = describe(Problem("events.yaml", 1, 1, key, {"value": moment}))
    assert text.endswith("Kies een tijd voor 02:00, of 03:00 of later.")
    assert "na 03:00" not in text
