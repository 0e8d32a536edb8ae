"""The schemas are valid Draft 2020-12 and describe exactly the fields of the records."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from jsonschema import Draft202012Validator

from sanctions_tracker.model import records
from sanctions_tracker.schema import KINDS, schema_for, validator_for
from sanctions_tracker.schema.resources import bundled_dir

DEFS = json.loads((bundled_dir("schemas") / "definitions.schema.json").read_text())["$defs"]

# (schema object, record class, schema properties that are not record fields)
PAIRS = [
    (lambda: schema_for("designations")["$defs"]["action"], records.DesignationAction, set()),
    (lambda: schema_for("designations")["$defs"]["action"]["properties"]["stated_counts"],
     records.StatedCounts, set()),
    (lambda: schema_for("export-controls")["$defs"]["series"], records.ExportControlSeries, set()),
    (lambda: schema_for("export-controls")["$defs"]["measure"], records.ExportControlMeasure,
     set()),
    (lambda: schema_for("sources")["$defs"]["source"], records.Source, set()),
    (lambda: DEFS["evidence"], records.Evidence, set()),
    (lambda: DEFS["dispute"], records.Dispute, set()),
    (lambda: DEFS["vessel"], records.Vessel, {"type"}),
    (lambda: DEFS["entity"], records.Entity, {"type"}),
    (lambda: DEFS["individual"], records.Individual, {"type"}),
]


@pytest.mark.parametrize("name", ["definitions.schema.json", *KINDS.values()])
def test_schema_is_valid_draft_2020_12(name: str) -> None:
    schema = json.loads((bundled_dir("schemas") / name).read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


# Fields a record fills from another key of the data: Evidence sorts `states` into dates and facts.
RECORD_ONLY: dict[type, set[str]] = {records.Evidence: {"dates", "facts"}}


@pytest.mark.parametrize(("get_schema", "cls", "extra"), PAIRS,
                         ids=lambda x: getattr(x, "__name__", ""))
def test_schema_and_record_have_the_same_fields(get_schema, cls, extra) -> None:
    schema = get_schema()
    fields = [f for f in attrs.fields(cls) if f.name not in RECORD_ONLY.get(cls, set())]
    assert set(schema["properties"]) - extra == {f.name for f in fields}
    required_in_record = {f.name for f in fields if f.default is attrs.NOTHING}
    assert set(schema.get("required", [])) - extra == required_in_record
    assert schema.get("additionalProperties") is False


def test_figure_names_match_the_records() -> None:
    action = schema_for("designations")["$defs"]["action"]["properties"]
    assert tuple(action["stated_counts"]["properties"]) == records.ACTION_FIGURES
    measure = schema_for("export-controls")["$defs"]["measure"]["properties"]
    assert set(records.MEASURE_FIGURES) <= set(measure)


def test_refs_resolve_without_network() -> None:
    bad: dict[str, Any] = {"kind": "export-controls",
                           "series": [{"id": "s", "authority": "XX", "title": "t"}]}
    errors = list(validator_for("export-controls").iter_errors(bad))
    assert [list(e.absolute_path) for e in errors] == [["series", 0, "authority"]]
