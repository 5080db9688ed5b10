"""The typed models of the three editor files.

Field names are the contract documented in CONTRIBUTING.md; the Dutch descriptions end up in the
JSON Schemas that editors' tools show while typing. Models are strict (no coercion: `"12"` is not a
number, `"yes"` is not a boolean) and forbid unknown fields, so a typo never passes silently.
Checks that need more than one file (references, unique ids) live in `checks.py`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..reading.loader import Source
from ..wording.problems import invalid
from .fields import Email, Line, MarkdownText, Slug, Summary, Url
from .moments import ZONE, day_start, next_day, parse_day, parse_moment

DEFAULT_EVENT_TYPES: Mapping[str, str] = {
    "bijeenkomst": "Bijeenkomst",
    "kennisdelingssessie": "Kennisdelingssessie",
    "gluren-bij-de-buren": "Gluren bij de buren",
    "webinar": "Webinar",
    "werksessie": "Werksessie",
    "congres": "Congres",
}
"""The kinds of event of a network whose events.yaml has no list `types`, with the Dutch label visitors
see. A network names its own kinds in that list: they are its words, not the generator's."""
Language = Literal["nl", "en"]
LANGUAGES: Mapping[str, str] = {"nl": "Nederlands", "en": "Engels"}
"""Every language an event can be in, with its Dutch name; the keys are exactly the values of `Language`."""
AccessibilityFeature = Literal[
    "drempelvrij", "ringleiding", "ngt", "live-ondertiteling", "ondertiteling-opname", "stilteruimte"
]
ACCESSIBILITY_FEATURES: Mapping[str, str] = {
    "drempelvrij": "Drempelvrij: ook met een rolstoel kom je overal binnen",
    "ringleiding": "Ringleiding voor mensen met een hoortoestel",
    "ngt": "Tolk Nederlandse Gebarentaal (NGT)",
    "live-ondertiteling": "Live ondertiteling",
    "ondertiteling-opname": "Ondertiteling bij de opname",
    "stilteruimte": "Stilteruimte",
}
"""Every access feature with the Dutch label visitors see; the keys are exactly the values of
`AccessibilityFeature`. A fixed list, so that a page never says more than the organisers promised."""
MaterialKind = Literal["verslag", "presentatie", "opname", "anders"]
MATERIAL_KINDS: Mapping[str, str] = {
    "verslag": "Verslag",
    "presentatie": "Presentatie",
    "opname": "Opname",
    "anders": "Anders",
}
"""Every kind of material with its Dutch label; the keys are exactly the values of `MaterialKind`."""
Status = Literal["scheduled", "cancelled"]
STATUSES: Mapping[str, str] = {"scheduled": "gaat door", "cancelled": "gaat niet door"}
"""What each status means; the keys are exactly the values of `Status`."""
for _labels, _literal in (
    (STATUSES, Status),
    (LANGUAGES, Language),
    (ACCESSIBILITY_FEATURES, AccessibilityFeature),
    (MATERIAL_KINDS, MaterialKind),
):
    if tuple(_labels) != get_args(_literal):
        raise RuntimeError(f"{_literal} and its labels must list the same values, in the same order")
EDITOR_WORDS: Mapping[str, str] = {
    "engels": "en",
    "english": "en",
    "nederlands": "nl",
    "dutch": "nl",
    "rolstoel": "drempelvrij",
    "rolstoeltoegankelijk": "drempelvrij",
    "hoorlus": "ringleiding",
    "gebarentaal": "ngt",
    "gebarentolk": "ngt",
    "tolk": "ngt",
    "video": "opname",
    "recording": "opname",
    "slides": "presentatie",
    "sheets": "presentatie",
}
"""Words editors are likely to type for a choice, in lower case, with the choice to suggest."""
REQUIRED_WHEN: Mapping[tuple[str, str], str] = {
    ("Event", "end"): "ja, als `start` een tijd heeft",
    ("Location", "venue"): "ja, behalve bij `online: true`",
    ("Location", "address"): "ja, bij `venue`",
}
"""Fields that the validators below require only in some cases, by model and field, said as the guide says it."""
RegistrationState = Literal["open", "full", "closed"]
Moment = Annotated[
    date | datetime,
    PlainValidator(parse_moment, json_schema_input_type=str),
    WithJsonSchema({"type": "string", "x-kind": "moment"}),
]


Day = Annotated[
    date,
    PlainValidator(parse_day, json_schema_input_type=str),
    WithJsonSchema({"type": "string", "x-kind": "day"}),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    _source: Source | None = PrivateAttr(None)

    @property
    def source(self) -> Source:
        """Where the entry stands in its file; set by `load` on every entry of a list."""
        if self._source is None:
            raise LookupError(f"{type(self).__name__} was not loaded from a file")
        return self._source


class Theme(_Model):
    id: Slug = Field(
        description="Code van het thema. Elke id komt maar één keer voor. De pagina van het thema komt op "
        "`/themas/<id>/`."
    )
    name: Line = Field(description="Naam van het thema, zoals bezoekers die zien.")
    description: Line | None = Field(None, description="Eén of twee zinnen over het thema.")


class Testimonial(_Model):
    quote: Line = Field(description="Wat het lid zei, letterlijk.")
    name: Line = Field(description="Naam van het lid.")
    organisation: Line | None = Field(None, description="Organisatie van het lid.")
    # Required: words in quotation marks under a real name must be that person's own, and a reader
    # must be able to see where they said them.
    url: Url = Field(description="Link naar de plek waar het lid dit zei, bijvoorbeeld een interview.")


class Project(_Model):
    name: Line = Field(description="Naam van het project.")
    summary: Summary | None = Field(None, description="Eén regel over het project.")
    url: Url | None = Field(None, description="Webadres van het project.")


class Community(_Model):
    id: Slug = Field(
        description="Code van de community. Elke id komt maar één keer voor. De pagina komt op "
        "`/communities/<id>/`. Verander een id liever niet: het adres van de pagina verandert mee, en "
        "evenementen gebruiken de id."
    )
    name: Line = Field(description="Naam van de community.")
    summary: Summary = Field(description="Eén regel over de community.")
    question: Line | None = Field(None, description="De centrale vraag van de community.")
    description: MarkdownText = Field(description="Uitleg over de community.")
    themes: list[Slug] = Field(
        [], description="Id's van thema's uit de lijst `themes` van dit bestand. Elk thema maar één keer."
    )
    partners: list[Line] = Field([], description="Organisaties waarmee de community begon.")
    join_url: Url = Field(description="Webadres waar mensen zich aanmelden.")
    platform_url: Url | None = Field(
        None, description="Webadres van de online groep, bijvoorbeeld op een platform om samen te werken."
    )
    contact_email: Email | None = Field(None, description="E-mailadres voor vragen.")
    members: Annotated[int, Field(ge=0)] | None = Field(None, description="Aantal leden.")
    testimonials: list[Testimonial] = Field(
        [], description="Uitspraken van leden, met een link naar waar ze die deden."
    )
    projects: list[Project] = Field([], description="Projecten die uit de community kwamen.")


class Location(_Model):
    venue: Line | None = Field(None, description="Naam van de plek, bijvoorbeeld een gebouw.")
    address: Line | None = Field(
        None,
        description="Adres van de plek: straat, nummer en plaats. Bezoekers en zoekmachines vinden de plek zo.",
    )
    online: bool = Field(False, description="`true` als je online kunt meedoen.")
    online_url: Url | None = Field(
        None,
        description="De link om online mee te doen, bijvoorbeeld van Teams of Zoom. Alleen bij `online: true`, en "
        "alleen als iedereen de link mag zien: hij staat op de site en in de agenda's.",
    )

    @model_validator(mode="after")
    def _somewhere(self) -> Location:
        if not self.venue and not self.online:
            raise invalid("location_nowhere")
        if self.venue and not self.address:
            # A place without an address cannot be found by visitors, and search engines read it as a
            # schema.org Place without `address`, which Google's event results refuse.
            raise invalid("venue_without_address")
        if self.online_url and not self.online:
            raise invalid("online_url_without_online")
        return self


class Accessibility(_Model):
    features: list[AccessibilityFeature] = Field(
        [],
        description="Wat er is voor toegankelijkheid: alleen wat de organisatie echt heeft geregeld. "
        "Elke waarde maar één keer.",
    )
    contact: Line | None = Field(
        None,
        description="Bij wie je terechtkunt met vragen over toegankelijkheid, bijvoorbeeld: Mail naar "
        "info@example.org of bel 012 345 67 89.",
    )

    @model_validator(mode="before")
    @classmethod
    def _not_a_bare_list(cls, data: object) -> object:
        """`accessibility: [ringleiding]` is the likeliest slip: say where the list goes."""
        if isinstance(data, list):
            raise invalid("accessibility_list")
        return data

    @model_validator(mode="after")
    def _says_something(self) -> Accessibility:
        if not self.features and not self.contact:
            raise invalid("accessibility_empty")
        return self

    @property
    def labels(self) -> list[str]:
        """The features in Dutch, as visitors read them."""
        return [ACCESSIBILITY_FEATURES[feature] for feature in self.features]


class Material(_Model):
    title: Line = Field(description="Titel, zoals bezoekers die zien, bijvoorbeeld: Verslag van de middag.")
    url: Url = Field(description="Webadres waar je het verslag, de presentatie of de opname vindt.")
    kind: MaterialKind = Field(description="Soort materiaal.")

    @property
    def label(self) -> str:
        return MATERIAL_KINDS[self.kind]


class Event(_Model):
    id: Slug = Field(
        description="Code van het evenement. Elke id komt maar één keer voor. Zet bijvoorbeeld het jaar erin. "
        "De pagina komt op `/agenda/<id>/`. Verander de id nooit, ook niet als het evenement verplaatst: "
        "agenda-apps herkennen een evenement aan die id."
    )
    title: Line = Field(description="Titel van het evenement.")
    communities: Annotated[list[Slug], Field(min_length=1)] = Field(
        description="Id's van community's uit communities.yaml. De eerste community organiseert; de andere "
        "organiseren mee."
    )
    open_to_all: bool = Field(
        False,
        description="`true` als leden van alle community's welkom zijn. Laat je het weg, dan zegt de site: "
        "Voor leden van de community's die het organiseren.",
    )
    type: str | None = Field(
        None,
        description="Soort evenement.",
        json_schema_extra={"x-choices": "types"},
    )
    start: Moment = Field(
        description='Begin: "JJJJ-MM-DD UU:MM", bijvoorbeeld "2027-02-11 14:00". Voor een evenement van hele '
        'dagen alleen de datum: "JJJJ-MM-DD".'
    )
    end: Moment | None = Field(
        None,
        validate_default=True,
        description="Einde, in dezelfde vorm als `start`, en na `start`. Bij hele dagen is `end` de laatste dag van "
        "het evenement (die dag telt mee). Bij één hele dag mag `end` weg.",
    )
    location: Location = Field(description="Waar het evenement is. Vul minstens `venue` in, of zet `online: true`.")
    registration_url: Url | None = Field(
        None,
        description="Webadres om je aan te melden. Zonder dit adres krijg je een waarschuwing bij een evenement "
        "dat nog komt.",
    )
    registration_deadline: Day | None = Field(
        None,
        description="Laatste dag om je aan te melden. Die dag telt mee. Kies de dag van `start` of een dag ervoor. "
        "Alleen samen met `registration_url`. Na die dag zegt de site: Aanmelden is gesloten.",
    )
    full: bool = Field(
        False,
        description="`true` als het evenement vol is. De site zegt dan Vol en laat de knop om je aan te melden weg. "
        "Alleen samen met `registration_url`.",
    )
    themes: list[Slug] = Field([], description="Id's van thema's uit communities.yaml. Elk thema maar één keer.")
    summary: Summary | None = Field(None, description="Eén regel over het evenement.")
    description: MarkdownText = Field(description="Uitleg over het evenement.")
    status: Status = Field(
        "scheduled",
        description="Gaat het evenement door? Gaat het niet door, haal het dan niet weg: zet `cancelled` en "
        "schrijf de reden in `description`.",
    )
    language: Language = Field(
        "nl",
        description="Taal van het evenement. Bij `en` zegt de site: Dit evenement is in het Engels. Schrijf `title`, "
        "`summary` en `description` dan in het Engels, zodat een voorleesprogramma ze goed uitspreekt.",
    )
    accessibility: Accessibility | None = Field(
        None,
        description="Wat er is voor toegankelijkheid, en bij wie je met vragen terechtkunt. Vul minstens één van "
        "de twee in. Weet je het niet? Laat het weg: de site zegt dan Vraag de organisatie.",
    )
    materials: list[Material] = Field(
        [],
        description="Verslagen, presentaties en opnames. Ze komen op de pagina onder Terugkijken en nalezen zodra "
        "het evenement voorbij is. In de agenda-bestanden staan ze meteen.",
    )

    @field_validator("end")
    @classmethod
    def _end_fits_start(cls, end: date | datetime | None, info: ValidationInfo) -> date | datetime | None:
        start = info.data.get("start")
        if start is None:
            return end
        timed = isinstance(start, datetime)
        if end is None:
            if timed:
                raise invalid("missing_end")
            return end
        if isinstance(end, datetime) != timed:
            raise invalid("end_form")
        if end < start or (timed and end == start):
            raise invalid("end_before_start")
        return end

    @field_validator("registration_deadline")
    @classmethod
    def _deadline_fits_start(cls, deadline: date | None, info: ValidationInfo) -> date | None:
        if deadline is None:
            return None
        start = info.data.get("start")
        first_day = start.astimezone(ZONE).date() if isinstance(start, datetime) else start
        if first_day is not None and deadline > first_day:
            raise invalid("deadline_after_start")
        return deadline

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

    @property
    def registration_closes_at(self) -> datetime | None:
        """The first instant after the last day to register, if the editors gave one."""
        if self.registration_deadline is None:
            return None
        return day_start(next_day(self.registration_deadline))

    def registration(self, now: datetime) -> RegistrationState | None:
        """Whether a visitor can still register at `now`; None when there is nothing to register for:
        no link, cancelled, or over."""
        if not self.registration_url or self.cancelled or self.ends_at <= now:
            return None
        if self.full:
            return "full"
        closes = self.registration_closes_at
        return "closed" if closes is not None and closes <= now else "open"

    @property
    def starts_at(self) -> datetime:
        """The first instant of the event; midnight for an all-day event."""
        return self.start if isinstance(self.start, datetime) else day_start(self.start)

    @property
    def ends_at(self) -> datetime:
        """The instant the event is over: for an all-day event, midnight after its last day."""
        if isinstance(self.end, datetime):
            return self.end
        return day_start(next_day(self.last_day))

    @property
    def last_day(self) -> date:
        end = self.end if self.end is not None else self.start
        return end.astimezone(ZONE).date() if isinstance(end, datetime) else end

    @property
    def first_day(self) -> date:
        return self.starts_at.date()

    @property
    def multi_day(self) -> bool:
        return self.last_day != self.first_day


class ExternalCommunity(_Model):
    name: Line = Field(description="Naam van de community. Elke naam komt maar één keer voor.")
    url: Url = Field(description="Webadres van de community.")
    summary: Summary = Field(description="Eén regel over de community.")
    organisation: Line | None = Field(None, description="Organisatie achter de community.")
    themes: list[Slug] = Field([], description="Id's van thema's uit communities.yaml. Elk thema maar één keer.")


class CommunitiesFile(_Model):
    themes: list[Theme] = Field([], description="De thema's die community's, evenementen en externe community's delen.")
    communities: list[Community] = Field(description="De community's van het netwerk.")


class EventType(_Model):
    id: Slug = Field(
        description="Code van de soort, zoals je die bij `type` van een evenement schrijft. Elke id komt maar één "
        "keer voor. De soort krijgt een eigen deel van de agenda op `/agenda/soort/<id>/`."
    )
    name: Line = Field(description="Naam van de soort, zoals bezoekers die zien, bijvoorbeeld Werksessie.")


class EventsFile(_Model):
    types: list[EventType] = Field(
        [],
        description="De soorten evenementen van het netwerk. Zonder deze lijst gelden de zes standaardsoorten "
        "(zie `type` bij een evenement).",
    )
    events: list[Event] = Field(
        [],
        description="De agenda: alle evenementen. Haal evenementen die geweest zijn niet weg: ze gaan vanzelf "
        "naar het archief.",
    )


def event_types(declared: list[EventType] | tuple[EventType, ...]) -> Mapping[str, str]:
    """The network's kinds of event by id, with their labels: the list `types`, or else the defaults."""
    return {kind.id: kind.name for kind in declared} if declared else DEFAULT_EVENT_TYPES


OPTIONAL_LISTS = frozenset({"types"})
"""Lists of a file that may be left out, unlike the others: a site without them takes the defaults."""


class ExternalCommunitiesFile(_Model):
    external_communities: list[ExternalCommunity] = Field([], description="Community's buiten het netwerk.")
