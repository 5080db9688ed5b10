"""The second wall: rendered Markdown goes through an allow-list, so markup that got past the validators stays dead.

These tests call `markdown_text.render` and `markdown_text.sanitize` directly, without the validators that
normally refuse such input first (test_injection.py tests those).
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from generator.data.contract import markdown_text

SAFE_STYLES = {f"text-align: {side};" for side in ("left", "center", "right")}


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _elements(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    return parser.found


def _live_markup(fragment: str) -> list[str]:
    """Everything in `fragment` that a browser could run, load from elsewhere or style: empty when it is safe."""
    problems = []
    for tag, attrs in _elements(fragment):
        if tag not in markdown_text.ALLOWED_TAGS:
            problems.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"{tag}[{name}]")
            elif name == "style" and value not in SAFE_STYLES:
                problems.append(f"{tag}[style={value}]")
            elif name in ("href", "src") and not markdown_text.is_safe_link(value or ""):
                problems.append(f"{tag}[{name}={value}]")
            elif tag == "img" and name == "src" and "//" in (value or ""):
                problems.append(f"img from elsewhere: {value}")
    return problems


HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "tekst <img src=x onerror=alert(1)> tekst",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "![foto](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![foto](https://tracker.example/pixel.png)",
    "![foto](//tracker.example/pixel.png)",
    '<iframe src="https://example.org"></iframe>',
    '<p style="position:fixed;inset:0">over de hele pagina</p>',
]


@pytest.mark.parametrize("source", HOSTILE_MARKDOWN)
def test_hostile_markdown_renders_without_live_markup(source: str) -> None:
    rendered = markdown_text.render(source)
    assert _live_markup(rendered) == [], rendered
    assert "javascript" not in rendered.lower() and "data:" not in rendered
    assert "tracker.example" not in rendered


@pytest.mark.parametrize(
    ("source", "before"),
    [
        ("[x](javascript:alert(1))", '<a href="javascript:alert(1)">'),
        ("[x](JAVASCRIPT:alert(1))", '<a href="JAVASCRIPT:alert(1)">'),
        ("![foto](data:image/png;base64,AAAA)", 'src="data:image/png;base64,AAAA"'),
        ("![foto](https://tracker.example/pixel.png)", 'src="https://tracker.example/pixel.png"'),
    ],
)
def test_the_second_wall_is_what_stops_these(source: str, before: str) -> None:
    """Markdown itself writes these addresses; only the allow-list takes them out again."""
    assert before in markdown_text._markdown_html(source)
    assert before not in markdown_text.render(source)


# Raw HTML, as if a Markdown extension or a bug let it through: the allow-list alone must make it safe.
HOSTILE_HTML = {
    "script": "<p>a</p><script>alert(1)</script>",
    "img onerror": '<img src="x" onerror="alert(1)">',
    "javascript link": '<a href="javascript:alert(1)">x</a>',
    "JAVASCRIPT link": '<a href="JAVASCRIPT:alert(1)">x</a>',
    "entity-encoded javascript": '<a href="&#106;avascript:alert(1)">x</a>',
    "data image": '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" alt="x">',
    "image from elsewhere": '<img src="https://tracker.example/pixel.png" alt="x">',
    "iframe": '<iframe src="https://example.org"></iframe>',
    "object": '<object data="x.swf"></object><embed src="x.swf">',
    "style attribute": '<p style="position:fixed;inset:0">x</p>',
    "style in a table cell": '<table><tr><td style="background:url(https://tracker.example/)">x</td></tr></table>',
    "style element": "<style>body{display:none}</style>",
    "form": '<form action="https://example.org"><input name="q"><button>x</button></form>',
    "svg": "<svg onload=alert(1)><circle/></svg>",
    "event handler": '<a href="https://example.org" onclick="alert(1)" onmouseover="alert(1)">x</a>',
    "class on code": '<code class="language-py x onclick">x</code>',
    "id and class": '<p id="main" class="md-header">x</p>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://example.org">',
    "base": '<base href="https://example.org/">',
}


@pytest.mark.parametrize("fragment", HOSTILE_HTML.values(), ids=HOSTILE_HTML.keys())
def test_the_allow_list_alone_makes_raw_html_safe(fragment: str) -> None:
    cleaned = markdown_text.sanitize(fragment)
    assert _live_markup(cleaned) == [], cleaned
    assert "alert" not in cleaned and "tracker.example" not in cleaned
    assert not any({"id", "class"} & attrs.keys() for _, attrs in _elements(cleaned))


ORDINARY = {
    "bold": ("**vet** en *schuin*", "<p><strong>vet</strong> en <em>schuin</em></p>"),
    "https link": (
        '[Gebruiker Centraal](https://www.gebruikercentraal.nl/ "De site")',
        '<p><a href="https://www.gebruikercentraal.nl/" title="De site">Gebruiker Centraal</a></p>',
    ),
    "link with a query": (
        "[zoek](https://example.org/?a=1&b=2)",
        '<p><a href="https://example.org/?a=1&amp;b=2">zoek</a></p>',
    ),
    "mailto link": (
        "[mail ons](mailto:info@gebruikercentraal.nl)",
        '<p><a href="mailto:info@gebruikercentraal.nl">mail ons</a></p>',
    ),
    "tel link": ("[bel](tel:+31701234567)", '<p><a href="tel:+31701234567">bel</a></p>'),
    "relative link and image": (
        "[doe mee](../doe-mee/) ![logo](/assets/logo.png)",
        '<p><a href="../doe-mee/">doe mee</a> <img alt="logo" src="/assets/logo.png"></p>',
    ),
    "lists": (
        "- een\n- twee\n\n1. drie\n2. vier",
        "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n<ol>\n<li>drie</li>\n<li>vier</li>\n</ol>",
    ),
    "table": (
        "| Wat | Wanneer | Hoe laat |\n|:----|:-------:|---------:|\n| Start | maandag | 10:00 |",
        "<table>\n<thead>\n<tr>\n"
        '<th style="text-align: left;">Wat</th>\n'
        '<th style="text-align: center;">Wanneer</th>\n'
        '<th style="text-align: right;">Hoe laat</th>\n'
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        '<td style="text-align: left;">Start</td>\n'
        '<td style="text-align: center;">maandag</td>\n'
        '<td style="text-align: right;">10:00</td>\n'
        "</tr>\n</tbody>\n</table>",
    ),
    "table without alignment": (
        "| a | b |\n|---|---|\n| 1 | 2 |",
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>",
    ),
    "headings": (
        "# Een\n\n## Twee\n\n### Drie\n\n#### Vier\n\n##### Vijf\n\n###### Zes",
        "<h2>Een</h2>\n<h2>Twee</h2>\n<h3>Drie</h3>\n<h4>Vier</h4>\n<h5>Vijf</h5>\n<h6>Zes</h6>",
    ),
    "quote, rule and line break": (
        "> Citaat\n\n---\n\nregel een  \nregel twee",
        "<blockquote>\n<p>Citaat</p>\n</blockquote>\n<hr>\n<p>regel een<br>\nregel twee</p>",
    ),
    "code": (
        "`a < b`\n\n```python\nif a < b & c:\n    pass\n```",
        "<p><code>a &lt; b</code></p>\n"
        '<pre><code class="language-python">if a &lt; b &amp; c:\n    pass\n</code></pre>',
    ),
    "definition list and abbreviation": (
        "WCAG\n:   De richtlijnen\n\n*[WCAG]: Web Content Accessibility Guidelines",
        '<dl>\n<dt><abbr title="Web Content Accessibility Guidelines">WCAG</abbr></dt>\n<dd>De richtlijnen</dd>\n</dl>',
    ),
    "quotes and accents": ('‘Klant’ & "burger" — één', '<p>‘Klant’ &amp; "burger" — één</p>'),
}


@pytest.mark.parametrize(("source", "expected"), ORDINARY.values(), ids=ORDINARY.keys())
def test_ordinary_markdown_survives_exactly(source: str, expected: str) -> None:
    assert markdown_text._markdown_html(source) == expected
    assert markdown_text.render(source) == expected


def test_the_allow_list_names_exactly_what_the_editors_markdown_produces() -> None:
    produced = {tag for source, _ in ORDINARY.values() for tag, _ in _elements(markdown_text.render(source))}
    assert produced == markdown_text.ALLOWED_TAGS


def test_no_rel_is_added_to_links() -> None:
    assert "rel=" not in markdown_text.render("[site](https://example.org) <https://example.org>")
