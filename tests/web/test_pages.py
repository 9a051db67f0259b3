"""The pages in a real browser: ask → cite → document, person, measure chart, SPARQL, safety."""

from __future__ import annotations

import re

from tests.web.conftest import HOSTILE_HTML, HOSTILE_TXT

QUESTION = "How many children were in the care of Harwick Borough Council as at 30 September 2024?"


def first_href(visit, selector: str) -> str:
    """The href of the first element matching ``selector``."""
    return visit.page.locator(selector).first.get_attribute("href")


def test_ask_then_citation_scrolls_to_and_highlights_the_paragraph(visit):
    visit.open("/")
    assert visit.page.locator("h1").inner_text().startswith("Ask")
    assert visit.page.locator("ul.examples li").count() >= 1
    visit.shot("ask-home")
    visit.page.get_by_label("Your question").fill(QUESTION)
    visit.page.get_by_role("button", name="Ask").click()
    visit.page.wait_for_load_state("load")
    answer = visit.page.get_by_test_id("answer")
    assert answer.is_visible() and answer.inner_text().strip()
    if "451" in answer.inner_text():  # answered: entities named in the answer link to their pages
        assert answer.locator("a.entity").count() >= 1
    citation = visit.page.locator(".citation a.cite").first
    assert citation.is_visible()
    assert visit.page.locator(".citation mark").count() >= 1
    visit.shot("ask-answer")
    visit.assert_clean()

    citation.click()
    visit.page.wait_for_url(re.compile(r"/documents/[^#]+#(p|para)-"))
    anchor = visit.page.url.split("#", 1)[1]
    target = visit.page.locator(f"[id='{anchor}']")
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => getComputedStyle(el).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    box = target.bounding_box()
    viewport = visit.page.viewport_size
    assert box is not None and 0 <= box["y"] < viewport["height"], box
    visit.shot("document-cited", full_page=False)
    visit.assert_clean()


def test_document_page_lists_numbered_paragraphs_download_and_facts(visit):
    visit.open("/documents")
    visit.page.get_by_role("link", name="Children's Social Care Workforce Update").click()
    visit.page.wait_for_load_state("load")
    assert visit.page.locator(".para[id^='p-']").count() >= 5
    download = visit.page.get_by_role("link", name=re.compile("^Download harwick"))
    assert download.get_attribute("href").endswith("/original")
    assert visit.page.locator(".doc-facts li").count() >= 1
    visit.shot("document")
    visit.assert_clean()


def test_person_page_shows_posts_and_reports(visit):
    visit.open("/browse")
    visit.shot("browse")
    visit.page.locator("section", has=visit.page.get_by_role("heading", name=re.compile("^People"))) \
        .get_by_role("link").first.click()
    visit.page.wait_for_load_state("load")
    assert visit.page.locator("p.kind").inner_text().strip().lower() == "person"
    assert visit.page.get_by_role("heading", name="Posts held").is_visible()
    assert visit.page.locator("table.list tbody tr").count() >= 1
    visit.shot("person")
    visit.assert_clean()


def test_measure_page_charts_points_linked_to_their_paragraphs(visit):
    visit.open("/browse")
    visit.page.locator("#b-measures + ul a").first.click()
    visit.page.wait_for_load_state("load")
    points = visit.page.locator(".chart svg a.point circle")
    assert points.count() >= 2
    assert visit.page.locator("table.figures tbody tr").count() >= points.count()
    visit.shot("measure")
    visit.assert_clean()
    visit.page.locator(".chart svg a.point").first.click()
    visit.page.wait_for_url(re.compile(r"/documents/[^#]+#"))
    anchor = visit.page.url.split("#", 1)[1]
    assert visit.page.locator(f"[id='{anchor}']").evaluate("el => el.matches(':target')")


def test_sparql_page_runs_a_query_in_yasgui_and_shows_rows(visit):
    visit.open("/query")
    visit.page.wait_for_selector(".yasqe .CodeMirror")
    examples = visit.page.locator("a.example")
    wanted = 4  # the starter query lists the papers
    if examples.count():  # the ontology's example queries: one click loads one into the editor
        example = visit.page.locator("a.example", has_text="Bodies of a council")
        example = example if example.count() else examples.first
        example.click()
        editor = visit.page.evaluate("window.councilYasgui.getTab().getQuery()")
        source = visit.page.locator(f"pre#{example.get_attribute('data-example')}").text_content()
        assert editor.strip() == source.strip()
        wanted = 1
    visit.page.locator(".yasqe_queryButton").click()
    rows = visit.page.locator(".yasr table tbody tr")
    rows.first.wait_for()
    assert rows.count() >= wanted
    visit.shot("sparql")
    visit.assert_clean()


def test_hostile_documents_execute_nothing(visit):
    for name in (HOSTILE_TXT, HOSTILE_HTML):
        visit.open("/documents")
        href = visit.page.locator("a", has_text=re.compile("Hostile")).and_(
            visit.page.locator(f"a[href*='{name.split('.')[0].replace('_', '-')}']")).first.get_attribute("href")
        visit.open(href)
        visit.page.wait_for_timeout(300)
        assert visit.page.evaluate("typeof window.__pwned") == "undefined"
        assert visit.page.locator("a[href^='javascript:' i]").count() == 0
        assert visit.page.locator("main script, main iframe, main img, main style").count() == 0
        visit.shot(f"hostile-{name.split('.')[0]}")
        visit.assert_clean()
    assert "<script>" in visit.page.locator("main").inner_text() or "script" in visit.page.locator("main").inner_text()
    visit.open("/search?q=pwned+script")
    assert visit.page.evaluate("typeof window.__pwned") == "undefined"
    assert visit.page.locator("main script").count() == 0
    visit.assert_clean()
