"""Which release of the generator this is: the one place the version is written.

pyproject.toml reads `VERSION` from here, the build log and `python -m generator --version` show it,
and `init` pins a new site to it. CHANGELOG.md (in this package, so that an installed release can show
it) says per version what a site must change; `python -m generator.release 0.3.0` prints that section,
for the release on GitHub (.github/workflows/release.yml).
"""

from __future__ import annotations

import re
from importlib import resources

DISTRIBUTION = "community-network-site"
"""The name to install with pip. The import name stays `generator` for now: see README.md."""

VERSION = "0.2.0"

HOME = "https://github.com/gebruikercentraal/community-site"
"""Where the generator's code, issues and changelog live (pyproject.toml's Project-URLs say the same)."""
CHANGELOG_URL = f"{HOME}/blob/main/generator/CHANGELOG.md"

_HEADING = re.compile(r"^## (?P<title>.+?)\s*$", re.M)


def changelog() -> str:
    """The changelog as this release has it."""
    return (resources.files("generator") / "CHANGELOG.md").read_text(encoding="utf-8")


def changelog_section(version: str, text: str | None = None) -> str | None:
    """The body of the section `## <version>` (a date may follow the number), or None if there is none."""
    text = changelog() if text is None else text
    headings = list(_HEADING.finditer(text))
    for number, heading in enumerate(headings):
        if heading["title"].split()[0] == version:
            end = headings[number + 1].start() if number + 1 < len(headings) else len(text)
            return text[heading.end() : end].strip() + "\n"
    return None
