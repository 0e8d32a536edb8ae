"""Comparing two snapshots of a list by stable id, field by field."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from sanctions_tracker.errors import UsageError
from sanctions_tracker.lists import FieldChange, diff, read

from .conftest import LISTS, REFERENCE, needs_reference

if TYPE_CHECKING:
    from pathlib import Path

OLD = LISTS / "diff" / "sdn_2024-01-01.csv"
NEW = LISTS / "diff" / "sdn_2024-01-08.csv"


def test_added_removed_and_changed_by_id() -> None:
    result = diff(read(OLD), read(NEW))
    assert [e.id for e in result.added] == ["5", "6"]
    assert [e.id for e in result.removed] == ["3"]
    assert [c.id for c in result.changed] == ["2"]


def test_a_change_names_each_field_with_the_values_that_went_and_came() -> None:
    (change,) = diff(read(OLD), read(NEW)).changed
    assert change.fields == (
        FieldChange(field="names", removed=("primary: OLD NAME SHIPPING",),
                    added=("primary: NEW NAME SHIPPING",)),
        FieldChange(field="programs", removed=(), added=("RUSSIA-EO14024",)),
    )


def test_values_in_another_order_are_a_change_shown_whole(tmp_path) -> None:
    swapped = tmp_path / "sdn.csv"
    swapped.write_bytes(
        NEW.read_bytes().replace(b"IRAN] [RUSSIA-EO14024", b"RUSSIA-EO14024] [IRAN"))
    (change,) = diff(read(NEW), read(swapped)).changed
    assert change.fields == (FieldChange(field="programs", removed=("IRAN", "RUSSIA-EO14024"),
                                         added=("RUSSIA-EO14024", "IRAN")),)


def test_counts_by_programme_and_subject_type() -> None:
    assert diff(read(OLD), read(NEW)).by_programme() == {
        ("DPRK4", "vessel"): {"added": 0, "removed": 1, "changed": 0},
        ("IRAN", "entity"): {"added": 0, "removed": 0, "changed": 1},
        ("RUSSIA-EO14024", "entity"): {"added": 1, "removed": 0, "changed": 1},
        ("RUSSIA-EO14024", "vessel"): {"added": 1, "removed": 0, "changed": 0},
    }


def test_a_snapshot_compared_with_itself_has_no_differences() -> None:
    snapshot = read(NEW)
    result = diff(snapshot, read(NEW))
    assert (result.added, result.removed, result.changed) == ((), (), ())


def test_the_line_an_entry_starts_on_is_not_a_difference(tmp_path) -> None:
    lines = NEW.read_bytes().split(b"\r\n")
    moved = tmp_path / "sdn.csv"
    moved.write_bytes(b"\r\n".join([lines[1], lines[0], *lines[2:]]))
    result = diff(read(NEW), read(moved))
    assert (result.added, result.removed, result.changed) == ((), (), ())


def test_two_different_lists_are_refused() -> None:
    with pytest.raises(UsageError, match="compare two snapshots of the same list"):
        diff(read(OLD), read(LISTS / "uk_conlist.csv"))


@needs_reference
def test_the_two_real_sdn_snapshots() -> None:
    old = read(REFERENCE / "ofac_sdn_2024-04-26.csv")
    new = read(REFERENCE / "ofac_sdn_2024-05-03.csv")
    result = diff(old, new)
    assert (len(result.added), len(result.removed), len(result.changed)) == (305, 8, 0)
    russia = sum(counts["added"] for (programme, _), counts in result.by_programme().items()
                 if programme == "RUSSIA-EO14024")
    assert russia == 298
    assert sum(e.subject.value == "vessel" for e in result.added) == 16


FULL = LISTS / "ftm_entities.json"
DELTA = LISTS / "20240528014702-abc.entities.delta.json"


@pytest.mark.parametrize(("old", "new"), [(FULL, DELTA), (DELTA, FULL), (DELTA, DELTA)])
def test_a_delta_file_is_not_a_snapshot_to_compare(old: Path, new: Path) -> None:
    # A delta holds only the changes: every other entry of the full export looked removed.
    with pytest.raises(UsageError, match=r"\.entities\.delta\.json is an FtM delta file"):
        diff(read(old), read(new))


def _ftm(path: Path, *datasets: tuple[str, ...]) -> Path:
    path.write_text("".join(
        json.dumps({"id": f"p{n}", "schema": "Person", "properties": {"name": [f"P {n}"]},
                    "datasets": list(names), "target": True}) + "\n"
        for n, names in enumerate(datasets)), encoding="utf-8")
    return path


def test_ftm_exports_of_different_datasets_are_not_the_same_list(tmp_path: Path) -> None:
    eu = _ftm(tmp_path / "eu.ftm.json", ("eu_fsf",), ("eu_fsf",))
    ofac = _ftm(tmp_path / "ofac.ftm.json", ("us_ofac_sdn",), ("us_ofac_sdn",))
    graph = _ftm(tmp_path / "graph.ftm.json", ("eu_fsf", "us_ofac_sdn"), ("ext_ru_egrul",))
    for old, new in ((eu, ofac), (eu, graph), (graph, ofac)):
        with pytest.raises(UsageError, match="are not the same list"):
            diff(read(old), read(new))


def test_ftm_exports_of_one_dataset_are_compared(tmp_path: Path) -> None:
    old = _ftm(tmp_path / "old.ftm.json", ("eu_fsf",), ("eu_fsf",))
    new = _ftm(tmp_path / "new.ftm.json", ("eu_fsf",), ("eu_fsf",), ("eu_fsf",))
    assert [e.id for e in diff(read(old), read(new)).added] == ["p2"]
    graph = _ftm(tmp_path / "graph.ftm.json", ("eu_fsf", "us_ofac_sdn"), ("ext_ru_egrul",))
    later = _ftm(tmp_path / "later.ftm.json", ("eu_fsf",), ("ext_ru_egrul", "us_ofac_sdn"))
    assert diff(read(graph), read(later)).added == ()


def test_a_value_written_another_way_is_not_a_change(tmp_path: Path) -> None:
    """31.7.2014 -> 31.07.2014 (and Russia -> Russian Federation) is the same value: the diff
    counts an entry as changed only when it can say which values went and came."""
    source = LISTS / "eu_32014R0833.csv"
    old, new = tmp_path / "a" / source.name, tmp_path / "b" / source.name
    old.parent.mkdir()
    new.parent.mkdir()
    old.write_bytes(source.read_bytes())
    new.write_bytes(source.read_bytes().replace(b",31.7.2014,", b",31.07.2014,", 1)
                    .replace(b",Russia,", b",Russian Federation,", 1))
    assert new.read_bytes() != old.read_bytes()
    result = diff(read(old), read(new))
    assert (result.added, result.removed, result.changed) == ((), (), ())
    changed = new.read_bytes().replace(b",31.07.2014,", b",1.8.2014,", 1)
    new.write_bytes(changed)
    (change,) = diff(read(old), read(new)).changed
    assert change.fields == (FieldChange(field="listing_date", removed=("exact:2014-07-31",),
                                         added=("exact:2014-08-01",)),)
