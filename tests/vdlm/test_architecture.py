"""The packages import one way (common <- talks <- events <- archive <- vdlm): import-linter holds the rule."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PACKAGES = ("common", "talks", "events", "archive", "vdlm")
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = os.environ | {"PYTHONPATH": str(root)}
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], cwd=root, env=env, capture_output=True, text=True, timeout=120
    )


def test_project_keeps_the_one_way_imports():
    result = lint_imports(BASE_DIR)
    assert result.returncode == 0, result.stdout
    assert "Contracts: 1 kept, 0 broken." in result.stdout


def test_an_import_against_the_order_breaks_the_contract(tmp_path):
    for package in PACKAGES:
        shutil.copytree(BASE_DIR / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BASE_DIR / "pyproject.toml", tmp_path)
    (tmp_path / "talks" / "backwards.py").write_text("from events.models import Event  # noqa: F401\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1
    assert "talks.backwards -> events.models" in result.stdout
