"""Words a question and a paper use for the same thing ("presented" / "introduced", "kids" /
"children", "took place" / "held"), folded to one stem when question answering weighs how much
of a question a sentence covers.

The list is deliberately short and general: verbs and nouns of committee business that
members paraphrase, not topic vocabulary. Retrieval itself (BM25 and the embeddings) is left
alone; the dense half already matches paraphrase.
"""

from __future__ import annotations

import re

from kg.lexical import Tokenizer

# Each group is folded to its first word's stem.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("present", "presented", "presenting", "introduce", "introduced", "introducing", "fronted", "fronting"),
    ("adviser", "advisers", "advisor", "advisors"),
    ("increase", "increased", "increases", "rise", "rises", "rose", "risen", "grow", "grew", "grown", "growth",
     "expansion", "expand", "expanded"),
    ("turnover", "attrition"),
    ("decrease", "decreased", "decreases", "fall", "falls", "fell", "fallen", "drop", "dropped", "decline",
     "declined", "reduce", "reduced", "reduction", "cut", "cuts", "cutting", "less", "fewer", "lower", "lessen", "lessened",
     "lessening"),
    ("model", "format", "style"),
    ("draw", "drawing", "drawn", "drew", "construct", "construction", "prepare", "prepared", "preparation",
     "compile", "compiled"),
    ("delegate", "delegated", "delegation", "hand", "handed", "entrust", "entrusted"),
    ("adolescent", "adolescents", "teenager", "teenagers", "teens"),
    ("cost", "costs", "spend", "spent", "spending", "expenditure", "bill", "bills"),
    ("staff", "workforce", "employees"),
    ("child", "children", "kid", "kids", "youngster", "youngsters"),
    ("close", "closed", "closure", "closures", "shut", "shutting"),
    ("start", "started", "begin", "began", "begun", "commence", "commenced"),
    ("end", "ended", "ending", "finish", "finished", "terminate", "terminated", "termination", "cease", "ceased"),
    ("buy", "bought", "purchase", "purchased", "commission", "commissioned", "commissioning"),
    ("help", "helped", "helps", "support", "supported", "assist", "assisted", "assists"),
    ("held", "hold"),
    ("vacancy", "vacancies", "vacant", "unfilled", "empty"),
    ("fund", "funds", "funding", "funded", "money", "monies"),
    ("refer", "referred", "pass", "forward", "forwarded"),
    ("cite", "cited", "quote", "quoted"),
    ("equality", "equalities", "diversity"),
    ("assessment", "assessments", "check", "checks", "appraisal"),
    ("deficit", "deficits", "shortfall", "shortfalls", "hole"),
    ("councillor", "councillors", "cllr"),
    ("pay", "paid", "payment", "payments", "remuneration", "wage", "wages"),
    ("outweigh", "outweighs", "outweighed", "beat", "beats", "exceed", "exceeds", "exceeded"),
    ("indicate", "indicated", "indicates", "signal", "signals", "signalled", "signaled"),
    ("recruit", "recruited", "recruitment", "hire", "hired", "hiring"),
    ("overspend", "overspent", "overspends"),
    ("target", "targets", "aim", "aims", "goal", "goals"),
    # whether something stays or goes is one subject: "will it stay?" is answered by "rescinded"
    ("rescind", "rescinded", "lift", "lifted", "revoke", "revoked", "stay", "stays"),
    ("reason", "reasons", "factor", "factors"),
    ("theme", "themes", "pillar", "pillars", "strand", "strands"),
    ("concern", "concerns", "concerned", "worry", "worries", "worried"),
    ("rely", "relies", "relied", "reliance", "reliant", "depend", "depends", "dependence", "dependency", "dependent"),
    ("private", "commercial"),
    ("asylum", "refugee", "refugees"),
    ("company", "companies", "firm", "firms", "provider", "providers"),
    ("ago", "earlier"),
    ("eligible", "eligibility", "entitled", "entitlement", "qualify", "qualifies", "qualified"),
    ("crime", "crimes", "criminal", "offending", "offend", "offender", "offenders"),
    ("listed", "list", "lists", "set", "sets", "contained", "contains"),
    ("highest", "peak", "peaked", "record"),
    ("decision", "decisions", "resolution", "resolutions"),
    ("sufficient", "sufficiency", "enough", "adequate"),
    ("hour", "hours", "hourly"),
    ("week", "weeks", "weekly"),
    ("month", "months", "monthly"),
    ("agreement", "agreements", "memorandum", "memoranda", "arrangement", "arrangements", "protocol", "pact", "deal", "deals"),
    ("live", "lives", "living", "lived", "resident", "reside", "resides", "residing"),
    ("additional", "extra", "add", "added", "adding", "adds"),
    ("pupil", "pupils", "learner", "learners"),
    ("remove", "removed", "removing", "eliminate", "eliminated", "eliminating", "clear", "cleared", "clearing",
     "eradicate", "eradicated"),
    ("unique", "peculiar"),
    ("judgement", "judgements", "judgment", "judgments", "verdict", "verdicts"),
    ("reach", "reached", "reaches", "hit", "hits"),
    ("transport", "transported", "transporting", "ferry", "ferried", "ferrying"),
    ("authorise", "authorised", "authorisation", "authorize", "authorized", "authorization", "sign", "signed",
     "signing"),
)
# "took place" is "held", "in person" is "face to face"; a phrase is rewritten before the words are split.
_PHRASES = (
    (re.compile(r"\b(?:take|takes|took|taken|taking) place\b", re.I), "held"),
    (re.compile(r"\bin person\b", re.I), "face to face"),
    (re.compile(r"\bbrothers? (?:and|or) sisters?\b", re.I), "siblings"),
    (re.compile(r"\bin charge of\b", re.I), "responsible for"),
    (re.compile(r"\bper ?cent(?:age)?\b", re.I), "percentage"),  # the papers print "%"
    (re.compile(r"\bin a row\b", re.I), ""),
    (re.compile(r"\b(?:go|goes|went|gone|going) live\b", re.I), "launched"),
    (re.compile(r"\b(?:specific|peculiar|particular|exclusive) to\b", re.I), "unique to"),
    (re.compile(r"\b([A-Z][\w]+)-specific\b"), r"unique to \1"),  # "a Medway-specific issue"
    (re.compile(r"\bnational (?:average|mean)\b", re.I), "national"),
    (re.compile(r"\b(?:got|get|gets|getting|become|became|gone|went) better or worse\b|\bbetter or worse\b", re.I), "changed"),
    (re.compile(r"\b(?:reach|reached|reaches|reaching|come to|came to|arrive at|arrived at) (?:a |an |its |their |the |any )?"
                r"(?:decision|resolution|conclusion|view|verdict)s?\b", re.I), "decide"),
    (re.compile(r"\b((?:decision|resolution|conclusion|verdict)s?\b[^?]{0,60}?)\b(?:reach|reached|come to|arrive at)\b", re.I),
     r"\1decide"),  # "what resolution did the Committee reach"
    (re.compile(r"\b(?:get|getting|got) in (?:touch|contact) with\b", re.I), "contact"),
    (re.compile(r"\b(?:walk|walks|walked|walking) out\b|\b(?:quit|quits|quitting)\b", re.I), "left"),
    (re.compile(r"\b(?:go|goes|went|gone|going) ahead\b", re.I), "held"),
    (re.compile(r"\bbed (?:and|&) breakfasts\b", re.I), "B&Bs"),
    (re.compile(r"\bbed (?:and|&) breakfast\b", re.I), "B&B"),
    # an inspection "on site" took place then; its "fieldwork" is the inspection; a "headcount" a number
    (re.compile(r"\b(was|were|is|are|be|been)\b([^?,;]{0,40}?)\s+on[- ]site\b", re.I), r"\1\2 held"),
    (re.compile(r"\bfield ?work\b", re.I), "inspection"),
    (re.compile(r"\b(?:get|gets|got|getting) rid of\b", re.I), "remove"),
    # "did the rate stay below national?" asks whether it remained, not whether something stays or goes
    (re.compile(r"\bstay(?:ed|s|ing)?\s+(?=(?:below|above|under|over|within|in line|level|the same|steady|stable|high|low)\b)",
                re.I), "remained "),
    (re.compile(r"\bhead ?counts?\b", re.I), "number"),
)


def same_word(one: str, other: str) -> bool:
    """Whether two words are written for the same thing ("pillars" and "themes")."""
    one, other = one.lower(), other.lower()
    return one == other or any(one in group and other in group for group in GROUPS)


def rewrite_phrases(text: str) -> str:
    """``text`` with each phrase written as the one word or phrase the papers use for it."""
    for rx, replacement in _PHRASES:
        text = rx.sub(replacement, text)
    return text


class FoldingTokenizer:
    """The index's tokenizer, with synonyms folded to one stem."""

    def __init__(self) -> None:
        self._base = Tokenizer()
        self._fold: dict[str, str] = {}
        self._written: dict[str, tuple[str, ...]] = {}
        for group in GROUPS:
            stems = self._base(" ".join(group))
            for stem in stems:
                self._fold.setdefault(stem, stems[0])
            self._written[stems[0]] = group

    def __call__(self, text: str) -> list[str]:
        return [self._fold.get(s, s) for s in self._base(rewrite_phrases(text))]

    def variants(self, word: str) -> tuple[str, ...]:
        """The words written for the same thing as ``word`` (``word`` itself when it has none)."""
        stems = self(word)
        return self._written.get(stems[0], (word,)) if stems else (word,)
