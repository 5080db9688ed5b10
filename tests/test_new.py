"""`python -m generator new event|community`: every answer checked when it is given, every value written
so that it reads back as exactly that text, and the file unchanged, byte for byte, whenever it stops."""

from __future__ import annotations

import builtins
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from test_invalid import Run

from conftest import FIXTURE_EPOCH, ROOT
from generator.build import load_site
from generator.cli import main
from generator.data.contract import rules
from generator.data.contract.models import Event
from generator.data.reading import loader
from generator.data.reading.files import DataFiles
from generator.editing.entries import NoList, NotABlockList, block, plain_or_quoted, quoted, with_entry
from generator.editing.questions import EVENT, _suggested_id

Cli = Callable[..., Run]

# A complete event as options; tests leave one out or change one.
EVENT_OPTIONS = {
    "--id": "cx-nieuw",
    "--title": "Nieuw",
    "--community": "community-cx",
    "--start": "2027-05-11 10:00",
    "--end": "2027-05-11 11:30",
    "--venue": "Stadskantoor",
    "--address": "Stadsplateau 1, Utrecht",
    "--description": "We oefenen.",
}


OPTIONAL_EMPTY: tuple[str, ...] = ("--type", "webinar", "--summary", "Oefenen.")
OPTIONAL_EMPTY += ("--registration-url", "https://example.org/aanmelden", "--theme", "klantreizen")
"""The optional fields as options too, so that a test at a terminal answers only what it is about."""


def _options(**changes: str | None) -> list[str]:
    """EVENT_OPTIONS as arguments; `changes` by option name without dashes (`end=None` leaves it out)."""
    options = {**EVENT_OPTIONS, **{f"--{name.replace('_', '-')}": value for name, value in changes.items()}}
    return [part for option, value in options.items() if value is not None for part in (option, value)]


def _event(project: Path, event_id: str) -> Event:
    return next(event for event in load_site(DataFiles(project)).events if event.id == event_id)


def _messages(stderr: str) -> list[str]:
    """What was said about the answers, without the warnings about the new entry at the end."""
    return [line for line in stderr.splitlines() if ": waarschuwing: " not in line]


def _new_event(cli: Cli, project: Path, *args: str, **kwargs: object) -> Run:
    return cli("new", "event", "--root", str(project), *args, **kwargs)


# The target file as it may be found: each stops `new` with a Dutch message and leaves it as it is.
BROKEN_TARGETS = {
    "broken-yaml": b"events:\n  - id: a\n    title: [kapot\n",
    "empty": b"",
    "comment-only": b"# Hier komen de evenementen.\n",
    "latin-1": "events:\n  - id: caf\xe9\n".encode("latin-1"),
    "no-events-key": b"{}\n",
    "events-on-one-line": (
        b'events: [{id: a, title: A, communities: [community-cx], start: "2027-01-05", '
        b"location: {online: true}, description: x}]\n"
    ),
}


@pytest.mark.parametrize("content", BROKEN_TARGETS.values(), ids=BROKEN_TARGETS.keys())
def test_a_target_that_cannot_take_an_entry_is_left_as_it_is(project: Path, cli: Cli, content: bytes) -> None:
    (project / "events.yaml").write_bytes(content)
    result = _new_event(cli, project, *_options(), stdin="", terminal=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.rstrip().endswith(".") and "events.yaml is niet veranderd" in result.stderr, result.stderr
    assert (project / "events.yaml").read_bytes() == content


@pytest.mark.parametrize(
    "content",
    [b"themes:\n  - id: klantreizen\n    name: Klantreizen\n", b"# Alleen een opmerking.\r\n", b"communities: [\n"],
    ids=["no-communities-key", "comment-only-crlf", "broken-yaml"],
)
def test_a_communities_file_that_cannot_take_an_entry_is_left_as_it_is(project: Path, cli: Cli, content: bytes) -> None:
    (project / "communities.yaml").write_bytes(content)
    result = cli("new", "community", "--root", str(project), stdin="Nieuw\n", terminal=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1].startswith("communities.yaml is niet veranderd.")
    assert (project / "communities.yaml").read_bytes() == content


def test_a_missing_target_is_named_and_not_made(project: Path, cli: Cli) -> None:
    (project / "communities.yaml").unlink()
    result = cli("new", "community", "--root", str(project), stdin="Nieuw\n")
    assert result.returncode == 1
    assert "communities.yaml:1:1: Dit bestand ontbreekt." in result.stderr
    assert "communities.yaml is niet veranderd" in result.stderr
    assert not (project / "communities.yaml").exists()


def test_the_files_are_checked_before_the_first_question(project: Path, cli: Cli) -> None:
    """No one types a whole event to hear then that the file was broken from the start."""
    (project / "communities.yaml").write_text("# leeg\n", encoding="utf-8")
    result = _new_event(cli, project, stdin="Titel\n", terminal=True)
    assert result.returncode == 1
    assert "Titel (title)" not in result.stdout


def test_ctrl_c_at_a_question_stops_with_a_dutch_message(
    project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (project / "events.yaml").read_bytes()

    def interrupted(prompt: str = "") -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(builtins, "input", interrupted)
    result = _new_event(cli, project, terminal=True)
    assert result.returncode == 1
    assert result.stderr.strip() == "Gestopt. events.yaml is niet veranderd."
    assert (project / "events.yaml").read_bytes() == before


def test_bytes_that_are_not_utf8_are_asked_again(project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    # Then "" for "nee" to the two yes-or-no questions, which a terminal asks too.
    answers: Iterator[UnicodeDecodeError | str] = iter(
        [UnicodeDecodeError("utf-8", b"\xe9", 0, 1, "invalid"), "Nieuw", "", ""]
    )

    def typed(prompt: str = "") -> str:
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(builtins, "input", typed)
    result = _new_event(cli, project, *_options(title=None), *OPTIONAL_EMPTY, terminal=True)
    assert result.returncode == 0, result.stderr
    assert _messages(result.stderr) == [
        "In dit antwoord staan tekens die niet als UTF-8 te lezen zijn. Typ het opnieuw."
    ]


def test_without_standard_input_the_options_it_needs_are_named(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m generator new event <&-`: Python has no sys.stdin at all."""
    before = (project / "events.yaml").read_bytes()
    monkeypatch.setattr(sys, "stdin", None)
    assert main(["new", "event", "--root", str(project)]) == 1
    said = capsys.readouterr().err
    assert said.startswith("Zonder terminal stelt deze opdracht geen vragen")
    assert "  --title TITEL  (Titel (title))" in said and "  --description TEKST  (Beschrijving" in said
    assert (project / "events.yaml").read_bytes() == before


def test_the_end_of_the_answers_stops_with_a_dutch_message(project: Path, cli: Cli) -> None:
    before = (project / "communities.yaml").read_bytes()
    result = cli("new", "community", "--root", str(project), stdin="Nieuwe community\n", terminal=True)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Geen antwoord op: Id (id): kleine letters, cijfers en streepjes, bijvoorbeeld community-open-data. "
        "communities.yaml is niet veranderd. Je kunt het antwoord ook als optie meegeven: --id (zie --help)."
    )
    assert (project / "communities.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (PermissionError, "Je mag events.yaml niet lezen of aanpassen op deze computer."),
        (OSError, "events.yaml kon niet worden gelezen of opgeslagen."),
    ],
)
def test_a_file_that_cannot_be_written_is_named_and_kept(
    project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, error: type[OSError], message: str
) -> None:
    events = project / "events.yaml"
    before = events.read_bytes()
    write_bytes = Path.write_bytes

    def broken_off(path: Path, data: bytes) -> int:
        """Writes half of a new text into the real file, then fails, as a full disk would."""
        if path == events and data != before:
            write_bytes(path, data[: len(data) // 2])
            raise error(28, "No space left on device")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", broken_off)
    result = _new_event(cli, project, *_options())
    assert result.returncode == 1
    assert result.stderr.strip() == f"{message} events.yaml is niet veranderd."
    assert events.read_bytes() == before


def test_a_terminal_asks_every_field_in_order_with_the_date_format(project: Path, cli: Cli) -> None:
    answers = [
        "Klantreizen in de praktijk",  # title
        "cx-klantreizen-2027",  # id
        "community-cx, netwerk-direct-duidelijk",  # communities
        "ja",  # open_to_all
        "kennisdelingssessie",  # type
        "2027-02-11 13:30",  # start
        "2027-02-11 16:00",  # end
        "ja",  # online
        "Beatrixgebouw",  # venue
        "Jaarbeursplein 6, Utrecht",  # address
        "https://example.org/cx/meedoen",  # online_url
        "https://example.org/cx/aanmelden",  # registration_url
        "klantreizen",  # themes
        "Drie organisaties vertellen.",  # summary
        "Drie organisaties vertellen over hun klantreizen.",  # description
    ]
    result = _new_event(cli, project, stdin="\n".join(answers) + "\n", terminal=True)
    assert result.returncode == 0, result.stderr
    asked = re.findall(r"\((\w+)\)", result.stdout)
    assert asked == [question.field for question in EVENT.questions]
    assert 'Begin (start): "JJJJ-MM-DD UU:MM", bijvoorbeeld "2027-02-11 13:30"' in result.stdout
    event = _event(project, "cx-klantreizen-2027")
    assert event.communities == ["community-cx", "netwerk-direct-duidelijk"] and event.open_to_all
    assert (event.type, event.registration_url, event.themes) == (
        "kennisdelingssessie",
        "https://example.org/cx/aanmelden",
        ["klantreizen"],
    )
    assert (event.location.venue, event.location.address, event.location.online) == (
        "Beatrixgebouw",
        "Jaarbeursplein 6, Utrecht",
        True,
    )
    assert event.location.online_url == "https://example.org/cx/meedoen"
    assert event.summary == "Drie organisaties vertellen."


def test_a_wrong_answer_is_asked_again_with_the_message(project: Path, cli: Cli) -> None:
    answers = [
        "Nieuw",
        "Nieuw Event",  # not an id
        "cx-nieuw",
        "cx",  # no such community
        "community-cx",
        "misschien",  # not yes or no
        "",
        "webinaar",
        "webinar",
        "2027-13-01 10:00",  # no such month
        "2027-05-11 10:00",
        "2027-05-11 09:00",  # before the start
        "2027-05-11 11:00",
        "",  # not online
        "",  # a place is needed when not online
        "Stadskantoor",
        "",  # an address is needed at a place
        "Stadsplateau 1, Utrecht",
        "www.example.org",  # no https://
        "",
        "onbekend-thema",
        "",
        "",
        "We oefenen.",
    ]
    result = _new_event(cli, project, stdin="\n".join(answers) + "\n", terminal=True)
    assert result.returncode == 0, result.stderr
    # The messages of the check, whose wording is data/wording/messages.py's: here only how each begins.
    expected = [
        "`Nieuw Event` is geen geldige id.",
        "Er is geen community met id `cx` in communities.yaml.",
        "Typ ja of nee.",
        "`webinaar` is geen geldige waarde voor `type`.",
        "De datum `2027-13-01 10:00` bestaat niet.",
        "Het einde ligt voor het begin",
        "Dit moet je invullen.",
        "Dit moet je invullen.",
        "`www.example.org` is geen geldig webadres.",
        "Er is geen thema met id `onbekend-thema` in communities.yaml.",
    ]
    messages = _messages(result.stderr)
    assert len(messages) == len(expected), messages
    for message, start in zip(messages, expected, strict=True):
        assert message.startswith(start), message
    assert "Bedoelde je `community-cx`?" in messages[1] and "Bedoelde je `webinar`?" in messages[3]
    event = _event(project, "cx-nieuw")
    assert (event.type, event.location.venue, event.registration_url, event.themes) == (
        "webinar",
        "Stadskantoor",
        None,
        [],
    )


def test_the_id_is_suggested_from_the_title(project: Path, cli: Cli) -> None:
    result = _new_event(
        cli,
        project,
        *_options(id=None, title=None),
        *OPTIONAL_EMPTY,
        stdin="Café Één: de 2e keer!\n\n\n\n",
        terminal=True,
    )
    assert result.returncode == 0, result.stderr
    assert ". Laat je dit leeg, dan wordt het cafe-een-de-2e-keer: " in result.stdout
    assert _event(project, "cafe-een-de-2e-keer").title == "Café Één: de 2e keer!"


def test_a_suggested_id_that_is_taken_is_asked_again(project: Path, cli: Cli) -> None:
    answers = "Formulieren dag\n\nformulieren-dag-2027\n\n\n"
    result = _new_event(cli, project, *_options(id=None, title=None), *OPTIONAL_EMPTY, stdin=answers, terminal=True)
    assert result.returncode == 0, result.stderr
    assert _messages(result.stderr)[0].startswith("`formulieren-dag` staat al eerder in de lijst")
    assert _event(project, "formulieren-dag-2027").title == "Formulieren dag"


def test_an_id_that_is_taken_is_asked_again(project: Path, cli: Cli) -> None:
    answers = ["Nieuw", "dd-webinar-december", "dd-nieuw", "", ""]
    result = _new_event(
        cli, project, *_options(id=None, title=None), *OPTIONAL_EMPTY, stdin="\n".join(answers) + "\n", terminal=True
    )
    assert result.returncode == 0, result.stderr
    assert re.match(r"`dd-webinar-december` staat al eerder in de lijst \(regel 11\)\.", result.stderr)
    assert len(_messages(result.stderr)) == 1
    assert _event(project, "dd-nieuw").title == "Nieuw"


def test_a_page_name_cannot_be_an_event_id(project: Path, cli: Cli) -> None:
    result = _new_event(cli, project, *_options(id="archief"))
    assert result.returncode == 1
    assert "`archief` is al het adres van een pagina van de site zelf." in result.stderr


def test_the_warnings_about_the_new_entry_are_shown_at_once(project: Path, cli: Cli) -> None:
    result = _new_event(cli, project, *_options(start="2026-11-02 10:00", end="2026-11-02 11:00"))
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1, warnings
    assert re.match(
        r"events\.yaml:\d+:\d+: waarschuwing: Het evenement `cx-nieuw` is nieuw, maar is al voorbij\.", warnings[0]
    )
    result = _new_event(cli, project, *_options(id="cx-later", title="Later", start="2027-01-02", end=None))
    assert [line.split(": waarschuwing: ")[1][:40] for line in result.stderr.splitlines()] == [
        "Het evenement `cx-later` heeft geen `reg"
    ]


def test_wrong_options_are_all_named_at_once(project: Path, cli: Cli) -> None:
    before = (project / "events.yaml").read_bytes()
    result = _new_event(cli, project, *_options(community="cx", end="2027-05-11 09:00", registration_url="x"))
    assert result.returncode == 1
    assert "Bedoelde je `community-cx`?" in result.stderr and "Het einde ligt voor het begin" in result.stderr
    assert "`x` is geen geldig webadres" in result.stderr
    assert (
        result.stderr.splitlines()[-1]
        == "events.yaml is niet veranderd. Verbeter de opties, en probeer het dan opnieuw."
    )
    assert (project / "events.yaml").read_bytes() == before


def test_every_text_stays_exactly_that_text(project: Path, cli: Cli) -> None:
    title = 'Schrijfcafé #2: "leesbaar" \\ schrijven'
    # The tab starts a line inside a paragraph: after an empty line it would make a code block (markdown_code).
    description = (
        "   Begint met spaties,\theeft een tab\nen een tweede regel met status: cancelled\n"
        "\tEn een tab vooraan.\n\nEinde."
    )
    result = _new_event(
        cli,
        project,
        *_options(id="2027", title=title, description=description, community="community-cx,netwerk-direct-duidelijk"),
    )
    assert result.returncode == 0, result.stderr
    event = _event(project, "2027")
    assert event.title == title.strip()
    assert event.description == description + "\n"
    assert event.status == "scheduled"
    assert event.communities == ["community-cx", "netwerk-direct-duidelijk"]
    assert '- id: "2027"' in (project / "events.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["Titel\nstatus: cancelled", "Titel\rstatus: cancelled"])
def test_a_line_break_cannot_add_a_field(project: Path, cli: Cli, value: str) -> None:
    before = (project / "events.yaml").read_bytes()
    result = _new_event(cli, project, *_options(title=value))
    assert result.returncode == 1
    assert "Het veld `title` moet op één regel passen." in result.stderr
    assert (project / "events.yaml").read_bytes() == before


def test_a_line_separator_in_a_title_is_refused_and_adds_no_field(project: Path, cli: Cli) -> None:
    """YAML reads U+2028 as a line break, and a feed or page breaks the line there: the check refuses
    it in a one-line field, so `new` does too, and the file stays as it was."""
    before = (project / "events.yaml").read_bytes()
    result = _new_event(cli, project, *_options(title="Titel\u2028status: cancelled"))
    assert result.returncode == 1, result.stdout
    assert "één regel" in result.stderr, result.stderr
    assert (project / "events.yaml").read_bytes() == before


def test_the_file_keeps_its_line_endings_and_byte_order_mark(project: Path, cli: Cli) -> None:
    events = project / "events.yaml"
    before = b"\xef\xbb\xbf" + events.read_bytes().replace(b"\n", b"\r\n")
    events.write_bytes(before)
    result = _new_event(cli, project, *_options(description="Eerste regel.\nTweede regel."))
    assert result.returncode == 0, result.stderr
    after = events.read_bytes()
    assert after.startswith(before)
    assert b"\n" not in after.replace(b"\r\n", b"")
    assert _event(project, "cx-nieuw").description == "Eerste regel.\nTweede regel.\n"


def test_a_file_without_a_final_line_break_gets_one_before_the_entry(project: Path, cli: Cli) -> None:
    events = project / "events.yaml"
    before = events.read_bytes().rstrip(b"\n")
    events.write_bytes(before)
    assert _new_event(cli, project, *_options()).returncode == 0
    assert events.read_bytes().startswith(before + b"\n  # Toegevoegd met")


def test_a_new_community_asks_every_field(project: Path, cli: Cli) -> None:
    answers = [
        "Community Nieuw",
        "community-nieuw",
        "Iets nieuws.",
        "Hoe doen we iets nieuws?",
        "Over iets **nieuws**.",
        "klantreizen, formulieren",
        "https://example.org/lid-worden",
        "https://pleio.example.org/nieuw",
        "nieuw@example.org",
    ]
    result = cli("new", "community", "--root", str(project), stdin="\n".join(answers) + "\n", terminal=True)
    assert result.returncode == 0, result.stderr
    community = load_site(DataFiles(project)).communities[-1]
    assert (community.id, community.question, community.themes) == (
        "community-nieuw",
        "Hoe doen we iets nieuws?",
        ["klantreizen", "formulieren"],
    )
    assert (community.platform_url, community.contact_email) == ("https://pleio.example.org/nieuw", "nieuw@example.org")


TRICKY = [
    "",
    "gewoon",
    "2027",
    "null",
    "true",
    "- lijst",
    "a: b",
    "# kop",
    "'s Middags",
    '"aanhalingstekens"',
    "back\\slash",
    " spaties rondom ",
    "tab\there",
    "\ttab vooraan",
    "regel\nregel",
    "cr\rcr",
    "crlf\r\ncrlf",
    "nel\x85ls\u2028ps\u2029",
    "nul\x00bel\x07del\x7f",
    "bom\ufeffzwsp\u200b",
    "emoji 🎉 \U0001f600",
    "|\n>",
    "eind met regeleinde\n",
    "\n\nleeg vooraan",
]


@pytest.mark.parametrize("text", TRICKY)
def test_values_read_back_as_the_same_text(text: str) -> None:
    for written in (quoted(text), plain_or_quoted(text)):
        assert loader.loads(f"- value: {written}\n", "t.yaml").data == [{"value": text}], written
    in_block = loader.loads(f"events:\n  - value: {_indented(block(text))}\n", "t.yaml").data
    assert in_block == {"events": [{"value": text}]}


def _indented(value: str) -> str:
    return value.replace("\n", "\n  ")


def test_a_block_keeps_markdown_readable() -> None:
    assert block("Eerste alinea.\n\nTweede alinea.\n") == "|\n    Eerste alinea.\n\n    Tweede alinea."
    assert block("    code\n") == "|2\n        code"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("# kop\nevents: []\n", "# kop\nevents:\n  - id: b\n    title: B\n", id="empty-flow-list"),
        pytest.param(
            "events: []  # nog leeg\r\n", "events:  # nog leeg\r\n  - id: b\r\n    title: B\r\n", id="comment-kept"
        ),
        pytest.param("events:\nthemes: []\n", "events:\n  - id: b\n    title: B\nthemes: []\n", id="nothing-after-key"),
        pytest.param("events:\n  - id: a", "events:\n  - id: a\n  - id: b\n    title: B\n", id="no-final-line-break"),
        pytest.param("events:\n- id: a\n", "events:\n- id: a\n- id: b\n  title: B\n", id="dash-at-the-key"),
        pytest.param(
            "events:\r\n    - id: a\r\nthemes: []\r\n",
            "events:\r\n    - id: a\r\n    - id: b\r\n      title: B\r\nthemes: []\r\n",
            id="wider-indent-crlf",
        ),
    ],
)
def test_a_new_entry_goes_at_the_end_of_its_list(text: str, expected: str) -> None:
    assert with_entry(text, "events", "- id: b\n  title: B\n") == expected


def test_options_give_a_valid_entry_and_keep_the_rest(project: Path, cli: Cli) -> None:
    before = (project / "events.yaml").read_bytes()
    options = _options(
        title='Webinar: "leesbaar" schrijven', type="webinar", theme="begrijpelijke-taal", venue=None, address=None
    )
    result = _new_event(cli, project, *options, "--community", "netwerk-direct-duidelijk", "--online")
    assert result.returncode == 0, result.stderr
    after = (project / "events.yaml").read_bytes()
    assert after.startswith(before)
    assert b"# Toegevoegd met `python -m generator new event`" in after
    assert cli("check", "--root", str(project)).returncode == 0
    event = _event(project, "cx-nieuw")
    assert event.title == 'Webinar: "leesbaar" schrijven'
    assert event.communities == ["community-cx", "netwerk-direct-duidelijk"]
    assert (event.location.online, event.location.venue) == (True, None)


def test_outside_a_terminal_nothing_is_asked_and_the_missing_options_are_named(project: Path, cli: Cli) -> None:
    """Answers piped in without questions: one answer more or less would put every later answer in the wrong
    field (`venue: "nee"`), so none is read; the command says which options it needs."""
    before = (project / "events.yaml").read_bytes()
    answers = "Een titel\nvraag-event\ncommunity-cx\nnee\nBibliotheek Utrecht\nWe praten bij.\n"
    result = _new_event(cli, project, "--start", "2027-06-01", stdin=answers)
    assert result.returncode == 1
    named = re.findall(r"^  (--[a-z-]+)", result.stderr, re.M)
    assert named == ["--title", "--id", "--community", "--venue", "--description"], result.stderr
    assert (project / "events.yaml").read_bytes() == before


def test_outside_a_terminal_every_answer_is_an_option_and_the_id_comes_from_the_title(project: Path, cli: Cli) -> None:
    options = _options(id=None, title="Café Één: de 2e keer!", start="2027-06-01", end=None)
    result = _new_event(cli, project, *options)
    assert result.returncode == 0, result.stderr
    event = _event(project, "cafe-een-de-2e-keer")
    assert (event.title, event.start, event.end, event.type) == ("Café Één: de 2e keer!", date(2027, 6, 1), None, None)


def test_a_long_pasted_title_gives_an_id_that_passes_the_check(project: Path, cli: Cli) -> None:
    title = " ".join(["Terugblik op de bijeenkomst van de community over klantreizen in Den Haag"] * 4)
    assert len(title) > 280
    result = _new_event(cli, project, *_options(id=None, title=title, start="2027-06-01", end=None))
    assert result.returncode == 0, result.stderr
    (event,) = [event for event in load_site(DataFiles(project)).events if event.title == title]
    assert len(event.id) <= rules.ID_MAX_LENGTH
    assert title.lower().replace(" ", "-").startswith(event.id + "-")  # whole words, the first ones


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("a" * 79 + " b", "a" * 79),  # 81 characters: the last word goes
        ("a" * 78 + " b", "a" * 78 + "-b"),  # 80 characters: it fits
        ("a" * 200, "a" * 80),  # one word longer than an id: cut inside it
        ("Één " + "lang " * 40, "een" + "-lang" * 15),
    ],
)
def test_a_suggested_id_fits_in_an_id(title: str, expected: str) -> None:
    suggested = _suggested_id({"title": title})
    assert suggested == expected
    assert len(suggested) <= rules.ID_MAX_LENGTH


@pytest.mark.parametrize(("end", "expected"), [("2027-06-02", date(2027, 6, 2)), ("", None)])
def test_in_a_terminal_the_end_of_an_all_day_event_may_stay_empty(
    project: Path, cli: Cli, end: str, expected: date | None
) -> None:
    answers = [
        "Dagen",
        "dagen",
        "community-cx",
        "",
        "",
        end,
        "",
        "Bibliotheek Utrecht",
        "Neude 11, Utrecht",
        "",
        "",
        "",
        "Tekst.",
    ]
    result = _new_event(cli, project, "--start", "2027-06-01", stdin="\n".join(answers) + "\n", terminal=True)
    assert result.returncode == 0, result.stderr
    assert "Einde (end), in dezelfde vorm als het begin. Bij een hele dag: de laatste dag (mag leeg): " in result.stdout
    assert _event(project, "dagen").end == expected


def test_a_new_community_goes_before_a_following_list(project: Path, cli: Cli) -> None:
    communities = project / "communities.yaml"
    data = communities.read_text(encoding="utf-8")
    themes_block = data[data.index("themes:") : data.index("communities:")]
    communities.write_text(data.replace(themes_block, "") + themes_block, encoding="utf-8")
    options = ["--id", "nieuw", "--name", "Nieuw", "--summary", "Iets nieuws.", "--description", "Over iets nieuws."]
    result = cli("new", "community", "--root", str(project), *options, "--join-url", "https://example.org/nieuw")
    assert result.returncode == 0, result.stderr
    network = load_site(DataFiles(project))
    assert network.communities[-1].id == "nieuw"
    assert len(network.themes) == 3


def test_a_file_without_the_list_says_so() -> None:
    with pytest.raises(NoList):
        with_entry("- id: a\n", "events", "- id: b\n")
    with pytest.raises(NoList):
        with_entry("themes: []\n", "events", "- id: b\n")
    with pytest.raises(NotABlockList):
        with_entry("events: [{id: a}]\n", "events", "- id: b\n")


# The real command, in its own process, as an editor runs it.


def _real(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}
    env["SOURCE_DATE_EPOCH"] = FIXTURE_EPOCH
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


class Terminal:
    """The real command in a real terminal (a pseudo-terminal), driven as a person types and pastes."""

    def __init__(self, *args: str) -> None:
        import pty

        self.master, slave = pty.openpty()
        env = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}
        env |= {"SOURCE_DATE_EPOCH": FIXTURE_EPOCH, "PYTHONIOENCODING": "utf-8"}
        self.process = subprocess.Popen(  # our own command, with our own arguments
            [sys.executable, "-m", "generator", *args], cwd=ROOT, env=env, stdin=slave, stdout=slave, stderr=slave
        )
        self.slave = slave
        self.seen = ""

    def wait_for(self, text: str, timeout: float = 30) -> str:
        """Everything the command wrote up to and with `text`."""
        import select as select_module
        import time

        deadline = time.monotonic() + timeout
        while text not in self.seen:
            ready, _, _ = select_module.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
            assert ready, f"no {text!r} within {timeout} s; the terminal shows:\n{self.seen}"
            self.seen += os.read(self.master, 65536).decode("utf-8", "replace")
        shown, self.seen = self.seen.split(text, 1)
        return shown + text

    def type(self, text: str) -> None:
        """Lines typed, or pasted: all of `text` arrives at once, as a paste does."""
        os.write(self.master, text.encode("utf-8"))

    def close(self) -> tuple[int, str]:
        returncode = self.process.wait(timeout=60)
        try:
            import select as select_module

            while select_module.select([self.master], [], [], 0.2)[0]:
                self.seen += os.read(self.master, 65536).decode("utf-8", "replace")
        except OSError:
            pass
        return returncode, self.seen

    def left_for_the_shell(self) -> bytes:
        """What the next program on this terminal (the shell) would read: input nobody took."""
        import termios

        attributes = termios.tcgetattr(self.slave)
        attributes[6][termios.VMIN], attributes[6][termios.VTIME] = 0, 0
        attributes[3] &= ~termios.ICANON  # read what waits, without waiting for a whole line
        termios.tcsetattr(self.slave, termios.TCSANOW, attributes)
        try:
            return os.read(self.slave, 65536)
        except BlockingIOError:
            return b""


@pytest.fixture
def terminal() -> Iterator[Callable[..., Terminal]]:
    opened: list[Terminal] = []

    def start(*args: str) -> Terminal:
        opened.append(Terminal(*args))
        return opened[-1]

    yield start
    for each in opened:
        if each.process.poll() is None:
            each.process.kill()
        os.close(each.master)
        os.close(each.slave)


@pytest.mark.e2e
def test_the_real_command_asks_and_adds_at_a_terminal(project: Path, terminal: Callable[..., Terminal]) -> None:
    session = terminal("new", "event", "--root", str(project))
    for prompt, answer in [
        ("Titel (title): ", "Nieuw\n"),
        ("Id (id)", "cx-nieuw\n"),
        ("Community's (communities)", "cx\n"),
        ("Er is geen community met id `cx`", ""),
        ("Community's (communities)", "community-cx\n"),
        ("(open_to_all) (ja/nee; leeg is nee): ", "\n"),
        ("Soort (type)", "\n"),
        ("Begin (start)", "2027-05-11\n"),
        ("Einde (end)", "\n"),
        ("(online) (ja/nee; leeg is nee): ", "\n"),
        ("Plek (venue)", "Stadskantoor\n"),
        ("Adres (address)", "Stadsplateau 1, Utrecht\n"),
        ("(registration_url)", "\n"),
        ("Thema's (themes)", "\n"),
        ("Samenvatting (summary)", "\n"),
        ("Beschrijving (description)", "We oefenen.\n"),
    ]:
        session.wait_for(prompt)
        session.type(answer)
    returncode, rest = session.close()
    assert returncode == 0, rest
    assert "Toegevoegd aan events.yaml: cx-nieuw." in rest and "Traceback" not in rest
    event = _event(project, "cx-nieuw")
    assert (event.communities, event.location.venue, event.description) == (
        ["community-cx"],
        "Stadskantoor",
        "We oefenen.\n",
    )


@pytest.mark.e2e
def test_a_paste_of_several_lines_never_answers_the_next_questions(
    project: Path, terminal: Callable[..., Terminal]
) -> None:
    """A one-line question refuses a paste of more lines and asks again; the description takes a paste
    whole, blank lines and all; and whatever was pasted is never left for the shell to run."""
    session = terminal("new", "event", "--root", str(project), *_options(title=None, description=None), *OPTIONAL_EMPTY)
    session.wait_for("Titel (title): ")
    session.type("Schrijfcafé\nVenue: Stadhuis\nrm -rf ~\n")  # three lines copied from an e-mail
    session.wait_for("Je plakte meer dan één regel, maar hier hoort één regel.")
    session.wait_for("Titel (title): ")
    session.type("Schrijfcafé\n")
    session.wait_for("(open_to_all) (ja/nee; leeg is nee): ")
    session.type("\n")
    session.wait_for("(online) (ja/nee; leeg is nee): ")
    session.type("\n")
    session.wait_for("Beschrijving (description)")
    session.type("We schrijven samen.\n\nNeem een brief mee.\n- pen\n- papier\n")
    returncode, rest = session.close()
    assert returncode == 0, rest
    assert _event(project, "cx-nieuw").title == "Schrijfcafé"
    assert _event(project, "cx-nieuw").description == "We schrijven samen.\n\nNeem een brief mee.\n- pen\n- papier\n"
    assert session.left_for_the_shell() == b""


@pytest.mark.e2e
def test_the_real_command_stops_without_a_traceback_at_the_end_of_the_answers(
    project: Path, terminal: Callable[..., Terminal]
) -> None:
    """Ctrl-D at a question: the command names the question and the option that answers it."""
    before = (project / "events.yaml").read_bytes()
    session = terminal("new", "event", "--root", str(project))
    session.wait_for("Titel (title): ")
    session.type("Nieuw\n")
    session.wait_for("Id (id)")
    session.type("\x04")
    returncode, rest = session.close()
    assert returncode == 1
    assert "Traceback" not in rest and "Geen antwoord op: Id (id)" in rest
    assert (project / "events.yaml").read_bytes() == before


@pytest.mark.e2e
def test_the_real_command_without_a_terminal_reads_no_answers(project: Path) -> None:
    before = (project / "events.yaml").read_bytes()
    result = _real("new", "event", "--root", str(project), stdin="Nieuw\ncx-nieuw\ncommunity-cx\n")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Geef deze velden als optie mee" in result.stderr
    assert (project / "events.yaml").read_bytes() == before
