"""Dates of records and facts of subjects, as general rules (checks/dates.py, agreement.py,
subject_facts.py): property tests over generated data files."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import TYPE_CHECKING

from hypothesis import given, settings
from hypothesis import strategies as st

import sanctions_tracker
from sanctions_tracker.checks.list_entries import fold_name

if TYPE_CHECKING:
    from pathlib import Path

SOURCES = textwrap.dedent("""\
    kind: sources
    sources:
    """) + "".join(
    f"  - {{id: wire-{i}, publisher: Wire {i}, title: Report {i}, url: https://example.org/{i},"
    f" published: 2025-01-01}}\n" for i in range(4))


def _check(folder: Path, text: str) -> list[sanctions_tracker.Finding]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "data.yaml").write_text(text, encoding="utf-8")
    return list(sanctions_tracker.check(sanctions_tracker.load([folder])).findings)


def _measure(announced: dt.date, extra: str, evidence: str) -> str:
    return textwrap.dedent(f"""\
        kind: export-controls
        series:
          - {{id: s, authority: KR, title: A list}}
        measures:
          - id: m
            series: s
            authority: KR
            announced: {announced}
        """) + extra + "    items_added: 1\n    evidence:\n" + evidence


days = st.integers(min_value=0, max_value=400)
START = dt.date(2024, 1, 1)


@settings(max_examples=25, deadline=None)
@given(effective_after=days, expected_after=days)
def test_an_expectation_is_compared_with_the_day_in_force(
        tmp_path_factory: object, effective_after: int, expected_after: int) -> None:
    folder = tmp_path_factory.mktemp("m")  # type: ignore[attr-defined]
    effective = START + dt.timedelta(effective_after)
    expected = START + dt.timedelta(expected_after)
    dates = f"    effective: {effective}\n    expected: {expected}\n"
    found = _check(folder, _measure(
        START, dates, f"      - {{source: wire-0, states: {{items_added: 1, effective: {effective},"
                      f" expected: {expected}}}}}\n"))
    (finding,) = [f for f in found if f.code == "expected-vs-effective"]
    late = effective_after - expected_after
    if late == 0:
        assert finding.message.endswith("on the day expected")
    else:
        word = "later" if late > 0 else "earlier"
        unit = "day" if abs(late) == 1 else "days"
        assert finding.message.endswith(f"{abs(late)} {unit} {word} than expected")
    assert [f.code for f in found if f.severity.value == "error"] == []


@settings(max_examples=25, deadline=None)
@given(stated=st.lists(days, min_size=1, max_size=4), recorded=days, disputed=st.booleans())
def test_a_recorded_date_must_be_one_its_evidence_states(
        tmp_path_factory: object, stated: list[int], recorded: int, disputed: bool) -> None:  # noqa: FBT001
    folder = tmp_path_factory.mktemp("m")  # type: ignore[attr-defined]
    evidence = "".join(
        f"      - {{source: wire-{i}, states: {{items_added: 1, effective: "
        f"{START + dt.timedelta(d)}}}}}\n" for i, d in enumerate(stated))
    extra = f"    effective: {START + dt.timedelta(recorded)}\n"
    if disputed:
        extra += "    disputed: [{figure: effective, note: Sources differ.}]\n"
    found = _check(folder, _measure(START, extra, evidence))
    codes = [f.code for f in found]
    assert ("date-unsupported" in codes) == (recorded not in stated)
    disagreeing = sum(1 for d in stated[1:] if d != stated[0])
    assert codes.count("disputed-figure" if disputed else "sources-disagree") == disagreeing
    if disputed and disagreeing == 0:
        assert "dispute-without-disagreement" in codes


def _one_ship(subject_fields: str) -> str:
    """A designation of one vessel; ``subject_fields`` continue its subject (8 spaces in)."""
    return textwrap.dedent("""\
        kind: designations
        actions:
          - id: a
            authority: KR
            announced: 2024-06-27
            stated_counts: {vessels: 1}
            itemized: complete
            evidence: [{source: wire-0, states: {vessels: 1}}]
            subjects:
              - type: vessel
        """) + "        " + subject_fields


names = st.sampled_from(["PATRIOT", "patriot", "Patriot ", "PATRIOTA", "NEPTUN"])


@settings(max_examples=25, deadline=None)
@given(stated=st.lists(names, min_size=1, max_size=4), disputed=st.booleans())
def test_what_sources_call_a_subject_must_agree_and_be_its_name(
        tmp_path_factory: object, stated: list[str], disputed: bool) -> None:  # noqa: FBT001
    folder = tmp_path_factory.mktemp("a")  # type: ignore[attr-defined]
    evidence = "".join(f"          - {{source: wire-{i}, states: {{name: '{n}'}}}}\n"
                       for i, n in enumerate(stated))
    text = _one_ship("name: PATRIOT\n") + (
        "        disputed: [{figure: name, note: Spellings differ.}]\n" if disputed
        else "") + "        evidence:\n" + evidence
    codes = [f.code for f in _check(folder, text)]

    def same(a: str, b: str) -> bool:
        return a.casefold().split() == b.casefold().split()

    disagreeing = sum(1 for n in stated[1:] if not same(n, stated[0]))
    assert codes.count("disputed-figure" if disputed else "sources-disagree") == disagreeing
    not_the_name = sum(1 for n in stated if fold_name(n) != fold_name("PATRIOT"))
    # A name no source gives is refused even when disputed: a dispute keeps the sources'
    # names, it does not let the subject take another.
    unsupported_own = 0 if any(fold_name(n) == fold_name("PATRIOT") for n in stated) else 1
    assert codes.count("subject-fact-unsupported") == (
        (0 if disputed else not_the_name) + unsupported_own)


@given(st.lists(st.text(alphabet="abcXYZ", min_size=1, max_size=6), min_size=1, max_size=4),
       st.sampled_from([" ", ", ", " - ", ". "]), st.randoms())
def test_a_name_is_its_words_in_any_order(words: list[str], separator: str,
                                          random: object) -> None:
    shuffled = list(words)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert fold_name(" ".join(words)) == fold_name(separator.join(shuffled).upper())


def test_two_names_the_subject_records_agree_across_scripts(tmp_path: Path) -> None:
    def codes(aliases: str) -> list[str]:
        text = textwrap.dedent(f"""\
            kind: designations
            actions:
              - id: a
                authority: KR
                announced: 2024-06-27
                stated_counts: {{entities: 1}}
                itemized: complete
                evidence: [{{source: wire-0, states: {{entities: 1}}}}]
                subjects:
                  - type: entity
                    name: Missile General Bureau
                    aliases: {aliases}
                    evidence:
                      - {{source: wire-0, states: {{name: 미사일총국}}}}
                      - {{source: wire-1, states: {{name: Missile General Bureau}}}}
            """)
        return [f.code for f in _check(tmp_path / (aliases.strip("[]") or "none"), text)]

    assert "sources-disagree" not in codes("[미사일총국]")
    assert {"sources-disagree", "subject-fact-unsupported"} <= set(codes("[]"))


def _chain(first_extra: str = "", second_extra: str = "") -> str:
    """Two measures that break by 15 items: 100 + 10 = 110, then 95 + 5 = 100."""
    head = ("kind: export-controls\n"
            "series:\n  - {id: s, authority: KR, title: A list}\n"
            "measures:\n")

    def measure(name: str, day: str, figures: tuple[int, int, int], source: str,
                extra: str) -> str:
        before, added, after = figures
        return (f"  - id: {name}\n    series: s\n    authority: KR\n    announced: {day}\n"
                f"    total_before: {before}\n    items_added: {added}\n"
                f"    total_after: {after}\n{extra}"
                f"    evidence: [{{source: {source}, states: {{total_before: {before}, "
                f"items_added: {added}, total_after: {after}}}}}]\n")

    return (head + measure("m-a", "2024-01-01", (100, 10, 110), "wire-0", first_extra)
            + measure("m-b", "2024-02-01", (95, 5, 100), "wire-1", second_extra))


def test_an_effective_date_no_source_gives_cannot_reorder_a_chain(tmp_path: Path) -> None:
    # Dated 2024-03-01 in force, m-a would come after m-b and the break would vanish.
    codes = [f.code for f in _check(tmp_path, _chain("    effective: 2024-03-01\n"))]
    assert "date-unsupported" in codes


def test_only_a_dispute_on_a_figure_the_break_goes_through_accepts_it(tmp_path: Path) -> None:
    def codes(dispute: str, name: str) -> list[str]:
        note = f"    disputed: [{{figure: {dispute}, note: Sources differ.}}]\n"
        text = _chain(second_extra=note)
        return [f.code for f in _check(tmp_path / name, text)]

    assert "disputed-total" in codes("total_before", "before")  # the break is at total_before
    for dispute in ("items_removed", "items_added"):  # not given / not where the chain breaks
        found = codes(dispute, dispute)
        assert "chain-break" in found
        assert "disputed-total" not in found
        assert "dispute-without-disagreement" in found


def test_a_disputed_subject_field_takes_only_a_value_a_source_gives(tmp_path: Path) -> None:
    text = _one_ship(textwrap.dedent("""\
        name: TOTALLY WRONG
                imo_number: 9003550
                disputed: [{figure: name, note: a}, {figure: imo_number, note: b}]
                evidence:
                  - {source: wire-0, states: {name: MAIA-1, imo_number: 9358010}}
                  - {source: wire-1, states: {name: MAIA 1, imo_number: 9358010}}
        """))
    found = [(f.code, f.location.path) for f in _check(tmp_path, text)
             if f.code == "subject-fact-unsupported"]
    assert found == [("subject-fact-unsupported", "$.actions[0].subjects[0].name"),
                     ("subject-fact-unsupported", "$.actions[0].subjects[0].imo_number")]


def test_an_alias_needs_evidence_and_cannot_silence_a_spelling_dispute(tmp_path: Path) -> None:
    text = _one_ship(textwrap.dedent("""\
        name: Sin Kum Chol
                aliases: [Sin Hong Chol, Kim Jong Un]
                evidence:
                  - {source: wire-0, states: {name: Sin Kum Chol}}
                  - {source: wire-1, states: {name: Sin Hong Chol}}
        """))
    found = sorted((f.code, f.location.path) for f in _check(tmp_path, text)
                   if f.code in ("sources-disagree", "subject-fact-unevidenced"))
    assert found == [
        ("sources-disagree", "$.actions[0].subjects[0].evidence[1].states.name"),
        ("subject-fact-unevidenced", "$.actions[0].subjects[0].aliases[1]"),
    ]


def test_an_announcement_date_that_orders_a_chain_must_be_evidenced(tmp_path: Path) -> None:
    # Without an effective date, `announced` places a measure in its chain: a date nobody gives
    # could move m-b before m-a and hide the break.
    found = [(f.code, f.location.path) for f in _check(tmp_path / "bare", _chain())
             if f.code == "date-unsupported"]
    assert found == [("date-unsupported", "$.measures[0].announced"),
                     ("date-unsupported", "$.measures[1].announced")]
    explained = _chain("    date_derivation: The notice's own date.\n",
                       "    date_derivation: The notice's own date.\n")
    assert "date-unsupported" not in [f.code for f in _check(tmp_path / "ok", explained)]
