"""A built page as a tree of elements, for the tests that read what a page shows without a browser:
the parity of the two builders' navigation (test_zensical.py) and the words on every page
(test_english.py).

The standard library's html.parser, with the two rules the theme's pages need: a void element has
no end tag, and an end tag also closes what was left open inside it. The Nu Html Checker holds every
page to valid HTML (test_html_valid.py), so nothing more of HTML's parsing rules is needed."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self, skip: Callable[[Element], bool] = lambda _: False) -> Iterator[Element | str]:
        """This element, and everything inside it in document order, but for the elements `skip`
        names and all inside them."""
        if skip(self):
            return
        yield self
        for child in self.children:
            if isinstance(child, str):
                yield child
            else:
                yield from child.walk(skip)

    def find(self, wanted: Callable[[Element], bool]) -> Element | None:
        return next((node for node in self.walk() if isinstance(node, Element) and wanted(node)), None)

    def text(self) -> str:
        return " ".join(" ".join(node for node in self.walk() if isinstance(node, str)).split())


def is_a(tag: str, class_name: str | None = None) -> Callable[[Element], bool]:
    """What `Element.find` looks for: an element with this tag (and this class)."""
    return lambda element: element.tag == tag and (class_name is None or class_name in element.classes)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def parse(source: str) -> Element:
    builder = _Builder()
    builder.feed(source)
    builder.close()
    return builder.root
