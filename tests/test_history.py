"""Git is the feeds' memory: each event's CREATED, LAST-MODIFIED and SEQUENCE come from the commits
that changed its entry, proven on real repositories made here, with commits on chosen dates."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
import yaml

from conftest import ROOT, build_mkdocs, make_project
from generator.build import build_site
from generator.catalogue import urls
from generator.data.contract.moments import ZONE
from generator.data.reading.files import DataFiles
from generator.settings import read_settings
from generator.stamps import history as history_module
from generator.stamps import versions
from generator.stamps.history import NO_GIT, SHALLOW, History, Stamp, event_history

NOW = datetime(2026, 11, 29, 11, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)
MONDAY = datetime(2026, 9, 7, 9, 30, tzinfo=UTC)
TUESDAY = MONDAY + timedelta(days=1)
WEDNESDAY = MONDAY + timedelta(days=2)
THURSDAY = MONDAY + timedelta(days=3)

ENTRIES = {
    "alfa": '  - id: alfa\n    title: Alfa\n    start: "2026-12-01 14:00"\n',
    "bravo": '  - id: bravo\n    title: Bravo\n    start: "2026-12-02 14:00"\n',
    "charlie": '  - id: charlie\n    title: Charlie\n    start: "2026-12-03 14:00"\n',
}


def events_text(*entries: str, head: str = "events:\n") -> str:
    return head + "".join(entries)


@pytest.fixture(autouse=True)
def clean_git_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Git here reads only the repositories of the test: no settings of this computer, no GIT_DIR of
    a hook that runs the tests, no repository above the temporary folder."""
    for name in list(os.environ):
        if name.startswith("GIT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))


class Repo:
    """A git repository in a folder of the test, committed to at chosen moments."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *arguments: str, when: datetime | None = None) -> str:
        env = {**os.environ, "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org"}
        env |= {"GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}
        if when is not None:
            env |= {"GIT_AUTHOR_DATE": when.isoformat(), "GIT_COMMITTER_DATE": when.isoformat()}
        result = subprocess.run(
            ["git", *arguments], cwd=self.folder, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def write(self, text: str, name: str = "events.yaml") -> None:
        (self.folder / name).write_text(text, encoding="utf-8")

    def commit(self, when: datetime, text: str | None = None, message: str = "Agenda bijgewerkt") -> None:
        if text is not None:
            self.write(text)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when)

    def history(self, now: datetime = NOW) -> History:
        return event_history(DataFiles(self.folder), now)


def shallow_clone(repo: Repo, target: Path) -> Path:
    """`git clone --depth 1`, as CI checks out by default."""
    command = ["git", "clone", "-q", "--depth", "1", f"file://{repo.folder}", str(target)]
    subprocess.run(command, check=True, capture_output=True)
    return target


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """alfa and bravo added on Monday; bravo moved on Tuesday."""
    made = Repo(tmp_path / "repo")
    made.commit(MONDAY, events_text(ENTRIES["alfa"], ENTRIES["bravo"]))
    made.commit(TUESDAY, events_text(ENTRIES["alfa"], ENTRIES["bravo"].replace("12-02", "12-09")))
    return made


def test_an_unchanged_entry_keeps_the_moment_it_was_added_whatever_the_day_of_the_build(repo: Repo) -> None:
    assert repo.history(NOW).stamp("alfa") == Stamp(MONDAY, MONDAY, 0)
    assert repo.history(LATER).stamp("alfa") == Stamp(MONDAY, MONDAY, 0)
    assert repo.history(NOW).notes == ()


def test_an_edited_entry_gets_a_higher_sequence_and_the_time_of_its_last_change(repo: Repo) -> None:
    assert repo.history().stamp("bravo") == Stamp(MONDAY, TUESDAY, 1)
    repo.commit(WEDNESDAY, events_text(ENTRIES["alfa"], ENTRIES["bravo"].replace("Bravo", "Bravo!")))
    assert repo.history().stamp("bravo") == Stamp(MONDAY, WEDNESDAY, 2)
    assert repo.history().stamp("alfa") == Stamp(MONDAY, MONDAY, 0)


def test_reordering_requoting_and_comments_change_no_entry(repo: Repo) -> None:
    before = repo.history().stamps
    bravo = ENTRIES["bravo"].replace("12-02", "12-09").replace('"2026-12-09 14:00"', "'2026-12-09 14:00'")
    alfa = ENTRIES["alfa"].replace("    title: Alfa\n", "    # de titel\n    title: 'Alfa'\n")
    repo.commit(WEDNESDAY, events_text(bravo, "\n# ---- december ----\n", alfa, head="# Agenda\nevents:  # alles\n"))
    assert repo.history().stamps == before
    # Fields in another order are the same data too.
    fields = ENTRIES["alfa"].splitlines(keepends=True)
    reordered = "  - " + fields[2].lstrip() + fields[1] + "    " + fields[0].removeprefix("  - ")
    repo.commit(THURSDAY, events_text(bravo, reordered))
    assert repo.history().stamps == before


def test_another_entry_added_or_removed_changes_no_entry(repo: Repo) -> None:
    moved = ENTRIES["bravo"].replace("12-02", "12-09")
    repo.commit(WEDNESDAY, events_text(ENTRIES["charlie"], ENTRIES["alfa"], moved))
    history = repo.history()
    assert history.stamp("charlie") == Stamp(WEDNESDAY, WEDNESDAY, 0)
    assert history.stamp("alfa") == Stamp(MONDAY, MONDAY, 0)
    assert history.stamp("bravo") == Stamp(MONDAY, TUESDAY, 1)
    repo.commit(THURSDAY, events_text(ENTRIES["alfa"], moved))
    assert repo.history().stamp("bravo") == Stamp(MONDAY, TUESDAY, 1)


def test_an_entry_removed_and_added_back_counts_as_a_change(repo: Repo) -> None:
    repo.commit(WEDNESDAY, events_text(ENTRIES["alfa"]))
    repo.commit(THURSDAY, events_text(ENTRIES["alfa"], ENTRIES["bravo"]))
    assert repo.history().stamp("bravo") == Stamp(MONDAY, THURSDAY, 2)


def test_an_uncommitted_edit_uses_now_and_the_next_sequence(repo: Repo) -> None:
    repo.write(events_text(ENTRIES["alfa"].replace("Alfa", "Alfa (nieuwe zaal)"), ENTRIES["bravo"], ENTRIES["charlie"]))
    history = repo.history(NOW)
    assert history.stamp("alfa") == Stamp(MONDAY, NOW, 1)
    assert history.stamp("charlie") == Stamp(NOW, NOW, 0)
    assert history.stamp("bravo") == Stamp(MONDAY, NOW, 2)  # back to Monday's data: a change all the same
    # Staged is not committed either.
    repo.git("add", "events.yaml")
    assert repo.history(LATER).stamp("alfa") == Stamp(MONDAY, LATER, 1)


def test_the_work_tree_counts_only_when_its_data_differs(repo: Repo) -> None:
    text = (repo.folder / "events.yaml").read_text(encoding="utf-8")
    repo.write("# nog niet gecommit, alleen een opmerking\n" + text.replace("\n", "\r\n"))
    assert repo.history().stamps == {"alfa": Stamp(MONDAY, MONDAY, 0), "bravo": Stamp(MONDAY, TUESDAY, 1)}


def test_committed_line_ends_and_a_byte_order_mark_change_no_entry(repo: Repo) -> None:
    text = (repo.folder / "events.yaml").read_text(encoding="utf-8")
    repo.commit(WEDNESDAY, text.replace("\n", "\r\n"))
    repo.commit(THURSDAY, "\ufeff" + text)
    assert repo.history().stamps == {"alfa": Stamp(MONDAY, MONDAY, 0), "bravo": Stamp(MONDAY, TUESDAY, 1)}


def test_a_merged_pull_request_counts_once_at_its_merge(repo: Repo) -> None:
    repo.git("switch", "-q", "-c", "verplaatsen")
    repo.commit(WEDNESDAY, events_text(ENTRIES["alfa"].replace("12-01", "12-15"), ENTRIES["bravo"]))
    repo.commit(
        WEDNESDAY + timedelta(hours=1), events_text(ENTRIES["alfa"].replace("12-01", "12-16"), ENTRIES["bravo"])
    )
    repo.git("switch", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge pull request", "verplaatsen", when=THURSDAY)
    assert repo.history().stamp("alfa") == Stamp(MONDAY, THURSDAY, 1)


def test_a_commit_whose_clock_is_behind_does_not_move_an_entry_back_in_time(repo: Repo) -> None:
    repo.commit(MONDAY - timedelta(days=30), events_text(ENTRIES["alfa"].replace("Alfa", "Alfa 2"), ENTRIES["bravo"]))
    assert repo.history().stamp("alfa") == Stamp(MONDAY, MONDAY, 1)


def test_a_version_that_cannot_be_read_is_skipped(repo: Repo) -> None:
    good = (repo.folder / "events.yaml").read_text(encoding="utf-8")
    repo.commit(WEDNESDAY, good.replace("title: Alfa", 'title: "Alfa'))  # an unclosed quote
    repo.commit(THURSDAY, good)
    assert repo.history().stamps == {"alfa": Stamp(MONDAY, MONDAY, 0), "bravo": Stamp(MONDAY, TUESDAY, 1)}


def test_a_shallow_clone_counts_its_oldest_commit_as_the_start_and_says_so(repo: Repo, tmp_path: Path) -> None:
    repo.commit(WEDNESDAY, events_text(ENTRIES["alfa"], ENTRIES["bravo"].replace("Bravo", "Bravo!")))
    clone = shallow_clone(repo, tmp_path / "clone")
    history = event_history(DataFiles(clone), NOW)
    assert history.stamps == {"alfa": Stamp(WEDNESDAY, WEDNESDAY, 0), "bravo": Stamp(WEDNESDAY, WEDNESDAY, 0)}
    assert history.notes == (SHALLOW,)
    subprocess.run(["git", "-C", str(clone), "fetch", "-q", "--unshallow"], check=True, capture_output=True)
    full = event_history(DataFiles(clone), NOW)
    assert (full.stamp("bravo"), full.notes) == (Stamp(MONDAY, WEDNESDAY, 2), ())


def test_without_git_every_stamp_is_now_and_one_note_says_why(repo: Repo, tmp_path: Path) -> None:
    tarball = tmp_path / "uitgepakt"
    shutil.copytree(repo.folder, tarball, ignore=shutil.ignore_patterns(".git"))
    history = event_history(DataFiles(tarball), NOW)
    assert history.stamps == {}
    assert history.stamp("alfa") == history.stamp("bravo") == Stamp(NOW, NOW, 0)
    assert len(history.notes) == 1
    assert history.notes[0].startswith(NO_GIT.split("{", 1)[0]) and "not a git repository" in history.notes[0]


def test_when_git_is_not_installed_every_stamp_is_now_and_one_note_says_why(
    repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo.folder / "geen-programmas"))
    history = repo.history()
    assert (history.stamp("alfa"), len(history.notes)) == (Stamp(NOW, NOW, 0), 1)
    assert "git is niet te starten" in history.notes[0]


def test_a_file_not_committed_yet_is_new_everywhere(tmp_path: Path) -> None:
    made = Repo(tmp_path / "nieuw")
    made.commit(MONDAY, message="Begin")
    made.write(events_text(ENTRIES["alfa"]))
    history = made.history()
    assert history.stamp("alfa") == Stamp(NOW, NOW, 0)
    assert len(history.notes) == 1


def test_data_files_in_a_folder_of_the_repository(tmp_path: Path) -> None:
    made = Repo(tmp_path / "repo")
    (made.folder / "site").mkdir()
    made.write(events_text(ENTRIES["alfa"]), "site/events.yaml")
    made.commit(MONDAY)
    made.write(events_text(ENTRIES["alfa"].replace("Alfa", "Alfa?")), "site/events.yaml")
    made.commit(TUESDAY)
    assert event_history(DataFiles(made.folder / "site"), NOW).stamp("alfa") == Stamp(MONDAY, TUESDAY, 1)


def test_git_runs_three_times_however_many_events_and_commits(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    for day in range(5):
        many = [
            ENTRIES["alfa"].replace("alfa", f"e{n}").replace("Alfa", f"E{n} {day if n % 7 == 0 else ''}")
            for n in range(60)
        ]
        repo.commit(WEDNESDAY + timedelta(days=day), events_text(*many))
    started: list[list[str]] = []

    class CountingPopen(subprocess.Popen):  # type: ignore[type-arg]  # every process, also those of run()
        def __init__(self, arguments: list[str], **options: object) -> None:
            started.append(arguments)
            super().__init__(arguments, **options)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "Popen", CountingPopen)
    history = repo.history()
    assert len(started) == 3, started
    assert history.stamp("e7") == Stamp(WEDNESDAY, WEDNESDAY + timedelta(days=4), 4)
    assert history.stamp("e8") == Stamp(WEDNESDAY, WEDNESDAY, 0)


# --- the names the feeds take from communities.yaml --------------------------------------------------

FRIDAY = MONDAY + timedelta(days=4)
COMMUNITIES = (
    "themes:\n"
    "  - id: klantreizen\n    name: Klantreizen\n    description: Over klantreizen.\n"
    "communities:\n"
    "  - id: cx\n    name: Community CX\n    contact_email: cx@example.org\n    description: Over CX.\n"
    "    members: 120\n"
    "  - id: dd\n    name: Direct Duidelijk\n    contact_email: dd@example.org\n"
)
VALID = '    end: "2026-12-20 16:00"\n    location: {{online: true}}\n    description: Uitleg.\n    communities: {}\n'
"""What makes an entry of ENTRIES one the build can read: only those are written as VEVENTs."""
ORGANISED = {
    "alfa": ENTRIES["alfa"] + VALID.format("[cx]"),
    "bravo": ENTRIES["bravo"] + VALID.format("[dd]"),
    "charlie": ENTRIES["charlie"] + VALID.format("[dd, cx]") + "    themes: [klantreizen]\n",
}


@pytest.fixture
def network(tmp_path: Path) -> Repo:
    """alfa (cx), bravo (dd) and charlie (dd and cx, theme klantreizen), added on Monday with the
    communities file."""
    made = Repo(tmp_path / "netwerk")
    made.write(COMMUNITIES, "communities.yaml")
    made.commit(MONDAY, events_text(*ORGANISED.values()))
    return made


def edit_communities(repo: Repo, old: str, new: str, when: datetime | None = None) -> None:
    text = (repo.folder / "communities.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    repo.write(text.replace(old, new), "communities.yaml")
    if when is not None:
        repo.commit(when, message="Community's bijgewerkt")


def test_a_renamed_community_changes_the_events_it_organises_at_that_commit(network: Repo) -> None:
    edit_communities(network, "name: Community CX", "name: Community Klantbeleving", TUESDAY)
    history = network.history()
    assert history.stamp("alfa") == Stamp(MONDAY, TUESDAY, 1)
    assert history.stamp("charlie") == Stamp(MONDAY, TUESDAY, 1)  # cx organises it too
    assert history.stamp("bravo") == Stamp(MONDAY, MONDAY, 0)


def test_only_what_the_feeds_write_of_a_community_counts(network: Repo) -> None:
    edit_communities(network, "description: Over CX.", "description: Alles over CX.", TUESDAY)
    edit_communities(network, "members: 120", "members: 140", WEDNESDAY)
    edit_communities(network, "description: Over klantreizen.", "description: Reizen.", THURSDAY)
    assert network.history().stamps == {e: Stamp(MONDAY, MONDAY, 0) for e in ORGANISED}
    # The address is the first community's only: cx is charlie's second.
    edit_communities(network, "cx@example.org", "klantbeleving@example.org", FRIDAY)
    history = network.history()
    assert (history.stamp("alfa"), history.stamp("charlie")) == (Stamp(MONDAY, FRIDAY, 1), Stamp(MONDAY, MONDAY, 0))


def test_a_renamed_theme_changes_the_events_with_that_theme(network: Repo) -> None:
    edit_communities(network, "name: Klantreizen", "name: Klantreizen en levensgebeurtenissen", TUESDAY)
    history = network.history()
    assert history.stamp("charlie") == Stamp(MONDAY, TUESDAY, 1)
    assert history.stamp("alfa") == history.stamp("bravo") == Stamp(MONDAY, MONDAY, 0)


def test_an_event_that_moves_to_another_community_only_counts_up(network: Repo) -> None:
    moved = ORGANISED["alfa"].replace("[cx]", "[dd]")
    network.commit(TUESDAY, events_text(moved, ORGANISED["bravo"], ORGANISED["charlie"]))
    edit_communities(network, "name: Community CX", "name: Community Klantbeleving", WEDNESDAY)
    assert network.history().stamp("alfa") == Stamp(MONDAY, TUESDAY, 1)  # no longer its community
    edit_communities(network, "name: Direct Duidelijk", "name: Netwerk Direct Duidelijk", THURSDAY)
    assert network.history().stamp("alfa") == Stamp(MONDAY, THURSDAY, 2)
    # Moved back and its new community renamed in one commit: one change.
    edit_communities(network, "name: Community Klantbeleving", "name: Community CX")
    network.commit(FRIDAY, events_text(ORGANISED["alfa"], ORGANISED["bravo"], ORGANISED["charlie"]))
    history = network.history()
    assert history.stamp("alfa") == Stamp(MONDAY, FRIDAY, 3)
    assert history.stamp("bravo") == Stamp(MONDAY, THURSDAY, 1)
    assert history.stamp("charlie") == Stamp(MONDAY, FRIDAY, 3)  # dd on Thursday, cx on Wednesday and Friday


def test_an_uncommitted_rename_uses_now_and_the_next_sequence(network: Repo) -> None:
    edit_communities(network, "name: Direct Duidelijk", "name: Netwerk Direct Duidelijk")
    history = network.history(NOW)
    assert history.stamp("bravo") == history.stamp("charlie") == Stamp(MONDAY, NOW, 1)
    assert history.stamp("alfa") == Stamp(MONDAY, MONDAY, 0)


def test_a_communities_file_that_cannot_be_read_or_is_removed_is_skipped(network: Repo) -> None:
    good = (network.folder / "communities.yaml").read_text(encoding="utf-8")
    network.write(good.replace("name: Community CX", 'name: "Community CX'), "communities.yaml")
    network.commit(TUESDAY)
    network.git("rm", "-q", "communities.yaml")
    network.commit(WEDNESDAY)
    network.write(good, "communities.yaml")
    network.commit(THURSDAY)
    assert network.history().stamps == {e: Stamp(MONDAY, MONDAY, 0) for e in ORGANISED}


def test_a_communities_file_added_after_the_events_changes_no_event(tmp_path: Path) -> None:
    """No site can be built without it, so no feed ever had an event without its names."""
    made = Repo(tmp_path / "later")
    made.commit(MONDAY, events_text(*ORGANISED.values()))
    made.write(COMMUNITIES, "communities.yaml")
    made.commit(TUESDAY, events_text(ORGANISED["alfa"].replace("Alfa", "Alfa!"), *list(ORGANISED.values())[1:]))
    history = made.history()
    assert history.stamp("alfa") == Stamp(MONDAY, TUESDAY, 1)
    assert history.stamp("bravo") == history.stamp("charlie") == Stamp(MONDAY, MONDAY, 0)
    edit_communities(made, "name: Direct Duidelijk", "name: Netwerk Direct Duidelijk", WEDNESDAY)
    assert made.history().stamp("bravo") == Stamp(MONDAY, WEDNESDAY, 1)


def test_communities_and_events_changed_in_one_commit_count_once(network: Repo) -> None:
    edit_communities(network, "name: Community CX", "name: Community Klantbeleving")
    network.commit(TUESDAY, events_text(ORGANISED["alfa"].replace("Alfa", "Alfa!"), *list(ORGANISED.values())[1:]))
    assert network.history().stamp("alfa") == Stamp(MONDAY, TUESDAY, 1)


def expected_stamps(timeline: list[tuple[datetime, str | None, str]]) -> dict[str, Stamp]:
    """The stamps as the policy states them, from each version read whole: the yardstick for the
    history that reads versions as changes, and writes again only the events that may have changed."""
    tracks: dict[str, history_module._Track] = {}
    replay = history_module._Replay(versions.EventsReader())
    for when, events, communities in timeline:
        read = {} if events is None else whole(events)
        network = versions.read_network(communities.encode("utf-8")) or replay.network
        if replay.network is None and network is not None:
            replay.network = network
            for event_id, track in tracks.items():
                version = replay.version(event_id, track)
                track.print = version.print
                history_module._keep(track, version)
        replay.network = network
        replay.reader.entries = replay.reader.entries if read is None else read
        for event_id in tracks.keys() | replay.reader.entries.keys():
            history_module._record(tracks, when, event_id, replay.version(event_id, tracks.get(event_id)))
    return {i: Stamp(tracks[i].created, tracks[i].modified, tracks[i].sequence) for i in replay.reader.entries}


@pytest.mark.parametrize("seed", range(3))
def test_a_random_history_of_both_files_gives_the_stamps_the_policy_states(tmp_path: Path, seed: int) -> None:
    chance = random.Random(seed)
    made = Repo(tmp_path / "willekeurig")
    events = [(f"e{n}", "Titel", chance.choice(["[cx]", "[dd]", "[dd, cx]"])) for n in range(8)]
    names = {"cx": "Community CX", "dd": "Direct Duidelijk", "klantreizen": "Klantreizen", "about": "Over CX."}
    versions: list[tuple[datetime, str | None, str]] = []
    when = MONDAY
    for number in range(24):
        for _ in range(chance.randrange(1, 4)):
            where = chance.randrange(len(events))
            kind = chance.random()
            if kind < 0.3:
                events[where] = (events[where][0], f"Titel {number}", events[where][2])
            elif kind < 0.45:
                events.insert(chance.randrange(len(events) + 1), events.pop(where))
            elif kind < 0.55:
                events.pop(where)
            elif kind < 0.7:
                events.insert(where, (chance.choice([f"n{number}", events[where][0]]), "Nieuw", "[dd]"))
            elif kind < 0.8:
                events[where] = (*events[where][:2], chance.choice(["[cx]", "[dd]", "[dd, cx]"]))
            else:
                key = chance.choice(list(names))
                names[key] = f"{names[key].split(' v')[0]} v{number}"
        text = events_text(
            *[
                f'  - id: {i}\n    title: {t}\n    start: "2026-12-01 14:00"\n    themes: [klantreizen]\n'
                + VALID.format(c)
                for i, t, c in events
            ]
        )
        if chance.random() < 0.05 and number < 23:  # the work tree is read as the build reads it
            text = text.replace("title: ", 'title: "', 1)  # a version that cannot be read
        communities = COMMUNITIES.replace("Community CX", names["cx"]).replace("Direct Duidelijk", names["dd"])
        communities = communities.replace("name: Klantreizen", f"name: {names['klantreizen']}")
        communities = communities.replace("Over CX.", names["about"])
        when += timedelta(hours=chance.choice([-5, 1, 2, 30]))  # now and then a clock that is behind
        made.write(communities, "communities.yaml")
        removed = chance.random() < 0.05 and (made.folder / "events.yaml").exists() and number < 23
        if removed:
            made.git("rm", "-q", "--cached", "events.yaml")
            (made.folder / "events.yaml").unlink()
        made.commit(when, None if removed else text)
        versions.append((when, None if removed else text, communities))
    history = made.history()
    assert history.stamps == expected_stamps(versions)
    assert any(stamp.sequence > 1 for stamp in history.stamps.values())


TRICKY = [
    # Items at the left margin, comments between them at any indent.
    "events:\n- id: a\n  title: A\n# tussendoor\n- id: b\n  title: B\n",
    # A block text with lines that look like list items and comments.
    "events:\n  - id: a\n    description: |\n      - geen item\n      # geen opmerking\n\n        - dieper\n"
    "  - id: b\n",
    # Flow style, an item without an id, a value that is a list of mappings.
    "events:\n  - {id: a, title: 'A, B'}\n  - title: zonder id\n  - id: c\n    location:\n      - x: 1\n",
    # A quoted text over two lines whose second line looks like an item: the cut must not believe it.
    'events:\n  - id: a\n    title: "regel een\n  - id: nep"\n  - id: b\n',
    # The same id twice: the first counts, as the loader's checks would point at the second.
    "events:\n  - id: a\n    title: eerste\n  - id: a\n    title: tweede\n",
    # Something after the list, and a document marker: read as a whole (or not at all).
    "events:\n  - id: a\nextra: 1\n",
    "---\nevents:\n  - id: a\n",
    "events: []\n",
    "events:\n",
    "# niets\n",
]


def read_alone(text: str | bytes) -> dict[str, versions.Entry] | None:
    """What a reader that has read nothing before finds in one version (None: unreadable)."""
    reader = versions.EventsReader()
    data = text.encode("utf-8") if isinstance(text, str) else text
    return reader.entries if reader.read(data) is not None else None


def whole(text: str | bytes) -> dict[str, versions.Entry] | None:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return versions._whole(versions._normalised(data))


@pytest.mark.parametrize("text", TRICKY)
def test_cutting_a_version_into_items_reads_what_the_whole_file_reads(text: str) -> None:
    assert read_alone(text) == whole(text)


def changed_entries(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    return {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}


EDGES: dict[str, tuple[str, str | bytes, set[str] | None]] = {
    "the first item": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        events_text(ENTRIES["alfa"].replace("Alfa", "Alfa!"), ENTRIES["bravo"]),
        {"alfa"},
    ),
    "the last item, without a last new line": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]).rstrip("\n"),
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]).rstrip("\n") + "0",
        {"bravo"},
    ),
    "an item added at the end": (
        events_text(ENTRIES["alfa"]),
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        {"bravo"},
    ),
    "an item that grows into the next one": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"], ENTRIES["charlie"]),
        events_text(ENTRIES["alfa"], ENTRIES["bravo"].replace("  - id: bravo", "    idee: bravo"), ENTRIES["charlie"]),
        None,  # alfa now has two keys `idee`... read as the loader reads it
    ),
    "the next item that becomes part of the one before": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        events_text(ENTRIES["alfa"] + "    notes: |\n", ENTRIES["bravo"].replace("  - ", "      - ", 1)),
        {"alfa", "bravo"},
    ),
    "a dash that stops being an item, right where the versions differ": (
        "events:\n  - id: a\n  -",
        "events:\n  - id: a\n  -x: 1\n",
        None,
    ),
    "three items edited far apart, one moved": (
        events_text(*[ENTRIES["alfa"].replace("alfa", f"e{n}") for n in range(30)]),
        events_text(
            *[
                ENTRIES["alfa"].replace("alfa", f"e{n}").replace("Alfa", "Alfa!" if n in (3, 15) else "Alfa")
                for n in range(30)
                if n != 22
            ],
            ENTRIES["alfa"].replace("alfa", "e22"),
        ),
        {"e3", "e15"},
    ),
    "CRLF line ends": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]).replace("\n", "\r\n"),
        set(),
    ),
    "a byte order mark": (
        events_text(ENTRIES["alfa"]),
        "\ufeff" + events_text(ENTRIES["alfa"]),
        set(),
    ),
    "the same version again": (events_text(ENTRIES["alfa"]), events_text(ENTRIES["alfa"]), set()),
    "a comment above the list": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        events_text(ENTRIES["alfa"], ENTRIES["bravo"], head="# Agenda\nevents:\n"),
        set(),
    ),
    "another indent": (
        events_text(ENTRIES["alfa"]),
        events_text(ENTRIES["alfa"].replace("\n  ", "\n").removeprefix("  ")),
        set(),
    ),
    "an id that occurs twice, the first one edited": (
        events_text(ENTRIES["alfa"], ENTRIES["alfa"].replace("Alfa", "Tweede")),
        events_text(ENTRIES["alfa"].replace("Alfa", "Eerste"), ENTRIES["alfa"].replace("Alfa", "Tweede")),
        {"alfa"},
    ),
    "an id that occurs twice, the first one removed": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"], ENTRIES["alfa"].replace("Alfa", "Tweede")),
        events_text(ENTRIES["bravo"], ENTRIES["alfa"].replace("Alfa", "Tweede")),
        {"alfa"},
    ),
    "a line that ends the list": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        events_text(ENTRIES["alfa"], "extra: 1\n", ENTRIES["bravo"]),
        None,
    ),
    "a byte that is not UTF-8 in an item": (
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]),
        events_text(ENTRIES["alfa"], ENTRIES["bravo"]).encode("utf-8").replace(b"Bravo", b"Br\xe9vo"),
        None,
    ),
    "a line break that YAML knows and the cut does not, above the list": (
        events_text(ENTRIES["alfa"]),
        events_text(ENTRIES["alfa"], head="# \u2028extra: 1\nevents:\n"),
        None,
    ),
}


@pytest.mark.parametrize("edge", EDGES)
def test_a_version_read_as_a_change_reads_what_the_whole_file_reads(edge: str) -> None:
    before, after, expected = EDGES[edge]
    reader = versions.EventsReader()
    assert reader.read(before.encode("utf-8")) is not None
    entries = dict(reader.entries)
    changed = reader.read(after if isinstance(after, bytes) else after.encode("utf-8"))
    if whole(after) is None:
        assert changed is None and reader.entries == entries  # unreadable: skipped
        return
    assert reader.entries == whole(after)
    assert changed is not None and changed_entries(entries, reader.entries) <= set(changed)
    if expected is not None:
        assert changed_entries(entries, reader.entries) == expected


@pytest.mark.parametrize("seed", range(5))
def test_the_shared_start_and_end_are_found_to_the_byte(seed: int) -> None:
    chance = random.Random(seed)
    for _ in range(200):
        shared = bytes(chance.choices(b"ab", k=chance.randrange(20000)))
        a = shared[: chance.randrange(len(shared) + 1)] + bytes(chance.choices(b"ab", k=chance.randrange(50)))
        b = shared + bytes(chance.choices(b"ab", k=chance.randrange(50)))
        at = chance.randrange(min(len(a), len(b)) + 1)
        expected = next((n for n, (x, y) in enumerate(zip(a[at:], b[at:], strict=False)) if x != y), None)
        assert versions._common_prefix(a, at, b, at) == (min(len(a), len(b)) - at if expected is None else expected)
        limit = chance.randrange(min(len(a), len(b)) + 1)
        ends = next((n for n, (x, y) in enumerate(zip(a[::-1], b[::-1], strict=False)) if x != y), min(len(a), len(b)))
        assert versions._common_suffix(a, b, limit) == min(ends, limit)


PIECES = [
    "  - id: {id}\n    title: A\n",
    "  - id: {id}\n    title: 'B, b'\n",
    "  - id: {id}\n    title: 'B, b' # opmerking\n",
    "  - id: {id}\n    description: |\n      - geen item\n\n      # geen opmerking\n",
    "  - {{id: {id}, title: D}}\n",
    "  - id: {id}\n    title: E\n# tussendoor\n\n",
    "  # inspringend commentaar\n",
    "\n",
    "  - id: {id}\n    title: F",  # no new line: only right at the end of a file
    "  -\n    id: {id}\n",
]
RARE = [
    "extra: 1\n",
    "  -x\n",
    "    - id: diep\n",
    '  - id: h\n    title: "twee\n  - id: nep"\n',  # a quoted text over two lines
    "  - id: {id}\n    title: een id dat er al is\n",
]
"""Lines that end the list, items that cannot be read on their own, an id twice: rare, so that most
versions are read as a change."""
SNIPPETS = ["x", "\n", "  - id: z\n", "#", "\r\n", "é", "\n  - ", "'", "-", "  ", ":"]
"""Bytes typed anywhere in a version, item boundaries or not."""


def test_reading_each_version_as_a_change_gives_what_reading_it_anew_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two thousand versions, each a random edit of the one before (whole items, or a few bytes
    anywhere): reading each as the change from the version before gives exactly the entries that
    reading it alone gives, and names every id whose entry changed."""
    chance = random.Random(20261129)
    reader = versions.EventsReader()
    as_change: list[bool] = []
    read_change = versions.EventsReader._read_change

    def counting(self: versions.EventsReader, text: bytes) -> Any:
        result = read_change(self, text)
        as_change.append(result is not None)
        return result

    monkeypatch.setattr(versions.EventsReader, "_read_change", counting)
    pieces = [PIECES[0].format(id="a"), PIECES[1].format(id="b"), PIECES[3].format(id="c")]
    for number in range(2000):
        where = chance.randrange(len(pieces) + 1)
        edit = chance.random()
        rare = chance.random() < 0.03
        piece = chance.choice(RARE if rare else PIECES).format(id=chance.choice("abc") if rare else f"e{number}")
        if edit < 0.4 and len(pieces) < 12:
            pieces.insert(where, piece)
        elif edit < 0.7 and pieces:
            pieces.pop(min(where, len(pieces) - 1))
        elif pieces:
            pieces[min(where, len(pieces) - 1)] = piece
        head = chance.choice(["events:\n"] * 8 + ["# agenda\nevents:\n", "events:  # alles\n\n"])
        text = (head + "".join(pieces)).encode("utf-8")
        if chance.random() < 0.2:  # a few bytes typed or deleted anywhere, in this version only
            place = chance.randrange(len(text) + 1)
            if chance.random() < 0.5:
                text = text[:place] + chance.choice(SNIPPETS).encode("utf-8") + text[place:]
            else:
                text = text[:place] + text[place + chance.randrange(1, 6) :]
        if chance.random() < 0.05:
            text = text.replace(b"\n", b"\r\n")
        before = dict(reader.entries)
        changed = reader.read(text)
        expected = whole(text)
        assert read_alone(text) == expected, text
        if expected is None:
            assert changed is None and reader.entries == before, text
        else:
            assert reader.entries == expected, text
            assert changed is not None and changed_entries(before, reader.entries) <= set(changed), text
    assert sum(as_change) > 800  # the test does exercise reading a version as a change


# --- the feeds of a real site in a real repository -------------------------------------------------

EPOCH = int(NOW.timestamp())
EVENT = "cx-zomertijd"
"""An event of the fixture site, edited in the tests below."""


@pytest.fixture
def site_repo(tmp_path: Path) -> Repo:
    """The fixture site (data, content pages, mkdocs.yml) committed on Monday."""
    made = Repo(tmp_path / "site")
    make_project(made.folder)
    made.commit(MONDAY, message="De proefsite")
    return made


def build_feeds(project: Path, now: datetime = NOW, **settings: Any) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The feeds and the build log's notes of `project`, with `settings` changed from its mkdocs.yml."""
    config = replace(read_settings(project / "mkdocs.yml"), **settings)
    site = build_site(config, now.astimezone(ZONE))
    return {feed.path: feed.content for feed in site.feeds}, site.notes


def feed_event(feeds: dict[str, bytes], event_id: str = EVENT) -> icalendar.Component:
    event: icalendar.Component = icalendar.Calendar.from_ical(feeds[urls.event_feed(event_id)]).walk("VEVENT")[0]
    return event


def stamps_of(event: icalendar.Component) -> tuple[datetime, datetime, datetime, int]:
    # Any: icalendar types each property as a union of its 30 value types, most without `.dt`.
    properties: Any = event
    return (
        properties["created"].dt,
        properties["last-modified"].dt,
        properties["dtstamp"].dt,
        int(properties["sequence"]),
    )


def edit_events(repo: Repo, old: str, new: str) -> None:
    path = repo.folder / "events.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_one_commit_gives_byte_identical_feeds_on_every_day_of_the_build(site_repo: Repo) -> None:
    """MkDocs' whole build (in this process, `conftest.build_mkdocs`), on two days: not one feed differs."""
    first = build_mkdocs(site_repo.folder, epoch=str(EPOCH))
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(site_repo.folder): p.read_bytes() for p in (site_repo.folder / "site").rglob("*.ics")}
    later = build_mkdocs(site_repo.folder, epoch=str(int(LATER.timestamp())))
    assert later.returncode == 0, later.stderr
    after = {p.relative_to(site_repo.folder): p.read_bytes() for p in (site_repo.folder / "site").rglob("*.ics")}
    assert before and after == before
    assert stamps_of(feed_event({urls.event_feed(EVENT): before[Path("site", urls.event_feed(EVENT))]})) == (
        MONDAY,
        MONDAY,
        MONDAY,
        0,
    )
    assert "git" not in first.stderr  # a full history: nothing to say


def test_an_edited_event_gets_a_higher_sequence_and_a_newer_last_modified(site_repo: Repo) -> None:
    before, _ = build_feeds(site_repo.folder)
    edit_events(site_repo, 'start: "2027-03-28 10:00"', 'start: "2027-03-28 09:30"')
    site_repo.commit(TUESDAY, message="Sessie begint eerder")
    after, notes = build_feeds(site_repo.folder, LATER)
    assert stamps_of(feed_event(before)) == (MONDAY, MONDAY, MONDAY, 0)
    assert stamps_of(feed_event(after)) == (MONDAY, TUESDAY, TUESDAY, 1)
    assert feed_event(after)["uid"] == feed_event(before)["uid"]
    uid = str(feed_event(before)["uid"]).encode()
    # Every feed without this event keeps its bytes, the parts of the agenda too.
    unchanged = [path for path in before if uid not in before[path]]
    assert len(unchanged) > 3 and all(after[path] == before[path] for path in unchanged)
    assert notes == ()


def test_a_renamed_community_gives_its_events_a_new_version_in_the_feeds(site_repo: Repo) -> None:
    before, _ = build_feeds(site_repo.folder)
    path = site_repo.folder / "communities.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: Community CX", "name: CX"), encoding="utf-8")
    site_repo.commit(TUESDAY, message="Community hernoemd")
    after, _ = build_feeds(site_repo.folder, LATER)
    assert stamps_of(feed_event(after)) == (MONDAY, TUESDAY, TUESDAY, 1)
    assert feed_event(after)["organizer"].params["CN"] == "CX"
    other = urls.event_feed("dd-geannuleerd")  # organised by another community
    assert after[other] == before[other]


def test_reordering_the_file_changes_no_event(site_repo: Repo) -> None:
    before, _ = build_feeds(site_repo.folder)
    path = site_repo.folder / "events.yaml"
    head, *items = path.read_text(encoding="utf-8").split("\n  - ")
    path.write_text("\n  - ".join([head.replace("# Now is", "# Opmerking: nu is"), *reversed(items)]), encoding="utf-8")
    assert "cx-terugblik" in site_repo.git("diff", "-U0")  # the entries did move
    site_repo.commit(TUESDAY, message="Andere volgorde")
    after, _ = build_feeds(site_repo.folder, LATER)
    assert after == before


def test_an_uncommitted_edit_uses_the_builds_now(site_repo: Repo) -> None:
    edit_events(site_repo, "title: Klantreizen op de dag van de zomertijd", "title: Klantreizen op zomertijddag")
    feeds, notes = build_feeds(site_repo.folder, LATER)
    assert stamps_of(feed_event(feeds)) == (MONDAY, LATER, LATER, 1)
    assert stamps_of(feed_event(feeds, "cx-terugblik")) == (MONDAY, MONDAY, MONDAY, 0)
    assert notes == ()


def test_a_shallow_clone_builds_and_says_once_that_history_is_missing(site_repo: Repo, tmp_path: Path) -> None:
    edit_events(site_repo, 'start: "2027-03-28 10:00"', 'start: "2027-03-28 09:30"')
    site_repo.commit(TUESDAY)
    clone = shallow_clone(site_repo, tmp_path / "clone")
    feeds, notes = build_feeds(clone)
    assert stamps_of(feed_event(feeds)) == (TUESDAY, TUESDAY, TUESDAY, 0)
    assert notes == (SHALLOW,)
    result = build_mkdocs(clone, epoch=str(EPOCH))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(SHALLOW) == 1


def test_without_git_the_build_uses_now_and_says_so_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "tarball")
    feeds, notes = build_feeds(project)
    assert stamps_of(feed_event(feeds)) == (NOW, NOW, NOW, 0)
    assert len(notes) == 1
    result = build_mkdocs(project, epoch=str(EPOCH))
    assert result.returncode == 0, result.stderr  # --strict: a note, not a warning
    assert result.stderr.count("geen git-geschiedenis") == 1
    assert "INFO    -  communities: Agenda-bestanden: geen git-geschiedenis van events.yaml" in result.stderr


@pytest.mark.parametrize("workflow", ["publish.yml", "pull-request.yml"])
def test_the_workflows_that_build_the_site_fetch_the_whole_history(workflow: str) -> None:
    """actions/checkout fetches one commit by default: a shallow clone, whose feeds would count every
    event as added in that commit."""
    steps = yaml.safe_load((ROOT / ".github" / "workflows" / workflow).read_text(encoding="utf-8"))["jobs"]
    checkouts = [s for job in steps.values() for s in job["steps"] if s.get("uses", "").startswith("actions/checkout")]
    assert checkouts and all(step.get("with", {}).get("fetch-depth") == 0 for step in checkouts)
