"""Where the shared sample data lives; tests using it skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

# <repo>/tests/ingest/conftest.py -> parents[2] is the repository root; shared data sits beside it.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
MEDWAY = SHARED / "corpus" / "medway"
MODERNGOV = SHARED / "external" / "moderngov"


@pytest.fixture
def medway_dir() -> Path:
    """The scraped Medway papers; skips when the shared data is not present."""
    if not MEDWAY.is_dir():
        pytest.skip("shared Medway corpus not available")
    return MEDWAY


@pytest.fixture
def moderngov_dir() -> Path:
    """Real ModernGov web-service responses; skips when the shared data is not present."""
    if not MODERNGOV.is_dir():
        pytest.skip("shared ModernGov samples not available")
    return MODERNGOV
