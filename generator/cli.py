"""The command line: check the data, write a builder-neutral project, write the JSON Schemas, add a new
event or community.

`python -m generator check` validates the three files without building. Every problem is one line,
`bestand:regel:kolom: melding`, or a GitHub annotation with `--format github` (the default inside
GitHub Actions), so that problems show on the changed lines of a pull request.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from argparse import BooleanOptionalAction
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from . import upgrade
from .build import in_ci, load_site, stamps_warning
from .data.checking.checks import event_type_ids
from .data.checking.removed import deleted_upcoming, removed_still_used
from .data.contract import moments
from .data.contract.network import Network
from .data.reading import loader
from .data.reading.files import DataFiles
from .data.wording.messages import check_summary, format_github, format_problem, problems_summary
from .data.wording.problems import DataError, Problem
from .dutch_argparse import ArgumentParser
from .editing import changes
from .editing.entries import EntryError, NoList, NotABlockList, append_checked, ensure_list, render_entry
from .editing.questions import (
    COMMUNITY,
    EVENT,
    Checker,
    Form,
    MissingOptions,
    NoAnswer,
    Question,
    WrongOptions,
    ask,
    typed_ahead,
)
from .editing.review import Before, review
from .editing.schemas import write_schemas
from .release import DISTRIBUTION, VERSION
from .search.indexing import SearchIndexError, index_site
from .settings import SettingsError
from .starter import EMAIL_QUESTION, NewSite, StarterError, write_site
from .tree import write_tree
from .upgrade import version_warning


def main(argv: Sequence[str] | None = None) -> int:
    arguments = _parser().parse_args(argv)
    if arguments.command == "render":
        return _render(arguments.config, arguments.out, strict=arguments.strict, published=arguments.published)
    if arguments.command == "index":
        return _index(arguments.site)
    if arguments.command == "init":
        email = arguments.email if arguments.email is not None else _ask_email()
        site = NewSite(arguments.name, arguments.url, email, arguments.repository or "")
        return _init(site, arguments.folder)
    files = DataFiles(arguments.root)
    if arguments.command == "check":
        warning = version_warning(arguments.root)
        if warning:
            print(warning, file=sys.stderr)
        return _check(files, arguments.format, arguments.base)
    if arguments.command == "upgrade":
        return _upgrade(arguments.root, apply=arguments.apply)
    if arguments.command == "changes":
        return _changes(files, arguments.base)
    if arguments.command == "schema":
        for path in write_schemas(arguments.out or arguments.root / "schemas", _site_choices(files)):
            print(f"Geschreven: {path}")
        return 0
    form = EVENT if arguments.kind == "event" else COMMUNITY
    given = {question.field: getattr(arguments, question.field) for question in form.questions}
    return _new(files, form, {field: value for field, value in given.items() if value is not None})


def _parser() -> ArgumentParser:
    parser = ArgumentParser(prog="python -m generator", description="De site van de community's.")
    parser.add_argument("--version", action="version", version=f"{DISTRIBUTION} {VERSION}")
    common = ArgumentParser(add_help=False)
    common.add_argument(
        "--root", type=Path, default=Path(), metavar="MAP", help="map met de YAML-bestanden (standaard: hier)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht", help="wat er moet gebeuren")

    check = commands.add_parser(
        "check",
        parents=[common],
        help="controleer de drie YAML-bestanden, zonder de site te bouwen",
        description="Controleer de drie YAML-bestanden, zonder de site te bouwen.",
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="text, of github: aantekeningen in een pull request (vanzelf in GitHub Actions)",
    )
    check.add_argument(
        "--base",
        default=_default_base(),
        metavar="VERSIE",
        help="git-versie om mee te vergelijken, om nieuwe evenementen te herkennen, bijvoorbeeld origin/main",
    )

    summary = commands.add_parser(
        "changes",
        parents=[common],
        help="zeg wat er verandert voor bezoekers en abonnees, vergeleken met een git-versie",
        description="Zeg in Markdown wat er verandert voor bezoekers en abonnees: nieuwe, gewijzigde, "
        "afgelaste en verwijderde evenementen, en welke pagina's en agenda-bestanden veranderen. "
        "Voor de samenvatting van een pull request.",
    )
    summary.add_argument(
        "--base",
        default=_default_base() or "origin/main",
        metavar="VERSIE",
        help="git-versie om mee te vergelijken (standaard: de branch van de pull request, of origin/main)",
    )

    render = commands.add_parser(
        "render",
        help="schrijf een volledig project zonder de plugin, voor elke bouwer",
        description="Schrijf een volledig project zonder de plugin, voor elke bouwer.",
    )
    render.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="BESTAND",
        help="instellingen (standaard: mkdocs.yml)",
    )
    render.add_argument("--out", type=Path, required=True, metavar="MAP", help="lege map voor het project")
    render.add_argument(
        "--strict",
        action="store_true",
        help="stop in CI als de hele git-geschiedenis ontbreekt (zoals mkdocs build --strict)",
    )
    render.add_argument(
        "--published",
        metavar="PLEK",
        help="de vorige publicatie, een map of het adres van de site: de volgnummers in de agenda-bestanden "
        "gaan daar nooit onder (standaard: de optie published in mkdocs.yml)",
    )

    index = commands.add_parser(
        "index",
        help="maak een gebouwde site doorzoekbaar (na een andere bouwer dan MkDocs)",
        description="Maak de zoekindex van een gebouwde site, in de map pagefind/ van die site. "
        "De plugin voor MkDocs doet dit zelf; na zensical build doe je het met deze opdracht.",
    )
    index.add_argument("site", type=Path, metavar="MAP", help="de map met de gebouwde site, bijvoorbeeld site/")

    init = commands.add_parser(
        "init",
        help="maak een nieuwe site voor een ander netwerk, in een nieuwe of lege map",
        description="Maak een nieuwe site voor een netwerk, met een voorbeeld van elk soort item. "
        "Daarna bouwt `make site` hem meteen (README.md in de nieuwe map zegt de rest).",
    )
    init.add_argument("folder", type=Path, metavar="MAP", help="nieuwe of lege map voor de site")
    init.add_argument("--name", required=True, metavar="NAAM", help='naam van het netwerk, bijvoorbeeld "Netwerk X"')
    init.add_argument("--url", required=True, metavar="ADRES", help="adres van de site, bijvoorbeeld https://x.nl/")
    init.add_argument(
        "--email", metavar="ADRES", help="algemeen e-mailadres van de site (zonder deze optie vraagt init erom)"
    )
    init.add_argument("--repository", metavar="ADRES", help="repository op GitHub, voor de knop 'Bewerk deze pagina'")

    upgrade = commands.add_parser(
        "upgrade",
        parents=[common],
        help="laat zien wat deze versie verandert in de vaste bestanden van een site (workflows, CONTRIBUTING.md …)",
        description="Laat zien wat deze versie van de generator anders schrijft in de bestanden die init "
        "schreef en die van de generator zijn: de workflows, de formulieren voor issues, CONTRIBUTING.md, "
        "de Makefile, requirements.in en requirements.txt en de pagina's over de agenda-bestanden, de open "
        "data en 404. De data, mkdocs.yml, README.md en je eigen pagina's blijven zoals ze zijn.",
    )
    upgrade.add_argument("--apply", action="store_true", help="schrijf de veranderingen ook echt")

    schema = commands.add_parser(
        "schema",
        parents=[common],
        help="schrijf de JSON Schemas naar schemas/",
        description="Schrijf de JSON Schemas, met de soorten evenementen uit events.yaml. "
        "Doe dit opnieuw als je de lijst types verandert.",
    )
    schema.add_argument(
        "--out", type=Path, default=None, metavar="MAP", help="map voor de schemas (standaard: schemas/)"
    )

    new = commands.add_parser(
        "new",
        help="voeg een nieuw evenement of een nieuwe community toe",
        description="Voeg een nieuw evenement of een nieuwe community toe.",
    )
    kinds = new.add_subparsers(dest="kind", required=True, metavar="soort", help="event of community")
    for kind, form, about in (
        ("event", EVENT, "een nieuw evenement in events.yaml"),
        ("community", COMMUNITY, "een nieuwe community in communities.yaml"),
    ):
        command = kinds.add_parser(
            kind,
            parents=[common],
            help=about,
            description=f"Zet {about}. Wat je niet als optie meegeeft, wordt gevraagd. "
            "Elk antwoord wordt meteen gecontroleerd.",
        )
        for question in form.questions:
            _add_option(command, question)
    return parser


def _add_option(command: ArgumentParser, question: Question) -> None:
    """The option that answers `question`, with the question as its help."""
    if question.kind == "yes_no":
        command.add_argument(
            question.flag,
            dest=question.field,
            action=BooleanOptionalAction,
            help=f"{question.text}: {question.flag} is ja, --no-{question.flag[2:]} is nee",
        )
    elif question.kind == "list":
        command.add_argument(
            question.flag,
            dest=question.field,
            action="append",
            metavar=question.metavar,
            help=f"{question.text}. Schrijf de optie vaker voor meer",
        )
    else:
        command.add_argument(question.flag, dest=question.field, metavar=question.metavar, help=question.text)


def _site_choices(files: DataFiles) -> dict[str, list[str]]:
    """The values the site's own files let editors choose from, for its schemas: its kinds of event."""
    try:
        events = loader.load(files.root / files.events, files.events)
    except DataError:
        events = None  # the check says what is wrong; the schemas get the defaults meanwhile
    return {"types": event_type_ids(events)}


def _default_base() -> str | None:
    """In a pull request on GitHub, compare with the branch it goes into."""
    target = os.environ.get("GITHUB_BASE_REF")
    return f"origin/{target}" if target else None


def _report(problems: Sequence[Problem], files: DataFiles, output_format: str) -> None:
    for problem in problems:
        if output_format == "github":
            print(format_github(problem, os.path.normpath(files.root / problem.file)))
        # Also in GitHub's log, the plain form that names file, line and column.
        print(format_problem(problem), file=sys.stderr)


def _check(files: DataFiles, output_format: str, base: str | None) -> int:
    try:
        network = load_site(files)
    except DataError as error:
        problems = sorted([*error.problems, *_removed_at(base, files, error.problems)], key=_place)
        _report(problems, files, output_format)
        print(problems_summary(len(problems)), file=sys.stderr)
        return 1
    now = moments.now()
    warnings = sorted([*review(network, now, _events_at(base, files)), *_deleted_at(base, files, network, now)])
    _report(warnings, files, output_format)
    sizes = (len(network.communities), len(network.events), len(network.themes), len(network.external))
    print(check_summary(*sizes, warnings=len(warnings)))
    return 0


def _place(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.file, problem.line, problem.column, problem.key)


def _removed_at(base: str | None, files: DataFiles, problems: Sequence[Problem]) -> list[Problem]:
    """With `base`: a community or theme taken out of communities.yaml that is still used, reported on
    a line the change touched, where a pull request shows it (`removed.removed_still_used`)."""
    if not any(problem.key in ("unknown_community", "unknown_theme") for problem in problems):
        return []
    texts = _now_and_at(base, files.root, files.communities)
    if texts is None:
        return []
    return list(removed_still_used(problems, *texts, files.communities))


def _deleted_at(base: str | None, files: DataFiles, network: Network, now: datetime) -> list[Problem]:
    """With `base`: an upcoming event taken out of events.yaml, as a warning on a line the change
    touched (`removed.deleted_upcoming`). `_events_at` says already when `base` cannot be read."""
    texts = _now_and_at(base, files.root, files.events)
    if texts is None:
        return []
    ids = {event.id for event in network.events}
    return list(deleted_upcoming(ids, *texts, files.events, now))


def _now_and_at(base: str | None, root: Path, name: str) -> tuple[str, str] | None:
    """A data file's text now and at git version `base`; None without `base` or when either cannot be
    read (`_events_at` warns about that once)."""
    if not base:
        return None
    try:
        shown = _git(root, "show", f"{base}:./{name}")
        current = (root / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return (current, shown.stdout) if shown.returncode == 0 else None


def _events_at(base: str | None, files: DataFiles) -> dict[str, Before] | None:
    """The events in events.yaml at git version `base`, by id, or None (with a warning) when that cannot
    be read. Only their ids, starts and ends: the review compares those."""
    if not base:
        return None
    skipped = "Daarom herkent de controle nu geen nieuwe evenementen. De rest van de controle gaat gewoon door."
    try:
        found = _git(files.root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
        shown = _git(files.root, "show", f"{base}:./{files.events}") if found.returncode == 0 else found
    except OSError:
        _warn(f"git is niet gevonden, dus --base {base} kan niet worden gelezen. {skipped}")
        return None
    if found.returncode != 0:
        _warn(f"De git-versie `{base}` (--base) is niet gevonden. Klopt de naam, en is die versie opgehaald? {skipped}")
        return None
    if shown.returncode != 0:
        _warn(f"In de git-versie `{base}` staat geen {files.events}. {skipped}")
        return None
    try:
        data = loader.loads(shown.stdout, files.events).data
    except DataError:
        _warn(f"{files.events} in de git-versie `{base}` is niet te lezen. {skipped}")
        return None
    entries = data.get("events") if isinstance(data, dict) else None
    return {
        str(entry.get("id")): Before(_moment_or_none(entry.get("start")), _moment_or_none(entry.get("end")))
        for entry in entries or []
        if isinstance(entry, dict)
    }


def _moment_or_none(value: object) -> date | datetime | None:
    try:
        return moments.parse_moment(value)
    except PydanticCustomError:
        return None


def _changes(files: DataFiles, base: str) -> int:
    try:
        network = load_site(files)
    except DataError as error:
        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        print("Er is geen overzicht van de veranderingen: los eerst de problemen hierboven op.", file=sys.stderr)
        return 1
    before, readable = changes.EMPTY, True
    try:
        found = _git(files.root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").returncode == 0
    except OSError:
        found = False
    if found:
        shown = {name: _git(files.root, "show", f"{base}:./{name}") for name in files.names}
        with tempfile.TemporaryDirectory(prefix="basis-") as folder:
            old = changes.base_files(files, {n: r.stdout for n, r in shown.items() if r.returncode == 0}, Path(folder))
            try:
                before = load_site(old) if old else changes.EMPTY
            except DataError:
                readable = False
    else:
        readable = False
    print(changes.summary(changes.compare(before, network, moments.now()), base=base, base_readable=readable))
    return 0


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # git from PATH, as the editor's own shell runs it.
    return subprocess.run(
        ["git", *args],  # noqa: S607
        cwd=folder,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )


def _warn(message: str) -> None:
    print(f"waarschuwing: {message}", file=sys.stderr)


def _index(site: Path) -> int:
    if not (site / "index.html").is_file():
        print(f"In {site} staat geen gebouwde site (geen index.html).", file=sys.stderr)
        return 1
    try:
        index_site(site)
    except SearchIndexError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _render(config_file: Path, out: Path, *, strict: bool = False, published: str | None = None) -> int:
    if out.exists() and any(out.iterdir()):
        print(f"{out}: deze map is niet leeg. Kies een nieuwe of lege map.", file=sys.stderr)
        return 1
    required = strict and in_ci()
    try:
        site = write_tree(config_file, out, moments.now(), require_history=required, published=published)
    except DataError as error:
        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        print("Er is niets geschreven: los eerst de problemen hierboven op.", file=sys.stderr)
        return 1
    except SettingsError as error:
        for line in error.lines:  # MkDocs' own words, as `mkdocs build` shows them
            print(f"{config_file.name}: {line}", file=sys.stderr)
        print("Er is niets geschreven: los eerst de problemen hierboven op.", file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(f"{error.filename}: dit bestand ontbreekt.", file=sys.stderr)
        return 1
    for note in site.notes:
        print(note, file=sys.stderr)  # as the plugin logs them: the same build, the same notes
    if site.history_missing:
        print(f"waarschuwing: {stamps_warning(site.history_missing)}", file=sys.stderr)
    print(f"Geschreven: {out}. Bouw het met: mkdocs build -f {out / 'mkdocs.yml'}")
    return 0


def _upgrade(root: Path, *, apply: bool) -> int:
    warning = version_warning(root)
    if warning:
        print(warning, file=sys.stderr)
    try:
        found = upgrade.changes(root, moments.now().date())
    except SettingsError as error:
        print("\n".join(error.lines), file=sys.stderr)
        return 1
    except StarterError as error:
        print(f"{root / 'mkdocs.yml'}: {error}", file=sys.stderr)
        return 1
    if not found:
        print(f"Niets te doen: de vaste bestanden zijn zoals {DISTRIBUTION} {VERSION} ze schrijft.")
        return 0
    for change in found:
        print(change.diff(), end="")
    names = ", ".join(change.path for change in found)
    if apply:
        upgrade.apply(root, found)
        print(f"Geschreven ({len(found)}): {names}. Bekijk de verandering met git diff en bouw de site (make site).")
    else:
        print(f"Verandert ({len(found)}): {names}. Schrijf het met: python -m generator upgrade --apply")
    return 0


def _ask_email() -> str:
    """The site's general address, asked at a terminal; elsewhere nothing, and `init` says what to give."""
    if not _in_a_terminal():
        return ""
    try:
        return input(EMAIL_QUESTION).strip()
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return ""


def _init(site: NewSite, folder: Path) -> int:
    try:
        written = write_site(site, folder, moments.now().date())
    except StarterError as error:
        print(error, file=sys.stderr)
        return 1
    except OSError:
        print(f"{folder}: daar kan init niet schrijven. Kies een map waarin je mag schrijven.", file=sys.stderr)
        return 1
    print(f"Geschreven: {len(written)} bestanden in {folder}.")
    print(f"Bouw de site met deze twee opdrachten (de eerste keer installeert make alles in {folder / '.venv'}):")
    print(f"  cd {shlex.quote(str(folder))}")
    print("  make site")
    print("Bekijk hem dan met make serve, op http://127.0.0.1:8000. Wat er nog meer kan: make help.")
    print("Vervang daarna de voorbeelden (VOORBEELD) en lees README.md in die map.")
    return 0


def _new(files: DataFiles, form: Form, given: dict[str, Any]) -> int:
    """Ask for a new entry and add it. At a terminal, what is still waiting on its input when the command
    ends (the rest of a paste) is taken off, so that the shell does not run it as commands."""
    terminal = _in_a_terminal()
    try:
        return _add_entry(files, form, given, terminal=terminal)
    finally:
        if terminal:
            typed_ahead()


def _add_entry(files: DataFiles, form: Form, given: dict[str, Any], *, terminal: bool) -> int:
    """Ask for a new entry and add it; whatever goes wrong, the file stays byte for byte as it was."""
    name = getattr(files, form.file)
    try:
        known_events = {event.id: Before() for event in load_site(files).events}
        ensure_list(files, name, form.list_key)
        entry = ask(form, given, Checker(files, form), terminal=terminal)
        append_checked(files, name, form.list_key, render_entry(form.template, entry), entry, check=load_site)
    except (DataError, WrongOptions, MissingOptions, NoAnswer, KeyboardInterrupt, EntryError, OSError) as error:
        print(_not_added(error, name), file=sys.stderr)
        return 1
    print(f"Toegevoegd aan {name}: {entry['id']}. Controleer het en maak een pull request.")
    # What a reviewer would be warned of about the new entry, said now while it is easy to change.
    for warning in review(load_site(files), moments.now(), known_events):
        if warning.params.get("value") == entry["id"]:
            print(format_problem(warning), file=sys.stderr)
    return 0


def _not_added(error: BaseException, name: str) -> str:
    """Why `new` stopped, and that the file is as it was, in Dutch."""
    unchanged = f"{name} is niet veranderd."
    if isinstance(error, DataError):
        problems = "\n".join(format_problem(problem) for problem in error.problems)
        return f"{problems}\n{unchanged} Verbeter eerst de problemen hierboven, en probeer het dan opnieuw."
    if isinstance(error, WrongOptions):
        return "\n".join([*error.messages, f"{unchanged} Verbeter de opties, en probeer het dan opnieuw."])
    if isinstance(error, MissingOptions):
        wanted = "\n".join(f"  {_option(question)}  ({question.text})" for question in error.questions)
        return (
            "Zonder terminal stelt deze opdracht geen vragen: antwoorden die binnenkomen zonder vraag kunnen op de "
            f"verkeerde plek terechtkomen. Geef deze velden als optie mee:\n{wanted}\n{unchanged} "
            "Of start de opdracht in een terminal: dan vraagt hij wat er nog ontbreekt."
        )
    if isinstance(error, NoAnswer):
        question = error.question
        return (
            f"\nGeen antwoord op: {question.text}. {unchanged} "
            f"Je kunt het antwoord ook als optie meegeven: {question.flag} (zie --help)."
        )
    if isinstance(error, KeyboardInterrupt):
        return f"\nGestopt. {unchanged}"
    if isinstance(error, EntryError):
        return _entry_error(error, name)
    if isinstance(error, PermissionError):
        return f"Je mag {name} niet lezen of aanpassen op deze computer. {unchanged}"
    return f"{name} kon niet worden gelezen of opgeslagen. {unchanged}"


def _option(question: Question) -> str:
    return question.flag if question.kind == "yes_no" else f"{question.flag} {question.metavar}"


def _in_a_terminal() -> bool:
    """Whether a person types the answers; standard input can also be a file, a pipe, or closed."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # closed
        return False


def _entry_error(error: EntryError, name: str) -> str:
    key = error.list_key
    if isinstance(error, NoList):
        return (
            f"In {name} staat geen regel `{key}:`. Zet bovenaan een regel `{key}:` met daaronder de lijst, "
            f"en probeer het dan opnieuw. {name} is niet veranderd."
        )
    if isinstance(error, NotABlockList):
        return (
            f"In {name} staat de lijst `{key}` op één regel, tussen [ en ]. Daar kan dit programma niets aan "
            f"toevoegen. Zet elk item op een eigen regel, met '- ' ervoor. {name} is niet veranderd."
        )
    return (
        f"Het nieuwe item kwam niet goed in {name} terecht. Daarom is {name} niet veranderd. "
        "Meld dit als probleem op GitHub, met wat je hebt ingevuld."
    )
