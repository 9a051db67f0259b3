"""The harvest state file: resume only the same unfinished run; one harvest of a site at a time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.harvest import HarvestError
from ingest.harvest.state import HarvestLock, HarvestState, MeetingState, PaperState, site_folder


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


def test_a_paper_remembers_every_meeting_that_links_it(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    state = HarvestState(path, "x")
    state.papers["u"] = PaperState("u", "doc-1", "ab" * 32, "4967")
    state.link("u", "5001")
    state.link("u", "4967")
    state.link("not-remembered", "5001")
    assert state.papers["u"].meetings == ("4967", "5001") and set(state.papers) == {"u"}
    assert state.unlinked("4967", {"u"}) == () and state.unlinked("4967", set()) == ("u",)
    state.save()
    again = HarvestState.load(path, "x")
    assert again.papers == state.papers
    assert again.papers["u"].unlinked_from("4967") == PaperState("u", "doc-1", "ab" * 32, "5001")
    assert again.papers["u"].unlinked_from("4967").unlinked_from("5001") is None  # type: ignore[union-attr]
    # A state written before papers remembered more than one meeting still loads.
    raw = json.loads(path.read_text())
    raw["papers"][0].pop("other_meetings")
    path.write_text(json.dumps(raw))
    assert HarvestState.load(path, "x").papers["u"].meetings == ("4967",)


def test_a_meeting_record_no_longer_held_is_forgotten_but_the_meeting_kept(tmp_path: Path) -> None:
    state = HarvestState(tmp_path / "state.json", "x")
    state.meetings["4967"] = MeetingState("4967", "Audit Committee", "2026-02-10", "withheld", "cd" * 32, "doc-m")
    state.papers["u"] = PaperState("u", "doc-1", "ab" * 32, "4967")
    assert state.held_documents() == {"doc-m", "doc-1"}
    assert state.held_documents(excluding={"u"}, meetings={"4967"}) == set()
    state.forget_record("4967")
    state.forget_record("not-remembered")
    assert state.meetings["4967"] == MeetingState("4967", "Audit Committee", "2026-02-10", "withheld")
    assert set(state.meetings) == {"4967"} and state.held_documents() == {"doc-1"}


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
