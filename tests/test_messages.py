"""Messages for JSON Schema errors: an enum is named by the list it is, not guessed by length."""

from __future__ import annotations

from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sanctions_tracker.schema import validator_for
from sanctions_tracker.schema.countries import country_codes
from sanctions_tracker.schema.messages import describe


def _messages(kind: str, document: dict[str, Any]) -> list[str]:
    return [describe(e) for e in validator_for(kind).iter_errors(document)]


def _series(authority: str, targets: list[str]) -> dict[str, Any]:
    return {"kind": "export-controls", "series": [
        {"id": "s", "authority": authority, "title": "t", "target_countries": targets}]}


def test_a_refused_country_names_the_country_codes() -> None:
    (message,) = _messages("export-controls", _series("KR", ["RU", "EU"]))
    assert message == ("$.series[0].target_countries[1]: 'EU' is not a country code "
                       "(ISO 3166-1 alpha-2 in capitals, or XK for Kosovo)")


def test_a_refused_authority_names_the_authority_codes() -> None:
    (message,) = _messages("export-controls", _series("XK", ["RU"]))
    assert message == ("$.series[0].authority: 'XK' is not an authority code "
                       "(ISO 3166-1 alpha-2 in capitals, or EU)")


def test_a_short_enum_lists_its_values() -> None:
    action = {"id": "a", "authority": "KR", "announced": "2024-01-01", "itemized": "some",
              "stated_counts": {"vessels": 1}, "evidence": [{"source": "s", "quote": "one"}]}
    assert _messages("designations", {"kind": "designations", "actions": [action]}) == [
        "$.actions[0].itemized: 'some' is not one of 'complete', 'partial', 'none'"]


@pytest.mark.parametrize("size", [13, 250, 300])
def test_a_long_enum_that_is_no_code_list_lists_its_values(size: int) -> None:
    # The length once decided it: 13 values or more read as "not an ISO 3166-1 code".
    options = [f"value-{n}" for n in range(size)]
    (error,) = Draft202012Validator({"enum": options}).iter_errors("other")
    assert describe(error) == f"$: 'other' is not one of {', '.join(map(repr, options))}"


def test_a_short_list_of_country_codes_is_listed() -> None:
    # A schema that accepts only some countries says which: it is not the country list.
    (error,) = Draft202012Validator({"enum": ["KR", "JP"]}).iter_errors("US")
    assert describe(error) == "$: 'US' is not one of 'KR', 'JP'"


def test_the_country_list_in_another_order_or_schema_is_still_the_country_list() -> None:
    (error,) = Draft202012Validator({"enum": sorted(country_codes(), reverse=True)}).iter_errors(
        "ZZ")
    assert describe(error) == (
        "$: 'ZZ' is not a country code (ISO 3166-1 alpha-2 in capitals, or XK for Kosovo)")


def test_an_enum_of_values_that_are_not_text_is_listed() -> None:
    (error,) = Draft202012Validator({"enum": [1, [2], {"a": 3}]}).iter_errors(4)
    assert describe(error) == "$: 4 is not one of 1, [2], {'a': 3}"


@pytest.mark.parametrize(("evidence", "field", "hint"), [
    ({"source": "s", "entry": "1", "states": {"vessels": 1}}, "entry",
     "give the entry in the evidence of the subject"),
])
def test_a_field_forbidden_in_one_place_says_where_it_belongs(
        evidence: dict[str, Any], field: str, hint: str) -> None:
    document: dict[str, Any] = {"kind": "designations", "actions": [{
        "id": "a", "authority": "KR", "announced": "2024-01-01",
        "stated_counts": {"vessels": 1}, "itemized": "none", "evidence": [evidence]}]}
    messages = _messages("designations", document)
    assert any(f"'{field}' is not allowed here" in m and hint in m for m in messages), messages


def test_a_quote_in_a_subjects_evidence_says_where_quotes_go() -> None:
    document: dict[str, Any] = {"kind": "designations", "actions": [{
        "id": "a", "authority": "KR", "announced": "2024-01-01",
        "stated_counts": {"vessels": 1}, "itemized": "complete",
        "evidence": [{"source": "s", "states": {"vessels": 1}}],
        "subjects": [{"type": "vessel", "name": "X",
                      "evidence": [{"source": "s", "quote": "q", "states": {"name": "X"}}]}]}]}
    messages = _messages("designations", document)
    assert any("'quote' is not allowed here" in m for m in messages), messages
