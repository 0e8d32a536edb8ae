"""The quick verdict (jsonschema-rs) is jsonschema's, on every file we have and on mutants of them.

The loader trusts the quick verdict for a valid file and asks jsonschema why only when it says
invalid, so the two must agree. They do, but for the regular expressions (JSON Schema's are
ECMA-262's, which jsonschema-rs follows, and jsonschema runs them with Python's ``re``) and for
a year 0000 (RFC 3339 has one, Python's dates do not). :data:`DIALECT_GAPS` lists every
difference that reaches our schemas, with both verdicts; the mutants are drawn outside them.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_tracker.model.load import load
from sanctions_tracker.reading.yaml_reader import read_yaml
from sanctions_tracker.schema import KINDS, quick_check_for, validator_for

from .conftest import BASE, FIXTURES, REPO


def _documents() -> list[tuple[str, dict[str, Any]]]:
    docs = []
    for folder in (REPO / "data", REPO / "seeds", FIXTURES):
        for path in sorted(folder.rglob("*.yaml")):
            data, _ = read_yaml(path, str(path))
            if isinstance(data, dict) and isinstance(data.get("kind"), str) \
                    and data["kind"] in KINDS:
                docs.append((str(path.relative_to(REPO)), data))
    return docs


DOCUMENTS = _documents()


def _verdicts(data: dict[str, Any]) -> tuple[bool, bool]:
    kind = data["kind"]
    return quick_check_for(kind)(data), not any(True for _ in validator_for(kind).iter_errors(data))


@pytest.mark.parametrize("data", [d for _, d in DOCUMENTS], ids=[n for n, _ in DOCUMENTS])
def test_same_verdict_on_every_file(data: dict[str, Any]) -> None:
    quick, full = _verdicts(data)
    assert quick == full


def test_the_corpus_has_both_verdicts() -> None:
    verdicts = {_verdicts(data)[1] for _, data in DOCUMENTS}
    assert verdicts == {True, False}


# Characters on which `\s` differs: Python's re counts U+001C-U+001F and U+0085 as white space,
# ECMA-262 counts U+FEFF; and Python's `$` also matches before a final line break.
_GAP_CHARACTERS = "\x1c\x1d\x1e\x1f\x85\ufeff"


def _outside_the_gaps(text: str) -> bool:
    return not text.endswith("\n") and not any(c in _GAP_CHARACTERS for c in text)


VALID = [data for _, data in DOCUMENTS if _verdicts(data)[1]]
REPLACEMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**10), st.floats(allow_nan=False),
    st.text(max_size=5).filter(_outside_the_gaps),
    st.sampled_from(["", " ", "KR", "XX", "vessel", "none", "2024-02-30", "2024-01-01",
                     "2024-01-01 ", "a" * 301, "x-y", "X Y", "\t"]),
    st.lists(st.integers(0, 3), max_size=2), st.dictionaries(st.text(max_size=3), st.none(),
                                                             max_size=1),
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, inner in value.items():
            out += _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            out += _paths(inner, (*prefix, index))
    return out


@settings(max_examples=400, deadline=None)
@given(data=st.data())
def test_same_verdict_on_mutated_documents(data: st.DataObject) -> None:
    document = copy.deepcopy(data.draw(st.sampled_from(VALID)))
    for _ in range(data.draw(st.integers(1, 3))):
        paths = _paths(document)[1:]
        if not paths:  # everything was deleted
            break
        path = data.draw(st.sampled_from(paths))
        parent = document
        for step in path[:-1]:
            parent = parent[step]
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[path[-1]] = data.draw(REPLACEMENTS)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[data.draw(st.sampled_from(["extra", "type", "name", "states", "flag"]))] = (
                data.draw(REPLACEMENTS))
        else:
            parent.append(data.draw(REPLACEMENTS))
    kind = document.get("kind") if isinstance(document, dict) else None
    if not isinstance(kind, str) or kind not in KINDS:
        return
    quick, full = _verdicts(document)
    assert quick == full


def _action(**fields: Any) -> dict[str, Any]:
    action = {"id": "a", "authority": "KR", "announced": "2024-01-01", "itemized": "none",
              "stated_counts": {"vessels": 1}, "evidence": [{"source": "s", "quote": "q"}]}
    return {"kind": "designations", "actions": [{**action, **fields}]}


#: (field, value, (quick verdict, jsonschema's verdict)). Where they differ, the quick verdict
#: is the one that counts: a file it passes loads without a schema finding.
DIALECT_GAPS = [
    ("id", "a-b\n", (False, True)),  # `$` before a final line break (Python): loads, no finding
    ("programme", "\x1f", (True, False)),  # not white space to ECMA-262: loads
    ("programme", "\x85", (True, False)),
    ("programme", "\ufeff", (False, True)),  # white space to ECMA-262 only: loads, no finding
    ("announced", "2024-01-01\n", (False, False)),  # the date format refuses it in both
    ("announced", "0000-01-01", (True, False)),  # RFC 3339's year 0: the converter refuses it
]


@pytest.mark.parametrize(("field", "value", "verdicts"), DIALECT_GAPS)
def test_the_dialect_gaps_are_these(field: str, value: str, verdicts: tuple[bool, bool]) -> None:
    assert _verdicts(_action(**{field: value})) == verdicts


def test_a_year_0_is_a_located_invalid_value(tmp_path: Path) -> None:
    (tmp_path / "year0.yaml").write_text(
        "kind: designations\nactions:\n  - id: a\n    authority: KR\n    announced: 0000-01-01\n"
        "    stated_counts: {vessels: 1}\n    itemized: none\n"
        "    evidence: [{source: plain-article, quote: one ship}]\n", encoding="utf-8")
    findings = load([BASE, tmp_path]).findings
    assert [(f.code, f.location.path, f.message) for f in findings] == [
        ("invalid-value", "$.actions[0].announced",
         "$.announced: '0000-01-01' is not a real calendar date: write YYYY-MM-DD")]


def test_integral_decimals_pass_both_schemas_and_strictness_is_the_converters() -> None:
    # Draft 2020-12 counts 1.0 as an integer; tests/test_converter.py and test_loader.py show
    # the converter refusing it, with its line.
    assert _verdicts(_action(stated_counts={"vessels": 1.0})) == (True, True)
    assert _verdicts(_action(stated_counts={"vessels": 1.5})) == (False, False)
    assert _verdicts(_action(stated_counts={"vessels": True})) == (False, False)


def test_a_lone_surrogate_gets_jsonschemas_verdict() -> None:
    # Only PyYAML's pure-Python parser lets one through ("\ud800" in double quotes); it cannot
    # cross into Rust, and must not crash the quick check.
    assert _verdicts(_action(programme="\ud800")) == (False, True)
    assert _verdicts(_action(programme="\ud800", itemized="some")) == (False, False)


def test_refs_to_the_shared_definitions_resolve_without_network() -> None:
    # The authority codes live in definitions.schema.json, at a host that cannot resolve.
    quick = quick_check_for("export-controls")
    assert quick({"kind": "export-controls", "series": [{"id": "s", "authority": "KR",
                                                          "title": "t"}]})
    assert not quick({"kind": "export-controls", "series": [{"id": "s", "authority": "XX",
                                                              "title": "t"}]})


def test_a_schema_outside_the_bundle_is_never_fetched() -> None:
    import jsonschema_rs

    from sanctions_tracker.schema import _by_id, _offline

    registry = jsonschema_rs.Registry(list(_by_id().items()), retriever=_offline)
    with pytest.raises((jsonschema_rs.ReferencingError, ValueError), match="never fetched"):
        jsonschema_rs.Draft202012Validator(
            {"$ref": "https://sanctions-tracker.invalid/schemas/other.schema.json"},
            registry=registry, retriever=_offline)


def test_bench_generator_output_passes(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate", REPO / "bench" / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    generate.generate(300, tmp_path)
    for path in sorted(tmp_path.glob("*.yaml")):
        data, problems = read_yaml(path, str(path))
        assert problems == []
        assert _verdicts(data) == (True, True)
