"""`python -m generator upgrade`: what this release would change in the files `init` wrote.

A site keeps the files of the release that made it. Some of them are the generator's, not the network's:
the workflows, the issue forms, CONTRIBUTING.md, the Makefile, the pinned requirements and the pages
that explain the generator's own files. `upgrade` writes them as this release would for this site (its
name, address and e-mail from mkdocs.yml), shows the difference as a diff, and with `--apply` writes
them. The network's own files (the data, mkdocs.yml, README.md, the home, about and statement pages)
are never touched: they hold what the owner wrote.

A release is pinned in requirements.txt; running another one is worth a warning, because the site's
workflows install the pinned one, not the one that checked it here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatch
from pathlib import Path

from .release import CHANGELOG_URL, DISTRIBUTION, VERSION
from .settings import read_settings
from .starter import NewSite, render_files

MANAGED = (
    ".github/workflows/*",
    ".github/ISSUE_TEMPLATE/*",
    ".gitignore",
    ".pre-commit-config.yaml",
    "CONTRIBUTING.md",
    "Makefile",
    "requirements.in",
    "requirements.txt",
    "content/404.md",
    "content/agenda-abonneren.md",
    "content/open-data.md",
)
"""The files that are the generator's: `upgrade` may write them. Every other file is the network's."""

_PIN = re.compile(rf"^{re.escape(DISTRIBUTION)}(?:\[[^\]]*\])?\s*==\s*(?P<version>[^\s;#]+)", re.M | re.I)


@dataclass(frozen=True)
class Change:
    path: str
    old: str | None
    """The file as it is in the site; None when it is not there."""
    new: str

    def diff(self) -> str:
        lines = difflib.unified_diff(
            (self.old or "").splitlines(keepends=True),
            self.new.splitlines(keepends=True),
            fromfile=f"a/{self.path}" if self.old is not None else "/dev/null",
            tofile=f"b/{self.path}",
        )
        return "".join(line if line.endswith("\n") else f"{line}\n" for line in lines)


def managed(path: str) -> bool:
    return any(fnmatch(path, pattern) for pattern in MANAGED)


def pinned_version(root: Path) -> str | None:
    """The generator's version that requirements.txt pins, or None without that file or that line."""
    try:
        found = _PIN.search((root / "requirements.txt").read_text(encoding="utf-8"))
    except OSError:
        return None
    return found["version"] if found else None


def version_warning(root: Path) -> str | None:
    """A Dutch warning when the running release is not the one the site pins, else None."""
    pinned = pinned_version(root)
    if pinned is None or pinned == VERSION:
        return None
    return (
        f"Let op: deze site zet {DISTRIBUTION} {pinned} vast in requirements.txt, maar hier draait versie "
        f"{VERSION}. De workflows op GitHub gebruiken {pinned}. Wat {VERSION} verandert: {CHANGELOG_URL}. "
        "`python -m generator upgrade` laat zien wat er in de vaste bestanden verandert."
    )


def changes(root: Path, today: date) -> list[Change]:
    """What this release would write differently in the site at `root`, file by file."""
    config = read_settings(root / "mkdocs.yml")
    site = NewSite(config.identity.name, config.site_url, config.contact_email, config.repository)
    found = []
    for path, new in render_files(site, today).items():
        if not managed(path):
            continue
        try:
            old: str | None = (root / path).read_text(encoding="utf-8")
        except FileNotFoundError:
            old = None
        if old != new:
            found.append(Change(path, old, new))
    return found


def apply(root: Path, found: list[Change]) -> None:
    for change in found:
        path = root / change.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(change.new, encoding="utf-8", newline="\n")
