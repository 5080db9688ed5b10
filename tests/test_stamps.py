"""Stamps that follow the bytes (issue 22): whatever changes an event's VEVENT raises its SEQUENCE, a
deleted upcoming event stays as cancelled, a build without the whole history is not published from
CI, and a floor from the previous publication keeps stamps from going down. Proven on real
repositories made here (the helpers of test_history.py), and over random histories."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import random
import re
import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_history import (
    EPOCH,
    EVENT,
    LATER,
    MONDAY,
    NOW,
    THURSDAY,
    TUESDAY,
    WEDNESDAY,
    Repo,
    build_feeds,
    clean_git_environment,
    edit_events,
    shallow_clone,
    site_repo,
)

from conftest import ROOT, build_mkdocs, make_project
from generator.build import build_site
from generator.catalogue import urls
from generator.data.contract.moments import ZONE
from generator.data.wording.problems import DataError
from generator.ical import vevent as vevents
from generator.settings import read_settings
from generator.stamps import history as history_module
from generator.stamps.floor import UNREADABLE, parse_floor

__all__ = ["clean_git_environment", "site_repo"]  # the fixtures of test_history.py, used here too

SITE_EMAIL = "communities@gebruikercentraal.nl"


build = build_feeds


class Seen:
    """One VEVENT as a feed has it: its stamps and the rest of its bytes."""

    def __init__(self, vevent: bytes) -> None:
        fields = dict(re.findall(rb"^(UID|SEQUENCE|LAST-MODIFIED|DTSTAMP|STATUS):(.*?)\r$", vevent, re.M))
        self.uid = fields[b"UID"].decode()
        self.sequence = int(fields[b"SEQUENCE"])
        self.modified = fields[b"LAST-MODIFIED"].decode()
        self.stamp = fields[b"DTSTAMP"].decode()
        self.cancelled = fields[b"STATUS"] == b"CANCELLED"
        self.rest = vevents.restamped(vevent)


def events_in(feeds: dict[str, bytes]) -> dict[str, Seen]:
    """Every event by UID, from the single-event files (each event, and each kept as cancelled)."""
    found = {}
    for path, content in feeds.items():
        if re.fullmatch(rf"{urls.EVENT_FOLDER}[^/]+\.ics", path):
            seen = Seen(re.search(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", content, re.S).group())  # type: ignore[union-attr]
            found[seen.uid] = seen
    return found


def assert_stamps_follow_the_bytes(before: dict[str, bytes], after: dict[str, bytes]) -> tuple[int, int]:
    """The invariant between two builds: an event whose VEVENT changed (stamps aside) has a higher
    SEQUENCE and a LAST-MODIFIED no earlier; no SEQUENCE goes down and no stamp goes back; the same
    VEVENT in every feed it is in. Returns (changed, unchanged)."""
    old, new = events_in(before), events_in(after)
    for feeds in (before, after):
        pieces = [
            m.group()
            for content in feeds.values()
            for m in re.finditer(rb"BEGIN:VEVENT\r\n.*?END:VEVENT\r\n", content, re.S)
        ]
        by_uid: dict[str, set[bytes]] = {}
        for piece in pieces:
            by_uid.setdefault(Seen(piece).uid, set()).add(piece)
        assert all(len(copies) == 1 for copies in by_uid.values()), "an event differs between feeds"
    changed = unchanged = 0
    for uid in old.keys() & new.keys():
        was, now = old[uid], new[uid]
        assert now.sequence >= was.sequence, uid
        assert now.modified >= was.modified and now.stamp >= was.stamp, uid
        if now.rest != was.rest:
            assert now.sequence > was.sequence, uid
            changed += 1
        else:
            assert (now.sequence, now.modified) == (was.sequence, was.modified), uid
            unchanged += 1
    return changed, unchanged


def commit_settings(repo: Repo, old: str, new: str, when: datetime) -> None:
    path = repo.folder / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    repo.commit(when, message="Instellingen")


# --- 1. stamps follow the bytes --------------------------------------------------------------------


def test_a_settings_change_raises_the_stamps_of_exactly_the_events_it_changes(site_repo: Repo) -> None:
    before, _ = build(site_repo.folder)
    commit_settings(site_repo, f"contact_email: {SITE_EMAIL}", "contact_email: agenda@gebruikercentraal.nl", TUESDAY)
    after, notes = build(site_repo.folder, LATER)
    changed, unchanged = assert_stamps_follow_the_bytes(before, after)
    assert changed >= 3 and unchanged >= 1  # the events of community-cx have an address of their own
    for seen in events_in(after).values():
        was = events_in(before)[seen.uid]
        if seen.rest != was.rest:
            assert (seen.sequence, seen.modified) == (was.sequence + 1, f"{TUESDAY:%Y%m%dT%H%M%SZ}")
            assert b"agenda@gebruikercentraal.nl" in seen.rest.replace(b"\r\n ", b"")  # unfolded
    assert notes == ()
    # The next build, a day later: nothing moves.
    assert build(site_repo.folder, LATER + timedelta(days=1))[0] == after


def test_a_settings_change_not_committed_yet_counts_as_now(site_repo: Repo) -> None:
    before, _ = build(site_repo.folder)
    after, _ = build(site_repo.folder, LATER, contact_email="ander@example.org")
    changed, _ = assert_stamps_follow_the_bytes(before, after)
    assert changed >= 3
    assert {s.modified for s in events_in(after).values() if b"ander@example.org" in s.rest.replace(b"\r\n ", b"")} == {
        f"{LATER:%Y%m%dT%H%M%SZ}"
    }


def test_another_site_url_is_another_site_and_the_log_says_so(site_repo: Repo) -> None:
    before, _ = build(site_repo.folder)
    commit_settings(
        site_repo, "site_url: https://communities.gebruikercentraal.nl/", "site_url: https://example.org", TUESDAY
    )
    after, notes = build(site_repo.folder, LATER)
    assert not events_in(before).keys() & events_in(after).keys()  # every UID is new
    assert notes == (
        history_module.OTHER_SITE.format(old="https://communities.gebruikercentraal.nl/", new="https://example.org/"),
    )
    assert "opnieuw abonneren" in notes[0]
    edit_events(site_repo, 'start: "2027-03-28 10:00"', 'start: "2027-03-28 09:30"')
    site_repo.commit(WEDNESDAY, message="Iets anders")  # said until the next change
    assert build(site_repo.folder, LATER)[1] == ()


POLICY_PRINTS = {1: "e9c5ec940cf3f1c2"}
"""FEED_POLICY → a digest of every VEVENT of the fixture site, stamps aside. When the generator
writes other bytes for the same data, this test fails until FEED_POLICY is raised (with its
release moment in POLICY_RELEASES and a CHANGELOG line) and its digest added here."""


def fixture_prints() -> str:
    project = make_project(Path(tempfile.mkdtemp(prefix="policy-")))
    try:
        config = read_settings(project / "mkdocs.yml")
        network = build_site(config, NOW.astimezone(ZONE)).network
        written = vevents.unstamped_events(network, config.feed_settings)
    finally:
        shutil.rmtree(project, ignore_errors=True)
    return hashlib.sha256(b"".join(written[key] for key in sorted(written))).hexdigest()[:16]


def test_what_the_feeds_write_changes_only_with_a_new_feed_policy() -> None:
    assert fixture_prints() == POLICY_PRINTS[vevents.FEED_POLICY], (
        "The VEVENTs differ for the same data: raise FEED_POLICY in generator/ical/vevent.py, add the "
        "release's moment to POLICY_RELEASES and a line to CHANGELOG.md, and add the digest here."
    )
    assert set(vevents.POLICY_RELEASES) == set(range(2, vevents.FEED_POLICY + 1))
    changelog = (ROOT / "generator" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert all(f"FEED_POLICY {n}" in changelog for n in vevents.POLICY_RELEASES)


def test_a_release_with_a_new_feed_policy_gives_every_event_a_new_version(
    site_repo: Repo, monkeypatch: pytest.MonkeyPatch
) -> None:
    before, _ = build(site_repo.folder)
    monkeypatch.setattr(history_module, "POLICY_RELEASES", {2: WEDNESDAY})
    assert (
        build(site_repo.folder, MONDAY + timedelta(hours=1))[0]
        == build(site_repo.folder, MONDAY + timedelta(hours=1))[0]
    )
    after, _ = build(site_repo.folder, LATER)
    for uid, seen in events_in(after).items():
        assert (seen.sequence, seen.modified) == (events_in(before)[uid].sequence + 1, f"{WEDNESDAY:%Y%m%dT%H%M%SZ}")


# --- 2. a deleted upcoming event stays, cancelled -----------------------------------------------


def delete_entry(repo: Repo, event_id: str) -> str:
    path = repo.folder / "events.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {event_id}\n")
    end = text.find("\n  - id:", start + 1) + 1 or len(text)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    return text


def test_a_deleted_upcoming_event_stays_cancelled_with_a_higher_sequence_until_its_end(site_repo: Repo) -> None:
    before, _ = build(site_repo.folder)
    delete_entry(site_repo, EVENT)
    site_repo.commit(TUESDAY, message="Weg")
    after, _ = build(site_repo.folder, LATER)
    assert_stamps_follow_the_bytes(before, after)
    uid = f"{EVENT}@communities.gebruikercentraal.nl"
    kept = events_in(after)[uid]
    assert kept.cancelled and (kept.sequence, kept.modified) == (1, f"{TUESDAY:%Y%m%dT%H%M%SZ}")
    holding = {path for path, content in after.items() if uid.encode() in content}
    assert holding == {path for path, content in before.items() if uid.encode() in content}  # every feed it was in
    assert urls.event_feed(EVENT) in holding
    # After its end it is gone, from every feed.
    ended, _ = build(site_repo.folder, datetime(2027, 3, 28, 12, 0, tzinfo=UTC))
    assert not any(uid.encode() in content for content in ended.values())


def test_an_id_renamed_away_keeps_the_old_one_cancelled_and_adds_the_new_one(site_repo: Repo) -> None:
    edit_events(site_repo, f"id: {EVENT}\n", "id: cx-zomertijd-2027\n")
    site_repo.commit(TUESDAY)
    after = events_in(build(site_repo.folder, LATER)[0])
    assert after[f"{EVENT}@communities.gebruikercentraal.nl"].cancelled
    assert not after["cx-zomertijd-2027@communities.gebruikercentraal.nl"].cancelled


def test_a_deletion_not_committed_yet_is_cancelled_at_now(site_repo: Repo) -> None:
    delete_entry(site_repo, EVENT)
    kept = events_in(build(site_repo.folder, LATER)[0])[f"{EVENT}@communities.gebruikercentraal.nl"]
    assert kept.cancelled and (kept.sequence, kept.modified) == (1, f"{LATER:%Y%m%dT%H%M%SZ}")


def test_check_base_warns_at_a_changed_line_when_an_upcoming_event_is_deleted(site_repo: Repo, cli: Any) -> None:
    delete_entry(site_repo, EVENT)
    delete_entry(site_repo, "cx-terugblik")  # over already: no warning
    current = (site_repo.folder / "events.yaml").read_text(encoding="utf-8")
    line = current[: current.index("  - id: dd-geannuleerd\n")].count("\n") + 1  # where the deleted lines were
    result = cli("check", "--root", str(site_repo.folder), "--base", "HEAD", SOURCE_DATE_EPOCH=str(EPOCH))
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "weggehaald (of de id is veranderd)" in line]
    assert len(warned) == 1 and f"`{EVENT}`" in warned[0] and "status: cancelled" in warned[0], result.stderr
    assert warned[0].startswith(f"events.yaml:{line}:1: waarschuwing: ")


# --- 4. no publishing without the whole history ---------------------------------------------------


def test_a_strict_build_in_ci_refuses_a_shallow_clone_and_names_fetch_depth(
    site_repo: Repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Any
) -> None:
    edit_events(site_repo, 'start: "2027-03-28 10:00"', 'start: "2027-03-28 09:30"')
    site_repo.commit(TUESDAY)
    clone = shallow_clone(site_repo, tmp_path / "clone")
    with pytest.raises(DataError) as refused:
        build_site(read_settings(clone / "mkdocs.yml"), NOW, require_history=True)
    assert [problem.key for problem in refused.value.problems] == ["history_incomplete"]
    # MkDocs with the plugin, as `mkdocs build --strict` in CI: it stops, and says how to fix it.
    monkeypatch.setenv("CI", "true")
    result = build_mkdocs(clone, epoch=str(EPOCH), require_history=None)
    assert result.returncode == 1 and "fetch-depth: 0" in result.stderr and "afgekapt" in result.stderr
    # The Zensical path, `render --strict`, the same.
    rendered = cli("render", "--strict", "--config", str(clone / "mkdocs.yml"), "--out", str(tmp_path / "uit"))
    assert rendered.returncode == 1 and "fetch-depth: 0" in rendered.stderr
    # Without --strict, or outside CI: it builds, and says clearly not to publish it.
    monkeypatch.delenv("CI")
    local = cli("render", "--strict", "--config", str(clone / "mkdocs.yml"), "--out", str(tmp_path / "lokaal"))
    assert local.returncode == 0 and "waarschuwing: publiceer deze bouw niet" in local.stderr
    # A full clone in CI builds.
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert build_mkdocs(site_repo.folder, epoch=str(EPOCH), require_history=None).returncode == 0


def test_a_strict_build_in_ci_refuses_a_folder_without_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "zip")
    monkeypatch.setenv("CI", "1")
    result = build_mkdocs(project, epoch=str(EPOCH), require_history=None)
    assert result.returncode == 1 and "geen git-geschiedenis" in result.stderr and "fetch-depth: 0" in result.stderr


@pytest.mark.parametrize(
    "workflow",
    [
        ROOT / ".github" / "workflows" / "publish.yml",
        ROOT / ".github" / "workflows" / "pull-request.yml",
        ROOT / "generator" / "starter" / "files" / "dot-github" / "workflows" / "publiceren.yml",
        ROOT / "generator" / "starter" / "files" / "dot-github" / "workflows" / "controle.yml",
    ],
    ids=lambda path: path.name,
)
def test_every_workflow_that_builds_fetches_the_whole_history(workflow: Path) -> None:
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
    for job in jobs.values():
        steps = job["steps"]
        builds = [s for s in steps if re.search(r"make site|mkdocs build", s.get("run", ""))]
        checkouts = [s for s in steps if s.get("uses", "").startswith("actions/checkout")]
        assert not builds or [s.get("with", {}).get("fetch-depth") for s in checkouts] == [0]


def test_publishing_passes_the_live_site_as_the_floor() -> None:
    ours = (ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8")
    assert "PUBLISHED=https://communities.gebruikercentraal.nl/" in ours
    starter = (ROOT / "generator" / "starter" / "files" / "dot-github" / "workflows" / "publiceren.yml").read_text()
    assert "GEPUBLICEERD: ${{ steps.pages.outputs.base_url }}" in starter
    assert "published: !ENV [GEPUBLICEERD" in (ROOT / "generator" / "starter" / "files" / "mkdocs.yml").read_text()


# --- 5. a floor from what was published ------------------------------------------------------------


def publish(feeds: dict[str, bytes], folder: Path) -> Path:
    for path, content in feeds.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(content)
    return folder


def squashed(repo: Repo, target: Path, when: datetime) -> Repo:
    """Main's history rewritten: one commit with today's files (a squash and force-push)."""
    made = Repo(target)
    shutil.copytree(repo.folder, made.folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".git"))
    made.commit(when, message="Alles in één")
    return made


@pytest.fixture
def edited_twice(site_repo: Repo) -> Repo:
    edit_events(site_repo, 'start: "2027-03-28 10:00"', 'start: "2027-03-28 09:30"')
    site_repo.commit(TUESDAY)
    edit_events(site_repo, 'start: "2027-03-28 09:30"', 'start: "2027-03-28 09:00"')
    site_repo.commit(WEDNESDAY)
    return site_repo


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No line per request in the test's output."""


@pytest.fixture
def http_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served by a web server on this computer, as the live site would be."""
    folder = tmp_path / "live"
    folder.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("source", ["folder", "http"])
def test_a_rewritten_history_cannot_lower_a_published_stamp(
    edited_twice: Repo, tmp_path: Path, http_folder: tuple[Path, str], source: str
) -> None:
    published, _ = build(edited_twice.folder)
    folder, address = http_folder
    publish(published, folder)
    rewritten = squashed(edited_twice, tmp_path / "herschreven", THURSDAY)
    without, _ = build(rewritten.folder, LATER)
    assert events_in(without)[f"{EVENT}@communities.gebruikercentraal.nl"].sequence == 0  # what the floor prevents
    after, notes = build(rewritten.folder, LATER, published=str(folder) if source == "folder" else address)
    assert notes == ()
    assert_stamps_follow_the_bytes(published, after)
    seen = events_in(after)[f"{EVENT}@communities.gebruikercentraal.nl"]
    assert (seen.sequence, seen.modified) == (2, f"{WEDNESDAY:%Y%m%dT%H%M%SZ}")
    # An edit after the rewrite goes above what was published.
    edit_events(rewritten, 'start: "2027-03-28 09:00"', 'start: "2027-03-28 08:30"')
    rewritten.commit(THURSDAY + timedelta(hours=1))
    again, _ = build(rewritten.folder, LATER, published=str(folder))
    assert_stamps_follow_the_bytes(published, again)
    assert events_in(again)[f"{EVENT}@communities.gebruikercentraal.nl"].sequence == 3


def test_the_floor_raises_an_event_published_with_other_bytes(site_repo: Repo, tmp_path: Path) -> None:
    """A release that changed the feeds without a new FEED_POLICY, or a setting that changed outside git:
    the published bytes differ from the new ones, so the SEQUENCE goes above the published one."""
    published, _ = build(site_repo.folder)
    folder = publish(
        {p: c.replace(b"Een sessie op de dag", b"Een oude sessie") for p, c in published.items()}, tmp_path / "oud"
    )
    after, _ = build(site_repo.folder, LATER, published=str(folder))
    seen = events_in(after)[f"{EVENT}@communities.gebruikercentraal.nl"]
    assert seen.sequence == 1
    assert events_in(after)["cx-terugblik@communities.gebruikercentraal.nl"].sequence == 0


def test_a_floor_that_cannot_be_read_is_named_and_the_build_goes_on(site_repo: Repo, tmp_path: Path) -> None:
    feeds, notes = build(site_repo.folder, published=str(tmp_path / "bestaat-niet"))
    assert len(notes) == 1 and notes[0].startswith(UNREADABLE.split("(", 1)[0])
    assert feeds == build(site_repo.folder)[0]


def test_the_floor_reads_only_what_it_understands() -> None:
    calendar = (
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nSEQUENCE:4\r\nDTSTAMP:20261101T100000Z\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:b@x\r\nDTSTAMP:geen datum\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    found = parse_floor([calendar, calendar.replace(b"SEQUENCE:4", b"SEQUENCE:2")])
    assert list(found) == ["a@x"] and found["a@x"].stamp.sequence == 4


# --- 7. the invariant over random histories ----------------------------------------------------------

HISTORIES = int(os.environ.get("STAMP_HISTORIES", "3"))
"""How many random histories; more with STAMP_HISTORIES=50 (each takes a few seconds)."""
STEPS = int(os.environ.get("STAMP_STEPS", "7"))

COMMUNITIES = """\
themes:
  - id: klantreizen
    name: Klantreizen
communities:
  - id: cx
    name: Community CX
    summary: Over klantbeleving.
    description: Een community over klantbeleving.
    join_url: https://example.org/cx
    themes: [klantreizen]
  - id: dd
    name: Direct Duidelijk
    summary: Over duidelijke taal.
    description: Een community over duidelijke taal.
    join_url: https://example.org/dd
    contact_email: dd@example.org
"""


def random_event(chance: random.Random, event_id: str) -> dict[str, Any]:
    day = datetime(2027, 1, 4) + timedelta(days=chance.randrange(0, 120))
    return {
        "id": event_id,
        "title": chance.choice(["Kennissessie", "Schrijfcafé", "Klantreis in kaart"]),
        "communities": chance.choice([["cx"], ["dd"], ["dd", "cx"]]),
        "start": f"{day:%Y-%m-%d} 14:00",
        "end": f"{day:%Y-%m-%d} 16:00",
        "location": {"online": True},
        "themes": chance.choice([[], ["klantreizen"]]),
        "description": chance.choice(["Samen leren.", "Met voorbeelden."]),
    }


class RandomSite:
    """A small site in a git repository, changed at random as editors and maintainers do."""

    def __init__(self, folder: Path, chance: random.Random) -> None:
        self.chance = chance
        self.repo = Repo(folder)
        make_project(folder)
        (folder / "external_communities.yaml").write_text("external_communities: []\n", encoding="utf-8")
        self.events = [random_event(chance, f"e{n}") for n in range(5)]
        self.names = {"cx": "Community CX", "dd": "Direct Duidelijk"}
        self.email = SITE_EMAIL
        self.when = MONDAY
        self.count = 0
        self.write()
        self.commit()

    def write(self) -> None:
        folder = self.repo.folder
        (folder / "events.yaml").write_text(
            yaml.safe_dump({"events": self.events}, allow_unicode=True, sort_keys=False)
        )
        text = COMMUNITIES.replace("Community CX", self.names["cx"]).replace("Direct Duidelijk", self.names["dd"])
        (folder / "communities.yaml").write_text(text, encoding="utf-8")
        settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        (folder / "mkdocs.yml").write_text(
            settings.replace(f"contact_email: {SITE_EMAIL}", f"contact_email: {self.email}")
        )

    def commit(self, message: str = "Bijgewerkt") -> None:
        self.when += timedelta(hours=self.chance.choice([1, 5, 30]))
        self.repo.commit(self.when, message=message)

    def read(self) -> None:
        """The data as the last commit has it (after a revert or a merge)."""
        folder = self.repo.folder
        self.events = yaml.safe_load((folder / "events.yaml").read_text(encoding="utf-8"))["events"]

    def edit(self) -> str:
        chance, events = self.chance, self.events
        kind = chance.choice(
            ["field", "field", "move", "delete", "add", "rename", "names", "settings", "revert", "merge"]
        )
        if kind == "field" and events:
            event = chance.choice(events)
            key = chance.choice(["title", "description", "start"])
            event[key] = event[key].replace("14:00", "13:30") if key == "start" else f"{event[key]} (nieuw)"
        elif kind == "move" and len(events) > 1:
            events.insert(chance.randrange(len(events)), events.pop(chance.randrange(len(events))))
        elif kind == "delete" and events:
            events.pop(chance.randrange(len(events)))
        elif kind == "add":
            self.count += 1
            events.insert(chance.randrange(len(events) + 1), random_event(chance, f"n{self.count}"))
        elif kind == "rename" and events:
            self.count += 1
            chance.choice(events)["id"] = f"r{self.count}"
        elif kind == "names":
            key = chance.choice(list(self.names))
            self.names[key] = f"{self.names[key]} {chance.randrange(9)}"
        elif kind == "settings":
            self.email = chance.choice([SITE_EMAIL, "agenda@example.org", "info@example.org"])
        elif kind == "revert" and self.repo.git("rev-list", "--count", "HEAD").strip() != "1":
            merge = len(self.repo.git("rev-list", "--parents", "-n1", "HEAD").split()) > 2
            self.when += timedelta(hours=1)
            self.repo.git("revert", "--no-edit", *(["-m", "1"] if merge else []), "HEAD", when=self.when)
            self.read()
            return kind
        elif kind == "merge":
            self.repo.git("switch", "-q", "-c", f"pr{self.count}")
            self.count += 1
            events.insert(0, random_event(chance, f"m{self.count}"))
            if len(events) > 1:
                events[1]["title"] = f"{events[1]['title']} (pr)"
            self.write()
            self.commit("In de pull request")
            self.repo.git("switch", "-q", "main")
            self.when += timedelta(hours=1)
            self.repo.git("merge", "-q", "--no-ff", "-m", "Merge", f"pr{self.count - 1}", when=self.when)
            self.read()
            return kind
        self.write()
        self.commit(kind)
        return kind


@pytest.mark.parametrize("seed", range(HISTORIES))
def test_stamps_follow_the_bytes_over_a_random_history(tmp_path: Path, seed: int) -> None:
    chance = random.Random(seed)
    site = RandomSite(tmp_path / "willekeurig", chance)
    now = NOW
    before, _ = build(site.repo.folder, now)
    kinds: list[str] = []
    for _ in range(STEPS):
        kinds.append(site.edit())
        now = max(now, site.when) + timedelta(hours=1)
        after, _ = build(site.repo.folder, now)
        assert_stamps_follow_the_bytes(before, after)
        old, new = events_in(before), events_in(after)
        for uid in old.keys() - new.keys():  # a deleted event leaves only when its end has passed
            event_id = uid.split("@")[0]
            start = re.search(rb"DTEND;TZID=Europe/Amsterdam:(\d{8}T\d{6})", before[urls.event_feed(event_id)])
            assert start is not None
            assert datetime.strptime(start.group(1).decode(), "%Y%m%dT%H%M%S").replace(tzinfo=ZONE) <= now, uid
        for uid in new.keys() - {f"{e['id']}@communities.gebruikercentraal.nl" for e in site.events}:
            assert new[uid].cancelled, uid
        before = after
    assert kinds
