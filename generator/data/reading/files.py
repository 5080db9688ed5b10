"""Where the three editor files are, and how messages name them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataFiles:
    root: Path
    communities: str = "communities.yaml"
    events: str = "events.yaml"
    external_communities: str = "external_communities.yaml"

    @property
    def names(self) -> tuple[str, str, str]:
        return (self.communities, self.events, self.external_communities)

    @property
    def paths(self) -> list[Path]:
        return [self.root / name for name in self.names]
