"""The hypothesis profile of this run: derandomized under CI, exploring on a developer's run."""

from __future__ import annotations

import os

from hypothesis import settings


def test_ci_runs_the_same_examples_every_time_and_a_developer_explores() -> None:
    profile = os.environ.get("HYPOTHESIS_PROFILE") or (
        "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false") else "dev")
    if profile == "ci":
        assert settings().derandomize
        assert settings().database is None
        assert settings().print_blob
    elif profile == "dev":
        assert not settings().derandomize
        assert settings().database is not None
    assert settings().deadline is None
