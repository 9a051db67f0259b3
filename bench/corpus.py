"""A synthetic corpus of council committee papers that scales to a million paragraphs.

Three kinds of paper, shaped like real ones: officer reports (summary, recommendations,
numbered sections with figures "as at" a date, authors with their posts), minutes (numbered
minute items, apologies, decisions "RESOLVED that ...") and agenda packs (items with the
reports they introduce). Everything is drawn from a seeded generator, so a size and a seed
always give the same papers. Papers come out as plain text in the layout the TXT reader and
segmenter expect, with a manifest entry each; :func:`paragraph_texts` gives the paragraphs
alone (for benchmarks that do not need the files).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

COUNCILS = ("Harwick Borough Council", "Medbury City Council", "Eastmoor District Council",
            "Northfold County Council", "Kingsbridge Metropolitan Borough Council")
BODIES = ("Cabinet", "Full Council", "Children and Families Overview and Scrutiny Committee",
          "Planning Committee", "Audit and Governance Committee", "Health and Wellbeing Board",
          "Licensing Committee", "Regeneration and Housing Scrutiny Committee", "Corporate Parenting Board")
FIRST = ("Jane", "Robert", "Amira", "Hamid", "Joanne", "Adebayo", "Priya", "Tom", "Siobhan", "Marek",
         "Grace", "Oluwaseun", "Fiona", "David", "Helen", "Kwame", "Laura", "Imran", "Catherine", "Ewan")
LAST = ("Smith", "Kaye", "Qureshi", "Whitlock", "Mensah", "Patel", "Hughes", "O'Neill", "Nowak",
        "Okafor", "Campbell", "Evans", "Thompson", "Begum", "Fraser", "Lewis", "Ahmed", "Wright", "Doyle")
POSTS = ("Director of Children's Services", "Chief Executive", "Assistant Director, Education and SEND",
         "Head of Finance", "Director of Public Health", "Head of Planning", "Monitoring Officer",
         "Portfolio Holder for Housing", "Portfolio Holder for Education and Skills", "Head of Audit",
         "Service Manager, Children in Care", "Head of Highways", "Director of Adult Social Care")
TOPICS = (
    ("children in care", "placements", "foster carers", "sufficiency", "residential homes"),
    ("special educational needs", "EHC plans", "home to school transport", "tribunals", "annual reviews"),
    ("housing", "temporary accommodation", "homelessness", "affordable homes", "void properties"),
    ("social care workforce", "agency social workers", "vacancies", "caseloads", "turnover"),
    ("budget", "overspend", "reserves", "savings programme", "capital programme"),
    ("highways", "potholes", "street lighting", "road safety", "parking enforcement"),
    ("public health", "smoking cessation", "childhood obesity", "sexual health", "drug treatment"),
    ("planning", "local plan", "five year land supply", "appeals", "section 106 contributions"),
    ("libraries", "opening hours", "volunteers", "digital inclusion", "book loans"),
    ("waste", "recycling rate", "fly-tipping", "garden waste", "contamination"),
)
MEASURES = ("number of {t}", "cost of {t}", "percentage of {t} reviewed on time", "spend on {t}",
            "average caseload for {t}", "waiting time for {t}")
VERBS = ("approved", "agreed", "noted", "endorsed", "deferred", "rejected", "recommended to Full Council")
LINKING = ("This reflects", "This is driven by", "Officers attribute this to", "The main factor is",
           "Members were told this follows", "The service expects this to continue because of")
CAUSES = ("rising demand", "the cost of living", "a shortage of local providers", "new statutory duties",
          "recruitment difficulties", "inflation in contract prices", "changes in national guidance",
          "the end of grant funding", "a backlog from the pandemic", "growth in the local population")


@dataclass(frozen=True)
class Paper:
    """One synthetic paper: its file name, text, manifest entry and paragraph texts."""

    file_name: str
    text: str
    manifest: dict
    paragraphs: tuple[str, ...]


class _Writer:
    def __init__(self, rng: random.Random, topic: tuple[str, ...], when: date) -> None:
        self.rng, self.topic, self.when = rng, topic, when
        self.lines: list[str] = []
        self.paragraphs: list[str] = []

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def heading(self, text: str) -> None:
        self.lines += [text, ""]

    def para(self, text: str, number: str | None = None) -> None:
        self.lines += [f"- {number} {text}" if number else text, ""]
        self.paragraphs.append(text)

    def figure(self) -> str:
        r = self.rng
        t = r.choice(self.topic)
        measure = r.choice(MEASURES).format(t=t)
        now = r.randint(20, 4000)
        before = max(1, int(now * r.uniform(0.7, 1.3)))
        at = self.when - timedelta(days=r.randint(10, 90))
        money = r.random() < 0.4
        fmt = (lambda v: f"£{v / 10:.1f} million") if money else (lambda v: f"{v:,}")
        change = "up" if now > before else "down"
        return (f"As at {at:%-d %B %Y} the {measure} was {fmt(now)}, {change} from {fmt(before)} a year "
                f"earlier ({(now - before) / before:+.1%}). {r.choice(LINKING)} {r.choice(CAUSES)} and "
                f"{r.choice(CAUSES)}, and the {r.choice(self.topic)} position will be reported again in "
                f"{(self.when + timedelta(days=r.randint(60, 200))):%B %Y}.")


def _report(rng: random.Random, w: _Writer, body: str, council: str) -> str:
    title = f"{w.topic[0].title()}: {rng.choice(w.topic[1:]).title()} Update {w.when.year}"
    w.heading(council.upper())
    w.heading(body.upper())
    w.heading(f"{w.when:%-d %B %Y}".upper())
    w.heading(title.upper())
    w.para(f"Report from: {rng.choice(POSTS)}: {w.person()}")
    w.para(f"Author: {rng.choice(POSTS)}: {w.person()}")
    w.heading("Summary")
    w.para(f"This report updates the {body} on {w.topic[0]} and {rng.choice(w.topic[1:])}. "
           f"It sets out performance to {w.when:%B %Y}, the pressures on the service and the actions "
           f"proposed, including changes to {rng.choice(w.topic[1:])}.")
    w.heading("1. Recommendations")
    for i in range(1, rng.randint(2, 4)):
        w.para(f"The {body} is asked to {rng.choice(('note', 'comment on', 'approve', 'agree'))} the "
               f"{rng.choice(w.topic)} proposals set out in section {rng.randint(3, 6)}.", f"1.{i}")
    for section in range(2, rng.randint(4, 8)):
        w.heading(f"{section}. {rng.choice(w.topic).title()}")
        for i in range(1, rng.randint(3, 9)):
            w.para(w.figure() if rng.random() < 0.6 else
                   f"{rng.choice(LINKING)} {rng.choice(CAUSES)}. The {rng.choice(POSTS)} will bring a "
                   f"further report on {rng.choice(w.topic)} to the {rng.choice(BODIES)}, with options "
                   f"to reduce {rng.choice(w.topic)} and a timetable for consultation.", f"{section}.{i}")
    return title


def _minutes(rng: random.Random, w: _Writer, body: str, council: str) -> str:
    title = f"Minutes of the {body}, {w.when:%-d %B %Y}"
    w.heading(title)
    w.para(f"Present: Councillors {', '.join(w.person() for _ in range(rng.randint(4, 8)))}.")
    item = rng.randint(100, 900)
    w.heading(f"{item} Apologies for absence")
    w.para(f"Apologies were received from Councillor {w.person()}.")
    for n in range(item + 1, item + rng.randint(3, 8)):
        topic = rng.choice(w.topic)
        w.heading(f"{n} {topic.title()}")
        w.para(f"The {rng.choice(POSTS)}, {w.person()}, introduced the report on {topic}. "
               f"{w.figure()}")
        w.para(f"Members asked about {rng.choice(w.topic)} and {rng.choice(CAUSES)}. Officers replied "
               f"that the {rng.choice(MEASURES).format(t=rng.choice(w.topic))} is monitored monthly.")
        w.para(f"Decision: RESOLVED that the {body} {rng.choice(VERBS)} the recommendations on {topic}, "
               f"subject to a further report from the {rng.choice(POSTS)} by {w.when + timedelta(days=120):%B %Y}.")
    return title


def _agenda(rng: random.Random, w: _Writer, body: str, council: str) -> str:
    title = f"Agenda pack: {body}, {w.when:%-d %B %Y}"
    w.heading(title)
    w.para(f"A meeting of the {body} will be held at {rng.choice(('Gun Wharf', 'the Civic Centre', 'the Guildhall'))} "
           f"on {w.when:%A %-d %B %Y} at {rng.choice(('6.30pm', '7.00pm', '10.00am'))}.")
    for n in range(1, rng.randint(5, 12)):
        topic = rng.choice(w.topic)
        w.heading(f"{n} {topic.title()}")
        w.para(f"Report of the {rng.choice(POSTS)} ({w.person()}). This item asks the {body} to consider "
               f"{topic} and {rng.choice(w.topic)}. {rng.choice(LINKING)} {rng.choice(CAUSES)}.")
    return title


KINDS = (("report", _report, 0.5), ("minutes", _minutes, 0.3), ("agenda", _agenda, 0.2))


def papers(paragraphs: int, seed: int = 7) -> Iterator[Paper]:
    """Papers until at least ``paragraphs`` paragraphs have been produced."""
    rng = random.Random(seed)
    made, number = 0, 0
    start = date(2019, 1, 1)
    while made < paragraphs:
        number += 1
        council, body = rng.choice(COUNCILS), rng.choice(BODIES)
        when = start + timedelta(days=rng.randint(0, 6 * 365))
        kind, build = rng.choices([(k, b) for k, b, _ in KINDS], weights=[w for *_, w in KINDS])[0]
        w = _Writer(rng, rng.choice(TOPICS), when)
        title = build(rng, w, body, council)
        slug = "".join(c for c in body.lower() if c.isalnum())[:12]
        name = f"p{number:07d}_{slug}_{when.isoformat()}_{kind}.txt"
        entry = {"file": name, "council": council, "body": body, "meeting_date": when.isoformat(),
                 "document_type": kind, "title": title}
        made += len(w.paragraphs)
        yield Paper(name, "\n".join(w.lines), entry, tuple(w.paragraphs))


def paragraph_texts(count: int, seed: int = 7) -> list[str]:
    """Exactly ``count`` paragraph texts from the synthetic papers."""
    out: list[str] = []
    for paper in papers(count, seed):
        out.extend(paper.paragraphs)
    return out[:count]


def write_corpus(folder: Path, paragraphs: int, seed: int = 7) -> list[Paper]:
    """Write papers as .txt files and a manifest.json into ``folder``; returns the papers."""
    folder.mkdir(parents=True, exist_ok=True)
    written = list(papers(paragraphs, seed))
    for paper in written:
        (folder / paper.file_name).write_text(paper.text, encoding="utf-8")
    (folder / "manifest.json").write_text(json.dumps([p.manifest for p in written], indent=0))
    return written
