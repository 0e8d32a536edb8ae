"""The folders are the module map: no import runs back up the flow, and the API is what it says.

Every import of every module of the package (at the top, inside functions, and under
TYPE_CHECKING alike) is read from its source and checked against the stages it may use.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import sanctions_tracker
from sanctions_tracker.checks import RULES
from sanctions_tracker.findings.codes import CODES

PACKAGE = Path(sanctions_tracker.__file__).parent

#: Each stage and the stages it may import (itself included). Top-level modules are stages too.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "findings": set(),
    "reading": {"findings", "errors"},
    "schema": {"findings", "errors"},
    "model": {"findings", "errors", "reading", "schema"},
    "checks": {"findings", "errors", "reading", "schema", "model"},
    "output": {"findings", "errors", "reading", "schema", "model", "checks", "__init__"},
    "lists": {"findings", "errors", "reading", "output", "__init__"},
    # checks runs matching's findings through CheckContext.lists, handed in by the CLI; matching
    # builds the list files of CheckContext.list_files (the checks' ListFile).
    "matching": {"findings", "errors", "reading", "schema", "model", "checks", "lists"},
    "cli": {"findings", "errors", "reading", "schema", "model", "checks", "output", "lists",
            "matching", "__init__"},
    "__main__": {"cli"},
    "__init__": {"findings", "errors", "reading", "schema", "model", "checks", "output"},
}


def _stage(module: str) -> str:
    """The stage of a dotted module name inside the package: its first part."""
    return module.split(".", 1)[0] or "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, target module relative to the package) of every import of the package in a file."""
    relative = path.relative_to(PACKAGE).with_suffix("")
    here = list(relative.parts[:-1])  # the package the module is in
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                target = ".".join([*base, node.module] if node.module else base)
            elif node.module and node.module.startswith("sanctions_tracker"):
                target = node.module.removeprefix("sanctions_tracker").lstrip(".")
            else:
                continue
            if not target:  # from . import X / from sanctions_tracker import X
                target = "__init__"
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name.removeprefix("sanctions_tracker").lstrip(".") or
                       "__init__") for a in node.names if a.name.startswith("sanctions_tracker")]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_runs_back_up_the_flow(path: Path) -> None:
    relative = path.relative_to(PACKAGE).with_suffix("")
    stage = relative.parts[0] if len(relative.parts) > 1 else relative.name
    allowed = ALLOWED[stage] | {stage}
    wrong = [f"line {line}: {target}" for line, target in _imports(path)
             if _stage(target) not in allowed]
    assert wrong == [], f"{relative} ({stage}) imports a later stage"


def test_the_check_finds_a_wrong_import() -> None:
    # The walker itself must see imports of every form, or the test above proves nothing.
    probe = PACKAGE / "findings" / "_probe_for_test.py"
    probe.write_text("from ..output.render import render_report\n"
                     "from sanctions_tracker.checks import check\n"
                     "def f():\n    from ..cli import main\n", encoding="utf-8")
    try:
        assert [t for _, t in _imports(probe)] == ["output.render", "checks", "cli"]
    finally:
        probe.unlink()


def test_only_the_html_page_imports_the_template_engine() -> None:
    # output/html is part of the output stage; Jinja2 (and its MarkupSafe) stay inside it, so
    # that no other format or command loads them.
    html = PACKAGE / "output" / "html"
    users = set()
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] in ("jinja2", "markupsafe") for n in names):
                users.add(path)
    assert users
    assert all(html in path.parents for path in users), sorted(map(str, users))


def test_every_stage_says_what_it_owns_and_may_import() -> None:
    for stage in ("findings", "reading", "schema", "model", "checks", "output", "lists",
                  "matching"):
        doc = (PACKAGE / stage / "__init__.py").read_text(encoding="utf-8")
        assert doc.startswith('"""'), stage
        assert "import" in doc.split('"""')[1].lower(), f"{stage}: say what it may import"


def test_the_public_api_lists_every_export_and_each_resolves() -> None:
    exported = set(sanctions_tracker._EXPORTS)
    assert set(sanctions_tracker.__all__) == exported | {"__version__"}
    for name in exported:
        assert getattr(sanctions_tracker, name) is not None
    assert set(dir(sanctions_tracker)) >= exported
    # Every type a public function returns is exported too.
    for name in ("MeasureTotals", "Known", "Provenance", "LinkStatus", "Report", "Table",
                 "CheckResult", "DataDiff"):
        assert name in exported


def test_every_rule_registers_its_codes() -> None:
    assert {"references", "figures", "documents", "totals", "counts", "agreement",
            "dates"} <= set(RULES)
    for rule in RULES.values():
        assert rule.codes
        assert set(rule.codes) <= set(CODES)


def test_a_rule_in_a_new_module_is_run_by_check(tmp_path: Path) -> None:
    """A copy of the package with one more module in checks/: check and codes pick it up."""
    import shutil
    import subprocess
    import sys

    repo = tmp_path / "repo"
    shutil.copytree(PACKAGE, repo / "sanctions_tracker",
                    ignore=shutil.ignore_patterns("__pycache__", "_bundled"))
    for folder in ("schemas", "data", "seeds"):
        shutil.copytree(PACKAGE.parent / folder, repo / folder)
    (repo / "sanctions_tracker" / "checks" / "probe.py").write_text(
        "from sanctions_tracker.findings import Finding, Location, Severity\n"
        "from sanctions_tracker.checks.registry import Stage, rule\n"
        "@rule('probe', Stage.RECONCILIATION, codes={'probe-code': 'a probe'})\n"
        "def probe(context):\n"
        "    return [Finding('probe-code', Severity.INFO, 'probed', Location('x'))]\n",
        encoding="utf-8")

    def run(*argv: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "sanctions_tracker", *argv], capture_output=True, text=True,
            check=False, cwd=repo, env={"PYTHONPATH": str(repo), "PATH": "/usr/bin:/bin"},
        ).stdout

    assert "info[probe-code] probed" in run("check")
    assert "probe-code" in run("codes")
    assert "probe-code" not in subprocess.run(  # the real package is untouched
        [sys.executable, "-m", "sanctions_tracker", "codes"], capture_output=True, text=True,
        check=False).stdout
