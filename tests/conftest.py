"""Shared helpers: fixture folders, expectation headers, hypothesis' settings profiles, the
shipped data loaded once, and the ways the tests run the command line."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

import sanctions_tracker
from sanctions_tracker.cli import main

if TYPE_CHECKING:
    from sanctions_tracker.checks import CheckResult
    from sanctions_tracker.model.dataset import Dataset

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
FRIENDLY = FIXTURES / "friendly"
REPO = Path(__file__).resolve().parent.parent
SEED_DOCUMENTS = REPO.parent / "shared" / "seeds"
# Long enough for the old code to run for hours, yet a child of a working tool ends at once.
GENEROUS_SECONDS = 120

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


@pytest.fixture(scope="session")
def shipped_dataset() -> Dataset:
    """The shipped data (``data/`` and ``seeds/``), loaded once per test run: do not change it.

    Tests of the shipped data assert only what stays true of any valid shipped data (it loads,
    it passes); values to compare against come from ``tests/fixtures``.
    """
    return sanctions_tracker.load()


@pytest.fixture(scope="session")
def shipped_result(shipped_dataset: Dataset) -> CheckResult:
    """``check`` of the shipped data, run once per test run."""
    return sanctions_tracker.check(shipped_dataset)


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in this process: exit status, standard output, standard error."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_child(*argv: str, cwd: Path | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m sanctions_tracker`` in a child process, as a user's shell would."""
    return subprocess.run([sys.executable, "-m", "sanctions_tracker", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False, timeout=GENEROUS_SECONDS)


def friendly_folder(tmp_path: Path, *extra: Path) -> Path:
    """A data folder of valid records (the base and the friendly files), and ``extra`` files.

    Its records: the series ``test-list``, the sources of the base, the measure
    ``friendly-measure`` (120 + 50 = 170, in ``friendly/bom-crlf.yaml``) and the action
    ``friendly-scripts`` (2 vessels, 3 entities, 4 individuals, partly itemized).
    """
    folder = tmp_path / "data"
    shutil.copytree(BASE, folder)
    shutil.copytree(FRIENDLY, folder / "friendly")
    for path in extra:
        shutil.copy(path, folder / path.name)
    return folder


def replace_once(path: Path, old: str, new: str) -> int:
    """Replace text that occurs once in a file; return the 1-based line where it was.

    The file is read and written as it is (a byte order mark, CRLF line ends), so that ``old``
    is matched, and the rest kept, byte for byte.
    """
    with path.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    assert text.count(old) == 1, f"{path}: {old!r} occurs {text.count(old)} times"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(text.replace(old, new))
    return text[: text.index(old)].count("\n") + 1
