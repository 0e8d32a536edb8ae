from __future__ import annotations

import pytest

import sanctions_tracker
from sanctions_tracker.cli import main
from sanctions_tracker.output.show import describe_record

from .conftest import BASE, DOCUMENTS, FINDINGS


def test_show_a_measure_with_its_figures_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "kr-2024-06-20-export-controls-russia"]) == 0
    out = capsys.readouterr().out
    assert "(export-control measure, data/kr-export-controls.yaml:24)" in out
    figure_line = next(x for x in out.splitlines() if x.split()[:1] == ["total_after"]
                       and "given" in x)
    assert figure_line.split()[:5] == ["total_after", "1,402", "given", "stated", "by"]
    assert "(published 2024-06-21)" in out
    assert "link to the previous measure: unchecked" in out


def test_show_marks_derived_figures_and_errors() -> None:
    dataset = sanctions_tracker.load([BASE, FINDINGS / "chain-break.yaml"])
    described = describe_record(dataset, sanctions_tracker.check(dataset, DOCUMENTS),
                                "second-notice")
    derived = next(f for f in described["figures"] if f["figure"] == "total_before")
    assert (derived["value"], derived["basis"], derived["how"]) == (160, "derived", "200 - 40")
    assert described["status"] == "errors"
    assert described["link"] == "break"
    assert [f["code"] for f in described["findings"]] == ["derived-value", "chain-break"]


def test_show_a_source_lists_what_cites_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "koreapro-2023-02-27-ukraine-asks-arms", "--format", "json"]) == 0
    import json

    described = json.loads(capsys.readouterr().out)
    assert described["cited_by"] == ["kr-2023-02-24-export-controls-russia"]
    assert described["fields"]["updated"] == "2023-04-05"


def test_unknown_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "kr-2024-06-20-export"]) == 2
    assert "did you mean kr-2024-06-20-export-controls-russia" in capsys.readouterr().err
