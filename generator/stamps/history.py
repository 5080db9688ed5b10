"""What git remembers about each event: when it was added, when what the feeds write of it last
changed, and how often.

A static build has no memory of what it published before; the repository does. The history replays
the commits of the branch's first-parent line that changed the events file, the communities file or
the settings file (mkdocs.yml), oldest first, and for every version of every event asks the feed
layer for a fingerprint of its VEVENT without its stamps (`ical/vevent.py`). So whatever changes
the bytes of an event counts, and nothing else does:

- `created`: the commit time of the first commit that has the event;
- `modified`: the commit time of the last commit that changed its fingerprint;
- `sequence`: how many commits changed it since (0 for an event never changed). History only
  grows, so this number never goes down.

A fingerprint changes with the event's entry, with what the VEVENT takes from the communities file
(`context_of`), with the settings it writes (`FeedSettings`: `site_url`, the plugin's
`contact_email`) and with a release of the generator that raised `FEED_POLICY` (every event in the
feeds at the moment of that release). Moving entries around, editing another entry, quoting a
value differently, a comment, or a community's description changes no fingerprint. A merged pull
request counts as one change at the time of its merge commit, and times never run backwards.

An entry that does not pass the build's checks in some version (so that version could not be
built) counts by its data instead. Of the communities and settings files, a version that cannot be
read is skipped, and the first one changes no event: no site was built without one.

An event that is deleted (or whose id changes) stays, as its last version that passed the checks
with STATUS:CANCELLED: that is a change of its fingerprint, so its SEQUENCE goes up. Its VEVENT stays
in every feed it was in and in its own file until its end has passed (`Cancelled`), so that every
calendar that has it hears that it is off (RFC 5546 §2.1.4).

The work tree counts as one more version: what differs from the last commit (a local preview) gets
"now" as `modified` (never earlier than its last commit) and one more than its committed `sequence`.
Without git (a tarball, git not installed, a folder outside a repository) every stamp is "now" with
sequence 0, and a note says so; a shallow clone counts its oldest commit as the one that added every
event in it, and a note says so too. `History.missing` tells the build why it may not publish
(`build.py`).

Speed: three git commands in all, however many events and commits (`rev-parse`, one `log` of the
three files, one `cat-file --batch` for their versions). Each version of the events file is read as
the change from the one before (`versions.py`), and only the events whose entry, context or settings
changed are written again; each distinct entry is checked once and each distinct VEVENT written
once, also across the rebuilds of `mkdocs serve` (`bench/bench_history.py`).
"""

from __future__ import annotations

import posixpath
import subprocess
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, NamedTuple

from ..data.contract.models import Event
from ..data.contract.network import Network
from ..data.reading.files import DataFiles
from ..ical.memory import Cancelled, History, Stamp
from ..ical.vevent import (
    POLICY_RELEASES,
    Context,
    FeedSettings,
    cancelled,
    community_facts,
    context_of,
    fingerprint,
    theme_facts,
    unstamped,
)
from .versions import EventsReader, event_of, read_network

__all__ = ["Build", "Cancelled", "History", "Stamp", "event_history"]

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
OTHER_SITE = (
    "Agenda-bestanden: site_url is veranderd van {old} in {new}. Voor agenda-apps is dit een andere site: elk "
    "evenement krijgt een nieuwe UID. Wie een agenda van {old} volgt, krijgt geen wijzigingen meer; abonnees moeten "
    "zich opnieuw abonneren op de agenda's van {new}."
)

CUT_OFF = "de git-geschiedenis is afgekapt (een shallow clone)"

NO_SETTINGS = FeedSettings("https://example.org/")
"""The settings of a history read without them (tests of the history alone)."""


_Print = bytes | str
"""A VEVENT's fingerprint; for an entry that does not pass the checks, its data."""


@dataclass
class _Track:
    created: datetime
    modified: datetime
    sequence: int
    print: _Print | None
    """After the last commit read; None while there is no version of the event at all."""
    event: Event | None = None
    """Its last version that passed the checks: what stays, cancelled, when it is deleted."""
    data: str = ""
    """That version's entry data (a key for the caches)."""
    context: Context | None = None


class _Version(NamedTuple):
    print: _Print | None
    event: Event | None
    data: str
    context: Context | None


PRINTS: dict[tuple[str, bool, Context, FeedSettings], bytes] = {}
"""(entry data, cancelled, context, settings) → fingerprint: each distinct VEVENT is written once,
also across the rebuilds of `mkdocs serve`."""
PRINTS_KEPT = 200_000


class _GitError(Exception):
    pass


@dataclass
class _Replay:
    """The state of the replay after the commits read so far."""

    reader: EventsReader
    network: Network | None = None
    settings: FeedSettings | None = None
    fallback: FeedSettings = NO_SETTINGS
    site_change: tuple[str, str] | None = None
    """The site_url before and after the last commit read, when that commit changed it."""
    kinds: Mapping[str, str] | None = None
    """The labels of the kinds of event as the build has them (`types` in events.yaml). Old versions
    are printed with them too: a label that changed in events.yaml alone is not replayed (the floor
    of what was published still raises SEQUENCE for it)."""

    def version(self, event_id: str, track: _Track | None) -> _Version:
        """What the feeds wrote of an event after the commits read so far."""
        entry = self.reader.entries.get(event_id)
        if entry is None:
            if track is None or track.event is None:
                return _Version(None, None, "", None)
            # Deleted: its last version that was built, cancelled.
            context = self._context(track.event) or track.context
            if context is None:
                return _Version(None, None, "", None)
            return _Version(self._print(track.data, track.event, context, gone=True), track.event, track.data, context)
        event = event_of(entry)
        context = None if event is None else self._context(event)
        if event is None or context is None:
            return _Version(entry.data, None, "", None)
        return _Version(self._print(entry.data, event, context, gone=False), event, entry.data, context)

    def _context(self, event: Event) -> Context | None:
        try:
            return None if self.network is None else context_of(event, self.network, self.kinds)
        except AttributeError:  # an old version of a community without a name: it did not build
            return None

    def _print(self, data: str, event: Event, context: Context, *, gone: bool) -> bytes:
        settings = self.settings or self.fallback
        key = (data, gone, context, settings)
        found = PRINTS.get(key)
        if found is None:
            if len(PRINTS) > PRINTS_KEPT:
                PRINTS.clear()
            found = PRINTS[key] = fingerprint(unstamped(cancelled(event) if gone else event, context, settings))
        return found


@dataclass(frozen=True)
class Build:
    """What the build knows now, for the history."""

    settings: FeedSettings = field(default_factory=lambda: NO_SETTINGS)
    config_file: str | None = None
    """The settings file, relative to the data files' folder, whose old versions `read_settings` reads."""
    read_settings: Callable[[bytes], FeedSettings | None] | None = None
    network: Network | None = None
    """The checked data; without it, the work tree's files are read as the old versions are."""
    vevents: Mapping[str, bytes] | None = None
    """Every event's VEVENT without stamps, by id (`ical/vevent.py`)."""


def event_history(files: DataFiles, now: datetime, build: Build | None = None) -> History:
    """The stamps of every event, from the git history of the data files and of the settings file."""
    now = now.astimezone(UTC)
    root, name = files.root, files.events
    build = build or Build()
    settings = build.settings
    read_settings = build.read_settings if build.config_file else None
    try:
        shallow, prefix = _repository(root)
        commits = _commits(root, prefix, files, build.config_file if read_settings else None)
    except _GitError as error:
        return History.without_memory(now, (NO_GIT.format(file=name, reason=error),), build.vevents)
    notes: list[str] = []
    if shallow:
        notes.append(SHALLOW)
    if not any(commit.events for commit in commits):
        notes.append(NOT_COMMITTED.format(file=name))
    replay = _Replay(EventsReader(), fallback=settings)
    replay.kinds = build.network.event_types if build.network is not None else None
    try:
        tracks = _remember(root, commits, replay, read_settings, now)
    except _GitError as error:
        return History.without_memory(now, (NO_GIT.format(file=name, reason=error),), build.vevents)
    if replay.settings is not None and replay.settings.site_url != settings.site_url:
        notes.append(OTHER_SITE.format(old=replay.settings.site_url, new=settings.site_url))
    elif replay.site_change is not None:
        notes.append(OTHER_SITE.format(old=replay.site_change[0], new=replay.site_change[1]))
    stamps, gone = _work_tree_stamps(files, build, replay, tracks, now)
    missing = CUT_OFF if shallow else ""
    return History(stamps, Stamp(now, now, 0), tuple(notes), tuple(gone), missing, build.vevents)


def _work_tree_stamps(
    files: DataFiles, build: Build, replay: _Replay, tracks: dict[str, _Track], now: datetime
) -> tuple[dict[str, Stamp], list[Cancelled]]:
    """The work tree, as the build reads it now: one version more after the last commit."""
    if replay.reader.read(_work_tree(files.root / files.events)) is None:
        replay.reader.remove()
    replay.network = build.network or read_network(_work_tree(files.root / files.communities)) or replay.network
    replay.settings = build.settings
    current = build.vevents
    live = current.keys() if current is not None else replay.reader.entries.keys()
    stamps: dict[str, Stamp] = {}
    for event_id in live:
        track = tracks.get(event_id)
        now_print = fingerprint(current[event_id]) if current is not None else replay.version(event_id, track).print
        stamps[event_id] = _stamp(track, now_print, now)
    gone: list[Cancelled] = []
    for event_id, track in tracks.items():
        if event_id in live or track.event is None or track.event.ends_at <= now:
            continue
        replay.reader.entries.pop(event_id, None)  # deleted in the work tree, not yet committed
        version = replay.version(event_id, track)
        if version.context is None:
            continue
        vevent = unstamped(cancelled(track.event), version.context, build.settings)
        gone.append(Cancelled(cancelled(track.event), vevent, _stamp(track, version.print, now)))
    return stamps, gone


def _stamp(track: _Track | None, print_: _Print | None, now: datetime) -> Stamp:
    """The stamp of the work tree's version of an event."""
    if track is None:
        return Stamp(now, now, 0)
    if track.print != print_:
        # Changed in the work tree, not committed yet: a newer version than the last commit.
        return Stamp(track.created, max(now, track.modified), track.sequence + 1)
    return Stamp(track.created, track.modified, track.sequence)


def _remember(
    root: Path,
    commits: list[_Commit],
    replay: _Replay,
    read_settings: Callable[[bytes], FeedSettings | None] | None,
    now: datetime,
) -> dict[str, _Track]:
    """Every commit taken in order, into each event's track."""
    tracks: dict[str, _Track] = {}
    releases = sorted(moment for moment in POLICY_RELEASES.values() if moment <= now)
    with _Blobs(root, [*_requests(commits)]) as blobs:
        files = _Files(blobs, read_settings)
        for commit in commits:
            while releases and releases[0] <= commit.when:
                _new_policy(tracks, releases.pop(0))
            content = next(blobs) if commit.events else None  # in the order of `_requests`
            network = files.network(commit.communities) or replay.network
            settings = files.settings(commit.config) or replay.settings
            if (replay.network is None and network is not None) or (replay.settings is None and settings is not None):
                # The first communities or settings file: no feed was ever written without it, so
                # the events read so far had what it gives from the start.
                replay.network, replay.settings = network, settings
                for event_id, track in tracks.items():
                    version = replay.version(event_id, track)
                    track.print = version.print
                    _keep(track, version)
            changed = set(replay.reader.remove() if commit.events == _REMOVED else ())
            if commit.events:
                changed.update(replay.reader.read(content) or ())
            changed.update(_users(tracks, *_changed(replay.network, network)) if network is not replay.network else ())
            replay.network = network
            replay.site_change = None
            if settings != replay.settings:
                changed.update(tracks)
                old_site = replay.settings.site_url if replay.settings else ""
                if settings is not None and old_site and settings.site_url != old_site:
                    replay.site_change = (old_site, settings.site_url)
                replay.settings = settings
            for event_id in changed:
                _record(tracks, commit.when, event_id, replay.version(event_id, tracks.get(event_id)))
    for moment in releases:
        _new_policy(tracks, moment)
    return tracks


class _Files:
    """The communities and settings files of the commits, each distinct version read once, in the
    order of `_requests`."""

    def __init__(self, blobs: _Blobs, read_settings: Callable[[bytes], FeedSettings | None] | None) -> None:
        self.blobs, self.read_settings = blobs, read_settings
        self.networks: dict[str, Network | None] = {}
        self.settings_of: dict[str, FeedSettings | None] = {}

    def network(self, blob: str | None) -> Network | None:
        """The version of the communities file in a commit; None when unchanged or unreadable."""
        if not blob:
            return None
        if blob not in self.networks:
            self.networks[blob] = read_network(next(self.blobs))
        return self.networks[blob]

    def settings(self, blob: str | None) -> FeedSettings | None:
        if not blob or self.read_settings is None:
            return None
        if blob not in self.settings_of:
            content = next(self.blobs)
            self.settings_of[blob] = None if content is None else self.read_settings(content)
        return self.settings_of[blob]


def _new_policy(tracks: dict[str, _Track], moment: datetime) -> None:
    """A release that changed what the feeds write: every event in them then has a new version."""
    for track in tracks.values():
        if track.print is not None:
            track.modified = max(moment, track.modified)
            track.sequence += 1


def _facts(network: Network | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """What the feeds take from each community and theme (`ical/vevent.py`)."""
    if network is None:
        return {}, {}
    return (
        {c.id: _safely(community_facts, c) for c in network.communities},
        {t.id: _safely(theme_facts, t) for t in network.themes},
    )


def _safely(facts: Callable[[Any], Any], item: Any) -> Any:
    try:
        return facts(item)
    except AttributeError:  # an old version without a name: it did not build
        return None


def _changed(old: Network | None, new: Network | None) -> tuple[set[str], set[str]]:
    """The community ids and the theme ids whose facts differ between two versions."""
    (old_c, old_t), (new_c, new_t) = _facts(old), _facts(new)
    return (
        {c for c in old_c.keys() | new_c.keys() if old_c.get(c) != new_c.get(c)},
        {t for t in old_t.keys() | new_t.keys() if old_t.get(t) != new_t.get(t)},
    )


def _users(tracks: dict[str, _Track], communities: set[str], themes: set[str]) -> list[str]:
    """The events whose last version that was built names any of these communities or themes."""
    return [
        event_id
        for event_id, track in tracks.items()
        if track.event is not None
        and (not communities.isdisjoint(track.event.communities) or not themes.isdisjoint(track.event.themes))
    ]


def _work_tree(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _keep(track: _Track, version: _Version) -> None:
    if version.event is not None:
        track.event, track.data, track.context = version.event, version.data, version.context


def _record(tracks: dict[str, _Track], when: datetime, event_id: str, version: _Version) -> None:
    """Take what the feeds write of one event after a commit into its track."""
    track = tracks.get(event_id)
    if track is None:
        if version.print is not None:
            tracks[event_id] = _Track(when, when, 0, version.print)
            _keep(tracks[event_id], version)
        return
    if track.print != version.print:
        if version.print is not None:  # gone without a trace is no change itself; back later, it is one
            # A commit whose clock is behind its parent's must not move an event back in time.
            track.modified = max(when, track.modified)
            track.sequence += 1
        track.print = version.print
    _keep(track, version)


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
    config: str | None = None


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


def _commits(root: Path, prefix: str, files: DataFiles, config_file: str | None) -> list[_Commit]:
    """The commits of the branch's first-parent line that changed the events file, the communities
    file or the settings file, oldest first: their commit time and the blobs of those files in them."""
    names = (files.events, files.communities, *([config_file] if config_file else []))
    events, communities, *config = (posixpath.normpath(prefix + Path(name).as_posix()) for name in names)
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
        *names,
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
            elif path in config:
                found[-1] = found[-1]._replace(config=new)
    return found[::-1]


def _requests(commits: list[_Commit]) -> Iterator[str]:
    """The blobs `_remember` reads, in the order it reads them: each version of the events file, and
    each distinct version of the communities and settings files once."""
    seen: set[str] = set()
    for commit in commits:
        if commit.events:
            yield commit.events
        for blob in (commit.communities, commit.config):
            if blob and blob not in seen:
                seen.add(blob)
                yield blob


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
