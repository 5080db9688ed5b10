"""Who runs the site: the network's name and every text that names it, from the builder's settings.

Nothing in the generator names one network. The plugin options in mkdocs.yml (see
`settings.py`, and `OPTIONS` here) set these values; without them the site says "het
netwerk", so a new network's site never shows another network's name. The pages, the calendar files
and the open data all take their words from one `Identity`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

DEFAULT_NAME = "het netwerk"


@dataclass(frozen=True)
class Identity:
    """The network behind the site. Empty values fall back to neutral text built from `name`."""

    name: str = ""
    """The network's name, as it stands in a sentence: "<name> heeft 12 community's"."""
    short_name: str = ""
    """A shorter name, where space is short: the name of the calendar in a calendar app."""
    organisation: str = ""
    """Who publishes the site: the author of the Atom feed and of the calendar files (PRODID)."""
    external_intro: str = ""
    """The first paragraph of the page with external communities, in Markdown: why the site lists them."""
    external_description: str = ""
    """The description of that page, for search engines and links that are shared."""
    calendar_name: str = ""
    """The name of the calendar with all events, as calendar apps show it."""
    calendar_description: str = ""
    """The description of that calendar."""
    welcome: str = ""
    """Who is welcome, in a sentence or two on the home page under "Doe mee"."""

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Identity:
        """From the plugin's options, by the same names as the fields; a missing or empty option is the default."""
        return cls(**{field.name: str(options.get(field.name) or "") for field in fields(cls)})

    @property
    def network(self) -> str:
        """The name in the middle of a sentence."""
        return self.name or DEFAULT_NAME

    @property
    def network_at_start(self) -> str:
        """The name at the start of a sentence: "Het netwerk heeft …"."""
        return self.network[:1].upper() + self.network[1:]

    @property
    def publisher(self) -> str:
        return self.organisation or self.name or "Community-site"

    @property
    def communities(self) -> str:
        """ "de community's van …", the words for everything the site is about."""
        return f"de community's van {self.network}"

    @property
    def prodid(self) -> str:
        """The calendar files' PRODID (RFC 5545 3.7.3): who made them."""
        return f"-//{self.publisher}//Community-agenda//NL"

    @property
    def all_events_name(self) -> str:
        if self.calendar_name:
            return self.calendar_name
        short = self.short_name or self.name
        return f"Agenda community's {short}" if short else "Agenda community's"

    @property
    def all_events_description(self) -> str:
        return self.calendar_description or f"Alle evenementen van {self.communities}."

    @property
    def external_page_intro(self) -> str:
        return (
            self.external_intro
            or f"Deze community's horen niet bij {self.network}, maar werken aan verwante onderwerpen."
        )

    @property
    def home_welcome(self) -> str:
        return self.welcome or "Iedereen die mee wil doen, is welkom."

    @property
    def external_page_description(self) -> str:
        return self.external_description or f"Community's buiten {self.network}."


NEUTRAL = Identity()
"""A site whose settings name no network."""

OPTIONS = tuple(field.name for field in fields(Identity))
"""The plugin options that make up the identity, by the same names as its fields."""
