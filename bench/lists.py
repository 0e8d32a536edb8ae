"""Measure reading official lists against the bare stdlib floor, and diff against reading.

    python bench/lists.py [--runs 3] [--scale 100000 1000000] [--reference DIR]

Every measurement runs in a fresh process (cold: no cache in memory, countrynames' data loaded
only if a list names a country the precomputed table does not know, as a user's first command
would), and reports the median and the best of several runs of the time the child spends on
the work itself (after its imports, which are reported apart) and the child's peak resident
memory (os.wait4). The floor is csv.reader / ElementTree / json over the same files, with no
interpretation. The files are read once before timing, so both the floor and the readers find
them in the page cache, and floor and reader runs alternate, so that a machine busy with other
work slows both alike; the ratio is of the medians (of the bests in parentheses).

Targets (issue 11, section 6): reading all reference lists <= 3x the floor, peak memory <= 10x
the input; `lists diff` of the two SDN snapshots <= 1.5x reading both; time per entry at the
largest --scale within 1.25x of the smallest (a generated SDN-format list, seeded, diffed
against a perturbed copy).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REFERENCE = REPO.parent / "shared" / "reference-lists"

FLOOR = """
import csv, json, sys, time, xml.etree.ElementTree as ET
files = sys.argv[1:]
start, cpu = time.perf_counter(), time.process_time()
rows = 0
for name in files:
    if name.endswith(".xml"):
        rows += len(ET.parse(name).getroot())
    elif name.endswith(".json"):
        with open(name, encoding="utf-8") as fh:
            text = fh.read()
        if text.lstrip().startswith('{"versions"'):
            json.loads(text)
        else:
            rows += sum(1 for line in text.splitlines() if line.strip() and json.loads(line))
    else:
        with open(name, encoding="utf-8", newline="") as fh:
            rows += sum(1 for _ in csv.reader(fh))
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "rows": rows}))
"""

OURS = """
import json, sys, time
start = time.perf_counter()
from sanctions_tracker.lists import read
imported, cpu = time.perf_counter(), time.process_time()
entries = 0
for name in sys.argv[1:]:
    entries += read(name).read
cold, cpu = time.perf_counter(), time.process_time() - cpu
for name in sys.argv[1:]:
    read(name)
warm = time.perf_counter() - cold
print(json.dumps({"seconds": cold - imported, "cpu": cpu, "warm": warm,
                  "imports": imported - start, "entries": entries}))
"""

# countrynames loads its table on first use: what that costs alone, in a fresh process.
COUNTRYNAMES = """
import json, time
start = time.perf_counter()
import countrynames
countrynames.to_code("Russia")
loaded = time.perf_counter()
for i in range(200):
    countrynames.to_code(f"Nowhere {i}")
print(json.dumps({"load": loaded - start, "lookup": (time.perf_counter() - loaded) / 200}))
"""

DIFF = """
import json, sys, time
from sanctions_tracker.lists import diff, read
start = time.perf_counter()
old, new = read(sys.argv[1]), read(sys.argv[2])
read_both = time.perf_counter()
result = diff(old, new)
done = time.perf_counter()
print(json.dumps({"read": read_both - start, "diff": done - read_both,
                  "added": len(result.added), "removed": len(result.removed),
                  "changed": len(result.changed), "entries": new.read}))
"""


def child(code: str, args: list[str]) -> tuple[dict[str, float], int]:
    """Run code in a fresh interpreter; its JSON line and its peak RSS in bytes."""
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            cwd=REPO, env={**os.environ, "PYTHONHASHSEED": "0"})
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status:
        raise SystemExit(f"child failed with status {status}")
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return json.loads(out), usage.ru_maxrss * scale


def median_run(code: str, args: list[str], runs: int) -> tuple[dict[str, float], int]:
    results = [child(code, args) for _ in range(runs)]
    return _median(results)


def _median(results: list[tuple[dict[str, float], int]]) -> tuple[dict[str, float], int]:
    keys = results[0][0].keys()
    middle = {k: statistics.median(r[0][k] for r in results) for k in keys}
    return middle, max(r[1] for r in results)


def alternating(first: tuple[str, list[str]], second: tuple[str, list[str]],
                runs: int) -> list[tuple[tuple[dict[str, float], int], float]]:
    """Run two children in turn ``runs`` times: for each, its median run and its best seconds."""
    results: tuple[list[tuple[dict[str, float], int]], ...] = ([], [])
    for _ in range(runs):
        for (code, args), found in zip((first, second), results, strict=True):
            found.append(child(code, args))
    return [(_median(found), min(r[0]["seconds"] for r in found)) for found in results]


def _cpu_ratio(ours: dict[str, float], floor: dict[str, float]) -> float:
    """The ratio of the CPU times (user and system): what other work on the machine moves least."""
    return ours["cpu"] / floor["cpu"]


def list_files(reference: Path) -> list[str]:
    """Every list file: primaries and OFAC companions (the floor reads them all too)."""
    return sorted(str(p) for p in reference.rglob("*") if p.is_file() and p.suffix != ".md")


def primaries(files: list[str]) -> list[str]:
    sys.path.insert(0, str(REPO))
    from sanctions_tracker.lists.detect import detect  # noqa: PLC0415

    return [f for f in files if not detect(Path(f)).startswith("ofac-")]


PROGRAMS = ["RUSSIA-EO14024", "IRAN", "SDGT", "DPRK4", "UKRAINE-EO13662", "GLOMAG", "CYBER2"]
COUNTRIES = ["Russia", "Iran", "Syria", "China", "Turkey", "United Arab Emirates", "Belarus"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _ship_imo(rng: random.Random) -> str:
    digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(5)]
    check = sum(d * w for d, w in zip(digits, (7, 6, 5, 4, 3, 2), strict=True)) % 10
    return "".join(map(str, digits)) + str(check)


def _row(rng: random.Random, ent_num: int) -> str:
    kind = rng.choices(["-0- ", '"individual"', '"vessel"'], weights=[60, 34, 6])[0]
    program = "] [".join(rng.sample(PROGRAMS, rng.choice((1, 1, 2))))
    name = f"NAME {ent_num:07d} {rng.choice(['LLC', 'JSC', 'LTD', 'CO'])}"
    remarks = [f"Linked To: OWNER {rng.randint(1, 99999)}"]
    if kind == '"individual"':
        remarks = [f"DOB {rng.randint(1, 28):02d} {rng.choice(MONTHS)} {rng.randint(1940, 2000)}",
                   f"nationality {rng.choice(COUNTRIES)}", f"Passport {rng.randint(10**6, 10**9)}",
                   f"a.k.a. 'ALIAS {ent_num}'", "Gender Male", *remarks]
    elif kind == '"vessel"':
        remarks = [f"Vessel Registration Identification IMO {_ship_imo(rng)}",
                   f"MMSI {rng.randint(10**8, 10**9)}", *remarks]
    else:
        remarks = [f"Tax ID No. {rng.randint(10**9, 10**10)} (Russia)",
                   (f"Organization Established Date {rng.randint(1, 28)} "
                    f"{rng.choice(MONTHS)} {rng.randint(1990, 2023)}"), *remarks]
    text = "; ".join(remarks) + "."
    return (f'{ent_num},"{name}",{kind},"{program}",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
            f'"{text}"')


def generate(path: Path, count: int, seed: int, *, perturb: bool) -> None:
    """An SDN-format file of ``count`` entries; ``perturb`` drops, changes and adds 1% each."""
    rng = random.Random(seed)  # the same entries for the same seed, perturbed or not
    noise = random.Random(seed + 1)
    with path.open("w", encoding="utf-8", newline="") as fh:
        for ent_num in range(1, count + 1):
            row = _row(rng, ent_num)
            if perturb:
                roll = noise.random()
                if roll < 0.01:  # removed
                    continue
                if roll < 0.02:  # changed
                    row = row.replace("Linked To: OWNER", "Linked To: NEW OWNER")
            fh.write(row + "\r\n")
        if perturb:
            for extra in range(count // 100):
                fh.write(_row(rng, count + 1 + extra) + "\r\n")
        fh.write("\x1a")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reference", type=Path, default=REFERENCE)
    parser.add_argument("--scale", type=int, nargs="*", default=[100_000, 1_000_000])
    args = parser.parse_args()
    report: dict[str, object] = {}

    files = list_files(args.reference)
    size = sum(Path(f).stat().st_size for f in files)
    for name in files:  # the page cache holds every file before either side is timed
        Path(name).read_bytes()
    ((floor, floor_rss), floor_best), ((ours, ours_rss), ours_best) = alternating(
        (FLOOR, files), (OURS, primaries(files)), args.runs)
    ratio = ours["seconds"] / floor["seconds"]
    best_ratio = ours_best / floor_best
    names, _ = median_run(COUNTRYNAMES, [], args.runs)
    report["reference"] = {
        "files": len(files), "bytes": size, "floor_s": round(floor["seconds"], 3),
        "ours_s": round(ours["seconds"], 3), "ratio": round(ratio, 2),
        "floor_best_s": round(floor_best, 3), "ours_best_s": round(ours_best, 3),
        "best_ratio": round(best_ratio, 2), "cpu_ratio": round(_cpu_ratio(ours, floor), 2),
        "imports_s": round(ours["imports"], 3), "entries": int(ours["entries"]),
        "peak_rss_mb": round(ours_rss / 2**20, 1), "floor_peak_rss_mb": round(floor_rss / 2**20, 1),
        "rss_over_input": round(ours_rss / size, 1),
        "warm_s": round(ours["warm"], 3), "warm_ratio": round(ours["warm"] / floor["seconds"], 2),
        "countrynames_load_s": round(names["load"], 3),
        "countrynames_lookup_ms": round(names["lookup"] * 1000, 3),
    }
    print(f"read {len(files)} files ({size:,} B): floor {floor['seconds']:.3f} s, ours "
          f"{ours['seconds']:.3f} s = {ratio:.2f}x (best {floor_best:.3f} s, {ours_best:.3f} s ="
          f" {best_ratio:.2f}x; CPU time {_cpu_ratio(ours, floor):.2f}x) (target <= 3x); imports "
          f"{ours['imports']:.3f} s; peak RSS {ours_rss / 2**20:.0f} MB = "
          f"{ours_rss / size:.1f}x the input (target <= 10x)")
    print(f"  the same files again in the same process: {ours['warm']:.3f} s = "
          f"{ours['warm'] / floor['seconds']:.2f}x; countrynames alone: {names['load']:.3f} s to "
          f"load, {names['lookup'] * 1000:.2f} ms per new spelling")

    sdn = [str(args.reference / "ofac_sdn_2024-04-26.csv"),
           str(args.reference / "ofac_sdn_2024-05-03.csv")]
    pair, _ = median_run(DIFF, sdn, args.runs)
    report["sdn_diff"] = {k: round(v, 3) for k, v in pair.items()}
    print(f"diff of the SDN snapshots: {int(pair['added'])} added, {int(pair['removed'])} "
          f"removed, {int(pair['changed'])} changed; read both {pair['read']:.3f} s, diff "
          f"{pair['diff']:.3f} s = {pair['diff'] / pair['read']:.2f}x reading (target <= 1.5x)")

    per_entry: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.scale:
            old, new = Path(tmp) / f"old_{count}.csv", Path(tmp) / f"new_{count}.csv"
            generate(old, count, seed=11, perturb=False)
            generate(new, count, seed=11, perturb=True)
            # a run at 1,000,000 takes 20 s and moves by 10% from one to the next: median of 3
            runs = min(args.runs, 3) if count > 10**5 else args.runs
            result, rss = median_run(DIFF, [str(old), str(new)], runs)
            total = result["read"] + result["diff"]
            per_entry[count] = total / count
            report[f"scale_{count}"] = {**{k: round(v, 3) for k, v in result.items()},
                                        "peak_rss_mb": round(rss / 2**20)}
            print(f"scale {count:,}: read both {result['read']:.2f} s, diff {result['diff']:.2f}"
                  f" s, {per_entry[count] * 1e6:.2f} us per entry, {int(result['added']):,} "
                  f"added, {int(result['removed']):,} removed, {int(result['changed']):,} "
                  f"changed, peak RSS {rss / 2**20:.0f} MB")
    if len(per_entry) > 1:
        small, large = min(per_entry), max(per_entry)
        growth = per_entry[large] / per_entry[small]
        report["scale_growth"] = round(growth, 2)
        print(f"time per entry at {large:,} / at {small:,} = {growth:.2f} (target <= 1.25)")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
