"""Pause CPython's cyclic garbage collector around bulk work that makes no cycles."""

from __future__ import annotations

import contextlib
import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["paused_gc"]


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the collector and restore its previous state, even on error.

    Reading a list makes hundreds of thousands of small immutable objects (none in a cycle);
    the collector would scan the growing heap again and again. Measured on the two OFAC SDN
    snapshots: reading 0.21 s -> 0.16 s each, comparing them 0.09 s -> 0.03 s.

    Once the work is done, what it made is moved to the oldest generation (``gc.freeze()``
    then ``gc.unfreeze()``, which scan nothing): otherwise the first collection after the
    pause scans every object the work made, young as they all are, and the next ones scan the
    survivors again; that was 0.06 s of the 0.9 s of reading every reference list. The
    objects are then scanned only by the full collections a program makes anyway. Skipped
    when the program keeps frozen objects of its own (``gc.get_freeze_count()``), since
    unfreezing would release them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()
