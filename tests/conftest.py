"""Shared fixtures: the real embedding model (loaded once), settings on temporary data folders,
and the path of ../shared (tests that need it skip when it is absent; in CI it is present)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.embedding import Embedder
from kg.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MEDWAY = SHARED / "corpus" / "medway"
MODERNGOV = SHARED / "external" / "moderngov"
SAMPLES = REPO / "samples" / "papers"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder, or a skip where it is absent (a user's machine)."""
    if not SHARED.exists():
        if os.environ.get("CI"):
            pytest.fail("../shared must be present in CI")
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real default embedding model, loaded once for the whole run."""
    return Embedder(threads=2)


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    """Settings on an empty, private data directory."""
    return Settings.load({}, data=tmp_path / "data")
