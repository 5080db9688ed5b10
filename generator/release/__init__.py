"""Which release of the generator this is: the one place the version is written.

pyproject.toml reads `VERSION` from here, the build log and `python -m generator --version` show it,
and `init` pins a new site to it. CHANGELOG.md says per version what a site must change.
"""

DISTRIBUTION = "community-network-site"
"""The name to install with pip. The import name stays `generator` for now: see README.md."""

VERSION = "0.2.0"
