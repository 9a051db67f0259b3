"""Optional phrasing of an answer by a language model behind an OpenAI-compatible endpoint.

Off by default: a :class:`Phraser` exists only when ``llm_url`` is set (a local llama.cpp or
Ollama server). It sends the question, the composed answer, its facts and its numbered citation
passages to ``{llm_url}/v1/chat/completions`` and asks for at most two sentences, each ending with
markers such as ``[1]`` or ``[1][2]`` that name the passages it rests on.

What comes back is checked, never trusted: a sentence is kept only when it carries a marker and
every marker names a passage that was sent; the rest are dropped. The kept markers are renumbered
so that ``[n]`` is the n-th entry of the answer's returned ``citations``, which are reordered so the
passages the phrasing cites come first, in the order it first cites them (the first citation stays
the paragraph the answer rests on), followed by the others in their original order.

The composed answer is returned unchanged when the answer is an abstention (nothing is sent),
when nothing survives the check, and on any failure of the endpoint (refused, timed out, an HTTP
error, a reply that is not the chat-completions JSON): phrasing never fails a question, and never
holds it longer than ``llm_timeout`` seconds.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import urllib.error
import urllib.request
from dataclasses import replace
from typing import TYPE_CHECKING

from kg.errors import ConfigError
from kg.qa.records import Answer, Citation
from kg.settings import http_url

if TYPE_CHECKING:
    from kg.settings import Settings

log = logging.getLogger(__name__)

MAX_SENTENCES = 2
MAX_ANSWER_CHARS = 400
MAX_PASSAGE_CHARS = 2000  # a passage is cut here in the prompt: small local models have short contexts
MAX_FACTS = 10
MAX_REPLY_BYTES = 1 << 20
MAX_TOKENS = 256

INSTRUCTIONS = (
    "You answer questions about UK council committee papers, using only the facts and numbered "
    "passages given. Write at most two short sentences. End every sentence with the numbers of the "
    "passages that support it in square brackets, like [1] or [1][2]. Cite only passage numbers that "
    "are given. Do not state anything the passages do not say. Reply with the answer only."
)

_MARKER = re.compile(r"\[(\d{1,3})\]")
_THINKING = re.compile(r"<think>.*?</think>", re.S | re.I)
# A sentence ends at . ! ? or at its closing marker, before a space and a capital, digit or quote;
# titles and Latin abbreviations ("Cllr. Ashdown", "e.g. The") do not end one.
_ABBREV = r"(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bCllr\.)(?<!\bNo\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bSt\.)"
_SENTENCE_END = re.compile(_ABBREV + r"(?<=[.!?\]])[\"”’)]?\s+(?=[A-Z0-9\"“‘(£])")


class Phraser:
    """Rephrases an answered question through an OpenAI-compatible chat-completions endpoint."""

    def __init__(self, url: str, model: str, timeout: float = 20.0) -> None:
        self.url = chat_completions_url(url)
        self.model = model
        if not timeout > 0:
            raise ConfigError(f"llm_timeout={timeout!r}: must be a positive number of seconds")
        self.timeout = float(timeout)
        # No proxies: the endpoint is named explicitly, usually on loopback, and the environment is
        # read in kg.settings only.
        self._opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    @classmethod
    def from_settings(cls, settings: "Settings") -> "Phraser | None":
        """The phraser the settings ask for, or None when ``llm_url`` is unset (the default)."""
        if not settings.llm_url:
            return None
        return cls(settings.llm_url, settings.llm_model, settings.llm_timeout)

    def phrase(self, answer: Answer) -> Answer:
        """The answer phrased from its own facts and passages, or ``answer`` itself."""
        if not answer.answered or not answer.answer or not answer.citations:
            return answer
        try:
            reply = self._complete(self._messages(answer))
        except Exception as exc:  # whatever the endpoint does, the composed answer stands
            log.warning("LLM phrasing skipped, the composed answer stands: %s", _describe(exc))
            return answer
        phrased = checked(reply, answer.citations)
        if phrased is None:
            log.warning("LLM phrasing dropped: no sentence of the reply cites a passage it was given")
            return answer
        text, citations = phrased
        return replace(answer, answer=text, citations=citations)

    # -- the request -----------------------------------------------------------------------

    def _messages(self, answer: Answer) -> list[dict[str, str]]:
        facts = "\n".join(f"- {f.text}" for f in answer.facts[:MAX_FACTS]) or "- (none)"
        passages = "\n\n".join(f"[{i}] {_source(c)}\n{_cut(c.text)}" for i, c in enumerate(answer.citations, 1))
        prompt = (f"Question: {answer.question}\n\nDraft answer: {answer.answer}\n\nFacts:\n{facts}\n\n"
                  f"Passages:\n{passages}")
        return [{"role": "system", "content": INSTRUCTIONS}, {"role": "user", "content": prompt}]

    def _complete(self, messages: list[dict[str, str]]) -> str:
        """The reply's text; raises on any failure, and after ``timeout`` seconds at the latest."""
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0,
                           "max_tokens": MAX_TOKENS, "stream": False}).encode("utf-8")
        deadline = time.monotonic() + self.timeout
        outcome: dict[str, object] = {}

        def call() -> None:
            try:
                outcome["raw"] = self._post(body, deadline)
            except BaseException as exc:  # handed to the asking thread
                outcome["error"] = exc

        # The socket timeout bounds each read, not the whole exchange (a server may trickle bytes):
        # the asking thread waits for the worker until the deadline and no longer.
        worker = threading.Thread(target=call, name="llm-phrasing", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise TimeoutError(f"no complete reply within {self.timeout:g} s")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return _content(outcome["raw"])  # type: ignore[arg-type]

    def _post(self, body: bytes, deadline: float) -> bytes:
        request = urllib.request.Request(
            self.url, data=body, method="POST",
            headers={"Content-Type": "application/json", "Accept": "application/json"})
        try:
            response = self._opener.open(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            exc.close()  # its body is the server's error page, not wanted
            raise
        with response:
            chunks, size = [], 0
            while chunk := response.read1(65536):  # what has arrived, so the deadline is checked often
                size += len(chunk)
                if size > MAX_REPLY_BYTES:
                    raise ValueError(f"reply longer than {MAX_REPLY_BYTES} bytes")
                if time.monotonic() > deadline:
                    raise TimeoutError("reply still arriving at the deadline")
                chunks.append(chunk)
            return b"".join(chunks)


def chat_completions_url(base: str) -> str:
    """``{base}/v1/chat/completions`` for an http(s) base URL (one ending in ``/v1`` is accepted too)."""
    try:
        text = http_url(base).rstrip("/")
    except ValueError as exc:
        raise ConfigError(f"llm_url={base!r}: {exc}") from exc
    if not text:
        raise ConfigError("llm_url is empty: leave the phraser out instead")
    if text.endswith("/chat/completions"):
        return text
    return text + ("/chat/completions" if text.endswith("/v1") else "/v1/chat/completions")


def checked(reply: str, citations: tuple[Citation, ...]) -> tuple[str, tuple[Citation, ...]] | None:
    """The reply's sentences that cite only given passages (renumbered), with the citations
    reordered to match; None when no sentence survives."""
    kept: list[str] = []
    for sentence in sentences(reply):
        numbers = [int(n) for n in _MARKER.findall(sentence)]
        if not numbers or not all(1 <= n <= len(citations) for n in numbers):
            continue
        if not re.search(r"\w", _MARKER.sub("", sentence)):  # markers alone say nothing
            continue
        if not _figures_from(sentence, [citations[n - 1].text for n in numbers]):
            continue
        if len(" ".join(kept + [sentence])) > MAX_ANSWER_CHARS or len(kept) == MAX_SENTENCES:
            break
        kept.append(sentence)
    if not kept:
        return None
    cited = list(dict.fromkeys(int(n) for s in kept for n in _MARKER.findall(s)))
    order = cited + [n for n in range(1, len(citations) + 1) if n not in cited]
    new_number = {old: new for new, old in enumerate(order, 1)}
    text = " ".join(_MARKER.sub(lambda m: f"[{new_number[int(m.group(1))]}]", s) for s in kept)
    return text, tuple(citations[n - 1] for n in order)


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures_from(sentence: str, passages: list[str]) -> bool:
    """Whether every number the sentence states appears in the passages it cites: a model may
    phrase, not compute or invent ("451" kept only if a cited passage says 451 or 451.0)."""
    stated = {n.replace(",", "").rstrip(".") for n in _FIGURE.findall(_MARKER.sub("", sentence))}
    if not stated:
        return True
    cited = {n.replace(",", "").rstrip(".") for n in _FIGURE.findall(" ".join(passages))}
    return stated <= cited


def sentences(reply: str) -> list[str]:
    """The sentences of a model's reply, each with the markers that close it."""
    text = re.sub(r"\s+", " ", _THINKING.sub(" ", reply)).strip()
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _content(raw: bytes) -> str:
    """The message text of a chat-completions reply; ValueError when the reply is not one."""
    try:
        data = json.loads(raw.decode("utf-8"))
        content = data["choices"][0]["message"]["content"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, IndexError, TypeError) as exc:
        raise ValueError(f"not a chat-completions reply ({type(exc).__name__})") from exc
    if not isinstance(content, str) or not content.strip():
        raise ValueError("the reply's message is empty")
    return content


def _source(c: Citation) -> str:
    where = ", ".join(x for x in (c.title or c.file, f"paragraph {c.paragraph}" if c.paragraph else None,
                                   f"page {c.page}" if c.page else None) if x)
    return f"({where})"


def _cut(text: str) -> str:
    return text if len(text) <= MAX_PASSAGE_CHARS else text[:MAX_PASSAGE_CHARS].rsplit(" ", 1)[0] + " …"


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"
