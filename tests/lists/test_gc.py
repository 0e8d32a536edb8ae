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
