"""From the three editor files to a `Network`, or a `DataError` listing every problem at once.

Each file is read and checked on its own first, then the checks that span files run, so that an
editor sees every problem in one go. Every entry keeps where it stands in its file (`source`).
"""

from __future__ import annotations

import typing
from collections.abc import Collection, Mapping

from pydantic import BaseModel, ValidationError

from ..contract import moments
from ..contract.models import CommunitiesFile, EventsFile, ExternalCommunitiesFile, event_types
from ..contract.network import Network
from ..reading import loader
from ..reading.files import DataFiles
from ..reading.loader import Document
from ..wording.problems import DataError, Problem
from .checks import cross_checks, entries
from .misread import merge, misread
from .translate import top_keys, translate

_FILE_MODELS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("communities", CommunitiesFile),
    ("events", EventsFile),
    ("external_communities", ExternalCommunitiesFile),
)


def load(files: DataFiles, *, reserved_ids: Mapping[str, Collection[str]] | None = None) -> Network:
    """The network in the files; `reserved_ids` are, by the key of a list ("events"), the ids that
    the site's own pages use."""
    problems = _clock_problems()
    documents: dict[str, Document] = {}
    models: dict[str, BaseModel] = {}
    for attribute, file_model in _FILE_MODELS:
        name = getattr(files, attribute)
        try:
            document = loader.load(files.root / name, name)
        except DataError as error:
            problems.extend(error.problems)
            continue
        documents[attribute] = document
        if not isinstance(document.data, dict) or not document.data:
            # Also `{}`: the lists would default to empty and the site would lose them without a word.
            # An agenda with nothing in it is written `events: []`.
            problems.append(document.problem((), "top_level", expected=top_keys(file_model)))
            continue
        found = list(misread(document, file_model))
        try:
            models[attribute] = file_model.model_validate(document.data)
        except ValidationError as error:
            found.extend(translate(error, document, file_model))
        problems.extend(merge(found, document, file_model))
    if "communities" in documents:
        problems.extend(
            cross_checks(
                documents["communities"],
                documents.get("events"),
                documents.get("external_communities"),
                reserved_ids or {},
            )
        )
    if problems:
        raise DataError(problems)
    for attribute, model in models.items():
        _keep_sources(model, documents[attribute])
    communities = typing.cast(CommunitiesFile, models["communities"])
    events = typing.cast(EventsFile, models["events"])
    external = typing.cast(ExternalCommunitiesFile, models["external_communities"])
    return Network(
        themes=tuple(communities.themes),
        communities=tuple(communities.communities),
        events=tuple(events.events),
        external=tuple(external.external_communities),
        event_types=event_types(events.types),
    )


def _clock_problems() -> list[Problem]:
    """A `SOURCE_DATE_EPOCH` that is not a time, reported with the data's problems.

    Every command reads the clock after loading; checking it here lets the check, the build and
    `render` refuse it the same way, in one list with everything else, instead of in a traceback.
    """
    try:
        moments.now()
    except DataError as error:
        return list(error.problems)
    return []


def _keep_sources(model: BaseModel, document: Document) -> None:
    for key in type(model).model_fields:
        for (list_key, index), _ in entries(document, key):
            getattr(model, key)[index]._source = document.source((list_key, index))
