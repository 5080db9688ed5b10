"""The typed models of the three editor files.

Field names are the contract documented in CONTRIBUTING.md. Models are strict (no coercion: `"12"`
is not a number, `"yes"` is not a boolean) and forbid unknown fields, so a typo never passes
silently. Checks that need more than one file (references, unique ids) live in `validate.py`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .fields import Email, Line, MarkdownText, Slug, Summary, Url
from .moments import ZONE, day_start, next_day, parse_moment

EventType = Literal["bijeenkomst", "kennisdelingssessie", "gluren-bij-de-buren", "webinar", "werksessie", "congres"]
Moment = Annotated[date | datetime, PlainValidator(parse_moment)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Theme(_Model):
    id: Slug
    name: Line
    description: Line | None = None


class Testimonial(_Model):
    quote: Line
    name: Line
    organisation: Line | None = None
    url: Url | None = None


class Project(_Model):
    name: Line
    summary: Summary | None = None
    url: Url | None = None


class Community(_Model):
    id: Slug
    name: Line
    summary: Summary
    question: Line | None = None
    description: MarkdownText
    themes: list[Slug] = []
    partners: list[Line] = []
    join_url: Url
    platform_url: Url | None = None
    contact_email: Email | None = None
    members: Annotated[int, Field(ge=0)] | None = None
    testimonials: list[Testimonial] = []
    projects: list[Project] = []


class Location(_Model):
    venue: Line | None = None
    address: Line | None = None
    online: bool = False

    @model_validator(mode="after")
    def _somewhere(self) -> Location:
        if not self.venue and not self.online:
            raise PydanticCustomError("location_nowhere", "location_nowhere")
        return self

    @property
    def in_person(self) -> bool:
        return bool(self.venue)


class Event(_Model):
    id: Slug
    title: Line
    communities: Annotated[list[Slug], Field(min_length=1)]
    open_to_all: bool = False
    type: EventType | None = None
    start: Moment
    end: Moment | None = Field(default=None, validate_default=True)
    location: Location
    registration_url: Url | None = None
    themes: list[Slug] = []
    summary: Summary | None = None
    description: MarkdownText
    status: Literal["scheduled", "cancelled"] = "scheduled"

    @field_validator("end")
    @classmethod
    def _end_fits_start(cls, end: date | datetime | None, info: ValidationInfo) -> date | datetime | None:
        start = info.data.get("start")
        if start is None:
            return end
        timed = isinstance(start, datetime)
        if end is None:
            if timed:
                raise PydanticCustomError("missing_end", "missing_end")
            return end
        if isinstance(end, datetime) != timed:
            raise PydanticCustomError("end_form", "end_form")
        if end < start or (timed and end == start):
            raise PydanticCustomError("end_before_start", "end_before_start")
        return end

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def organiser(self) -> str:
        return self.communities[0]

    @property
    def cancelled(self) -> bool:
        return self.status == "cancelled"

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
    name: Line
    url: Url
    summary: Summary
    organisation: Line | None = None
    themes: list[Slug] = []


class CommunitiesFile(_Model):
    themes: list[Theme] = []
    communities: list[Community]


class EventsFile(_Model):
    events: list[Event] = []


class ExternalCommunitiesFile(_Model):
    external_communities: list[ExternalCommunity] = []
