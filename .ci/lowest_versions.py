"""Print the declared lower bound and the installed version of each direct dependency.

Run by .ci/run with the Python of the venv that holds the lowest versions (uv's
``--resolution lowest-direct``), so that the log says which versions the suite ran against.
Exits 1 if a dependency is missing or older than its bound (the install went wrong); a
dependency newer than its bound means that the bound cannot be resolved any more (nothing that
old fits beside today's releases), so it is untested: that is a warning, and the fix is to raise
the bound to the version printed.
"""

from __future__ import annotations

import sys
from importlib import metadata

from packaging.requirements import Requirement
from packaging.version import Version

EXTRAS = ("", "test")


def main() -> int:
    """Compare, print, and say whether the lowest versions are what they should be."""
    status = 0
    for text in metadata.requires("sanctions-tracker") or ():
        requirement = Requirement(text)
        marker = requirement.marker
        if marker is not None and not any(marker.evaluate({"extra": e}) for e in EXTRAS):
            continue
        bounds = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
        try:
            installed = Version(metadata.version(requirement.name))
        except metadata.PackageNotFoundError:
            print(f"ERROR: {requirement.name} is not installed")
            status = 1
            continue
        bound = max(bounds) if bounds else None
        line = f"{requirement.name:<12} declared >={bound}  installed {installed}"
        if bound is None:
            print(f"{line}  (no lower bound declared)")
        elif installed < bound:
            print(f"ERROR: {line}: older than the declared bound")
            status = 1
        elif installed > bound:
            print(f"WARNING: {line}: >={bound} no longer resolves, so it is untested: "
                  f"raise the bound to {installed}")
        else:
            print(line)
    return status


if __name__ == "__main__":
    sys.exit(main())
