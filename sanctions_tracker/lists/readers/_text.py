"""Small text helpers the readers share: spaces and the script of a name.

Curly quotes are kept as the lists write them (``JSC “999 Aircraft Repair Plant”``): they are
part of the official name, and a matcher, not a reader, decides what is the same.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["clean", "script_of"]


def clean(text: str) -> str:
    """Collapse runs of spaces, no-break spaces and newlines into one space; trim."""
    return " ".join(text.split())


@functools.lru_cache(maxsize=65536)
def script_of(text: str) -> str | None:
    """The script of the first non-Latin letter (``Cyrillic``, ``Arabic``, ``Cjk``), or None.

    Read from the Unicode character name: enough to say which names are in original script.
    """
    for char in text:
        if char.isalpha() and ord(char) > 0x24F:  # beyond Latin Extended-B
            word = unicodedata.name(char, "").split(" ", 1)[0]
            return word.capitalize() or None
    return None
