"""``show``: one record with its figures, sources, subjects and findings."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import sanctions_tracker
from sanctions_tracker.output.show import describe_record

from .conftest import BASE, DOCUMENTS, FINDINGS, FIXTURES, FRIENDLY, run_cli

if TYPE_CHECKING:
    from pathlib import Path

FRIENDLY_DATA = ("--data", str(BASE), "--data", str(FRIENDLY))


def test_show_a_measure_with_its_figures_and_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "friendly-measure", *FRIENDLY_DATA)
    assert code == 0
    assert out.splitlines()[0].endswith("(export-control measure, "
                                        "tests/fixtures/friendly/bom-crlf.yaml:3)")
    figure_line = next(x for x in out.splitlines() if x.split()[:1] == ["total_after"]
                       and "given" in x)
    assert figure_line.split() == ["total_after", "170", "given", "stated", "by",
                                   "plain-article", "[quoted]"]
    assert "(published 2024-03-01)" in out
    assert "link to the previous measure: start" in out


def test_show_a_measure_whose_link_is_unchecked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "next-increment", "--data", str(BASE),
                           "--data", str(FINDINGS / "chain-unchecked.yaml"))
    assert code == 0
    assert "link to the previous measure: unchecked" in out
    assert out.splitlines()[-1].endswith(
        "info[chain-unchecked] the link from increment-only (2024-01-10) to this measure rests "
        "on nothing: the total after increment-only and this measure's total before are not "
        "known")


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
    code, out, _ = run_cli(capsys, "show", "cut-off-wordpress", "--format", "json",
                           "--data", str(BASE), "--data", str(FIXTURES / "report"))
    assert code == 0
    described = json.loads(out)
    assert described["cited_by"] == ["thousands-measure"]
    assert described["fields"]["updated"] == "2024-03-02"


def test_unknown_id_suggests_close_ones(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "show", "friendly-measur", *FRIENDLY_DATA)
    assert code == 2
    assert "did you mean friendly-measure" in err


def _subject_rows(out: str) -> list[list[str]]:
    """The rows of the subjects table, split at its columns (two spaces or more)."""
    lines = out.splitlines()
    start = lines.index("Subjects (4 named):") + 3  # the title, the headers, the rule
    rows = []
    for line in lines[start:]:
        if not line.startswith("  ") or line.startswith(("  country:", "  aliases:")):
            break
        rows.append([cell for cell in line.strip().split("  ") if cell.strip()])
    return [[cell.strip() for cell in row] for row in rows]


def test_subjects_are_a_table_not_dicts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "friendly-scripts", *FRIENDLY_DATA)
    assert code == 0
    assert "{'type'" not in out
    assert "subjects " not in out  # not a field line any more: the table replaces it
    header = next(x for x in out.splitlines() if x.split()[:2] == ["type", "name"])
    assert header.split() == ["type", "name", "identifiers", "country", "born", "aliases",
                              "evidence"]
    assert _subject_rows(out) == [
        ["vessel", "FIRST SHIP", "IMO 9003550", "-", "-",
         "ALIAS NUMBER 000; ALIAS NUMBER 001; ALIAS NUMBER 002; (+297 more)", "-"],
        ["entity", "조선광선은행", "-", "KP", "-", "Korea Kwangson Banking Corp", "-"],
        ["entity", "شركة الخليج للشحن", "-", "AE", "-", "-", "-"],
        ["individual", "Иван Петрович Сидоров", "-", "RU", "1970-01-02", "-", "-"],
    ]
    assert "  aliases: the first 3 of each; --format json lists all" in out


def test_wide_names_keep_the_columns_aligned(capsys: pytest.CaptureFixture[str]) -> None:
    # A Hangul syllable takes two columns in a terminal: the next column starts after it.
    import wcwidth

    _, out, _ = run_cli(capsys, "show", "friendly-scripts", *FRIENDLY_DATA)
    lines = out.splitlines()
    header = next(x for x in lines if x.split()[:2] == ["type", "name"])
    korean = next(x for x in lines if "조선광선은행" in x)
    column = header.index("identifiers")
    assert wcwidth.wcswidth(korean[: korean.index(" -  ") + 1]) == column


def test_every_identifier_and_country_field_has_its_place(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "vessel.yaml").write_text(
        "kind: designations\nactions:\n  - id: one-ship\n    authority: KR\n"
        "    announced: 2024-02-29\n    stated_counts: {vessels: 1}\n    itemized: complete\n"
        '    subjects:\n      - {type: vessel, name: "LONG\\nNAME", imo_number: 9003550,'
        " mmsi: 445123456, call_sign: HMAB, flag: KP, aliases: [ONE, TWO]}\n"
        "    evidence:\n      - source: plain-article\n        quote: designated one ship\n",
        encoding="utf-8")
    code, out, _ = run_cli(capsys, "show", "one-ship", "--data", str(BASE),
                           "--data", str(tmp_path))
    assert code == 0, out
    row = next(x for x in out.splitlines() if x.strip().startswith("vessel"))
    cells = [c.strip() for c in row.strip().split("  ") if c.strip()]
    assert cells == ["vessel", "LONG NAME", "IMO 9003550, MMSI 445123456, call sign HMAB",
                     "KP", "-", "ONE; TWO", "-"]
    assert "aliases: the first" not in out
    code, out, _ = run_cli(capsys, "show", "one-ship", "--format", "json", "--data", str(BASE),
                           "--data", str(tmp_path))
    (subject,) = json.loads(out)["fields"]["subjects"]
    assert subject == {"type": "vessel", "name": "LONG\nNAME", "imo_number": 9003550,
                       "flag": "KP", "mmsi": 445123456, "call_sign": "HMAB",
                       "aliases": ["ONE", "TWO"]}


def test_an_action_without_subjects_has_no_table(
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "show", "none-named", "--data", str(BASE),
                           "--data", str(FINDINGS / "not-itemized.yaml"))
    assert code == 0
    assert "Subjects" not in out
    assert not [x for x in out.splitlines() if x.split()[:1] == ["subjects"]]
    assert "  itemized       none" in out
