"""The faster ways the build writes links and calendar lines give exactly what the slower, obvious ways gave."""

from __future__ import annotations

import itertools
import posixpath
import random
from urllib.parse import quote, urlencode

import pytest
from icalendar.parser.string import _foldline

from conftest import seeds
from generator.catalogue import urls
from generator.catalogue.urls import query, relative
from generator.ical.folding import fold

SAMPLES = seeds(3000)


def _relpath(target: str, page: str) -> str:
    path = posixpath.relpath(target.rstrip("/") or ".", page.rstrip("/") or ".")
    if path == ".":
        return "./"
    return path + "/" if target == "" or target.endswith("/") else path


def test_relative_links_are_those_of_posixpath() -> None:
    parts = ["agenda", "communities", "themas", "x", "agenda.ics", "index"]
    paths = [""]
    for length in (1, 2, 3):
        for combination in itertools.product(parts, repeat=length):
            paths += ["/".join(combination) + "/", "/".join(combination)]
    pages = [path for path in paths if path == "" or path.endswith("/")]
    assert [relative(t, p) for t in paths for p in pages] == [_relpath(t, p) for t in paths for p in pages]


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("index.md", ""),
        ("README.md", ""),
        ("themas/index.md", "themas/"),
        ("themas/README.md", "themas/"),
        ("agenda/x.md", "agenda/x/"),
        ("indexes.md", "indexes/"),
    ],
)
def test_a_markdown_path_gets_the_directory_url_mkdocs_gives_it(path: str, url: str) -> None:
    assert urls.page_url(path) == url


def test_query_is_that_of_urlencode_with_quote() -> None:
    shuffle = random.Random(12)
    characters = [chr(code) for code in range(256)] + list("é€😀\u2028/?&=+%# ")
    for _ in range(SAMPLES):
        fields = {
            f"{name}{index}": "".join(shuffle.choices(characters, k=shuffle.randint(0, 40)))
            for index, name in enumerate(("text", "details", "location"))
        }
        assert query(fields) == urlencode(fields, quote_via=quote)


def test_each_character_is_escaped_the_first_time_as_quote_escapes_it() -> None:
    """query() remembers each escape for the whole process; a fresh table must give quote's text at once,
    whatever characters earlier tests already escaped."""
    characters = "".join(chr(code) for code in range(256)) + "é€😀\u2028"
    assert characters.translate(urls._Escapes()) == quote(characters, safe="")


def test_folding_is_that_of_icalendar() -> None:
    shuffle = random.Random(12)
    for alphabet in ("ab \\^,;", "ab \\^é€😀"):
        for _ in range(SAMPLES):
            line = "".join(shuffle.choices(alphabet, k=shuffle.randint(1, 400)))
            assert fold(line) == _foldline(line)
