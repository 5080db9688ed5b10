"""The JSON Schemas for editors' tools: valid for every tool, Dutch, and as strict as the check.

Three readers of the schemas are tested: check-jsonschema and jsonschema (the metaschema, and
patterns as ECMAScript regular expressions), Node's RegExp with the `u` flag (how
yaml-language-server compiles a pattern), and yaml-language-server itself, the validation that VS
Code's YAML extension runs while an editor types.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import typing
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from test_invalid import CASES, ENVIRONMENT_KEYS, ERROR_KEYS, FILE_KEYS, SITE_KEYS, Case

from conftest import DATA_FILES, FIXTURE, JS_TOOLS, ROOT, require_tool
from generator.data.contract import fields, rules
from generator.data.contract.models import DEFAULT_EVENT_TYPES
from generator.data.reading import loader
from generator.data.wording.messages import MESSAGES, in_a_schema
from generator.data.wording.problems import DataError
from generator.editing.schemas import ENTRY_TITLES, FIELD_TITLES, SCHEMAS, render_schemas, said

SCHEMA_DIR = ROOT / "schemas"

# Broken files whose YAML yaml-language-server reads without complaint, where the check's stricter
# reading refuses it (jsonschema never sees these: the check's YAML reader stops first, or, for a
# leading zero, reads a text where YAML 1.2 reads a number).
ONLY_THE_CHECK_READS_STRICTLY = {
    "communities/not-utf8": "bytes that are not UTF-8 (the editor shows a replacement character)",
    "events/not-utf8-after-accent": "bytes that are not UTF-8 (the editor shows a replacement character)",
    "communities/not-whole-number-leading-zero": "0250 is the number 250 in YAML 1.2; the check wants 250",
    "communities/yaml-alias": "an alias (*name) without its anchor: the editor only notes it",
    "communities/yaml-anchor": "an anchor (&name): the editor only notes that it is unused",
    "communities/yaml-tab-after-colon": "a tab after a colon",
    "communities/yaml-tab-in-value": "a tab inside a value",
    "communities/yaml-tag": "an explicit YAML tag",
    "external_communities/empty-file": "an empty file: the editor checks nothing in it",
    "external_communities/yaml-documents": "a second document (---) that is valid on its own",
}


def _schema(case_file: str) -> dict[str, Any]:
    path = SCHEMA_DIR / case_file.replace(".yaml", ".schema.json")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside a schema (including itself)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _patterns(schema: dict[str, Any]) -> list[str]:
    return [node["pattern"] for node in _nodes(schema) if isinstance(node.get("pattern"), str)]


def _messages(schema: dict[str, Any]) -> set[str]:
    keys = ("errorMessage", "patternErrorMessage")
    return {node[key] for node in _nodes(schema) for key in keys if isinstance(node.get(key), str)}


def test_committed_schemas_are_up_to_date() -> None:
    for name, text in render_schemas().items():
        committed = SCHEMA_DIR / name
        assert committed.read_text(encoding="utf-8") == text, f"{name} is verouderd: draai python -m generator schema"


def test_every_title_is_dutch() -> None:
    """Pydantic's English titles ("Registration Url") never reach the editor's hover."""
    dutch = set(FIELD_TITLES.values()) | set(ENTRY_TITLES.values()) | {title for _, title in SCHEMAS.values()}
    assert _titles() <= dutch, sorted(_titles() - dutch)
    assert len(_titles()) > 30


def _check_jsonschema(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """`python -m check_jsonschema *args` in this process (its click command, as `__main__` runs it):
    the exit code and what it printed."""
    from check_jsonschema import main as check_jsonschema

    capsys.readouterr()
    with pytest.MonkeyPatch.context() as patch, pytest.raises(SystemExit) as ended:
        patch.setenv("NO_COLOR", "1")
        check_jsonschema(list(args))
    printed = capsys.readouterr()
    return int(ended.value.code or 0), printed.out + printed.err


def test_schemas_pass_check_jsonschema_metaschema_check(capsys: pytest.CaptureFixture[str]) -> None:
    """check-jsonschema checks the metaschema and every pattern as an ECMAScript regex (regress)."""
    code, printed = _check_jsonschema(capsys, "--check-metaschema", *sorted(map(str, SCHEMA_DIR.glob("*.json"))))
    assert code == 0, printed


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schemas_follow_the_metaschema_with_formats(name: str) -> None:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    metaschema = jsonschema.Draft202012Validator.META_SCHEMA
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    jsonschema.Draft202012Validator(metaschema, format_checker=checker).validate(schema)


def test_every_pattern_compiles_in_javascript_with_the_u_flag() -> None:
    """yaml-language-server and ajv compile patterns as `new RegExp(pattern, "u")`."""
    node = shutil.which("node")
    require_tool(node is not None, "Node.js")
    patterns = sorted({pattern for name in DATA_FILES for pattern in _patterns(_schema(name))})
    assert len(patterns) > 10
    script = (
        "const patterns = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const bad = [];"
        "for (const p of patterns) { try { new RegExp(p, 'u'); } catch (e) { bad.push(p + ': ' + e.message); } }"
        "process.stdout.write(JSON.stringify(bad));"
    )
    result = subprocess.run(
        [str(node), "-e", script], input=json.dumps(patterns), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("name", DATA_FILES)
@pytest.mark.parametrize("folder", [ROOT, FIXTURE], ids=["repository", "fixture"])
def test_schemas_accept_the_data(folder: Path, name: str) -> None:
    """As the check reads the files, and as a plain YAML reader does."""
    schema = _schema(name)
    jsonschema.validate(loader.load(folder / name, name).data, schema)
    jsonschema.validate(yaml.safe_load((folder / name).read_text(encoding="utf-8")), schema)


def test_the_list_names_files_that_exist() -> None:
    ids = {case.id for case in CASES}
    listed = set(ONLY_THE_CHECK_READS_STRICTLY)
    assert listed <= ids, f"not in tests/fixtures/invalid/: {sorted(listed - ids)}"
    assert not {case.id for case in CASES if _only_the_check(case)} & listed


def test_every_rule_of_the_check_is_in_the_schemas_or_says_why_not() -> None:
    """Every message of the check about the data files is a rule of rules.py that the schemas say, or
    stands in rules.ONLY_THE_CHECK with the reason, or in rules.SCHEMA_SAYS_INSTEAD."""
    said = rules.in_the_schema(fields.KINDS.values())
    only, instead = set(rules.ONLY_THE_CHECK), set(rules.SCHEMA_SAYS_INSTEAD)
    of_the_check = ERROR_KEYS - SITE_KEYS - ENVIRONMENT_KEYS - FILE_KEYS
    assert not said & only and not said & instead and not only & instead
    assert of_the_check - said - only - instead == set(), "a rule of the check that rules.py does not declare"
    assert said | only | instead <= set(MESSAGES), "a rule in rules.py without a message in messages.py"
    assert set(rules.SCHEMA_SAYS_INSTEAD.values()) <= said
    assert all(reason.strip() for reason in rules.ONLY_THE_CHECK.values())


def test_the_schemas_say_every_rule_rules_py_gives_them() -> None:
    """No rule of rules.py is left out of the schemas, and the schemas say nothing rules.py does not declare."""
    assert set(said()) == rules.in_the_schema(fields.KINDS.values())


def test_every_text_in_the_schemas_is_a_message_of_the_check() -> None:
    """schemas.py writes no Dutch of its own: each message comes from messages.py, through `in_a_schema`."""
    texts = set().union(*said().values())
    assert set().union(*(_messages(_schema(name)) for name in DATA_FILES)) <= texts
    assert in_a_schema("unknown_field") in texts


def _only_the_check(case: Case) -> bool:
    """A broken file whose defect no schema can see (rules.ONLY_THE_CHECK), where the check reads the YAML."""
    return case.key in rules.ONLY_THE_CHECK and _check_reads(case) is not None


@cache
def _check_reads(case: Case) -> Any:
    """The data as the check reads it, or None when the check's YAML reader already refuses it."""
    try:
        return loader.load(case.path, case.file).data
    except (DataError, yaml.YAMLError):
        return None


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_schema_refuses_what_the_check_refuses(case: Case) -> None:
    """jsonschema, over the data the check reads: every broken file is refused, unless its rule is in
    rules.ONLY_THE_CHECK. A new broken file that the schema accepts fails here: give its rule a
    pattern in generator/data/contract/rules.py, or list the rule in rules.ONLY_THE_CHECK with the reason."""
    data = _check_reads(case)
    if data is None:
        return
    errors = list(jsonschema.Draft202012Validator(_schema(case.file)).iter_errors(data))
    if _only_the_check(case):
        assert not errors, f"{case.id}: the schema refuses it now; take {case.key} out of rules.ONLY_THE_CHECK"
    else:
        assert errors, (
            f"{case.id}: the check refuses it ({case.key}), the schema accepts it. Give the rule a pattern in "
            "generator/data/contract/rules.py, or list it in rules.ONLY_THE_CHECK with the reason."
        )


# --- yaml-language-server, as VS Code runs it ---------------------------------------------------

Diagnostics = dict[str, list[dict[str, Any]]]
ERROR, WARNING = 1, 2


@pytest.fixture(scope="module")
def editor() -> Iterator[Any]:
    """A function that gives yaml-language-server's diagnostics for files, with a schema each
    (a path) or None to let the file's `# yaml-language-server: $schema=` line find it."""
    node = shutil.which("node")
    require_tool(node is not None, "Node.js")
    server = JS_TOOLS / "node_modules" / "yaml-language-server"
    if not server.is_dir() and shutil.which("npm"):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=JS_TOOLS, check=True, capture_output=True)
    require_tool(server.is_dir(), "the npm package yaml-language-server")

    def diagnostics(files: dict[Path, Path | None]) -> Diagnostics:
        request = {"files": [{"path": str(path), "schema": schema and str(schema)} for path, schema in files.items()]}
        result = subprocess.run(
            [str(node), str(JS_TOOLS / "yaml_diagnostics.mjs")],
            input=json.dumps(request),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return dict(json.loads(result.stdout))

    yield diagnostics


# The repository's files find their schema through their first line; the fixture's are given theirs.
ACCEPTED: dict[Path, Path | None] = {ROOT / name: None for name in DATA_FILES} | {
    FIXTURE / name: SCHEMA_DIR / name.replace(".yaml", ".schema.json") for name in DATA_FILES
}


@pytest.fixture(scope="module")
def broken_events(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    """A copy of the repository's events.yaml beside a copy of the schemas folder, as in the
    repository, with a wrong `type`: the copy, and the (0-based) number of that line."""
    folder = tmp_path_factory.mktemp("editor")
    (folder / "schemas").mkdir()
    for name in SCHEMAS:
        shutil.copy(SCHEMA_DIR / name, folder / "schemas" / name)
    events = ROOT / "events.yaml"
    broken = folder / "events.yaml"
    text = events.read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=schemas/events.schema.json" in text
    lines = text.splitlines(keepends=True)
    line = next(number for number, line in enumerate(lines) if line.lstrip().startswith("type: "))
    lines[line] = lines[line].split("type: ")[0] + "type: webinaar\n"
    broken.write_text("".join(lines), encoding="utf-8")
    return broken, line


@pytest.fixture(scope="module")
def in_the_editor(editor: Any, broken_events: tuple[Path, int]) -> Diagnostics:
    """One run of the language server for every test here: the whole corpus, the accepted files and
    the broken copy of events.yaml. Starting it costs more than all the files."""
    corpus = {case.path: SCHEMA_DIR / case.file.replace(".yaml", ".schema.json") for case in CASES}
    return editor({**corpus, **ACCEPTED, broken_events[0]: None}) or {}


@pytest.fixture(scope="module")
def corpus_in_the_editor(in_the_editor: Diagnostics) -> Diagnostics:
    """The diagnostics of the corpus's files."""
    return {str(case.path): in_the_editor[str(case.path)] for case in CASES}


def _problems(diagnostics: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What the editor marks as wrong: errors and warnings (schema problems are warnings)."""
    return [diagnostic for diagnostic in diagnostics if diagnostic["severity"] in (ERROR, WARNING)]


@pytest.mark.e2e  # yaml-language-server in Node, as VS Code runs it
@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_editor_marks_what_the_check_refuses(case: Case, corpus_in_the_editor: Diagnostics) -> None:
    """yaml-language-server marks every broken file, unless only the check can see the defect. A new
    broken file that the editor accepts fails here: make the schema refuse it, or list it with the reason."""
    problems = _problems(corpus_in_the_editor[str(case.path)])
    if _only_the_check(case) or case.id in ONLY_THE_CHECK_READS_STRICTLY:
        assert not problems, f"{case.id}: the editor marks it now ({problems}); remove it from the list"
    else:
        assert problems, (
            f"{case.id}: the check refuses it ({case.key}), VS Code's YAML extension does not. Give the rule a pattern "
            "in generator/data/contract/rules.py, or list it in rules.ONLY_THE_CHECK (or here) with the reason."
        )


@pytest.mark.e2e  # yaml-language-server in Node, as VS Code runs it
def test_editor_speaks_dutch_on_the_corpus(corpus_in_the_editor: Diagnostics) -> None:
    """Every problem the schemas find shows one of the schemas' Dutch messages, never the English
    fallback of yaml-language-server ("String does not match the pattern of ...")."""
    dutch = set().union(*(_messages(_schema(name)) for name in DATA_FILES))
    shown = [d for diagnostics in corpus_in_the_editor.values() for d in diagnostics if d["source"] != "YAML"]
    assert len(shown) > 50
    english = [d for d in shown if d["message"] not in dutch]
    assert not english, english
    assert {d["source"] for d in shown} <= {f"yaml-schema: {title}" for title in _titles()}


def _titles() -> set[str]:
    return {
        node["title"] for name in DATA_FILES for node in _nodes(_schema(name)) if isinstance(node.get("title"), str)
    }


@pytest.mark.e2e  # yaml-language-server in Node, as VS Code runs it
def test_editor_accepts_the_data_and_finds_the_schema_by_its_line(
    in_the_editor: Diagnostics, broken_events: tuple[Path, int]
) -> None:
    """The repository's files find their schema through their first lines, as in VS Code, and pass;
    a mistake in a copy of events.yaml then shows the Dutch message on its line."""
    broken, line = broken_events
    result = in_the_editor
    assert {str(path): result[str(path)] for path in ACCEPTED} == {str(path): [] for path in ACCEPTED}
    (problem,) = result[str(broken)]
    assert problem["line"] == line + 1
    assert problem["message"] == in_a_schema("not_one_of", field="type", choices=", ".join(DEFAULT_EVENT_TYPES))


def test_check_jsonschema_accepts_the_data(capsys: pytest.CaptureFixture[str]) -> None:
    """A third reader (check-jsonschema's own YAML reader) agrees that the data is valid."""
    for name in DATA_FILES:
        schema = SCHEMA_DIR / name.replace(".yaml", ".schema.json")
        code, printed = _check_jsonschema(capsys, "--schemafile", str(schema), str(ROOT / name), str(FIXTURE / name))
        assert code == 0, printed


# --- value by value: the schema's rules against the check's validators ----------------------------

# Values an editor can write, per kind of value, and where the kind stands in a schema.
TRICKY = {
    "line": (
        ("events.yaml", "Event", "title"),
        [
            "Koffie",
            "  Koffie  ",
            "Koffie\n",
            "\nKoffie\n",
            "Koffie\nthee",
            "Koffie\r\n",
            "",
            "   ",
            "\n",
            "\u00a0x\u00a0",
        ]
        + ["\x1cx", "x\u2028y", "a < b", "a>b", "Koffie &amp; thee", "Koffie & thee", "&#38;", "&x", "R&D;"]
        + ["a\x00b", "C:\\Temp\x07", "x\x1b[0m", "x\x7f", "x\x9f", "x\x85", "a\tb", "\ufeffx"],
    ),
    "summary": (
        ("events.yaml", "Event", "summary"),
        ["x" * 200, "x" * 201, "😀" * 200, "😀" * 201, " " * 5 + "x" * 200 + "\n", "é" * 200, "e\u0301" * 101],
    ),
    "markdown": (
        ("events.yaml", "Event", "description"),
        ["Tekst", "  \n", "", "\u3000", "*vet*\n\nMeer.", "Tekst\x00", "Tab\tin `code`", "a\x0c\nb"],
    ),
    "slug": (
        ("events.yaml", "Event", "id"),
        ["cx-2026", "a", "a--b", "-a", "a-", "Cx", "café", "a b", "", "a_b", "１"],  # noqa: RUF001 - a full-width digit on purpose
    ),
    "url": (
        ("events.yaml", "Event", "registration_url"),
        ["https://example.org", "HTTPS://example.org/x", " https://example.org ", "https://example.org\n"]
        + ["http://x", "https://", "https:///x", "https://?x", "https://#x", "https://x y", "https://x\u00a0y"]
        + ["ftp://x", "javascript:alert(1)", "www.example.org", "example.org", "https:x", "Https://x.nl/a?b=c#d"]
        + ["https://x.nl/<a>", 'https://x.nl/"', "https://x.nl/a%20b", "https://x.nl/50%", "https://x.nl/%zz"]
        + ["https://x.nl/a\x00", "https://x.nl/a{b}", "https://x.nl/a\\b", "https://x.nl/?a=1&b=2", "https://x.nl/é"]
        + ["https://x.nl/`", "https://x.nl/a|b^", "https://x.nl/a\x7f", "https://x.nl/%C3%A9 \n"],
    ),
    "email": (
        ("communities.yaml", "Community", "contact_email"),
        ["naam@example.org", " naam@example.org ", "naam@example.org\n", "mailto:naam@example.org", "na am@x.nl"]
        + ["naam@x", "naam@x.n", 'n"a@x.nl', "naam@x_y.nl", "a.b+c@sub.example.org", "a@b@c.nl", "<a@b.nl>"],
    ),
    "moment": (
        ("events.yaml", "Event", "start"),
        ["2026-12-08", "2026-12-08 14:00", "2026-12-08T14:00", " 2026-12-08 \n", "2026-12-8", "2026-12-08 9:00"]
        + ["2027-02-29", "2028-02-29", "2000-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-12-00"]
        + ["2026-12-08 24:00", "2026-12-08 23:59", "2026-12-08 14:60", "2026-12-08 14:00:00", "1999-12-31"]
        + ["2100-01-01", "2099-12-31", "2027-03-28 02:00", "2027-03-28 02:59", "2027-03-28 03:00"]
        + ["2027-03-28 01:59", "2026-10-25 02:30", "2026-10-25 03:00", "2026-10-25 01:59", "2026-03-29 02:15"]
        + ["2026-12-08  14:00", "2026/12/08", "8 december 2026"],
    ),
    "day": (
        ("events.yaml", "Event", "registration_deadline"),
        ["2026-12-01", " 2026-12-01\n", "2026-12-01 14:00", "2026-12-01T14:00", "1 december", "2026-13-01"]
        + ["1999-12-31", "2027-02-29", "2028-02-29", "2026-03-29 02:30", "2026-12-01 25:00"],
    ),
}


def _check_says(kind: str, value: str) -> str | None:
    """The key of the check's message about `value`, or None when the check accepts it."""
    from pydantic import TypeAdapter, ValidationError

    from generator.data.contract import models

    types: dict[str, Any] = {
        "summary": fields.Summary,
        "markdown": fields.MarkdownText,
        "moment": models.Moment,
        "day": models.Day,
    }
    annotation = types.get(kind) or getattr(fields, kind.capitalize())
    try:
        TypeAdapter(annotation).validate_python(value, strict=True)
    except ValidationError as error:
        return str(error.errors()[0]["type"])
    return None


def _check_accepts(kind: str, value: str) -> bool:
    return _check_says(kind, value) is None


def test_every_type_of_value_runs_the_check_of_its_kind() -> None:
    """The `x-kind` of each type of value in fields.py and models.py names its record in fields.KINDS,
    and the type validates with that record's check."""
    from generator.data.contract import models

    found = {}
    for annotation in (
        fields.Line,
        fields.MarkdownText,
        fields.Slug,
        fields.Url,
        fields.Email,
        models.Moment,
        models.Day,
    ):
        metadata = typing.get_args(annotation)[1:]
        checks = [item.func for item in metadata if hasattr(item, "func")]
        # Field(json_schema_extra=...) in fields.py, WithJsonSchema(...) in models.py.
        schemas = [getattr(item, "json_schema_extra", None) or getattr(item, "json_schema", None) for item in metadata]
        (schema,) = [schema for schema in schemas if schema]
        found[schema["x-kind"]] = checks
    assert found == {name: [kind.check] for name, kind in fields.KINDS.items()}


@pytest.mark.parametrize("kind", sorted(TRICKY))
def test_the_check_refuses_by_the_rules_of_the_kind(kind: str) -> None:
    """What the check says of a value is one of the rules fields.KINDS gives its kind (summary: a line,
    with its length), or a rule only the check has."""
    _, values = TRICKY[kind]
    declared = fields.KINDS["line" if kind == "summary" else kind]
    keys = {rule.key for rule in declared.rules} | {rules.too_long(1).key} | set(rules.ONLY_THE_CHECK)
    said = {value: _check_says(kind, value) for value in values}
    assert {value: key for value, key in said.items() if key is not None and key not in keys} == {}


def _field_schema(where: tuple[str, str, str]) -> dict[str, Any]:
    file, entry, field = where
    return dict(_schema(file)["$defs"][entry]["properties"][field])


@pytest.mark.parametrize("kind", sorted(TRICKY))
def test_schema_and_check_agree_value_by_value(kind: str) -> None:
    """Spaces around a value, a line break at the end (`title: |`), the case of https://, lengths in
    characters, dates and summer time: jsonschema (Python's re) gives the check's verdict."""
    where, values = TRICKY[kind]
    validator = jsonschema.Draft202012Validator(_field_schema(where))
    verdicts = {value: (_check_accepts(kind, value), validator.is_valid(value)) for value in values}
    assert {value for value, (check, schema) in verdicts.items() if check != schema} == set(), verdicts
    assert {check for check, _ in verdicts.values()} == {True, False}


def test_javascript_gives_the_same_verdicts() -> None:
    """The same values through the patterns as yaml-language-server compiles them (`u` flag)."""
    node = shutil.which("node")
    require_tool(node is not None, "Node.js")
    cases: list[dict[str, Any]] = [
        {"kind": kind, "value": value, "patterns": _patterns(_field_schema(where))}
        for kind, (where, values) in TRICKY.items()
        for value in values
    ]
    script = (
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map((c) =>"
        " c.patterns.every((p) => new RegExp(p, 'u').test(c.value)))));"
    )
    result = subprocess.run(
        [str(node), "-e", script], input=json.dumps(cases), capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    disagree = [
        (case["kind"], case["value"])
        for case, verdict in zip(cases, json.loads(result.stdout), strict=True)
        if verdict != _check_accepts(case["kind"], case["value"])
    ]
    assert disagree == []
