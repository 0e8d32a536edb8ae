"""The compiled quick check gives jsonschema's verdict, on every file we have and on mutants."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanctions_tracker.reading.yaml_reader import read_yaml
from sanctions_tracker.schema import KINDS, quick_check_for, validator_for
from sanctions_tracker.schema._compiled import Unsupported, compile_schema

from .conftest import FIXTURES, REPO


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
    quick = quick_check_for(kind)
    assert quick is not None
    return quick(data), not any(True for _ in validator_for(kind).iter_errors(data))


def test_every_schema_compiles() -> None:
    assert all(quick_check_for(kind) is not None for kind in KINDS)


@pytest.mark.parametrize("data", [d for _, d in DOCUMENTS], ids=[n for n, _ in DOCUMENTS])
def test_same_verdict_on_every_file(data: dict[str, Any]) -> None:
    quick, full = _verdicts(data)
    assert quick == full


def test_the_corpus_has_both_verdicts() -> None:
    verdicts = {_verdicts(data)[1] for _, data in DOCUMENTS}
    assert verdicts == {True, False}


VALID = [data for _, data in DOCUMENTS if _verdicts(data)[1]]
REPLACEMENTS = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10**10), st.floats(allow_nan=False),
    st.text(max_size=5), st.sampled_from(["", " ", "KR", "XX", "vessel", "none", "2024-02-30",
                                          "2024-01-01", "2024-01-01\n", "a" * 301, "x-y", "X Y"]),
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


def test_unknown_keywords_are_refused_not_ignored() -> None:
    with pytest.raises(Unsupported, match="oneOf"):
        compile_schema({"oneOf": [{"type": "string"}]}, "urn:x", lambda b, _r: ({}, b))
    with pytest.raises(Unsupported, match="format"):
        compile_schema({"type": "string", "format": "email"}, "urn:x", lambda b, _r: ({}, b))


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
