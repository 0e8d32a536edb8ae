"""The YAML reader, run with libyaml and with PyYAML's pure-Python parser alike.

PyYAML falls back to its pure-Python parser when it was built without libyaml (an sdist
installed without the libyaml headers), and the reader then uses it: every test here runs with
both parsers, which must give the same data and the same findings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sanctions_tracker.findings.paths import format_path
from sanctions_tracker.reading import yaml_reader
from sanctions_tracker.reading.yaml_reader import DEFAULT_MAX_DEPTH, Limits, locate, read_yaml

if TYPE_CHECKING:
    from pathlib import Path

    from sanctions_tracker.findings import Finding

PARSERS = {"libyaml": getattr(yaml, "CSafeLoader", None), "pure-python": yaml.SafeLoader}
#: libyaml (0.2.5 and later) refuses nesting deeper than this on its own, in its scanner, which
#: reads ahead of the events the reader sees.
LIBYAML_MAX_DEPTH = 1_000


@pytest.fixture(autouse=True, params=sorted(PARSERS))
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    loader = PARSERS[request.param]
    if loader is None:
        pytest.skip("this PyYAML was built without libyaml")
    monkeypatch.setattr(yaml_reader, "_Loader", loader)
    return str(request.param)


def _read(tmp_path: Path, text: str | bytes, **limits: int) -> tuple[object, list[Finding]]:
    path = tmp_path / "f.yaml"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8", newline="")
    else:
        path.write_bytes(text)
    return read_yaml(path, "f.yaml", Limits(**limits))


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("1,159", "write 1159"),
        ("01402", "octal (770): write 1402"),
        ("1_159", "write 1159"),
        ("yes", "write true or false"),
        ("No", "write true or false"),
        ("1:30", "base-60 number 90"),
        (".inf", "write a whole number"),
        ("~", "write null"),
        ("0x1F", "decimal"),
        ("089", "write 89"),
    ],
)
def test_yaml_11_traps_are_located_errors_with_a_hint(
    tmp_path: Path, value: str, hint: str,
) -> None:
    data, problems = _read(tmp_path, f"kind: x\ntotal_after: {value}\n")
    assert data is None
    assert [(p.code, p.location.line, p.location.column) for p in problems] == [
        ("ambiguous-value", 2, 14)
    ]
    assert hint in problems[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1402", 1402),
        ("a: -3", -3),
        ("a: 0", 0),
        ("a: '01402'", "01402"),
        ('a: "yes"', "yes"),
        ("a: true", True),
        ("a: null", None),
        ("a:", None),
        ("a: 2024-02-30", "2024-02-30"),  # dates stay text; the schema checks them
        ("a: 1.5", 1.5),
        ("a: no way", "no way"),
        ("a: |\n  01402\n", "01402\n"),
    ],
)
def test_yaml_12_core_values(tmp_path: Path, text: str, expected: object) -> None:
    data, problems = _read(tmp_path, text + "\n")
    assert problems == []
    assert data == {"a": expected}


def test_keys_that_are_yaml_11_words_stay_text(tmp_path: Path) -> None:
    data, problems = _read(tmp_path, "no: 1\nyes: 2\nn: 3\n")
    assert problems == []
    assert data == {"no": 1, "yes": 2, "n": 3}


def test_bom_crlf_and_non_latin_scripts_load_unchanged(tmp_path: Path) -> None:
    text = "\ufeffname: 조선노동당\r\naliases: [Роснефть, شركة النفط]\r\n"
    data, problems = _read(tmp_path, text.encode("utf-8"))
    assert problems == []
    assert data == {"name": "조선노동당", "aliases": ["Роснефть", "شركة النفط"]}


def test_alias_bomb_is_refused_without_expanding(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i-1}'] * 9)}]" for i in range(1, 10)]
    # Expanded, it would be a billion strings: a reader that expanded it would never return.
    # Its memory is measured in a child process of its own (test_hostile.py): this process's
    # peak is a high-water mark that earlier tests may already have raised past any bound.
    data, problems = _read(tmp_path, "\n".join(lines) + "\n")
    assert data is None
    assert {p.code for p in problems} <= {"yaml-anchor", "yaml-alias", "too-many-problems"}
    assert problems[0].code == "yaml-anchor"
    assert (problems[0].location.line, problems[0].location.column) == (1, 5)


def _nested(levels: int, opener: str = "[", closer: str = "]") -> str:
    """A file nested ``levels`` deep: the top mapping, then ``levels - 1`` flow collections."""
    return "a: " + opener * (levels - 1) + closer * (levels - 1) + "\n"


@pytest.mark.parametrize("max_depth", [DEFAULT_MAX_DEPTH, 1, 10, 300])
@pytest.mark.parametrize(("opener", "closer"), [("[", "]"), ("{a: ", "}")])
def test_nesting_at_the_limit_loads_and_one_level_more_is_refused_there(
    tmp_path: Path, max_depth: int, opener: str, closer: str
) -> None:
    data, problems = _read(tmp_path, _nested(max_depth, opener, closer), max_depth=max_depth)
    assert problems == []
    assert data is not None
    # Far deeper than our limit and still below libyaml's, so that it is our check that refuses
    # it whatever libyaml does, at the first level too many.
    data, problems = _read(tmp_path, _nested(LIBYAML_MAX_DEPTH - 100, opener, closer),
                           max_depth=max_depth)
    assert data is None
    assert [(p.code, p.location.line, p.location.column) for p in problems] == [
        ("too-deep", 1, 4 + (max_depth - 1) * len(opener))
    ]
    assert f"nesting deeper than {max_depth} levels" in problems[0].message


@pytest.mark.parametrize(("levels", "max_depth"), [(10_000, DEFAULT_MAX_DEPTH), (2_000, 1_500)])
def test_very_deep_nesting_is_too_deep_whichever_limit_fires_first(
    tmp_path: Path, levels: int, max_depth: int
) -> None:
    # libyaml's own limit may fire before ours (its scanner reads ahead), or not at all (the
    # pure-Python parser, an older libyaml): either is the one `too-deep` finding, never a
    # syntax error, and never a dependency's version showing through.
    data, problems = _read(tmp_path, _nested(levels), max_depth=max_depth)
    assert data is None
    assert [(p.code, p.location.line) for p in problems] == [("too-deep", 1)]
    assert "nesting deeper than" in problems[0].message


@pytest.mark.parametrize("char", ["\x1f", "\x7f", "\x9b", "\ufffe"])
def test_a_control_character_is_one_located_line(tmp_path: Path, char: str) -> None:
    data, problems = _read(tmp_path, f"kind: x\nname: 조선 b{char}c\n")
    assert data is None
    assert [(p.code, p.location.line, p.location.column) for p in problems] == [
        ("yaml-syntax", 2, 11)
    ]
    assert f"U+{ord(char):04X}" in problems[0].message
    assert "\n" not in problems[0].message


def test_tabs_name_the_fix(tmp_path: Path) -> None:
    _, problems = _read(tmp_path, "a:\n\t- 1\n")
    assert problems[0].code == "yaml-syntax"
    assert "use spaces" in problems[0].message
    assert problems[0].location.line == 2


@pytest.mark.parametrize(
    ("raw", "code", "line", "column"),
    [
        (b"a: caf\xe9\n", "not-utf8", 1, 7),
        ("a: 1\n".encode("utf-16"), "not-utf8", 1, 1),
        (b"a: 1\nb: \x00\n", "nul-byte", 2, 4),
        (b"", "empty-file", 1, 1),
        (b"# only a comment\n", "empty-file", 1, 1),
    ],
)
def test_bytes_that_are_not_yaml_text(
    tmp_path: Path, raw: bytes, code: str, line: int, column: int
) -> None:
    data, problems = _read(tmp_path, raw)
    assert data is None
    assert [(p.code, p.location.line, p.location.column) for p in problems] == [
        (code, line, column)
    ]


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    data, problems = _read(tmp_path, "a: " + "x" * 100 + "\n", max_bytes=50)
    assert data is None
    assert problems[0].code == "file-too-large"
    assert "104 bytes" in problems[0].message
    assert problems[0].location.line is None


def test_locate_finds_values_and_falls_back_to_the_parent(tmp_path: Path) -> None:
    path = tmp_path / "f.yaml"
    path.write_text("kind: x\nlist:\n  - a: 1\n    b: [1, 2, {c: d}]\n  - q\n")
    marks = locate(path, [("list", 0, "b", 2, "c"), ("list", 1), ("list", 0, "zz"), ()])
    assert marks == {
        ("list", 0, "b", 2, "c"): (4, 19),
        ("list", 1): (5, 5),
        ("list", 0, "zz"): (3, 5),
        (): (1, 1),
    }


def test_format_path() -> None:
    assert format_path(["actions", 0, "stated_counts", "odd key"]) == (
        "$.actions[0].stated_counts['odd key']"
    )


# The parser fixture patches a module attribute, the same for every example.
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_arbitrary_text_never_raises(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "f.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    data, problems = read_yaml(path, "f.yaml")
    assert data is None or not problems  # data comes without findings (a null file has neither)
    for problem in problems:
        assert problem.severity.value == "error"
        assert "\n" not in problem.message
