"""Shared helpers: fixture folders and expectation headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
DOCUMENTS = FIXTURES / "documents"
FINDINGS = FIXTURES / "findings"
REPO = Path(__file__).resolve().parent.parent
SEED_DOCUMENTS = REPO.parent / "shared" / "seeds"

_EXPECT = re.compile(r"(error|warning|info)\[([a-z0-9-]+)\](?: (\d+):(\d+))?")


def expectations(fixture: Path) -> tuple[set[tuple[str, str, int | None, int | None]], dict[str, int]]:
    """The findings a fixture declares (severity, code, line, column) and its loading options.

    Declared in `# expect: severity[code] LINE:COL` header lines, or in a sidecar `.expect` file
    for fixtures that cannot carry a text header (invalid UTF-8, UTF-16, NUL bytes).
    """
    sidecar = fixture.with_name(fixture.name + ".expect")
    if sidecar.exists():
        lines = sidecar.read_text().splitlines()
        header = []
    else:
        lines = fixture.read_text(encoding="utf-8").splitlines()
        header = [line for line in lines if line.startswith("# option:")]
        lines = [line.removeprefix("# expect:") for line in lines if line.startswith("# expect:")]
    expected = set()
    for line in lines:
        match = _EXPECT.search(line)
        assert match, f"{fixture}: cannot read expectation {line!r}"
        sev, code, ln, col = match.groups()
        expected.add((sev, code, int(ln) if ln else None, int(col) if col else None))
    options = {}
    for line in header:
        name, _, value = line.removeprefix("# option:").strip().partition("=")
        options[name] = int(value)
    return expected, options


@pytest.fixture
def seed_documents() -> Path:
    if not SEED_DOCUMENTS.is_dir():
        pytest.skip("the original seed documents (../shared/seeds) are not beside the checkout")
    return SEED_DOCUMENTS
