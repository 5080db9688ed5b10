"""What `check` accepts, the build builds: for ids of every kind (random, seeded), long, reserved and
at the edge of the length, `check` passing means the pages are written, each at an address of its
own; `check` refusing means a Dutch message at the id's line, and no traceback.

External communities have no id: their names only show in the text of a page.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from test_invalid import Run

from conftest import make_project, run_mkdocs
from generator.build import build_site
from generator.catalogue.filters import RESERVED_IDS
from generator.catalogue.urls import page_file
from generator.data.contract import moments, rules
from generator.data.wording.messages import MESSAGES
from generator.settings import read_settings

Cli = Callable[..., Run]

# One id of each kind in the fixture, with the file it is declared in. Each appears only as an id and
# in the lists that refer to it (`communities: [...]`, `themes: [...]`).
KINDS = {
    "events": ("events.yaml", "cx-terugblik"),
    "communities": ("communities.yaml", "community-cx"),
    "themes": ("communities.yaml", "klantreizen"),
}
FOLDERS = {"events": "agenda", "communities": "communities", "themes": "themas"}
_REFERENCE = re.compile(r"^(\s*(?:- id|id|communities|themes): )(.*)$", re.MULTILINE)
WORDS = ("cx", "terugblik", "klantreizen", "2026", "den-haag", "webinar", "a", "brieven", "archief", "index")


def _random_ids(kind: str, seed: int) -> list[str]:
    """Ids around the edges: the longest that fits and one more, very long ones, a page's name."""
    rng = random.Random(f"{kind}-{seed}")

    def of_length(length: int) -> str:
        words: list[str] = []
        while len("-".join(words)) < length:
            words.append(rng.choice(WORDS))
        text = "-".join(words)[:length]
        return text.rstrip("-") + "x" * (length - len(text.rstrip("-")))

    limit = rules.ID_MAX_LENGTH
    return [
        of_length(limit),
        of_length(limit + 1),
        of_length(rng.randint(limit + 2, 300)),
        of_length(rng.randint(1, limit - 1)),
        rng.choice(sorted(name for name in RESERVED_IDS[kind] if rules.SLUG.passes(name))),
    ]


def _with_id(project: Path, kind: str, new_id: str) -> int:
    """The project's data with the id of one entry of `kind` changed everywhere; the line of the id."""
    name, old = KINDS[kind]
    token = re.compile(rf"(?<![a-z0-9-]){re.escape(old)}(?![a-z0-9-])")
    for file in ("communities.yaml", "events.yaml", "external_communities.yaml"):
        text = (project / file).read_text(encoding="utf-8")

        def replace(match: re.Match[str]) -> str:
            return match.group(1) + token.sub(new_id, match.group(2))

        (project / file).write_text(_REFERENCE.sub(replace, text), encoding="utf-8")
    lines = (project / name).read_text(encoding="utf-8").splitlines()
    return lines.index(f"  - id: {new_id}") + 1


CASES = [(kind, new_id) for kind in KINDS for seed in range(2) for new_id in _random_ids(kind, seed)]


@pytest.mark.parametrize(("kind", "new_id"), CASES, ids=[f"{kind}-{len(new_id)}" for kind, new_id in CASES])
def test_what_the_check_accepts_is_built_and_what_it_refuses_is_said_at_the_id(
    tmp_path: Path, cli: Cli, kind: str, new_id: str
) -> None:
    project = make_project(tmp_path / "project")
    line = _with_id(project, kind, new_id)
    checked = cli("check", "--root", str(project))
    output = checked.stdout + checked.stderr
    assert "Traceback" not in output
    if checked.returncode != 0:
        problems = [text for text in output.splitlines() if re.match(r"[a-z_]+\.yaml:\d+:\d+: ", text)]
        assert problems, output
        assert any(text.startswith(f"{KINDS[kind][0]}:{line}:9: ") for text in problems), output
        known = ("te lang", "al het adres van een pagina")
        assert all(any(words in text for words in known) for text in problems), output
        assert len(new_id) > rules.ID_MAX_LENGTH or new_id in RESERVED_IDS[kind]
        return
    out = tmp_path / "out"
    rendered = cli("render", "--config", str(project / "mkdocs.yml"), "--out", str(out))
    assert rendered.returncode == 0, rendered.stderr
    pages = [path.relative_to(out / "docs") for path in (out / "docs").rglob("*") if path.is_file()]
    assert Path(page_file(f"{FOLDERS[kind]}/{new_id}.md")) in pages
    # Every generated file at an address of its own: no entry takes the place of an overview page.
    site = build_site(read_settings(project / "mkdocs.yml"), moments.now())
    paths = [page_file(page.path) for page in site.pages] + [item.path for item in site.files]
    assert len(set(paths)) == len(paths), sorted(path for path in paths if paths.count(path) > 1)
    # What the build took, the check had to take: the rules refuse nothing that builds well.
    assert len(new_id) <= rules.ID_MAX_LENGTH and new_id not in RESERVED_IDS[kind]


@pytest.mark.e2e
def test_the_longest_ids_of_every_kind_build_with_mkdocs(tmp_path: Path) -> None:
    """One real build, with an id of the longest length for each kind at once."""
    project = make_project(tmp_path)
    longest = {kind: (old + "-" + "lang" * 30)[: rules.ID_MAX_LENGTH] for kind, (_, old) in KINDS.items()}
    for kind, new_id in longest.items():
        _with_id(project, kind, new_id)
    result = run_mkdocs(project)
    assert result.returncode == 0, result.stdout + result.stderr
    for kind, new_id in longest.items():
        assert (project / "site" / FOLDERS[kind] / new_id / "index.html").is_file()


def test_every_message_the_invariant_expects_is_one_of_the_check() -> None:
    assert "te lang" in MESSAGES[rules.ID_LENGTH.key]
    assert "al het adres van een pagina" in MESSAGES["reserved_id"]
