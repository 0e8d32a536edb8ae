"""Evidence without a stored original: cited figures, their findings and their evidence levels."""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import TYPE_CHECKING

import sanctions_tracker
from sanctions_tracker.findings import Severity

from .conftest import BASE, DOCUMENTS, FINDINGS, run_cli

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

CITED = FINDINGS / "cited-not-verified.yaml"
CITED_SOURCE = FINDINGS / "cited-not-verified.companion.yml"
QUOTED_UNSTORED = FINDINGS / "quoted-original-not-available.yaml"


def _folder(tmp_path: Path, *files: Path) -> Path:
    for file in files:
        shutil.copy(file, tmp_path / file.name.replace(".companion.yml", ".source.yaml"))
    return tmp_path


def _codes(findings: tuple[sanctions_tracker.Finding, ...] | list[sanctions_tracker.Finding]
           ) -> list[tuple[str, str]]:
    return [(f.code, f.severity.value) for f in findings if f.code != "not-itemized"]


def test_cited_figures_pass_check_as_info(tmp_path: Path) -> None:
    dataset = sanctions_tracker.load([BASE, _folder(tmp_path, CITED, CITED_SOURCE)])
    result = sanctions_tracker.check(dataset, DOCUMENTS)
    assert result.passed
    cited = [f for f in result.findings if f.code == "cited-not-verified"]
    assert [f.severity for f in cited] == [Severity.INFO] * 2
    assert "cited, not verified against a stored original" in cited[0].message
    assert all(f.severity is Severity.INFO for f in result.findings)


def test_cited_evidence_that_disagrees_with_the_record_fails(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CITED, CITED_SOURCE)
    text = (folder / CITED.name).read_text().replace("total_after: 210\n", "total_after: 211\n")
    (folder / CITED.name).write_text(text)
    result = sanctions_tracker.check(sanctions_tracker.load([BASE, folder]), DOCUMENTS)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    assert [f.code for f in errors] == ["figure-not-in-evidence"]
    assert "total_after is 211, but its evidence states 210" in errors[0].message


def test_a_cited_source_needs_a_url_and_a_date(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CITED, CITED_SOURCE)
    source = folder / "cited-not-verified.source.yaml"
    for old in ("    url: https://example.org/wire/2024-05-02\n", "    published: 2024-05-02\n"):
        shutil.copy(CITED_SOURCE, source)
        source.write_text(CITED_SOURCE.read_text().replace(old, ""))
        result = sanctions_tracker.check(sanctions_tracker.load([BASE, folder]), DOCUMENTS)
        assert ("schema", "error") in _codes(result.findings), old
        assert not result.passed


def test_a_stored_file_needs_its_sha256(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CITED, CITED_SOURCE)
    source = folder / "cited-not-verified.source.yaml"
    source.write_text(CITED_SOURCE.read_text() + "    file: wire.txt\n")
    result = sanctions_tracker.check(sanctions_tracker.load([BASE, folder]), DOCUMENTS)
    assert ("schema", "error") in _codes(result.findings)


def test_evidence_without_quote_must_state_a_figure(tmp_path: Path) -> None:
    folder = _folder(tmp_path, CITED, CITED_SOURCE)
    text = (folder / CITED.name).read_text().replace(
        "        states: {items_added: 40, total_after: 210}\n", "")
    (folder / CITED.name).write_text(text)
    result = sanctions_tracker.check(sanctions_tracker.load([BASE, folder]), DOCUMENTS)
    assert ("schema", "error") in _codes(result.findings)


def test_require_quotes_fails_on_a_cited_figure(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _folder(tmp_path, CITED, CITED_SOURCE)
    data = ("--data", str(BASE), "--data", str(folder), "--sources", str(DOCUMENTS))
    code, out, _ = run_cli(capsys, "check", *data)
    assert code == 0
    assert "info[cited-not-verified]" in out
    for option in ("--require-quotes", "--strict-evidence"):
        code, out, _ = run_cli(capsys, "check", *data, option)
        assert code == 1
        assert out.count("error[cited-not-verified]") == 2


def test_a_quote_without_stored_original_is_not_a_missing_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, QUOTED_UNSTORED, CITED_SOURCE)
    result = sanctions_tracker.check(sanctions_tracker.load([BASE, folder]), DOCUMENTS)
    assert result.passed
    assert _codes(result.findings) == [("quoted-original-not-available", "info")]
    assert "quoted, original not available" in result.findings[0].message
    result = sanctions_tracker.check(sanctions_tracker.load([BASE, folder]), None)
    assert _codes(result.findings) == [("quotes-not-checked", "info")]


def test_show_and_report_mark_each_figures_evidence_level(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = _folder(tmp_path, CITED, CITED_SOURCE, QUOTED_UNSTORED,
                     FINDINGS / "chain-unchecked.yaml")
    data = ("--data", str(BASE), "--data", str(folder))
    checked = (*data, "--sources", str(DOCUMENTS))
    _, out, _ = run_cli(capsys, "show", "cited-update", *checked, "--format", "json")
    assert {f["figure"]: f["evidence"] for f in json.loads(out)["figures"]
            if f["basis"] == "given"} == {"items_added": "cited", "total_after": "cited"}
    _, out, _ = run_cli(capsys, "show", "cited-update", *checked)
    assert "(cited, no quote: not verified against a stored original)" in out
    _, out, _ = run_cli(capsys, "report", *checked, "--format", "json")
    rows = {row["measure"]: row["evidence"] for table in json.loads(out)["tables"]
            if table["section"] == "timeline" for row in table["rows"]}
    assert rows["cited-update"] == "cited"
    assert rows["quoted-unstored-update"] == "quoted"
    assert rows["increment-only"] == "quoted-verified"
    _, out, _ = run_cli(capsys, "report", *data, "--format", "json")
    rows = {row["measure"]: row["evidence"] for table in json.loads(out)["tables"]
            if table["section"] == "timeline" for row in table["rows"]}
    assert rows["increment-only"] == "quoted"  # not compared: no --sources
    _, out, _ = run_cli(capsys, "report", *checked, "--format", "csv",
                        "--section", "timeline")
    assert "cited" in {row.get("evidence") for row in csv.DictReader(io.StringIO(out))}


def test_require_quotes_covers_cited_dates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = CITED.read_text(encoding="utf-8").replace(
        "states: {items_added: 40, total_after: 210}",
        "states: {items_added: 40, total_after: 210, announced: 2024-05-02}")
    folder = tmp_path / "cited"
    folder.mkdir()
    (folder / CITED.name).write_text(text, encoding="utf-8")
    shutil.copy(CITED_SOURCE, folder / "sources.yaml")
    data = ("--data", str(BASE), "--data", str(folder), "--sources", str(DOCUMENTS))
    code, out, _ = run_cli(capsys, "check", *data, "--require-quotes")
    assert code == 1
    assert out.count("error[cited-not-verified]") == 3
    assert "announced 2024-05-02 is cited, not verified" in out
