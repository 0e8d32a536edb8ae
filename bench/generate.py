"""Write a synthetic, seeded dataset of N designated subjects in the project's data format.

    python bench/generate.py N OUT [--seed S]

The data is valid under `sanctions-tracker check` (without --sources: the quoted documents do
not exist): fully itemized designation actions whose quotes state their counts, spread over
files of about 1,000 subjects, plus export-control series whose measures chain consistently.
The same N and seed always give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

AUTHORITIES = ["US", "GB", "EU", "KR", "JP", "CA", "AU", "CH"]
COUNTRIES = ["RU", "KP", "IR", "BY", "SY", "CN", "AE", "TR", "HK", "IN", "PA", "LR", "MH", "CY"]
SYLLABLES = ["ka", "lo", "mir", "sen", "tor", "vel", "an", "dro", "gor", "bek", "sha", "lin",
             "pet", "rov", "nik", "ova", "son", "hai", "jin", "kim", "park", "lee", "zar", "ul"]
SUBJECTS_PER_FILE = 1_000


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is a subset of it)."""
    return json.dumps(text, ensure_ascii=False)


def _name(rng: random.Random, parts: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).upper()
                    for _ in range(parts))


def _imo(rng: random.Random) -> int:
    first = str(rng.randint(700_000, 999_999))
    check = sum(int(d) * w for d, w in zip(first, range(7, 1, -1), strict=True)) % 10
    return int(first + str(check))


def _subject(rng: random.Random, kind: str) -> str:
    """One subject in block style, the way curators write them."""
    aliases = [_name(rng, 2) for _ in range(rng.choice((0, 0, 1, 2)))]
    fields: list[tuple[str, object]] = [("type", kind)]
    if kind == "vessel":
        fields += [("name", _q(_name(rng, 2))), ("imo_number", _imo(rng)),
                   ("flag", rng.choice(COUNTRIES))]
        if rng.random() < 0.5:
            fields.append(("mmsi", rng.randint(200_000_000, 775_999_999)))
    elif kind == "entity":
        suffix = rng.choice(["LLC", "JSC", "LTD", "CO", "TRADING", "SHIPPING"])
        fields += [("name", _q(_name(rng, 2) + " " + suffix)), ("country", rng.choice(COUNTRIES))]
    else:
        fields += [("name", _q(_name(rng, 3))), ("nationality", rng.choice(COUNTRIES))]
        if rng.random() < 0.7:
            born = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 18_000))
            fields.append(("birth_date", born))
    lines = [f"{key}: {value}" for key, value in fields]
    if aliases:
        lines.append("aliases:")
        lines += [f"  - {_q(a)}" for a in aliases]
    return "\n        ".join(lines)


def _sources(rng: random.Random, count: int) -> list[tuple[str, dt.date]]:
    start = dt.date(2018, 1, 1)
    return [(f"bench-source-{i:03d}", start + dt.timedelta(days=rng.randint(0, 2_800)))
            for i in range(count)]


def _write_sources(out: Path, sources: list[tuple[str, dt.date]]) -> None:
    lines = ["kind: sources", "sources:"]
    for sid, published in sources:
        lines += [
            f"  - id: {sid}", "    publisher: Bench Gazette",
            f"    title: {_q('Notice ' + sid)}", f"    url: https://example.org/{sid}",
            f"    published: {published}", f"    file: {sid}.txt",
            f"    sha256: {_q('0' * 64)}",
        ]
    (out / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _action(rng: random.Random, number: int, size: int,
            sources: list[tuple[str, dt.date]]) -> str:
    kinds = rng.choices(["vessel", "entity", "individual"], weights=[2, 4, 4], k=size)
    counts = {k: kinds.count(k) for k in ("vessel", "entity", "individual")}
    source, published = rng.choice(sources)
    announced = published - dt.timedelta(days=rng.randint(0, 3))
    authority = rng.choice(AUTHORITIES)
    quote = (f"designated {counts['vessel']} vessels, {counts['entity']} entities and "
             f"{counts['individual']} individuals")
    lines = [
        f"  - id: {authority.lower()}-{announced}-{number:06d}",
        f"    authority: {authority}",
        f"    announced: {announced}",
        f"    programme: {_q(rng.choice(['RUSSIA-EO14024', 'DPRK4', 'IRAN', 'CYBER2']))}",
        f"    target_countries: [{rng.choice(COUNTRIES)}]",
        (f"    stated_counts: {{vessels: {counts['vessel']}, entities: {counts['entity']}, "
        f"individuals: {counts['individual']}}}"),
        "    itemized: complete",
        "    subjects:",
        *(f"      - {_subject(rng, k)}" for k in kinds),
        "    evidence:",
        f"      - source: {source}",
        f"        quote: {_q(quote)}",
        (f"        states: {{vessels: {counts['vessel']}, entities: {counts['entity']}, "
        f"individuals: {counts['individual']}}}"),
    ]
    return "\n".join(lines)


def _write_export_controls(out: Path, rng: random.Random,
                           sources: list[tuple[str, dt.date]]) -> None:
    lines = ["kind: export-controls", "series:"]
    for s in range(5):
        lines += [f"  - id: bench-series-{s}", f"    authority: {AUTHORITIES[s]}",
                  f"    title: {_q(f'Bench export list {s}')}"]
    lines.append("measures:")
    for s in range(5):
        total = rng.randint(100, 2_000)
        for m in range(20):
            source, _ = sources[(s * 20 + m) % len(sources)]
            added = rng.randint(1, 400)
            figures = {"total_before": total, "items_added": added, "total_after": total + added}
            hidden = rng.choice(["none", "total_before", "total_after"])
            if m and hidden != "none":
                del figures[hidden]
            # Grouped by thousands, as news writes them: an ungrouped 1999 reads as a year.
            quote = " ".join(f"{k.replace('_', ' ')} {v:,}" for k, v in figures.items())
            lines += [
                f"  - id: bench-series-{s}-{m:03d}", f"    series: bench-series-{s}",
                f"    authority: {AUTHORITIES[s]}",
                f"    announced: {dt.date(2015, 1, 1) + dt.timedelta(days=30 * m)}",
                *(f"    {k}: {v}" for k, v in figures.items()),
                "    evidence:", f"      - source: {source}", f"        quote: {_q(quote)}",
                f"        states: {{{', '.join(f'{k}: {v}' for k, v in figures.items())}}}",
            ]
            total += added
    (out / "export-controls.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def generate(n: int, out: Path, seed: int = 2024) -> None:
    """Write N designated subjects (and the rest of a dataset) into the folder ``out``."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.yaml"):
        old.unlink()
    sources = _sources(rng, 40)
    _write_sources(out, sources)
    _write_export_controls(out, rng, sources)
    written, number, file_number = 0, 0, 0
    while written < n:
        blocks, in_file = [], 0
        while in_file < SUBJECTS_PER_FILE and written < n:
            size = min(rng.randint(5, 200), n - written)
            blocks.append(_action(rng, number, size, sources))
            number += 1
            in_file += size
            written += size
        text = "kind: designations\nactions:\n" + "\n".join(blocks) + "\n"
        (out / f"designations-{file_number:04d}.yaml").write_text(text, encoding="utf-8")
        file_number += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of designated subjects")
    parser.add_argument("out", type=Path, help="folder to write (its YAML files are replaced)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    generate(args.n, args.out, args.seed)


if __name__ == "__main__":
    main()
