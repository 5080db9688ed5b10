"""What is hard to see in a refused value: a space, a no-break space, curly quotes, an accent.

The message quotes the value, but `https://example.org/ aanmelden` and `“2026-12-08”` look right at
a glance. The hint names the one character that is wrong, so the editor does not have to find it.
"""

from __future__ import annotations

import unicodedata

_CURLY_QUOTES = "“”„‘’‚«»"
_INVISIBLE_SPACES = "\u00a0\u2007\u202f\u200b\u2060\ufeff"


def hint(value: str, *, id_like: bool = False, email: bool = False, spaced: bool = False) -> dict[str, str]:
    """The parameters of the hint for `value` (see `messages.HINTS`), or none; `spaced` values (a
    date with a time) may hold an ordinary space."""
    text = value.strip()
    if any(quote in text for quote in _CURLY_QUOTES):
        return {"hint": "curly_quotes"}
    if email and text.lower().startswith("mailto:"):
        return {"hint": "mailto"}
    for index, character in enumerate(text):
        if character in "\r\n":
            return {"hint": "line_break", "before": text[:index][-30:]}
        if character in _INVISIBLE_SPACES:
            return {"hint": "invisible_space", "before": text[:index][-30:]}
        if character.isspace() and not spaced:
            return {"hint": "space_in_id"} if id_like else {"hint": "space", "before": text[:index][-30:]}
    if id_like:
        for character in text:
            plain = unicodedata.normalize("NFKD", character).encode("ascii", "ignore").decode().lower()
            if character != plain and plain:
                return {"hint": "accent", "letter": character, "plain": plain}
    return {}
