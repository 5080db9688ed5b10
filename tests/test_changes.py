"""`python -m generator changes --base …`: what a pull request changes for visitors and subscribers, as
Markdown for GitHub's job summary. Each test makes a real git repository with the fixture's data,
changes it as an editor would, and reads the summary the real command writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Run = Callable[..., object]


def _edit(folder: Path, old: str, new: str, name: str = "events.yaml") -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _summary(cli: Run, folder: Path, base: str = "main") -> str:
    result = cli("changes", "--root", str(folder), "--base", base)
    assert result.returncode == 0, result.stderr  # type: ignore[attr-defined]
    assert "Traceback" not in result.stderr  # type: ignore[attr-defined]
    return str(result.stdout)  # type: ignore[attr-defined]


def test_nothing_changed_says_so(data_repo: Path, cli: Run) -> None:
    summary = _summary(cli, data_repo)
    assert summary.startswith("## Wat verandert er voor bezoekers en abonnees")
    assert "verandert er niets" in summary
    assert "###" not in summary


def test_moving_an_entry_or_a_comment_is_no_change(data_repo: Path, cli: Run) -> None:
    _edit(data_repo, "  - id: cx-terugblik\n", "  # verplaatst\n  - id: cx-terugblik\n")
    _edit(data_repo, "title: Terugblik op klantreizen", 'title: "Terugblik op klantreizen"')
    assert "verandert er niets" in _summary(cli, data_repo)


def test_a_changed_title_time_and_place_show_before_and_after(data_repo: Path, cli: Run) -> None:
    _edit(data_repo, "title: Webinar duidelijke brieven", "title: Webinar heldere brieven")
    _edit(
        data_repo,
        'start: "2026-12-08 14:00"\n    end: "2026-12-08 16:00"',
        'start: "2026-12-08 15:00"\n    end: "2026-12-08 16:30"',
    )
    _edit(
        data_repo,
        "location: {online: true}\n    registration_url",
        'location: {venue: Stadhuis, address: "Markt 1, Delft", online: true}\n    registration_url',
    )
    summary = _summary(cli, data_repo)
    assert "### Gewijzigde evenementen (1)" in summary
    assert "Titel: Webinar duidelijke brieven → Webinar heldere brieven" in summary
    assert "Wanneer: dinsdag 8 december 2026, 14.00–16.00 uur → dinsdag 8 december 2026, 15.00–16.30 uur" in summary
    assert "Waar: Online → Stadhuis, Markt 1, Delft en online" in summary
    # The pages and feeds that show it: its own, its communities', its theme's, the agenda and its parts.
    for address in (
        "/agenda/dd-webinar-december/",
        "/agenda/dd-webinar-december.ics",
        "/agenda.ics",
        "/agenda/",
        "/communities/community-cx/agenda.ics",
        "/themas/begrijpelijke-taal/",
        "/agenda/online/agenda.ics",
        "/agenda/op-locatie/",  # where it is now
    ):
        assert f"- `{address}`" in summary, address
    assert "/agenda/archief/" not in summary and "/communities/community-online-formulieren/" not in summary


def test_a_new_description_is_quoted_as_a_visitor_reads_it(data_repo: Path, cli: Run) -> None:
    _edit(
        data_repo,
        "description: We kijken samen naar echte brieven.",
        "description: |\n      We kijken naar **echte** brieven.\n\n      Neem een [brief](https://example.org/b) mee.",
    )
    summary = _summary(cli, data_repo)
    assert "De beschrijving is anders" in summary
    assert "    > We kijken naar echte brieven." in summary  # as text: no stars left to read
    assert "    > Neem een brief" in summary


def test_new_cancelled_and_removed_events_each_have_their_section(data_repo: Path, cli: Run) -> None:
    new = """  - id: nieuw-2027
    title: "Schrijfcafé #2 *nieuw*"
    communities: [community-cx]
    start: "2027-04-01 10:00"
    end: "2027-04-01 11:00"
    location: {online: true}
    description: Iets nieuws.
"""
    _edit(data_repo, "events:\n", "events:\n" + new)
    _edit(
        data_repo,
        "    description: Een sessie op de dag dat de klok vooruit gaat.\n",
        "    description: Gaat niet door, omdat de spreker ziek is.\n    status: cancelled\n",
    )
    text = (data_repo / "events.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: congres-2027")
    (data_repo / "events.yaml").write_text(text[:start] + text[text.index("  - id: cx-zomertijd") :], encoding="utf-8")
    summary = _summary(cli, data_repo)
    # The editor's words stay text: "#2" and "*nieuw*" are no heading or emphasis in the summary.
    assert "### Nieuwe evenementen (1)" in summary and r"**Schrijfcafé \#2 \*nieuw\***" in summary
    assert "woensdag 1 april 2027" not in summary and "donderdag 1 april 2027, 10.00–11.00 uur, Online" in summary
    assert "### Gaan niet meer door (1)" in summary and "Klantreizen op de dag van de zomertijd" in summary
    assert "### Verwijderde evenementen (1)" in summary and "(`congres-2027`)" in summary
    assert "status: cancelled" in summary  # the advice for next time


def test_a_renamed_community_and_a_new_theme_are_named(data_repo: Path, cli: Run) -> None:
    _edit(data_repo, "name: Community CX", "name: Community Klantbeleving", "communities.yaml")
    summary = _summary(cli, data_repo)
    assert "### Community's die veranderen" in summary and "Community Klantbeleving" in summary


def test_an_unknown_base_is_said_and_everything_counts_as_new(data_repo: Path, cli: Run) -> None:
    summary = _summary(cli, data_repo, base="origin/bestaat-niet")
    assert "De vorige versie (`origin/bestaat-niet`) is niet te lezen" in summary
    assert "### Nieuwe evenementen (" in summary


def test_broken_data_gives_the_checks_message_and_no_summary(data_repo: Path, cli: Run) -> None:
    _edit(data_repo, 'start: "2027-01-14"', 'start: "2027-13-14"')
    result = cli("changes", "--root", str(data_repo), "--base", "main")
    assert result.returncode == 1  # type: ignore[attr-defined]
    assert "events.yaml:" in result.stderr and "Traceback" not in result.stderr  # type: ignore[attr-defined]
    assert result.stdout == ""  # type: ignore[attr-defined]
