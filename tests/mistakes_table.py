"""`make fuzz N=2000`: N mutants per kind of mistake (tests/mistakes.py), and a table of the verdicts.

Run from the project folder: `python tests/mistakes_table.py 2000`. The failures are listed under the
table, each with its operator and seed, to repeat as `mutate(operator, seed)`.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mistakes import OPERATORS, VERDICTS, mutate, verdict


def main(per_operator: int) -> int:
    start, cpu = time.monotonic(), time.process_time()
    counts: dict[str, Counter[str]] = {}
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        for operator in OPERATORS:
            counts[operator] = Counter()
            for seed in range(per_operator):
                mutant = mutate(operator, seed)
                result, why = verdict(mutant, Path(folder))
                counts[operator][result] += 1
                if result == "failure":
                    failures.append(f"{operator} seed {seed}, {mutant.file}:{mutant.lines[0]} {mutant.what}: {why}")
    print(f"{'operator':<14}{'tried':>7}" + "".join(f"{name:>10}" for name in VERDICTS))
    for operator, count in counts.items():
        print(f"{operator:<14}{count.total():>7}" + "".join(f"{count[name]:>10}" for name in VERDICTS))
    total: Counter[str] = sum(counts.values(), Counter())
    print(f"{'total':<14}{total.total():>7}" + "".join(f"{total[name]:>10}" for name in VERDICTS))
    print(f"{time.monotonic() - start:.1f} s, {time.process_time() - cpu:.1f} s CPU")
    print("\n".join(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
