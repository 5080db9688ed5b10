"""argparse in Dutch, because the command line speaks to editors.

argparse writes its own texts (usage, help, errors such as "the following arguments are required")
through gettext, looking each one up at the moment it needs it. `ArgumentParser` below replaces that
lookup while it builds, parses and prints, so that no English reaches an editor; its errors end with
where to find help, and exit with 2 as argparse's do. A test checks that every text this Python's
argparse can show is in `TEXTS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

TEXTS = {
    "usage: ": "gebruik: ",
    "positional arguments": "keuzes",
    "options": "opties",
    "subcommands": "opdrachten",
    "show this help message and exit": "laat deze uitleg zien en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "dit ontbreekt nog: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r bestaat niet. Kies uit: %(choices)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "%(parser_name)r bestaat niet. Kies uit: %(choices)s",
    "unrecognized arguments: %s": "dit is onbekend: %s",
    "unexpected option string: %s": "dit is onbekend: %s",
    "ambiguous option: %(option)s could match %(matches)s": "%(option)s kan meer opties zijn: %(matches)s. "
    "Schrijf de hele naam.",
    "expected one argument": "hierna hoort een waarde",
    "expected at least one argument": "hierna hoort minstens één waarde",
    "expected at most one argument": "hierna hoort hoogstens één waarde",
    "ignored explicit argument %r": "%r hoort niet bij deze optie",
    "invalid %(type)s value: %(value)r": "%(value)r is geen geldige waarde",
    "not allowed with argument %s": "mag niet samen met %s",
    "one of the arguments %s is required": "kies een van deze: %s",
}
PLURAL_TEXTS = {
    ("expected %s argument", "expected %s arguments"): ("hierna hoort %s waarde", "hierna horen %s waarden"),
}
# Texts argparse only shows to a programmer who builds a parser wrongly; an editor never sees them.
PROGRAMMER_TEXTS = frozenset(
    {
        "%r is not callable",
        "'required' is an invalid argument for positionals",
        ".__call__() not defined",
        'argument "-" with mode %r',
        "can't open '%(filename)s': %(error)s",
        "cannot have multiple subparser arguments",
        "cannot merge actions - two groups are named %r",
        "conflicting option string: %s",
        "conflicting option strings: %s",
        "conflicting subparser alias: %s",
        "conflicting subparser: %s",
        "dest= is required for options like %r",
        "invalid conflict_resolution value: %r",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
        "mutually exclusive arguments must be optional",
    }
)


def dutch(text: str) -> str:
    return TEXTS.get(text, text)


def dutch_plural(singular: str, plural: str, count: int) -> str:
    one, more = PLURAL_TEXTS.get((singular, plural), (singular, plural))
    return one if count == 1 else more


@contextmanager
def _in_dutch() -> Iterator[None]:
    """argparse's module-level `_` and `ngettext`, replaced for as long as argparse is at work."""
    module = vars(argparse)
    saved = module["_"], module["ngettext"]
    module["_"], module["ngettext"] = dutch, dutch_plural
    try:
        yield
    finally:
        module["_"], module["ngettext"] = saved


class ArgumentParser(argparse.ArgumentParser):
    """An `argparse.ArgumentParser` that speaks Dutch; its sub-commands get the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _in_dutch():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        with _in_dutch():
            return super().add_subparsers(**kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _in_dutch():
            return super().parse_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _in_dutch():
            return super().format_usage()

    def format_help(self) -> str:
        with _in_dutch():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        error = dutch("%(prog)s: error: %(message)s\n") % {"prog": self.prog, "message": message}
        self.exit(2, f"{error}Meer uitleg: {self.prog} --help\n")
