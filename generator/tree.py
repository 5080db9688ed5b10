"""A complete project without the generator: `python -m generator render --out DIR`.

DIR gets a mkdocs.yml without this plugin, a docs folder with the editors' pages, every generated
page, feed and asset, the template overrides, and the markup fixes as a MkDocs hook. Any builder of
the theme builds it as it is (`mkdocs build -f DIR/mkdocs.yml`), and gets the same site as the
plugin build: a test compares the two.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import yaml

from .build import BUILTIN_MARKDOWN_EXTENSIONS, HOME_PAGE, SiteBuild, SiteConfig, build_site
from .catalogue import urls
from .catalogue.identity import Identity
from .data.reading.files import DataFiles
from .data.wording.problems import DataError, Problem
from .theme import FIXES

PLUGIN = "communities"
DOCS = "docs"
OVERRIDES = "overrides"
HOOK = "hooks/theme_fixes.py"


class _Tagged:
    """A value with a YAML tag that only the builder understands (`!ENV`, `!!python/name:…`): kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag, self.node = tag, node


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, …, default]`, read as MkDocs reads it: the first variable that is set."""
    names: list[Any]  # a text from a scalar, or whatever the editor listed in a sequence
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        *names, default = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
    return next((yaml.safe_load(os.environ[str(name)]) for name in names if str(name) in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_ConfigDumper.add_representer(_Tagged, lambda dumper, value: value.node)


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Text over several lines (the 404 page's HTML) as a readable block."""
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_ConfigDumper.add_representer(str, _represent_text)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as data; a value with a builder's own tag is kept as it was written."""
    text = config_file.read_text(encoding="utf-8")
    try:
        data = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 (a SafeLoader that keeps unknown tags)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise DataError([Problem(config_file.name, line, column, "yaml_syntax")]) from None
    return data if isinstance(data, dict) else {}


def site_config(config_file: Path, data: Mapping[str, Any]) -> SiteConfig:
    """The same `SiteConfig` the plugin makes from MkDocs' settings, from mkdocs.yml as data."""
    options = _plugin_options(data)
    root = config_file.parent
    names, configs = _markdown_extensions(data.get("markdown_extensions") or [])
    file_names = {key: options[key] for key in ("communities", "events", "external_communities") if key in options}
    return SiteConfig(
        files=DataFiles(root, **file_names),
        docs_dir=root / str(data.get("docs_dir") or "docs"),
        site_url=str(data.get("site_url") or ""),
        use_directory_urls=bool(data.get("use_directory_urls", True)),
        repository=options.get("repository", SiteConfig.repository),
        branch=options.get("branch", SiteConfig.branch),
        suggest_url=options.get("suggest_url", SiteConfig.suggest_url),
        contact_email=options.get("contact_email", SiteConfig.contact_email),
        identity=Identity.from_options(options),
        edit_uri=data.get("edit_uri"),
        repo_url=data.get("repo_url"),
        markdown_extensions=names,
        markdown_configs=configs,
        config_file=config_file.name,
    )


def write_tree(config_file: Path, out: Path, now: datetime) -> tuple[str, ...]:
    """Write the project into `out`, which must be empty or not exist yet. Returns the notes for the
    log that the plugin would show (e.g. that the feeds had no git history)."""
    data = read_config(config_file)
    config = site_config(config_file, data)
    site = build_site(config, now)
    docs = out / DOCS
    shutil.copytree(config.docs_dir, docs)
    sources = page_sources(site)
    for page in site.pages:
        _write(docs / sources[page.path], page.content.encode("utf-8"))
    if site.home is not None:
        _write(docs / HOME_PAGE, site.home.encode("utf-8"))
    for item in site.files:
        _write(docs / item.path, item.content)
    theme = dict(data.get("theme") or {})
    custom_dir = theme.get("custom_dir")
    if custom_dir:
        shutil.copytree(config.files.root / custom_dir, out / OVERRIDES)
    # The generator's overrides come first, as the plugin puts them before the site's own.
    shutil.copytree(site.theme_dir, out / OVERRIDES, dirs_exist_ok=True)
    _write(out / HOOK, FIXES.read_bytes())
    _write(
        out / "mkdocs.yml",
        yaml.dump(
            _tree_config(data, site, theme, _edit_urls(config, data, site), sources),
            Dumper=_ConfigDumper,
            allow_unicode=True,
            sort_keys=False,
            width=1000,
        ).encode("utf-8"),
    )
    return site.notes


def _with_slash(edit_uri: str) -> str:
    """`edit_uri` as MkDocs completes it: a folder ends in a slash."""
    return edit_uri if edit_uri.endswith("/") or "?" in edit_uri or "#" in edit_uri else edit_uri + "/"


def _edit_urls(config: SiteConfig, data: Mapping[str, Any], site: SiteBuild) -> dict[str, str]:
    """The edit link of each editor's page by its address, as MkDocs works it out from `edit_uri`.

    Zensical makes that link only when `repo_url` is set as well (crates/zensical/src/structure/page.rs),
    so its pages from `content/` would have no edit button. The theme's actions.html falls back on this
    list (`extra.edit_urls`); MkDocs has the link already and never reads it.
    """
    edit_uri = site.edit_uri or data.get("edit_uri")
    if not edit_uri:
        return {}
    base = urljoin(str(data.get("repo_url") or ""), _with_slash(str(edit_uri)))
    sources = sorted(path.relative_to(config.docs_dir) for path in config.docs_dir.rglob("*.md"))
    return {urls.page_url(source.as_posix()): base + source.as_posix() for source in sources}


def page_sources(site: SiteBuild) -> dict[str, str]:
    """Where each generated page is written: `agenda/archief.md` as `agenda/archief/index.md`.

    The pages link to each other relative to their address (`../cx-terugblik/` from agenda/archief/),
    which MkDocs leaves as it is, but Zensical reads relative to the Markdown file and so sent one
    folder too high. In a folder of its own, with the same address, the file is where its address is,
    and both read the links the same. A page at the top stays: its links climb out of the docs folder,
    which Zensical leaves as written, and moving it would change the order of the sitemap for MkDocs.
    """
    return {page.path: _written_source(page.path) for page in site.pages}


def _written_source(markdown_path: str) -> str:
    """Where `render --out` writes one generated page (see `page_sources`); the build refuses
    `use_directory_urls: false`, so every page has a folder address."""
    path = Path(markdown_path)
    if len(path.parts) > 1 and path.stem not in ("index", "README"):
        path = path.with_suffix("") / "index.md"
    return path.as_posix()


def _with_sources(nav: Any, sources: Mapping[str, str]) -> Any:
    """The site's `nav:` with the generated pages' new file names."""
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
    sources: Mapping[str, str],
) -> dict[str, Any]:
    config = dict(data)
    config["docs_dir"] = DOCS
    # Zensical draws its own "modern" look unless told otherwise; "classic" is Material's, which MkDocs
    # draws whatever this says, so that both builders make the same site (with the same contrast).
    config["theme"] = {**theme, "variant": theme.get("variant", "classic"), "custom_dir": OVERRIDES}
    config["plugins"] = [p for p in data.get("plugins") or [] if _plugin_name(p) != PLUGIN]
    config["hooks"] = [*(data.get("hooks") or []), HOOK]
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
        config["nav"] = _with_sources(data["nav"], sources)
    hidden = [f"/{sources[page.path]}" for page in site.pages if not page.in_nav]
    if hidden:
        config["not_in_nav"] = "\n".join([*(str(data.get("not_in_nav") or "").splitlines()), *hidden])
    return config


def _plugin_name(entry: Any) -> str:
    return next(iter(entry)) if isinstance(entry, dict) else str(entry)


def _plugin_options(data: Mapping[str, Any]) -> dict[str, str]:
    for entry in data.get("plugins") or []:
        if _plugin_name(entry) == PLUGIN:
            return dict(entry[PLUGIN] or {}) if isinstance(entry, dict) else {}
    return {}


def _markdown_extensions(entries: list[Any]) -> tuple[list[str], dict[str, Any]]:
    """Names and settings of the Markdown extensions, as MkDocs reads `markdown_extensions`."""
    names: list[str] = list(BUILTIN_MARKDOWN_EXTENSIONS)
    configs: dict[str, Any] = {}
    for entry in entries:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (str(entry), None)
        if name not in names:
            names.append(name)
        if settings:
            configs[name] = settings
    return names, configs


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
