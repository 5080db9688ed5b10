"""The guide shows the messages exactly as the check prints them, and says what each new rule is.

The table under "Meldingen" in CONTRIBUTING.md is made from `messages.py`: when a message changes, the
guide must be written again with `python -m generator.data.wording.message_table`.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic_core import PydanticCustomError

from conftest import ROOT
from generator.data.contract import markdown_text
from generator.data.contract.fields import KINDS
from generator.data.wording import message_table
from generator.data.wording.messages import MESSAGES

CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def test_the_message_table_is_made_from_the_messages() -> None:
    guide = CONTRIBUTING.read_text(encoding="utf-8")
    assert message_table.refreshed(guide) == guide, (
        "CONTRIBUTING.md differs from messages.py: run .venv/bin/python -m generator.data.wording.message_table"
    )


def test_every_message_has_examples() -> None:
    assert list(message_table.EXAMPLES) == list(MESSAGES)


def test_refresh_writes_the_table(tmp_path: Path) -> None:
    guide = tmp_path / "CONTRIBUTING.md"
    guide.write_text(f"voor\n{message_table.BEGIN}\noud\n{message_table.END}\nna\n", encoding="utf-8")
    assert message_table.main([str(guide)]) == 0
    text = guide.read_text(encoding="utf-8")
    assert text.startswith("voor\n") and text.endswith("\nna\n")
    assert "oud" not in text and "| `empty` | Het veld `…` is leeg." in text


def test_the_guide_no_longer_asks_to_look_up_a_code_the_check_does_not_print() -> None:
    assert not re.search(r"[Zz]oek de code op", CONTRIBUTING.read_text(encoding="utf-8"))


def _template_pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".+?".join(re.escape(part) for part in parts) + r"(?: Bedoelde je `.+`\?)?")


def test_the_printed_examples_in_the_guide_are_what_the_check_prints() -> None:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    printed = re.findall(r"^[a-z_]+\.yaml:\d+:\d+: (.*)$", text, re.M)
    assert printed, "the guide shows what a message looks like"
    patterns = [_template_pattern(template) for template in MESSAGES.values()]
    for message in printed:
        assert any(pattern.fullmatch(message) for pattern in patterns), f"not printed by the check: {message}"


@pytest.mark.parametrize(
    ("what", "example", "key"), message_table.LANGUAGE, ids=[row[0] for row in message_table.LANGUAGE]
)
def test_the_description_language_is_what_the_check_does(what: str, example: str, key: str | None) -> None:
    """A row of the Markdown table: the check allows it and the page shows every word, or refuses it with its key."""
    text = message_table.example_text(example)
    try:
        KINDS["markdown"].check(text)
    except PydanticCustomError as error:
        assert error.type == key, f"{what}: {error.type}, not {key}"
        return
    assert key is None, f"{what}: allowed, not refused with {key}"
    shown = re.sub(r"<[^>]+>", " ", markdown_text.render(text))
    marks = re.compile(r"^(?:[-*•–]|[0-9][.)]|#+)\s*|\]\([^)]*\)|\*", re.M)
    assert shown.split() == marks.sub(" ", text).replace("[", " ").split(), f"{what}: {markdown_text.render(text)}"


def test_every_markdown_refusal_is_in_the_description_table() -> None:
    keys = {"markdown_heading", "markdown_code", "markdown_quote", "merge_conflict", "html_in_markdown"}
    assert keys <= {key for _, _, key in message_table.LANGUAGE}
