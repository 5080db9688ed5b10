"""What `python -m generator check` costs beyond reading the YAML: the whole check of 2,000 events and
40 communities against a bare `yaml.load(..., Loader=yaml.CSafeLoader)` of the same three files,
measured side by side in one run, reported as a ratio.

Goal: the check takes at most twice as long as the bare load (`GOAL`), with every strictness rule and
every position of the strict loader kept. The check is `generator.cli.main(["check", ...])` in this
process, without `--base` (that part asks git for an older version). Where PyYAML has no libyaml the
loader reads with PyYAML's parser in Python; its ratio is printed too, for information. Absolute
seconds are printed for context only: these machines are shared and noisy.

    .venv/bin/python bench/bench_check.py
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_build import COMMUNITIES, write_data  # noqa: E402

from generator.cli import main as cli  # noqa: E402
from generator.data.reading import loader  # noqa: E402
from generator.data.reading.files import DataFiles  # noqa: E402

EVENTS = 2000
GOAL = 2.0
ROUNDS = 7


def bare(files: DataFiles) -> None:
    for path in files.paths:
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def check(files: DataFiles) -> None:
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        returncode = cli(["check", "--root", str(files.root)])
    assert returncode == 0, printed.getvalue()


def check_without_libyaml(files: DataFiles) -> None:
    composer, loader.libyaml = loader.libyaml, None
    try:
        check(files)
    finally:
        loader.libyaml = composer


def measure(steps: dict[str, Callable[[DataFiles], None]], files: DataFiles) -> dict[str, float]:
    """Median seconds of each step, the steps taking turns so that noise hits them alike."""
    times: dict[str, list[float]] = {label: [] for label in steps}
    for _ in range(ROUNDS):
        for label, step in steps.items():
            start = time.perf_counter()
            step(files)
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in times.items()}


def main() -> int:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795950000")
    os.environ.pop("GITHUB_BASE_REF", None)
    os.environ.pop("GITHUB_ACTIONS", None)
    if loader.libyaml is None:
        print("PyYAML is built without libyaml here: no CSafeLoader to compare with.")
        return 1
    with tempfile.TemporaryDirectory() as scratch:
        files = write_data(Path(scratch), EVENTS)
        check(files)  # warm caches (models, templates, Babel) before timing
        medians = measure({"bare": bare, "check": check, "python": check_without_libyaml}, files)
    ratio = medians["check"] / medians["bare"]
    print(
        f"check, {EVENTS} events and {COMMUNITIES} communities: ratio {ratio:.2f} to a bare CSafeLoader load "
        f"(goal ≤ {GOAL}); medians {medians['check'] * 1000:.0f} ms and {medians['bare'] * 1000:.0f} ms"
    )
    print(
        f"without libyaml (PyYAML's parser in Python): ratio {medians['python'] / medians['bare']:.1f}; "
        f"median {medians['python'] * 1000:.0f} ms"
    )
    return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
