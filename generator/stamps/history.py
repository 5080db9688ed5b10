"""What git remembers about each event: when its entry was added, when it last changed, and how often.

A static build has no memory of what it published before; the repository does. For every event id
in the events file this module finds, from the commits that changed the events file or the
communities file:

- `created`: the commit time of the first commit whose version of the events file has the entry;
- `modified`: the commit time of the last commit that changed what the feeds write of the event;
- `sequence`: how many commits changed that since the entry was added (0 for an event never
  changed). History only grows, so this number never goes down.

What the feeds write of an event is its entry's data, every value read as the text it holds (YAML's
base schema: `14:00`, `'14:00'` and `"14:00"` are one value), compared as canonical JSON, plus what
they take from the communities file for it (`ical/calendar.py`): the `name` of each of its
communities, the `contact_email` of the first one, and the `name` of each of its themes. Renaming a
community thus changes every event it organises at that moment; its description or members change no
event. Moving entries around, editing another entry, quoting a value differently or changing a
comment changes no entry. The branch's first-parent line is followed (one timeline of the commits that
touched either file), so a merged pull request counts as one change at the time of its merge commit,
and times never run backwards. A version of a file that cannot be read is skipped; so is a commit
that removes the communities file, and the first communities file changes no event: no site can be
built without one, so no feed ever had an event without its names.

An entry that differs in the work tree from the last commit, or whose community or theme has another
name or address there (a local preview), gets "now" as `modified` (never earlier than its last
commit) and one more than its committed `sequence`. Without git (a tarball, git not installed, a
folder outside a repository) every stamp is "now" with sequence 0, and a note says so; a shallow
clone counts its oldest commit as the one that added every entry in it, and a note says so too.
The notes are for the build log: the caller shows them.

Speed: three git commands in all, however many events and commits (`rev-parse`, one `log` of both
files, one `cat-file --batch` for their versions). A version of the events file is read as the
change from the version before: where they differ is found at C speed on the bytes (what they share
from the start of the list, then the item after a difference found again further on, or what they
share at the end), and only the list items in those parts are cut out and read, so a commit costs
about what it changed plus comparing and transferring its text, not a step per entry. Each distinct
item text is read once, also across the rebuilds of `mkdocs serve`. Old versions need no positions
and no checks (the build checks the files as they are now), so they are read with libyaml's base
loader, many times faster than the strict loader; without libyaml, PyYAML's own. Where a change
cannot be read that way for certain (another indent, an id that occurs twice near the change, a line
that ends the list, an item that cannot be read on its own), the whole version is cut anew, or read
whole. The communities file is small: each distinct version is read whole, and a change of a name
or address looks at every event once (`bench/bench_history.py`).
"""

from __future__ import annotations

import posixpath
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

from ..data.reading.files import DataFiles
from .versions import NO_NAMES, Entry, EventsReader, Names, read_names

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


_Feed = tuple[str, tuple[Any, ...]]
"""What the feeds write of one event: its entry's data and the names they take for it."""


@dataclass
class _Track:
    created: datetime
    modified: datetime
    sequence: int
    feed: _Feed | None
    """What the feeds wrote of the event after the last commit read; None while the entry is absent."""


class _GitError(Exception):
    pass


def event_history(files: DataFiles, now: datetime) -> History:
    """The stamps of every event in `files.events`, from the git history of that file and of
    `files.communities`."""
    now = now.astimezone(UTC)
    root, name = files.root, files.events
    try:
        shallow, prefix = _repository(root)
        commits = _commits(root, prefix, files)
    except _GitError as error:
        return History.without_memory(now, (NO_GIT.format(file=name, reason=error),))
    notes: list[str] = []
    if shallow:
        notes.append(SHALLOW)
    if not any(commit.events for commit in commits):
        notes.append(NOT_COMMITTED.format(file=name))
    try:
        reader, names, tracks = _remember(root, commits)
    except _GitError as error:
        return History.without_memory(now, (NO_GIT.format(file=name, reason=error),))
    # The work tree, as the build reads it now (no file: the build says so itself).
    current = reader.entries if reader.read(_work_tree(root / name)) is not None else {}
    names = read_names(_work_tree(root / files.communities)) or names
    stamps: dict[str, Stamp] = {}
    for event_id, entry in current.items():
        track = tracks.get(event_id)
        if track is None:
            stamps[event_id] = Stamp(now, now, 0)
        elif track.feed != _feed(entry, names):
            # Changed in the work tree, not committed yet: a newer version than the last commit.
            stamps[event_id] = Stamp(track.created, max(now, track.modified), track.sequence + 1)
        else:
            stamps[event_id] = Stamp(track.created, track.modified, track.sequence)
    return History(stamps, Stamp(now, now, 0), tuple(notes))


def _remember(root: Path, commits: list[_Commit]) -> tuple[EventsReader, Names, dict[str, _Track]]:
    """Every commit taken in order: the reader at the last version of the events file, the names of
    the last readable communities file, and each event's track."""
    reader, names = EventsReader(), NO_NAMES
    tracks: dict[str, _Track] = {}
    names_of_blob: dict[str, Names | None] = {}
    requests = [*_requests(commits)]
    with _Blobs(root, requests) as blobs:
        for commit in commits:
            content = next(blobs) if commit.events else None  # in the order of `_requests`
            new = names
            if commit.communities:
                if commit.communities not in names_of_blob:
                    names_of_blob[commit.communities] = read_names(next(blobs))
                new = names_of_blob[commit.communities] or names
            if names is NO_NAMES and new is not NO_NAMES:
                # The first communities file: no feed was ever written without it, so what the feeds
                # wrote of the events read so far had these names from the start.
                for event_id, track in tracks.items():
                    track.feed = _feed(reader.entries.get(event_id), new)
                names = new
            changed: set[str] = set()
            if commit.events == _REMOVED:
                changed.update(reader.remove())
            elif commit.events:
                changed.update(reader.read(content) or ())
            if new != names:
                changed.update(reader.users(*names.changed(new)))
                names = new
            for event_id in changed:
                _record(tracks, commit.when, event_id, _feed(reader.entries.get(event_id), names))
    return reader, names, tracks


def _work_tree(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _feed(entry: Entry | None, names: Names) -> _Feed | None:
    return None if entry is None else (entry.data, names.of(entry))


def _record(tracks: dict[str, _Track], when: datetime, event_id: str, feed: _Feed | None) -> None:
    """Take what the feeds write of one event after a commit (None: no entry) into its track."""
    track = tracks.get(event_id)
    if track is None:
        if feed is not None:
            tracks[event_id] = _Track(when, when, 0, feed)
    elif track.feed != feed:
        if feed is not None:  # removed is no change itself; added back later, it counts as one
            # A commit whose clock is behind its parent's must not move an event back in time.
            track.modified = max(when, track.modified)
            track.sequence += 1
        track.feed = feed


# --- git ----------------------------------------------------------------------------------------

_REMOVED = ""
"""The blob of a file that a commit removed."""

_FOUND_HEADER = 3
"""The fields of `git cat-file --batch`'s header for a blob it has: `<blob> <type> <size>`."""


class _Commit(NamedTuple):
    when: datetime
    events: str | None
    """The blob of the events file in this commit, `_REMOVED`, or None when the commit left it as it was."""
    communities: str | None


def _git(root: Path, *arguments: str) -> bytes:
    try:
        # git from PATH, as the editor's own shell runs it.
        result = subprocess.run(
            ["git", "--literal-pathspecs", "-C", str(root), *arguments],  # noqa: S607
            capture_output=True,
            check=False,
        )
    except OSError as error:  # git is not installed
        raise _GitError(f"git is niet te starten: {error.strerror or error}") from None
    if result.returncode != 0:
        lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _GitError(lines[-1] if lines else f"git {arguments[0]} gaf code {result.returncode}")
    return result.stdout


def _repository(root: Path) -> tuple[bool, str]:
    """Whether the clone is shallow, and where `root` is in the repository (`site/`, or empty)."""
    lines = _git(root, "rev-parse", "--is-shallow-repository", "--show-prefix").decode("utf-8", "replace")
    shallow, _, prefix = lines.partition("\n")
    return shallow.strip() == "true", prefix.strip()


def _commits(root: Path, prefix: str, files: DataFiles) -> list[_Commit]:
    """The commits of the branch's first-parent line that changed the events file or the communities
    file, oldest first: their commit time and the blobs of both files in them."""
    events, communities = (
        posixpath.normpath(prefix + Path(name).as_posix()) for name in (files.events, files.communities)
    )
    output = _git(
        root,
        "log",
        "--first-parent",
        "-m",  # merges too, compared with their first parent
        "--no-renames",
        "--raw",
        "--no-abbrev",
        "-z",  # paths as they are, not quoted
        "--format=commit %ct",
        "--",
        files.events,
        files.communities,
    )
    found: list[_Commit] = []
    tokens = output.split(b"\0")
    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip(b"\n")
        index += 1
        if token.startswith(b"commit "):
            found.append(_Commit(datetime.fromtimestamp(int(token.split()[1]), UTC), None, None))
        elif token.startswith(b":") and found and index < len(tokens):
            # ":100644 100644 <old blob> <new blob> M", then the path; the new blob is all zeros when deleted.
            path = tokens[index].decode("utf-8", "surrogateescape")
            index += 1
            blob, status = token.split()[3:5]
            new = _REMOVED if status.startswith(b"D") else blob.decode("ascii")
            if path == events:
                found[-1] = found[-1]._replace(events=new)
            elif path == communities:
                found[-1] = found[-1]._replace(communities=new)
    return found[::-1]


def _requests(commits: list[_Commit]) -> Iterator[str]:
    """The blobs `_remember` reads, in the order it reads them: each version of the events file, and
    each distinct version of the communities file once."""
    seen: set[str] = set()
    for commit in commits:
        if commit.events:
            yield commit.events
        if commit.communities and commit.communities not in seen:
            seen.add(commit.communities)
            yield commit.communities


class _Blobs(Iterator[bytes | None]):
    """The contents of the requested blobs, in order (None for a blob not in this clone), through one
    `git cat-file --batch` that is started on the first one read."""

    def __init__(self, root: Path, requests: list[str]) -> None:
        self.root, self.requests = root, iter(requests)
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> _Blobs:
        return self

    def __exit__(self, *exception: object) -> None:
        if self.process is not None:
            # Narrows the type: Popen made both pipes.
            assert self.process.stdin is not None and self.process.stdout is not None  # noqa: S101
            self.process.stdin.close()
            self.process.stdout.close()
            self.process.wait()

    def __next__(self) -> bytes | None:
        if self.process is None:
            try:
                self.process = subprocess.Popen(
                    ["git", "-C", str(self.root), "cat-file", "--batch"],  # noqa: S607 - as in _git
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                )
            except OSError as error:
                raise _GitError(f"git is niet te starten: {error.strerror or error}") from None
        assert self.process.stdin is not None and self.process.stdout is not None  # noqa: S101 - as in __exit__
        return _cat(self.process.stdin, self.process.stdout, next(self.requests))


def _cat(requests: IO[bytes], answers: IO[bytes], blob: str) -> bytes | None:
    requests.write(f"{blob}\n".encode("ascii"))
    requests.flush()
    header = answers.readline().split()
    if len(header) != _FOUND_HEADER:  # "<blob> missing": not in this clone
        if not header:
            raise _GitError("git cat-file stopte onverwacht")
        return None
    content: bytes = answers.read(int(header[2]))
    answers.read(1)  # the newline after the content
    return content
