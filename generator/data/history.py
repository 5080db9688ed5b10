"""What git remembers about each event: when its entry was added, when it last changed, and how often.

A static build has no memory of what it published before; the repository does. For every event id
in the events file this module finds, from the commits that changed the file:

- `created`: the commit time of the first commit whose version of the file has the entry;
- `modified`: the commit time of the last commit that changed the entry's data;
- `sequence`: how many commits changed the entry's data since it was added (0 for an entry never
  changed). History only grows, so this number never goes down.

"Changed" means the entry's data, every value read as the text it holds (YAML's base schema: `14:00`,
`'14:00'` and `"14:00"` are one value), compared as canonical JSON. Moving entries around, editing
another entry, quoting a value differently or changing a comment changes no entry. The branch's
first-parent line is followed, so a merged pull request counts as one change at the time of its
merge commit, and times never run backwards.

An entry that differs in the work tree from the last commit (a local preview) gets "now" as
`modified` (never earlier than its last commit) and one more than its committed `sequence`.
Without git (a tarball, git not installed, a folder outside a repository) every stamp is "now"
with sequence 0, and a note says so; a shallow clone counts its oldest commit as the one that
added every entry in it, and a note says so too.
The notes are for the build log: the caller shows them.

Speed: three git commands in all, however many events and commits (`rev-parse`, one `log` of the
events file, one `cat-file --batch` for its versions). Each version is cut into its list items,
starting from the cut of the version before (only the part between the items both share at the
start and at the end is cut anew), and each distinct item text is read once, also across the
rebuilds of `mkdocs serve`. Old versions need no positions and no checks (the build checks the file
as it is now), so they are read with libyaml's base loader, many times faster than the strict
loader; without libyaml, PyYAML's own. A long history of a large file thus costs about one fast
reading of the file plus the items that ever changed (`bench/bench_history.py`). A version that
cannot be cut that way is read whole; a version that cannot be read at all is skipped.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from .files import DataFiles

NO_GIT = (
    "Agenda-bestanden: geen git-geschiedenis van {file} ({reason}). LAST-MODIFIED, DTSTAMP en CREATED zijn daarom "
    "het moment van bouwen en SEQUENCE is 0. Bouw vanuit een git-repository voor waarden die alleen veranderen als "
    "een evenement verandert."
)
SHALLOW = (
    "Agenda-bestanden: de git-geschiedenis is afgekapt (shallow clone). Evenementen uit de oudste commit die er is "
    "krijgen die commit als moment van toevoegen, en hun SEQUENCE telt pas vanaf daar. Haal de hele geschiedenis op "
    "(git fetch --unshallow, of fetch-depth: 0 in GitHub Actions)."
)
NOT_COMMITTED = (
    "Agenda-bestanden: {file} staat nog in geen enkele commit. Alle evenementen krijgen het moment van bouwen."
)


@dataclass(frozen=True)
class Stamp:
    """The moments (UTC) and the version number of one event's entry."""

    created: datetime
    modified: datetime
    sequence: int


@dataclass(frozen=True)
class History:
    stamps: Mapping[str, Stamp]
    default: Stamp
    """For an id the history does not know (and for every id when there is no history)."""
    notes: tuple[str, ...] = ()
    """What the build log must say once: no git, or a shallow clone."""

    def stamp(self, event_id: str) -> Stamp:
        return self.stamps.get(event_id, self.default)

    @classmethod
    def without_memory(cls, now: datetime, notes: tuple[str, ...] = ()) -> History:
        """Every event as if it were new at `now`: what a build without git can say."""
        moment = now.astimezone(UTC)
        return cls({}, Stamp(moment, moment, 0), notes)


@dataclass
class _Track:
    created: datetime
    modified: datetime
    sequence: int
    data: str | None
    """The entry's canonical JSON in the last version read; None while the entry is absent."""


class _GitError(Exception):
    pass


def event_history(files: DataFiles, now: datetime) -> History:
    """The stamps of every event in `files.events`, from the git history of that file."""
    now = now.astimezone(UTC)
    root, name = files.root, files.events
    try:
        shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == b"true"
        commits = list(_commits(root, name))
    except _GitError as error:
        return History.without_memory(now, (NO_GIT.format(file=name, reason=error),))
    notes: list[str] = []
    if shallow:
        notes.append(SHALLOW)
    if not commits:
        notes.append(NOT_COMMITTED.format(file=name))
    reader = _Reader()
    tracks: dict[str, _Track] = {}
    try:
        for when, entries in _versions(root, commits, reader):
            _record(tracks, when, entries)
    except _GitError as error:
        return History.without_memory(now, (NO_GIT.format(file=name, reason=error),))
    try:
        current = reader.entries(_read_text((root / name).read_bytes())) or {}
    except OSError:
        current = {}  # no file: the build says so itself
    stamps: dict[str, Stamp] = {}
    for event_id, data in current.items():
        track = tracks.get(event_id)
        if track is None:
            stamps[event_id] = Stamp(now, now, 0)
        elif track.data != data:
            # Changed in the work tree, not committed yet: a newer version than the last commit.
            stamps[event_id] = Stamp(track.created, max(now, track.modified), track.sequence + 1)
        else:
            stamps[event_id] = Stamp(track.created, track.modified, track.sequence)
    return History(stamps, Stamp(now, now, 0), tuple(notes))


def _record(tracks: dict[str, _Track], when: datetime, entries: Mapping[str, str] | None) -> None:
    """Take one committed version of the file (None: unreadable, skipped) into the tracks."""
    if entries is None:
        return
    for event_id, data in entries.items():
        track = tracks.get(event_id)
        if track is None:
            tracks[event_id] = _Track(when, when, 0, data)
        elif track.data != data:
            # A commit whose clock is behind its parent's must not move an event back in time.
            track.modified = max(when, track.modified)
            track.sequence += 1
            track.data = data
    for event_id in tracks.keys() - entries.keys():
        tracks[event_id].data = None  # removed: added back later, it counts as a change


# --- git ----------------------------------------------------------------------------------------


def _git(root: Path, *arguments: str) -> bytes:
    try:
        result = subprocess.run(
            ["git", "--literal-pathspecs", "-C", str(root), *arguments], capture_output=True, check=False
        )
    except OSError as error:  # git is not installed
        raise _GitError(f"git is niet te starten: {error.strerror or error}") from None
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitError(lines[-1] if lines else f"git {arguments[0]} gaf code {result.returncode}")
    return result.stdout


def _commits(root: Path, name: str) -> Iterator[tuple[datetime, str | None]]:
    """The commits of the branch's first-parent line that changed the file, oldest first: their
    commit time and the file's blob in them (None where the commit removed the file)."""
    output = _git(
        root,
        "log",
        "--first-parent",
        "-m",  # merges too, compared with their first parent
        "--no-renames",
        "--raw",
        "--no-abbrev",
        "--format=commit %ct",
        "--",
        name,
    )
    found: list[tuple[datetime, str | None]] = []
    for line in output.decode("utf-8", "replace").splitlines():
        if line.startswith("commit "):
            found.append((datetime.fromtimestamp(int(line.split()[1]), UTC), None))
        elif line.startswith(":") and found:
            # ":100644 100644 <old blob> <new blob> M\t<path>"; the new blob is all zeros when deleted.
            blob, status = line.split()[3:5]
            found[-1] = (found[-1][0], None if status.startswith("D") else blob)
    return reversed(found)


def _versions(
    root: Path, commits: list[tuple[datetime, str | None]], reader: _Reader
) -> Iterator[tuple[datetime, dict[str, str] | None]]:
    """Each commit's time and the entries of its version of the file, read through one `cat-file`."""
    if not commits:
        return
    read: dict[str, dict[str, str] | None] = {}
    try:
        process = subprocess.Popen(
            ["git", "-C", str(root), "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError as error:
        raise _GitError(f"git is niet te starten: {error.strerror or error}") from None
    assert process.stdin is not None and process.stdout is not None
    try:
        for when, blob in commits:
            if blob is None:
                yield when, {}
                continue
            if blob not in read:
                content = _cat(process.stdin, process.stdout, blob)
                read[blob] = None if content is None else reader.entries(_read_text(content))
            yield when, read[blob]
    finally:
        process.stdin.close()
        process.stdout.close()
        process.wait()


def _cat(requests: Any, answers: Any, blob: str) -> bytes | None:
    requests.write(f"{blob}\n".encode("ascii"))
    requests.flush()
    header = answers.readline().split()
    if len(header) != 3:  # "<blob> missing": not in this clone
        if not header:
            raise _GitError("git cat-file stopte onverwacht")
        return None
    content: bytes = answers.read(int(header[2]))
    answers.read(1)  # the newline after the content
    return content


# --- reading versions ---------------------------------------------------------------------------


def _read_text(content: bytes) -> str | None:
    try:
        # Line ends as git may check them out differently on another computer: they change no data.
        return content.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return None


_EVENTS_KEY = re.compile(r"^events:[ ]*(?:#.*)?$", re.M)
_COMMENT_OR_BLANK = re.compile(r"[ ]*(?:#.*)?")
_CONTENT_LINE = re.compile(r"^[ ]*(?!#)\S.*$", re.M)
_ITEM_START = re.compile(r"([ ]*)-(?:[ ]|$)")


_READER: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
"""Every scalar as its text, no types: what an editor wrote, however it is quoted."""

_ITEMS: dict[str, tuple[str, str] | None | bool] = {}
"""Item text → (id, canonical JSON); None for an item without an id; False: unreadable on its own.
What a text means never changes, so this is kept from one build to the next (`mkdocs serve`)."""
_ITEMS_KEPT = 200_000


@dataclass(frozen=True)
class _Cut:
    """A version of the file cut into the texts of its list items (see `_Reader.cut`)."""

    first: int
    """Where the first item starts: everything before it is `events:`, comments and blank lines."""
    indent: str
    pieces: list[str]


class _Reader:
    """Reads versions of the events file into entries, remembering what it read before.

    Each distinct item text is read once with the strict loader (`items`), and each version is cut
    into items starting from the cut of the version read before it (`previous`): only the part
    between the items both share at the start and at the end is cut anew.
    """

    def __init__(self) -> None:
        if len(_ITEMS) > _ITEMS_KEPT:
            _ITEMS.clear()
        self.items = _ITEMS
        self.previous: _Cut | None = None

    def entries(self, text: str | None) -> dict[str, str] | None:
        """Every entry of a version of the file, as id → canonical JSON (None: unreadable).

        Where the cut is not certain to give what the loader gives for the whole text, the whole
        text is read instead.
        """
        if text is None:
            return None
        cut = self.cut(text)
        if cut is None:
            return _whole(text)
        self.previous = cut
        found: dict[str, str] = {}
        for piece in cut.pieces:
            entry = self.items.get(piece, True)  # True: not read yet (never a value)
            if entry is True:
                entry = self.items[piece] = _item(piece)
            if entry is False:
                return _whole(text)
            if isinstance(entry, tuple):
                found.setdefault(*entry)
        return found

    def cut(self, text: str) -> _Cut | None:
        """The text of each item of the `events:` list, or None when the file is not simply that list.

        An item runs from a line `<indent>- ` to the next such line; comments and blank lines between
        items stay with the item above, where they change nothing. A line that is not blank, not a
        comment and not indented as deep as the items (another top-level key, `---`) ends the list,
        and then the cut is not certain.
        """
        key = _EVENTS_KEY.search(text)
        if key is None or not all(_COMMENT_OR_BLANK.fullmatch(line) for line in text[: key.start()].splitlines()):
            return None
        found = _CONTENT_LINE.search(text, key.end())
        start = _ITEM_START.match(found.group()) if found else None
        if found is None or start is None:
            return None  # no items (nothing to cut), or something else than an item first
        first, indent = found.start(), start.group(1)
        old = self.previous.pieces if self.previous and self.previous.indent == indent else []
        # The items at the start and at the end that are still there, unchanged (a few checks each).
        shared, position = 0, first
        while shared < len(old) and old[shared].endswith("\n") and text.startswith(old[shared], position):
            position += len(old[shared])
            shared += 1
        kept, end = len(old), len(text)
        while kept > shared and end - len(old[kept - 1]) >= position and text.endswith(old[kept - 1], 0, end):
            end -= len(old[kept - 1])
            kept -= 1
        # The part cut anew must begin and end where items begin: else give it the neighbouring items too.
        while kept < len(old) and end > first and text[end - 1] != "\n":
            end += len(old[kept])
            kept += 1
        while shared and position < end and not _starts_item(text, position, indent):
            shared -= 1
            position -= len(old[shared])
        middle = _cut_part(text, position, end, indent)
        if middle is None:
            return None
        return _Cut(first, indent, [*old[:shared], *middle, *old[kept:]])


def _starts_item(text: str, position: int, indent: str) -> bool:
    after = position + len(indent) + 1
    return text.startswith(f"{indent}-", position) and (after == len(text) or text[after] in " \n")


def _cut_part(text: str, start: int, end: int, indent: str) -> list[str] | None:
    """The items in text[start:end], which starts with an item; None when a line there ends the list."""
    if start == end:
        return []
    # Both patterns start with a newline, so that the regular expression engine jumps from line to line.
    outside = rf"\n(?!{indent}|[ ]*(?:#|\n|\Z))" if indent else r"\n(?!-[ \n]|-\Z|[ #\n]|\Z)"
    if re.compile(outside).search(text, start, end):
        return None
    item = re.compile(rf"\n{indent}-(?=[ \n]|\Z)")
    starts = [start, *(match.start() + 1 for match in item.finditer(text, start, end))]
    return [text[begin:stop] for begin, stop in zip(starts, [*starts[1:], end], strict=True)]


def _item(piece: str) -> tuple[str, str] | None | bool:
    """One list item read on its own: (id, canonical JSON); None for an item without an id; False
    when it cannot be read on its own."""
    try:
        data = yaml.load(piece, Loader=_READER)  # noqa: S506 - the base loader builds only str, list, dict
    except yaml.YAMLError:
        return False
    if not isinstance(data, list) or len(data) != 1:
        return False
    return _canonical(data[0])


def _whole(text: str) -> dict[str, str] | None:
    try:
        data = yaml.load(text, Loader=_READER)  # noqa: S506 - the base loader builds only str, list, dict
    except yaml.YAMLError:
        return None
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, list):
        return None
    found: dict[str, str] = {}
    for item in events:
        entry = _canonical(item)
        if entry is not None:
            found.setdefault(*entry)
    return found


def _canonical(item: Any) -> tuple[str, str] | None:
    if not isinstance(item, dict) or not isinstance(item.get("id"), str):
        return None
    return item["id"], json.dumps(item, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
