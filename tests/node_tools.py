"""Node-based test tools (tests/js/*.mjs) and their prerequisites, skipping with a reason when absent."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "tests" / "js"


def require_node_package(package: str) -> str:
    """The `node` executable, or skip: no Node on this machine, or `npm ci` has not installed `package`."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("`node` is not installed: Node-based checks (GraphQL-over-HTTP audit, browser test) skipped")
    if not (ROOT / "node_modules" / package / "package.json").is_file():
        pytest.skip(f"npm package {package!r} is not installed: run `npm ci` in {ROOT} (`make test` does)")
    return node


def run_script(node: str, script: str, *args: str, timeout: float = 180) -> dict[str, Any]:
    """Run tests/js/<script> and parse the JSON it prints; fail with its stderr otherwise."""
    result = subprocess.run(
        [node, str(SCRIPTS / script), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False,
    )
    assert result.returncode == 0, f"{script} exited {result.returncode}:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)
