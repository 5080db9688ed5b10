"""The pinned dependencies (requirements/*.txt) stay in step with the ranges in pyproject.toml.

`make site`, `make test`, CI and the publish workflow install from the pins, so that a published site
never changes because a library released a new version; `make lock` writes them again.
"""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
LOCKS = {
    "site": (ROOT / "requirements" / "site.txt", PYPROJECT["dependencies"]),
    "test": (
        ROOT / "requirements" / "test.txt",
        [*PYPROJECT["dependencies"], *PYPROJECT["optional-dependencies"]["test"]],
    ),
}


def _pins(lock_text: str) -> dict[str, str]:
    return {
        canonicalize_name(name): version
        for name, version in re.findall(r"^([A-Za-z0-9._-]+)==([^\s;]+)", lock_text, re.M)
    }


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_every_dependency_is_pinned_within_its_range(lock: str) -> None:
    path, requirements = LOCKS[lock]
    pins = _pins(path.read_text(encoding="utf-8"))
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{path.name}: {name} is not pinned; run make lock"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{path.name}: {name}=={pins[name]} is outside {requirement.specifier}; run make lock"
        )


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_the_lock_names_no_machine_of_its_own(lock: str) -> None:
    text = LOCKS[lock][0].read_text(encoding="utf-8")
    assert "--find-links" not in text and "--index-url" not in text and "file://" not in text


def test_the_test_lock_pins_the_site_lock_the_same() -> None:
    site, test = (_pins(LOCKS[name][0].read_text(encoding="utf-8")) for name in ("site", "test"))
    assert {name: version for name, version in test.items() if name in site} == site
