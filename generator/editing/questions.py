"""The questions of `python -m generator new`, each answer checked as soon as it is given.

An answer is checked by the same models (`data/contract/models.py`) and cross-file checks (`data/checking/checks.py`)
as `check`, on the entry as far as it is known, so that a typo costs one answer instead of the whole
entry. The same questions give the command's options and their help, so they cannot drift apart.
"""

from __future__ import annotations

import re
import select
import sys
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from ..catalogue.filters import RESERVED_IDS
from ..data.checking.checks import cross_checks, event_type_ids
from ..data.checking.translate import translate
from ..data.contract import rules
from ..data.contract.models import Community, Event
from ..data.contract.moments import parse_moment
from ..data.reading import loader
from ..data.reading.files import DataFiles
from ..data.reading.loader import Document
from ..data.wording.messages import describe
from ..data.wording.problems import Problem

Entry = dict[str, Any]
Kind = Literal["text", "list", "yes_no", "markdown"]
_YES, _NO = {"ja", "j", "yes", "y"}, {"nee", "n", "no", ""}


def _always(entry: Mapping[str, Any]) -> bool:
    return True


def _never(entry: Mapping[str, Any]) -> bool:
    return False


@dataclass(frozen=True)
class Question:
    """One field that `new` asks for; `flag` is the option that answers it instead, `text` its help."""

    path: tuple[str, ...]
    """Where the answer goes in the entry: ("title",), or ("location", "venue")."""
    text: str
    flag: str
    metavar: str = "TEKST"
    kind: Kind = "text"
    required: Callable[[Mapping[str, Any]], bool] = _always
    relevant: Callable[[Mapping[str, Any]], bool] = _always
    also: tuple[str, ...] = ()
    """Fields whose problems this answer can cause besides its own, such as `location` for `venue`."""

    @property
    def field(self) -> str:
        return self.path[-1]


@dataclass(frozen=True)
class Form:
    """What `new` asks for one kind of entry, and where the entry goes."""

    model: type[BaseModel]
    file: str
    """The attribute of `DataFiles` that names the file."""
    list_key: str
    template: str
    questions: tuple[Question, ...]


class NoAnswer(Exception):
    """The answers ended (end of input) before this question was answered."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.text)
        self.question = question


class MissingOptions(Exception):
    """Without a terminal nothing is asked: these required fields were not given as options."""

    def __init__(self, questions: list[Question]) -> None:
        super().__init__(", ".join(question.flag for question in questions))
        self.questions = questions


class WrongOptions(Exception):
    """The values given as options do not pass the check; `messages` says why, in Dutch."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


def _timed(entry: Mapping[str, Any]) -> bool:
    try:
        return isinstance(parse_moment(entry.get("start")), datetime)
    except PydanticCustomError:
        return False


def _online(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("location", {}).get("online"))


def _at_a_venue(entry: Mapping[str, Any]) -> bool:
    return bool(entry.get("location", {}).get("venue"))


_ID = "kleine letters, cijfers en streepjes"
_COMMA = "gescheiden door komma's"
_URL = "begint met https://"
_MOMENT = '"JJJJ-MM-DD UU:MM", bijvoorbeeld "2027-02-11 13:30", of alleen "JJJJ-MM-DD" voor een hele dag'
# Asked alike for events and communities.
_THEMES = Question(("themes",), f"Thema's (themes): hun id's, {_COMMA}", "--theme", "ID", kind="list", required=_never)
_DESCRIPTION = Question(
    ("description",),
    "Beschrijving (description), in Markdown: typ één alinea, of plak een tekst van meer regels (die komt er"
    " helemaal in). Meer kan later in het bestand",
    "--description",
    kind="markdown",
)

EVENT = Form(
    Event,
    "events",
    "events",
    "new_event.yaml",
    (
        Question(("title",), "Titel (title)", "--title", "TITEL"),
        Question(("id",), f"Id (id): {_ID}, bijvoorbeeld open-dag-2027. Verander die later nooit", "--id", "ID"),
        Question(
            ("communities",),
            f"Community's (communities): hun id's, {_COMMA}. De eerste organiseert",
            "--community",
            "ID",
            kind="list",
        ),
        Question(
            ("open_to_all",), "Zijn leden van alle community's welkom? (open_to_all)", "--open-to-all", kind="yes_no"
        ),
        Question(("type",), "Soort (type): de id van een soort evenement", "--type", "SOORT", required=_never),
        Question(("start",), f"Begin (start): {_MOMENT}", "--start", "DATUM"),
        Question(
            ("end",),
            "Einde (end), in dezelfde vorm als het begin. Bij een hele dag: de laatste dag",
            "--end",
            "DATUM",
            required=_timed,
        ),
        Question(("location", "online"), "Kun je online meedoen? (online)", "--online", kind="yes_no"),
        Question(
            ("location", "venue"),
            "Plek (venue): de naam van het gebouw",
            "--venue",
            "NAAM",
            required=lambda entry: not _online(entry),
        ),
        Question(
            ("location", "address"),
            "Adres (address), bijvoorbeeld Kerkstraat 1, Zwolle",
            "--address",
            "ADRES",
            required=_at_a_venue,
            relevant=_at_a_venue,
            # The rules of `location` as a whole (a venue needs its address) are checked here, once the
            # venue has its address: checked at the venue, every venue would be refused.
            also=("location",),
        ),
        Question(
            ("location", "online_url"),
            f"Link om online mee te doen (online_url), alleen als die openbaar mag zijn; {_URL}",
            "--online-url",
            "WEBADRES",
            required=_never,
            relevant=_online,
            also=("location",),
        ),
        Question(
            ("registration_url",),
            f"Webadres om je aan te melden (registration_url); {_URL}",
            "--registration-url",
            "WEBADRES",
            required=_never,
        ),
        _THEMES,
        Question(("summary",), "Samenvatting (summary): één regel, hoogstens 200 tekens", "--summary", required=_never),
        _DESCRIPTION,
    ),
)

COMMUNITY = Form(
    Community,
    "communities",
    "communities",
    "new_community.yaml",
    (
        Question(("name",), "Naam (name)", "--name", "NAAM"),
        Question(("id",), f"Id (id): {_ID}, bijvoorbeeld community-open-data", "--id", "ID"),
        Question(("summary",), "Samenvatting (summary): één regel, hoogstens 200 tekens", "--summary"),
        Question(("question",), "Centrale vraag (question)", "--question", required=_never),
        _DESCRIPTION,
        _THEMES,
        Question(("join_url",), f"Webadres om lid te worden (join_url); {_URL}", "--join-url", "WEBADRES"),
        Question(
            ("platform_url",),
            f"Webadres van de online groep (platform_url), bijvoorbeeld op een platform om samen te werken; {_URL}",
            "--platform-url",
            "WEBADRES",
            required=_never,
        ),
        Question(
            ("contact_email",),
            "E-mailadres voor vragen (contact_email)",
            "--contact-email",
            "E-MAILADRES",
            required=_never,
        ),
    ),
)


class Checker:
    """Checks an entry that is not complete yet, by the rules of `check`, against the files as they are."""

    def __init__(self, files: DataFiles, form: Form) -> None:
        self.form = form
        self.documents = {
            attribute: loader.load(files.root / getattr(files, attribute), getattr(files, attribute))
            for attribute in ("communities", "events", "external_communities")
        }

    def choices(self, question: Question) -> list[str]:
        """The values to choose from for `question`, from the files as they are; none for most questions."""
        if question.field != "type":
            return []
        return event_type_ids(self.documents["events"])

    def problems(self, entry: Entry, fields: Collection[str]) -> list[Problem]:
        """The problems of `entry` in `fields`, and every problem across files (the files had none before)."""
        form = self.form
        found: list[Problem] = []
        try:
            form.model.model_validate(entry)
        except ValidationError as error:
            in_entry = translate(error, Document("", entry), form.model)
            found += [p for p in in_entry if p.key != "missing" and p.params.get("field") in fields]
        documents = dict(self.documents)
        target = documents[form.file]
        listed = [*(target.data.get(form.list_key) or []), entry]
        documents[form.file] = replace(target, data={**target.data, form.list_key: listed})
        found += cross_checks(
            documents["communities"], documents["events"], documents["external_communities"], RESERVED_IDS
        )
        return found


def ask(form: Form, given: Mapping[str, Any], checker: Checker, *, terminal: bool) -> Entry:
    """The entry, from the options in `given` (by field) and answers to the questions for the rest.

    Options are checked together first, so that all their mistakes show at once. Questions are asked
    only of a person at a terminal: answers piped in from elsewhere are not matched to questions by
    their order, since one answer more or less would put every later one in the wrong field. There
    every required field must be an option (an id may come from the title, as an empty answer gives).
    """
    entry: Entry = {}
    for question in form.questions:
        if question.kind == "yes_no":
            _put(entry, question.path, False)
    for question in form.questions:
        if question.field in given:
            _put(entry, question.path, _value(question, given[question.field]))
    if not terminal and "id" not in given and _suggested_id(entry):
        _put(entry, ("id",), _suggested_id(entry))
        given = {**given, "id": entry["id"]}
    options = [question for question in form.questions if question.field in given]
    problems = checker.problems(entry, _fields(options))
    if problems:
        raise WrongOptions(_unique_messages(problems))
    unanswered = [question for question in form.questions if question.field not in given]
    if not terminal:
        missing = [q for q in unanswered if q.kind != "yes_no" and q.relevant(entry) and q.required(entry)]
        if missing:
            raise MissingOptions(missing)
        return entry
    for question in unanswered:
        if question.relevant(entry):  # an earlier answer can make a question moot
            _ask_one(question, question.required(entry), entry, checker)
    return entry


def _ask_one(question: Question, required: bool, entry: Entry, checker: Checker) -> None:
    suggestion = _suggested_id(entry) if question.field == "id" else ""
    prompt = _prompt(question, required, suggestion, checker.choices(question))
    while True:
        answer = _read(question, prompt)
        if answer is None:
            continue
        answer = answer or suggestion
        if question.kind == "yes_no":
            if _yes_or_no(question, answer, entry):
                return
            continue
        if not answer:
            if not required:
                return
            _say("Dit moet je invullen.")
            continue
        trial = _with(entry, question.path, _value(question, answer))
        problems = checker.problems(trial, _fields([question]))
        if not problems:
            entry.clear()
            entry.update(trial)
            return
        for message in _unique_messages(problems):
            _say(message)


def _prompt(question: Question, required: bool, suggestion: str, choices: list[str]) -> str:
    if choices:
        return f"{question.text}. Kies uit: {', '.join(choices)}{'' if required else ' (mag leeg)'}: "
    if question.kind == "yes_no":
        return f"{question.text} (ja/nee; leeg is nee): "
    if suggestion:
        return f"{question.text}. Laat je dit leeg, dan wordt het {suggestion}: "
    return f"{question.text}{'' if required else ' (mag leeg)'}: "


def _read(question: Question, prompt: str) -> str | None:
    """The answer as typed, or None (after saying why) when it has to be typed again."""
    try:
        return _answer(question, prompt)
    except UnicodeDecodeError:
        _say("In dit antwoord staan tekens die niet als UTF-8 te lezen zijn. Typ het opnieuw.")
    except (EOFError, RuntimeError):  # RuntimeError: there is no standard input at all
        raise NoAnswer(question) from None
    except PastedLines:
        _say("Je plakte meer dan één regel, maar hier hoort één regel. Typ of plak alleen die ene regel.")
    return None


def _yes_or_no(question: Question, answer: str, entry: Entry) -> bool:
    """Put a yes-or-no answer in the entry; False (after saying what to type) if it is neither."""
    if answer.lower() in _YES | _NO:
        _put(entry, question.path, answer.lower() in _YES)
        return True
    _say("Typ ja of nee.")
    return False


class PastedLines(Exception):
    """More than one line arrived at once for a question of one line."""


def _answer(question: Question, prompt: str) -> str:
    """One answer as typed. Lines that arrive together with it were pasted with it: a Markdown answer
    takes them all, whatever their blank lines; another answer refuses them, so that none of them
    answers a later question."""
    first = input(prompt)
    pasted = typed_ahead()
    if not pasted:
        return first.strip()
    if question.kind != "markdown":
        raise PastedLines
    return "\n".join([first, *pasted]).strip()


def typed_ahead() -> list[str]:
    """The lines already waiting on standard input (a paste, or typed ahead), taken off it: they
    answer no later question and are never left for the shell."""
    lines: list[str] = []
    while _waiting(sys.stdin):
        line = sys.stdin.readline()
        if not line:
            break
        lines.append(line.rstrip("\r\n"))
    return lines


def _waiting(stream: Any) -> bool:
    """Whether input waits to be read now. A stream of the tests says so itself (`waiting()`); a
    terminal is asked with select, giving a paste a moment to arrive whole."""
    if hasattr(stream, "waiting"):
        return bool(stream.waiting())
    try:
        ready, _, _ = select.select([stream], [], [], PASTE_GAP)
    except (OSError, ValueError, TypeError):  # no file descriptor (closed, or not a real stream)
        return False
    return bool(ready)


PASTE_GAP = 0.05
"""Seconds within which lines count as one paste: far less than anyone types a line."""


def _suggested_id(entry: Mapping[str, Any]) -> str:
    """An id made from the title or name ("Café Één" gives cafe-een); the check still decides.

    A long title (pasted from an invitation) gives its first words, as many as fit in an id.
    """
    words = unicodedata.normalize("NFKD", str(entry.get("title") or entry.get("name") or ""))
    plain = words.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
    if len(slug) <= rules.ID_MAX_LENGTH:
        return slug
    cut = slug[: rules.ID_MAX_LENGTH + 1].rsplit("-", 1)[0]
    # One word longer than an id: cut inside it.
    return cut if len(cut) <= rules.ID_MAX_LENGTH else slug[: rules.ID_MAX_LENGTH].rstrip("-")


def _value(question: Question, raw: Any) -> Any:
    """What goes into the entry: lists split at commas, Markdown ending with a line break like a block."""
    if question.kind == "list":
        parts = [raw] if isinstance(raw, str) else raw
        return [item.strip() for part in parts for item in part.split(",") if item.strip()]
    if question.kind == "markdown":
        return raw if raw.endswith("\n") else raw + "\n"
    return raw


def _fields(questions: Iterable[Question]) -> set[str]:
    return {name for question in questions for name in (question.field, *question.also)}


def _unique_messages(problems: Iterable[Problem]) -> list[str]:
    return list(dict.fromkeys(describe(problem) for problem in problems))


def _put(entry: Entry, path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        entry = entry.setdefault(part, {})
    entry[path[-1]] = value


def _with(entry: Entry, path: tuple[str, ...], value: Any) -> Entry:
    """A copy of `entry` with one more answer; the nested mappings are copied too."""
    copy = {key: dict(value) if isinstance(value, dict) else value for key, value in entry.items()}
    _put(copy, path, value)
    return copy


def _say(message: str) -> None:
    print(message, file=sys.stderr)
