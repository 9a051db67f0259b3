"""Every other page renders cleanly in the browser, works by keyboard and fits a phone."""

from __future__ import annotations

import re


def test_search_highlights_terms_and_filters(visit):
    visit.open("/search?q=social+worker+vacancy+rate")
    assert visit.page.locator("ol.results li").count() >= 1
    assert visit.page.locator("ol.results mark").count() >= 1
    visit.shot("search")
    visit.page.get_by_label("Type of paper").select_option("minutes")
    visit.page.get_by_role("button", name="Search").click()
    visit.page.wait_for_load_state("load")
    wheres = visit.page.locator("ol.results .where").all_inner_texts()
    assert wheres and all("minutes" in w for w in wheres)
    visit.assert_clean()


def test_body_meeting_decision_and_briefing_pages(visit):
    visit.open("/browse")
    bodies = visit.page.locator("section", has=visit.page.get_by_role("heading", name=re.compile("^Bodies")))
    bodies.get_by_role("link", name=re.compile("Overview and Scrutiny")).first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.get_by_role("heading", name="Meetings").is_visible()
    visit.shot("body")
    visit.assert_clean()
    visit.page.get_by_role("link", name=re.compile("Briefing")).click()
    visit.page.wait_for_load_state("load")
    assert visit.page.get_by_role("heading", name="Recent decisions").is_visible()
    visit.shot("briefing")
    visit.assert_clean()
    visit.page.go_back()
    visit.page.locator("#meetings-h + ul a", has_text="14 November 2024").first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.locator("p.kind").inner_text().strip().lower() == "meeting"
    visit.shot("meeting")
    visit.assert_clean()
    visit.page.locator("#decisions-h + ul a").first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.locator("p.kind").inner_text().lower().startswith("decision")
    assert visit.page.locator(".trace svg a.node").count() >= 2
    visit.shot("decision")
    visit.assert_clean()


def test_keyboard_skip_link_and_visible_focus(visit):
    visit.open("/")
    visit.page.keyboard.press("Tab")
    focused = visit.page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    visit.page.keyboard.press("Enter")
    visit.page.keyboard.press("Tab")
    outline = visit.page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    visit.assert_clean()


def test_phone_width_has_no_sideways_scroll(visit):
    visit.page.set_viewport_size({"width": 375, "height": 800})
    for path, name in (("/?q=Who+wrote+the+Children+in+Care+Sufficiency+and+Placements+Update+report%3F", "phone-ask"),
                       ("/documents", "phone-documents")):
        visit.open(path)
        overflow = visit.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, overflow
        visit.shot(name)
    visit.assert_clean()


def test_unknown_node_is_an_html_404(visit):
    response = visit.page.goto(visit.base + "/id/person/nobody-at-all")
    assert response.status == 404
    assert visit.page.get_by_role("heading", name="Not found").is_visible()
    visit.assert_clean()
