"""Records round-trip: structure(unstructure(x)) == x, also through YAML text and the schemas."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import TYPE_CHECKING, Any

import cattrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker.model.converter import StatedValueError, converter, quick_converter
from sanctions_tracker.model.identifiers import imo_check_digit
from sanctions_tracker.model.records import (
    ACTION_FIGURES,
    DesignationAction,
    Dispute,
    Entity,
    Evidence,
    ExportControlMeasure,
    ExportControlSeries,
    Individual,
    Source,
    StatedCounts,
    Subject,
    Vessel,
)
from sanctions_tracker.schema.countries import authority_codes, country_codes

if TYPE_CHECKING:
    from pathlib import Path

ids = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)
# Any text a person might type, including YAML-looking words ("yes", "1,159", "~") and scripts.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
                max_size=40).filter(lambda s: s.strip())
tricky = st.sampled_from(["yes", "no", "1,159", "01402", "1:30", "~", "null", ".inf", "2024-02-30",
                          "조선", "Роснефть", "شركة", "a: b", "- x", "#hash", "'q'", '"dq"'])
names = st.one_of(texts, tricky)
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))
counts = st.integers(0, 999_999_999)
# The schema's own lists, as the records use them: a code one accepts and the other refuses
# cannot be drawn (hypothesis once drew `authority: XK` from the country list).
countries = st.sampled_from(sorted(country_codes()))
authorities = st.sampled_from(sorted(authority_codes()))


@st.composite
def imo_numbers(draw: st.DrawFn) -> int:
    first = draw(st.integers(100_000, 999_999))
    return first * 10 + imo_check_digit(str(first))


vessels = st.builds(Vessel, name=names, imo_number=st.none() | imo_numbers(),
                    flag=st.none() | countries,
                    mmsi=st.none() | st.integers(100_000_000, 999_999_999),
                    call_sign=st.none() | st.text(string.ascii_uppercase + string.digits,
                                                  min_size=2, max_size=10),
                    aliases=st.lists(names, max_size=3, unique=True).map(tuple))
entities = st.builds(Entity, name=names, country=st.none() | countries,
                     aliases=st.lists(names, max_size=3, unique=True).map(tuple))
individuals = st.builds(Individual, name=names, nationality=st.none() | countries,
                        birth_date=st.none() | dates,
                        aliases=st.lists(names, max_size=3, unique=True).map(tuple))
evidence = st.builds(Evidence, source=ids, quote=names,
                     states=st.dictionaries(st.sampled_from(ACTION_FIGURES), counts, max_size=3))
actions = st.builds(
    DesignationAction, id=ids, authority=authorities, announced=dates,
    stated_counts=st.builds(StatedCounts, vessels=st.none() | counts, entities=st.none() | counts,
                            individuals=counts),
    itemized=st.sampled_from(["complete", "partial"]),
    evidence=st.lists(evidence, min_size=1, max_size=2).map(tuple),
    effective=st.none() | dates, programme=st.none() | names, reason=st.none() | names,
    target_countries=st.lists(countries, max_size=3, unique=True).map(tuple),
    subjects=st.lists(st.one_of(vessels, entities, individuals), max_size=4).map(tuple),
    disputed=st.lists(st.builds(Dispute, figure=st.sampled_from(ACTION_FIGURES), note=names),
                      max_size=1).map(tuple),
    date_derivation=st.none() | names, notes=st.none() | names,
)
measures = st.builds(
    ExportControlMeasure, id=ids, series=ids, authority=authorities, announced=dates,
    evidence=st.lists(st.builds(Evidence, source=ids, quote=names), min_size=1,
                      max_size=2).map(tuple),
    effective=st.none() | dates, items_added=st.none() | counts,
    items_removed=st.none() | counts, total_before=st.none() | counts,
    total_after=st.none() | counts,
)
sources = st.builds(
    Source, id=ids, publisher=names, title=names, file=st.from_regex(r"[a-z0-9][a-z0-9._-]{0,20}",
                                                                      fullmatch=True),
    sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
    url=st.none() | st.just("https://example.org/a"), published=st.none() | dates,
    updated=st.none() | dates, notes=st.none() | names,
)


class _QuotedDumper(yaml.SafeDumper):
    """Quote every string, as a careful person would for values that look like numbers."""


_QuotedDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"'))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(action=actions)
def test_actions_round_trip(action: DesignationAction) -> None:
    assert converter.structure(converter.unstructure(action), DesignationAction) == action


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(action=actions, measure=measures, source=sources,
       series=st.builds(ExportControlSeries, id=ids, authority=authorities, title=names))
def test_records_round_trip_through_yaml_text_and_schemas(
    tmp_path: Path, action: DesignationAction, measure: ExportControlMeasure, source: Source,
    series: ExportControlSeries,
) -> None:
    files = {
        "a.yaml": {"kind": "designations", "actions": [converter.unstructure(action)]},
        "b.yaml": {"kind": "export-controls", "series": [converter.unstructure(series)],
                   "measures": [converter.unstructure(measure)]},
        "c.yaml": {"kind": "sources", "sources": [converter.unstructure(source)]},
    }
    folder = tmp_path / "rt"
    folder.mkdir(exist_ok=True)
    for name, document in files.items():
        (folder / name).write_text(yaml.dump(document, Dumper=_QuotedDumper, allow_unicode=True),
                                   encoding="utf-8")
    dataset = sanctions_tracker.load([folder])
    loading = [f for f in dataset.findings if f.code != "duplicate-id"]
    assert loading == []
    if len({action.id, measure.id, source.id, series.id}) == 4:
        assert dataset.actions[action.id] == action
        assert dataset.measures[measure.id] == measure
        assert dataset.sources[source.id] == source
        assert dataset.series[series.id] == series


@pytest.mark.parametrize(("value", "message"), [
    (1.0, "expected a whole number, found the decimal number 1.0; write 1, not 1.0"),
    (1e3, "expected a whole number, found the decimal number 1000.0; write 1000, not 1000.0"),
    (1.5, "expected a whole number, found 1.5"),
    (True, "expected a whole number, found true"),
    ("1", "expected a whole number, found '1'"),
])
def test_an_int_field_takes_an_int_and_nothing_else(value: object, message: str) -> None:
    # cattrs alone would take int(value); JSON Schema lets 1.0 through as an integer.
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        quick_converter.structure({"vessels": value}, StatedCounts)
    # Evidence sorts its `states` by name itself, and names the key that is wrong.
    with pytest.raises(StatedValueError, match=f"^{re.escape(message)}$") as detailed:
        converter.structure({"source": "s", "quote": "q", "states": {"vessels": value}},
                            Evidence)
    assert detailed.value.key == "vessels"


def _leaves(exc: BaseException) -> list[BaseException]:
    if isinstance(exc, cattrs.BaseValidationError):
        return [leaf for inner in exc.exceptions for leaf in _leaves(inner)]
    return [exc]


SUBJECT: Any = Subject  # a Union, which `structure` takes although its annotation says `type`


@given(subject=st.one_of(vessels, entities, individuals))
def test_a_subject_reads_as_in_the_data_files_alone_or_in_the_union(
    subject: Vessel | Entity | Individual,
) -> None:
    alone = converter.unstructure(subject)
    assert alone == converter.unstructure(subject, Subject)
    assert next(iter(alone)) == "type"
    assert converter.structure(alone, SUBJECT) == subject
    assert quick_converter.structure(alone, SUBJECT) == subject


@pytest.mark.parametrize("using", [converter, quick_converter])
def test_the_subject_union_refuses_what_its_member_does_not_know(using: cattrs.Converter) -> None:
    # `flag` belongs to a vessel, not to an entity: forbid_extra_keys holds inside the union.
    with pytest.raises((cattrs.ClassValidationError, cattrs.ForbiddenExtraKeysError)):
        using.structure({"type": "entity", "name": "X", "flag": "KR"}, SUBJECT)
    for tagless in ({"type": "ship", "name": "X"}, {"name": "X"}):
        with pytest.raises(KeyError):
            using.structure(tagless, SUBJECT)
