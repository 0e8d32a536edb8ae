"""Where the schemas and the shipped data are: inside the wheel, or at the top of a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["bundled_dir"]


def bundled_dir(name: str) -> Path:
    """Return the folder ``name`` (``schemas``, ``data`` or ``seeds``) that ships with the tool.

    An installed wheel carries them under ``sanctions_tracker/_bundled``; a checkout (or an
    editable install) has them at the top of the repository, next to the package.
    """
    inside = resources.files("sanctions_tracker") / "_bundled" / name
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parents[2] / name
