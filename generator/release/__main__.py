"""`python -m generator.release VERSIE`: the CHANGELOG section of that version, for the release notes."""

import sys

from . import changelog_section

version = (sys.argv[1] if len(sys.argv) > 1 else "").removeprefix("v")
section = changelog_section(version)
if section is None:
    print(f"CHANGELOG.md heeft geen kopje '## {version}'. Zet het erin voor je een release maakt.", file=sys.stderr)
    sys.exit(1)
print(section, end="")
