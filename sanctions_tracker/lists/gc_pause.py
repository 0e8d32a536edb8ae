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
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
