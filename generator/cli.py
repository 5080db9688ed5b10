"""The command line: `python -m generator check` validates the editor files without building."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import DataError
from .messages import format_problem
from .validate import DataFiles, load_network


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Controleer en bouw de site van de community's.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="opdracht")
    check = commands.add_parser("check", help="controleer de drie YAML-bestanden, zonder de site te bouwen")
    check.add_argument("--root", type=Path, default=Path("."), help="map met de YAML-bestanden (standaard: hier)")
    arguments = parser.parse_args(argv)
    return _check(arguments.root)


def _check(root: Path) -> int:
    try:
        network = load_network(DataFiles(root))
    except DataError as error:
        for problem in error.problems:
            print(format_problem(problem), file=sys.stderr)
        count = len(error.problems)
        noun = "probleem" if count == 1 else "problemen"
        print(f"{count} {noun} gevonden. Er is niets gepubliceerd.", file=sys.stderr)
        return 1
    print(
        f"In orde: {len(network.communities)} community's, {len(network.events)} evenementen, "
        f"{len(network.themes)} thema's en {len(network.external)} externe community's."
    )
    return 0
