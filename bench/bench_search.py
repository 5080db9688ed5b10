"""What one search costs a visitor, and what the search index and our step cost the build: the goals
of issue 20 as figures from one run. Exit code 1 when a goal is missed.

For each size (2,000 events; with `--large` also 10,000), the site is built as `make site` builds it
with each builder, and beside it the same builder on the tree `python -m generator render` wrote,
without our step (no check, no plugin, no search index):
- bytes: in Chromium, open one event page, press "Zoeken", type a word of an event's title, and wait
  for the results; every byte the page and the search loaded (the whole transfer, headers included).
  Goal: at most 1 MB at each size.
- the search index: seconds of Pagefind against the builder's own build (context, no goal).
- `make site` against the same builder on the rendered tree: goal at most 1.3 times.
The steps take turns, ROUNDS times, and the median counts, so that noise on a shared machine hits them
alike. The ratios are of CPU time (user + system of the processes): a step that waits for a core on a
busy machine costs no more for it. Wall time is printed beside it, and absolute seconds for context.

    .venv/bin/python bench/bench_search.py              # 2,000 events
    .venv/bin/python bench/bench_search.py --large      # 2,000 and 10,000 events (slow)
    .venv/bin/python bench/bench_search.py --events 300 # a quick run
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_build import ROOT, Run, project, rendered, run

sys.path.insert(0, str(ROOT / "tests"))

from browser_harness import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import sync_playwright

BYTES_GOAL = 1_000_000
RATIO_GOAL = 1.3
ROUNDS = 3
ZENSICAL = Path(sys.executable).with_name("zensical")
TERM = "Bijeenkomst"  # in the title of every event the bench writes (bench_build.write_data)


def zensical_site(folder: Path) -> list[Run]:
    """`make site` (Zensical, the default): check, render, build, index, as the Makefile does."""
    tree = folder.parent / f"{folder.name}-zensical"
    shutil.rmtree(tree, ignore_errors=True)
    return [
        run([sys.executable, "-m", "generator", "check"], folder),
        run([sys.executable, "-m", "generator", "render", "--out", str(tree)], folder),
        run([str(ZENSICAL), "build", "--strict", "-f", str(tree / "mkdocs.yml")], folder),
        run([sys.executable, "-m", "generator", "index", str(tree / "site")], folder),
    ]


def mkdocs_site(folder: Path) -> list[Run]:
    """`make site BUILDER=mkdocs`: check, then the plugin build, which indexes the site at its end."""
    return [
        run([sys.executable, "-m", "generator", "check"], folder),
        run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(folder / "mkdocs.yml")], folder),
    ]


def timed(step: Callable[[], list[Run]]) -> tuple[float, float]:
    """Wall seconds of the step, and the CPU seconds of its processes. The ratios use CPU time: on a
    machine that others share, a step that waits for a core counts no more than one that gets it."""
    start = time.perf_counter()
    runs = step()
    return time.perf_counter() - start, sum(done.cpu_seconds for done in runs)


def one_search(site: Path, event_path: str) -> tuple[int, dict[str, int]]:
    """The bytes a visitor's browser loads for one event page plus one search, in all and per kind."""
    sizes: dict[str, int] = {}

    def count(request: Any) -> None:
        measured = request.sizes()
        path = request.url.split("?")[0]
        kind = "pagefind" if "/pagefind/" in path else "page"
        sizes[kind] = sizes.get(kind, 0) + measured["responseBodySize"] + measured["responseHeadersSize"]

    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.on("requestfinished", count)
        page.goto(base + event_path, wait_until="load")
        page.click(".site-search-button")
        page.fill("#site-search-field", TERM)
        page.wait_for_selector(".site-search__results a.site-search__link", timeout=60_000)
        page.wait_for_load_state("networkidle")
        browser.close()
    return sum(sizes.values()), sizes


def measure(count: int, base: Path, rounds: int) -> list[str]:
    """Build both ways with each builder, ROUNDS times in turns; the figures and the goals missed."""
    folder = project(base / f"events-{count}", count)
    tree = rendered(folder)
    steps: dict[str, Callable[[], list[Run]]] = {
        "zensical: make site": lambda: zensical_site(folder),
        "zensical: tree only": lambda: [run([str(ZENSICAL), "build", "--clean", "-f", str(tree / "mkdocs.yml")], tree)],
        "mkdocs: make site": lambda: mkdocs_site(folder),
        "mkdocs: tree only": lambda: [run([sys.executable, "-m", "mkdocs", "build", "-q"], tree)],
        "pagefind on the zensical site": lambda: [
            run(
                [sys.executable, "-m", "generator", "index", str(folder.parent / f"{folder.name}-zensical" / "site")],
                folder,
            )
        ],
    }
    wall: dict[str, list[float]] = {name: [] for name in steps}
    cpu: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(rounds):
        for name, step in steps.items():
            seconds, used = timed(step)
            wall[name].append(seconds)
            cpu[name].append(used)
    median = {name: statistics.median(values) for name, values in cpu.items()}
    missed = []
    print(f"\n{count} events, median of {rounds} rounds (seconds for context only):")
    for name, value in median.items():
        print(f"  {name:32} {value:7.1f} s CPU  {statistics.median(wall[name]):7.1f} s wall")
    for builder in ("zensical", "mkdocs"):
        ratio = median[f"{builder}: make site"] / median[f"{builder}: tree only"]
        by_wall = statistics.median(wall[f"{builder}: make site"]) / statistics.median(wall[f"{builder}: tree only"])
        print(
            f"  {builder}: make site / same builder on the tree: {ratio:.2f} in CPU time (goal <= {RATIO_GOAL}),"
            f" {by_wall:.2f} in wall time"
        )
        if ratio > RATIO_GOAL:
            missed.append(f"{count} events, {builder}: {ratio:.2f} > {RATIO_GOAL}")
    share = median["pagefind on the zensical site"] / median["zensical: tree only"]
    print(f"  the search index: {share:.2f} times Zensical's own build (CPU)")
    event = "/agenda/evenement-0/"
    for builder, site in (
        ("zensical", folder.parent / f"{folder.name}-zensical" / "site"),
        ("mkdocs", folder / "site"),
    ):
        total, kinds = one_search(site, event)
        detail = ", ".join(f"{kind} {size / 1000:.0f} kB" for kind, size in sorted(kinds.items()))
        print(f"  {builder}: one event page plus one search: {total / 1_000_000:.2f} MB ({detail})")
        if total > BYTES_GOAL:
            missed.append(f"{count} events, {builder}: {total} bytes > {BYTES_GOAL}")
    return missed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--large", action="store_true", help="also 10,000 events")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    options = parser.parse_args()
    sizes = [options.events, 10000] if options.large else [options.events]
    missed: list[str] = []
    with tempfile.TemporaryDirectory() as base:
        for count in sizes:
            missed += measure(count, Path(base), options.rounds)
    for line in missed:
        print(f"goal missed: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
