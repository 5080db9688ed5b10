"""A generator of the mistakes editors make in the three YAML files, and the invariant each must keep.

Each operator makes one kind of mistake, seeded, at a random line of a copy of the fixture data
(tests/fixtures/site/*.yaml). For every mutant the check (`load_site`, then the review) must do one of:

- refuse it, or warn, *at the mistake*: on a line of the entry the mutated line belongs to. The entry
  is the block of lines from the `- ` at two spaces or less before the mutated line to the next one
  (or the end of the file), in the mutated text: where a mistake moves the YAML structure (an indent,
  a deleted `- `), the problem stands where YAML sees it, which is inside that block or its neighbour,
  so the block before it counts as well, and the first line of the block after it (a deleted `- id:`
  line joins two entries: YAML sees the mistake at the `- ` of the next one);
- or publish it intact: every word the editor wrote on the mutated lines stands, in order, in the
  published text of the site (the pages and the feeds' text, from `build_site()` in-process);
- or accept a value that is just as valid (`ACCEPTED`): a date typed wrong into another date that
  exists, an id changed into another valid id that nothing refers to. The check cannot know these.

Never a traceback, and a mutant the check passes must build.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from conftest import DATA_FILES, FIXTURE, FIXTURE_EPOCH, ROOT, STATEMENT
from generator.build import SiteConfig, build_site, load_site
from generator.data.contract.moments import ZONE
from generator.data.contract.network import Network
from generator.data.reading.files import DataFiles
from generator.data.wording.messages import MESSAGES
from generator.data.wording.problems import DataError, Problem
from generator.editing.review import review
from generator.settings import read_settings

NOW = datetime.fromtimestamp(int(FIXTURE_EPOCH), ZONE)
INVISIBLE = ["\u200b", "\u200e", "\u200f", "\u00ad", "\u00a0", "\ufeff"]
WORD = re.compile(r"[^\W_]+")
VALUE = re.compile(r"^(\s*(?:- )?)([A-Za-z_]+): ?(.*)$")


@dataclass(frozen=True)
class Mutant:
    operator: str
    file: str
    text: str
    lines: tuple[int, ...]
    """The mutated lines (1-based) in the mutated text."""
    written: str
    """What the editor wrote on those lines: the words that must be published if the check passes."""
    what: str


Operator = Callable[[list[str], int, random.Random], tuple[list[str], str, str] | None]
"""Lines of a file and a line index → the new lines, the text written on line `index`, a description;
or None where the operator does not apply to that line."""


def _value_line(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _insert_invisible(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    if not _value_line(line):
        return None
    at = rng.randrange(len(line) - len(line.lstrip()), len(line) + 1)
    char = rng.choice(INVISIBLE)
    new = [*lines]
    new[i] = line[:at] + char + line[at:]
    return new, new[i], f"insert U+{ord(char):04X} at column {at + 1}"


def _paste(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    if not _value_line(line):
        return None
    new = [*lines]
    kind = rng.choice(["curly", "bullet", "trailing", "tab"])
    if kind == "curly" and ('"' in line or "'" in line):
        new[i] = line.replace('"', "“", 1).replace('"', "”", 1).replace("'", "‘", 1)
    elif kind == "bullet":
        match = VALUE.match(line)
        if not match or not match.group(3):
            return None
        new[i] = f"{match.group(1)}{match.group(2)}: • {match.group(3)}"
    elif kind == "trailing":
        new[i] = line + rng.choice([" ", "  ", "\t"])
        kind = "trailing space"
    else:
        at = rng.randrange(len(line) + 1)
        new[i] = line[:at] + "\t" + line[at:]
        kind = f"tab at column {at + 1}"
    return new, new[i], f"paste: {kind}"


def _indent(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    if not _value_line(line):
        return None
    step = rng.choice([-2, -1, 1, 2])
    indent = len(line) - len(line.lstrip(" "))
    if indent + step < 0:
        return None
    new = [*lines]
    new[i] = " " * (indent + step) + line.lstrip(" ")
    return new, new[i], f"indent {step:+d}"


def _delete_line(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    if not _value_line(lines[i]):
        return None
    return [*lines[:i], *lines[i + 1 :]], "", "delete the line"


def _double_line(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    if not _value_line(lines[i]):
        return None
    return [*lines[: i + 1], *lines[i:]], lines[i], "double the line"


def _list_heading(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    match = VALUE.match(line)
    marker = rng.choice(["- ", "* ", "1. ", "# ", "## ", "> "])
    new = [*lines]
    if match and match.group(3) and not match.group(3).startswith(("|", ">", "[", "{", '"', "'")):
        new[i] = f"{match.group(1)}{match.group(2)}: {marker}{match.group(3)}"
    elif _value_line(line) and not match:  # a line of a block text
        indent = len(line) - len(line.lstrip(" "))
        new[i] = " " * indent + marker + line.lstrip(" ")
    else:
        return None
    return new, new[i], f"start the value with {marker!r}"


def _digit(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    digits = [m.start() for m in re.finditer(r"\d", line)]
    if not re.search(r"\d{4}-\d\d-\d\d|\d\d:\d\d", line) or not digits:
        return None
    at = rng.choice(digits)
    typed = rng.choice([d for d in "0123456789" if d != line[at]])
    new = [*lines]
    new[i] = line[:at] + typed + line[at + 1 :]
    return new, new[i], f"digit {line[at]} → {typed} at column {at + 1}"


def _id_edit(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    match = re.search(r"(?:\bid: |\[)([a-z0-9-]+)", line)
    if not match:
        return None
    start, end = match.span(1)
    at = rng.randrange(start, end)
    typed = rng.choice(["", "e", "-", "_", " ", "é", "E", "1", line[at] * 2])
    new = [*lines]
    new[i] = line[:at] + typed + line[at + 1 :]
    return new, new[i], f"id: {line[at]!r} → {typed!r} at column {at + 1}"


# Characters RFC 3986 leaves out of an address (`<`, `>`, `"`, `{`, `}`, `|`, `\`, `^`, a backtick, a
# stray `%`) are not inserted here: their rule is pending on another branch (the refusal inside
# fields._url with its own message key). A known gap until it is merged.
_LINK_CORRUPTIONS: Sequence[tuple[str, Callable[[str], str]]] = (
    ("trailing .", lambda url: url + "."),
    ("trailing ,", lambda url: url + ","),
    ("trailing )", lambda url: url + ")"),
    ("&amp;", lambda url: url + ("&amp;x=1" if "?" in url else "?a=1&amp;b=2")),
    ("comma in host", lambda url: re.sub(r"^(https?://[^/.]*)\.", r"\1,", url)),
    (
        "safe links",
        lambda url: (
            "https://eur01.safelinks.protection.outlook.com/?url="
            + url.replace(":", "%3A").replace("/", "%2F")
            + "&data=05%7C02%7Credacteur%40example.nl"
        ),
    ),
    ("no scheme", lambda url: re.sub(r"^https?://", "", url)),
    ("space", lambda url: url.replace("/", "/ ", 3)),
    ("invisible", lambda url: url.replace(".", ".\u200b", 1)),
)


def _link(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    line = lines[i]
    match = re.search(r"(https?://\S+)$", line)
    if not match:
        return None
    name, corrupt = rng.choice(_LINK_CORRUPTIONS)
    new = [*lines]
    new[i] = line[: match.start()] + corrupt(match.group(1))
    return new, new[i], f"link: {name}"


_FLOW_ADDRESS = re.compile(r', address: (?:"[^"]*"|[^,}]*)')


def _drop_address(lines: list[str], i: int, rng: random.Random) -> tuple[list[str], str, str] | None:
    """A place without its address: `{venue: X, address: "…"}` loses the address, or the line `address:`
    under a `venue:` goes. The check must refuse it at the entry (venue_without_address)."""
    line = lines[i]
    flow = _FLOW_ADDRESS.search(line)
    if flow and "{venue: " in line:
        new = [*lines]
        new[i] = line[: flow.start()] + line[flow.end() :]
        return new, new[i], "drop the address of a place"
    if re.match(r"^ +address: ", line) and re.match(r"^ +venue: ", lines[i - 1]):
        return [*lines[:i], *lines[i + 1 :]], "", "delete the address line of a place"
    return None


OPERATORS: dict[str, Operator] = {
    "invisible": _insert_invisible,
    "paste": _paste,
    "indent": _indent,
    "delete-line": _delete_line,
    "double-line": _double_line,
    "list-heading": _list_heading,
    "digit": _digit,
    "id": _id_edit,
    "link": _link,
    "drop-address": _drop_address,
}


MUST_REFUSE = {"drop-address": "a place without an address is refused (venue_without_address)"}
"""Mistakes that the check must refuse or warn about: published "intact" would still be wrong."""


def mutate(operator: str, seed: int) -> Mutant:
    """One mutant of the fixture data by `operator`, from `seed`: a random file, a random line it fits."""
    rng = random.Random(f"{operator}:{seed}")
    while True:
        name = rng.choice(DATA_FILES)
        lines = (FIXTURE / name).read_text(encoding="utf-8").split("\n")
        index = rng.randrange(len(lines))
        made = OPERATORS[operator](lines, index, rng)
        if made is None:
            continue
        new, written, what = made
        mutated = (index + 1,) if operator != "double-line" else (index + 1, index + 2)
        if operator == "delete-line" or (operator == "drop-address" and len(new) < len(lines)):
            mutated = (min(index + 1, len(new)),)
        return Mutant(operator, name, "\n".join(new), mutated, written, what)


def _entry(text: str, line: int) -> range:
    """The lines of the entry that holds `line`, of the entry before it and the first line of the entry
    after it (see the module's text)."""
    lines = text.split("\n")
    starts = [n + 1 for n, value in enumerate(lines) if re.match(r"^ {0,2}- |^\S", value)] or [1]
    before = [s for s in starts if s <= line] or [1]
    after = [s for s in starts if s > line]
    first = before[-2] if len(before) > 1 else before[-1]
    return range(first, (after[0] + 1 if after else len(lines) + 1))


# The words an editor wrote are those of the values: `venue:` in `{venue: X, address: Y}` is a key.
# A field's name: at the start of the line (`title:`, `- id:`) or inside a flow mapping (`{venue: x,
# online: true}`). A word with a colon inside a text ("people: plain language") is the editor's word.
_KEY = re.compile(r"^(\s*(?:- )?)[A-Za-z_]+:(?=\s|$)|(?<=[{,] )[A-Za-z_]+:(?=\s)|(?<=\{)[A-Za-z_]+:(?=\s)")
# `1. ` at the start of a line of a Markdown text makes a numbered list: the page shows the number as
# the list's own (`<ol>`), not as a word. In a one-line text it stays a word, which is checked too.
_LIST_NUMBER = re.compile(r"^(\s*(?:[A-Za-z_]+:\s*)?)\d+\.(?=\s)")


def _data(network: Network) -> list[dict[str, Any]]:
    """The entries as read, without where they stand in the files."""
    return [entry.model_dump() for entry in (*network.themes, *network.communities, *network.events, *network.external)]


@cache
def _original() -> list[dict[str, Any]]:
    return _data(load_site(DataFiles(FIXTURE)))


VERDICTS = ("refused", "warned", "intact", "accepted", "failure")


def verdict(mutant: Mutant, folder: Path) -> tuple[str, str]:
    """The verdict on a mutant (one of VERDICTS) and, for a failure, why."""
    for name in DATA_FILES:
        source = mutant.text if name == mutant.file else (FIXTURE / name).read_text(encoding="utf-8")
        (folder / name).write_text(source, encoding="utf-8")
    near = _entry(mutant.text, mutant.lines[0])
    try:
        network = load_site(DataFiles(folder))
    except DataError as error:
        return _judged(error.problems, mutant, near, "refused")
    warnings = [p for p in review(network, NOW) if p.file == mutant.file and p.line in near]
    if warnings:
        return _judged(warnings, mutant, near, "warned")
    if mutant.operator in MUST_REFUSE:
        return "failure", f"passed the check: {MUST_REFUSE[mutant.operator]}"
    settings = read_settings(ROOT / "mkdocs.yml")
    config = SiteConfig(
        DataFiles(folder),
        ROOT / "content",
        settings.site_url,
        markdown_extensions=settings.markdown_extensions,
        **STATEMENT,
    )
    built = build_site(config, NOW)  # the check passed: the build must too (an exception fails the test)
    if _data(network) == _original():
        # The data read is the data of the fixture (a space at the end, quotes around a date): the site
        # is the same, whatever the words of the line look like once published (a date, a flag).
        return "intact", ""
    words = _words(_KEY.sub(r"\1 ", _LIST_NUMBER.sub(" ", mutant.written)))
    published = _words(
        " ".join(html.unescape(_TAG.sub(_attributes, page.html or page.content)) for page in built.pages)
        + " ".join(feed.content.decode("utf-8").replace("\r\n ", "") for feed in built.feeds)
    )
    if mutant.operator == "delete-line":
        # An optional field left out, or a line of a text: the check cannot know it was meant.
        return "accepted", ""
    if _in_order(words, published):
        return "intact", ""
    if mutant.operator in ("digit", "id", "double-line"):
        # Another valid date or id, or a line of a text said twice: the check cannot tell it from what
        # the editor meant.
        return "accepted", ""
    return "failure", f"published without {' '.join(words)!r}"


def _judged(problems: Sequence[Problem], mutant: Mutant, near: range, label: str) -> tuple[str, str]:
    for problem in problems:
        assert problem.key in MESSAGES, problem
    if any(p.file == mutant.file and (p.line in near or p.line in mutant.lines) for p in problems):
        return label, ""
    if re.search(r"\bid: ", mutant.written) and all(p.key in _REFERENCES for p in problems):
        # An id changed where it is defined: the entries that use the old id are refused, at the use.
        # That is where the editor sees that the change reaches further than the one line.
        return label, ""
    where = ", ".join(f"{p.file}:{p.line} {p.key}" for p in problems)
    return "failure", f"{label} elsewhere: {where} (entry lines {near.start}-{near.stop - 1})"


_REFERENCES = frozenset({"unknown_community", "unknown_theme"})


_TAG = re.compile(r"<[^>]*>")
# Characters that join a word where they stand: a word with one in it is still the editor's word. The
# review warns about most of them in a text (review._INVISIBLE); a soft hyphen and a no-break space can
# be meant, and are published as written.
_FORMAT = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


_QUOTED = re.compile(r'"([^"]*)"')


def _attributes(tag: re.Match[str]) -> str:
    """A tag stands for its quoted values (an address stands in `href`), so that `</li><li>` does not
    come between two words of a list."""
    return " " + " ".join(_QUOTED.findall(tag.group(0))) + " "


def _words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(_FORMAT.sub("", text))]


def _in_order(words: list[str], published: list[str]) -> bool:
    """Whether `words` stand in `published` one after the other, as a run, anywhere."""
    if not words:
        return True
    first = words[0]
    return any(published[n : n + len(words)] == words for n, word in enumerate(published) if word == first)
