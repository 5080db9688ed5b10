"""Index a built site with Pagefind: `index_site(folder)`, after any builder.

Pagefind (the pinned `pagefind[bin]` from PyPI, a binary in a wheel: no Node) reads every HTML file
of the site and writes its index into `pagefind/` inside it: a small entry file, the WebAssembly
that searches, the index in chunks and one fragment per page. The browser loads `pagefind.js` only
when a visitor opens the search, and then only the chunks for the words typed and the fragments of
the results it shows.

It indexes what the pages mark (`data-pagefind-body`: the main content, not the header, the menu or
the footer), in the language of `<html lang>`, so Dutch words are stemmed as Dutch. It runs in an
empty working folder, without Pagefind's environment variables: a `pagefind.yml` or a `PAGEFIND_…`
setting of the machine cannot change the index, and the same site gives the same bytes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BUNDLE = "pagefind"
"""The folder in the site that holds the index and `pagefind.js`."""

# Pagefind also writes ready-made search interfaces (its own UI, components and highlighting). The site
# draws its own, in Dutch (theme/overrides/partials/site-search.html, site.js), so they would only be
# dead weight in the published site; pagefind.js, its worker and the index do not load them.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)

NO_PAGEFIND = (
    "Pagefind ontbreekt, dus de site heeft geen zoekfunctie. Installeer de vaste versies: "
    "python -m pip install -r requirements/site.txt"
)
FAILED = "Pagefind kon de site in {folder} niet doorzoekbaar maken:\n{output}"


class SearchIndexError(Exception):
    """Pagefind is missing or failed; the message is Dutch, for the log or the terminal."""


def index_site(site: Path) -> None:
    """Write the search index of the built site in `site` into `site/pagefind/`, replacing an older one."""
    try:
        # The binary itself: `python -m pagefind` would start Python and import asyncio first, which
        # cost four times as much as indexing the fixture site.
        from pagefind_bin import get_executable  # noqa: PLC0415 - only a build that indexes needs it

        pagefind = get_executable()
    except (ImportError, FileNotFoundError):
        raise SearchIndexError(NO_PAGEFIND) from None
    shutil.rmtree(site / BUNDLE, ignore_errors=True)  # no fragment of a page that is gone stays behind
    env = {name: value for name, value in os.environ.items() if not name.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory() as empty:
        result = subprocess.run(
            [str(pagefind), "--site", str(site.resolve()), "--output-subdir", BUNDLE, "--silent"],
            cwd=empty,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        output = (result.stderr + result.stdout).strip()
        raise SearchIndexError(FAILED.format(folder=site, output=output))
    for name in _UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
