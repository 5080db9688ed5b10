"""What the test suite checks of every site the generator makes, as the statement tells it ("Hoe we testen").

The statement may only claim what the tests really do. So each check here names the test files that
run it, a text each of those files holds (the tool it calls, the width it sets), and the tool's version
where it has one; tests/test_statement.py fails when this list and the suite disagree: a tool of another
version in tests/js/package.json, another screen width or colour scheme in browser_harness.py, a test
file that no longer runs the tool, or a test file with browser tests that no check here names.
"""

from __future__ import annotations

from dataclasses import dataclass

PHONE_WIDTH = 375
"""The width of a phone in the tests, in CSS pixels (browser_harness.SIZES["narrow"])."""
LAPTOP_WIDTH = 1280
"""The width of a laptop (browser_harness.SIZES["wide"])."""
ZOOMED_WIDTH = 320
"""A phone at 400 % zoom: WCAG 1.4.10 (reflow), tested in test_browser.py."""
SCHEMES = {"light": "lichte", "dark": "donkere"}
"""The colour schemes every page is opened in (browser_harness.SCHEMES), as Dutch says "de lichte weergave"."""
NORM = "EN 301 549"
NORM_VERSION = "3.2.1"
"""The European norm Dutch government sites must meet (Besluit digitale toegankelijkheid overheid)."""
NORM_WCAG = "2.1"
"""The version of WCAG that norm follows: its levels A and AA are the 50 requirements of the law."""
TESTED_WCAG = "2.2"
"""The newer version the tests hold every page to (the last of AXE_TAGS)."""
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
"""The rule sets of axe-core the tests run (browser_harness.AXE_TAGS): WCAG 2.0, 2.1 and 2.2, A and AA."""


@dataclass(frozen=True)
class Tool:
    name: str
    """As the statement names it."""
    package: str
    """Its package, in tests/js/package.json (npm) or in pyproject.toml (pip)."""
    version: str
    registry: str = "npm"


@dataclass(frozen=True)
class Check:
    title: str
    """The first words, in bold: what is checked, in a visitor's words."""
    text: str
    """What the tests do and what must hold, in plain Dutch (B1); Markdown without links."""
    tests: tuple[str, ...]
    """The test files (in tests/) that run this check."""
    proof: str
    """Text that each of those files holds: the tool it calls or the value it sets."""
    tool: Tool | None = None


AXE = Tool("axe-core", "axe-core", "4.14.1")
LIGHTHOUSE = Tool("Lighthouse", "lighthouse", "12.2.3")
VNU = Tool("de Nu Html Checker", "vnu-jar", "26.9.27")
ZENSICAL = Tool("Zensical", "zensical", "0.0.73", registry="pip")

_BOTH = f"in de {SCHEMES['light']} en de {SCHEMES['dark']} weergave"

CHECKS = (
    Check(
        "De regels van WCAG",
        f"Het programma axe-core (versie {AXE.version}) controleert elke soort pagina op de regels van WCAG "
        f"2.0, 2.1 en 2.2, niveau A en AA. Dat doet het {_BOTH}, en ook met het menu open op een telefoon en "
        "met het zoekvenster open.",
        ("test_browser.py", "test_keyboard.py", "test_search.py", "test_init.py"),
        "axe",
        AXE,
    ),
    Check(
        "Alleen een toetsenbord",
        f"Een test gaat met de Tab-toets door elke soort pagina, en met Shift+Tab weer terug. Dat doet hij op "
        f"de breedte van een telefoon ({PHONE_WIDTH} pixels) en van een laptop ({LAPTOP_WIDTH} pixels), {_BOTH}. "
        "Je moet altijd zien waar je bent, niets mag dat bedekken, en je mag nergens vast komen te zitten. "
        "Ook het menu, de knop voor licht en donker en het zoeken testen we met het toetsenbord.",
        ("test_keyboard.py", "test_search.py"),
        "keyboard.press",
    ),
    Check(
        "Contrast met de muis en de focus erop",
        "Een test zet elke link, knop en elk invoerveld in elke stand: met de muis erop, met de focus van het "
        "toetsenbord erop en ingedrukt. Dat doet hij op een pagina van elke soort (de startpagina, de agenda, "
        "een evenement, een community, een thema, de externe community's, een gewone pagina en de foutpagina), "
        f"met beide bouwers, {_BOTH}. Tekst moet dan goed te lezen blijven. Ook pictogrammen, randen en de rand "
        "die de focus laat zien, moeten genoeg afsteken tegen de achtergrond. Met de kleuren voor hoog contrast "
        "van Windows moet je blijven zien of de knop voor donker aan staat, of het menu open is en op welke "
        "pagina je bent.",
        ("test_states.py",),
        "CSS.forcePseudoState",
    ),
    Check(
        "Geen sneltoetsen van één teken",
        "Een test drukt elke letter, elk cijfer en elk leesteken in, op de pagina en op een link, met beide "
        "bouwers. Geen enkele toets mag je naar een andere pagina sturen, de focus verplaatsen of de pagina "
        "laten scrollen. In een invoerveld typ je gewoon.",
        ("test_shortcuts.py",),
        "string.printable",
    ),
    Check(
        "Alles in het Nederlands",
        "Een test zoekt op elke pagina van beide bouwers naar Engelse woorden van het thema: in de tekst en in "
        "wat een schermlezer voorleest, zoals de naam van een knop. Een Engelse titel van een evenement is "
        "gemarkeerd als Engels.",
        ("test_english.py",),
        "SAID_ATTRIBUTES",
    ),
    Check(
        "Inzoomen",
        f"Op {ZOOMED_WIDTH} pixels breed past elke pagina op het scherm, zonder dat je opzij moet scrollen. Zoveel "
        "ruimte heeft een pagina op een laptop als je inzoomt tot 400 procent.",
        ("test_browser.py",),
        f'"width": {ZOOMED_WIDTH}',
    ),
    Check(
        "Meer ruimte in de tekst",
        "Een test geeft de tekst op elke soort pagina van beide bouwers meer ruimte tussen regels, alinea's, "
        f"letters en woorden, zoveel als WCAG noemt. Op {ZOOMED_WIDTH} en op {LAPTOP_WIDTH} pixels breed mag "
        "dan geen tekst wegvallen of buiten het scherm lopen.",
        ("test_text_spacing.py",),
        "letter-spacing: 0.12em",
    ),
    Check(
        "Wat een schermlezer hoort",
        "Een test leest van elke soort pagina van beide bouwers wat de browser aan een schermlezer doorgeeft. "
        "Elke pagina heeft één hoofdkop, de koppen staan in de goede volgorde, de delen van de pagina hebben "
        "een Nederlandse naam, het menu staat niet in de inhoud, en links met dezelfde naam gaan naar dezelfde "
        'plek. Tussen twee tijden hoor je "tot", niet een streepje.',
        ("test_a11y_tree.py",),
        "getFullAXTree",
    ),
    Check(
        "Zonder JavaScript",
        "De agenda werkt ook als JavaScript uit staat: dan staan er links waar anders het formulier staat "
        "om evenementen te kiezen. Op elke breedte kom je dan met de Tab-toets bij alle links van het menu. "
        "Op een smal scherm is dat eerst de knop Menu: met de spatiebalk gaat het menu open.",
        ("test_filters.py", "test_keyboard.py"),
        "java_script_enabled=False",
    ),
    Check(
        "Evenementen eerst",
        f"Een test meet waar het eerste evenement staat. Dat doet hij {_BOTH}, met en zonder JavaScript, en "
        "met beide bouwers. Op de agenda moet het helemaal te zien zijn zonder te scrollen: op een telefoon (375 "
        "bij 667 pixels) en op een laptop (1280 bij 800 pixels). Op de startpagina geldt dat ook op een laptop. "
        "Op een telefoon staat het daar binnen twee schermen. De keuze van evenementen gaat open en dicht met "
        "het toetsenbord.",
        ("test_first_screen.py",),
        "getBoundingClientRect",
    ),
    Check(
        "Printen",
        f"Een test print elke soort pagina als pdf, vanuit de {SCHEMES['light']} en de {SCHEMES['dark']} "
        "weergave. Alle tekst op papier moet goed te lezen zijn, knoppen en menu's die alleen op een "
        "scherm werken, komen niet op papier, en een evenement in een lijst staat op één vel.",
        ("test_print.py",),
        "pdf",
    ),
    Check(
        "Lighthouse",
        f"Dit programma van Google (versie {LIGHTHOUSE.version}) controleert elke soort pagina zoals op een "
        "telefoon: op toegankelijkheid, goede techniek en vindbaarheid. Een pagina moet op alle drie 100 "
        "punten halen.",
        ("test_lighthouse.py",),
        'CATEGORIES = ("accessibility", "best-practices", "seo")',
        LIGHTHOUSE,
    ),
    Check(
        "De HTML-code",
        f"De Nu Html Checker van het W3C (versie {VNU.version}) controleert of de HTML van elke pagina klopt. "
        "Dat helpt hulpmiddelen zoals een schermlezer.",
        ("test_html_valid.py",),
        "vnu",
        VNU,
    ),
    Check(
        "Met twee bouwers",
        "Twee programma's kunnen de site maken: MkDocs met Material for MkDocs, en de opvolger daarvan, "
        f"Zensical (versie {ZENSICAL.version}). Met allebei controleert axe-core elke soort pagina {_BOTH}, "
        "en testen we het belangrijkste met het toetsenbord.",
        ("test_zensical.py",),
        'visit.axe["violations"]',
        ZENSICAL,
    ),
)
"""Every check, in the order the statement lists them."""
