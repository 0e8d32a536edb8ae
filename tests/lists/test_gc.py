"""The collector pause around reading restores the collector's previous state."""

from __future__ import annotations

import gc

import pytest

from sanctions_tracker.lists.gc_pause import paused_gc


def _fail_inside() -> None:
    with paused_gc():
        assert not gc.isenabled()
        raise RuntimeError


def test_the_collector_is_paused_inside_and_restored_after_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        _fail_inside()
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


class _Made:
    """An object the collector tracks (a class instance), to find in its generations."""


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_what_the_work_made_is_moved_to_the_oldest_generation_unscanned() -> None:
    with paused_gc():
        made = _Made()
        assert _in_generation(made, 0)
    assert _in_generation(made, 2)
    assert not _in_generation(made, 0)


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with paused_gc():
            made = _Made()
        assert gc.get_freeze_count() == frozen
        assert _in_generation(made, 0)  # left where it was: unfreezing would release the rest
    finally:
        gc.unfreeze()
