"""Format detection by content, and the errors of a file that cannot be read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from sanctions_tracker.errors import InputError, UsageError
from sanctions_tracker.lists import read
from sanctions_tracker.lists.detect import detect

from .conftest import LISTS

if TYPE_CHECKING:
    from pathlib import Path


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
    with pytest.raises(InputError, match=r"not_a_list\.txt: not a list format .* --format"):
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
