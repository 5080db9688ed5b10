"""The score of `make mutants` per module, and the mutants no test killed: `python tests/mutants_report.py`.

mutmut keeps each mutant's result in mutants/<module>.py.meta, as the exit code of its test run.
A mutant counts as killed when a test failed (or timed out, or the type check refused it); one that
no test reached counts as surviving. `--markdown` writes the table for GitHub's job summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {1, 3, 24, -24, 36, 37, 152, 255}
SURVIVED = {0, 5, 33}


def results(folder: Path) -> dict[str, dict[str, int | None]]:
    """Module path (generator/data/fields.py) -> mutant name -> exit code (None: not run yet)."""
    found = {}
    for meta in sorted(folder.glob("generator/**/*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if codes:
            found[meta.relative_to(folder).as_posix().removesuffix(".meta")] = codes
    return found


def report(folder: Path, *, markdown: bool) -> str:
    lines = []
    if markdown:
        lines += ["| module | killed | total | score |", "| --- | ---: | ---: | ---: |"]
    survivors: list[str] = []
    for module, codes in results(folder).items():
        killed = sum(code in KILLED for code in codes.values())
        left = sorted(name for name, code in codes.items() if code in SURVIVED)
        unchecked = sum(code is None for code in codes.values())
        survivors += left
        score = f"{100 * killed / len(codes):.1f} %"
        note = f" ({unchecked} not run)" if unchecked else ""
        if markdown:
            lines.append(f"| `{module}` | {killed} | {len(codes)} | {score}{note} |")
        else:
            lines.append(f"{module:40} {killed:5} / {len(codes):5}  {score:>7}{note}")
    lines.append("")
    lines.append(f"Survivors ({len(survivors)}); `mutmut show NAME` shows the change:")
    lines += [f"- `{name}`" if markdown else f"  {name}" for name in survivors]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--markdown", action="store_true", help="a table for GitHub's job summary")
    parser.add_argument("--folder", type=Path, default=ROOT / "mutants")
    args = parser.parse_args(argv)
    if not results(args.folder):
        print(f"No results in {args.folder}: run `make mutants` first.", file=sys.stderr)
        return 1
    print(report(args.folder, markdown=args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
