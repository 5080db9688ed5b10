"""How fast the site builds, against the floor the builders set: every goal of issue 12 as a ratio,
measured side by side in one run (the steps take turns, so that noise on a shared machine hits them
alike). Exit code 1 when a goal is missed. Absolute seconds are printed for context only.

Goals (builds of the whole site, each a `mkdocs build` in a child process):
- the plugin build at most 1.10 times plain MkDocs building the tree `python -m generator render`
  wrote from the same data (the generator's own cost);
- the plugin build at most 1.3 times plain Material on one Markdown page per community and event
  with the same text (the whole cost of the generated pages);
- linear growth: ten times the events at most 10.5 times as long; peak memory of the largest build
  reported (at most 1 GiB at 10,000 events).
Reported beside them: `mkdocs serve` and `mkdocs serve --dirty`, the seconds from saving a one-line
change in events.yaml to the rebuilt page; Zensical on the rendered tree, first build (cache cleaned)
and repeated build.

    .venv/bin/python bench/bench_build.py                # 2,000 events; growth 200 -> 2,000
    .venv/bin/python bench/bench_build.py --large        # growth 1,000 -> 10,000 as well (slow)
    .venv/bin/python bench/bench_build.py --events 500   # a quicker run
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.data.reading.files import DataFiles  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "site"
EVENTS = 2000
COMMUNITIES = 40
ROUNDS = 3
TREE_GOAL, PLAIN_GOAL, GROWTH_GOAL = 1.10, 1.3, 10.5
MEMORY_GOAL = 1024  # MiB, at 10,000 events
LARGE_SIZES = (1000, 10000)
ENV = {
    **os.environ,
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1795950000"),
    # The builds import the generator next to this file, also from a copy of the repository (e.g. one
    # `git archive` of a commit, measured while the work tree changes), not the installed one.
    "PYTHONPATH": os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]),
}


def write_data(folder: Path, count: int, first: date = date(2026, 9, 1), years: int = 0) -> DataFiles:
    """`count` events from `first`, within 300 days or spread evenly over `years` years, each organised
    by two of the `COMMUNITIES` communities in turn."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURE / "external_communities.yaml", folder / "external_communities.yaml")
    communities = write_communities(folder, COMMUNITIES)
    themes = ["klantreizen", "begrijpelijke-taal", "formulieren"]
    lines = ["events:"]
    for index in range(count):
        day = first + timedelta(days=index * 365 * years // count if years else index % 300)
        organisers = communities[index % len(communities)], communities[(index + 1) % len(communities)]
        lines += [
            f"  - id: evenement-{index}",
            f"    title: Bijeenkomst nummer {index} over dienstverlening",
            f"    communities: [{', '.join(organisers)}]",
            "    type: bijeenkomst",
            f'    start: "{day} 14:00"',
            f'    end: "{day} 16:00"',
            '    location: {venue: Stadskantoor, address: "Stadsplateau 1, Utrecht", online: true}',
            "    registration_url: https://example.org/aanmelden",
            f"    themes: [{themes[index % 3]}]",
            "    summary: Een middag om kennis te delen.",
            "    description: |",
            "      We delen **ervaringen** en werken samen aan [betere formulieren](https://example.org/).",
            "",
            "      - eerst een voorbeeld",
            "      - dan samen aan de slag",
        ]
    (folder / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return DataFiles(folder)


def write_communities(folder: Path, count: int) -> list[str]:
    """The fixture's communities and more like them up to `count`; their ids."""
    text = (FIXTURE / "communities.yaml").read_text(encoding="utf-8")
    ids = [community["id"] for community in yaml.safe_load(text)["communities"]]
    themes = ["klantreizen", "begrijpelijke-taal", "formulieren"]
    extra = [
        "".join(
            [
                f"  - id: community-{index}\n",
                f"    name: Community nummer {index}\n",
                "    summary: Kennis delen over dienstverlening.\n",
                "    description: |\n",
                f"      Wij delen kennis over **onderwerp {index}**.\n",
                "\n",
                "      - bijeenkomsten\n",
                "      - een nieuwsbrief\n",
                f"    themes: [{themes[index % 3]}]\n",
                f"    join_url: https://example.org/community-{index}/aanmelden\n",
                f"    members: {100 + index}\n",
            ]
        )
        for index in range(len(ids) + 1, count + 1)
    ]
    (folder / "communities.yaml").write_text(text.rstrip("\n") + "\n" + "".join(extra), encoding="utf-8")
    return [*ids, *(f"community-{index}" for index in range(len(ids) + 1, count + 1))]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0
    """User and system time of the child and what it waited for: on a shared machine the steadier figure."""


def run(command: list[str], cwd: Path) -> Run:
    """One child process: its wall time and its own peak memory (`wait4`, not all children so far)."""
    # The log goes to a file, not a pipe: a child that writes more than a pipe holds (the check's
    # warnings at 2,000 events) would wait for a reader forever while this process waits for it.
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        if status != 0:
            log.seek(0)
            raise SystemExit(f"{' '.join(command)} in {cwd} failed:\n{log.read().decode(errors='replace')}")
    # ru_maxrss is in KiB on Linux
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def project(folder: Path, count: int) -> Path:
    """The site's mkdocs.yml and content pages with `count` events: the plugin build's project."""
    write_data(folder, count)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "content", folder / "content", dirs_exist_ok=True)
    return folder


def rendered(folder: Path) -> Path:
    """The plugin-free tree of the same project (`python -m generator render`)."""
    tree = folder.parent / f"{folder.name}-tree"
    run([sys.executable, "-m", "generator", "render", "--out", str(tree)], folder)
    return tree


def plain(tree: Path) -> Path:
    """Plain Material: the editors' pages and one Markdown page per community and event with the text of
    the generated page (its words as paragraphs, no HTML), the same theme and search, no feeds."""
    folder = tree.parent / f"{tree.name}-plain"
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if p != "communities" and "communities" not in p]
    config["docs_dir"] = "docs"
    shutil.copytree(ROOT / "content", folder / "docs")
    # The same navigation, of the editors' pages: the pages of single items are not in it (as with the
    # plugin), or every page would list all of them.
    config["nav"] = _existing(config["nav"], folder / "docs")
    for page in [*(tree / "docs" / "communities").rglob("*.md"), *(tree / "docs" / "agenda").rglob("*.md")]:
        if page.parent.name in ("communities", "agenda", "archief"):
            continue  # list pages, not a community or an event
        _, front_matter, body = page.read_text(encoding="utf-8").split("---\n", 2)
        title = yaml.safe_load(front_matter)["title"]
        words = [" ".join(line.split()) for line in re.sub(r"<[^>]*>", "\n", body).split("\n\n")]
        target = folder / "docs" / page.relative_to(tree / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = "\n\n".join(w for w in words if w)
        target.write_text(f"---\ntitle: {title!r}\n---\n\n# {title}\n\n{text}\n", encoding="utf-8")
        config.setdefault("not_in_nav", "")
        config["not_in_nav"] += f"/{target.relative_to(folder / 'docs').as_posix()}\n"
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return folder


def _existing(nav: list[Any], docs: Path) -> list[Any]:
    """The entries of `nav` whose page is in `docs`, as a flat list."""
    kept = []
    for entry in nav:
        title, target = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(target, list):
            kept += _existing(target, docs)
        elif (docs / target).is_file():
            kept.append({title: target} if title else target)
    return kept


def mkdocs(folder: Path) -> Run:
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(folder / "mkdocs.yml")], folder)


def zensical(tree: Path, *, clean: bool) -> Run:
    return run(
        [str(Path(sys.executable).parent / "zensical"), "build", *(["--clean"] if clean else []), "-f", "mkdocs.yml"],
        tree,
    )


def side_by_side(steps: dict[str, Callable[[], Run]], rounds: int) -> dict[str, Run]:
    """Median seconds (and the largest peak memory) of each step, the steps taking turns."""
    runs: dict[str, list[Run]] = {name: [] for name in steps}
    for _ in range(rounds):
        for name, step in steps.items():
            runs[name].append(step())
    return {
        name: Run(statistics.median(r.seconds for r in done), max(r.peak_mib for r in done))
        for name, done in runs.items()
    }


def serve_seconds(folder: Path, edits: int = 3, *, dirty: bool = False) -> list[float]:
    """A real `mkdocs serve` (with `--dirty`: rebuilding only what changed): from writing a one-line
    change in events.yaml to the page showing it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    server = subprocess.Popen(command, cwd=folder, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page = f"http://127.0.0.1:{port}/agenda/evenement-7/"
    try:
        _wait_for(page, "nummer 7 ", timeout=600)  # also after the edits of an earlier serve of the same folder
        events = folder / "events.yaml"
        seconds = []
        for edit in range(edits):
            before = events.read_text(encoding="utf-8")
            old, new = re.search(r"nummer 7 (?:versie \d+ )?over", before)[0], f"nummer 7 versie {edit} over"  # type: ignore[index]
            start = time.perf_counter()
            events.write_text(before.replace(old, new), encoding="utf-8")
            _wait_for(page, new, timeout=600)
            seconds.append(time.perf_counter() - start)
            time.sleep(1)  # let the server settle before the next save
        return seconds
    finally:
        server.terminate()
        server.wait()


def _wait_for(address: str, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(address, timeout=5) as response:  # noqa: S310 (our own local server)
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{address} did not show {text!r} within {timeout:.0f} s")


def verdict(name: str, ratio: float, goal: float, detail: str) -> bool:
    met = ratio <= goal
    print(f"{name}: ratio {ratio:.2f} (goal ≤ {goal}) {'met' if met else 'MISSED'}; {detail}")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=EVENTS, help=f"events for the builds side by side ({EVENTS})")
    parser.add_argument("--rounds", type=int, default=ROUNDS, help=f"builds of each kind ({ROUNDS})")
    parser.add_argument("--large", action="store_true", help="also 1,000 against 10,000 events (slow)")
    parser.add_argument("--no-serve", action="store_true", help="skip mkdocs serve")
    parser.add_argument("--no-zensical", action="store_true", help="skip Zensical")
    arguments = parser.parse_args()
    count = arguments.events
    with tempfile.TemporaryDirectory() as scratch:
        site = project(Path(scratch) / "site", count)
        small = project(Path(scratch) / "small", count // 10)
        tree = rendered(site)
        plain_site = plain(tree)
        steps = {
            "plugin": lambda: mkdocs(site),
            "tree": lambda: mkdocs(tree),
            "plain": lambda: mkdocs(plain_site),
            "small": lambda: mkdocs(small),
        }
        if arguments.large:
            sizes = {size: project(Path(scratch) / f"events-{size}", size) for size in LARGE_SIZES}
            steps.update({f"{size}": functools.partial(mkdocs, folder) for size, folder in sizes.items()})
        if not arguments.no_zensical:
            zensical_tree = shutil.copytree(tree, Path(scratch) / "zensical-tree")
            steps["zensical first"] = lambda: zensical(zensical_tree, clean=True)
            steps["zensical again"] = lambda: zensical(zensical_tree, clean=False)
        mkdocs(small)  # warm the file cache and the byte code before timing
        medians = side_by_side(steps, arguments.rounds)
        plugin = medians["plugin"]
        print(f"{count} events, median of {arguments.rounds} builds of each kind:")
        met = [
            verdict(
                "plugin build / mkdocs on the rendered tree",
                plugin.seconds / medians["tree"].seconds,
                TREE_GOAL,
                f"{plugin.seconds:.1f} s and {medians['tree'].seconds:.1f} s",
            ),
            verdict(
                "plugin build / plain Material, one page per community and event",
                plugin.seconds / medians["plain"].seconds,
                PLAIN_GOAL,
                f"{plugin.seconds:.1f} s and {medians['plain'].seconds:.1f} s",
            ),
            verdict(
                f"growth {count // 10} -> {count} events",
                plugin.seconds / medians["small"].seconds,
                GROWTH_GOAL,
                f"{medians['small'].seconds:.1f} s and {plugin.seconds:.1f} s; "
                f"peak memory at {count}: {plugin.peak_mib:.0f} MiB",
            ),
        ]
        if arguments.large:
            low, high = (medians[f"{size}"] for size in LARGE_SIZES)
            met.append(
                verdict(
                    f"growth {LARGE_SIZES[0]} -> {LARGE_SIZES[1]} events",
                    high.seconds / low.seconds,
                    GROWTH_GOAL,
                    f"{low.seconds:.1f} s and {high.seconds:.1f} s",
                )
            )
            met.append(
                verdict(
                    f"peak memory at {LARGE_SIZES[1]} events / 1 GiB",
                    high.peak_mib / MEMORY_GOAL,
                    1.0,
                    f"{high.peak_mib:.0f} MiB",
                )
            )
        if not arguments.no_zensical:
            first, again = medians["zensical first"], medians["zensical again"]
            print(
                f"Zensical on the rendered tree: first build {first.seconds:.1f} s, repeated {again.seconds:.1f} s; "
                f"MkDocs on the same tree {medians['tree'].seconds:.1f} s, with the plugin {plugin.seconds:.1f} s"
            )
        if not arguments.no_serve:
            for dirty in (False, True):
                seconds = serve_seconds(site, dirty=dirty)
                print(
                    f"mkdocs serve{' --dirty' if dirty else ''}, {count} events: {statistics.median(seconds):.1f} s "
                    f"from saving events.yaml to the rebuilt page (each: {', '.join(f'{s:.1f}' for s in seconds)}); "
                    f"a full build: {plugin.seconds:.1f} s"
                )
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
