"""A new site for another network: `python -m generator init MAP --name … --url …`.

The files of a new site live in `files/`, with placeholders (`__NAME__`, `__URL__`, …) that
`write_site()` fills in. A folder or file whose name starts with `dot-` is written with a dot
(`dot-github/` becomes `.github/`): a wheel leaves files out whose names start with a dot. The data
files use only the syntax that every version of the generator reads, and the example entries are
marked VOORBEELD, so that a new network sees what to replace.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import TypeAdapter, ValidationError

from ..data.contract.fields import Email, Line, Url
from ..release import DISTRIBUTION, HOME, VERSION

FILES = resources.files(__package__) / "files"
LOCKED = resources.files(__package__) / "locked.txt"
"""Every dependency at the version this release was tested with (requirements/zensical.txt, its pins
only; `make lock` writes both): a new site's requirements.txt starts from these."""
DOT = "dot-"
EXAMPLE_EVENT_IN = timedelta(days=60)
"""The example event is this far after the day of `init`: upcoming, so the new site shows an agenda."""
_UNSAFE_NAME = re.compile(r"[\x00-\x1f:#\"\\`{}\[\]]")
_PLACEHOLDER = re.compile(r"__[A-Z_]+__")
_OWNER_AND_NAME = 2  # the parts of a repository's path on GitHub: /organisatie/site


NO_EMAIL = (
    "Geef het algemene e-mailadres van de site met --email, bijvoorbeeld --email redactie@organisatie.nl. "
    "Het komt op de pagina's en in de agenda-bestanden; init verzint geen adres. Er is niets geschreven."
)
EMAIL_QUESTION = "Algemeen e-mailadres van de site (komt op de pagina's), bijvoorbeeld redactie@organisatie.nl: "


class StarterError(ValueError):
    """A value `init` cannot use, with the Dutch message that says why."""


@dataclass(frozen=True)
class NewSite:
    name: str
    url: str
    contact_email: str = ""
    repository: str = ""

    def placeholders(self, today: date) -> dict[str, str]:
        url = self.url if self.url.endswith("/") else f"{self.url}/"
        requirement = f"{DISTRIBUTION}=={VERSION}"
        return {
            "__SITE_NAME_YAML__": json.dumps(f"Community's van {self.name}", ensure_ascii=False),
            "__NAME_YAML__": json.dumps(self.name, ensure_ascii=False),
            "__NAME__": self.name,
            "__URL__": url,
            # The 404 page is served at any address, so its links start at the site's root path.
            "__PATH__": urlsplit(url).path,
            "__EMAIL__": self.contact_email,
            "__REPOSITORY__": json.dumps(self.repository.rstrip("/")),
            "__REQUIREMENT__": requirement,
            "__REQUIREMENT_BUILD__": f"{DISTRIBUTION}[zensical]=={VERSION}",
            "__LOCKED__": LOCKED.read_text(encoding="utf-8").strip(),
            "__DISTRIBUTION__": DISTRIBUTION,
            "__VERSION__": VERSION,
            "__GENERATOR_HOME__": HOME,
            "__EVENT_DAY__": (today + EXAMPLE_EVENT_IN).isoformat(),
            # The accessibility statement's date: the owner reads it at `init` and vouches for it then.
            "__TODAY__": today.isoformat(),
        }


def check(site: NewSite, target: Path) -> None:
    """Raise `StarterError` with a Dutch message for a value or a folder that `init` cannot use."""
    if target.exists() and not target.is_dir():
        raise StarterError(f"{target} is een bestand, geen map. Kies een nieuwe of lege map.")
    if target.is_dir() and any(target.iterdir()):
        raise StarterError(f"{target}: deze map is niet leeg. Kies een nieuwe of lege map; er is niets geschreven.")
    # The new site's own check reads these values: they must pass the same rules (data/contract/fields.py).
    if not _valid(Line, site.name) or _UNSAFE_NAME.search(site.name):
        raise StarterError(
            'Geef de naam van het netwerk met --name, op één regel, zonder de tekens : # " \\ ` { } [ ] < > '
            "en zonder HTML-codes zoals &amp;, "
            'bijvoorbeeld --name "Netwerk Digitale Dienstverlening".'
        )
    parts = urlsplit(site.url) if _valid(Url, site.url) else None
    if parts is None or not parts.hostname or parts.query or parts.fragment:
        raise StarterError(
            f"`{site.url}` is geen webadres voor de site. Geef het adres met --url, bijvoorbeeld "
            "--url https://communities.example.nl/"
        )
    if not site.contact_email:
        raise StarterError(NO_EMAIL)
    if not _valid(Email, site.contact_email):
        raise StarterError(f"`{site.contact_email}` is geen e-mailadres. Schrijf het als naam@organisatie.nl.")
    repository = urlsplit(site.repository) if _valid(Url, site.repository) else None
    owner_and_name = repository and [part for part in repository.path.split("/") if part]
    if site.repository and (
        not repository
        or repository.scheme != "https"
        or repository.hostname != "github.com"
        or len(owner_and_name or []) != _OWNER_AND_NAME
    ):
        raise StarterError(
            f"`{site.repository}` is geen repository op GitHub. Schrijf het als https://github.com/organisatie/site."
        )


def _valid(kind: Any, value: str) -> bool:
    try:
        TypeAdapter(kind).validate_python(value)
    except ValidationError:
        return False
    return True


def render_files(site: NewSite, today: date) -> dict[str, str]:
    """Every file of a new site, by its path there (with its dot), with the placeholders filled in."""
    values = site.placeholders(today)
    # In one pass, so that a value that looks like a placeholder (`--name "Team __URL__"`) stays.
    return {
        "/".join(relative): _PLACEHOLDER.sub(
            lambda found: values.get(found[0], found[0]), source.read_text(encoding="utf-8")
        )
        for source, relative in _sources(FILES, ())
    }


def write_site(site: NewSite, target: Path, today: date) -> list[Path]:
    """Write a complete new site into `target` (new or empty) and return the files written. The
    files go into a folder next to it first, so that a failure halfway leaves nothing behind."""
    check(site, target)
    files = render_files(site, today)
    target.parent.mkdir(parents=True, exist_ok=True)
    draft = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for relative, text in files.items():
            path = draft / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
        if target.is_dir():
            target.rmdir()  # empty: check() said so
        draft.rename(target)
    except BaseException:
        shutil.rmtree(draft, ignore_errors=True)
        raise
    return [target / relative for relative in files]


def _sources(folder: Traversable, relative: tuple[str, ...]) -> list[tuple[Traversable, tuple[str, ...]]]:
    found: list[tuple[Traversable, tuple[str, ...]]] = []
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        name = f".{item.name[len(DOT) :]}" if item.name.startswith(DOT) else item.name
        if item.is_dir():
            found += _sources(item, (*relative, name))
        elif not item.name.endswith((".py", ".pyc")):
            found.append((item, (*relative, name)))
    return found
