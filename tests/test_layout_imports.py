"""Dependencies point one way (style.md): a walk over every module's imports keeps it true."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "greatgame"

# subpackage -> the greatgame subpackages it must never import
FORBIDDEN = {
    "config": {"ingest", "catalogue", "nlp", "events", "store", "analysis", "api", "cli", "pipeline", "scale"},
    "errors": {"ingest", "catalogue", "nlp", "events", "store", "analysis", "api", "cli", "pipeline", "scale"},
    "models": {"ingest", "catalogue", "nlp", "events", "store", "analysis", "api", "cli", "pipeline", "scale"},
    "ingest": {"store", "analysis", "api", "cli", "nlp", "events", "pipeline", "scale"},
    "catalogue": {"store", "analysis", "api", "cli", "nlp", "events", "ingest", "pipeline", "scale"},
    "nlp": {"store", "analysis", "api", "cli", "pipeline", "scale"},
    "events": {"store", "analysis", "api", "cli", "pipeline", "scale"},
    "store": {"nlp", "events", "api", "cli", "pipeline", "analysis", "scale"},
    "analysis": {"nlp", "events", "api", "cli", "ingest", "pipeline", "scale"},
    "api": {"cli"},
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "greatgame" and len(parts) > 1:
                found.add(parts[1])
    return found


def _modules():
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG)
        top = rel.parts[0].removesuffix(".py")
        if top in FORBIDDEN:
            yield pytest.param(path, top, id=str(rel))


@pytest.mark.parametrize("path,top", list(_modules()))
def test_module_imports_point_one_way(path: Path, top: str) -> None:
    bad = _imports(path) & FORBIDDEN[top]
    assert not bad, f"{path.relative_to(PKG)} imports greatgame.{sorted(bad)}, against the layout in style.md"


def test_spacy_stays_out_of_store() -> None:
    for path in (PKG / "store").rglob("*.py"):
        assert "import spacy" not in path.read_text(encoding="utf-8"), path
