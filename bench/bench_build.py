"""How the build grows with the agenda: the core (load, check, pages, feeds) for a small and a ten
times larger events.yaml, measured side by side in one run, reported as a ratio.

Goal: near-linear growth. Ten times the events may take at most 12 times as long (`GOAL`); a
quadratic step somewhere (a lookup in a list inside a loop over events) shows as a ratio near 100.
Absolute seconds are printed for context only: these machines are shared and noisy.

    .venv/bin/python bench/bench_build.py [--mkdocs]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import SiteConfig, build_site  # noqa: E402
from generator.data import moments  # noqa: E402
from generator.data.files import DataFiles  # noqa: E402
from generator.editing.review import review  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "site"
SMALL, LARGE = 60, 600
GOAL = 12.0
ROUNDS = 5


def write_data(folder: Path, count: int, first: date = date(2026, 9, 1), years: int = 0) -> DataFiles:
    """`count` events from `first`: within 300 days, or spread evenly over `years` years."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("communities.yaml", "external_communities.yaml"):
        shutil.copy(FIXTURE / name, folder / name)
    communities = ["community-cx", "netwerk-direct-duidelijk", "community-online-formulieren"]
    themes = ["klantreizen", "begrijpelijke-taal", "formulieren"]
    lines = ["events:"]
    for index in range(count):
        day = first + timedelta(days=index * 365 * years // count if years else index % 300)
        lines += [
            f"  - id: evenement-{index}",
            f"    title: Bijeenkomst nummer {index} over dienstverlening",
            f"    communities: [{communities[index % 3]}, {communities[(index + 1) % 3]}]",
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


def core(files: DataFiles) -> None:
    now = moments.now()
    site = build_site(SiteConfig(files, files.root / "content", "https://example.org/"), now)
    review(site.network, now)


def mkdocs_build(folder: Path) -> None:
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "content", folder / "content", dirs_exist_ok=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=folder, env=env, check=True)


def measure(step, small, large) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median seconds of each size, the two sizes taking turns so that noise hits both alike."""
    times: dict[str, list[float]] = {"small": [], "large": []}
    for _ in range(ROUNDS):
        for label, argument in (("small", small), ("large", large)):
            start = time.perf_counter()
            step(argument)
            times[label].append(time.perf_counter() - start)
    return statistics.median(times["small"]), statistics.median(times["large"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mkdocs", action="store_true", help="also time the whole mkdocs build (slower)")
    arguments = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795950000")
    with tempfile.TemporaryDirectory() as scratch:
        small = write_data(Path(scratch) / "small", SMALL)
        large = write_data(Path(scratch) / "large", LARGE)
        core(small)  # warm caches (templates, Babel) before timing
        fast, slow = measure(core, small, large)
        ratio = slow / fast
        print(
            f"core, {SMALL} vs {LARGE} events: ratio {ratio:.1f} (goal ≤ {GOAL}); "
            f"medians {fast * 1000:.0f} ms and {slow * 1000:.0f} ms"
        )
        if arguments.mkdocs:
            fast_site, slow_site = measure(mkdocs_build, small.root, large.root)
            print(
                f"mkdocs build, {SMALL} vs {LARGE} events: ratio {slow_site / fast_site:.1f}; "
                f"medians {fast_site:.1f} s and {slow_site:.1f} s; "
                f"core share of the large build: {slow / slow_site:.0%}"
            )
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
