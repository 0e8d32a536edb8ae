"""Country and authority codes: the records accept exactly what the schemas accept."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import pytest
from cattrs import BaseValidationError

from sanctions_tracker.model.converter import converter
from sanctions_tracker.model.records import (
    DesignationAction,
    Entity,
    Evidence,
    ExportControlMeasure,
    ExportControlSeries,
    FieldValueError,
    Individual,
    StatedCounts,
    Vessel,
)
from sanctions_tracker.schema import validator_for
from sanctions_tracker.schema.countries import authority_codes, country_codes

# Every code either list has, their near misses, and every other pair of capitals: ~700 codes.
CANDIDATES = sorted(
    country_codes() | authority_codes() | {"kr", "Kr", "KOR", "K", "", " KR", "UK", "EL"}
    | {a + b for a in string.ascii_uppercase for b in string.ascii_uppercase}
)


def _schema_accepts(kind: str, document: dict[str, Any]) -> bool:
    return not any(True for _ in validator_for(kind).iter_errors(document))


def _record_accepts(build: Any) -> bool:
    try:
        build()
    except FieldValueError:
        return False
    return True


def _series(code: str) -> dict[str, Any]:
    return {"kind": "export-controls", "series": [{"id": "s", "authority": code, "title": "t",
                                                   "target_countries": ["RU"]}]}


def _entity(code: str) -> dict[str, Any]:
    return {"kind": "designations", "actions": [{
        "id": "a", "authority": "KR", "announced": "2024-01-01", "itemized": "complete",
        "stated_counts": {"entities": 1},
        "evidence": [{"source": "s", "quote": "one entity", "states": {"entities": 1}}],
        "subjects": [{"type": "entity", "name": "One Co", "country": code}],
    }]}


def test_authority_codes_are_the_iso_list_with_eu_and_country_codes_add_xk() -> None:
    # One ISO 3166-1 list in the schema, with one documented extra on each side.
    assert authority_codes() - country_codes() == {"EU"}
    assert country_codes() - authority_codes() == {"XK"}
    assert len(country_codes() & authority_codes()) == 249


def test_an_authority_is_accepted_by_the_records_exactly_when_the_schema_accepts_it() -> None:
    evidence = (Evidence(source="s", quote="q"),)
    records = {
        "series": lambda code: ExportControlSeries(id="s", authority=code, title="t"),
        "measure": lambda code: ExportControlMeasure(
            id="m", series="s", authority=code, announced=dt.date(2024, 1, 1), evidence=evidence),
        "action": lambda code: DesignationAction(
            id="a", authority=code, announced=dt.date(2024, 1, 1), stated_counts=StatedCounts(),
            itemized="none", evidence=evidence),
    }
    disagreements = [
        (code, name) for code in CANDIDATES for name, build in records.items()
        if _record_accepts(lambda b=build, c=code: b(c))
        is not _schema_accepts("export-controls", _series(code))
    ]
    assert disagreements == []


def test_a_country_is_accepted_by_the_records_exactly_when_the_schema_accepts_it() -> None:
    records = {
        "entity": lambda code: Entity(name="n", country=code),
        "vessel": lambda code: Vessel(name="n", flag=code),
        "individual": lambda code: Individual(name="n", nationality=code),
        "target": lambda code: ExportControlSeries(
            id="s", authority="KR", title="t", target_countries=("RU", code)),
    }
    disagreements = [
        (code, name) for code in CANDIDATES for name, build in records.items()
        if _record_accepts(lambda b=build, c=code: b(c))
        is not _schema_accepts("designations", _entity(code))
    ]
    assert disagreements == []


@pytest.mark.parametrize(("field", "value", "message"), [
    ("authority", "XK", "'XK' is not an authority code"),
    ("target_countries", ["RU", "EU"], "'EU' is not a country code"),
])
def test_the_converter_names_the_field_that_holds_a_refused_code(
    field: str, value: object, message: str,
) -> None:
    data = {"id": "s", "authority": "KR", "title": "t", field: value}
    with pytest.raises((FieldValueError, BaseValidationError)) as raised:
        converter.structure(data, ExportControlSeries)
    # cattrs groups the validator's error (recent versions) or lets it through (older ones).
    errors = list(getattr(raised.value, "exceptions", [raised.value]))
    assert [(type(e), getattr(e, "field", None)) for e in errors] == [(FieldValueError, field)]
    assert str(errors[0]).startswith(message)
