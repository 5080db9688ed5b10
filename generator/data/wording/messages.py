"""Every message an editor can see, in plain Dutch (B1), and the one place that formats them: for
the check (`describe`, `format_problem`) and for the editors' JSON Schemas (`in_a_schema`).

Each message says what is wrong and how to fix it. CONTRIBUTING.md lists them all; a test keeps
that list and this one in step. Which rule gives which message is declared in `rules.py`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .problems import Problem

MESSAGES: Mapping[str, str] = {
    # Reading the file
    "file_missing": "Dit bestand ontbreekt. Zet het terug in de hoofdmap van de repository, met precies deze naam.",
    "file_is_folder": "Dit is een map, geen bestand. Zet hier het YAML-bestand met precies deze naam, "
    "in plaats van de map.",
    "file_unreadable": "Dit bestand kan niet gelezen worden ({reason}). Kijk of je het mag lezen, "
    "en of het niet open staat in een ander programma.",
    "not_utf8": "Hier staat een teken dat geen UTF-8 is. Sla het bestand op als UTF-8 "
    '(kies bij "Opslaan als" de codering UTF-8), of typ het teken opnieuw.',
    "yaml_control_character": "Hier staat een onzichtbaar teken ({code}). Haal het weg; typ de tekst zo nodig "
    "opnieuw. Dit komt vaak door kopiëren en plakken.",
    "yaml_tab": "Hier staat een tab. YAML werkt alleen met spaties: vervang de tab door spaties.",
    "yaml_anchor": "Ankers en verwijzingen (`&` en `*`) zijn niet toegestaan. Schrijf de waarde gewoon uit. "
    "Begint je tekst met `&` of `*`? Zet hem dan tussen aanhalingstekens.",
    "yaml_tag": "Een YAML-tag (zoals `!!str`) is niet toegestaan. Haal de tag weg. "
    "Begint je tekst met `!`? Zet hem dan tussen aanhalingstekens.",
    "yaml_colon": "Hier staat een dubbele punt die YAML niet begrijpt. "
    "Zet de hele tekst tussen aanhalingstekens, of zet een spatie na de dubbele punt van het veld.",
    "yaml_missing_colon": "Hier mist een dubbele punt na de veldnaam. "
    "Schrijf `veld: waarde`, met een spatie na de dubbele punt.",
    "yaml_space_after_colon": "Na `{field}:` mist een spatie. Schrijf een spatie na de dubbele punt, "
    "bijvoorbeeld `title: Terugblik`.",
    "yaml_nbsp": "Hier staat een harde spatie: een onzichtbaar teken dat op een spatie lijkt. YAML leest het niet "
    "als spatie. Haal het weg en typ een gewone spatie. Dit komt vaak door kopiëren en plakken.",
    "yaml_needs_quotes": "Deze tekst begint met een haakje of een aanhalingsteken, en gaat daarna verder. "
    'YAML leest dat anders. Zet de hele tekst tussen aanhalingstekens, bijvoorbeeld: `title: "[Online] Terugblik"`.',
    "yaml_indent": "De inspringing klopt hier niet. Zet dit veld precies onder de andere velden van hetzelfde item: "
    "tel de spaties.",
    "list_without_name": "Hier begint een lijst, maar de naam erboven ontbreekt, zoals `themes:`, `communities:` "
    "of `events:`. Zet de naam op de regel boven de lijst, zonder spaties ervoor.",
    "missing_dash": "Hier begint een nieuw item, maar het streepje ervoor ontbreekt. "
    "Schrijf `- ` voor `{field}:`, net als bij de andere items in de lijst.",
    "yaml_documents": "Dit bestand heeft meer dan één deel (`---`). Haal de extra `---` weg.",
    "yaml_quote": "Een aanhalingsteken is niet gesloten. Sluit de tekst af met hetzelfde aanhalingsteken als "
    "aan het begin, op dezelfde regel.",
    "yaml_escape": "Een backslash (`\\`) in tekst tussen dubbele aanhalingstekens werkt hier niet. "
    "Gebruik enkele aanhalingstekens of schrijf twee backslashes.",
    "yaml_syntax": "De YAML klopt hier niet. Controleer de inspringing, de dubbele punten en de aanhalingstekens, "
    "op deze regel en de regel erboven. Begint de tekst met een bijzonder teken? Zet hem dan tussen aanhalingstekens.",
    "yaml_complex_key": "Een veldnaam moet gewone tekst zijn. Schrijf de naam gevolgd door een dubbele punt, "
    "zonder haakjes of streepje ervoor.",
    "duplicate_key": "Het veld `{field}` staat hier twee keer (ook op regel {first}). Haal er één weg.",
    "top_level": "Het bestand moet beginnen met `{expected}` met daaronder een lijst. "
    "Is de lijst leeg? Schrijf dan bijvoorbeeld `events: []`.",
    "comment_in_value": "Na `#` staat tekst die niet op de site komt: YAML leest `#` als het begin van een opmerking. "
    'Hoort de tekst bij de waarde? Zet dan de hele waarde tussen aanhalingstekens, bijvoorbeeld `title: "Café #2"`. '
    "Is het een opmerking? Zet die dan op een eigen regel.",
    "field_in_text": "Deze regel lijkt het veld `{field}`, maar hij staat in de tekst van `{block}`: "
    "hij springt te ver in. Zet `{field}:` net zo ver naar links als `{block}:`.",
    "joined_lines": "YAML maakt van de regels van `{field}` één lange regel: deze opsomming of dit kopje "
    "valt dan weg. Schrijf `{field}: |` en zet de tekst op de regels eronder.",
    "comma_in_flow": "Na de komma begint YAML een nieuw veld: de tekst hoort waarschijnlijk bij `{field}`. "
    'Zet de hele waarde tussen aanhalingstekens, bijvoorbeeld `address: "Kerkstraat 1, Zwolle"`.',
    # Fields
    "unknown_field": "Het veld `{field}` bestaat niet. Kijk in CONTRIBUTING.md welke velden er zijn.",
    "field_too_deep": "Het veld `{field}` hoort niet onder `{parent}`: het springt te ver in. "
    "Zet `{field}:` net zo ver naar links als `{parent}:`.",
    "field_too_shallow": "Het veld `{field}` hoort onder `{parent}`: het springt niet ver genoeg in. "
    "Zet `{field}:` onder `{parent}:`, net zo ver naar rechts als de andere velden daar.",
    "not_indented": "De velden onder `{field}:` springen niet in. Zet ze twee spaties verder naar rechts "
    "dan `{field}:`.",
    "missing": "Het verplichte veld `{field}` ontbreekt. Voeg het toe.",
    "empty": "Het veld `{field}` is leeg. Vul een waarde in, of haal de hele regel weg als het veld niet verplicht is.",
    "empty_list": "De lijst `{field}` is leeg. Zet de items eronder, elk op een eigen regel met `- ` ervoor. "
    "Moet de lijst leeg blijven? Schrijf dan `{field}: []`.",
    "not_one_of": "`{value}` is geen geldige waarde voor `{field}`. Kies uit: {choices}. Schrijf de waarde precies zo.",
    "not_text": "Het veld `{field}` moet tekst zijn. Zet de waarde tussen aanhalingstekens.",
    "not_whole_number": "Het veld `{field}` moet een heel getal zijn, zonder aanhalingstekens, bijvoorbeeld 250. "
    "Schrijf alleen cijfers, zonder punt.",
    "not_bool": "Het veld `{field}` moet `true` of `false` zijn (zonder aanhalingstekens). "
    "Niet `ja`, `nee`, `yes` of `no`.",
    "not_list": "Het veld `{field}` moet een lijst zijn: zet elk item op een eigen regel met `- ` ervoor, "
    "ook als er maar één item is. Of zet de lijst tussen rechte haken.",
    "not_mapping": "Hier hoort een item met velden (`veldnaam: waarde`), geen losse waarde.",
    "list_empty": "De lijst `{field}` is leeg. Zet er minstens één item in.",
    "too_long": "Het veld `{field}` is te lang: maximaal {max_length} tekens. Maak de tekst korter; "
    "de rest kan in `description`.",
    "negative": "Het veld `{field}` mag niet negatief zijn. Vul 0 of meer in.",
    "bad_slug": "`{value}` is geen geldige id. Gebruik alleen kleine letters, cijfers en streepjes, "
    "zoals `open-dag-2027`: geen spaties, hoofdletters of accenten.",
    "id_too_long": "Deze id is te lang ({length}). Een id mag hoogstens {max_length} tekens hebben, "
    "want hij wordt een webadres en een mapnaam. Maak de id korter: laat woorden weg.",
    "multiple_lines": "Het veld `{field}` moet op één regel passen. Haal de regeleinden weg.",
    "control_character": "In `{field}` staat een onzichtbaar stuurteken ({code}). Dat komt meestal van een `\\` "
    "in een tekst tussen dubbele aanhalingstekens. Haal het weg, of zet de tekst tussen enkele aanhalingstekens.",
    "html_in_text": "In `{field}` staat `<` of `>`. HTML mag hier niet: schrijf gewone tekst zonder `<` en `>`.",
    "entity_in_text": "In `{field}` staat de HTML-code `{entity}`. "
    "Typ het teken zelf, bijvoorbeeld `&` in plaats van `&amp;`.",
    "html_in_markdown": "In `{field}` staat HTML (`{tag}`). Gebruik Markdown in plaats van HTML, "
    "bijvoorbeeld `**vet**` of `[linktekst](https://...)`.",
    "unsafe_link": "In `{field}` staat een link of afbeelding die niet mag: `{link}`. "
    "Gebruik een adres dat begint met `https://`, `http://`, `mailto:` of `tel:`. "
    "Afbeeldingen van andere websites mogen niet.",
    "link_without_scheme": "In `{field}` staat een link zonder `https://` of `mailto:` ervoor: `{link}`. "
    "Zonder dat wordt het een kapotte link. Schrijf `https://` voor een webadres en `mailto:` voor een e-mailadres.",
    "markdown_heading": "In `{field}` wordt deze regel een kopje. Dat komt door `#` direct voor een woord, "
    "of door `---` of `===` op de regel eronder. Is het een hashtag? Zet er een woord voor, zoals `Volg ons: #cx`. "
    "Is het een kopje? Schrijf `## Kopje`, met een spatie na `##`, en zonder `---` of `===` eronder.",
    "markdown_code": "In `{field}` springt deze regel vier spaties of meer extra in, of hij begint met drie backticks "
    "of met `~~~`. "
    "Dan komt de tekst in een grijs blok met code op de site. "
    "Laat de regel net zo ver inspringen als de andere regels van de tekst.",
    "markdown_quote": "In `{field}` begint deze regel met `>`. Dan wordt de tekst een citaat, met een streep ervoor. "
    "Haal `>` weg. Wil je iemand citeren? Zet de woorden tussen aanhalingstekens.",
    "merge_conflict": "In `{field}` staan nog de tekens van een conflict in Git (`<<<<<<<`, `=======` of `>>>>>>>`). "
    "Dan komen beide versies op de site. Kies één versie. Haal de andere versie en de tekens weg.",
    "bad_url": "`{value}` is geen geldig webadres. Een adres begint met `https://` (of `http://`), zonder spaties.",
    "url_character": "In het webadres `{value}` staat een teken dat niet in een webadres kan ({character}). "
    "Haal het weg, of schrijf het als code met % ({encoded}).",
    "url_invisible": "In `{field}` staat een teken dat je niet ziet ({code}). Dat komt vaak mee als je een adres "
    "kopieert uit een document, een pdf of een chat. Typ het adres opnieuw.",
    "url_comma_in_host": "In `{field}` staat een komma in de naam van de website. "
    "Schrijf daar een punt ({suggestion}).",
    "url_safelinks": "In `{field}` staat een link van Outlook (Safe Links), geen gewoon webadres. "
    "In die link staat ook jouw e-mailadres. Plak het echte adres: `{target}`.",
    "bad_email": "`{value}` is geen geldig e-mailadres. Schrijf het als `naam@organisatie.nl`, zonder `mailto:`.",
    # Dates and times
    "bad_moment": '`{value}` is geen geldige datum. Schrijf `"JJJJ-MM-DD UU:MM"` (bijvoorbeeld `"2026-12-08 14:00"`) '
    'of alleen `"JJJJ-MM-DD"` voor een evenement van een hele dag. Het jaar staat eerst.',
    "year_out_of_range": "Het jaar in `{value}` klopt niet. Kies een jaar van 2000 tot en met 2099.",
    "impossible_date": "De datum `{value}` bestaat niet. Controleer de dag en de maand. De maand staat in het "
    'midden: `"2026-12-08"` is 8 december.',
    "impossible_time": "De tijd in `{value}` bestaat niet. Gebruik uren van 00 tot 23 en minuten van 00 tot 59. "
    "Schrijf middernacht als `00:00` op de volgende dag.",
    "nonexistent_time": "De tijd `{value}` bestaat niet in Nederland: de klok gaat die nacht van 02:00 naar 03:00. "
    "Kies een tijd voor 02:00, of 03:00 of later.",
    "ambiguous_time": "De tijd `{value}` komt in Nederland twee keer voor: de klok gaat die nacht van 03:00 terug "
    "naar 02:00. Kies een tijd voor 02:00, of 03:00 of later.",
    "missing_end": "Een evenement met een begintijd heeft ook een eindtijd nodig. Voeg `end` toe, "
    'met datum en tijd, bijvoorbeeld `end: "2026-12-08 16:00"`.',
    "end_form": "`end` moet dezelfde vorm hebben als `start`: allebei met tijd, of allebei alleen een datum.",
    "end_before_start": "Het einde ligt voor het begin, of is gelijk aan het begin. Controleer `start` en `end`. "
    "Bij hele dagen is `end` de laatste dag.",
    "online_url_without_online": "Bij `location` staat een `online_url`, maar niet `online: true`. "
    "Zet `online: true`, of haal de link weg.",
    "location_nowhere": "Bij `location` staat geen plaats. Vul `venue` in, of zet `online: true`.",
    "venue_without_address": "Bij `location` staat een plek (`venue`) zonder adres. Vul `address` in, met straat, "
    'nummer en plaats, bijvoorbeeld `address: "Kerkstraat 1, Zwolle"`.',
    "accessibility_empty": "Bij `accessibility` staat niets. Vul `features` in, of `contact`, of allebei. "
    "Weet je niets over de toegankelijkheid? Haal `accessibility` dan weg: de site zegt dan "
    '"Vraag de organisatie".',
    "accessibility_list": "Onder `accessibility` hoort de lijst achter `features:`. Schrijf op de regel onder "
    "`accessibility:`, twee spaties verder naar rechts: `features: [drempelvrij, ringleiding]`.",
    "bad_day": '`{value}` is geen geldige datum. Schrijf alleen de datum, het jaar eerst: `"JJJJ-MM-DD"`, '
    'bijvoorbeeld `"2026-12-01"`.',
    "deadline_form": "`registration_deadline` is alleen een datum, zonder tijd: de laatste dag om je aan te melden. "
    'Schrijf bijvoorbeeld `registration_deadline: "2026-12-01"`.',
    "deadline_after_start": "De laatste dag om je aan te melden (`registration_deadline`) ligt na de dag dat het "
    "evenement begint. Kies de dag van `start` of een dag ervoor.",
    "registration_without_url": "Bij dit evenement staat `{field}`, maar geen `registration_url`. "
    "`{field}` gaat over aanmelden via die link. Voeg `registration_url` toe, of haal `{field}` weg.",
    # Across files
    "duplicate_id": "`{value}` staat al eerder in de lijst (regel {first}). Elke `{field}` moet uniek zijn. "
    "Bestaat het item al? Pas dan dat item aan.",
    "duplicate_in_list": "`{value}` staat twee keer in `{field}`. Haal er één weg.",
    "unknown_community": "Er is geen community met id `{value}` in communities.yaml. "
    "Kopieer de id uit communities.yaml; let op de spelling.",
    "unknown_theme": "Er is geen thema met id `{value}` in communities.yaml. "
    "Kopieer de id uit `themes` in communities.yaml, of voeg het thema toe.",
    "removed_still_used": "Hier is de id `{value}` weggehaald of veranderd. Maar die id wordt nog gebruikt: "
    "in {file} op regel {line} ({count} keer in totaal). Zet de id terug, of verander hem ook op die plekken.",
    "reserved_id": "`{value}` is al het adres van een pagina van de site zelf. Kies een andere id: "
    "zet er een woord bij, bijvoorbeeld het jaar of het onderwerp.",
    # The site's settings, pages and environment
    "page_taken": "Deze pagina maakt de generator zelf. Haal het bestand weg.",
    "config_site_url": "Zet `site_url` in dit bestand, bijvoorbeeld site_url: https://communities.example.nl/. "
    "De agenda-bestanden hebben dat adres nodig.",
    "history_incomplete": "De bouw stopt, want {reason}. Dan kloppen de volgnummers (SEQUENCE) en tijden "
    "(LAST-MODIFIED) in de agenda-bestanden niet, en agenda-apps missen wijzigingen. Haal eerst de hele "
    "geschiedenis op: zet `fetch-depth: 0` bij actions/checkout in de workflow, of doe `git fetch --unshallow`. "
    "Bouw daarna opnieuw.",
    "config_directory_urls": "De generator werkt alleen met use_directory_urls: true. Zet dat in dit bestand.",
    "statement_no_date": "De toegankelijkheidsverklaring heeft een datum nodig: de dag waarop je hem maakte of "
    'voor het laatst nakeek. Zet die bij de plugin communities, bijvoorbeeld `accessibility_date: "2026-12-07"`.',
    "statement_no_email": "De toegankelijkheidsverklaring noemt een e-mailadres om een probleem te melden. "
    "Zet dat adres bij de plugin communities, bijvoorbeeld `contact_email: toegankelijkheid@organisatie.nl`.",
    "page_no_email": "Deze pagina noemt het algemene e-mailadres van de site, maar dat staat nergens. "
    "Zet het bij de plugin communities in mkdocs.yml, bijvoorbeeld `contact_email: redactie@organisatie.nl`.",
    "statement_status_without_audit": "Status {value} mag alleen na een onderzoek door een deskundige (een audit). "
    "Zet de link naar het rapport bij `accessibility_audit`. Is er geen onderzoek? Haal `accessibility_status` "
    "dan weg: de generator kiest dan zelf status C of D.",
    "statement_bad_status": "`{value}` kan hier niet. Zet `A` of `B`, na een onderzoek door een deskundige. "
    "Status C of D kiest de generator zelf: C als er een onderzoek gepland is (`accessibility_audit_planned`), "
    "anders D. Haal `accessibility_status` dan weg.",
    "statement_audit_without_status": "Bij `accessibility_audit` staat een onderzoek, maar er is geen status. "
    "Zet `accessibility_status: A` als de site aan alle eisen voldoet, of `accessibility_status: B` als dat nog "
    "niet zo is.",
    "statement_plan_before": "Het onderzoek is gepland op {value}. Dat is voor de datum van de verklaring ({day}). "
    "Is het onderzoek gedaan? Zet dan de link naar het rapport bij `accessibility_audit`, met de status. "
    "Is het verschoven? Zet dan de nieuwe datum.",
    "statement_plan_late": "Het onderzoek is gepland op {value}. Dat is meer dan zes maanden na de datum van de "
    "verklaring ({day}). Dan heeft de site status D, niet C. Plan het onderzoek eerder, of haal "
    "`accessibility_audit_planned` weg.",
    "statement_unknown_part": "`{value}` is geen deel van de toegankelijkheidsverklaring. Kies uit {choices}.",
    "statement_part_twice": "Het deel `{value}` staat twee keer in de toegankelijkheidsverklaring (ook op regel "
    "{first}). Haal er één weg.",
    "statement_missing_part": "De regel `{value}` ontbreekt. Daar zet de generator {what}. Zet de regel terug in "
    "de pagina, op een eigen regel.",
    "bad_epoch": "Deze variabele moet een tijd zijn: het aantal seconden sinds 1 januari 1970, "
    "bijvoorbeeld `1795950000`. Er staat `{value}`. Haal de variabele weg om de tijd van nu te gebruiken.",
    # Warnings: the check passes, but a reviewer should look
    "warn_deleted_event": "Hier is het evenement `{value}` weggehaald (of de id is veranderd), maar het is nog "
    "niet voorbij. Wie het in zijn agenda heeft, krijgt dan alleen te horen dat het niet doorgaat. Gaat het niet "
    "door? Zet het terug met `status: cancelled` en schrijf de reden in `description`. Is het verplaatst? Zet "
    "dezelfde id terug en verander alleen `start` en `end`.",
    "warn_new_past_event": "Het evenement `{value}` is nieuw, maar is al voorbij. Klopt de datum? "
    "Controleer het jaar in `start` en `end`.",
    "warn_no_registration": "Het evenement `{value}` heeft geen `registration_url`. "
    "Bezoekers weten dan niet hoe ze zich aanmelden.",
    "warn_invisible_in_text": "In `{field}` staat een teken dat je niet ziet ({code}), {where}. "
    "Het komt vaak mee als je tekst kopieert. Haal het weg, want de zoekfunctie van de site vindt het woord "
    "anders niet.",
    "warn_url_end": "Het webadres `{value}` eindigt op `{end}`. Dat teken hoort meestal bij de zin eromheen. "
    "Haal het weg als het adres `{suggestion}` is.",
    "warn_url_entity": "In het webadres `{value}` staat `&amp;`. Dat is HTML-code voor `&`. "
    "Schrijf `&`: `{suggestion}`.",
    "warn_cancelled_without_reason": "Het evenement `{value}` gaat niet door. Schrijf in `description` waarom, "
    'bijvoorbeeld: "Dit evenement gaat niet door omdat de spreker ziek is."',
    "warn_duplicate": "Het evenement `{value}` lijkt op `{other}` (regel {first}): "
    "dezelfde dag en bijna dezelfde titel. Staat het er twee keer in?",
    "warn_unused_theme": "Het thema `{value}` wordt nergens gebruikt. Gebruik het, of haal het weg.",
    "warn_inactive_community": "De community `{value}` heeft geen evenement in de komende zes maanden. "
    "Zet een evenement in de agenda, anders lijkt de community stil te liggen.",
    "warn_long_event": "Het evenement `{value}` duurt {days} dagen. Klopt dat? Controleer de datum in `start` "
    "en in `end`, vooral de maand en het jaar.",
    "warn_early_deadline": "De laatste dag om je aan te melden (`{value}`) ligt meer dan drie maanden voor het "
    "evenement. Klopt het jaar en de maand in `registration_deadline`?",
    "warn_moved_a_year": "Het evenement `{value}` begon eerst op {before}. Nu is dat ongeveer een jaar later "
    "of eerder. Klopt het jaar in `start` en `end`?",
    "warn_statement_old": "De toegankelijkheidsverklaring is van {value}: langer dan een jaar geleden. "
    "Kijk na of alles nog klopt. Zet dan de datum van vandaag bij `accessibility_date`.",
    "warn_statement_plan_lapsed": "De toegankelijkheidsverklaring is van {day}. Er was een onderzoek gepland, "
    "maar status C geldt maar zes maanden. De site heeft nu status D. Is het onderzoek gedaan? Zet dan de link "
    "naar het rapport bij `accessibility_audit`, met de status, en een nieuwe datum.",
    "warn_statement_without_parts": "De generator kan in de toegankelijkheidsverklaring de datum, de status, "
    "hoe we testen en waar je een probleem meldt zelf invullen. Zet daarvoor regels als "
    "`<!-- verklaring: status -->` in deze pagina. Zie de CHANGELOG: {changelog}",
    "warn_start_moved_alone": "Bij het evenement `{value}` is `start` veranderd (eerst {before}), maar `end` "
    "niet. Moet `end` ook mee veranderen?",
}

HINTS: Mapping[str, str] = {
    "curly_quotes": "Er staan gekrulde aanhalingstekens in (`“ ”` of `‘ ’`), bijvoorbeeld uit Word. "
    'Typ ze opnieuw als rechte aanhalingstekens (`"`).',
    "space": "Er staat een spatie in, na `{before}`. Haal die weg.",
    "line_break": "Er staat een regeleinde in, na `{before}`. Haal het weg.",
    "invisible_space": "Er staat een onzichtbaar teken in, na `{before}`. Haal het weg.",
    "mailto": "Haal `mailto:` weg: schrijf alleen het adres.",
    "accent": "Er staat een letter met een accent of een hoofdletter in: `{letter}`. Schrijf `{plain}`.",
    "space_in_id": "Er staat een spatie in: schrijf een streepje in plaats van de spatie.",
}
"""A second sentence that names what is hard to see in a refused value; `problem.params["hint"]`."""

_FALLBACK = "Deze waarde klopt niet. Kijk in CONTRIBUTING.md wat hier mag."
_SUGGESTION = " Bedoelde je `{suggestion}`?"
_LONGEST_VALUE = 60
_TYPED = frozenset({"value", "link", "tag", "before"})
_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")


def describe(problem: Problem, *, one_line: bool = True) -> str:
    """The Dutch sentence for one problem, with what is hard to see and a "bedoelde je …?" when known.

    `one_line` shows a line break in a value as ⏎; a GitHub annotation escapes it instead.
    """
    params: dict[str, Any] = {
        "field": "",
        **{name: _shown(name, value, one_line) for name, value in problem.params.items()},
    }
    text = MESSAGES.get(problem.key, _FALLBACK).format_map(params)
    if params.get("hint") in HINTS:
        text += " " + HINTS[params["hint"]].format_map(params)
    if params.get("suggestion"):
        text += _SUGGESTION.format_map(params)
    return text


def _shown(name: str, value: Any, one_line: bool) -> Any:
    """A parameter as it fits in one message line: a line break shown as ⏎, what the editor typed
    shortened when it is long (the choices are never shortened).

    A raw line break would split the `bestand:regel:kolom:` line.
    """
    if not isinstance(value, str):
        return value
    if one_line:
        value = _LINE_BREAKS.sub("⏎", value).replace("\t", "⇥")
    if name in _TYPED and len(value) > _LONGEST_VALUE:
        return value[: _LONGEST_VALUE - 1] + "…"
    return value


_VALUE_FIRST = re.compile(r"^`\{value\}`")
_UNKNOWN = re.compile(r" ?\(\{([a-z_]+)\}\)| ?`\{([a-z_]+)\}`")


def in_a_schema(key: str, **params: Any) -> str:
    """The message of `key` as the editors' JSON Schemas give it (`editing/schemas.py`): the same
    text as the check's, beside the value in the editor.

    A schema does not know the value: a message that starts with it starts with "Deze waarde", and
    elsewhere names the field instead. What else only the check knows (the invisible character, the
    HTML code, an unknown field's name) is left out.
    """
    template = _VALUE_FIRST.sub("Deze waarde", MESSAGES[key]).replace("{value}", "{field}")
    known = {name for name, value in params.items() if value not in ("", None)}

    def leave_out(match: re.Match[str]) -> str:
        return match.group(0) if (match.group(1) or match.group(2)) in known else ""

    return _UNKNOWN.sub(leave_out, template).format_map(params)


def format_problem(problem: Problem) -> str:
    """`bestand:regel:kolom: uitleg`, the form editors see in the terminal, the build and the PR.

    A problem outside the files (line 0, such as `SOURCE_DATE_EPOCH`) is `naam: uitleg`.
    """
    label = "waarschuwing: " if problem.warning else ""
    place = f"{problem.file}:{problem.line}:{problem.column}" if problem.line else problem.file
    return f"{place}: {label}{describe(problem)}"


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def check_summary(communities: int, events: int, themes: int, external: int, warnings: int) -> str:
    """The last line of a check that passed, with singular and plural right ("1 evenement")."""
    parts = [
        _counted(communities, "community", "community's"),
        _counted(events, "evenement", "evenementen"),
        _counted(themes, "thema", "thema's"),
    ]
    last = _counted(external, "externe community", "externe community's")
    text = f"In orde: {', '.join(parts)} en {last}."
    if warnings:
        text += f" {_counted(warnings, 'waarschuwing', 'waarschuwingen')} om na te kijken."
    return text


def problems_page(problems: Sequence[Problem]) -> str:
    """The page `mkdocs serve` shows while the data is broken, as Markdown.

    Each problem is an indented code line: whatever a value holds shows as text, never as markup.
    """
    lines = "\n".join(f"    {format_problem(problem)}" for problem in problems)
    return (
        "# De site is niet bijgewerkt\n\n"
        f"Er staat een fout in de data. {problems_summary(len(problems))}\n\n"
        f"{lines}\n\n"
        "Verbeter het bestand en sla het op. Deze pagina laadt dan vanzelf opnieuw.\n"
    )


def problems_summary(count: int) -> str:
    """The last line of a check that failed."""
    return f"{_counted(count, 'probleem', 'problemen')} gevonden. Er is niets gepubliceerd."


def format_github(problem: Problem, path: str) -> str:
    """A GitHub Actions workflow command, so that the problem shows on the line in the pull request."""
    level = "warning" if problem.warning else "error"
    properties = f"file={_escape_property(path)},line={problem.line},col={problem.column}" if problem.line else ""
    title = "Waarschuwing" if problem.warning else "Fout in de data"
    where = f"{properties}," if properties else ""
    return f"::{level} {where}title={_escape_property(title)}::{_escape_data(describe(problem, one_line=False))}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
