"""Every `greatgame` command shown in the README runs, so the README stays true."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"

pytestmark = pytest.mark.slow


def _commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash)\n(.*?)```", text, flags=re.S)
    found = []
    for block in blocks:
        for line in block.splitlines():
            line = shlex.join(shlex.split(line, comments=True)) if line.strip() else ""
            if line.startswith(".venv/bin/greatgame ") and "serve" not in line.split()[1:2]:
                found.append(line)
    return found


def test_readme_shows_commands():
    assert len(_commands()) >= 5, "the README should show how to use the main commands"


def test_readme_commands_run_in_order(tmp_path: Path) -> None:
    """Run the README's commands one after another in a scratch folder laid out like a checkout."""
    work = tmp_path / "main"
    work.mkdir()
    (work / "corpus").symlink_to(ROOT / "corpus")
    if (ROOT.parent / "shared").is_dir():
        (tmp_path / "shared").symlink_to(ROOT.parent / "shared")
    env = {**os.environ, "GREATGAME_WORKERS": "2", "CI": "true"}
    for line in _commands():
        if "../shared" in line and not (tmp_path / "shared").exists():
            continue
        args = shlex.split(line, comments=True)
        args[0] = str(Path(sys.executable).with_name("greatgame"))
        proc = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, f"`{line}` failed ({proc.returncode}):\n{proc.stderr[-2000:]}"
    for block in re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S):
        proc = subprocess.run([sys.executable, "-c", block], cwd=work, env=env, capture_output=True,
                              text=True, timeout=600)
        assert proc.returncode == 0, f"README python block failed:\n{block}\n{proc.stderr[-2000:]}"
