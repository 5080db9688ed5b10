"""A complete project without the generator: `python -m generator render --out DIR`.

DIR gets a mkdocs.yml without this plugin, a docs folder with the editors' pages, every generated
page, feed and asset, and the template overrides. Any builder of the theme builds it as it is
(`mkdocs build -f DIR/mkdocs.yml`, `zensical build -f DIR/mkdocs.yml`), and gets the same site as
the plugin build: a test compares the two.

The settings come from `settings.py`, as the plugin gets them; the new mkdocs.yml is the editors' own
as written (`!ENV` read, other tags kept), with the plugin taken out and the generator's parts put in.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from .build import SiteBuild, SiteConfig, build_site
from .catalogue import urls
from .catalogue.urls import HOME_PAGE
from .settings import PLUGIN, Tagged, read_as_written, read_settings

DOCS = "docs"
OVERRIDES = "overrides"
THEME_SEARCH = ("search", "material/search")
"""The names of the theme's own search plugin, in MkDocs and in Zensical."""


class _ConfigDumper(yaml.SafeDumper):
    pass


_ConfigDumper.add_representer(Tagged, lambda dumper, value: value.node)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Text over several lines (the 404 page's HTML) as a readable block."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_ConfigDumper.add_representer(str, _represent_text)


def write_tree(
    config_file: Path, out: Path, now: datetime, *, require_history: bool = False, published: str | None = None
) -> SiteBuild:
    """Write the project into `out`, which must be empty or not exist yet. Returns the build, whose
    notes are for the log that the plugin would show (e.g. that the feeds had no git history).
    `published` overrides the plugin option of that name (`stamps/floor.py`)."""
    data = read_as_written(config_file)
    config = read_settings(config_file)
    if published is not None:
        config = replace(config, published=published)
    site = build_site(config, now, require_history=require_history)
    docs = out / DOCS
    shutil.copytree(config.docs_dir, docs)
    for page in site.pages:
        _write(docs / page.file, page.content.encode("utf-8"))
    if site.home is not None:
        _write(docs / HOME_PAGE, site.home.encode("utf-8"))
    for path, text in site.filled.items():
        _write(docs / path, text.encode("utf-8"))
    for item in site.files:
        _write(docs / item.path, item.content)
    theme = dict(data.get("theme") or {})
    custom_dir = theme.get("custom_dir")
    if custom_dir:
        shutil.copytree(config.files.root / custom_dir, out / OVERRIDES)
    # The generator's overrides come first, as the plugin puts them before the site's own.
    shutil.copytree(site.theme_dir, out / OVERRIDES, dirs_exist_ok=True)
    _write(
        out / "mkdocs.yml",
        yaml.dump(
            _tree_config(data, site, theme, _edit_urls(config, site)),
            Dumper=_ConfigDumper,
            allow_unicode=True,
            sort_keys=False,
            width=1000,
        ).encode("utf-8"),
    )
    return site


def _edit_urls(config: SiteConfig, site: SiteBuild) -> dict[str, str]:
    """The edit link of each editor's page by its address, as MkDocs works it out from `edit_uri`.

    Zensical makes that link only when `repo_url` is set as well (crates/zensical/src/structure/page.rs),
    so its pages from `content/` would have no edit button. The theme's actions.html falls back on this
    list (`extra.edit_urls`); MkDocs has the link already and never reads it.
    """
    edit_uri = site.edit_uri or config.edit_uri  # MkDocs' own, completed from `repo_url` and ending in "/"
    if not edit_uri:
        return {}
    repo_url = config.repo_url or ""
    if repo_url and not repo_url.endswith("/") and not edit_uri.startswith(("?", "#")):
        repo_url += "/"  # as MkDocs joins them (Page._set_edit_url)
    base = urljoin(repo_url, edit_uri)
    sources = sorted(path.relative_to(config.docs_dir) for path in config.docs_dir.rglob("*.md"))
    return {urls.page_url(source.as_posix()): base + source.as_posix() for source in sources}


def _with_sources(nav: Any, sources: Mapping[str, str]) -> Any:
    """The site's `nav:` with the files the generated pages are written to (`GeneratedPage.file`)."""
    if isinstance(nav, list):
        return [_with_sources(item, sources) for item in nav]
    if isinstance(nav, dict):
        return {key: _with_sources(value, sources) for key, value in nav.items()}
    return sources.get(nav, nav) if isinstance(nav, str) else nav


def _tree_config(
    data: Mapping[str, Any],
    site: SiteBuild,
    theme: dict[str, Any],
    edit_urls: Mapping[str, str],
) -> dict[str, Any]:
    config = dict(data)
    config["docs_dir"] = DOCS
    # Zensical draws its own "modern" look unless told otherwise; "classic" is Material's, which MkDocs
    # draws whatever this says, so that both builders make the same site (with the same contrast).
    config["theme"] = {**theme, "variant": theme.get("variant", "classic"), "custom_dir": OVERRIDES}
    # The theme's own search is off: the site has its own (search/), which `python -m generator index`
    # adds after the build. Zensical turns its search on unless told so; MkDocs reads the same option.
    plugins = [p for p in data.get("plugins") or [] if _plugin_name(p) not in (PLUGIN, *THEME_SEARCH)]
    config["plugins"] = [*plugins, {"search": {"enabled": False}}]
    config["extra_css"] = [
        *(data.get("extra_css") or []),
        *(s for s in site.stylesheets if s not in (data.get("extra_css") or [])),
    ]
    config["extra_javascript"] = [
        *(data.get("extra_javascript") or []),
        *(s for s in site.scripts if s not in (data.get("extra_javascript") or [])),
    ]
    if site.edit_uri:
        config["edit_uri"] = site.edit_uri
    extra = {**site.extra, **({"edit_urls": dict(edit_urls)} if edit_urls else {})}
    if extra:
        config["extra"] = {**(data.get("extra") or {}), **extra}
    if "nav" in data:
        config["nav"] = _with_sources(data["nav"], {page.path: page.file for page in site.pages})
    hidden = [f"/{page.file}" for page in site.pages if not page.in_nav]
    if hidden:
        config["not_in_nav"] = "\n".join([*(str(data.get("not_in_nav") or "").splitlines()), *hidden])
    return config


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
