"""The harvest state file: resume only the same unfinished run; one harvest of a site at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.harvest import HarvestError
from ingest.harvest.state import HarvestLock, HarvestState, PaperState, site_folder


def test_state_round_trip_and_resume(tmp_path: Path) -> None:
    folder = site_folder(tmp_path, "https://democracy.medway.gov.uk")
    assert folder == tmp_path / "harvest" / "democracy-medway-gov-uk"
    state = HarvestState(folder / "state.json", "https://democracy.medway.gov.uk")
    assert state.begin("run-a") == frozenset()
    state.papers["u"] = PaperState("u", "doc-1", "ab" * 32, "4967", '"e1"', "Tue, 10 Feb 2026 10:00:00 GMT")
    state.mark_done("4966")
    state.save()
    again = HarvestState.load(folder / "state.json", "https://democracy.medway.gov.uk")
    assert again.papers == state.papers
    assert again.begin("run-b") == frozenset()  # another request starts afresh
    again.mark_done("4967")
    again.save()
    resumed = HarvestState.load(folder / "state.json", "x")
    assert resumed.begin("run-b") == frozenset({"4967"})
    resumed.finish()
    assert HarvestState.load(folder / "state.json", "x").begin("run-b") == frozenset()  # finished runs restart


def test_unreadable_state_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json")
    with pytest.raises(HarvestError, match="state.json: harvest state is unreadable"):
        HarvestState.load(path, "x")


def test_one_harvest_of_a_site_at_a_time(tmp_path: Path) -> None:
    with HarvestLock(tmp_path / "harvest.lock"):
        with pytest.raises(HarvestError, match="another harvest of this site is running"):
            with HarvestLock(tmp_path / "harvest.lock"):
                pass
    with HarvestLock(tmp_path / "harvest.lock"):
        pass  # released on exit
