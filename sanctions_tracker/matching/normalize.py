"""Names to comparable forms, from the lightest change to the heaviest.

Each form undoes one way lists write the same name differently, so that a match can say which
change it took: case and spacing (``exact``), punctuation and hyphens (``normalised``), script
(``transliterated``, normality's ICU transliteration), legal forms (``legal form removed``,
rigour's table of thousands of forms in many scripts: ``LLC``, ``OOO`` in Latin and Cyrillic,
``Limited Liability Company``), word order (``reordered``) and romanisation (``transliterated``, a
phonetic key per word). The phonetic key is rigour's metaphone, after a short table of Korean
surname romanisations that metaphone cannot know are one name (``Ri``/``Rhee``/``Lee``/``Yi``).
"""

from __future__ import annotations

import functools
import re

import attrs
import normality
from rigour.names import remove_org_types, tokenize_name
from rigour.text import metaphone

__all__ = ["NameForms", "name_forms", "phonetic", "same_romanisation", "squash"]

_SPACES = re.compile(r"\s+")

# Romanisations of one Korean syllable that metaphone keys differently (McCune-Reischauer,
# Revised Romanization, and the spellings the DPRK and ROK lists use); each maps to one key.
_ROMANISATIONS: dict[str, str] = {
    spelling: key
    for key, spellings in {
        "ri": ("ri", "rhee", "lee", "yi", "li", "rhi", "ree", "yee", "i"),
        "pak": ("pak", "park", "bak", "pack"),
        "choe": ("choe", "choi", "chwe", "choy", "chey"),
        "kim": ("kim", "gim"),
        "jong": ("jong", "jeong", "chong", "chung", "jung", "cheong"),
        "un": ("un", "eun"),
        "kang": ("kang", "gang"),
        "ko": ("ko", "go", "koh"),
        "o": ("o", "oh"),
        "yun": ("yun", "yoon"),
        "sin": ("sin", "shin"),
        "jo": ("jo", "cho"),
        "song": ("song", "seong", "sung"),
    }.items()
    for spelling in spellings
}


def squash(text: str) -> str:
    """Case folded, with runs of white space made one space: what ``exact`` compares."""
    return _SPACES.sub(" ", text).strip().casefold()


@functools.lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    """The key two romanisations of one word share (``choe``/``choi``, ``jong``/``jeong``)."""
    return _ROMANISATIONS.get(token) or metaphone(token) or token


def same_romanisation(one: str, other: str) -> bool:
    """Whether two words are spellings of one Korean syllable in the table (``jo``/``cho``)."""
    key = _ROMANISATIONS.get(one)
    return key is not None and key == _ROMANISATIONS.get(other)


@attrs.frozen
class NameForms:
    """A name's comparable forms; each is a string of space-separated words.

    ``normalised``: case folded, punctuation and hyphens made spaces. ``latin``: that, in Latin
    letters. ``bare``: the latin form without legal forms (the latin form if nothing else is
    left). ``ordered``: bare's words sorted. ``compact``: latin without spaces, so that
    ``Jong-un``, ``Jong Un`` and ``Jongun`` meet. ``sounds``: the phonetic keys of bare's words,
    sorted.
    """

    exact: str
    normalised: str
    latin: str
    bare: str
    ordered: str
    compact: str
    sounds: str
    #: bare's words in the order of their phonetic keys, so that two names that sound alike
    #: pair word with word.
    heard: tuple[str, ...] = ()

    @property
    def tokens(self) -> tuple[str, ...]:
        """The words of the bare form."""
        return tuple(self.bare.split())


def _words(text: str) -> str:
    # rigour's normalize_name, without its per-call flag arithmetic (a third of the index's
    # build time): tokenize_name over the case-folded text is what it computes.
    return " ".join(tokenize_name(text.casefold()))


def _latin(words: str) -> str:
    """Normalised words in Latin letters (unchanged when already ASCII: no second tokenising).

    normality's transliteration, not rigour's ascii_text: the same ICU rules, at 11 us a name
    against 380 us (measured on the EU list's 7,158 names).
    """
    if words.isascii():
        return " ".join(words.split())
    return _words(normality.ascii_text(words))


@functools.lru_cache(maxsize=200_000)
def name_forms(text: str) -> NameForms:
    """Every form of one name (cached: the same name recurs across lists and snapshots)."""
    normalised = _words(text)
    latin = _latin(normalised)
    stripped = remove_org_types(normalised, replacement=" ")
    bare = _latin(stripped) if stripped.strip() else latin
    bare = bare or latin
    words = bare.split()
    keyed = sorted((phonetic(w), w) for w in words)
    return NameForms(
        exact=squash(text), normalised=normalised, latin=latin, bare=bare,
        ordered=" ".join(sorted(words)), compact=latin.replace(" ", ""),
        sounds=" ".join(k for k, _ in keyed), heard=tuple(w for _, w in keyed),
    )
