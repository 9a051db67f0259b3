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


def trace_nodes_on_page(visit) -> set[str]:
    """The IRIs of the nodes the decision page draws in its trace."""
    return set(visit.page.locator(".trace svg a.node").evaluate_all("els => els.map(e => e.dataset.node)"))


def trace_nodes_from_api(visit) -> set[str]:
    """The IRIs of the nodes ``GET /api/decisions/<id>/trace`` gives for the decision on the page."""
    api = visit.page.locator("figure.trace").get_attribute("data-trace-api")
    assert api.startswith("/api/decisions/") and api.endswith("/trace")
    response = visit.page.request.get(visit.base + api)
    assert response.ok, response.status
    return {n["id"] for n in response.json()["nodes"]}


def test_body_meeting_decision_and_briefing_pages(visit):
    visit.open("/browse")
    bodies = visit.page.locator("section", has=visit.page.get_by_role("heading", name=re.compile("^Bodies")))
    bodies.get_by_role("link", name=re.compile("Overview and Scrutiny")).first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.get_by_role("heading", name="Meetings").is_visible()
    assert visit.page.locator(".report-back").count() >= 1
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
    assert visit.page.get_by_role("heading", name="Report-backs asked for at this meeting").is_visible()
    visit.shot("meeting")
    visit.assert_clean()
    visit.page.locator("#decisions-h + ul a").first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.locator("p.kind").inner_text().lower().startswith("decision")
    assert visit.page.locator(".trace svg a.node").count() >= 2
    assert trace_nodes_on_page(visit) == trace_nodes_from_api(visit)
    visit.shot("decision")
    visit.assert_clean()


def test_briefing_lists_open_report_backs_linked_to_their_paragraphs(visit):
    visit.open("/browse")
    bodies = visit.page.locator("section", has=visit.page.get_by_role("heading", name=re.compile("^Bodies")))
    visit.open(bodies.get_by_role("link", name=re.compile("Overview and Scrutiny")).first.get_attribute("href"))
    visit.page.get_by_role("link", name=re.compile("Briefing")).click()
    visit.page.wait_for_load_state("load")
    section = visit.page.locator("section", has=visit.page.get_by_role(
        "heading", name="Report-backs asked for and not yet seen"))
    assert "not yet tracked" not in section.inner_text()
    # The minutes of 14 November 2024 ask for a report on the in-house children's homes programme
    # to be presented at the meeting on 20 March 2025; no later paper in the samples answers it.
    item = section.locator("li.report-back", has_text="in-house children's homes programme")
    assert item.count() == 1 and item.locator(".status.open").is_visible()
    assert "14 November 2024" in item.inner_text() and "20 March 2025" in item.inner_text()
    decision_href = item.get_by_role("link", name=re.compile(r"^decision ")).get_attribute("href")
    visit.shot("briefing-report-backs")
    visit.assert_clean()

    item.locator("a.rb-source").click()
    visit.page.wait_for_url(re.compile(r"/documents/[^#]+#"))
    anchor = visit.page.url.split("#", 1)[1]
    target = visit.page.locator(f"[id='{anchor}']")
    assert target.evaluate("el => el.matches(':target')")
    assert "in-house children's homes programme" in target.inner_text()
    visit.shot("report-back-source", full_page=False)
    visit.assert_clean()

    # The decision it arose from: the same report-back, and the trace the API gives, with the action in it.
    visit.open(decision_href)
    assert visit.page.locator("#rb-h ~ ul li.report-back", has_text="in-house children's homes programme").count() == 1
    drawn = trace_nodes_on_page(visit)
    assert drawn == trace_nodes_from_api(visit)
    assert visit.page.locator(".trace svg a.node.kind-report-back").count() >= 1
    visit.shot("decision-report-back")
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
