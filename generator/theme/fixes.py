"""Two corrections to markup that Material for MkDocs writes outside any template block.

The Nu Html Checker reports them as errors: `autocomplete` on checkboxes (allowed only on text-like
inputs) and an empty `tabindex=""` on navigation section labels. They sit in Material's base.html
and nav partial, which cannot be overridden by block, so the built page is corrected instead.

This file imports nothing but the standard library: the MkDocs plugin calls `fix_theme_markup`, and
the project that `python -m generator render` writes lists a copy of this file under `hooks:` in its
mkdocs.yml, so both builds get the same fix. The HTML validity test fails if Material's markup
changes and these stop matching.
"""

from __future__ import annotations

import re
from typing import Any

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')


def fix_theme_markup(html: str) -> str:
    return _EMPTY_TABINDEX.sub("", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))


def on_post_page(output: str, **_: Any) -> str:
    """MkDocs hook: every page."""
    return fix_theme_markup(output)


def on_post_template(output_content: str, **_: Any) -> str:
    """MkDocs hook: the theme's own pages, such as 404.html and sitemap.xml."""
    return fix_theme_markup(output_content)
