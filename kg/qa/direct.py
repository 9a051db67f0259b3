"""Graph facts that answer a question by themselves: a post's holder, a paper's authors, a
meeting's time or venue. Each comes with the paragraph it derives from and a confidence that
competes with the best passage's.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from kg.knowledge import Snapshot
from kg.qa import calibration
from kg.qa.graph_facts import FactFindings
from kg.qa.names import fold
from kg.qa.records import Analysis, AnswerType
from kg.qa.typefit import ASKS_CLOCK_TIME


def fact_answer(a: Analysis, found: FactFindings):
    """(text, paragraph id, confidence, facts) when a graph fact answers the question itself."""
    if a.answer_type != AnswerType.PERSON:
        return None
    posts = [e for e in a.entities if e.kind == "post"]
    holders = [f for f in found.facts if f.kind == "post_holder"]
    q = a.question.lower()
    if re.search(r"\b(wrote|written|author)", q):
        wanted = "author"
    elif re.search(r"\blead officer|\bcontact\b", q):
        wanted = "lead_officer"
    elif re.search(r"\bfrom\b|\b(?:presented|submitted|introduced|brought)\b", q):
        wanted = "report_from"  # the front sheet's "Report from:" presents the report
    else:
        wanted = None
    authors = [f for f in found.facts if f.kind == "author" and dict(f.extra).get("capacity") == wanted]
    if wanted is None and (post := _POST_WORD.search(q)) and re.search(r"\b(?:name|names|signed|behind)\b", q):
        # "Which director's name is on the October update?": whoever the paper names in that post.
        authors = [f for f in found.facts if f.kind == "author" and post.group(0) in f.text.lower()]
    # "the Head of Commissioning who introduced…": only a presenter or author in that post answers
    if a.role:  # "which legal officer signed…": only someone in that role answers
        authors = [f for f in authors if re.search(rf"\b{a.role}", f.text, re.I)]
    named_posts = [fold(e.label) for e in posts if e.label and fold(e.label) in fold(a.question)]
    if named_posts:
        authors = [f for f in authors if any(p in fold(f.text) for p in named_posts)]
    docs = [e for e in a.entities if e.kind == "document"]
    if authors and docs and docs[0].score >= 0.75:
        names = list(dict.fromkeys(f.text.split(" (")[0] for f in authors))
        text = "; ".join(names) + "."
        return text, authors[0].paragraph_id, 0.85, authors
    if holders and posts and wanted is None:
        newest = holders[0]
        label = fold(newest.subject or "")
        if any(fold(w) not in label for w in a.salient):
            return None
        # The post must be named as such: "work programme to which officer" does not name the
        # "Programme Officer".
        if fold(re.split(r"\s*[(,]", newest.subject or "")[0]) not in fold(a.question):
            return None
        when = f" (as at {newest.when.strftime('%d %B %Y').lstrip('0')})" if newest.when else ""
        # (a holder as at another date than the one asked is less sure: posts change hands)
        elsewhen = bool(a.dates) and newest.when is not None and not any(
            d.start <= newest.when <= d.end for d in a.dates)
        conf = 0.8 * min(1.0, posts[0].score) * (calibration.WRONG_YEAR if elsewhen else 1.0)
        return f"{newest.value}, {newest.subject}{when}.", newest.paragraph_id, conf, [newest]
    return None

def meeting_answer(snap: Snapshot, a: Analysis, found: FactFindings, prefix: str):
    """Time or venue of a meeting the question dates, cited to the paragraph that states it."""
    wants = "time" if ASKS_CLOCK_TIME.search(a.question) and a.answer_type == AnswerType.DATE \
        else "venue" if a.answer_type == AnswerType.PLACE else None
    if wants is None:
        return None
    fallback = None
    for fact in (f for f in found.facts if f.kind == "meeting"):
        extra = dict(fact.extra)
        value, doc = extra.get(wants), extra.get("document", "")
        if not value or not doc.startswith(prefix):
            continue
        # The meeting may have several papers: cite the one that states the time or venue.
        pid = next((sp.paragraph.id for sp in snap.catalog.paragraphs_of(unquote(doc[len(prefix):]))
                    if value.split(",")[0] in sp.paragraph.text), None)
        when = fact.when.strftime("%d %B %Y").lstrip("0") if fact.when else ""
        verb = "started at" if wants == "time" else "was held at"
        answer = (f"The meeting of the {fact.subject} on {when} {verb} {value}.", pid, 0.85, [fact])
        if pid is not None:
            return answer
        fallback = fallback or answer
    return fallback

# -- citations -----------------------------------------------------------------------


_POST_WORD = re.compile(r"\b(?:director|officer|head|manager|councillor|member|leader|chief)\b")
