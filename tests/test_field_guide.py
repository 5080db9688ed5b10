"""The whole field guide, everywhere: every field and every allowed value of the contract is in the
guide of this repository and in the guide of every site `init` makes, made from the models.

The tables come from `generator/editing/field_guide.py`; these tests hold each guide against the models,
walking every model the three files can hold, so that a new field or a new value cannot be left out.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pydantic import BaseModel

from conftest import ROOT
from generator.data.contract.models import (
    DEFAULT_EVENT_TYPES,
    CommunitiesFile,
    Event,
    EventsFile,
    ExternalCommunitiesFile,
)
from generator.editing import field_guide
from generator.starter import NewSite, write_site

STARTER = ROOT / "generator" / "starter" / "files" / "CONTRIBUTING.md"


def _contract(model: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """`model` and every model inside it, however deep (in a list, optional or not)."""
    yield model
    for field in model.model_fields.values():
        for inner in _types(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                yield from _contract(inner)


def _types(annotation: object) -> Iterator[object]:
    yield annotation
    for argument in typing.get_args(annotation):
        yield from _types(argument)


def _values(annotation: object) -> list[str]:
    """The values a Literal inside `annotation` allows (in a list, optional or not)."""
    found: list[str] = []
    for inner in _types(annotation):
        if typing.get_origin(inner) is typing.Literal:
            found += [str(value) for value in typing.get_args(inner)]
    return found


CONTRACT = list(
    dict.fromkeys(model for file in (CommunitiesFile, EventsFile, ExternalCommunitiesFile) for model in _contract(file))
)


@pytest.fixture(scope="module")
def guides(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """This repository's guide, the starter's, and the guide of a site that `init` just wrote."""
    site = tmp_path_factory.mktemp("init") / "site"
    write_site(NewSite("Netwerk Zuid", "https://zuid.example.org/", "info@zuid.example.org"), site, date(2027, 1, 1))
    return {
        "CONTRIBUTING.md": (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"),
        "starter": STARTER.read_text(encoding="utf-8"),
        "init": (site / "CONTRIBUTING.md").read_text(encoding="utf-8"),
    }


def _block(guide: str, model: type[BaseModel]) -> str:
    start = guide.index(field_guide.BEGIN.format(name=model.__name__))
    return guide[start : guide.index(field_guide.END, start)]


def undocumented(guide: str) -> list[str]:
    """Every field and every allowed value of the contract that the guide's table of its model lacks."""
    missing = []
    for model in CONTRACT:
        if field_guide.BEGIN.format(name=model.__name__) not in guide:
            missing.append(model.__name__)
            continue
        block = _block(guide, model)
        for name, field in model.model_fields.items():
            if f"\n| `{name}` |" not in block:
                missing.append(f"{model.__name__}.{name}")
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            values = _values(field.annotation) + (list(DEFAULT_EVENT_TYPES) if extra.get("x-choices") else [])
            missing += [f"{model.__name__}.{name}: {value}" for value in values if f"`{value}`" not in block]
    return missing


def test_the_guide_has_a_table_for_every_model_of_the_contract() -> None:
    assert {model.__name__ for model in CONTRACT} == {model.__name__ for model in field_guide.ENTRIES}
    assert len(CONTRACT) > 10  # the walk reaches into lists and optional fields: Testimonial, Location, …


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "starter", "init"])
def test_every_field_and_every_allowed_value_is_documented(guides: dict[str, str], name: str) -> None:
    guide = guides[name]
    assert undocumented(guide) == []
    assert sorted(field_guide.tables_in(guide)) == sorted(model.__name__ for model in CONTRACT)  # each once


def test_a_field_or_value_left_out_is_found(guides: dict[str, str]) -> None:
    """The test above can fail: a guide without a row, a value or a table is caught."""
    guide = guides["init"]
    assert undocumented(guide.replace("\n| `open_to_all` |", "\n| open_to_all |")) == ["Event.open_to_all"]
    assert undocumented(guide.replace("`live-ondertiteling`", "live-ondertiteling")) == [
        "Accessibility.features: live-ondertiteling"
    ]
    assert "Event.type: gluren-bij-de-buren" in undocumented(guide.replace("`gluren-bij-de-buren`", "gluren"))
    without = guide.replace(field_guide.BEGIN.format(name="Location"), "")
    assert "Location" in undocumented(without)


@pytest.mark.parametrize("path", [ROOT / "CONTRIBUTING.md", STARTER], ids=["CONTRIBUTING.md", "starter"])
def test_the_tables_are_made_from_the_models(path: Path) -> None:
    guide = path.read_text(encoding="utf-8")
    assert field_guide.refreshed(guide) == guide, (
        f"{path.name} differs from the models: run .venv/bin/python -m generator.editing.field_guide"
    )


def test_the_command_writes_the_tables_again(tmp_path: Path) -> None:
    guide = tmp_path / "CONTRIBUTING.md"
    guide.write_text(
        f"voor\n{field_guide.BEGIN.format(name='Material')}\noud\n{field_guide.END}\nna\n", encoding="utf-8"
    )
    assert field_guide.main([str(guide)]) == 0
    text = guide.read_text(encoding="utf-8")
    assert "oud" not in text
    assert "| `kind` | ja |" in text
    assert text.startswith("voor\n") and text.endswith("\nna\n")


def test_a_row_says_what_the_check_requires() -> None:
    """Required, optional, and required only in some cases, as the validators of the models decide."""
    table = field_guide.table(Event)
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in table.splitlines()[2:]}
    assert rows["`title`"] == "ja"
    assert rows["`summary`"] == "nee"
    assert rows["`end`"] == "ja, als `start` een tijd heeft"


def test_the_command_in_a_site_writes_only_that_site_s_guide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An owner runs it in the site's folder: the guide there, never the copy inside the installed package."""
    monkeypatch.chdir(tmp_path)
    assert field_guide.main([]) == 1
    assert "Hier staat geen CONTRIBUTING.md." in capsys.readouterr().err
    (tmp_path / "CONTRIBUTING.md").write_text(
        field_guide.BEGIN.format(name="Project") + "\n" + field_guide.END, encoding="utf-8"
    )
    assert field_guide.main([]) == 0
    assert capsys.readouterr().out == "Geschreven: CONTRIBUTING.md\n"
    assert "| `url` | nee |" in (tmp_path / "CONTRIBUTING.md").read_text(encoding="utf-8")
