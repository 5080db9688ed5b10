"""Two corrections to markup that Material for MkDocs writes outside any template block.

The Nu Html Checker reports them as errors: `autocomplete` on checkboxes (allowed only on text-like
inputs) and an empty `tabindex=""` on navigation section labels. They sit in Material's base.html
and nav partial, which cannot be overridden by block, so the built page is corrected instead;
the HTML validity test fails if Material's markup changes and these stop matching.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r' tabindex=""')


def fix_theme_markup(html: str) -> str:
    return _EMPTY_TABINDEX.sub("", _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))
