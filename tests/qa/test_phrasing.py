"""The optional LLM phrasing hook, against a real OpenAI-compatible chat-completions server on
loopback that answers from a script and records what it was sent: kept sentences cite passages
that were sent, everything else is dropped, and any failure leaves the composed answer standing."""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from kg.errors import ConfigError
from kg.knowledge import KnowledgeBase
from kg.qa.phrasing import Phraser
from kg.qa.records import Answer, Citation, Fact
from kg.qa.service import QuestionAnswerer
from kg.settings import Settings
from tests.serving import free_port

TIMEOUT = 0.5  # the phraser's limit in the failure tests
MARGIN = 0.5  # what the call may take beyond it

CARE = Citation("p-care", "doc-pack", "Children in Care Update", "pack.pdf", "4.1", 12,
                "As at 30 September 2024 there were 451 children in the care of Harwick Borough Council.")
RATE = Citation("p-rate", "doc-pack", "Children in Care Update", "pack.pdf", "4.2", 12,
                "This is a rate of 74 per 10,000 children aged 0-17, above the national average.")
STAFF = Citation("p-staff", "doc-report", "Workforce Report", "report.docx", "2.3", None,
                 "Turnover of permanent social workers fell to 16.9% in the year to March 2024.")
FACTS = (
    Fact("observation", "Children in care: 451 (30 September 2024)", "p-care", "Children in care", "451"),
    Fact("author", "Claire Ashdown (author)", "p-staff", "Workforce Report", "Claire Ashdown"),
)
QUESTION = "How many children were in the care of Harwick Borough Council as at 30 September 2024?"
COMPOSED = Answer(QUESTION, "451 children were in care at 30 September 2024.", True, 0.81, FACTS,
                  (CARE, RATE, STAFF), ("SELECT * WHERE { ?s ?p ?o }",))


@dataclass(frozen=True)
class Reply:
    """One scripted response of the fake endpoint."""

    content: str | None = None  # the assistant message, wrapped in the chat-completions JSON
    status: int = 200
    raw: bytes | None = None  # sent as it is instead of ``content``
    delay: float = 0.0  # seconds before anything is sent
    trickle: float = 0.0  # seconds between the bytes of the body (headers sent at once)


class ChatServer:
    """An OpenAI-compatible ``/v1/chat/completions`` endpoint on loopback, answering from a script."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.replies: list[Reply] = [Reply("(no reply scripted)")]
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.requests.append({"path": self.path, "body": json.loads(body)})
                reply = server.replies.pop(0) if len(server.replies) > 1 else server.replies[0]
                if server.stopping.wait(reply.delay):
                    return
                payload = reply.raw if reply.raw is not None else json.dumps({
                    "id": "chatcmpl-1", "object": "chat.completion", "model": "test",
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": reply.content}}],
                }).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if not reply.trickle:
                    self.wfile.write(payload)
                    return
                for i in range(len(payload)):
                    if server.stopping.wait(reply.trickle):
                        return
                    self.wfile.write(payload[i:i + 1])
                    self.wfile.flush()

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def script(self, *replies: Reply) -> None:
        """Answer the next requests with these replies (the last one repeats)."""
        self.replies = list(replies)

    def prompt(self, index: int = 0) -> str:
        """The text of every message of one recorded request."""
        return "\n".join(m["content"] for m in self.requests[index]["body"]["messages"])


@pytest.fixture()
def llm() -> Iterator[ChatServer]:
    server = ChatServer()
    thread = threading.Thread(target=server.httpd.serve_forever, daemon=True)
    thread.start()
    yield server
    server.stopping.set()
    server.httpd.shutdown()
    server.httpd.server_close()


def phrase(llm: ChatServer, content: str, answer: Answer = COMPOSED) -> Answer:
    llm.script(Reply(content))
    return Phraser(llm.url, "test-model", timeout=5).phrase(answer)


def markers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[(\d+)\]", text)]


# -- what is kept -----------------------------------------------------------------------------


def test_cited_sentences_are_kept_and_renumbered_to_the_returned_citations(llm):
    out = phrase(llm, "The rate was 74 per 10,000 children aged 0-17 [2]. "
                      "There were 451 children in care and turnover fell to 16.9% [1][3].")
    # Passage 2 of the prompt was cited first, so it is returned first and becomes [1].
    assert out.answer == ("The rate was 74 per 10,000 children aged 0-17 [1]. "
                          "There were 451 children in care and turnover fell to 16.9% [2][3].")
    assert out.citations == (RATE, CARE, STAFF)
    assert "74 per 10,000" in out.citations[0].text and "451" in out.citations[1].text
    # Every marker names a returned citation; nothing else about the answer changed.
    assert all(1 <= n <= len(out.citations) for n in markers(out.answer))
    assert (out.question, out.answered, out.confidence, out.facts, out.sparql) == \
           (COMPOSED.question, True, COMPOSED.confidence, FACTS, COMPOSED.sparql)
    assert set(out.to_json()) == set(COMPOSED.to_json())


def test_first_citation_is_the_passage_the_phrasing_cites_first(llm):
    out = phrase(llm, "Turnover of permanent social workers fell to 16.9% [3].")
    assert out.answer == "Turnover of permanent social workers fell to 16.9% [1]."
    assert out.citations == (STAFF, CARE, RATE)
    assert "16.9%" in out.citations[markers(out.answer)[0] - 1].text


def test_markers_after_the_full_stop_and_titles_stay_in_their_sentence(llm):
    out = phrase(llm, "Cllr. Ashdown wrote the workforce report. [3] 451 children were in care. [1]")
    assert out.answer == "Cllr. Ashdown wrote the workforce report. [1] 451 children were in care. [2]"
    assert out.citations == (STAFF, CARE, RATE)


def test_a_sentence_citing_a_passage_that_was_not_sent_is_dropped(llm):
    out = phrase(llm, "451 children were in care [1]. The council spent £4 million on placements [4]. "
                      "Both rose [1][9].")
    assert out.answer == "451 children were in care [1]."
    assert out.citations == COMPOSED.citations
    out = phrase(llm, "The rate was 74 per 10,000 [0]. The rate was 74 per 10,000 children [2].")
    assert out.answer == "The rate was 74 per 10,000 children [1]." and out.citations[0] == RATE


def test_a_sentence_stating_a_figure_its_passages_do_not_is_dropped(llm):
    # 451 is in passage 1 (children in care), not in passage 2 (the rate) that the sentence cites.
    out = phrase(llm, "There were 451 children in care [2]. The rate was 74 per 10,000 children [2].")
    assert out.answer == "The rate was 74 per 10,000 children [1]."
    out = phrase(llm, "There were 452 children in care [1].")  # a number no passage states
    assert out.answer == COMPOSED.answer and out.citations == COMPOSED.citations


def test_an_uncited_sentence_is_dropped(llm):
    out = phrase(llm, "The figure has risen sharply since last year. 74 per 10,000 children were in care [2].")
    assert out.answer == "74 per 10,000 children were in care [1]."
    assert out.citations[0] == RATE


def test_at_most_two_sentences_within_400_characters(llm):
    long = "The papers report " + "many things " * 30 + "[2]."
    out = phrase(llm, f"451 children were in care [1]. {long}")
    assert out.answer == "451 children were in care [1]."
    out = phrase(llm, "451 children were in care [1]. The rate was 74 [2]. Turnover fell to 16.9% [3].")
    assert out.answer == "451 children were in care [1]. The rate was 74 [2]."
    assert len(phrase(llm, f"{long} 451 children were in care [1].").answer) <= 400


def test_a_thinking_block_is_not_part_of_the_answer(llm):
    out = phrase(llm, "<think>Passage 1 says 451 [1].</think>\nThere were 451 children in care [1].")
    assert out.answer == "There were 451 children in care [1]."


@pytest.mark.parametrize("content", [
    "The papers do not say.",  # nothing cited
    "There were 451 children in care [4]. The rate was 74 [12].",  # only unknown passages
    "[1][2]",  # markers alone
    "There were 451 children in care [1.",  # a broken marker
])
def test_when_no_sentence_survives_the_composed_answer_stands(llm, content):
    assert phrase(llm, content) == COMPOSED
    assert len(llm.requests) == 1


# -- what is sent -----------------------------------------------------------------------------


def test_the_request_carries_the_question_facts_and_numbered_passages(llm):
    phrase(llm, "451 children were in care [1].")
    [request] = llm.requests
    assert request["path"] == "/v1/chat/completions"
    body = request["body"]
    assert body["model"] == "test-model" and body["stream"] is False
    assert [m["role"] for m in body["messages"]] == ["system", "user"]
    prompt = llm.prompt()
    assert QUESTION in prompt and COMPOSED.answer in prompt
    for fact in FACTS:
        assert fact.text in prompt
    for number, citation in enumerate(COMPOSED.citations, 1):
        assert f"[{number}] ({citation.title}" in prompt
        assert citation.text in prompt
        assert prompt.index(f"[{number}] (") < prompt.index(citation.text)


def test_a_base_url_ending_in_v1_is_not_doubled(llm):
    llm.script(Reply("451 children were in care [1]."))
    out = Phraser(llm.url + "/v1/", "test-model", timeout=5).phrase(COMPOSED)
    assert llm.requests[0]["path"] == "/v1/chat/completions" and out.answer.endswith("[1].")


@pytest.mark.parametrize("answer", [
    Answer(QUESTION, None, False, 0.12, FACTS, (CARE, RATE), ()),  # an abstention
    Answer(QUESTION, "451.", True, 0.9, FACTS, (), ()),  # nothing to cite
])
def test_nothing_is_sent_for_an_abstention_or_an_answer_without_citations(llm, answer):
    llm.script(Reply("451 children were in care [1]."))
    assert Phraser(llm.url, "test-model", timeout=5).phrase(answer) is answer
    assert llm.requests == []


# -- failures ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reply", [
    Reply(status=500, raw=b'{"error": "model not loaded"}'),
    Reply(status=404, raw=b"not found"),
    Reply(raw=b"<html>this is not JSON</html>"),
    Reply(raw=b'{"choices": []}'),
    Reply(raw=b'{"object": "chat.completion"}'),
    Reply(raw=b'{"choices": [{"message": {"role": "assistant"}}]}'),
    Reply(""),
    Reply("   "),
    Reply(raw=json.dumps({"choices": [{"message": {"content": 42}}]}).encode()),
    Reply("451 children were in care [1].", delay=3.0),  # nothing before the timeout
    Reply("451 children were in care [1].", trickle=0.1),  # a reply that never finishes in time
], ids=["500", "404", "not-json", "no-choices", "no-fields", "no-content", "empty", "blank",
        "not-text", "slow", "trickle"])
def test_any_failure_returns_the_composed_answer_within_the_timeout(llm, reply, caplog):
    llm.script(reply)
    start = time.monotonic()
    out = Phraser(llm.url, "test-model", timeout=TIMEOUT).phrase(COMPOSED)
    elapsed = time.monotonic() - start
    assert out == COMPOSED
    assert len(llm.requests) == 1
    assert elapsed < TIMEOUT + MARGIN
    assert any(r.levelname == "WARNING" and "phrasing" in r.getMessage() for r in caplog.records)


def test_a_server_that_is_down_returns_the_composed_answer():
    start = time.monotonic()
    out = Phraser(f"http://127.0.0.1:{free_port()}", "test-model", timeout=TIMEOUT).phrase(COMPOSED)
    assert out == COMPOSED and time.monotonic() - start < TIMEOUT + MARGIN


# -- settings ---------------------------------------------------------------------------------


def test_off_by_default_and_on_when_the_url_is_set(llm):
    assert Settings().llm_url == "" and Phraser.from_settings(Settings.load({})) is None
    assert Phraser.from_settings(Settings.load({"COUNCIL_KG_LLM_URL": "  "})) is None
    on = Phraser.from_settings(Settings.load({"COUNCIL_KG_LLM_URL": llm.url, "COUNCIL_KG_LLM_MODEL": "qwen",
                                              "COUNCIL_KG_LLM_TIMEOUT": "3.5"}))
    assert (on.url, on.model, on.timeout) == (llm.url + "/v1/chat/completions", "qwen", 3.5)


@pytest.mark.parametrize("value", ["ftp://127.0.0.1/", "file:///etc/passwd", "127.0.0.1:8080", "http://",
                                   "http://host:port/"])
def test_a_bad_url_names_the_setting(value):
    with pytest.raises(ConfigError, match="COUNCIL_KG_LLM_URL"):
        Settings.load({"COUNCIL_KG_LLM_URL": value})
    with pytest.raises(ConfigError, match="llm_url"):
        Phraser(value, "test-model")


def test_a_bad_timeout_names_the_setting():
    with pytest.raises(ConfigError, match="COUNCIL_KG_LLM_TIMEOUT"):
        Settings.load({"COUNCIL_KG_LLM_TIMEOUT": "0"})


# -- through the question answerer -------------------------------------------------------------


def _answerer(samples: QuestionAnswerer, environ: dict[str, str]) -> QuestionAnswerer:
    """A second answerer on the sample papers' data directory, built from these variables."""
    settings = Settings.load(environ, data=samples.knowledge.settings.data)
    return QuestionAnswerer(KnowledgeBase(settings, samples.knowledge.embedder))


def test_the_answerer_phrases_through_the_endpoint_the_settings_name(samples, llm):
    question = "How many children were in the care of Harwick Borough Council as at 30 September 2024?"
    composed = samples.ask(question)
    assert composed.answered and len(composed.citations) >= 2
    llm.script(Reply("The papers give the number for that date [2]. It doubled last year [9]."))
    out = _answerer(samples, {"COUNCIL_KG_LLM_URL": llm.url, "COUNCIL_KG_LLM_TIMEOUT": "5"}).ask(question)
    assert out.answer == "The papers give the number for that date [1]."
    assert out.citations[0] == composed.citations[1]
    assert sorted(c.id for c in out.citations) == sorted(c.id for c in composed.citations)
    assert (out.facts, out.sparql, out.confidence) == (composed.facts, composed.sparql, composed.confidence)
    prompt = llm.prompt()
    assert composed.answer in prompt and all(c.text[:200] in prompt for c in composed.citations)
    assert all(f.text in prompt for f in composed.facts)


def test_the_answerer_never_sends_an_abstention(samples, llm):
    question = "What is Harwick Borough Council's total net revenue budget for 2025/26?"
    composed = samples.ask(question)
    assert not composed.answered
    out = _answerer(samples, {"COUNCIL_KG_LLM_URL": llm.url}).ask(question)
    assert out.to_json() == composed.to_json() and llm.requests == []


def test_the_answerer_without_the_setting_sends_nothing(samples, llm):
    question = "How many children were in the care of Harwick Borough Council as at 30 September 2024?"
    plain = _answerer(samples, {"COUNCIL_KG_LLM_MODEL": "test-model"})
    assert plain.phraser is None
    assert plain.ask(question).to_json() == samples.ask(question).to_json()
    assert llm.requests == []


def test_the_answerer_keeps_its_answer_when_the_endpoint_fails(samples, llm):
    question = "How many children were in the care of Harwick Borough Council as at 30 September 2024?"
    llm.script(Reply(status=500, raw=b"{}"))
    out = _answerer(samples, {"COUNCIL_KG_LLM_URL": llm.url}).ask(question)
    assert out.to_json() == samples.ask(question).to_json() and len(llm.requests) == 1
