"""Reading old versions of the data files for the history (`history.py`): the events file as the
change from the version before, the communities file whole.

Old versions need no positions (the build checks the files as they are now), so they are read with
libyaml, many times faster than the strict loader; without libyaml, PyYAML's own. Every value is
what the build's loader reads: `14:00`, `'14:00'` and `"14:00"` are one value, `true` is a boolean.
Each entry is then checked as the build checks it (`event_of`), once per distinct entry; an entry
that does not pass could not be built.

A version of the events file is read as the change from the version before: where they differ is
found at C speed on the bytes (what they share from the start of the list, then the item after a
difference found again further on, or what they share at the end), and only the list items in those
parts are cut out and read, so a commit costs about what it changed plus comparing its text, not a
step per entry. Each distinct item text is read once, also across the rebuilds of `mkdocs serve`
(`ITEMS`). Where a change cannot be read that way for certain (another indent, an id that occurs
twice near the change, a line that ends the list, an item that cannot be read on its own), the
whole version is cut anew, or read whole.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml

from ..data.contract.models import Community, Event, Theme
from ..data.contract.network import Network
from ..data.reading.loader import plain_scalar


class Entry(NamedTuple):
    """An event's entry in one version of the events file."""

    data: str
    """Canonical JSON of the entry."""


# --- reading versions of the events file --------------------------------------------------------


def _normalised(content: bytes) -> bytes:
    """Line ends as git may check them out differently on another computer change no data; nor does
    a byte order mark."""
    content = content.removeprefix(codecs.BOM_UTF8)
    return content.replace(b"\r\n", b"\n") if b"\r" in content else content


_EVENTS_KEY = re.compile(rb"^events:[ ]*(?:#.*)?$", re.M)
_CONTENT_LINE = re.compile(rb"^[ ]*(?!#)\S.*$", re.M)
_ITEM_START = re.compile(rb"([ ]*)-(?:[ ]|$)")
_NEWLINE = ord("\n")  # a byte of a bytes object, as indexing reads it
_PRINTABLE = "\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff"
_COMMENTS = rf"(?:[ ]*(?:#[{_PRINTABLE}]*)?\n)*"
_HEAD = re.compile(rf"{_COMMENTS}events:[ ]*(?:#[{_PRINTABLE}]*)?\n{_COMMENTS}")
"""What may stand above the first item: `events:`, comments and blank lines, in characters that YAML
reads as they look (no other line breaks, nothing it refuses), since no loader reads this part."""

_BASE: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)


class _Reader(_BASE):  # type: ignore[valid-type,misc]  # libyaml's class when installed
    """Every value as the build's loader reads it (`data/reading/loader.py`): text as written,
    unquoted null, booleans and integers of the YAML 1.2 core schema as those, nothing else."""


def _scalar(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> Any:
    return plain_scalar(node.value) if not node.style else node.value  # libyaml: "" for unquoted


_Reader.add_constructor("tag:yaml.org,2002:str", _scalar)
_READER: type[yaml.BaseLoader] = _Reader


ITEMS: dict[bytes, tuple[str, Entry] | bool | None] = {}
"""Item text → (id, entry); None for an item without an id; False: unreadable on its own.
What a text means never changes, so this is kept from one build to the next (`mkdocs serve`)."""
ITEMS_KEPT = 200_000


@dataclass(frozen=True)
class _Cut:
    """A version of the file that was cut into its list items (see `_cut_items`)."""

    text: bytes
    first: int
    """Where the first item starts: everything before it is `events:`, comments and blank lines."""
    indent: bytes


class EventsReader:
    """Reads the versions of the events file one after the other, each as the change from the one
    before, into the entries of the last version read.

    A version is cut into list items: an item runs from a line `<indent>- ` to the next such line;
    comments and blank lines between items stay with the item above, where they change nothing. Only
    the items between the bytes that two versions share at the start and at the end are cut out
    and read; where that is not certain to give what the loader gives for the whole text, the whole
    version is cut anew, or read whole.
    """

    def __init__(self) -> None:
        if len(ITEMS) > ITEMS_KEPT:
            ITEMS.clear()
        self.entries: dict[str, Entry] = {}
        """Id → entry in the last version read; of an id that occurs twice, the first."""
        self._counts: dict[str, int] = {}
        """How many items have each id, in the last version read when it was cut."""
        self._cut: _Cut | None = None

    def read(self, content: bytes | None) -> Collection[str] | None:
        """Take the next version of the file (None: not in this clone). The ids whose entry may have
        changed; None when the version cannot be read, and then it is skipped."""
        if content is None:
            return None
        text = _normalised(content)
        changed = self._read_change(text) if self._cut else None
        return self._read_anew(text) if changed is None else changed

    def remove(self) -> Collection[str]:
        """The file was removed: every entry is gone."""
        gone = self.entries.keys()
        self.entries, self._counts, self._cut = {}, {}, None
        return gone

    def _read_anew(self, text: bytes) -> Collection[str] | None:
        cut = _cut_items(text)
        found = None if cut is None else _read_items(cut[1])
        entries: dict[str, Entry] = {}
        counts: dict[str, int] = {}
        if cut is None or found is None:
            whole = _whole(text)
            if whole is None:
                return None
            entries, self._cut = whole, None
        else:
            for event_id, entry in found:
                entries.setdefault(event_id, entry)
                counts[event_id] = counts.get(event_id, 0) + 1
            self._cut = cut[0]
        changed = self.entries.keys() | entries.keys()
        self.entries, self._counts = entries, counts
        return changed

    def _read_change(self, text: bytes) -> Collection[str] | None:
        """The change from the last version cut to `text`, or None where it cannot be read for certain."""
        old = self._cut
        assert old is not None  # noqa: S101 - narrows the type: read() sets _cut first
        head = _head(text)
        if head is None or head[1] != old.indent:
            return None
        first, indent = head
        if text == old.text:
            return ()
        removed: list[bytes] = []
        added: list[bytes] = []
        for start_old, end_old, start_new, end_new in _changed_parts(old.text, old.first, text, first, indent):
            removed_here = _cut_part(old.text, start_old, end_old, indent)
            added_here = _cut_part(text, start_new, end_new, indent)
            if removed_here is None or added_here is None:
                return None
            removed += removed_here
            added += added_here
        gone, new = _read_items(removed), _read_items(added)
        if gone is None or new is None:
            return None
        counts = self._counts
        change: dict[str, int] = {}
        for event_id, _ in gone:
            change[event_id] = change.get(event_id, 0) - 1
        for event_id, _ in new:
            change[event_id] = change.get(event_id, 0) + 1
        if any(counts.get(i, 0) > 1 or counts.get(i, 0) + n > 1 for i, n in change.items()):
            return None  # an id twice: which one comes first is not known here
        for event_id, n in change.items():
            if counts.get(event_id, 0) + n:
                counts[event_id] = 1
            else:
                counts.pop(event_id, None)
                self.entries.pop(event_id, None)
        self.entries.update(new)
        self._cut = _Cut(text, first, indent)
        return change.keys()


def _read_items(pieces: list[bytes]) -> list[tuple[str, Entry]] | None:
    """The entries of these item texts, in order (items without an id left out); None when one of
    them cannot be read on its own."""
    found: list[tuple[str, Entry]] = []
    for piece in pieces:
        entry = ITEMS.get(piece, True)  # True: not read yet (never a value)
        if entry is True:
            entry = ITEMS[piece] = _item(piece)
        if entry is False:
            return None
        if isinstance(entry, tuple):
            found.append(entry)
    return found


def _head(text: bytes) -> tuple[int, bytes] | None:
    """Where the first item starts and its indent, or None when the file is not simply the list
    `events:` (another key, a document marker, no items, something else than an item first)."""
    key = _EVENTS_KEY.search(text)
    found = None if key is None else _CONTENT_LINE.search(text, key.end())
    start = None if found is None else _ITEM_START.match(found.group())
    if found is None or start is None:
        return None
    try:
        above = text[: found.start()].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return (found.start(), start.group(1)) if _HEAD.fullmatch(above) else None


def _cut_items(text: bytes) -> tuple[_Cut, list[bytes]] | None:
    """A version cut into the texts of its list items, or None when it is not simply that list."""
    head = _head(text)
    pieces = None if head is None else _cut_part(text, head[0], len(text), head[1])
    return None if head is None or pieces is None else (_Cut(text, *head), pieces)


def _starts_item(text: bytes, position: int, indent: bytes) -> bool:
    after = position + len(indent) + 1
    return text.startswith(indent + b"-", position) and (after == len(text) or text[after] in b" \n")


def _changed_parts(old: bytes, old_first: int, new: bytes, new_first: int, indent: bytes) -> Iterator[Part]:
    """Where two versions differ: (start, end) in `old` and (start, end) in `new` of each part, from an
    item start to an item start or the end; before, between and after the parts both have the same
    items, in the same order. The lines above the list hold no data: the items from the first on
    are compared.

    A part starts at the last item start before the first byte that differs, and ends where the
    item after it in `old` is found again in `new` (an edited, added or removed item), or else where
    what both share at their end begins. All searching and comparing is done at C speed on the
    texts, so a part costs about the bytes that differ plus the bytes that are compared.
    """
    at_old, at_new = old_first, new_first
    while True:
        same = _common_prefix(old, at_old, new, at_new)
        if at_old + same == len(old) and at_new + same == len(new):
            return
        back = _item_at_or_before(old, at_old, new, at_new, same, indent)
        at_old, at_new = at_old + back, at_new + back
        end_old, end_new = _found_again(old, at_old, new, at_new, indent)
        if (end_old, end_new) == (at_old, at_new):  # never expected: then the rest is one part
            end_old, end_new = len(old), len(new)
        yield at_old, end_old, at_new, end_new
        if end_old == len(old) and end_new == len(new):
            return
        at_old, at_new = end_old, end_new


Part = tuple[int, int, int, int]
_TRIES = 3
"""How many of the items after a change are looked for in the new version before the rest is
compared from the end."""


def _item_at_or_before(old: bytes, at_old: int, new: bytes, at_new: int, limit: int, indent: bytes) -> int:
    """The last offset at or before `limit` where an item starts both in `old` from `at_old` and in
    `new` from `at_new` (which are the same up to `limit`); 0 when there is none after the start."""
    line = b"\n" + indent + b"-"
    found = old.rfind(line, at_old, at_old + limit - 1 + len(line))
    while found >= at_old:
        offset = found + 1 - at_old
        if _starts_item(old, at_old + offset, indent) and _starts_item(new, at_new + offset, indent):
            return offset
        found = old.rfind(line, at_old, found - 1 + len(line))
    return 0


def _next_item(text: bytes, after: int, indent: bytes) -> int:
    """The first item start after `after`, or the end of the text."""
    line = b"\n" + indent + b"-"
    found = text.find(line, after)
    while found != -1 and not _starts_item(text, found + 1, indent):
        found = text.find(line, found + 1)
    return len(text) if found == -1 else found + 1


def _found_again(old: bytes, at_old: int, new: bytes, at_new: int, indent: bytes) -> tuple[int, int]:
    """Where the part that starts at `at_old` and `at_new` ends: the start of an item after it in
    `old` that stands, with the same text, in `new` from `at_new` on; else where the texts begin to
    be the same up to their end (at item starts in both), or their ends."""
    start = at_old
    for _ in range(_TRIES):
        start = _next_item(old, start, indent)
        if start == len(old):
            return len(old), len(new)
        item = old[start - 1 : _next_item(old, start, indent)]  # with the new line before it
        found = new.find(item, at_new - 1)
        if found != -1 and _starts_item(new, found + 1, indent):
            return start, found + 1
    shift = len(new) - len(old)
    tail = _common_suffix(old, new, min(len(old) - at_old, len(new) - at_new))
    end = _item_at_or_after(old, new, max(len(old) - tail, at_old, at_new - shift), shift, indent)
    return end, end + shift


def _item_at_or_after(old: bytes, new: bytes, lowest: int, shift: int, indent: bytes) -> int:
    """The first place in `old`, from `lowest` on, where an item starts in `old` and `shift` bytes
    further in `new` (both are the same from there to their end); else the end of `old`."""
    line = b"\n" + indent + b"-"
    found = old.find(line, lowest - 1)
    while found != -1:
        place = found + 1
        if (
            _starts_item(old, place, indent)
            and new[place + shift - 1] == _NEWLINE
            and _starts_item(new, place + shift, indent)
        ):
            return place
        found = old.find(line, place)
    return len(old)


_BLOCK = 4096


def _common_prefix(a: bytes, at_a: int, b: bytes, at_b: int) -> int:
    """How many bytes `a` from `at_a` and `b` from `at_b` share at their start."""
    view = memoryview(a)  # slices of a memoryview are not copies
    return _shared_length(
        lambda done, length: b.startswith(view[at_a + done : at_a + length], at_b + done),
        min(len(a) - at_a, len(b) - at_b),
    )


def _common_suffix(a: bytes, b: bytes, limit: int) -> int:
    """How many bytes (at most `limit`) `a` and `b` share at their end."""
    view = memoryview(a)
    return _shared_length(
        lambda done, length: b.startswith(view[len(a) - length : len(a) - done], len(b) - length), limit
    )


def _shared_length(same: Callable[[int, int], bool], limit: int) -> int:
    """The largest length up to `limit` that two texts share, where `same(done, length)` compares
    the bytes from `done` to `length` at C speed: blocks of doubling size, then the first block that
    differs halved down to its first differing byte. So it costs about the length shared."""
    done, size = 0, _BLOCK
    while done < limit:
        length = min(limit, done + size)
        if not same(done, length):
            break
        done, size = length, size * 2
    else:
        return limit
    while length - done > 1:
        middle = (done + length) // 2
        if same(done, middle):
            done = middle
        else:
            length = middle
    return done


_PATTERNS: dict[bytes, tuple[re.Pattern[bytes], re.Pattern[bytes]]] = {}


def _patterns(indent: bytes) -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """A line that ends the list, and the start of an item, for items at this indent."""
    if indent not in _PATTERNS:
        # Both patterns start with a newline, so that the regular expression engine jumps from line to line.
        outside = rb"\n(?!" + indent + rb"|[ ]*(?:#|\n|\Z))" if indent else rb"\n(?!-[ \n]|-\Z|[ #\n]|\Z)"
        _PATTERNS[indent] = re.compile(outside), re.compile(rb"\n" + indent + rb"-(?=[ \n]|\Z)")
    return _PATTERNS[indent]


def _cut_part(text: bytes, start: int, end: int, indent: bytes) -> list[bytes] | None:
    """The items in text[start:end], which starts with an item; None when a line there ends the list."""
    if start == end:
        return []
    outside, item = _patterns(indent)
    if outside.search(text, start, end):
        return None
    starts = [start, *(match.start() + 1 for match in item.finditer(text, start, end))]
    return [text[begin:stop] for begin, stop in zip(starts, [*starts[1:], end], strict=True)]


def _item(piece: bytes) -> tuple[str, Entry] | bool | None:
    """One list item read on its own: (id, entry); None for an item without an id; False when it
    cannot be read on its own."""
    try:
        data = yaml.load(piece, Loader=_READER)  # noqa: S506 - the base loader builds only str, list, dict
    except yaml.YAMLError:
        return False
    if not isinstance(data, list) or len(data) != 1:
        return False
    return _entry(data[0])


def _whole(text: bytes) -> dict[str, Entry] | None:
    try:
        data = yaml.load(text.decode("utf-8"), Loader=_READER)  # noqa: S506 - the base loader builds only str, list, dict
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        return None
    found: dict[str, Entry] = {}
    for item in events:
        entry = _entry(item)
        if entry is not None:
            found.setdefault(*entry)
    return found


def _entry(item: Any) -> tuple[str, Entry] | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    data = json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return item["id"], Entry(data)


# --- reading versions of the communities file ---------------------------------------------------


def read_network(content: bytes | None) -> Network | None:
    """The communities and themes in one version of the communities file, as far as the feeds read
    them (`ical/vevent.py`, `context_of`); None when it cannot be read. Old versions are not checked
    (a version that did not build published nothing), so the models are made without their checks."""
    if content is None:
        return None
    try:
        data = yaml.load(content.decode("utf-8-sig"), Loader=_READER)  # noqa: S506 - as above
    except (yaml.YAMLError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    communities = _unique(data.get("communities"))
    themes = _unique(data.get("themes"))
    return Network(
        themes=tuple(Theme.model_construct(**_fields(item)) for item in themes),
        communities=tuple(Community.model_construct(**_fields(item)) for item in communities),
        events=(),
        external=(),
    )


def _unique(value: Any) -> list[dict[str, Any]]:
    """The items of a list that have an id; of an id that occurs twice, the first."""
    if not isinstance(value, list):
        return []
    found: dict[str, dict[str, Any]] = {}
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.setdefault(item["id"], item)
    return list(found.values())


def _fields(item: dict[Any, Any]) -> dict[str, Any]:
    return {key: value for key, value in item.items() if isinstance(key, str)}


MODELS: dict[str, Event | None] = {}
"""An entry's data → its event as the build reads it; None when it does not pass the checks."""


def event_of(entry: Entry) -> Event | None:
    """The entry as a checked `Event`, or None (a version of the entry that could not be built)."""
    if entry.data not in MODELS:
        if len(MODELS) > ITEMS_KEPT:
            MODELS.clear()
        try:
            MODELS[entry.data] = Event.model_validate(json.loads(entry.data))
        except ValueError:  # pydantic's ValidationError is one
            MODELS[entry.data] = None
    return MODELS[entry.data]
