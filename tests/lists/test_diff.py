"""Comparing two snapshots of a list by stable id, field by field."""

from __future__ import annotations

import pytest

from sanctions_tracker.errors import UsageError
from sanctions_tracker.lists import FieldChange, diff, read

from .conftest import LISTS, REFERENCE, needs_reference

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
