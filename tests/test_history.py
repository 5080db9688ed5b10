"""Git is the feeds' memory: each event's CREATED, LAST-MODIFIED and SEQUENCE come from the commits
that changed its entry, proven on real repositories made here, with commits on chosen dates."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
import yaml

from conftest import ROOT, make_project, run_mkdocs
from generator.build import build_site
from generator.catalogue import urls
from generator.data import history as history_module
from generator.data.files import DataFiles
from generator.data.history import NO_GIT, SHALLOW, History, Stamp, event_history
from generator.data.moments import ZONE
from generator.tree import read_config, site_config

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
        result = subprocess.run(["git", *arguments], cwd=self.folder, env=env, capture_output=True, text=True)
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


@pytest.mark.parametrize("text", TRICKY)
def test_cutting_a_version_into_items_reads_what_the_whole_file_reads(text: str) -> None:
    assert history_module._Reader().entries(text) == history_module._whole(text)


PIECES = [
    "  - id: a\n    title: A\n",
    "  - id: b\n    title: 'B, b'\n",
    "  - id: b\n    title: 'B, b' # opmerking\n",
    "  - id: c\n    description: |\n      - geen item\n\n      # geen opmerking\n",
    "  - {id: d, title: D}\n",
    "  - id: e\n    title: E\n# tussendoor\n\n",
    "  # inspringend commentaar\n",
    "\n",
    "  - id: f\n    title: F",  # no new line: only right at the end of a file
    "  -\n    id: g\n",
    '  - id: h\n    title: "twee\n  - id: nep"\n',  # a quoted text over two lines
]
BROKEN = ["extra: 1\n", "  -x\n", "    - id: diep\n"]
"""Lines that end the list or cannot be read: rare, so that most versions are cut into items."""


def test_cutting_from_the_version_before_gives_what_cutting_anew_gives() -> None:
    """A thousand versions, each a random edit of the one before: the cut that starts from the previous
    version's cut gives exactly the items (and entries) that a cut of the text alone gives."""
    chance = random.Random(20261129)
    reader = history_module._Reader()
    pieces = [PIECES[0], PIECES[1], PIECES[3]]
    cut_from_before = 0
    for _ in range(1000):
        where = chance.randrange(len(pieces) + 1)
        edit = chance.random()
        piece = chance.choice(BROKEN if chance.random() < 0.03 else PIECES)
        if edit < 0.4 and len(pieces) < 12:
            pieces.insert(where, piece)
        elif edit < 0.7 and pieces:
            pieces.pop(min(where, len(pieces) - 1))
        elif pieces:
            pieces[min(where, len(pieces) - 1)] = piece
        head = chance.choice(["events:\n", "# agenda\nevents:\n", "events:  # alles\n\n"])
        text = head + "".join(pieces)
        fresh = history_module._Reader()
        before = reader.previous
        cut = reader.cut(text)
        assert cut == fresh.cut(text), text
        assert reader.entries(text) == fresh.entries(text) == history_module._whole(text), text
        if cut and before and any(a is b for a in cut.pieces for b in before.pieces):
            cut_from_before += 1
    assert cut_from_before > 500  # the test does exercise the cut that starts from the version before


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


def build_feeds(project: Path, now: datetime = NOW) -> tuple[dict[str, bytes], tuple[str, ...]]:
    config_file = project / "mkdocs.yml"
    site = build_site(site_config(config_file, read_config(config_file)), now.astimezone(ZONE))
    return {feed.path: feed.content for feed in site.feeds}, site.notes


def feed_event(feeds: dict[str, bytes], event_id: str = EVENT) -> icalendar.Event:
    event: icalendar.Event = icalendar.Calendar.from_ical(feeds[urls.event_feed(event_id)]).walk("VEVENT")[0]
    return event


def stamps_of(event: icalendar.Event) -> tuple[datetime, datetime, datetime, int]:
    return (event["created"].dt, event["last-modified"].dt, event["dtstamp"].dt, int(event["sequence"]))


def edit_events(repo: Repo, old: str, new: str) -> None:
    path = repo.folder / "events.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_one_commit_gives_byte_identical_feeds_on_every_day_of_the_build(site_repo: Repo) -> None:
    """The real `mkdocs build`, on two days: not one feed differs."""
    first = run_mkdocs(site_repo.folder, epoch=str(EPOCH))
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(site_repo.folder): p.read_bytes() for p in (site_repo.folder / "site").rglob("*.ics")}
    later = run_mkdocs(site_repo.folder, epoch=str(int(LATER.timestamp())))
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
    unchanged = [path for path in before if path.startswith("agenda/") and path != urls.event_feed(EVENT)]
    assert unchanged and all(after[path] == before[path] for path in unchanged)
    assert notes == ()


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
    result = run_mkdocs(clone, epoch=str(EPOCH))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(SHALLOW) == 1


def test_without_git_the_build_uses_now_and_says_so_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "tarball")
    feeds, notes = build_feeds(project)
    assert stamps_of(feed_event(feeds)) == (NOW, NOW, NOW, 0)
    assert len(notes) == 1
    result = run_mkdocs(project, epoch=str(EPOCH))
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
