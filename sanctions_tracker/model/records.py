"""Typed records of the curated data: sources, evidence, subjects, actions and measures.

Records are frozen: once loaded, a figure cannot change by accident on its way to a report.
Validation that concerns one value sits next to its field; rules that relate several records
(running totals, chains, sources that disagree) are the rules registered in
:mod:`sanctions_tracker.checks`.

Subject field names follow the FollowTheMoney schemata they export to: ``Vessel`` (name,
imoNumber, flag, mmsi, callSign, alias), ``Organization`` (name, country, alias) and ``Person``
(name, nationality, birthDate, alias).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Union

import attrs

from sanctions_tracker.schema.countries import authority_codes, country_codes

from .identifiers import (
    company_imo_check_digit,
    imo_check_digit,
    is_valid_company_imo,
    is_valid_imo,
)

__all__ = [
    "ACTION_FIGURES",
    "DATE_FIELDS",
    "IDENTIFIER_FIELDS",
    "MEASURE_FIGURES",
    "SUBJECT_FACTS",
    "DesignationAction",
    "Dispute",
    "Entity",
    "Evidence",
    "ExportControlMeasure",
    "ExportControlSeries",
    "FieldValueError",
    "Individual",
    "Source",
    "StatedCounts",
    "Subject",
    "Vessel",
    "stated_text",
]

#: Names of the figures an action states; evidence ``states`` and ``disputed`` use these names.
ACTION_FIGURES = ("vessels", "entities", "individuals")
#: Names of the figures a measure states.
MEASURE_FIGURES = ("items_added", "items_removed", "net_adjustment", "total_before", "total_after")
#: The dates of an action or measure, in the order they normally fall; evidence may state each.
DATE_FIELDS = ("announced", "promulgated", "effective", "expected")
#: Numbers that are identifiers, not counts: written as they are, never grouped by thousands.
IDENTIFIER_FIELDS = frozenset(("imo_number", "mmsi"))
#: What evidence may state of a subject, by subject type (``disputed`` takes the same names).
SUBJECT_FACTS = {
    "vessel": ("name", "imo_number", "flag", "mmsi", "call_sign"),
    "entity": ("name", "country", "imo_number"),
    "individual": ("name", "nationality", "birth_date"),
}


def stated_text(value: int | str | dt.date) -> str:
    """A stated value as the data files write it: a date in ISO form, anything else as is."""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


class FieldValueError(ValueError):
    """A field validator's complaint, naming the field so the error can point at it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def _check_imo(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not is_valid_imo(value):
        text = str(value)
        hint = (
            f"the check digit of {text[:6]} is {imo_check_digit(text[:6])}, not {text[6]}"
            if len(text) == 7
            else "an IMO number has seven digits"
        )
        raise FieldValueError(attribute.name, f"{value} is not a valid IMO number: {hint}")


def _check_company_imo(_instance: object, attribute: attrs.Attribute[Any],
                       value: int | None) -> None:
    if value is not None and not is_valid_company_imo(value):
        text = str(value)
        hint = (
            f"the company check digit of {text[:6]} is {company_imo_check_digit(text[:6])}, "
            f"not {text[6]}" + (" (it is a valid ship number: give it to the vessel)"
                                if is_valid_imo(value) else "")
            if len(text) == 7
            else "an IMO number has seven digits"
        )
        raise FieldValueError(attribute.name,
                              f"{value} is not a valid IMO company number: {hint}")


# Country and authority codes come from the schema's lists (see _countries): a record accepts
# exactly the codes a data file may contain.
def _check_country(_instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value not in country_codes():
        raise FieldValueError(attribute.name, f"{value!r} is not a country code: write an ISO "
                              "3166-1 alpha-2 code in capitals (or XK for Kosovo)")


def _check_countries(instance: object, attribute: attrs.Attribute[Any],
                     value: tuple[str, ...]) -> None:
    for code in value:
        _check_country(instance, attribute, code)


def _check_authority(_instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in authority_codes():
        raise FieldValueError(attribute.name, f"{value!r} is not an authority code: write an "
                              "ISO 3166-1 alpha-2 code in capitals, or EU")


@attrs.frozen
class Source:
    """A published document that figures are quoted from.

    ``file`` and ``sha256`` identify the original bytes, so that a quote can be checked against
    exactly the document it was taken from. ``published`` and ``updated`` are both optional
    because some pages give neither, and some give only an "Updated on" date. A source whose
    original is not stored (no ``file``/``sha256``) is cited by its ``url``, publisher and date
    (the schema requires them then): its figures are cited, not verified.
    """

    id: str
    publisher: str
    title: str
    file: str | None = None
    sha256: str | None = None
    url: str | None = None
    published: dt.date | None = None
    updated: dt.date | None = None
    notes: str | None = None

    @property
    def dated(self) -> dt.date | None:
        """The best date known for the document: published if given, else updated."""
        return self.published or self.updated


@attrs.frozen
class Evidence:
    """What one source says: a short quoted fragment, and the figures, dates and facts it states.

    ``states`` maps figure names (see :data:`ACTION_FIGURES`, :data:`MEASURE_FIGURES`, and a
    subject's identifiers) to the number the evidence gives, which is what lets two sources be
    compared figure by figure; ``dates`` holds the dates it states (:data:`DATE_FIELDS`, a
    person's ``birth_date``) and ``facts`` the text it states of a subject (name, country codes,
    call sign). The data files write all three as one ``states`` mapping; the converter sorts
    them by name, so that no check compares a date with a count.

    Evidence without a ``quote`` is *cited*: it supports exactly what it states (the schema
    requires something), and only for a source with no stored original, or, with ``entry``, for
    an official list file whose entry of that id states it.
    """

    source: str
    quote: str | None = None
    states: dict[str, int] = attrs.Factory(dict)
    dates: dict[str, dt.date] = attrs.Factory(dict)
    facts: dict[str, str] = attrs.Factory(dict)
    entry: str | None = None

    @property
    def cited_only(self) -> bool:
        """True when the evidence cites its source without quoting it."""
        return self.quote is None

    def stated(self) -> dict[str, int | str | dt.date]:
        """Everything this evidence states, by name, as the data file writes it."""
        return {**self.states, **self.dates, **self.facts}


@attrs.frozen
class Dispute:
    """A figure, date or fact that sources report differently, kept on purpose with a note.

    A dispute on a figure also accepts a running total that does not close through it: the note
    says what the sources offer as the reason, and ``check`` reports the break as a warning.
    """

    figure: str
    note: str


@attrs.frozen
class Vessel:
    """A designated ship (FtM ``Vessel``)."""

    name: str
    imo_number: int | None = attrs.field(default=None, validator=_check_imo)
    flag: str | None = attrs.field(default=None, validator=_check_country)
    mmsi: int | None = None
    call_sign: str | None = None
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    notes: str | None = None


@attrs.frozen
class Entity:
    """A designated company or organisation (FtM ``Organization``).

    ``imo_number`` is the company (registered owner) number, whose check digit differs from a
    ship's: official lists carry it for shipping companies.
    """

    name: str
    country: str | None = attrs.field(default=None, validator=_check_country)
    imo_number: int | None = attrs.field(default=None, validator=_check_company_imo)
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    notes: str | None = None


@attrs.frozen
class Individual:
    """A designated person (FtM ``Person``)."""

    name: str
    nationality: str | None = attrs.field(default=None, validator=_check_country)
    birth_date: dt.date | None = None
    aliases: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    notes: str | None = None


Itemized = Literal["complete", "partial", "none"]
Subject = Union[Vessel, Entity, Individual]  # noqa: UP007 (cattrs needs a runtime union object)


@attrs.frozen
class StatedCounts:
    """How many subjects of each type the sources say were designated (None: not stated)."""

    vessels: int | None = None
    entities: int | None = None
    individuals: int | None = None

    def items(self) -> list[tuple[str, int | None]]:
        """(figure name, value) pairs in a fixed order."""
        return [(name, getattr(self, name)) for name in ACTION_FIGURES]


@attrs.frozen
class DesignationAction:
    """One announcement of designations by one authority.

    ``itemized`` says how far the sources name the subjects: ``complete`` (every one; the counts
    per type must equal the stated counts), ``partial`` (some), or ``none``, which means the
    subjects are unknown (not that there are none), and ``subjects`` must then be empty.
    """

    id: str
    authority: str = attrs.field(validator=_check_authority)
    announced: dt.date
    stated_counts: StatedCounts
    itemized: Itemized
    evidence: tuple[Evidence, ...]
    promulgated: dt.date | None = None
    effective: dt.date | None = None
    expected: dt.date | None = None
    programme: str | None = None
    reason: str | None = None
    target_countries: tuple[str, ...] = attrs.field(default=(), validator=_check_countries)
    subjects: tuple[Subject, ...] = ()
    disputed: tuple[Dispute, ...] = ()
    date_derivation: str | None = None
    notes: str | None = None

    def figures(self) -> dict[str, int]:
        """The figures this record gives, by name, leaving out those not stated."""
        return {k: v for k, v in self.stated_counts.items() if v is not None}

    def dates(self) -> dict[str, dt.date]:
        """The dates this record gives, by name (:data:`DATE_FIELDS`), leaving out unknown ones."""
        return _dates(self)

    @property
    def in_force(self) -> dt.date:
        """The date the action counts from: effective when known, else announced."""
        return self.effective or self.announced


@attrs.frozen
class ExportControlSeries:
    """A list that export-control measures change, such as one state's list of banned items."""

    id: str
    authority: str = attrs.field(validator=_check_authority)
    title: str
    target_countries: tuple[str, ...] = attrs.field(default=(), validator=_check_countries)
    notes: str | None = None


@attrs.frozen
class ExportControlMeasure:
    """One change to an export-control list.

    Every figure is optional because reporting often gives only some of them; reconciliation
    derives a missing one from the others where it can, and never writes it back.
    ``net_adjustment`` records a change that is neither an addition nor a removal (items merged or
    reclassified), with ``adjustment_reason`` saying why. ``notice`` names the instrument that
    made the change as its issuer numbers it (a revision of a public notice), where reported.
    """

    id: str
    series: str
    authority: str = attrs.field(validator=_check_authority)
    announced: dt.date
    evidence: tuple[Evidence, ...]
    promulgated: dt.date | None = None
    effective: dt.date | None = None
    expected: dt.date | None = None
    notice: str | None = None
    items_added: int | None = None
    items_removed: int | None = None
    net_adjustment: int | None = None
    adjustment_reason: str | None = None
    total_before: int | None = None
    total_after: int | None = None
    disputed: tuple[Dispute, ...] = ()
    date_derivation: str | None = None
    notes: str | None = None

    def figures(self) -> dict[str, int]:
        """The figures this record gives, by name, leaving out those not given."""
        values = {name: getattr(self, name) for name in MEASURE_FIGURES}
        return {k: v for k, v in values.items() if v is not None}

    def dates(self) -> dict[str, dt.date]:
        """The dates this record gives, by name (:data:`DATE_FIELDS`), leaving out unknown ones."""
        return _dates(self)

    @property
    def in_force(self) -> dt.date:
        """The date the list changed: effective when known, else announced (timeline order)."""
        return self.effective or self.announced


def _dates(record: DesignationAction | ExportControlMeasure) -> dict[str, dt.date]:
    values = {name: getattr(record, name) for name in DATE_FIELDS}
    return {k: v for k, v in values.items() if v is not None}
