"""A correction to markup that Material for MkDocs writes outside any template block.

The Nu Html Checker reports `autocomplete` on checkboxes as an error (it is allowed only on text-like
inputs). It sits in Material's base.html, which cannot be overridden by block, so the built page is
corrected instead. An empty `tabindex=""` on navigation section labels is left out in the override
of partials/nav-item.html instead, where every builder of the theme gets it.

This file imports nothing but the standard library: the MkDocs plugin calls `fix_theme_markup`, and
the project that `python -m generator render` writes lists a copy of this file under `hooks:` in its
mkdocs.yml, so both MkDocs builds get the same fix. Zensical runs no MkDocs hook, so its pages keep
the attribute (tests/test_zensical.py shows it). The HTML validity test fails if Material's markup
changes and this stops matching.
"""

from __future__ import annotations

import re
from typing import Any

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def fix_theme_markup(html: str) -> str:
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def on_post_page(output: str, **_: Any) -> str:
    """MkDocs hook: every page."""
    return fix_theme_markup(output)


def on_post_template(output_content: str, **_: Any) -> str:
    """MkDocs hook: the theme's own pages, such as 404.html and sitemap.xml."""
    return fix_theme_markup(output_content)
