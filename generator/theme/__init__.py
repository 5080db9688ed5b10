"""What the site adds to Material's look: template overrides, a stylesheet, a script and markup fixes.

These files are the same for every builder of the theme: the MkDocs plugin points at them, and
`python -m generator render` copies them into the project it writes.
"""

from pathlib import Path

OVERRIDES = Path(__file__).parent / "overrides"
ASSETS = Path(__file__).parent / "assets"
