"""Fixtures for extraction tests: the Medway papers, skipped when the shared corpus is absent."""

from __future__ import annotations

import pytest

from tests.extract.medway import MEDWAY, medway_documents


@pytest.fixture(scope="session")
def medway_docs():
    if not MEDWAY.exists():
        pytest.skip("Medway corpus not present")
    return medway_documents()
