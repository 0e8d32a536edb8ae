"""Measure name matching on a labelled set built from the real lists, against a full scan.

    python bench/matching.py [--reference DIR] [--per-class 300] [--queries 10000] [--seed 12]

The labelled set (seeded, rebuilt from the files each run):

- ``uk->un``: the UK list cites the UN reference of DPRK groups; the UK primary name must find
  that UN entry among the UN list's entries (the names differ in the details).
- ``ofac<->eu vessels``: ships on both the OFAC SDN list (2024-05-03) and the EU lists, linked
  by IMO number; the EU name alone must find the OFAC entry (23 of 54 names differ: the lists
  disagree, and a name cannot decide it; this class measures how often it still does).
- generated variants of real primary names, each expected to find its own entry among its own
  list's entries (the same name on another list is the same subject, not a miss):
  ``reordered`` (a person's first word moved last),
  ``hyphens dropped``, ``romanisation`` (Choe/Choi, Ri/Lee, Pak/Park...), ``legal form spelled
  out``, ``cyrillic`` (ICU Latin-Cyrillic of OFAC's Russia-programme names), ``typo`` (one
  letter changed in a word of five or more).
- ``negative``: generated names on no list; any match at the threshold is a false positive.

Top-1 is right when the expected entry is among the best-scored matches (the same name on
several lists ties); precision is the share of queries with a match at the default threshold
whose top match is right (negatives count), recall the share of labelled queries whose entry is
matched at the threshold. The scan baseline is ``rapidfuzz.process.extractOne`` (WRatio, default
processor) over every name, on a sample of the same queries.

Targets (issue 12): top-1 >= 0.95 and precision >= 0.95; index build <= 2x reading; 10,000
queries <= 10 s; >= 10x faster than the scan at equal or better top-1.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import icu  # type: ignore[import-untyped]
from rapidfuzz import fuzz, process, utils

from sanctions_tracker.lists import Snapshot, read
from sanctions_tracker.lists.files import list_files
from sanctions_tracker.matching import DEFAULT_THRESHOLD, NameIndex, Target, list_targets
from sanctions_tracker.matching.normalize import _ROMANISATIONS

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference-lists"
Key = tuple[str, str, str]  # authority, list, entry id
Labelled = tuple[str, str, frozenset[Key], str | None]  # class, query, expected, authority only

_LEGAL = {"LLC": "Limited Liability Company", "LTD": "Limited", "JSC": "Joint Stock Company",
          "OOO": "Obshchestvo s Ogranichennoy Otvetstvennostyu", "CO": "Company",
          "CORP": "Corporation", "INC": "Incorporated", "PJSC": "Public Joint Stock Company"}
_SYLLABLES = ["ka", "lo", "mir", "sen", "tor", "vel", "an", "dro", "gor", "bek", "sha", "lin",
              "pet", "rov", "nik", "ova", "son", "hai", "jin", "zar", "ul", "qua", "xe"]


def key(target: Target) -> Key:
    return target.ref.authority, target.ref.list_name, target.entry_id


def _sample(rng: random.Random, items: list[Labelled], size: int) -> list[Labelled]:
    return rng.sample(items, min(size, len(items)))


def labelled_set(snapshots: list[Snapshot], rng: random.Random, per_class: int
                 ) -> list[Labelled]:
    by_file = {Path(s.source_file).name: s for s in snapshots}
    ofac = by_file["ofac_sdn_2024-05-03.csv"]
    uk = by_file["uk_ofsi_conlist_2025-04-10_RUS_DPRK_ships.csv"]
    un = by_file["un_consolidated_2026-02-27.xml"]
    eu = [s for s in snapshots if s.authority == "EU"]
    labelled = _linked(ofac, uk, un, eu)
    sources = [t for s in (ofac, uk, un) for t in list_targets(s) if t.names]
    variants: dict[str, list[Labelled]] = defaultdict(list)
    latin_to_cyrillic = icu.Transliterator.createInstance("Latin-Cyrillic")
    for target in sources:
        for kind, query in _variants(target, rng, latin_to_cyrillic):
            variants[kind].append((kind, query, frozenset({key(target)}), target.ref.authority))
    for items in variants.values():
        labelled += _sample(rng, items, per_class)
    labelled = _sample(rng, [x for x in labelled if x[0] == "uk->un"], per_class) + [
        x for x in labelled if x[0] != "uk->un"]
    for _ in range(per_class):
        words = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).upper()
                 for _ in range(rng.randint(2, 3))]
        labelled.append(("negative", " ".join(words), frozenset(), None))
    return labelled


def _linked(ofac: Snapshot, uk: Snapshot, un: Snapshot, eu: list[Snapshot]) -> list[Labelled]:
    """UK names to the UN entries they cite; EU vessel names to the OFAC vessel of their IMO."""
    labelled: list[Labelled] = []
    un_ids = {e.id for e in un.entries}
    for entry in uk.entries:
        for note in entry.notes:
            found = re.search(r"\(UN Ref\):([A-Z]{2}[ei]\.\d+)", note)
            if found and found.group(1) in un_ids:
                labelled.append(("uk->un", entry.caption, frozenset(
                    {(un.authority, un.list_name, found.group(1))}), un.authority))
    ofac_imo = {i.value: e for e in ofac.entries if e.subject.value == "vessel"
                for i in e.identifiers if i.scheme.value == "ship-imo"}
    seen: set[str] = set()
    for snapshot in eu:
        for entry in snapshot.entries:
            for i in entry.identifiers:
                if i.scheme.value == "ship-imo" and i.value in ofac_imo and i.value not in seen:
                    seen.add(i.value)
                    labelled.append(("ofac<->eu vessels", entry.caption, frozenset(
                        {(ofac.authority, ofac.list_name, ofac_imo[i.value].id)}),
                        ofac.authority))
    return labelled


def _variants(target: Target, rng: random.Random, cyrillic: icu.Transliterator
              ) -> list[tuple[str, str]]:
    """(class, query) of each variant the target's primary name lends itself to."""
    name = target.caption
    words = name.replace(",", " ").split()
    found: list[tuple[str, str]] = []
    if len(words) >= 2 and target.subject == "individual":
        # A person's name order: OFAC's "SURNAME, Given" is "Given SURNAME" elsewhere.
        found.append(("reordered", " ".join([*words[1:], words[0]])))
    if "-" in name:
        found.append(("hyphens dropped", name.replace("-", "")))
    swapped = [_other_spelling(w) for w in words]
    if swapped != words:
        found.append(("romanisation", " ".join(swapped)))
    form = words[-1].upper().strip(".") if words else ""
    if form in _LEGAL and len(words) >= 2:
        found.append(("legal form spelled out", " ".join([*words[:-1], _LEGAL[form]])))
    if target.ref.authority == "US-OFAC" and any("RUSSIA" in p for p in target.programs):
        found.append(("cyrillic", cyrillic.transliterate(name.title())))
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if long_words:
        typo = list(words)
        at = rng.choice(long_words)
        position = rng.randrange(1, len(typo[at]))
        letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz"
                             if c != typo[at][position].lower()])
        typo[at] = typo[at][:position] + letter + typo[at][position + 1:]
        found.append(("typo", " ".join(typo)))
    return found


def _other_spelling(word: str) -> str:
    spellings = [s for s, k in _ROMANISATIONS.items()
                 if k == _ROMANISATIONS.get(word.casefold()) and s != word.casefold()]
    if not spellings or len(word) < 2:
        return word
    other = spellings[0]
    return other.upper() if word.isupper() else other.capitalize()


def evaluate(index: NameIndex, labelled: list[Labelled]) -> dict[str, dict[str, float]]:
    by_class: dict[str, list[tuple[bool, bool, bool, bool]]] = defaultdict(list)
    for kind, query, expected, authority in labelled:
        matches = index.search(query, threshold=0.5)
        if authority is not None:
            matches = [m for m in matches if m.target.ref.authority == authority]
        best = matches[0].score if matches else 0.0
        top = {key(m.target) for m in matches if m.score == best}
        right = bool(expected & top)
        returned = [m for m in matches if m.score >= DEFAULT_THRESHOLD]
        found = bool(expected & {key(m.target) for m in returned})
        by_class[kind].append((right, bool(returned), bool(returned) and right, found))
    report: dict[str, dict[str, float]] = {}
    # top-1 and recall of the negatives are nothing to find: "all" counts them only in precision.
    for kind, rows in [*by_class.items(), ("all labelled", [
            r for k, rs in by_class.items() if k != "negative" for r in rs]),
            ("all (precision)", [r for rs in by_class.values() for r in rs])]:
        answered = sum(r[1] for r in rows)
        report[kind] = {
            "n": len(rows),
            "top1": sum(r[0] for r in rows) / len(rows),
            "precision": sum(r[2] for r in rows) / answered if answered else 1.0,
            "recall": sum(r[3] for r in rows) / len(rows),
            "answered": answered,
        }
    return report


def scan_baseline(targets: list[Target], labelled: list[Labelled], sample: int,
                  rng: random.Random) -> tuple[float, float, int]:
    names = [(n.text, key(t), t.ref.authority) for t in targets for n in t.names]
    choices = [n for n, _, _ in names]
    per_authority: dict[str, list[int]] = defaultdict(list)
    for number, (_, _, listed_by) in enumerate(names):
        per_authority[listed_by].append(number)
    picked = [x for x in _sample(rng, labelled, sample) if x[0] != "negative"]
    right, started = 0, time.perf_counter()
    for _, query, expected, authority in picked:
        pool = choices if authority is None else [choices[i] for i in per_authority[authority]]
        keys = ([k for _, k, _ in names] if authority is None
                else [names[i][1] for i in per_authority[authority]])
        best = process.extractOne(query, pool, scorer=fuzz.WRatio, processor=utils.default_process)
        right += best is not None and keys[best[2]] in expected
    elapsed = time.perf_counter() - started
    return elapsed / len(picked), right / len(picked), len(picked)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--per-class", type=int, default=300)
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--scan-sample", type=int, default=300)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    started = time.perf_counter()
    snapshots = [read(path) for path in list_files([args.reference])]
    reading = time.perf_counter() - started
    started = time.perf_counter()
    targets = [t for s in snapshots for t in list_targets(s)]
    index = NameIndex.build(targets)
    building = time.perf_counter() - started
    print(f"lists: {len(snapshots)} snapshots, {len(targets):,} entries, "
          f"{index.name_count:,} names")
    print(f"reading {reading:.2f} s; index (targets + build) {building:.2f} s = "
          f"{building / reading:.2f}x reading (target <= 2x)")

    labelled = labelled_set(snapshots, rng, args.per_class)
    report = evaluate(index, labelled)
    print(f"\nlabelled set: {len(labelled):,} queries; default threshold {DEFAULT_THRESHOLD}")
    print(f"{'class':<24}{'n':>6}{'top-1':>8}{'precision':>11}{'recall':>8}")
    for kind, row in report.items():
        if kind in {"negative", "all (precision)"}:
            print(f"{kind:<24}{row['n']:>6}{'-':>8}{row['precision']:>11.3f}{'-':>8}"
                  f"   ({row['answered']:.0f} answered)")
        else:
            print(f"{kind:<24}{row['n']:>6}{row['top1']:>8.3f}{row['precision']:>11.3f}"
                  f"{row['recall']:>8.3f}")

    queries = [q for _, q, _, _ in labelled]
    times = []
    started = time.perf_counter()
    for number in range(args.queries):
        one = time.perf_counter()
        index.search(queries[number % len(queries)])
        times.append(time.perf_counter() - one)
    total = time.perf_counter() - started
    print(f"\n{args.queries:,} queries: {total:.2f} s ({total / args.queries * 1000:.3f} ms "
          f"each; median {statistics.median(times) * 1000:.3f} ms, p99 "
          f"{sorted(times)[int(len(times) * 0.99)] * 1000:.2f} ms) (target <= 10 s)")

    per_query, scan_top1, sampled = scan_baseline(targets, labelled, args.scan_sample, rng)
    index_per_query = total / args.queries
    print(f"scan (rapidfuzz extractOne, WRatio, every name) on {sampled} labelled queries: "
          f"{per_query * 1000:.1f} ms each, top-1 {scan_top1:.3f}; index "
          f"{index_per_query * 1000:.3f} ms each, top-1 {report['all labelled']['top1']:.3f}: "
          f"{per_query / index_per_query:.0f}x faster (target >= 10x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
