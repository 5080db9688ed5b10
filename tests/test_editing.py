"""Editing by pull request: schemas, GitHub annotations, warnings, `new`, workflows."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml
from test_invalid import Run

from conftest import FIXTURE_EPOCH, ROOT
from generator.data.contract.models import ACCESSIBILITY_FEATURES, DEFAULT_EVENT_TYPES, LANGUAGES
from generator.data.wording.messages import format_github
from generator.data.wording.problems import Problem
from generator.editing.schemas import SCHEMAS, render_schemas

Cli = Callable[..., Run]


def test_schema_command_writes_the_three_schemas(tmp_path: Path, cli: Cli) -> None:
    out = tmp_path / "uit"
    result = cli("schema", "--root", str(tmp_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"Geschreven: {out / name}" for name in SCHEMAS]
    assert sorted(path.name for path in out.iterdir()) == sorted(SCHEMAS)
    for name, text in render_schemas().items():
        assert (out / name).read_text(encoding="utf-8") == text, name
        jsonschema.Draft202012Validator.check_schema(json.loads(text))
    assert not (tmp_path / "schemas").exists()


def test_schema_command_writes_into_schemas_by_default(tmp_path: Path, cli: Cli) -> None:
    assert cli("schema", "--root", str(tmp_path)).returncode == 0
    assert sorted(path.name for path in (tmp_path / "schemas").iterdir()) == sorted(SCHEMAS)


def test_data_files_point_editors_to_their_schema() -> None:
    for schema_name in SCHEMAS:
        data_file = ROOT / schema_name.replace(".schema.json", ".yaml")
        assert f"# yaml-language-server: $schema=schemas/{schema_name}" in data_file.read_text(encoding="utf-8")


def test_github_format_annotates_the_line(project: Path, cli: Cli) -> None:
    events = project / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("type: webinar", "type: webinaar"), encoding="utf-8")
    result = cli("check", "--root", str(project), GITHUB_ACTIONS="true")
    assert result.returncode == 1
    line = next(line for line in result.stdout.splitlines() if line.startswith("::error "))
    assert re.fullmatch(
        rf"::error file={re.escape(str(project))}/events\.yaml,line=\d+,col=\d+,title=Fout in de data::"
        r"`webinaar` is geen geldige waarde voor `type`\. Kies uit: .*\. Bedoelde je `webinar`\?",
        line,
    ), line


def test_github_format_escapes_line_breaks_and_percent() -> None:
    problem = Problem("events.yaml", 3, 5, "bad_url", {"value": "50%\nx"})
    line = format_github(problem, "data, map/events.yaml")
    assert line.startswith("::error file=data%2C map/events.yaml,line=3,col=5,")
    assert "50%25%0Ax" in line and "\n" not in line


def test_warnings_do_not_fail_the_check(project: Path, cli: Cli) -> None:
    events = project / "events.yaml"
    text = events.read_text(encoding="utf-8")
    text = text.replace(
        "    description: Dit schrijfcafé gaat niet door, omdat de zaal niet beschikbaar is.",
        "    description: Dit schrijfcafé gaat niet door.",
    )
    text += """  - id: dd-webinar-december-kopie
    title: Webinar duidelijke brieven!
    communities: [netwerk-direct-duidelijk]
    start: "2026-12-08 15:00"
    end: "2026-12-08 16:00"
    location: {online: true}
    registration_url: https://example.org/x
    description: Kopie.
"""
    events.write_text(text, encoding="utf-8")
    result = cli("check", "--root", str(project))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": waarschuwing: " in line]
    keys = " ".join(warnings)
    assert "`dd-geannuleerd` gaat niet door. Schrijf in `description` waarom" in keys
    assert "`dd-webinar-december-kopie` lijkt op `dd-webinar-december`" in keys
    assert "`formulieren-dag` heeft geen `registration_url`" in keys
    assert "De community `community-online-formulieren` heeft geen evenement in de komende zes maanden" not in keys
    assert all(re.match(r"^(events|communities)\.yaml:\d+:\d+: waarschuwing: ", line) for line in warnings)


def test_inside_github_actions_warnings_are_annotations_and_an_unreadable_base_is_skipped(
    project: Path, cli: Cli
) -> None:
    # GitHub sets both in a pull request; `project` is no git repository, so the base cannot be read.
    result = cli("check", "--root", str(project), GITHUB_ACTIONS="true", GITHUB_BASE_REF="main")
    assert result.returncode == 0, result.stderr
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations, result.stdout
    assert all(line.startswith(f"::warning file={project}/") for line in annotations), annotations
    assert any("title=Waarschuwing::" in line and "`formulieren-dag`" in line for line in annotations)
    assert result.stdout.splitlines()[-1].startswith("In orde: ")
    # Unreadable, the base names no event, so no event counts as new (every past event would).
    assert "is nieuw" not in result.stdout + result.stderr


def test_unused_theme_and_inactive_community_are_warned(project: Path, cli: Cli) -> None:
    communities = project / "communities.yaml"
    communities.write_text(
        communities.read_text(encoding="utf-8").replace(
            "themes:\n  - id: klantreizen", "themes:\n  - id: ongebruikt\n    name: Ongebruikt\n  - id: klantreizen"
        ),
        encoding="utf-8",
    )
    # A year later, nothing is planned any more.
    result = cli("check", "--root", str(project), SOURCE_DATE_EPOCH=str(int(FIXTURE_EPOCH) + 365 * 86400))
    assert result.returncode == 0
    assert "communities.yaml:3:9: waarschuwing: Het thema `ongebruikt` wordt nergens gebruikt." in result.stderr
    assert "De community `community-cx` heeft geen evenement in de komende zes maanden" in result.stderr


def test_a_new_past_event_is_warned_against_the_base_branch(project: Path, cli: Cli) -> None:
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qam", "x", "--allow-empty"],
        cwd=project,
        check=True,
    )
    subprocess.run(["git", "add", "."], cwd=project, check=True)
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "data"], cwd=project, check=True
    )
    events = project / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8")
        + """  - id: vergeten
    title: Vergeten terugblik
    communities: [community-cx]
    start: "2026-09-01 10:00"
    end: "2026-09-01 11:00"
    location: {online: true}
    description: Al geweest.
""",
        encoding="utf-8",
    )
    result = cli("check", "--root", str(project), "--base", "HEAD")
    assert "waarschuwing: Het evenement `vergeten` is nieuw, maar is al voorbij." in result.stderr
    assert "cx-terugblik` is nieuw" not in result.stderr


def test_workflows_parse_and_pin_every_action() -> None:
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    for workflow in workflows:
        data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
        assert data["jobs"], workflow
        steps = [step for job in data["jobs"].values() for step in job.get("steps", [])]
        for step in steps:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})", step["uses"]), step["uses"]
    pull_request = yaml.safe_load((ROOT / ".github/workflows/pull-request.yml").read_text(encoding="utf-8"))
    assert "pull_request" in pull_request[True]  # YAML 1.1 reads the key `on` as true
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert publish[True]["push"]["branches"] == ["main"] and publish[True]["schedule"]


def test_the_nightly_publish_only_checks_and_builds() -> None:
    """At night only the date changes: a test that fails on a new date must not keep past events out of
    the archive. Pushes lint and test before they publish."""
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = publish["jobs"]["build"]["steps"]
    runs = {step["run"]: step.get("if") for step in steps if "run" in step}
    assert runs == {
        "make site PYTHON=python PUBLISHED=https://communities.gebruikercentraal.nl/": None,
        "make lint PYTHON=python": "github.event_name != 'schedule'",
        "make test PYTHON=python": "github.event_name != 'schedule'",
    }


ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
ISSUE_FORMS = sorted(path for path in ISSUE_TEMPLATES.glob("*.yml") if path.name != "config.yml")
# GitHub's form schema: the top-level keys a form may have, and the kinds of element in its body.
FORM_KEYS = {"name", "description", "title", "labels", "assignees", "projects", "type", "body"}
ELEMENT_KEYS = {"type", "id", "attributes", "validations"}
FIELD_TYPES = {"input", "textarea", "dropdown", "checkboxes"}
_FORM_ID = re.compile(r"[A-Za-z0-9_-]+")


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def test_issue_template_chooser_config() -> None:
    config = yaml.safe_load((ISSUE_TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config, dict) and set(config) <= {"blank_issues_enabled", "contact_links"}
    assert isinstance(config.get("blank_issues_enabled", True), bool)


def test_there_are_issue_forms() -> None:
    assert [form.name for form in ISSUE_FORMS] == ["externe-community.yml", "nieuw-evenement.yml"]


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=lambda form: form.name)
def test_issue_forms_parse(form: Path) -> None:
    """The structure GitHub requires of an issue form; a form that breaks it is not offered at all."""
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    assert isinstance(data, dict), form.name
    assert set(data) <= FORM_KEYS, set(data) - FORM_KEYS
    assert _text(data.get("name")) and _text(data.get("description")), "a form needs a name and a description"
    labels = data.get("labels", [])
    assert isinstance(labels, list) and all(_text(label) for label in labels), labels
    body = data.get("body")
    assert isinstance(body, list) and body, "a form needs a body: a list of elements"
    ids, field_labels = [], []
    for number, element in enumerate(body):
        where = f"{form.name} body[{number}]"
        assert isinstance(element, dict) and set(element) <= ELEMENT_KEYS, where
        attributes = element.get("attributes")
        assert isinstance(attributes, dict), f"{where}: no attributes"
        if element.get("type") == "markdown":
            assert _text(attributes.get("value")), f"{where}: markdown without a value"
            assert "validations" not in element, where
            continue
        assert element.get("type") in FIELD_TYPES, f"{where}: type {element.get('type')!r}"
        assert isinstance(element.get("id"), str) and _FORM_ID.fullmatch(element["id"]), f"{where}: id"
        ids.append(element["id"])
        assert _text(attributes.get("label")), f"{where}: no label"
        field_labels.append(attributes["label"])
        options = attributes.get("options")
        if element["type"] == "dropdown":
            assert isinstance(options, list) and options and all(_text(option) for option in options), where
            assert len(set(options)) == len(options), f"{where}: an option twice"
        if element["type"] == "checkboxes":
            assert isinstance(options, list) and options, where
            assert all(isinstance(option, dict) and _text(option.get("label")) for option in options), where
        validations = element.get("validations", {})
        assert isinstance(validations, dict) and set(validations) <= {"required"}, where
        assert all(isinstance(value, bool) for value in validations.values()), where
    assert ids, f"{form.name}: a form needs a field besides text"
    assert len(set(ids)) == len(ids), f"{form.name}: ids must be unique: {ids}"
    assert len(set(field_labels)) == len(field_labels), f"{form.name}: labels must be unique: {field_labels}"


def test_event_form_offers_exactly_the_event_types() -> None:
    """The dropdown shows the Dutch labels visitors see on the site, all of them, in the model's order."""
    form = yaml.safe_load((ISSUE_TEMPLATES / "nieuw-evenement.yml").read_text(encoding="utf-8"))
    dropdown = next(element for element in form["body"] if element.get("id") == "soort")
    assert dropdown["type"] == "dropdown"
    assert dropdown["attributes"]["options"] == list(DEFAULT_EVENT_TYPES.values())


def test_event_form_offers_the_languages_and_access_features_of_the_model() -> None:
    form = yaml.safe_load((ISSUE_TEMPLATES / "nieuw-evenement.yml").read_text(encoding="utf-8"))
    elements = {element.get("id"): element for element in form["body"]}
    assert elements["taal"]["attributes"]["options"] == list(LANGUAGES.values())
    labels = [option["label"] for option in elements["toegankelijkheid"]["attributes"]["options"]]
    assert labels == list(ACCESSIBILITY_FEATURES.values())
