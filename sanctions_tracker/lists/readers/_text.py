"""Small text helpers the readers share: spaces and the script of a name.

Curly quotes are kept as the lists write them (``JSC “999 Aircraft Repair Plant”``): they are
part of the official name, and a matcher, not a reader, decides what is the same.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["clean", "script_of"]


def clean(text: str) -> str:
    """Collapse runs of spaces, no-break spaces and newlines into one space; trim.

    Most cells are clean already, and saying so is cheaper than splitting them into words:
    every whitespace character but the ASCII space is unprintable, so printable text with no
    double, leading or trailing space is what splitting and joining would give back.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


_BEYOND_LATIN = re.compile("[^\x00-\u024f]")  # beyond Latin Extended-B


def script_of(text: str) -> str | None:
    """The script of the first non-Latin letter (``Cyrillic``, ``Arabic``, ``Cjk``), or None.

    Read from the Unicode character name: enough to say which names are in original script.
    Most names are ASCII, answered without looking at a character.
    """
    return None if text.isascii() else _script(text)


@functools.lru_cache(maxsize=65536)
def _script(text: str) -> str | None:
    for match in _BEYOND_LATIN.finditer(text):
        char = match[0]
        if char.isalpha():
            return _script_of_letter(char)
    return None


@functools.lru_cache(maxsize=4096)
def _script_of_letter(char: str) -> str | None:
    """A letter's script, once per letter: a list's names start with a few hundred letters."""
    return unicodedata.name(char, "").split(" ", 1)[0].capitalize() or None
