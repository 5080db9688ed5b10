"""Every message an editor can see, in plain Dutch (B1), and the one place that formats them.

Each message says what is wrong and how to fix it. CONTRIBUTING.md lists them all; a test keeps
that list and this one in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .problems import Problem

MESSAGES: Mapping[str, str] = {
    # Reading the file
    "file_missing": "Dit bestand ontbreekt. Zet het terug in de hoofdmap van de repository.",
    "not_utf8": "Hier staat een teken dat geen UTF-8 is. Sla het bestand op als UTF-8, of typ het teken opnieuw.",
    "yaml_control_character": "Hier staat een onzichtbaar teken ({code}). Haal het weg; typ de tekst zo nodig opnieuw.",
    "yaml_tab": "Hier staat een tab. YAML werkt alleen met spaties: vervang de tab door spaties.",
    "yaml_anchor": "Ankers en verwijzingen (& en *) zijn niet toegestaan. Schrijf de waarde gewoon uit.",
    "yaml_tag": "Een YAML-tag (zoals !!str) is niet toegestaan. Haal de tag weg; zet tekst tussen aanhalingstekens.",
    "yaml_colon": "Hier staat een dubbele punt die YAML niet begrijpt. "
    "Zet de hele tekst tussen aanhalingstekens, of zet een spatie na de dubbele punt van het veld.",
    "yaml_missing_colon": "Hier mist een dubbele punt na de veldnaam, of een aanhalingsteken is niet gesloten.",
    "yaml_needs_quotes": "Deze tekst begint met een haakje of een aanhalingsteken, en gaat daarna verder. "
    'YAML leest dat anders. Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld: title: "[Online] Terugblik".',
    "yaml_indent": "De inspringing klopt hier niet. Zet dit veld precies onder de andere velden van hetzelfde item.",
    "yaml_documents": "Dit bestand heeft meer dan één deel (---). Haal de extra --- weg.",
    "yaml_quote": "Een aanhalingsteken is niet gesloten. Sluit de tekst af met hetzelfde aanhalingsteken.",
    "yaml_escape": "Een backslash (\\) in tekst tussen dubbele aanhalingstekens werkt hier niet. "
    "Gebruik enkele aanhalingstekens of schrijf twee backslashes.",
    "yaml_syntax": "De YAML klopt hier niet. Controleer de inspringing, de dubbele punten en de aanhalingstekens.",
    "yaml_complex_key": "Een veldnaam moet gewone tekst zijn. Schrijf de naam gevolgd door een dubbele punt.",
    "duplicate_key": "Het veld `{field}` staat hier twee keer (ook op regel {first}). Haal er één weg.",
    "top_level": "Het bestand moet beginnen met {expected} met daaronder een lijst.",
    # Fields
    "unknown_field": "Het veld `{field}` bestaat niet.",
    "missing": "Het verplichte veld `{field}` ontbreekt. Voeg het toe.",
    "empty": "Het veld `{field}` is leeg. Vul een waarde in, of haal het veld weg als het niet verplicht is.",
    "not_one_of": "`{value}` is geen geldige waarde voor `{field}`. Kies uit: {choices}.",
    "not_text": "Het veld `{field}` moet tekst zijn. Zet de waarde tussen aanhalingstekens.",
    "not_whole_number": "Het veld `{field}` moet een heel getal zijn, zonder aanhalingstekens, bijvoorbeeld 250.",
    "not_bool": "Het veld `{field}` moet true of false zijn (zonder aanhalingstekens).",
    "not_list": "Het veld `{field}` moet een lijst zijn: zet elk item op een eigen regel met '- ' ervoor.",
    "not_mapping": "Hier hoort een item met velden (veldnaam: waarde), geen losse waarde.",
    "list_empty": "De lijst `{field}` is leeg. Zet er minstens één item in.",
    "too_long": "Het veld `{field}` is te lang: maximaal {max_length} tekens. Maak de tekst korter.",
    "negative": "Het veld `{field}` mag niet negatief zijn. Vul 0 of meer in.",
    "bad_slug": "`{value}` is geen geldige id. Gebruik alleen kleine letters, cijfers en streepjes, "
    "zoals `community-cx`.",
    "multiple_lines": "Het veld `{field}` moet op één regel passen. Haal de regeleinden weg.",
    "html_in_text": "In `{field}` staat < of >. HTML mag hier niet: schrijf gewone tekst zonder < en >.",
    "entity_in_text": "In `{field}` staat de HTML-code {entity}. "
    "Typ het teken zelf, bijvoorbeeld & in plaats van &amp;.",
    "html_in_markdown": "In `{field}` staat HTML ({tag}). Gebruik Markdown in plaats van HTML, "
    "bijvoorbeeld **vet** of [linktekst](https://...).",
    "unsafe_link": "In `{field}` staat een link of afbeelding die niet mag: {link}. "
    "Gebruik een adres dat begint met https://. Afbeeldingen van andere websites mogen niet.",
    "bad_url": "`{value}` is geen geldig webadres. Een adres begint met https:// (of http://).",
    "bad_email": "`{value}` is geen geldig e-mailadres. Schrijf het als naam@organisatie.nl.",
    # Dates and times
    "bad_moment": '`{value}` is geen geldige datum. Schrijf "JJJJ-MM-DD UU:MM" (bijvoorbeeld "2026-12-08 14:00") '
    'of alleen "JJJJ-MM-DD" voor een evenement van een hele dag.',
    "year_out_of_range": "Het jaar in `{value}` klopt niet. Kies een jaar van 2000 tot en met 2099.",
    "impossible_date": "De datum `{value}` bestaat niet. Controleer de dag en de maand.",
    "impossible_time": "De tijd in `{value}` bestaat niet. Gebruik uren van 00 tot 23 en minuten van 00 tot 59.",
    "nonexistent_time": "De tijd `{value}` bestaat niet in Nederland: de klok gaat die nacht een uur vooruit. "
    "Kies een tijd voor 02:00 of vanaf 03:00.",
    "ambiguous_time": "De tijd `{value}` komt in Nederland twee keer voor: de klok gaat die nacht een uur terug. "
    "Kies een tijd voor 02:00 of vanaf 03:00.",
    "missing_end": "Een evenement met een begintijd heeft ook een eindtijd nodig. Voeg `end` toe, "
    'bijvoorbeeld end: "2026-12-08 16:00".',
    "end_form": "`end` moet dezelfde vorm hebben als `start`: allebei met tijd, of allebei alleen een datum.",
    "end_before_start": "Het einde ligt voor het begin, of is gelijk aan het begin. Controleer `start` en `end`.",
    "online_url_without_online": "Bij `location` staat een `online_url`, maar niet online: true. "
    "Zet online: true, of haal de link weg.",
    "location_nowhere": "Bij `location` staat geen plaats. Vul `venue` in, of zet online: true.",
    # Across files
    "duplicate_id": "`{value}` staat al eerder in de lijst (regel {first}). Elke `{field}` moet uniek zijn.",
    "duplicate_in_list": "`{value}` staat twee keer in `{field}`. Haal er één weg.",
    "unknown_community": "Er is geen community met id `{value}` in communities.yaml.",
    "unknown_theme": "Er is geen thema met id `{value}` in communities.yaml.",
    "reserved_id": "De id `{value}` is al in gebruik voor een pagina van de site. Kies een andere id.",
    # The site's settings and pages
    "page_taken": "Deze pagina maakt de generator zelf. Haal het bestand weg.",
    "config_site_url": "Zet `site_url` in dit bestand, bijvoorbeeld site_url: https://communities.example.nl/. "
    "De agenda-bestanden hebben dat adres nodig.",
    "config_directory_urls": "De generator werkt alleen met use_directory_urls: true. Zet dat in dit bestand.",
    # Warnings: the check passes, but a reviewer should look
    "warn_new_past_event": "Het evenement `{value}` is nieuw, maar is al voorbij. Klopt de datum?",
    "warn_no_registration": "Het evenement `{value}` heeft geen `registration_url`. "
    "Bezoekers weten dan niet hoe ze zich aanmelden.",
    "warn_cancelled_without_reason": "Het evenement `{value}` gaat niet door. Schrijf in `description` waarom, "
    'bijvoorbeeld: "Dit evenement gaat niet door omdat de spreker ziek is."',
    "warn_duplicate": "Het evenement `{value}` lijkt op `{other}` (regel {first}): "
    "dezelfde dag en bijna dezelfde titel. Staat het er twee keer in?",
    "warn_unused_theme": "Het thema `{value}` wordt nergens gebruikt. Gebruik het, of haal het weg.",
    "warn_inactive_community": "De community `{value}` heeft geen evenement in de komende zes maanden. "
    "Zet een evenement in de agenda, anders lijkt de community stil te liggen.",
}

_FALLBACK = "Deze waarde klopt niet. Kijk in CONTRIBUTING.md wat hier mag."
_SUGGESTION = " Bedoelde je `{suggestion}`?"


def describe(problem: Problem) -> str:
    """The Dutch sentence for one problem, with a "bedoelde je …?" when there is a close match."""
    params: dict[str, Any] = {"field": "", **problem.params}
    text = MESSAGES.get(problem.key, _FALLBACK).format_map(params)
    if params.get("suggestion"):
        text += _SUGGESTION.format_map(params)
    return text


def format_problem(problem: Problem) -> str:
    """`bestand:regel:kolom: uitleg`, the form editors see in the terminal, the build and the PR."""
    label = "waarschuwing: " if problem.warning else ""
    return f"{problem.file}:{problem.line}:{problem.column}: {label}{describe(problem)}"


def format_github(problem: Problem, path: str) -> str:
    """A GitHub Actions workflow command, so that the problem shows on the line in the pull request."""
    level = "warning" if problem.warning else "error"
    properties = f"file={_escape_property(path)},line={problem.line},col={problem.column}"
    title = "Waarschuwing" if problem.warning else "Fout in de data"
    return f"::{level} {properties},title={_escape_property(title)}::{_escape_data(describe(problem))}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
