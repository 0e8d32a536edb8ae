"""check --lists on the project's own list fixtures: company IMO numbers, namesakes, repeats."""

from __future__ import annotations

import json
import shutil
import textwrap
from typing import TYPE_CHECKING

from tests.conftest import FIXTURES, run_cli

from .conftest import BASE

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

EU = FIXTURES / "lists" / "eu_32014R0833.csv"


def _data(tmp_path: Path, subject: str) -> Path:
    (tmp_path / "data.yaml").write_text(textwrap.dedent(f"""\
        kind: designations
        actions:
          - id: probe
            authority: KR
            announced: 2024-03-01
            stated_counts: {{vessels: 1}}
            itemized: partial
            subjects:
              - {subject}
            evidence:
              - source: plain-article
                quote: designated one ship
        """), encoding="utf-8")
    return tmp_path / "data.yaml"


def _codes(capsys: pytest.CaptureFixture[str], data: Path, *lists: Path) -> list[str]:
    _, out, _ = run_cli(capsys, "check", "--data", str(BASE), "--data", str(data),
                        "--lists", *map(str, lists))
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines()
            if "data.yaml" in line and "[" in line]


def test_a_namesake_of_a_ship_found_by_its_imo_is_not_a_conflict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # IMO 9179842 is EU entry XLII/1 (Angara): the two TWICE LISTED entries with IMO 9333670
    # are other ships of a like name.
    data = _data(tmp_path, "{type: vessel, name: TWICE LISTED, imo_number: 9179842}")
    codes = _codes(capsys, data, EU)
    assert "listed-under-other-name" in codes
    assert "list-identifier-conflict" not in codes


def test_a_ship_whose_imo_no_list_carries_still_conflicts_by_name(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path, "{type: vessel, name: TWICE LISTED, imo_number: 9003550}")
    assert _codes(capsys, data, EU).count("list-identifier-conflict") == 2  # XLII/2 and XLII/3


def test_two_copies_of_a_list_say_each_thing_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        shutil.copy(EU, tmp_path / folder / EU.name)
    data = _data(tmp_path, "{type: vessel, name: TWICE LISTED, imo_number: 9003550}")
    codes = _codes(capsys, data, tmp_path / "one", tmp_path / "two")
    assert codes.count("list-identifier-conflict") == 2


def test_an_entity_is_found_by_its_company_imo(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path, "{type: entity, name: Some Shipowner, imo_number: 6016988}")
    code, out, _ = run_cli(capsys, "crossref", "--data", str(BASE), "--data", str(data),
                           "--lists", str(EU), "--format", "json")
    assert code == 0
    (subject,) = json.loads(out)["subjects"]
    match = subject["matches"][0]
    assert (match["entry_id"], match["how"]) == ("I.ENTITIES/4", "identifier")


def test_a_ship_number_given_to_an_entity_is_refused_on_load(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _data(tmp_path, "{type: entity, name: Some Shipowner, imo_number: 9003550}")
    code, out, _ = run_cli(capsys, "check", "--data", str(BASE), "--data", str(data))
    assert code == 1
    assert ("9003550 is not a valid IMO company number: the company check digit of 900355 is "
            "7, not 0 (it is a valid ship number: give it to the vessel)") in out


def test_a_batch_table_separated_by_semicolons_or_tabs_is_read_as_a_table(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Read as one comma field, `name;type` made every line one query and found nothing.
    sdn = FIXTURES / "lists" / "ofac_sdn_2024-05-03.csv"
    for separator in (";", "\t"):
        batch = tmp_path / "queries.txt"
        batch.write_text(f"name{separator}type\nPATRIOT{separator}vessel\n", encoding="utf-8")
        code, out, _ = run_cli(capsys, "lookup", "--batch", str(batch), "--lists", str(sdn),
                               "--data", str(BASE), "--format", "csv")
        rows = out.splitlines()
        assert code == 0
        assert len(rows) == 2
        assert rows[1].startswith("PATRIOT,US-OFAC,SDN,2024-05-03,102,vessel,")
