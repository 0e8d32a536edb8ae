"""Arbitrary YAML documents never make the loader raise: every problem is a finding."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker.findings import has_errors

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.sampled_from(["kind", "designations", "sources", "export-controls", "actions", "id",
                     "01402", "1,159", "yes", "~", "2024-02-30", "&a", "*a", "!!python/none"]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=10), st.integers(), st.booleans()), children,
                        max_size=4),
    ),
    max_leaves=25,
)
envelopes = st.one_of(
    documents,
    st.fixed_dictionaries({"kind": st.sampled_from(["designations", "export-controls", "sources"]),
                           "actions": documents, "measures": documents, "series": documents,
                           "sources": documents}),
)


def _load_text(folder: Path, text: str) -> None:
    """Load and check one file: no exception, and what is not loaded is said in findings."""
    folder.mkdir(exist_ok=True)
    (folder / "f.yaml").write_text(text, encoding="utf-8")
    dataset = sanctions_tracker.load([folder])
    findings = sanctions_tracker.check(dataset).findings
    # A file that gave no record says why: at least one error (no-data, if nothing else).
    assert dataset.origins or has_errors(findings)
    for finding in findings:
        assert "\n" not in finding.message
        where = finding.location.file
        assert where == "<sources>" or Path(where).absolute() in (folder / "f.yaml", folder), where


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=envelopes, canonical=st.booleans())
def test_generated_yaml_never_raises(tmp_path: Path, document: object, *,
                                     canonical: bool) -> None:
    _load_text(tmp_path / "g", yaml.safe_dump(document, canonical=canonical, allow_unicode=True))


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(tmp_path: Path, text: str) -> None:
    _load_text(tmp_path / "t", text)
