"""The table of messages in CONTRIBUTING.md, made from `messages.py`, so that the guide shows
exactly what the check prints; and the table of the Markdown a description may hold (`LANGUAGE`).

The table stands between two markers in the guide. `python -m generator.data.wording.message_table`
writes it again after a message changes; a test fails while the guide and the code differ.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from pathlib import Path

from .messages import HINTS, MESSAGES

BEGIN = "<!-- meldingen: begin (gemaakt door python -m generator.data.wording.message_table) -->"
END = "<!-- meldingen: einde -->"
_PARAMETER = re.compile(r"\{[a-z_]+\}")

# A line that gives the message (`fout`) and the same line put right (`goed`), for an event on
# 25 October 2026 from 14:00 to 16:00. ⏎ starts a new line, ␣ is a space where the number counts,
# ⇥ a tab and ␈ a character you cannot see.
EXAMPLES: Mapping[str, tuple[str, str]] = {
    "file_missing": ("event.yaml", "events.yaml"),
    "file_is_folder": ("map events.yaml/", "bestand events.yaml"),
    "file_unreadable": ("events.yaml zonder leesrechten", "events.yaml die je mag lezen"),
    "not_utf8": ("title: Caf�", "title: Café"),
    "yaml_control_character": ("title: Terug␈blik", "title: Terugblik"),
    "yaml_tab": ("- id: cx⏎⇥title: Terugblik", "- id: cx⏎␣␣title: Terugblik"),
    "yaml_anchor": ("title: *Nieuw", 'title: "*Nieuw"'),
    "yaml_tag": ("title: !Nieuw Terugblik", 'title: "!Nieuw Terugblik"'),
    "yaml_colon": ("title: Webinar: klantreizen", 'title: "Webinar: klantreizen"'),
    "yaml_missing_colon": ("title Terugblik", "title: Terugblik"),
    "yaml_space_after_colon": ("title:Terugblik", "title: Terugblik"),
    "yaml_nbsp": ("title:␈Terugblik", "title: Terugblik"),
    "yaml_needs_quotes": ("title: [Online] Terugblik", 'title: "[Online] Terugblik"'),
    "yaml_indent": ("- id: cx⏎␣␣␣title: Terugblik", "- id: cx⏎␣␣title: Terugblik"),
    "list_without_name": ("# Thema's⏎  - id: klantreizen", "themes:⏎  - id: klantreizen"),
    "missing_dash": ("- id: cx-terugblik⏎  id: dd-webinar", "- id: cx-terugblik⏎- id: dd-webinar"),
    "yaml_documents": ("- id: cx⏎---⏎- id: dd", "- id: cx⏎- id: dd"),
    "yaml_quote": ('title: "Terugblik op klantreizen', 'title: "Terugblik op klantreizen"'),
    "yaml_escape": ('summary: "Slides op S:\\Communicatie"', "summary: 'Slides op S:\\Communicatie'"),
    "yaml_syntax": ("title: @Terugblik op klantreizen", 'title: "@Terugblik op klantreizen"'),
    "yaml_complex_key": ("[title]: Terugblik", "title: Terugblik"),
    "duplicate_key": ("title: Terugblik⏎title: Terugblik 2026", "title: Terugblik 2026"),
    "top_level": ("- id: cx-terugblik", "events:⏎␣␣- id: cx-terugblik"),
    "comment_in_value": ("title: Schrijfcafé #2", 'title: "Schrijfcafé #2"'),
    "field_in_text": (
        "description: |⏎␣␣Gaat niet door.⏎␣␣status: cancelled",
        "description: |⏎␣␣Gaat niet door.⏎status: cancelled",
    ),
    "joined_lines": ("description: >⏎␣␣Programma:⏎␣␣- 14:00 welkom", "description: |⏎␣␣Programma:⏎␣␣- 14:00 welkom"),
    "comma_in_flow": (
        "location: {venue: Bibliotheek, address: Neude 11, Utrecht}",
        'location: {venue: Bibliotheek, address: "Neude 11, Utrecht"}',
    ),
    "unknown_field": ("titel: Terugblik op klantreizen", "title: Terugblik op klantreizen"),
    "field_too_deep": (
        "location:⏎␣␣venue: Bibliotheek⏎␣␣status: cancelled",
        "location:⏎␣␣venue: Bibliotheek⏎status: cancelled",
    ),
    "field_too_shallow": (
        "location:⏎␣␣venue: Bibliotheek⏎online: true",
        "location:⏎␣␣venue: Bibliotheek⏎␣␣online: true",
    ),
    "not_indented": ("location:⏎venue: Bibliotheek", "location:⏎␣␣venue: Bibliotheek"),
    "missing": ("# description ontbreekt", "description: Een middag over klantreizen."),
    "empty": ("title:", "title: Terugblik op klantreizen"),
    "empty_list": ("themes:", "themes: [klantreizen]"),
    "not_one_of": ("type: webinaar", "type: webinar"),
    "not_text": ("title: 2030", 'title: "2030"'),
    "not_whole_number": ("members: 1.200", "members: 1200"),
    "not_bool": ("open_to_all: ja", "open_to_all: true"),
    "not_list": ("communities: community-cx", "communities: [community-cx]"),
    "not_mapping": (
        "location: Beatrixgebouw",
        'location: {venue: Beatrixgebouw, address: "Jaarbeursplein 6, Utrecht"}',
    ),
    "list_empty": ("communities: []", "communities: [community-cx]"),
    "too_long": ("summary: Een tekst van meer dan 200 tekens …", "summary: Een korte zin."),
    "negative": ("members: -5", "members: 5"),
    "bad_slug": ("id: CX terugblik", "id: cx-terugblik"),
    "id_too_long": (
        "id: terugblik-op-de-bijeenkomst-van-de-community-cx-over-klantreizen-in-den-haag-2026",
        "id: terugblik-klantreizen-2026",
    ),
    "multiple_lines": ("title: |⏎␣␣Terugblik⏎␣␣op klantreizen", "title: Terugblik op klantreizen"),
    "control_character": ('title: "Schrijfcafé \\a Utrecht"', "title: Schrijfcafé Utrecht"),
    "html_in_text": ("summary: Kom naar <b>deze</b> middag.", "summary: Kom naar deze middag."),
    "entity_in_text": ("title: Klantreizen &amp; formulieren", "title: Klantreizen & formulieren"),
    "html_in_markdown": (
        "description: Een <b>middag</b> over klantreizen.",
        "description: Een **middag** over klantreizen.",
    ),
    "unsafe_link": (
        "description: Mail [ons](email:cx@example.org).",
        "description: Mail [ons](mailto:cx@example.org).",
    ),
    "link_without_scheme": (
        "description: Zie [de site](www.example.org).",
        "description: Zie [de site](https://www.example.org).",
    ),
    "markdown_heading": (
        "description: |⏎␣␣Programma⏎␣␣---⏎␣␣- 14:00 welkom",
        "description: |⏎␣␣## Programma⏎␣␣- 14:00 welkom",
    ),
    "markdown_code": (
        "description: |⏎␣␣Een middag.⏎⏎␣␣␣␣␣␣Neem je laptop mee.",
        "description: |⏎␣␣Een middag.⏎⏎␣␣Neem je laptop mee.",
    ),
    "markdown_quote": ("description: |⏎␣␣> Een mooie middag", 'description: |⏎␣␣"Een mooie middag"'),
    "merge_conflict": (
        "description: |⏎␣␣<<<<<<< HEAD⏎␣␣Om 14:00.⏎␣␣=======⏎␣␣Om 15:00.⏎␣␣>>>>>>> main",
        "description: |⏎␣␣Om 15:00.",
    ),
    "bad_url": ("registration_url: www.example.org/aanmelden", "registration_url: https://www.example.org/aanmelden"),
    "url_character": (
        "registration_url: https://example.org/aanmelden?naam=<naam>",
        "registration_url: https://example.org/aanmelden",
    ),
    "url_invisible": ("online_url: https://example.org/we␈binar", "online_url: https://example.org/webinar"),
    "url_comma_in_host": ("join_url: https://www,example.org/cx", "join_url: https://www.example.org/cx"),
    "url_safelinks": (
        "registration_url: https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.org%2Fcx&data=05",
        "registration_url: https://example.org/cx",
    ),
    "bad_email": ("contact_email: mailto:cx@example.org", "contact_email: cx@example.org"),
    "bad_moment": ('start: "25-10-2026 14:00"', 'start: "2026-10-25 14:00"'),
    "year_out_of_range": ('start: "2206-10-25 14:00"', 'start: "2026-10-25 14:00"'),
    "impossible_date": ('start: "2026-10-32 14:00"', 'start: "2026-10-25 14:00"'),
    "impossible_time": ('end: "2026-10-25 24:00"', 'end: "2026-10-26 00:00"'),
    "nonexistent_time": ('start: "2026-03-29 02:30"', 'start: "2026-03-29 03:30"'),
    "ambiguous_time": ('start: "2026-10-25 02:30"', 'start: "2026-10-25 03:30"'),
    "missing_end": ('start: "2026-12-08 14:00"', 'start: "2026-12-08 14:00"⏎end: "2026-12-08 16:00"'),
    "end_form": ('end: "2026-10-25"', 'end: "2026-10-25 16:00"'),
    "end_before_start": ('end: "2026-10-25 12:00"', 'end: "2026-10-25 16:00"'),
    "online_url_without_online": (
        "location: {venue: Bibliotheek, address: Neude 11, online_url: https://example.org/live}",
        "location: {venue: Bibliotheek, address: Neude 11, online: true, online_url: https://example.org/live}",
    ),
    "location_nowhere": ("location: {address: Neude 11}", "location: {venue: Bibliotheek, address: Neude 11}"),
    "venue_without_address": (
        "location: {venue: Bibliotheek}",
        'location: {venue: Bibliotheek, address: "Neude 11, Utrecht"}',
    ),
    "accessibility_empty": ("accessibility: {}", "accessibility: {features: [ringleiding]}"),
    "accessibility_list": ("accessibility: [ringleiding]", "accessibility: {features: [ringleiding]}"),
    "bad_day": (
        'start: "2026-10-25 14:00"⏎registration_deadline: "20 oktober"',
        'start: "2026-10-25 14:00"⏎registration_deadline: "2026-10-20"',
    ),
    "deadline_form": (
        'start: "2026-10-25 14:00"⏎registration_deadline: "2026-10-20 17:00"',
        'start: "2026-10-25 14:00"⏎registration_deadline: "2026-10-20"',
    ),
    "deadline_after_start": (
        'start: "2026-10-25 14:00"⏎registration_deadline: "2026-10-26"',
        'start: "2026-10-25 14:00"⏎registration_deadline: "2026-10-20"',
    ),
    "registration_without_url": ("full: true", "registration_url: https://example.org/aanmelden⏎full: true"),
    "duplicate_id": ("- id: cx-terugblik⏎- id: cx-terugblik", "- id: cx-terugblik⏎- id: cx-terugblik-2027"),
    "duplicate_in_list": ("communities: [community-cx, community-cx]", "communities: [community-cx]"),
    "unknown_community": ("communities: [community-xc]", "communities: [community-cx]"),
    "unknown_theme": ("themes: [klantreis]", "themes: [klantreizen]"),
    "removed_still_used": (
        "communities.yaml: - id: community-cx (weg, events.yaml gebruikt hem nog)",
        "communities.yaml: - id: community-cx",
    ),
    "reserved_id": ("id: archief", "id: archief-klantreizen"),
    "page_taken": ("content/agenda/index.md", "content/agenda-uitleg.md"),
    "config_site_url": ("# geen site_url", "site_url: https://communities.example.nl/"),
    "history_incomplete": ("fetch-depth: 1", "fetch-depth: 0"),
    "config_directory_urls": ("use_directory_urls: false", "use_directory_urls: true"),
    "statement_no_date": ("# geen accessibility_date", 'accessibility_date: "2026-11-20"'),
    "statement_no_email": ("# geen contact_email", "contact_email: toegankelijkheid@example.org"),
    "page_no_email": ("# geen contact_email", "contact_email: redactie@example.org"),
    "statement_status_without_audit": (
        "accessibility_status: B",
        "accessibility_status: B⏎accessibility_audit: https://example.org/rapport.pdf",
    ),
    "statement_bad_status": ("accessibility_status: C", 'accessibility_audit_planned: "2027-03-01"'),
    "statement_audit_without_status": (
        "accessibility_audit: https://example.org/rapport.pdf",
        "accessibility_audit: https://example.org/rapport.pdf⏎accessibility_status: B",
    ),
    "statement_plan_before": (
        'accessibility_date: "2026-11-20"⏎accessibility_audit_planned: "2026-10-01"',
        'accessibility_date: "2026-11-20"⏎accessibility_audit_planned: "2027-02-01"',
    ),
    "statement_plan_late": (
        'accessibility_date: "2026-11-20"⏎accessibility_audit_planned: "2027-08-01"',
        'accessibility_date: "2026-11-20"⏎accessibility_audit_planned: "2027-02-01"',
    ),
    "statement_unknown_part": ("<!-- verklaring: test -->", "<!-- verklaring: testen -->"),
    "statement_part_twice": ("<!-- verklaring: status --> (2 keer)", "<!-- verklaring: status -->"),
    "statement_missing_part": ("# geen <!-- verklaring: contact -->", "<!-- verklaring: contact -->"),
    "bad_epoch": ("SOURCE_DATE_EPOCH=gisteren", "SOURCE_DATE_EPOCH=1795950000"),
    "warn_deleted_event": ("# - id: schrijfcafe-maart (weggehaald)", "- id: schrijfcafe-maart⏎  status: cancelled"),
    "warn_new_past_event": (
        'start: "2025-12-08 14:00"⏎end: "2025-12-08 16:00"',
        'start: "2026-12-08 14:00"⏎end: "2026-12-08 16:00"',
    ),
    "warn_no_registration": ("# geen registration_url", "registration_url: https://example.org/aanmelden"),
    "warn_invisible_in_text": ("title: Terug␈blik", "title: Terugblik"),
    "warn_url_end": (
        "registration_url: https://example.org/aanmelden.",
        "registration_url: https://example.org/aanmelden",
    ),
    "warn_url_entity": ("url: https://example.org/?a=1&amp;b=2", "url: https://example.org/?a=1&b=2"),
    "warn_cancelled_without_reason": (
        "status: cancelled⏎description: Gaat niet door.",
        "status: cancelled⏎description: Gaat niet door, omdat de spreker ziek is.",
    ),
    "warn_duplicate": ("- title: Webinar brieven⏎- title: Webinar brieven", "- title: Webinar brieven"),
    "warn_unused_theme": ("themes: [klantreizen]", "themes: [klantreizen, gebruikersonderzoek]"),
    "warn_inactive_community": (
        "# geen evenement van community-cx na vandaag",
        'communities: [community-cx]⏎start: "2027-01-20 14:00"',
    ),
    "warn_long_event": (
        'start: "2026-12-01 14:00"⏎end: "2026-12-08 16:00"',
        'start: "2026-12-08 14:00"⏎end: "2026-12-08 16:00"',
    ),
    "warn_early_deadline": ('registration_deadline: "2025-12-01"', 'registration_deadline: "2026-12-01"'),
    "warn_moved_a_year": ('start: "2027-12-08 14:00" (was 2026)', 'start: "2026-12-08 14:00"'),
    "warn_statement_old": ('accessibility_date: "2025-06-01"', 'accessibility_date: "2026-11-20"'),
    "warn_statement_plan_lapsed": (
        'accessibility_date: "2026-01-10"⏎accessibility_audit_planned: "2026-05-01"',
        'accessibility_date: "2026-11-20"⏎accessibility_audit: https://example.org/rapport.pdf⏎accessibility_status: B',
    ),
    "warn_statement_without_parts": ("# geen <!-- verklaring: … -->", "<!-- verklaring: status -->"),
    "warn_start_moved_alone": (
        'start: "2026-12-07"⏎end: "2026-12-09" (was 8 en 9 december)',
        'start: "2026-12-07"⏎end: "2026-12-08"',
    ),
}


LANGUAGE_BEGIN = "<!-- markdown: begin (gemaakt door python -m generator.data.wording.message_table) -->"
LANGUAGE_END = "<!-- markdown: einde -->"

LANGUAGE: tuple[tuple[str, str, str | None], ...] = (
    ("Alinea's: een lege regel ertussen", "Een middag over klantreizen.⏎⏎Daarna is er een borrel.", None),
    ("Vet", "Deelname is **gratis**.", None),
    ("Schuin", "Lees het *verslag*.", None),
    ("Link", "[Meld je aan](https://example.org/aanmelden).", None),
    ("Mail of telefoon", "[Mail ons](mailto:cx@example.org) of bel [030 123 45 67](tel:+31301234567).", None),
    ("Opsomming", "- 14:00 welkom⏎- 15:00 verhalen", None),
    ("Opsomming direct onder een regel tekst", "Programma:⏎- 14:00 welkom⏎- 15:00 verhalen", None),
    ("Opsomming met `*`", "Programma:⏎* 14:00 welkom⏎* 15:00 verhalen", None),
    ("Opsomming geplakt uit Word", "Programma:⏎• 14:00 welkom⏎– 15:00 verhalen", None),
    ("Genummerde lijst", "1. Meld je aan.⏎2. Kom langs.", None),
    ("Genummerde lijst met haakje", "1) Meld je aan.⏎2) Kom langs.", None),
    ("Kopje: `#` of `##`, dan een spatie", "## Programma⏎- 14:00 welkom", None),
    ("Hashtag aan het begin van een regel", "Een middag.⏎⏎#klantreis", "markdown_heading"),
    ("`---` of `===` onder een regel", "Programma⏎---⏎- 14:00 welkom", "markdown_heading"),
    ("Vier spaties extra inspringen", "Een middag.⏎⏎␣␣␣␣Neem je laptop mee.", "markdown_code"),
    ("Een regel met drie backticks of `~~~`", "~~~⏎Neem je laptop mee.⏎~~~", "markdown_code"),
    ("Citaat met `>`", "> Een mooie middag.", "markdown_quote"),
    ("Tekens van een conflict in Git", "<<<<<<< HEAD⏎Om 14:00.⏎=======⏎Om 15:00.⏎>>>>>>> main", "merge_conflict"),
    ("HTML", "Een <b>middag</b>.", "html_in_markdown"),
    ("Link zonder `https://`", "[De site](www.example.org).", "link_without_scheme"),
)
"""The Markdown an editor may write in a `description` (the message key None) and what the check
refuses, with the message key: one example each, in the notation of EXAMPLES (without the field and
its indentation). tests/test_check_guide.py gives each to the check."""


def example_text(example: str) -> str:
    """An example of LANGUAGE as the text the check reads."""
    return example.replace("⏎", "\n").replace("␣", " ")


def language() -> str:
    """The table of what a description may hold: what, how it is written, and whether the check allows it."""
    rows = ["| wat | zo schrijf je het | mag het? |", "| --- | --- | --- |"]
    for what, example, key in LANGUAGE:
        verdict = "ja" if key is None else f"nee: melding `{key}`"
        rows.append(f"| {_cell(what)} | {_code(example)} | {verdict} |")
    return f"{LANGUAGE_BEGIN}\n" + "\n".join(rows) + f"\n{LANGUAGE_END}"


def table() -> str:
    """The Markdown table: code, the message as the check prints it, and a wrong and a right line."""
    rows = ["| code | betekenis | fout | goed |", "| --- | --- | --- | --- |"]
    for key, text in MESSAGES.items():
        wrong, right = EXAMPLES[key]
        rows.append(f"| `{key}` | {_cell(_PARAMETER.sub('…', text))} | {_code(wrong)} | {_code(right)} |")
    return "\n".join(rows) + "\n"


def hints() -> str:
    """The extra sentences a message can end with, as a list."""
    return "".join(f"- {_PARAMETER.sub('…', text)}\n" for text in HINTS.values())


def block() -> str:
    introduction = "Aan sommige meldingen plakt de controle nog een zin vast over wat je niet goed ziet:"
    return f"{BEGIN}\n{table()}\n{introduction}\n\n{hints()}{END}"


def refreshed(guide: str) -> str:
    """The guide with the text between the markers made again."""
    start, end = guide.index(BEGIN), guide.index(END) + len(END)
    guide = guide[:start] + block() + guide[end:]
    if LANGUAGE_BEGIN in guide:
        start, end = guide.index(LANGUAGE_BEGIN), guide.index(LANGUAGE_END) + len(LANGUAGE_END)
        guide = guide[:start] + language() + guide[end:]
    return guide


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _code(example: str) -> str:
    return f"`{_cell(example)}`"


def main(argv: list[str]) -> int:
    path = Path(argv[0] if argv else "CONTRIBUTING.md")
    path.write_text(refreshed(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"Geschreven: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
