"""An index of every name and identifier of a set of targets, built once, searched many times.

A query never scans every name. Its forms (:mod:`.normalize`) are looked up in one dictionary
per form, which decides the explained matches (exact, normalised, transliterated, legal form
removed, reordered, romanisation); then its words select candidates by blocking: the names that
share a word, a word one typing error away (a deletion index, as SymSpell builds it) or a word's
phonetic key. Only those candidates are scored with rapidfuzz, so a query costs the size of its
blocks, not of the lists. Identifiers are looked up by (scheme, value): a ship IMO is never
compared with a company IMO.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import attrs
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from sanctions_tracker.lists.gc_pause import paused_gc
from sanctions_tracker.lists.model import Identifier, IdScheme

from .normalize import NameForms, name_forms, phonetic, same_romanisation
from .targets import Target, TargetName

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["DEFAULT_THRESHOLD", "SCHEME_LABELS", "How", "Match", "NameIndex"]

#: How each identifier scheme is written in explanations.
SCHEME_LABELS = {
    IdScheme.SHIP_IMO: "ship IMO", IdScheme.COMPANY_IMO: "company IMO", IdScheme.MMSI: "MMSI",
    IdScheme.CALL_SIGN: "call sign", IdScheme.PASSPORT: "passport",
    IdScheme.NATIONAL_ID: "national id", IdScheme.OTHER: "identifier",
}

#: The score a match needs by default (a fuzzy match of one typing error in a ten-letter name
#: scores about 0.9).
DEFAULT_THRESHOLD = 0.85

# A word in more names than this is too common to select candidates (``company``, ``ltd``)
# unless the query has no rarer word.
_COMMON = 2_000
# At most this many candidates (by words shared) are scored with rapidfuzz.
_CANDIDATES = 300
# Typing errors are looked for in words of at least this length (shorter words have too many
# neighbours: ``ri`` is one deletion from ``r``, like every name with an ``r``).
_TYPO_LENGTH = 5


class How(str, enum.Enum):
    """How a name matched, from the lightest rule to the heaviest; the value is the wording."""

    IDENTIFIER = "identifier"
    ENTRY_ID = "entry id"
    EXACT = "exact"
    NORMALISED = "normalised"
    TRANSLITERATED = "transliterated"
    LEGAL_FORM = "legal form removed"
    REORDERED = "reordered"
    ROMANISATION = "transliterated (sounds alike)"
    FUZZY = "fuzzy"


# The score an identifier gives; fuzzy matches score rapidfuzz's ratio, capped below every rule.
_IDENTIFIER_SCORE = 1.0
_FUZZY_CAP = 0.89
# Names that sound alike must also be this close letter by letter (rapidfuzz ratio, 0-100).
_SOUNDS_RATIO = 75
# Each rule: how it is reported, the form it compares (one dictionary each), and its score.
# Spacing (``compact``) scores below transliteration: ``OOO Transmorflot`` and its Cyrillic
# spelling are equal without spaces too, and the script is the difference to report.
_RULES: tuple[tuple[How, str, float], ...] = (
    (How.EXACT, "exact", 1.0), (How.NORMALISED, "normalised", 0.98),
    (How.TRANSLITERATED, "latin", 0.97), (How.NORMALISED, "compact", 0.96),
    (How.LEGAL_FORM, "bare", 0.95), (How.REORDERED, "ordered", 0.93),
    (How.ROMANISATION, "sounds", 0.9),
)


@attrs.frozen
class Match:
    """One target found for a query: the name (or identifier) that matched, how, and the score.

    ``name`` is None for an identifier or entry-id match; ``identifier`` is set for the first.
    ``detail`` says more where the rule alone does not (the fuzzy ratio, the IMO scheme).
    """

    target: Target
    score: float
    how: How
    name: TargetName | None = None
    identifier: Identifier | None = None
    detail: str = ""

    def explain(self) -> str:
        """One line a reviewer can check: ``alias "TransMorFlot", normalised``."""
        if self.identifier is not None:
            return f"{SCHEME_LABELS[self.identifier.scheme]} {self.identifier.value}"
        if self.name is None:
            return f"{self.how.value} {self.target.entry_id}"
        kind = {"primary": "name", "aka": "alias", "fka": "former name",
                "nka": "new name"}.get(self.name.kind, self.name.kind)
        how = f"{self.how.value} {self.detail}".strip()
        return f'{kind} "{self.name.text}", {how}'


def _alike(one: NameForms, other: NameForms) -> bool:
    """Whether names of equal phonetic keys are close word by word, not only in sound.

    Metaphone alone is loose (TIFON and DEVON are both TFN): each pair of words must be one
    syllable's romanisations (``jo``/``cho``) or close letter by letter.
    """
    return all(a == b or same_romanisation(a, b) or fuzz.ratio(a, b) >= _SOUNDS_RATIO
               for a, b in zip(one.heard, other.heard, strict=False))


def _affixes(word: str, length: int) -> tuple[str, str]:
    """The keys of a word among words of ``length`` letters: its first and last length//2.

    A word one edit from another (a letter changed, added, dropped or two swapped) keeps one of
    the two halves intact, so it shares a key with it: a cheaper blocking than SymSpell's
    deletion index (two keys a word instead of one per letter, measured 0.1 s against 1.4 s
    for the 35,000 words of the reference lists).
    """
    half = length // 2
    return f"<{length}:{word[:half]}", f">{length}:{word[-half:]}"


@attrs.define
class NameIndex:
    """Every name and identifier of ``targets``, by each comparable form and by word.

    Names are indexed by their distinct texts (a tid each): the same name on several lists or
    snapshots is normalised, blocked and scored once, then reported for each target carrying it.
    """

    targets: list[Target]
    name_count: int = 0
    _holders: list[list[tuple[int, int]]] = attrs.field(factory=list)  # (target, name number)
    _forms: list[NameForms] = attrs.field(factory=list)
    _columns: dict[str, list[str]] = attrs.field(factory=dict)  # a form of every text, by tid
    _by_form: dict[str, dict[str, list[int]]] = attrs.field(factory=dict)
    _by_word: dict[str, list[int]] = attrs.field(factory=dict)
    _by_sound: dict[str, list[int]] = attrs.field(factory=dict)
    _typos: dict[str, list[str]] = attrs.field(factory=dict)
    _by_id: dict[tuple[IdScheme, str], list[int]] = attrs.field(factory=dict)
    _by_entry: dict[str, list[int]] = attrs.field(factory=dict)

    @classmethod
    def build(cls, targets: Sequence[Target]) -> NameIndex:
        """Index every name and identifier of ``targets`` (in their order).

        The garbage collector is paused meanwhile, as the list readers do (the index makes
        hundreds of thousands of small objects and no cycles): 30% of the build time.
        """
        with paused_gc():
            return cls._build(list(targets))

    @classmethod
    def _build(cls, targets: list[Target]) -> NameIndex:
        index = cls(targets)
        holders, all_forms = index._holders, index._forms
        by_form: dict[str, defaultdict[str, list[int]]] = {
            form: defaultdict(list) for _, form, _ in _RULES}
        by_word: defaultdict[str, list[int]] = defaultdict(list)
        by_id: defaultdict[tuple[IdScheme, str], list[int]] = defaultdict(list)
        by_entry: defaultdict[str, list[int]] = defaultdict(list)
        tids: dict[str, int] = {}
        tables = list(by_form.items())
        for number, target in enumerate(index.targets):
            by_entry[target.entry_id].append(number)
            for identifier in target.identifiers:
                by_id[identifier.scheme, identifier.value].append(number)
            index.name_count += len(target.names)
            for name_number, name in enumerate(target.names):
                tid = tids.get(name.text)
                if tid is not None:
                    holders[tid].append((number, name_number))
                    continue
                tid = tids[name.text] = len(all_forms)
                forms = name_forms(name.text)
                holders.append([(number, name_number)])
                all_forms.append(forms)
                for form, table in tables:
                    table[getattr(forms, form)].append(tid)
                for word in set(forms.tokens):
                    by_word[word].append(tid)
        by_sound: defaultdict[str, list[int]] = defaultdict(list)
        typos: defaultdict[str, list[str]] = defaultdict(list)
        for word, nids in by_word.items():
            by_sound[phonetic(word)].extend(nids)
            if len(word) >= _TYPO_LENGTH:
                for key in _affixes(word, len(word)):
                    typos[key].append(word)
        index._by_form = {form: dict(table) for form, table in by_form.items()}
        index._columns = {form: [getattr(f, form) for f in index._forms]
                          for form in ("bare", "latin", "compact")}
        index._by_word, index._by_sound = dict(by_word), dict(by_sound)
        index._typos, index._by_id, index._by_entry = dict(typos), dict(by_id), dict(by_entry)
        return index

    def by_identifier(self, identifier: Identifier) -> list[Match]:
        """Targets carrying this identifier under the same scheme (never the other IMO scheme)."""
        return [Match(self.targets[t], _IDENTIFIER_SCORE, How.IDENTIFIER,
                      identifier=identifier)
                for t in self._by_id.get((identifier.scheme, identifier.value), ())]

    def by_entry_id(self, entry_id: str) -> list[Match]:
        """Targets whose entry id is ``entry_id``."""
        return [Match(self.targets[t], 1.0, How.ENTRY_ID) for t in self._by_entry.get(entry_id, ())]

    def search(self, query: str, *, threshold: float = DEFAULT_THRESHOLD,
               subject: str | None = None, limit: int | None = None) -> list[Match]:
        """The targets one of whose names matches ``query``, best first, one match per target.

        ``subject`` keeps only targets of that type (vessel, entity, individual).
        """
        forms = name_forms(query)
        if not forms.compact:
            return []  # punctuation alone: every name without letters would be "exact"
        best: dict[int, Match] = {}
        for how, form, score in _RULES:
            for tid in self._by_form[form].get(getattr(forms, form), ()):
                if how is How.ROMANISATION and not _alike(forms, self._forms[tid]):
                    continue
                self._keep(best, tid, score, how, subject=subject)
        candidates = list(self._candidates(forms))
        ratios: dict[int, float] = {}
        # One rapidfuzz call a form over all candidates: the loop stays in C++.
        for form, scorer in (("bare", fuzz.token_sort_ratio), ("latin", fuzz.token_sort_ratio),
                             ("compact", fuzz.ratio)):
            for _, ratio, at in process.extract(
                    getattr(forms, form), [self._columns[form][n] for n in candidates],
                    scorer=scorer, score_cutoff=threshold * 100, limit=None):
                ratios[candidates[at]] = max(ratios.get(candidates[at], 0.0), ratio / 100)
        for tid, ratio in ratios.items():
            self._keep(best, tid, min(ratio, _FUZZY_CAP), How.FUZZY, detail=f"{ratio:.2f}",
                       subject=subject)
        found = sorted((m for m in best.values() if m.score >= threshold),
                       key=lambda m: (-m.score, m.name.kind != "primary" if m.name else False))
        return found[:limit] if limit else found

    def _keep(self, best: dict[int, Match], tid: int, score: float, how: How, *,  # noqa: PLR0913
              detail: str = "", subject: str | None) -> None:
        """Record the match of every target carrying the name ``tid``, where it is its best."""
        for number, name_number in self._holders[tid]:
            target = self.targets[number]
            if subject is not None and target.subject != subject:
                continue
            held = best.get(number)
            name = target.names[name_number]
            if held is None or score > held.score or (
                    score == held.score and held.name is not None
                    and held.name.kind != "primary" and name.kind == "primary"):
                best[number] = Match(target, score, how, name=name, detail=detail)

    def _neighbours(self, word: str) -> list[str]:
        """Indexed words one edit from ``word`` (rapidfuzz's optimal string alignment)."""
        if len(word) < _TYPO_LENGTH:
            return []
        near = {w for length in (len(word) - 1, len(word), len(word) + 1)
                for key in _affixes(word, length) for w in self._typos.get(key, ())}
        return [w for w, _, _ in process.extract(word, near, scorer=OSA.distance,
                                                   score_cutoff=1, limit=None)]

    def _candidates(self, forms: NameForms) -> Iterable[int]:
        """Names sharing a word (or a typo or sound of one) with the query, most shared first."""
        blocks: list[list[int]] = []
        for word in set(forms.tokens):
            words = {word, *self._neighbours(word)}
            blocks.append([nid for w in words for nid in self._by_word.get(w, ())])
            blocks.append(self._by_sound.get(phonetic(word), []))
        rare = [b for b in blocks if 0 < len(b) <= _COMMON] or blocks
        if sum(len(b) for b in rare) <= _CANDIDATES:
            return {nid for block in rare for nid in block}
        shared: Counter[int] = Counter()
        for block in rare:
            shared.update(block)
        return [tid for tid, _ in shared.most_common(_CANDIDATES)]
