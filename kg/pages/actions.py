"""Report-backs: the follow-ups (``ckg:Action``) a body asked for, and whether a later paper
appears to answer them.

One query (``report_backs``) serves the briefing, body, meeting and decision pages: it takes a
body, a meeting or a decision. A report-back counts as answered when the graph marks it done
(``ckg:actionStatus "done"``) or when a later paper's title names its subject, the same rule
as the trace's "reported back in" step (``kg/queries/decision_trace.rq``), so the decision
page's list and its drawing agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.pages.rows import plain


@dataclass(frozen=True)
class LaterPaper:
    """A paper dated after the request whose title names what was asked for."""

    doc: str
    title: str
    date: str | None


@dataclass(frozen=True)
class ReportBack:
    """One follow-up asked for: its words, who asked where, where it is written, what answers it."""

    action: str
    text: str
    subject: str | None
    status: str
    body: str | None
    body_label: str | None
    meeting: str | None
    date: str | None
    decision: str | None
    clause: str | None
    para: str | None
    number: str | None
    heading: str | None
    doc: str | None
    doc_title: str | None
    answers: tuple[LaterPaper, ...]

    @property
    def done(self) -> bool:
        """Whether the graph marks it done."""
        return self.status == "done"

    @property
    def open(self) -> bool:
        """Neither marked done nor apparently answered by a later paper."""
        return not self.done and not self.answers

    @property
    def item(self) -> str | None:
        """The agenda item heading its paragraph sits under (the last part of its heading path)."""
        if not self.heading:
            return None
        return self.heading.split(" > ")[-1].strip() or None


def report_backs(graph, node: str) -> list[ReportBack]:
    """Report-backs asked for by the body, at the meeting, or arising from the decision ``node``."""
    grouped: dict[str, tuple[dict[str, str], list[LaterPaper]]] = {}
    for row in plain(graph, "report_backs", node=node):
        first, answers = grouped.setdefault(row["action"], (row, []))
        if row.get("answer") and all(a.doc != row["answer"] for a in answers):
            answers.append(LaterPaper(row["answer"], row.get("answerTitle", ""), row.get("answerDate")))
    return [ReportBack(
        action=action, text=r["text"], subject=r.get("subject"), status=r.get("status", "open"),
        body=r.get("body"), body_label=r.get("bodyLabel"), meeting=r.get("meeting"), date=r.get("date"),
        decision=r.get("decision"), clause=r.get("clause"), para=r.get("para"), number=r.get("number"),
        heading=r.get("heading"), doc=r.get("doc"), doc_title=r.get("docTitle"), answers=tuple(answers),
    ) for action, (r, answers) in grouped.items()]
