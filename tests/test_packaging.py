"""A wheel built from the repository carries its schemas and data and runs outside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sanctions_tracker.cli import main

from .conftest import REPO

pytest.importorskip("hatchling")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(REPO)],
        check=True, capture_output=True,
    )
    (path,) = out.glob("sanctions_tracker-*.whl")
    return path


def test_wheel_ships_schemas_data_and_types(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "sanctions_tracker/py.typed",
        "sanctions_tracker/_bundled/schemas/definitions.schema.json",
        "sanctions_tracker/_bundled/data/kr-export-controls.yaml",
        "sanctions_tracker/_bundled/seeds/sources.yaml",
    ):
        assert expected in names


def test_unpacked_wheel_reports_from_another_directory(
        wheel: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-I", "-c",
         ("import sys; sys.path.insert(0, sys.argv[1]); "
         "from sanctions_tracker.cli import main; sys.exit(main(['report']))"), str(site)],
        capture_output=True, text=True, cwd=elsewhere, env=env, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert str(REPO) not in result.stdout
    # The wheel's data is the checkout's: the same tables (the findings name other paths).
    assert main(["report"]) == 0
    checkout = capsys.readouterr().out
    assert result.stdout.split("\nChecks: ")[0] == checkout.split("\nChecks: ")[0]
    assert "Designation actions" in result.stdout
