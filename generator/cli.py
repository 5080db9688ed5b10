"""The command line: check the data, write a builder-neutral project, write the JSON Schemas, add a new
event or community.

`python -m generator check` validates the three files without building. Every problem is one line,
`bestand:regel:kolom: melding`, or a GitHub annotation with `--format github` (the default inside
GitHub Actions), so that problems show on the changed lines of a pull request.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from .build import load_site
from .data import loader, moments
from .data.files import DataFiles
from .data.messages import format_github, format_problem
from .data.models import EVENT_TYPES
from .data.problems import DataError, Problem
from .editing.entries import append_checked, render_entry
from .editing.review import review
from .editing.schemas import write_schemas
from .tree import write_tree


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="De site van de community's.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path("."), help="map met de YAML-bestanden (standaard: hier)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")

    check = commands.add_parser(
        "check", parents=[common], help="controleer de drie YAML-bestanden, zonder de site te bouwen"
    )
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text",
        help="text (standaard) of github (annotaties in een pull request)",
    )
    check.add_argument(
        "--base", default=_default_base(), help="git-versie om mee te vergelijken, om nieuwe evenementen te herkennen"
    )

    render = commands.add_parser("render", help="schrijf een volledig project zonder de plugin, voor elke bouwer")
    render.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="instellingen (standaard: mkdocs.yml)")
    render.add_argument("--out", type=Path, required=True, help="lege map voor het project")

    schema = commands.add_parser("schema", parents=[common], help="schrijf de JSON Schemas naar schemas/")
    schema.add_argument("--out", type=Path, default=None, help="map voor de schemas (standaard: schemas/)")

    new = commands.add_parser("new", help="voeg een nieuw evenement of een nieuwe community toe")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="soort")
    event = kinds.add_parser("event", parents=[common], help="een nieuw evenement in events.yaml")
    for flag in ("id", "title", "start", "end", "venue", "address", "registration-url", "summary", "description"):
        event.add_argument(f"--{flag}")
    event.add_argument("--community", action="append", dest="communities", help="community-id (mag vaker)")
    event.add_argument("--theme", action="append", dest="themes", help="thema-id (mag vaker)")
    event.add_argument("--type", choices=list(EVENT_TYPES))
    event.add_argument("--online", action="store_true", help="je kunt online meedoen")
    event.add_argument("--open-to-all", action="store_true", help="leden van alle community's zijn welkom")
    community = kinds.add_parser("community", parents=[common], help="een nieuwe community in communities.yaml")
    for flag in ("id", "name", "summary", "question", "description", "join-url", "contact-email"):
        community.add_argument(f"--{flag}")
    community.add_argument("--theme", action="append", dest="themes", help="thema-id (mag vaker)")

    arguments = parser.parse_args(argv)
    if arguments.command == "render":
        return _render(arguments.config, arguments.out)
    files = DataFiles(arguments.root)
    if arguments.command == "check":
        return _check(files, arguments.format, arguments.base)
    if arguments.command == "schema":
        for path in write_schemas(arguments.out or arguments.root / "schemas"):
            print(f"Geschreven: {path}")
        return 0
    if arguments.kind == "event":
        return _new_event(files, arguments)
    return _new_community(files, arguments)


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
        _report(error.problems, files, output_format)
        count = len(error.problems)
        noun = "probleem" if count == 1 else "problemen"
        print(f"{count} {noun} gevonden. Er is niets gepubliceerd.", file=sys.stderr)
        return 1
    warnings = review(network, moments.now(), _event_ids_at(base, files))
    _report(warnings, files, output_format)
    print(
        f"In orde: {len(network.communities)} community's, {len(network.events)} evenementen, "
        f"{len(network.themes)} thema's en {len(network.external)} externe community's."
        + (f" {len(warnings)} waarschuwing(en) om na te kijken." if warnings else "")
    )
    return 0


def _event_ids_at(base: str | None, files: DataFiles) -> set[str] | None:
    """The event ids in events.yaml at git version `base`, or None when that cannot be read."""
    if not base:
        return None
    try:
        shown = subprocess.run(
            ["git", "show", f"{base}:./{files.events}"], cwd=files.root, capture_output=True, text=True, check=True
        )
        data = loader.loads(shown.stdout, files.events).data
    except (OSError, subprocess.CalledProcessError, DataError):
        return None
    entries = data.get("events") if isinstance(data, dict) else None
    return {str(entry.get("id")) for entry in entries or [] if isinstance(entry, dict)}


def _render(config_file: Path, out: Path) -> int:
    if out.exists() and any(out.iterdir()):
        print(f"{out}: deze map is niet leeg. Kies een nieuwe of lege map.", file=sys.stderr)
        return 1
    try:
        write_tree(config_file, out, moments.now())
    except DataError as error:
        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        print("Er is niets geschreven: los eerst de problemen hierboven op.", file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(f"{error.filename}: dit bestand ontbreekt.", file=sys.stderr)
        return 1
    print(f"Geschreven: {out}. Bouw het met: mkdocs build -f {out / 'mkdocs.yml'}")
    return 0


def _ask(value: str | None, question: str, *, required: bool = True, read: Callable[[str], str] = input) -> str:
    """A value from a flag, or else asked for; optional fields are only asked for in a terminal."""
    if not value and not required and not sys.stdin.isatty():
        return ""
    while not value:
        try:
            value = read(f"{question}: ").strip()
        except EOFError:
            raise SystemExit(f"Geen antwoord op: {question}. Geef het mee als optie (zie --help).") from None
        if not required:
            return value
    return value


def _new_event(files: DataFiles, arguments: argparse.Namespace) -> int:
    start = _ask(arguments.start, 'Begin ("JJJJ-MM-DD UU:MM", of "JJJJ-MM-DD" voor een hele dag)')
    values = {
        "id": _ask(arguments.id, "Id (kleine letters, cijfers en streepjes)"),
        "title": _ask(arguments.title, "Titel"),
        "communities": arguments.communities
        or _ask(None, "Community-id's, gescheiden door komma's").replace(" ", "").split(","),
        "start": start,
        "end": _ask(arguments.end, "Einde (zelfde vorm als begin; leeg bij één hele dag)", required=len(start) > 10),
        "venue": arguments.venue if arguments.online else _ask(arguments.venue, "Plek (naam van het gebouw)"),
        "address": arguments.address,
        "online": arguments.online,
        "open_to_all": arguments.open_to_all,
        "type": arguments.type,
        "registration_url": arguments.registration_url,
        "themes": arguments.themes,
        "summary": arguments.summary,
        "description": _ask(arguments.description, "Beschrijving (één alinea)"),
    }
    return _append(files, files.events, "events", render_entry("new_event.yaml", **values), values["id"])


def _new_community(files: DataFiles, arguments: argparse.Namespace) -> int:
    values = {
        "id": _ask(arguments.id, "Id (kleine letters, cijfers en streepjes)"),
        "name": _ask(arguments.name, "Naam"),
        "summary": _ask(arguments.summary, "Samenvatting (één regel)"),
        "question": arguments.question,
        "description": _ask(arguments.description, "Beschrijving (één alinea)"),
        "join_url": _ask(arguments.join_url, "Webadres om lid te worden"),
        "contact_email": arguments.contact_email,
        "themes": arguments.themes,
    }
    return _append(files, files.communities, "communities", render_entry("new_community.yaml", **values), values["id"])


def _append(files: DataFiles, name: str, list_key: str, entry: str, entry_id: str) -> int:
    try:
        append_checked(files, name, list_key, entry, check=load_site)
    except DataError as error:
        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        print(f"{name} is niet veranderd: verbeter de gegevens en probeer het opnieuw.", file=sys.stderr)
        return 1
    print(f"Toegevoegd aan {name}: {entry_id}. Controleer het en maak een pull request.")
    return 0
