"""How reading the git history grows: a repository with N events and M commits that each move a few
events, for a small (200 × 20) and a hundred times larger (2,000 × 200) history, measured side by
side in one run, reported as a ratio.

Every commit holds a whole version of events.yaml, so reading each version whole would grow with
N × M (a ratio near 100, and minutes at 10,000 events), and so does any step that looks at every
entry of every version in Python (the ratio was about 30 while cutting and comparing did).
`stamps/history.py` reads each version as the change from the one before: what grows with N is
reading the first version's items once, what grows with M is the changed items, and only C-speed
comparing of the texts grows with N × M. So 100 times the versions' text should take about ten to
fifteen times as long; the goal is at most 20 times (`GOAL`), which leaves room for a noisy machine
and still fails for a step per entry per version. Alongside the events, communities.yaml changes
every tenth commit (a description: no event changes) and once renames the community that organises
every event (every event changes once). For scale, the time the build itself takes to read the
large events.yaml once with the strict loader is printed too. Absolute seconds are for context
only: these machines are shared and noisy.

    .venv/bin/python bench/bench_history.py [--huge]   # --huge: also 10,000 events × 500 commits, once
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data.reading import loader  # noqa: E402
from generator.data.reading.files import DataFiles  # noqa: E402
from generator.stamps import history, versions  # noqa: E402
from generator.stamps.history import event_history  # noqa: E402

SMALL, LARGE, HUGE = (200, 20), (2000, 200), (10000, 500)
GOAL = 20.0
ROUNDS = 3
FIRST_COMMIT = datetime(2020, 1, 6, 9, 0, tzinfo=UTC)


def entry(index: int, version: int) -> str:
    day = datetime(2020, 1, 1) + timedelta(days=index % 2500, weeks=version)
    return "".join(
        [
            f"  - id: evenement-{index}\n",
            f"    title: Bijeenkomst nummer {index} over dienstverlening\n",
            "    communities: [community-cx, netwerk-direct-duidelijk]\n",
            "    type: bijeenkomst\n",
            f'    start: "{day:%Y-%m-%d} 14:00"\n',
            f'    end: "{day:%Y-%m-%d} 16:00"\n',
            '    location: {venue: Stadskantoor, address: "Stadsplateau 1, Utrecht", online: true}\n',
            "    registration_url: https://example.org/aanmelden\n",
            "    themes: [klantreizen]\n",
            "    summary: Een middag om kennis te delen.\n",
            "    description: |\n",
            "      We delen **ervaringen** en werken samen aan [betere formulieren](https://example.org/).\n",
            "\n",
            "      - eerst een voorbeeld\n",
            "      - dan samen aan de slag\n",
        ]
    )


def communities(version: int, renamed: bool) -> str:
    name = "Community Klantbeleving" if renamed else "Community CX"
    return "".join(
        [
            "themes:\n  - id: klantreizen\n    name: Klantreizen\n",
            f"communities:\n  - id: community-cx\n    name: {name}\n    description: Versie {version}.\n",
            "  - id: netwerk-direct-duidelijk\n    name: Netwerk Direct Duidelijk\n",
        ]
    )


def make_repository(folder: Path, events: int, commits: int) -> DataFiles:
    """`events` events in the first commit; every later commit moves three of them. communities.yaml
    changes every tenth commit, and halfway the community of every event gets another name.

    Written with `git fast-import`, one process for the whole history, so that making the large
    repository takes seconds and not minutes."""
    folder.mkdir(parents=True)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True, env=env)
    versions = [0] * events
    stream: list[bytes] = []
    for number in range(commits):
        if number:
            for moved in (number * 7 % events, number * 13 % events, number * 31 % events):
                versions[moved] += 1
        text = ("events:\n" + "".join(entry(i, versions[i]) for i in range(events))).encode("utf-8")
        when = int((FIRST_COMMIT + timedelta(days=number)).timestamp())
        message = f"Agenda {number}".encode()
        stream += [
            b"commit refs/heads/main\n",
            f"committer Redactie <redactie@example.org> {when} +0000\n".encode(),
            b"data %d\n%s\n" % (len(message), message),
            b"M 100644 inline events.yaml\n",
            b"data %d\n%s\n" % (len(text), text),
        ]
        if number % 10 == 0 or number == commits // 2:
            names = communities(number, renamed=number >= commits // 2).encode("utf-8")
            stream += [b"M 100644 inline communities.yaml\n", b"data %d\n%s\n" % (len(names), names)]
    subprocess.run(["git", "fast-import", "--quiet"], cwd=folder, input=b"".join(stream), check=True, env=env)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=folder, check=True, env=env)
    return DataFiles(folder)


def read_history(files: DataFiles, *, warm: bool = False) -> None:
    """One build's history: cold, as in CI, unless `warm` (a rebuild in `mkdocs serve` keeps what it read:
    the items read, the entries checked and the VEVENTs written)."""
    if not warm:
        versions.ITEMS.clear()
        versions.MODELS.clear()
        history.PRINTS.clear()
    result = event_history(files, datetime.now(UTC))
    assert not result.notes, result.notes
    assert all(stamp.sequence for stamp in result.stamps.values())  # the renamed community changed every event


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--huge", action="store_true", help="also time 10,000 events × 500 commits, once")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        small = make_repository(Path(scratch) / "small", *SMALL)
        large = make_repository(Path(scratch) / "large", *LARGE)
        times: dict[str, list[float]] = {"small": [], "large": []}
        for _ in range(ROUNDS):
            for label, files in (("small", small), ("large", large)):
                start = time.perf_counter()
                read_history(files)
                times[label].append(time.perf_counter() - start)
        fast, slow = statistics.median(times["small"]), statistics.median(times["large"])
        start = time.perf_counter()
        loader.load(large.root / large.events, large.events)
        once = time.perf_counter() - start
        start = time.perf_counter()
        read_history(large, warm=True)
        warm = time.perf_counter() - start
        ratio = slow / fast
        print(
            f"history, {SMALL[0]} events × {SMALL[1]} commits vs {LARGE[0]} × {LARGE[1]}: ratio {ratio:.1f} "
            f"(goal ≤ {GOAL}); medians {fast * 1000:.0f} ms and {slow * 1000:.0f} ms; "
            f"the build reads the large events.yaml once in {once * 1000:.0f} ms; "
            f"a rebuild in mkdocs serve takes {warm * 1000:.0f} ms"
        )
        if arguments.huge:
            huge = make_repository(Path(scratch) / "huge", *HUGE)
            start = time.perf_counter()
            read_history(huge)
            print(f"history, {HUGE[0]} events × {HUGE[1]} commits: {time.perf_counter() - start:.1f} s")
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
