"""Editors' Markdown, rendered once and checked for anything that could run in a browser.

Raw HTML is refused at validation with a clear message; the renderer also switches HTML off, so
that whatever slips past the check shows as text instead of running. Links may only use web, mail
and phone addresses, and images may not load from another host (privacy).

The validators are the first wall: they name the problem in Dutch, with the line. The rendered HTML
then goes through nh3 with an allow-list of exactly what the editors' Markdown can produce, as a
second wall (defence in depth): should a validator or a Markdown extension ever let something
through, it still cannot run in a browser or load from another host.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_AUTOLINK = r"<(?:https?://[^<>\s]*|(?:mailto:)?[^<>\s@]+@[^<>\s]+)>"
_RAW_HTML = re.compile(rf"{_AUTOLINK}|(<[A-Za-z!?/][^>]*>?)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_CONTROL = re.compile(r"[\x00-\x20]")

# Everything the Markdown extensions in `_markdown_html` can produce, and nothing else.
ALLOWED_TAGS = frozenset(
    {
        *("p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "em", "strong"),
        *("a", "img", "ul", "ol", "li", "dl", "dt", "dd", "abbr"),
        *("table", "thead", "tbody", "tr", "th", "td"),
    }
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}, "code": {"class"}}
# The tables extension aligns a column with a style attribute; only its three values may pass.
_ALIGN = {"style": {f"text-align: {side};" for side in ("left", "center", "right")}}
_ALIGNED_CELLS = {"th": _ALIGN, "td": _ALIGN}
_CODE_LANGUAGE = re.compile(r"language-[\w+#.-]+")


class _DemoteTopHeadings(Treeprocessor):
    """The page owns the only h1, so an editor's `# Kop` becomes an h2."""

    def run(self, root):  # type: ignore[no-untyped-def]
        for element in root.iter("h1"):
            element.tag = "h2"


class _EditorMarkdown(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # the name is Markdown's API
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_DemoteTopHeadings(md), "demote_headings", 0)


@lru_cache(maxsize=4096)
def render(source: str) -> str:
    """HTML for an editor's Markdown; raw HTML in the source comes out as escaped text, and whatever
    the allow-list does not name is taken out."""
    return sanitize(_markdown_html(source))


@lru_cache(maxsize=4096)
def _markdown_html(source: str) -> str:
    """Markdown's own output, before the second wall: the validators look at this, to name what they refuse."""
    md = markdown.Markdown(
        extensions=["tables", "fenced_code", "def_list", "abbr", "sane_lists", _EditorMarkdown()],
        output_format="html",
    )
    return md.convert(normalise(source))


# --- the description language -------------------------------------------------------------------------
#
# What an editor may write in a description: paragraphs, lists, bold, italic, links and `## Kop`.
# Lists also as editors type them: right under a line of text, numbered `1)`, or with bullets pasted
# from a word processor (`•`, `–`). `normalise` turns those into the Markdown they mean before
# rendering. What Markdown would make into something else than the editor sees in the YAML (a
# heading, a code block, a quote, both sides of a merge conflict) is refused by `misrendered`, at its
# line. The guide's table of this is `wording.message_table.LANGUAGE`; a test gives it to the check.

# A bullet from a word processor: before a space or a tab, or (`•`, which text never starts with) glued on.
_PASTED_BULLET = re.compile(r"^( {0,3})(?:[•·▪◦●‣–—][ \t]+|•(?=\S))")
_NUMBER_PAREN = re.compile(r"^( {0,3})([0-9]{1,9})\)(?=[ \t])")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|[0-9]{1,9}\.)[ \t]+\S")


def normalise(source: str) -> str:
    """The editor's text with the lists written as editors write them made into Markdown lists: a
    pasted bullet becomes `- `, `1)` becomes `1.`, a list right under a line of text gets the empty
    line Markdown needs before it, and a line of text right under a list that does not indent gets
    one after it (Markdown would add it to the last item). Every word stays where it was."""
    lines: list[str] = []
    in_list = False
    for raw in source.split("\n"):
        line = _NUMBER_PAREN.sub(r"\1\2.", _PASTED_BULLET.sub(r"\1- ", raw))
        if not line.strip():
            in_list = False
        elif _LIST_ITEM.match(line):
            if lines and lines[-1].strip() and not in_list:
                lines.append("")
            in_list = True
        elif in_list and not line[0].isspace():  # text under a list, not indented: a new paragraph
            lines.append("")
            in_list = False
        lines.append(line)
    return "\n".join(lines)


# What an editor sees in the YAML and Markdown makes into something else, by message key: the
# construct in the rendered HTML, and how its line starts in the editor's text. A heading written
# `## Kop` (hashes, then a space) is meant, and allowed; `#hashtag` and a line with `---` or `===`
# under it make a heading the editor did not write.
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?:[ \t]|$)|^={7}[ \t]*$")
_CONFLICT_SIDE = re.compile(r"^(?:<{7}|>{7})(?:[ \t]|$)", re.MULTILINE)
# A line may start with a list item's marker: Markdown reads the rest of it as a line of its own.
_ITEM = r"^ {0,3}(?:(?:[-*+•·▪◦●‣–—]|[0-9]{1,9}[.)])[ \t]+)?"
_WRITTEN_HEADING = re.compile(_ITEM + r"#{1,6}(?:[ \t]|$)")
_HASHTAG = re.compile(_ITEM + "#")
_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_INDENTED = re.compile(r"^(?: {4}|\t)")
_FENCE = re.compile(r"^ {0,3}(?:`{3}|~{3})")
_QUOTE = re.compile(_ITEM + ">")
# Only a text with one of these lines can render as any of the above: most are not rendered.
_SUSPECT = re.compile(
    "|".join((_ITEM + "[#>]", _UNDERLINE.pattern, _INDENTED.pattern, _FENCE.pattern, "^<{7}")), re.MULTILINE
)
_HEADING_TAG = re.compile(r"<h[1-6]\b")
_MADE = {"markdown_code": re.compile(r"<pre\b"), "markdown_quote": re.compile(r"<blockquote\b")}


def misrendered(source: str) -> tuple[str, int] | None:
    """What the text would show that the editor did not write, as (message key, index of the line in
    the text), if anything: both sides of a merge conflict, a heading from `#hashtag` or from a line
    with `---` or `===` under it, a code block (indented by four spaces, or between ```), or a quote
    (`>`)."""
    if not _SUSPECT.search(source):
        return None
    lines = source.split("\n")
    if _CONFLICT_SIDE.search(source):
        return "merge_conflict", next(i for i, line in enumerate(lines) if _CONFLICT.match(line))
    made = _markdown_html(source)
    for key, tag in _MADE.items():
        if tag.search(made):
            return key, _line_of(key, lines)
    if len(_HEADING_TAG.findall(made)) > sum(1 for line in lines if _WRITTEN_HEADING.match(line)):
        return "markdown_heading", _line_of("markdown_heading", lines)
    return None


def _line_of(key: str, lines: list[str]) -> int:
    """The first line in `lines` that starts the construct `key`; the first line if none is found."""
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else ""
        if key == "markdown_heading":
            alone = not "".join(lines[max(0, index - 2) : max(0, index - 1)]).strip()  # a one-line paragraph
            underline = bool(before.strip()) and alone and _UNDERLINE.match(line) and not _LIST_ITEM.match(before)
            if (_HASHTAG.match(line) and not _WRITTEN_HEADING.match(line)) or underline:
                return index
        elif key == "markdown_code":
            if _FENCE.match(line) or (_INDENTED.match(line) and line.strip() and not before.strip()):
                return index
        elif _QUOTE.match(line):
            return index
    return 0


def sanitize(fragment: str) -> str:
    """Only the allowed tags and attributes, links with a safe scheme, images from this site, no `rel` added."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=_ALIGNED_CELLS,
        attribute_filter=_allowed_value,
        url_schemes=set(SAFE_LINK_SCHEMES),
        link_rel=None,
    )


def _allowed_value(tag: str, attribute: str, value: str) -> str | None:
    if tag == "code" and attribute == "class":
        return value if _CODE_LANGUAGE.fullmatch(value) else None
    if tag == "img" and attribute == "src":
        return None if _host(value) or not is_safe_link(value) else value
    return value


def raw_html(source: str) -> str | None:
    """The first HTML tag written in the source, if any."""
    for match in _RAW_HTML.finditer(source):
        if match.group(1):
            return match.group(1)[:40]
    return None


def unsafe_link(source: str) -> str | None:
    """The first link or image address the rendered text must not contain, if any."""
    for tag, address in _links(source):
        if not is_safe_link(address) or (tag == "img" and _host(address)):
            return address
    return None


# What an editor writes for a web or mail address when the scheme is forgotten: `www.example.org/x`,
# `example.org`, `naam@example.org`. Markdown turns these into links relative to the page: broken.
_LOOKS_LIKE_HOST = re.compile(r"^(?:www\.|[\w.-]+\.[a-z]{2,}(?:[/:?#]|$)|[^\s@/]+@[\w-]+(?:\.[\w-]+)+$)", re.I)

# A relative link to a file (`verslag.pdf`, `index.md`) is not a host name.
_PAGE_FILE = re.compile(r"^[^/]*\.(?:md|html?|pdf|png|jpe?g|svg|gif|docx?|xlsx?|pptx?|odt|txt|csv|ics)$", re.I)


def link_without_scheme(source: str) -> str | None:
    """The first link whose address is a web or mail address without `https://` or `mailto:`, if any."""
    for tag, address in _links(source):
        bare = tag == "a" and not _SCHEME.match(address.lower())
        if bare and _LOOKS_LIKE_HOST.match(address) and not _PAGE_FILE.search(address):
            return address
    return None


@lru_cache(maxsize=4096)
def _links(source: str) -> tuple[tuple[str, str], ...]:
    """The (tag, address) of every link and image in the rendered source. In Markdown only `[` (links,
    images, references) and `<` (autolinks) make one, so a text without either is not rendered for
    this: `check` reads most descriptions without running Markdown at all."""
    if "[" not in source and "<" not in source:
        return ()
    collector = _LinkCollector()
    collector.feed(_markdown_html(source))
    return tuple(collector.links)


def _host(address: str) -> str:
    """The host an address points to; an address too broken to read (`http://[x`) counts as another host."""
    try:
        return urlsplit(address).netloc
    except ValueError:
        return address


def is_safe_link(address: str) -> bool:
    """True for relative addresses and for http, https, mailto and tel."""
    cleaned = _CONTROL.sub("", html.unescape(address)).lower()
    scheme = _SCHEME.match(cleaned)
    return scheme is None or scheme.group(1) in SAFE_LINK_SCHEMES


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"a": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value is not None:
                self.links.append((tag, value))


def plain_text(source: str) -> str:
    """The editor's Markdown as plain text, for calendar descriptions: paragraphs, bullets, link addresses."""
    converter = _PlainText()
    converter.feed(render(source))
    converter.close()
    return converter.text()


class _PlainText(HTMLParser):
    _BLOCKS = frozenset({"p", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "dl", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.href: str | None = None
        self.link_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in ("br", "tr", "dt", "dd"):
            self.parts.append("\n")
        elif tag == "a":
            self.href = dict(attrs).get("href")
            self.link_text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in self._BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.href:
            if self.href not in "".join(self.link_text) and self.href.startswith(("http", "mailto:")):
                self.parts.append(f" ({self.href.removeprefix('mailto:')})")
            self.href = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self.href is not None:
            self.link_text.append(data)

    def text(self) -> str:
        lines = [line.rstrip() for line in "".join(self.parts).splitlines()]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
