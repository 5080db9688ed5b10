"""Every message formats into plain Dutch with the parameters its problems carry."""

from __future__ import annotations

import string

import pytest

from generator.data.wording.messages import HINTS, MESSAGES, describe, format_problem
from generator.data.wording.problems import Problem


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_message_formats(key: str) -> None:
    names = {name for _, name, _, _ in string.Formatter().parse(MESSAGES[key]) if name}
    problem = Problem("events.yaml", 3, 5, key, {name: f"<{name}>" for name in names})
    text = describe(problem)
    assert text and "{" not in text and "}" not in text
    assert format_problem(problem).startswith("events.yaml:3:5: ")


def test_suggestion_is_added_as_a_question() -> None:
    problem = Problem("events.yaml", 3, 5, "unknown_field", {"field": "titel", "suggestion": "title"})
    assert describe(problem).endswith("Bedoelde je `title`?")


def test_warnings_are_labelled() -> None:
    problem = Problem("events.yaml", 3, 5, "warn_unused_theme", {"value": "x"}, warning=True)
    assert format_problem(problem).startswith("events.yaml:3:5: waarschuwing: ")


@pytest.mark.parametrize("hint", sorted(HINTS))
def test_hint_formats(hint: str) -> None:
    names = {name for _, name, _, _ in string.Formatter().parse(HINTS[hint]) if name}
    problem = Problem("events.yaml", 3, 5, "bad_url", {"value": "x", "hint": hint, **{n: f"<{n}>" for n in names}})
    text = describe(problem)
    assert text.startswith("`x` is geen geldig webadres.") and "{" not in text
    assert HINTS[hint].format_map({n: f"<{n}>" for n in names}) in text
