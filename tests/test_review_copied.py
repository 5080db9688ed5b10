"""What came along when a text was copied. An address with what stood around it: a final `.`, `,` or
`)` from the sentence, or `&amp;` from HTML. The review warns at the line of the address, in every field
that holds one, also inside `location` and `materials`; an address with a bracket pair of its own
(Wikipedia) is left alone. A character you cannot see in any text (a zero-width space, a direction
mark) is warned at its line too."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pytest

from conftest import DATA_FILES, FIXTURE, FIXTURE_EPOCH
from generator.build import load_site
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles
from generator.editing.review import review

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
COMMUNITIES = (FIXTURE / "communities.yaml").read_text(encoding="utf-8")


def _warnings(tmp_path: Path, name: str, text: str, kind: str = "warn_url") -> list[tuple[int, str, str]]:
    for file in DATA_FILES:
        shutil.copy(FIXTURE / file, tmp_path / file)
    (tmp_path / name).write_text(text, encoding="utf-8")
    problems = review(load_site(DataFiles(tmp_path)), NOW)
    return [(p.line, p.key, p.params.get("suggestion", "")) for p in problems if p.key.startswith(kind)]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(
    ("name", "address", "written", "key"),
    [
        ("events.yaml", "https://example.org/dd/webinar", "https://example.org/dd/webinar.", "warn_url_end"),
        ("events.yaml", "https://example.org/dd/webinar", "https://example.org/dd/webinar,", "warn_url_end"),
        ("events.yaml", "https://example.org/dd/webinar", "https://example.org/dd/webinar)", "warn_url_end"),
        (
            "communities.yaml",
            "https://example.org/cx/groep",
            "https://example.org/cx/groep?a=1&amp;b=2",
            "warn_url_entity",
        ),
        (
            "events.yaml",
            "https://example.org/formulieren/design-systems-slides",
            "https://example.org/formulieren/design-systems-slides.",
            "warn_url_end",
        ),
        (
            "communities.yaml",
            "https://example.org/interview-robin",
            "https://example.org/interview-robin.",
            "warn_url_end",
        ),
    ],
)
def test_an_address_with_what_came_along_is_warned_at_its_line(
    tmp_path: Path, name: str, address: str, written: str, key: str
) -> None:
    text = (FIXTURE / name).read_text(encoding="utf-8")
    changed = text.replace(address, written, 1)
    found = _warnings(tmp_path, name, changed)
    assert [(line, k) for line, k, _ in found] == [(_line_of(changed, written), key)]
    assert found[0][2] in (address, address + "?a=1&b=2")


def test_an_address_with_its_own_brackets_is_not_warned(tmp_path: Path) -> None:
    written = "https://nl.wikipedia.org/wiki/Design_(vak)"
    changed = COMMUNITIES.replace("https://example.org/cx/groep", written, 1)
    assert _warnings(tmp_path, "communities.yaml", changed) == []


@pytest.mark.parametrize(
    ("text", "written", "where"),
    [
        ("Terugblik op klantreizen", "Terugblik op klant\u200breizen", "na `Terugblik op klant`"),
        ("Rijksdienst voor Ondernemend Nederland", "\ufeffRijksdienst voor Ondernemend Nederland", "aan het begin"),
        ("Een middag over klantreizen.", "Een middag over\u200e klantreizen.", "na `Een middag over`"),
    ],
)
def test_a_character_you_cannot_see_in_a_text_is_warned_at_its_line(
    tmp_path: Path, text: str, written: str, where: str
) -> None:
    name = "events.yaml" if text != "Rijksdienst voor Ondernemend Nederland" else "communities.yaml"
    source = (FIXTURE / name).read_text(encoding="utf-8")
    changed = source.replace(text, written, 1)
    for file in DATA_FILES:
        shutil.copy(FIXTURE / file, tmp_path / file)
    (tmp_path / name).write_text(changed, encoding="utf-8")
    found = [p for p in review(load_site(DataFiles(tmp_path)), NOW) if p.key == "warn_invisible_in_text"]
    assert [(p.line, p.params["where"]) for p in found] == [(_line_of(changed, written), where)]
