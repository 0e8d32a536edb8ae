"""Evidence from official list entries (checks/list_entries.py), against a list file we wrote.

tests/fixtures/lists/ofac_sdn_2024-05-03.csv is the project's own small SDN-format file: entry
102 is the vessel PATRIOT (IMO 9003550, MMSI 445123000, call sign HMYZ7, flag North Korea) and
entry 108 an entity.
"""

from __future__ import annotations

import hashlib
import textwrap
from typing import TYPE_CHECKING

import pytest

import sanctions_tracker
from sanctions_tracker.checks.list_entries import fold_name
from sanctions_tracker.cli import main
from sanctions_tracker.matching import list_file_finder

from .conftest import FIXTURES

if TYPE_CHECKING:
    from pathlib import Path

LISTS = FIXTURES / "lists"
SDN = LISTS / "ofac_sdn_2024-05-03.csv"
SDN_SHA256 = hashlib.sha256(SDN.read_bytes()).hexdigest()
LIST_CODES = {"list-entries-not-checked", "list-file-not-found", "list-file-changed",
              "list-entry-not-found", "list-entry-mismatch", "entry-without-list-file",
              "entry-required", "list-file-not-pinned"}


def _write(folder: Path, *, entry: str = "102", states: str = "{imo_number: 9003550}",
           file: str = SDN.name, sha256: str = SDN_SHA256, subject: str = "vessel",
           name: str = "PATRIOT", extra: str = "imo_number: 9003550") -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "sources.yaml").write_text(textwrap.dedent(f"""\
        kind: sources
        sources:
          - id: wire
            publisher: Test Wire
            title: Ships designated
            url: https://example.org/wire
            published: 2024-06-27
          - id: test-sdn
            publisher: Test Treasury
            title: Test SDN list
            url: https://example.org/sdn.csv
            published: 2024-05-03
            file: {file}
            sha256: {sha256}
        """), encoding="utf-8")
    (folder / "designations.yaml").write_text(textwrap.dedent(f"""\
        kind: designations
        actions:
          - id: ships-designated
            authority: KR
            announced: 2024-06-27
            stated_counts: {{{subject}s: 1}}
            itemized: complete
            subjects:
              - type: {subject}
                name: {name}
                {extra}
                evidence:
                  - source: test-sdn
                    entry: "{entry}"
                    states: {states}
            evidence:
              - source: wire
                states: {{{subject}s: 1}}
        """), encoding="utf-8")
    return folder


def _list_findings(folder: Path, lists: list[Path] | None = None
                   ) -> tuple[list[tuple[str, str, int | None, int | None]],
                              sanctions_tracker.CheckResult]:
    dataset = sanctions_tracker.load([folder])
    finder = list_file_finder(lists) if lists is not None else None
    result = sanctions_tracker.check(dataset, list_files=finder)
    found = [(f.severity.value, f.code, f.location.line, f.location.column)
             for f in result.findings if f.code in LIST_CODES]
    return found, result


def test_an_entry_that_states_what_the_evidence_says_is_verified(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", states=(
        "{imo_number: 9003550, name: Patriot, flag: KP, mmsi: 445123000, call_sign: HMYZ7}"),
        extra="imo_number: 9003550\n                flag: KP\n                mmsi: 445123000"
              "\n                call_sign: HMYZ7")
    found, result = _list_findings(folder, [LISTS])
    assert found == []
    assert result.listed == {("ships-designated", ("subjects", 0, "evidence", 0))}


@pytest.mark.parametrize(("states", "extra", "where"), [
    # Another valid ship number: the entry is another ship (reported at the entry id).
    ("{imo_number: 9161003}", "imo_number: 9161003", (14, 20)),
    ("{name: PATRIOTA}", "aliases: [PATRIOTA]", (15, 28)),
    ("{flag: RU}", "flag: RU", (15, 28)),
    ("{call_sign: HMYZ8}", "call_sign: HMYZ8", (15, 33)),
])
def test_a_value_the_entry_does_not_state_is_an_error(tmp_path: Path, states: str, extra: str,
                                                      where: tuple[int, int]) -> None:
    folder = _write(tmp_path / "data", states=states, extra=extra)
    found, result = _list_findings(folder, [LISTS])
    assert found == [("error", "list-entry-mismatch", *where)]
    assert result.listed == frozenset()


def test_an_imo_the_entry_does_not_give_is_an_error(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", states="{imo_number: 9161003}")
    found, _ = _list_findings(folder, [LISTS])
    assert found == [("error", "list-entry-mismatch", 15, 34)]


def test_the_entry_of_another_subject_type_is_an_error(tmp_path: Path) -> None:
    # Entry 108 is an entity: its evidence cannot stand for a vessel whatever it states.
    folder = _write(tmp_path / "data", entry="108", states="{name: PATRIOT}")
    assert _list_findings(folder, [LISTS])[0] == [("error", "list-entry-mismatch", 14, 20)]


def test_an_unknown_entry_is_an_error(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", entry="999")
    assert _list_findings(folder, [LISTS])[0] == [("error", "list-entry-not-found", 14, 20)]


def test_other_bytes_than_the_recorded_ones_are_an_error(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", sha256="a" * 64)
    assert _list_findings(folder, [LISTS])[0] == [("error", "list-file-changed", 13, 21)]


def test_a_list_file_not_under_the_lists_is_an_error(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data", file="missing.csv")
    assert _list_findings(folder, [LISTS])[0] == [("error", "list-file-not-found", 13, 21)]


def test_a_link_out_of_the_lists_folder_is_not_a_list_file(tmp_path: Path) -> None:
    # The file is there by name, but only as a link to a file outside the folder given.
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / SDN.name).symlink_to(SDN)
    folder = _write(tmp_path / "data")
    found = _list_findings(folder, [tmp_path / "lists"])[0]
    assert found == [("error", "list-file-not-found", 13, 21)]


def test_without_lists_the_entries_are_reported_unchecked(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data")
    found, result = _list_findings(folder, None)
    assert found == [("info", "list-entries-not-checked", None, None)]
    assert next(f for f in result.findings if f.code == "list-entries-not-checked"
                ).location.file == "<lists>"


def test_the_list_file_may_be_given_directly(tmp_path: Path) -> None:
    folder = _write(tmp_path / "data")
    assert _list_findings(folder, [SDN])[0] == []


def test_names_are_compared_on_their_words() -> None:
    assert fold_name("MKRTYCHEV, Ashot") == fold_name("Ashot  Mkrtychev")
    # Compatibility forms (fullwidth letters) are the same letters.
    assert fold_name("\uff30\uff21\uff34\uff32\uff29\uff2f\uff34") == fold_name("patriot")
    assert fold_name("PATRIOT") != fold_name("PATRIOTA")


def test_check_reads_the_lists_and_fails_on_a_wrong_identifier(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Only the SDN file: the folder's other files carry traps that screening reports.
    good = _write(tmp_path / "good")
    assert main(["check", "--data", str(good), "--lists", str(SDN)]) == 0
    bad = _write(tmp_path / "bad", states="{imo_number: 9161003}")
    capsys.readouterr()
    assert main(["check", "--data", str(bad), "--lists", str(SDN)]) == 1
    out = capsys.readouterr().out
    assert "designations.yaml:15:34: error[list-entry-mismatch] entry 102 of" in out
    assert "does not state imo_number 9161003 (it gives 9003550)" in out


def test_a_list_read_with_companion_files_cannot_be_verified(tmp_path: Path) -> None:
    # OFAC's ADD/ALT/COMMENTS files change the entries of sdn.csv, and the source pins only it.
    ofac_set = LISTS / "ofac_set"
    sha = hashlib.sha256((ofac_set / "sdn.csv").read_bytes()).hexdigest()
    folder = _write(tmp_path / "data", file="ofac_set/sdn.csv", sha256=sha)
    assert _list_findings(folder, [LISTS])[0] == [("error", "list-file-not-pinned", 13, 21)]


def test_the_entry_of_another_ship_is_refused_whatever_it_states(tmp_path: Path) -> None:
    # Entry 102 is PATRIOT, IMO 9003550: evidence stating only its name cannot stand for a
    # ship whose own IMO number is another one.
    folder = _write(tmp_path / "data", states="{name: PATRIOT}", extra="imo_number: 9161003")
    found, result = _list_findings(folder, [LISTS])
    assert found == [("error", "list-entry-mismatch", 14, 20)]
    assert result.listed == frozenset()


def test_a_loop_of_links_is_a_list_file_that_cannot_be_used(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "loop.csv").symlink_to("loop.csv")
    folder = _write(tmp_path / "data", file="loop.csv")
    found = _list_findings(folder, [tmp_path / "lists"])[0]
    assert found == [("error", "list-file-not-found", 13, 21)]


@pytest.mark.parametrize(("a", "b"), [("นิม", "มีน"), ("नाम", "निम"), ("+++", "***")])
def test_names_that_differ_only_in_marks_or_punctuation_differ(a: str, b: str) -> None:
    assert fold_name(a) != fold_name(b)


def test_show_and_export_say_what_the_list_entries_gave(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path / "good")
    assert main(["export", "--format", "json", "--output", str(tmp_path / "out.json"),
                 "--data", str(good), "--lists", str(SDN)]) == 0
    import json

    document = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert document["designations"][0]["subject_evidence_levels"] == [
        {"imo_number": "listed-verified"}]
    bad = _write(tmp_path / "bad", states="{imo_number: 9161003}")
    capsys.readouterr()
    main(["show", "ships-designated", "--data", str(bad), "--lists", str(SDN)])
    assert "entry 102 (does not match: see the findings)" in capsys.readouterr().out
    main(["show", "ships-designated", "--data", str(bad)])
    assert "entry 102 (not compared)" in capsys.readouterr().out


def test_an_entry_that_does_not_name_the_subject_is_another_subjects(tmp_path: Path) -> None:
    # No IMO number of its own to compare: the entry must still name the subject.
    folder = _write(tmp_path / "data", name="NEPTUN", states="{flag: KP}", extra="flag: KP")
    assert _list_findings(folder, [LISTS])[0] == [("error", "list-entry-mismatch", 14, 20)]
