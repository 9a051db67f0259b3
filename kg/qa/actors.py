"""Who acted: the body or person a question says decided or said something ("what did the
Cabinet agree"), and whether a sentence has that actor doing it."""

from __future__ import annotations

import re

# "Did Cabinet approve …", "What did the Planning Committee decide …": the body (or person) the
# question says made the decision, so that a recommendation *to* Cabinet is not taken for one *by* it.
DECISION_VERBS = (r"approv(?:e|ed|es|ing)|agree(?:d|s|ing)?|decid(?:e|ed|es|ing)|resolv(?:e|ed|es|ing)|"
                  r"accept(?:ed|s|ing)?|reject(?:ed|s|ing)?|adopt(?:ed|s|ing)?|endors(?:e|ed|es|ing)|"
                  r"refus(?:e|ed|es|ing)|defer(?:red|s|ring)?|ratif(?:y|ied|ies|ying)|authori[sz](?:e|ed|es|ing)|"
                  r"recommend(?:ed|s|ing)?|vot(?:e|ed|es|ing)")
_STATED = (r"say|said|conclud(?:e|ed)|comment(?:ed)?|respond(?:ed)?|consider(?:ed)?|indicat(?:e|ed)|stat(?:e|ed)|"
           r"confirm(?:ed)?|announc(?:e|ed)|explain(?:ed)?|advis(?:e|ed)")
_ACTOR = re.compile(
    r"\b(?i:did|has|have|had|will|was|were)\s+(?:(?i:the)\s+((?:[\w'\u2019&-]+\s+){0,4}?[\w'\u2019&-]+)|"
    r"((?:[A-Z][\w'\u2019&-]*\s+){0,4}?[A-Z][\w'\u2019&-]*))\s+"
    r"(?:(?:formally|actually|ever|already|finally|then|also)\s+)?(?:" + DECISION_VERBS + "|" + _STATED + r")\b")


def actor_decided(actor: str, text: str, body: str | None, acting: bool = False) -> bool:
    """Whether evidence shows ``actor`` deciding: the paper is the actor's own (its minutes or
    report), or the text says the actor decided ("Cabinet approved", "agreed by Council") rather
    than naming it as the recipient of a recommendation ("to recommend to Cabinet"). When ``acting``
    ("what did the council do about pay?"), any act of the actor's will do ("the Council provided")."""
    words = [re.sub(r"['\u2019]s$", "", w) for w in re.findall(r"[a-z][\w'\u2019&-]*", actor.lower())
             if w not in _GENERIC_ACTOR]  # "the children's scrutiny committee": the Children and … Committee
    if not words:
        return True
    name = r"(?:['\u2019]s)?\s+".join(re.escape(w) for w in words) + r"(?:['\u2019]s)?"  # "Children’s Services"
    if len(words) == 1 and words[0] in _INSPECTORS:
        name = r"(?:inspectors?|inspectorate|ofsted|cqc)"  # "what did the inspectors say": Ofsted said
    verbs = f"(?:{DECISION_VERBS}|{_STATED}{'|[a-z]+ed' if acting else ''})"  # "what did the council do": any act
    # "… approved by Cabinet": a decision the text gives to another body is not the actor's,
    # even in the actor's own paper.
    others = [m.group(1) for m in _DECIDED_BY.finditer(text)]
    if others and not any(re.search(rf"\b{name}\b", o.lower()) for o in others):
        return False
    if body and set(words) <= set(re.findall(r"[a-z][\w'\u2019&-]*", body.lower())):
        return True
    # (not the start of a longer name: "the Local Government Association … agreed" is not the government)
    return bool(re.search(rf"\b{name}\b(?!(?-i:\s+(?!(?:Council|Borough|County|City|District)\b)[A-Z]))(?:\s+[\w'\u2019-]+){{0,3}}?\s+{verbs}\b|"
                          rf"\b{verbs}\s+(?:\w+\s+)?by\s+(?:the\s+)?{name}\b", text, re.I))


_INSPECTORS = frozenset({"inspector", "inspectors", "inspectorate"})
ASKS_WHAT_DONE = re.compile(r"\bwhat did (?:the )?[\w'\u2019 -]{1,60}? (?:actually |really |then |also )?do\b", re.I)
_DECIDED_BY = re.compile(r"\b(?:approved|agreed|adopted|endorsed|ratified|decided|rejected|refused)\s+by\s+(?:the\s+)?"
                         r"((?:[A-Z][\w'\u2019&-]*\s*){1,5})")
_GENERIC_ACTOR = frozenset({"full", "the", "council's", "meeting", "councillors", "members"})  # (members are the body)
_COMMENTS_MADE = re.compile(r"\b(?:comments?|representations?|observations?) did (?:the\s+)?([A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4})\s+make\b|"
                            # "What decision did Cabinet take on the strategy?"
                            r"\b(?i:decisions?|resolutions?|actions?) (?i:did) (?:(?i:the)\s+)?([A-Z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*){0,4})\s+"
                            r"(?i:take|make|reach|come to|arrive at|pass)\b")
_NOT_ACTOR = frozenset("asked to been being not also then able expected due going about set first and or later subsequently "
                       "eventually jointly unanimously in at on during".split())  # "the committee in October 2023": the committee
_DID_DO = re.compile(r"\b(?i:what did) (?:(?i:the)\s+)?((?:[\w'\u2019-]+\s+){0,5}?(?:[Cc]ommittee|[Cc]abinet|[Cc]ouncil|[Bb]oard|"
                     r"[Pp]anel|[Ff]orum|[Mm]embers|[Cc]ouncillors))\s+(?:(?:actually|finally|eventually|formally|then)\s+)?do\b")


def actor_of(question: str) -> str | None:
    m = _ACTOR.search(question) or _COMMENTS_MADE.search(question) or _DID_DO.search(question)
    if m is None:
        return None
    words = (m.group(1) or (m.group(2) if m.re is not _DID_DO else None) or "").split()
    # "was the committee asked to adopt": the committee, not "committee asked to"
    kept = []
    for w in words:
        if w.lower() in _NOT_ACTOR:
            break
        kept.append(w)
    if kept and _PAPER_NOUN.match(kept[-1]):
        return None  # "did the Portfolio Holder's March 2023 report say": a paper is where to look, not a decider
    return " ".join(kept) or None


_PAPER_NOUN = re.compile(r"(?:report|paper|minutes|update|strategy|plan|briefing|assessment|review|audit|survey|"
                         r"agenda|appendix|letter)s?$", re.I)
