"""Dependencies run one way, and every import is at the top of its module.

- The import-linter contract in ``pyproject.toml`` (``[tool.importlinter]``) states the layers:
  ``core`` <- ``home``, ``museums`` <- ``agenda``, ``awards``, ``knowledge``, ``qa`` <- ``search``
  <- ``api`` <- ``config``; apps of one layer do not import each other. Tests belong to their app
  and follow its layer (they may use lower layers' factories).
- No ``import`` inside a function body in project source (tests and migrations aside): an import
  that "has to" be local hides a dependency that runs the wrong way. The one exception is an
  ``AppConfig.ready()`` importing its app's own signals and registrations.
"""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYPROJECT = BASE_DIR / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def run_import_linter(config=PYPROJECT):
    """``(passed, report)`` of the import-linter contracts in ``config``."""
    result = subprocess.run(
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache", "--no-logo"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = result.stdout + result.stderr
    broken = report.split("Broken contracts", 1)[-1].strip("-\n ") if "Broken contracts" in report else report
    return result.returncode == 0, broken


def root_packages():
    return tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["root_packages"]


def project_source_files():
    """Every module of the root packages, tests and migrations left out."""
    for package in root_packages():
        for path in sorted((BASE_DIR / package).rglob("*.py")):
            parts = path.relative_to(BASE_DIR).parts
            if "tests" in parts or "migrations" in parts or path.name.startswith("test_"):
                continue
            yield path


def _is_app_config(node):
    return any(
        (isinstance(base, ast.Name) and base.id == "AppConfig")
        or (isinstance(base, ast.Attribute) and base.attr == "AppConfig")
        for base in node.bases
    )


class _FunctionImports(ast.NodeVisitor):
    """Collects ``(line, statement, function)`` of imports inside function bodies."""

    def __init__(self):
        self.scope = []
        self.found = []

    def _enter(self, node):
        self.scope.append(node)
        self.generic_visit(node)
        self.scope.pop()

    visit_ClassDef = _enter
    visit_FunctionDef = _enter
    visit_AsyncFunctionDef = _enter

    def _import(self, node):
        functions = [i for i, n in enumerate(self.scope) if not isinstance(n, ast.ClassDef)]
        if not functions:
            return
        first = functions[0]
        outer = self.scope[first]
        owner = self.scope[first - 1] if first else None
        if outer.name == "ready" and isinstance(owner, ast.ClassDef) and _is_app_config(owner):
            return
        name = ".".join(n.name for n in self.scope)
        self.found.append((node.lineno, ast.unparse(node), name))

    visit_Import = _import
    visit_ImportFrom = _import


def imports_in_functions(source):
    """``(line, statement, function)`` of every import inside a function body of ``source``,
    except in an ``AppConfig.ready()``."""
    visitor = _FunctionImports()
    visitor.visit(ast.parse(source))
    return visitor.found


def test_dependencies_follow_the_layers():
    passed, report = run_import_linter()
    assert passed, "imports that break the layers (pyproject.toml [tool.importlinter]):\n" + report


def test_no_import_inside_a_function_body():
    found = []
    for path in project_source_files():
        for line, statement, function in imports_in_functions(path.read_text()):
            found.append(f"{path.relative_to(BASE_DIR)}:{line}: {statement}  (in {function})")
    assert not found, (
        f"{len(found)} imports inside function bodies (move them to the top of the module; a cycle "
        "means the dependency runs the wrong way):\n" + "\n".join(found)
    )


# --- The checks themselves can fail ---------------------------------------------------------


def test_the_layer_check_reports_an_import_against_the_layers(tmp_path):
    config = tmp_path / "layers.toml"
    # config imports core, so a contract that puts config below core is broken.
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["config", "core"]\n\n'
        '[[tool.importlinter.contracts]]\nname = "Upside down"\ntype = "layers"\n'
        'layers = ["core", "config"]\n'
    )
    passed, report = run_import_linter(config)
    assert not passed
    assert "config is not allowed to import core" in report
    assert "config.urls -> core" in report


def test_the_function_import_check_allows_only_app_config_ready():
    source = """
import os

class SearchConfig(AppConfig):
    def ready(self):
        from . import signals

class Helper:
    def ready(self):
        import json

def build():
    from django.conf import settings
    def inner():
        import re

class Page:
    def serve(self):
        import csv
"""
    found = imports_in_functions(source)
    assert [(line, function) for line, _statement, function in found] == [
        (10, "Helper.ready"),
        (13, "build"),
        (15, "build.inner"),
        (19, "Page.serve"),
    ]
    assert found[1][1] == "from django.conf import settings"
