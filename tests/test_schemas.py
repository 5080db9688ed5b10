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
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from test_invalid import CASES, Case

from conftest import DATA_FILES, FIXTURE, JS_TOOLS, ROOT, require_tool
from generator.data import loader
from generator.data.problems import DataError
from generator.editing.schemas import ENTRY_TITLES, FIELD_TITLES, SCHEMAS, render_schemas

SCHEMA_DIR = ROOT / "schemas"

# Broken files whose defect no schema can see, so the check is the only one to refuse them.
ONLY_THE_CHECK = {
    # References between entries and files, and uniqueness across a list.
    "communities/duplicate-id-theme": "two themes with one id",
    "communities/duplicate-in-list-themes": "a theme twice in one list (uniqueItems speaks English)",
    "communities/unknown-theme": "a theme that communities.yaml does not have",
    "events/duplicate-id": "two events with one id",
    "events/duplicate-in-list": "a community twice in one list (uniqueItems speaks English)",
    "events/duplicate-in-list-features": "an access feature twice in one list (uniqueItems speaks English)",
    "events/reserved-id": "an id that a page of the site uses",
    "events/reserved-id-index": "an id that a page of the site uses",
    "events/unknown-community": "a community that communities.yaml does not have",
    "events/unknown-theme": "a theme that communities.yaml does not have",
    "external_communities/duplicate-in-list-themes": "a theme twice in one list (uniqueItems speaks English)",
    "external_communities/duplicate-name": "two external communities with one name",
    "external_communities/duplicate-name-other-case": "two names that differ only in capitals",
    "external_communities/unknown-theme": "a theme that communities.yaml does not have",
    # Comparing two moments.
    "events/end-before-start": "the end before the start",
    "events/end-before-start-all-day": "the last day before the first",
    "events/end-equals-start": "the end at the start",
    "events/deadline-after-start": "the last day to register after the first day",
    # What the Markdown in a description means.
    "communities/html-in-markdown-block": "HTML in Markdown",
    "communities/html-in-markdown-onerror": "HTML in Markdown",
    "communities/link-without-scheme-mail": "a Markdown link without https:// or mailto:",
    "communities/unsafe-link-remote-image": "an image from another site in Markdown",
    "events/field-in-description": "a field line that ended up inside a Markdown block",
    "events/html-in-markdown-autolink": "HTML in Markdown",
    "events/link-without-scheme-www": "a Markdown link without https://",
    "events/unsafe-link-broken-address": "a Markdown link that is no address",
    "events/unsafe-link-data": "a data: link in Markdown",
    "events/unsafe-link-entity-colon": "a javascript: link hidden by an entity",
    "events/unsafe-link-entity-encoded": "a javascript: link hidden by an entity",
    "events/unsafe-link-javascript": "a javascript: link in Markdown",
    "events/unsafe-link-mixed-case": "a JavaScript: link in Markdown",
    # How the YAML was written, which the parsed value no longer shows.
    "events/comment-in-title": "text after ' #' is a YAML comment: the title is cut short",
    "events/joined-lines-folded": "a list in a folded block (>) that YAML joins into one line",
    "events/joined-lines-plain": "a list in a plain value over several lines, which YAML joins into one line",
}
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
    return json.loads((SCHEMA_DIR / case_file.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))


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
    result = subprocess.run([str(node), "-e", script], input=json.dumps(patterns), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


@pytest.mark.parametrize("name", DATA_FILES)
@pytest.mark.parametrize("folder", [ROOT, FIXTURE], ids=["repository", "fixture"])
def test_schemas_accept_the_data(folder: Path, name: str) -> None:
    """As the check reads the files, and as a plain YAML reader does."""
    schema = _schema(name)
    jsonschema.validate(loader.load(folder / name, name).data, schema)
    jsonschema.validate(yaml.safe_load((folder / name).read_text(encoding="utf-8")), schema)


def test_the_lists_name_files_that_exist() -> None:
    ids = {case.id for case in CASES}
    listed = set(ONLY_THE_CHECK) | set(ONLY_THE_CHECK_READS_STRICTLY)
    assert listed <= ids, f"not in tests/fixtures/invalid/: {sorted(listed - ids)}"
    assert not set(ONLY_THE_CHECK) & set(ONLY_THE_CHECK_READS_STRICTLY)


@cache
def _check_reads(case: Case) -> Any:
    """The data as the check reads it, or None when the check's YAML reader already refuses it."""
    try:
        return loader.load(case.path, case.file).data
    except (DataError, yaml.YAMLError):
        return None


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_schema_refuses_what_the_check_refuses(case: Case) -> None:
    """jsonschema, over the data the check reads: every broken file is refused, unless it is in
    ONLY_THE_CHECK. A new broken file that the schema accepts fails here: make the schema refuse it
    (generator/editing/schemas.py), or add it to ONLY_THE_CHECK with the reason."""
    data = _check_reads(case)
    if data is None:
        assert case.id not in ONLY_THE_CHECK, f"{case.id}: the check's YAML reader refuses it; no need to list it"
        return
    errors = list(jsonschema.Draft202012Validator(_schema(case.file)).iter_errors(data))
    if case.id in ONLY_THE_CHECK:
        assert not errors, f"{case.id}: the schema refuses it now; remove it from ONLY_THE_CHECK"
    else:
        assert errors, (
            f"{case.id}: the check refuses it ({case.key}), the schema accepts it. Make the schema refuse it "
            "in generator/editing/schemas.py, or add it to ONLY_THE_CHECK in tests/test_schemas.py with the reason."
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


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_editor_marks_what_the_check_refuses(case: Case, corpus_in_the_editor: Diagnostics) -> None:
    """yaml-language-server marks every broken file, unless only the check can see the defect. A new
    broken file that the editor accepts fails here: make the schema refuse it, or list it with the reason."""
    problems = _problems(corpus_in_the_editor[str(case.path)])
    if case.id in ONLY_THE_CHECK or case.id in ONLY_THE_CHECK_READS_STRICTLY:
        assert not problems, f"{case.id}: the editor marks it now ({problems}); remove it from the list"
    else:
        assert problems, (
            f"{case.id}: the check refuses it ({case.key}), VS Code's YAML extension does not. Make the schema refuse "
            "it in generator/editing/schemas.py, or add it to a list in tests/test_schemas.py with the reason."
        )


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
    assert problem["message"].startswith("Kies voor `type` een van deze waarden: bijeenkomst, ")


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
        ["cx-2026", "a", "a--b", "-a", "a-", "Cx", "café", "a b", "", "a_b", "１"],
    ),
    "url": (
        ("events.yaml", "Event", "registration_url"),
        ["https://example.org", "HTTPS://example.org/x", " https://example.org ", "https://example.org\n"]
        + ["http://x", "https://", "https:///x", "https://?x", "https://#x", "https://x y", "https://x\u00a0y"]
        + ["ftp://x", "javascript:alert(1)", "www.example.org", "example.org", "https:x", "Https://x.nl/a?b=c#d"],
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
}


def _check_accepts(kind: str, value: str) -> bool:
    from pydantic import TypeAdapter, ValidationError

    from generator.data import fields, models

    types = {"summary": fields.Summary, "markdown": fields.MarkdownText, "moment": models.Moment}
    annotation = types.get(kind) or getattr(fields, kind.capitalize())
    try:
        TypeAdapter(annotation).validate_python(value, strict=True)
    except ValidationError:
        return False
    return True


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
    cases = [
        {"kind": kind, "value": value, "patterns": _patterns(_field_schema(where))}
        for kind, (where, values) in TRICKY.items()
        for value in values
    ]
    script = (
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(cases.map((c) =>"
        " c.patterns.every((p) => new RegExp(p, 'u').test(c.value)))));"
    )
    result = subprocess.run([str(node), "-e", script], input=json.dumps(cases), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    disagree = [
        (case["kind"], case["value"])
        for case, verdict in zip(cases, json.loads(result.stdout), strict=True)
        if verdict != _check_accepts(case["kind"], case["value"])
    ]
    assert disagree == []
