"""Every finding code has a fixture that triggers it, at the line and column it declares.

Each file in fixtures/findings is loaded beside the valid base (fixtures/base) and checked
(validation and reconciliation) against the original documents in fixtures/documents.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import sanctions_tracker
from sanctions_tracker.checks import SOURCES_ENV, documents_folder
from sanctions_tracker.findings import Severity
from sanctions_tracker.findings.codes import CODES
from sanctions_tracker.lists.codes import LIST_CODES

from .conftest import BASE, DOCUMENTS, FINDINGS, expectations

FIXTURE_FILES = sorted(p for p in FINDINGS.iterdir() if p.suffix == ".yaml")
# Codes that need a situation a fixture file cannot create; each has its own test below.
CODES_WITH_OWN_TEST = {"no-sources", "quotes-not-checked", "unreadable-file",
                       "outside-data-folder",
                       # check --lists: a fixture needs official lists beside it, so
                       # tests/matching/test_cli.py::test_check_against_lists has them.
                       "listed-under-other-name", "imo-scheme-mismatch",
                       "list-identifier-conflict",
                       # evidence from list entries: tests/test_list_entries.py reads list files.
                       "list-entries-not-checked", "list-file-not-found", "list-file-changed",
                       "list-entry-not-found", "list-entry-mismatch", "list-file-not-pinned"}


Expectation = set[tuple[str, str, int | None, int | None]]


def _findings_for(fixture: Path) -> tuple[Expectation, Expectation]:
    """Expected and actual findings of a fixture, loaded beside the valid base.

    Errors and warnings must match exactly; info findings (notes such as not-itemized, which
    many fixtures trigger in passing) are compared only for the codes the fixture declares.
    """
    expected, options = expectations(fixture)
    # A fixture that needs a second file (a record citing the source it breaks) has it beside
    # it as NAME.companion.yml, which is not itself a fixture.
    companion = fixture.with_name(f"{fixture.stem}.companion.yml")
    paths = [BASE, fixture, *([companion] if companion.exists() else [])]
    dataset = sanctions_tracker.load(paths, limits=sanctions_tracker.Limits(**options))
    found = sanctions_tracker.check(dataset, DOCUMENTS).findings
    declared_infos = {code for severity, code, _, _ in expected if severity == "info"}
    actual = {
        (f.severity.value, f.code, f.location.line, f.location.column)
        for f in found
        if str(Path(f.location.file).absolute()) == str(fixture)
        and (f.severity is not Severity.INFO or f.code in declared_infos)
    }
    return expected, actual


def test_base_fixture_is_clean() -> None:
    dataset = sanctions_tracker.load([BASE])
    assert sanctions_tracker.check(dataset, DOCUMENTS).findings == ()


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_triggers_exactly_its_findings(fixture: Path) -> None:
    expected, actual = _findings_for(fixture)
    assert actual == expected


def test_every_code_has_a_fixture() -> None:
    covered = set(CODES_WITH_OWN_TEST)
    for fixture in FIXTURE_FILES:
        covered |= {code for _, code, _, _ in expectations(fixture)[0]}
    # The official-list readers' codes have their own fixtures: tests/lists/test_codes.py.
    assert covered == set(CODES) - set(LIST_CODES)


def test_no_sources_is_one_error_not_one_per_quote(tmp_path: Path) -> None:
    shutil.copy(FINDINGS / "figure-not-in-quote.yaml", tmp_path / "a.yaml")
    shutil.copy(FINDINGS / "unknown-source.yaml", tmp_path / "b.yaml")
    findings = sanctions_tracker.validate(sanctions_tracker.load([tmp_path]), None)
    errors = [f for f in findings if f.code in {"no-sources", "unknown-source"}]
    assert [f.code for f in errors] == ["no-sources"]
    assert errors[0].severity is Severity.ERROR


def test_without_documents_the_quote_check_says_it_was_skipped() -> None:
    findings = sanctions_tracker.validate(sanctions_tracker.load([BASE]), None)
    assert [(f.code, f.severity) for f in findings] == [("quotes-not-checked", Severity.INFO)]
    assert "skipped" in findings[0].message


def test_documents_folder_comes_from_option_then_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(SOURCES_ENV, str(tmp_path))
    assert documents_folder(None) == tmp_path
    assert documents_folder(DOCUMENTS) == DOCUMENTS
    monkeypatch.delenv(SOURCES_ENV)
    assert documents_folder(None) is None
    with pytest.raises(sanctions_tracker.InputError, match="does not exist"):
        documents_folder(tmp_path / "missing")
