"""Format detection by content, and the errors of a file that cannot be read."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from sanctions_tracker.errors import InputError, UsageError
from sanctions_tracker.lists import detect as detect_module
from sanctions_tracker.lists import read
from sanctions_tracker.lists.detect import detect
from sanctions_tracker.lists.files import list_files

from .conftest import LISTS

if TYPE_CHECKING:
    from pathlib import Path
    from typing import BinaryIO


@pytest.mark.parametrize(("name", "kind"), [
    ("ofac_set/sdn.csv", "ofac"),
    ("ofac_set/add.csv", "ofac-add"),
    ("ofac_set/alt.csv", "ofac-alt"),
    ("ofac_set/sdn_comments.csv", "ofac-comments"),
    ("un_consolidated.xml", "un"),
    ("eu_32014R0833.csv", "eu"),
    ("uk_conlist.csv", "uk"),
    ("ftm_entities.json", "ftm"),
    ("20240528014702-abc.entities.delta.json", "ftm"),
    ("delta.json", "ftm-index"),
])
def test_each_format_is_told_by_its_content(name: str, kind: str) -> None:
    assert detect(LISTS / name) == kind


@pytest.mark.parametrize("name", ["ofac_set/sdn.csv", "eu_32014R0833.csv", "uk_conlist.csv",
                                  "ftm_entities.json"])
@pytest.mark.parametrize("ending", ["\r", "\n"])
def test_a_list_saved_with_other_line_ends_reads_the_same(tmp_path: Path, name: str,
                                                           ending: str) -> None:
    """A CR-only (old Mac) or LF-only copy is the same list: detected and read alike.

    Every file of the folder is copied (an OFAC set is read with its companions); line breaks
    inside quoted fields change with the rest, so notes are not compared.
    """
    original = LISTS / name
    for source in original.parent.iterdir():
        if source.is_file():
            text = source.read_bytes().decode("utf-8").replace("\r\n", "\n")
            (tmp_path / source.name).write_bytes(text.replace("\n", ending).encode("utf-8"))
    copy = tmp_path / original.name
    assert detect(copy) == detect(original)

    def facts(path: Path) -> list[tuple[object, ...]]:
        return [(e.id, e.names, e.identifiers, e.birth_dates, e.addresses, e.line)
                for e in read(path).entries]

    assert facts(copy) == facts(original)


def test_the_content_decides_not_the_name(tmp_path: Path) -> None:
    disguised = tmp_path / "list.xml"
    disguised.write_bytes((LISTS / "uk_conlist.csv").read_bytes())
    assert read(disguised).authority == "GB-OFSI"


def test_an_unknown_format_names_the_file_and_the_fix() -> None:
    with pytest.raises(InputError, match=r"not_a_list\.txt: not a list format .* `--list-format`"):
        read(LISTS / "not_a_list.txt")


def test_a_companion_read_alone_points_to_its_primary() -> None:
    with pytest.raises(InputError, match=r"add\.csv: an OFAC companion file \(ADD\)"):
        read(LISTS / "ofac_set" / "add.csv")


def test_missing_file_and_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read(tmp_path / "absent.csv")
    with pytest.raises(UsageError, match="unknown format 'pdf'"):
        read(LISTS / "uk_conlist.csv", format="pdf")


def test_not_utf8_and_broken_xml(tmp_path: Path) -> None:
    latin = tmp_path / "sdn.csv"
    latin.write_bytes(b'1,"CAF\xc9",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    with pytest.raises(InputError, match=r"sdn\.csv: not UTF-8 text \(byte 6\)"):
        read(latin)
    broken = tmp_path / "un.xml"
    broken.write_text("<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>")
    with pytest.raises(InputError, match=r"un\.xml:1: not well-formed XML"):
        read(broken)


def test_forcing_a_format_on_the_wrong_content_reads_nothing_and_says_so() -> None:
    snapshot = read(LISTS / "uk_conlist.csv", format="eu")
    assert snapshot.entries == ()
    assert [(f.code, f.location.line) for f in snapshot.findings] == [
        ("list-no-snapshot-date", None), ("list-malformed-row", 1)]


# What a hostile review found detection and the readers disagreeing on, one test a case.

_OFAC_ROW = '{},"{}",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


def test_a_first_record_longer_than_the_head_is_still_an_ofac_primary(tmp_path: Path) -> None:
    """Detection reads 64 KiB; a 70,000-character name must not make the row look short."""
    folder = tmp_path / "lists"
    folder.mkdir()
    sdn = folder / "sdn.csv"
    sdn.write_text(_OFAC_ROW.format(36, "N" * 70_000) + _OFAC_ROW.format(37, "B"),
                   encoding="utf-8", newline="")
    assert detect(sdn) == "ofac"
    assert list_files([folder]) == [sdn]  # not dropped from a folder as a companion


def test_a_quoted_ent_num_is_an_ofac_row(tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    sdn.write_text(_OFAC_ROW.replace("{},", '"{}",', 1).format(102, "PATRIOT"),
                   encoding="utf-8", newline="")
    assert detect(sdn) == "ofac"
    assert [entry.id for entry in read(sdn).entries] == ["102"]


def test_a_quote_left_open_in_the_first_row_is_a_damaged_row_not_another_format(
        tmp_path: Path) -> None:
    """The first record then runs on; the first line's twelve columns still say OFAC."""
    sdn = tmp_path / "sdn.csv"
    first = _OFAC_ROW.format(36, "A").replace("-0- \r\n", '"Havana, Cuba.\r\n')
    sdn.write_text(first + _OFAC_ROW.format(37, "C") + _OFAC_ROW.format(38, "D"),
                   encoding="utf-8", newline="")
    assert detect(sdn) == "ofac"
    snapshot = read(sdn)
    assert snapshot.skipped == 1
    assert [entry.id for entry in snapshot.entries] == ["38"]


def test_an_ftm_line_longer_than_the_head_is_ftm(tmp_path: Path) -> None:
    entity = {"id": "x1", "schema": "Person", "properties": {"name": ["X"],
                                                             "notes": ["n" * 70_000]}}
    path = tmp_path / "big.ftm.json"
    path.write_text(json.dumps(entity) + "\n", encoding="utf-8")
    assert detect(path) == "ftm"
    assert [entry.id for entry in read(path).entries] == ["x1"]


def test_json_lines_split_at_line_breaks_only(tmp_path: Path) -> None:
    """JSON strings may hold U+2028 and U+0085 as they are (json.dumps(ensure_ascii=False))."""
    path = tmp_path / "u.ftm.json"
    lines = [json.dumps({"id": f"p{n}", "schema": "Person",
                         "properties": {"name": [f"A\u2028B\x85C {n}"]}}, ensure_ascii=False)
             for n in (1, 2)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    snapshot = read(path)
    assert (snapshot.read, snapshot.skipped) == (2, 0)


def test_an_integer_beyond_json_limits_is_bad_input_not_a_crash(tmp_path: Path) -> None:
    """json raises a plain ValueError for integers of more than 4,300 digits."""
    first = tmp_path / "first.ftm.json"
    first.write_text('{"id": "x", "schema": "Person", "n": ' + "9" * 5000 + "}\n",
                     encoding="utf-8")
    with pytest.raises(InputError, match=r"first\.ftm\.json: JSON, but neither"):
        read(first)
    later = tmp_path / "later.ftm.json"
    later.write_text('{"id": "p1", "schema": "Person", "properties": {"name": ["A"]}}\n'
                     '{"id": "p2", "n": ' + "9" * 5000 + "}\n", encoding="utf-8")
    snapshot = read(later)
    assert (snapshot.read, snapshot.skipped) == (1, 1)
    assert "4300" in snapshot.findings[-1].message


def test_a_folder_passes_over_what_detection_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "deep.json").write_text('{"id":' + "[" * 100_000 + "\n", encoding="utf-8")
    (tmp_path / "data.csv").write_text('7,"stray remarks"\r\n', encoding="utf-8")
    notes: list[str] = []
    assert list_files([tmp_path], passed_over=lambda exc: notes.append(str(exc))) == []
    assert any("deep.json: nested too deeply" in note for note in notes)
    assert any("data.csv: an OFAC companion file (COMMENTS) that no OFAC primary" in note
               for note in notes)


def test_companions_beside_their_primary_pass_without_a_note() -> None:
    notes: list[str] = []
    found = list_files([LISTS / "ofac_set"], passed_over=lambda exc: notes.append(str(exc)))
    assert found == [LISTS / "ofac_set" / "sdn.csv"]
    assert notes == []


@pytest.mark.parametrize(("name", "lead"), [("eu_32014R0833.csv", "\r\n"),
                                            ("eu_32014R0833.csv", "  "),
                                            ("uk_conlist.csv", "\r\n \r\n")])
def test_blank_lines_detection_looks_past_the_reader_does_too(tmp_path: Path, name: str,
                                                              lead: str) -> None:
    copy = tmp_path / name
    copy.write_bytes(lead.encode() + (LISTS / name).read_bytes())
    assert detect(copy) == detect(LISTS / name)
    assert [e.id for e in read(copy).entries] == [e.id for e in read(LISTS / name).entries]


def test_an_empty_file_is_named_as_empty(tmp_path: Path) -> None:
    empty = tmp_path / "sdn.csv"
    empty.write_bytes(b"\r\n  \r\n")
    with pytest.raises(InputError, match=r"sdn\.csv: the file is empty"):
        detect(empty)


# The second hostile review: what the fixes above broke or left.

def test_a_delta_index_whose_versions_is_no_object_is_bad_input(tmp_path: Path) -> None:
    for value in ("null", "5", '"abc"'):
        index = tmp_path / "index.json"
        index.write_text('{"versions": ' + value + "}\n", encoding="utf-8")
        with pytest.raises(InputError, match=r"index\.json: JSON, but neither FtM entity"):
            read(index)


def test_json_with_versions_of_another_kind_is_passed_over_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "meta.json").write_text('{"name": "tool", "versions": ["1.0", "1.1"]}\n',
                                        encoding="utf-8")
    (tmp_path / "entities.ftm.json").write_bytes((LISTS / "ftm_entities.json").read_bytes())
    notes: list[str] = []
    found = list_files([tmp_path], passed_over=lambda exc: notes.append(str(exc)))
    assert found == [tmp_path / "entities.ftm.json"]
    assert len(notes) == 1
    assert "meta.json: JSON, but neither" in notes[0]


def test_deep_nesting_on_one_ftm_line_skips_that_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.ftm.json"
    good = '{"id": "p%d", "schema": "Person", "properties": {"name": ["A"]}}\n'
    path.write_text(good % 1 + good % 2 + '{"id": ' + "[" * 100_000 + "\n",
                    encoding="utf-8")
    snapshot = read(path)
    assert (snapshot.read, snapshot.skipped) == (2, 1)
    assert [(f.location.line, f.message) for f in snapshot.findings if f.code ==
            "list-malformed-row"] == [(3, "nested too deeply to be an entity: line skipped")]


def test_the_uk_header_is_located_after_the_preamble(tmp_path: Path) -> None:
    preamble_only = tmp_path / "uk.csv"
    preamble_only.write_text("Last Updated,10/04/2025\r\n", encoding="utf-8")
    assert [f.location.line for f in read(preamble_only).findings
            if f.code == "list-malformed-row"] == [2]
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    assert [f.location.line for f in read(empty, format="uk").findings
            if f.code == "list-malformed-row"] == [1]


def test_a_blank_line_between_the_uk_preamble_and_header_is_looked_past(tmp_path: Path) -> None:
    original = (LISTS / "uk_conlist.csv").read_bytes()
    preamble, _, rest = original.partition(b"\r\n")
    copy = tmp_path / "uk.csv"
    copy.write_bytes(preamble + b"\r\n\r\n" + rest)
    assert [e.id for e in read(copy).entries] == [e.id for e in read(LISTS / "uk_conlist.csv")
                                                  .entries]


def test_an_eu_header_with_spaced_cells_is_an_eu_table(tmp_path: Path) -> None:
    original = (LISTS / "eu_32014R0833.csv").read_bytes()
    header, _, rest = original.partition(b"\n")
    copy = tmp_path / "eu.csv"
    copy.write_bytes(header.replace(b",", b" , ") + b"\n" + rest)
    assert detect(copy) == "eu"
    assert len(read(copy).entries) == len(read(LISTS / "eu_32014R0833.csv").entries)


def test_an_open_quote_in_a_middle_field_of_the_first_row_is_a_damaged_ofac_row(
        tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    sdn.write_text(_OFAC_ROW.format(36, "A").replace('"A"', '"A', 1)
                   + _OFAC_ROW.format(37, "B") + _OFAC_ROW.format(38, "C"),
                   encoding="utf-8", newline="")
    assert detect(sdn) == "ofac"
    assert read(sdn).skipped >= 1


def test_blank_and_space_only_rows_of_an_ofac_file_pass_quietly(tmp_path: Path) -> None:
    sdn = tmp_path / "sdn.csv"
    sdn.write_text("   \r\n\u00a0\r\n\r\n" + _OFAC_ROW.format(36, "A"), encoding="utf-8",
                   newline="")
    snapshot = read(sdn)
    assert [e.id for e in snapshot.entries] == ["36"]
    assert not [f for f in snapshot.findings if f.code == "list-malformed-row"]


def test_an_ent_num_is_decimal_digits_written_in_ascii(tmp_path: Path) -> None:
    superscript = tmp_path / "a" / "sdn.csv"
    superscript.parent.mkdir()
    superscript.write_text(_OFAC_ROW.format("\u00b2", "A"), encoding="utf-8", newline="")
    with pytest.raises(InputError, match="not a list format"):
        read(superscript)
    arabic = tmp_path / "b" / "sdn.csv"
    arabic.parent.mkdir()
    arabic.write_text(_OFAC_ROW.format("\u0661\u0660\u0668", "A"), encoding="utf-8",
                      newline="")
    (arabic.parent / "alt.csv").write_text('\u0661\u0660\u0668,1,"aka","OTHER NAME",-0- \r\n',
                                           encoding="utf-8", newline="")
    snapshot = read(arabic)
    assert [(e.id, [n.text for n in e.names]) for e in snapshot.entries] == [
        ("108", ["A", "OTHER NAME"])]


def test_companion_notes_follow_what_primaries_read(tmp_path: Path) -> None:
    """An empty alt.csv an OFAC sdn.csv reads gets no note; add.csv beside an EU table does."""
    ofac, eu = tmp_path / "ofac", tmp_path / "eu"
    ofac.mkdir()
    eu.mkdir()
    (ofac / "sdn.csv").write_text(_OFAC_ROW.format(36, "A"), encoding="utf-8", newline="")
    (ofac / "alt.csv").write_text("", encoding="utf-8")
    (eu / "sdn.csv").write_bytes((LISTS / "eu_32014R0833.csv").read_bytes())
    (eu / "add.csv").write_text('36,1,"Street","City","Cuba",-0- \r\n', encoding="utf-8",
                                newline="")
    notes: list[str] = []
    found = list_files([tmp_path], passed_over=lambda exc: notes.append(str(exc)))
    assert found == [eu / "sdn.csv", ofac / "sdn.csv"]
    assert len(notes) == 1
    assert "eu/add.csv: an OFAC companion file (ADD) that no OFAC primary" in notes[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_is_refused_by_detection_and_by_name_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "sdn.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        detect(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        list_files([fifo])


@pytest.mark.parametrize(("name", "content"), [
    ("numbers.csv", "12," * 1_400_000 + "\n"),
    ("other.json", '{"type": "FeatureCollection", "x": "' + "y" * 4_000_000 + '"}\n'),
    ("entity.json", '{"schema": "Person", "x": "' + "y" * 20_000_000 + '"}\n'),
])
def test_detection_reads_a_bounded_start_of_a_big_file(tmp_path: Path, monkeypatch:
                                                       pytest.MonkeyPatch, name: str,
                                                       content: str) -> None:
    """A first line of megabytes is read no further than 1 MiB past the head (16 MiB for a line
    that names an FtM schema), and JSON of another kind not past the head at all."""
    big = tmp_path / name
    big.write_text(content, encoding="utf-8")
    read_sizes: list[int] = []
    real = detect_module.open_regular  # type: ignore[attr-defined]

    def counting(path: Path) -> BinaryIO:
        handle = real(path)
        original = handle.read

        def read_counted(size: int = -1) -> bytes:
            data = original(size)
            read_sizes.append(len(data))
            return data

        handle.read = read_counted  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(detect_module, "open_regular", counting)
    with pytest.raises(InputError, match=r"not a list format|JSON, but neither"):
        detect(big)
    limit = {"numbers.csv": 65536 + (1 << 20), "other.json": 65536,
             "entity.json": 65536 + (16 << 20)}[name]
    assert max(read_sizes) <= limit



# The third hostile review.

@pytest.mark.parametrize("cell", [6, 9, 11])
def test_a_stray_quote_in_the_first_row_leaves_it_an_ofac_primary(tmp_path: Path,
                                                                  cell: int) -> None:
    """The merged record a stray quote makes may have a companion's count of columns."""
    rows = [_OFAC_ROW.format(n, name) for n, name in ((36, "A"), (37, "B"), (38, "C"),
                                                       (39, "D"))]
    cells = rows[0].split(",")
    cells[cell - 1] = '"' + cells[cell - 1]
    sdn = tmp_path / "sdn.csv"
    sdn.write_text(",".join(cells) + "".join(rows[1:]), encoding="utf-8", newline="")
    assert detect(sdn) == "ofac"
    assert read(sdn).skipped >= 1


def test_ftm_lines_with_sorted_keys_and_a_long_first_line_are_ftm(tmp_path: Path) -> None:
    """With sorted keys ``schema`` and ``op`` come after ``properties``; ``id`` and ``entity``
    come first."""
    entity = {"id": "x1", "properties": {"name": ["X"], "notes": ["n" * 70_000]},
              "schema": "Person"}
    path = tmp_path / "sorted.ftm.json"
    path.write_text(json.dumps(entity, sort_keys=True) + "\n", encoding="utf-8")
    assert detect(path) == "ftm"
    delta = tmp_path / "sorted.delta.json"
    delta.write_text(json.dumps({"entity": entity, "op": "ADD"}, sort_keys=True) + "\n",
                     encoding="utf-8")
    assert detect(delta) == "ftm"


def test_un_lines_are_counted_at_cr_lf_or_crlf(tmp_path: Path) -> None:
    original = LISTS / "un_consolidated.xml"
    text = original.read_bytes().replace(b"\r\n", b"\n")
    copy = tmp_path / "un.xml"
    copy.write_bytes(text.replace(b"\n", b"\r"))
    assert [e.line for e in read(copy).entries] == [e.line for e in read(original).entries]
