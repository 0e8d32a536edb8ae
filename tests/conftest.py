"""Shared helpers: fixture folders, expectation headers, and hypothesis' settings profiles."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis runs derandomized in CI, where a green run must not depend on which examples chance
# picked: the same examples every run, no example database, no timing health check, and the
# blob to reproduce a failure printed. On a developer's run ("dev", when CI is unset) it draws
# new examples each time, which is where it finds new failures. A failure it finds becomes an
# `@example(...)` on the test it broke (the falsifying example it printed, or
# `@reproduce_failure(...)` from the blob while debugging), so that every run tries it from then
# on, CI's included. `HYPOTHESIS_PROFILE=ci` gives a developer CI's run. A test's own
# `@settings(...)` overrides the profile for the settings it names. Both profiles derive from
# hypothesis' "default" profile: recent versions load their own "ci" profile whenever CI is set,
# and a profile without a parent would inherit from whichever profile is active.
_DEFAULT = settings.get_profile("default")
settings.register_profile(
    "ci", _DEFAULT, derandomize=True, database=None, print_blob=True, max_examples=100,
    deadline=None, suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", _DEFAULT, print_blob=True, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI", "").lower() not in ("", "0", "false")
                          else "dev"))

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
DOCUMENTS = FIXTURES / "documents"
FINDINGS = FIXTURES / "findings"
REPO = Path(__file__).resolve().parent.parent
SEED_DOCUMENTS = REPO.parent / "shared" / "seeds"

_EXPECT = re.compile(r"(error|warning|info)\[([a-z0-9-]+)\](?: (\d+):(\d+))?")


def expectations(
    fixture: Path,
) -> tuple[set[tuple[str, str, int | None, int | None]], dict[str, int]]:
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
