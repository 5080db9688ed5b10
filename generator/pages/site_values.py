"""Values from the settings that an editor's page names: written once, in mkdocs.yml, read everywhere.

A page says `{{ contact_email }}` where the site's general address goes (plugin option `contact_email`),
for instance `[{{ contact_email }}](mailto:{{ contact_email }})`. The generator fills it in for both
builders, so that a new address in mkdocs.yml changes every page, the feeds' ORGANIZER and the
accessibility statement at once, and no page keeps an old copy.
"""

from __future__ import annotations

from pathlib import Path

CONTACT_EMAIL = "{{ contact_email }}"
"""The text in a page that becomes the site's general address."""


def fill_values(text: str, contact_email: str) -> str:
    """`text` with the settings' values in place of their names."""
    return text.replace(CONTACT_EMAIL, contact_email)


def pages_naming_values(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page in `docs_dir` that names a value, by its path there, with its text as written."""
    if not docs_dir.is_dir():
        return {}
    found = {}
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if CONTACT_EMAIL in text:
            found[path.relative_to(docs_dir).as_posix()] = text
    return found
