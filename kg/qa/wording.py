"""The question as asked, out of how it was typed: a letter's greeting and sign-off, spoken
fillers and requests ("could you tell me…") removed; the sentence that asks picked out of a
preamble; the clause that asks picked out of a scene-setting one."""

from __future__ import annotations

import re

HEAD_END = re.compile(r"\s(?:on|of|for|in|at|to|from|by|about|under|during|since|with|listed|set|given|made)\s", re.I)
# "Could you remind me…", "I'd be interested to know…", "I wonder whether you could list…",
# "Give me…": a request around the question; "…, I wonder?" after it.
_WH_IS = re.compile(r"\b(what|who|where|when|how|which)(?:['\u2019]s|(?<!which)s)\b(\s+\w+)?", re.I)  # "whats" typed fast
# "Dear Sir/Madam, … Many thanks, J.": a letter's greeting and sign-off around the question
_GREETING = re.compile(r"^\s*(?:dear\s+(?:sir\s*(?:/|or)\s*madam|sir|madam|all|colleagues?|(?:the\s+)?council|"
                       r"[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})\b\s*[,:!]?|"
                       r"(?:hello|hi|hey|greetings|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|all|team))?\s*[,:!])\s*",
                       re.I)
_SIGN_OFF = re.compile(r"(?<=[?.!])\s*(?:(?:many|huge|great)\s+thanks|thanks?(?:\s+you)?(?:\s+(?:very much|so much|in advance))?|"
                       r"(?:kind|best|warm)\s+regards|regards|best wishes|cheers|yours (?:faithfully|sincerely))"
                       r"\s*[,.!]?(?:\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?\s*[.!]?\s*$", re.I)
# "ok so what was …", "Right, who chairs …": words that open speech, not the question
_FILLER = re.compile(r"^\s*(?:(?:ok(?:ay)?|um+|erm|er|uh|hi|hello|hey|anyway|alright|and|also|so(?!\s+(?:far|many|much|that)\b))"
                     r"\b[\s,:;]*|(?:right|well|now)\s*,\s*|back\s+(?=(?:in|at|on|around|during)\s))+", re.I)


def _letter_stripped(question: str) -> str:
    """The question inside a letter: "Dear Sir/Madam, how many …? Many thanks, J." → "how many …?"."""
    inner = _SIGN_OFF.sub("", _GREETING.sub("", question.strip(), count=1)).strip()
    return inner if len(inner) >= 8 else question.strip()


def _wh_in_full(m: re.Match) -> str:
    """"What's the salary?" asks what is; "What's happened to…" what has."""
    after = (m[2] or "").strip().lower()
    has = after.endswith("ed") or after in ("been", "gone", "done", "got", "made", "taken", "seen", "left", "become")
    return f"{m[1]} {'has' if has else 'is'}{m[2] or ''}"


_REQUEST = re.compile(
    r"^\s*(?:(?:i\s+)?wonder (?:whether|if) you (?:could|can|would|might)\s+|(?:could|can|would|will) you (?:(?:please|kindly)\s+)*|"
    r"(?:please|kindly)\s+)?(remind me(?: of)?|tell me|let me know|give me|show me|find me)\s+(?:please\s+)?|"
    r"^\s*(?:(?:i\s+)?wonder (?:whether|if) you (?:could|can|would|might)|(?:could|can|would|will) you(?: please| kindly)*|please)\s+"
    r"(?:list|confirm|name|say)\s+|"
    r"^\s*i(?:'d|\u2019d| would) (?:be interested to know|like to know|like to ask|like to check|"
    r"be (?:very |most |so )?grateful (?:to (?:know|learn|hear)|if you (?:could|would) (?:tell me|let me know|say|confirm))|"
    r"(?:really |very much )?appreciate (?:knowing|it if you (?:could|would) (?:tell me|let me know|say|confirm)))\s+|"
    r"^\s*i (?:want|need) to know\s+|^\s*(?:do|does) (?:you|we|they|anyone|anybody) (?:happen to )?know\s+|"
    r"^\s*(?:any|got any|have you (?:got )?any) ideas?(?: (?:of|on|about))?\s+(?=(?:how|what|who|when|where|which|why|whether|if)\b)|"
    r"^\s*i wonder\s+(?=whether|if)", re.I)
_CHECKING = re.compile(r"^\s*(?:(?:is|isn['\u2019]t|was|wasn['\u2019]t) it (?:not )?(?:true|right|correct|the case|so)|"
                       r"am i (?:right|correct)(?: in (?:thinking|saying|understanding))?|"
                       r"would i be (?:right|correct) (?:in|to) (?:think|thinking|say|saying)|"
                       r"(?:can|could) you confirm|is it (?:fair|accurate) to say)\s+(?:that\s+)?", re.I)
_NEGATED_TAG = re.compile(r",\s*(?:is|was|are|were|did|does|do|has|have|had|wo|ca)n['\u2019]t\s+(?:it|they|there|he|she|we|you|that|i)"
                          r"\s*\?\s*$", re.I)
_NEGATED_AUX = re.compile(r"^(\s*(?:is|was|are|were|did|does|do|has|have|had|wo|ca|could|should|would))n['\u2019]t\b", re.I)
_TAG = re.compile(r",?\s+i wonder\s*\??\s*$", re.I)
_WH = re.compile(r"(?:what|which|who|whom|whose|when|where|why|how)\b", re.I)


def _plain_sentences(text: str) -> str:
    """:func:`plain_question` over each sentence ("My neighbour asked me. Would you kindly tell me
    how many …?" asks "How many …?" in its second)."""
    parts = split_sentences(text)
    return " ".join(plain_question(p) for p in parts) if len(parts) > 1 else plain_question(text)


def plain_question(request: str) -> str:
    """A question put as a request, as the question it asks: "Could you remind me how many …"
    → "How many …?"; "Give me the three partners of the MSCP" → "What are the three partners
    of the MSCP?"; "I'd be interested to know whether X rose" → "Is it so that X rose?"."""
    text = _TAG.sub("?", request)
    # "Isn't it true that X?", "Am I right that X?", "X, wasn't it?": a check of a claim is a yes/no question
    if (m := _CHECKING.match(text)) is not None and len(text) - m.end() >= 8:
        return "Is it so that " + text[m.end():].rstrip(" .?!") + "?"
    if (m := _NEGATED_TAG.search(text)) is not None and m.start() >= 8:
        return "Is it so that " + text[:m.start()].rstrip(" ,") + "?"
    # "Wasn't the report written by X?" asks what "Was the report written by X?" asks
    text = _NEGATED_AUX.sub(lambda m: {"wo": "will", "ca": "can"}.get(m.group(1).strip().lower(), m.group(1)), text, count=1)
    m = _REQUEST.match(text)
    if m is None or len(text) - m.end() < 8:
        return text
    rest = text[m.end():].rstrip(" .?!") + "?"
    if re.match(r"(?:whether|if)\b", rest, re.I):
        return "Is it so that " + rest.split(None, 1)[1]
    if _WH.match(rest):
        # "what the average caseload was in 2023" asks "what was the average caseload in 2023"
        m = re.match(r"(what|which|who|where|when)\s+((?:the|a|an|its|their)\s+.+?)\s+(is|was|are|were)\b(.*)", rest, re.I)
        rest = f"{m[1]} {m[3]} {m[2]}{m[4]}" if m else rest
        return rest[0].upper() + rest[1:]
    rest = re.sub(r"^(?:the|a|an)\s+", "", rest, flags=re.I)
    cuts = [m.start() for m in (HEAD_END.search(rest), re.search(r"\s(?:that|which|who|whose)\s", rest)) if m]
    head = rest[: min(cuts, default=len(rest))].rstrip(" .?!").split()
    plural = bool(head) and head[-1].lower().endswith("s") and not head[-1].lower().endswith("ss")
    return f"What {'are' if plural else 'is'} the {rest}"


# "Does the Portfolio Holder's report say any children are…": the paper is where to look, not the subject.
SAYS_WHETHER = re.compile(r"^(?:does|did|do) (?:the |a |an )?(?:[\w'\u2019-]+ ){0,5}?(?:report|paper|minutes|update|strategy|"
                           r"plan|briefing|assessment|review|inspection|audit|survey|papers|reports)s? "
                           r"(?:say|state|show|mention|note|record|confirm|find|conclude|identify)s? "
                           r"(?:that |whether |if )?(?=\S)", re.I)
_ACCORDING_TO = re.compile(r",?\s+(?:according to|as (?:set out|reported|stated|described) in|per) (?:the |a |an )?"
                           r"[^,?]{3,80}?(?:report|paper|minutes|update|strategy|plan|briefing|assessment)s?\s*\??\s*$", re.I)
_LEAD_IN = re.compile(r"^(?:In|At|For|From|After|Following|According to|Looking at|Turning to)\b[^,:?]{5,140}[,:]\s+(?=\S)")


def asked_clause(question: str) -> str:
    """What a question asks, without scene-setting before or after it ("Now that Ofsted has
    rated the service Good, will the Direction stay?" → "will the Direction stay?")."""
    proper = question_proper(question)
    return main_clause(proper) or proper


def asking_sentence(question: str) -> str:
    """The sentence of a question that asks ("Our church helps asylum seekers in Chatham. Did
    the committee …?" asks in its second)."""
    return asking_part(split_sentences(question))


def split_sentences(question: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", question) if x.strip()] or [question]


def asking_part(parts: list[str]) -> str:
    """The sentence that asks: the last one ending in a question mark ("How many …? I heard
    it was the most ever." asks in the first), else the last."""
    return next((x for x in reversed(parts) if x.rstrip().endswith("?")), parts[-1])


def question_proper(question: str) -> str:
    """The question without its scene-setting: a leading sentence ("The October update says X.")
    or a leading phrase ending in a comma ("In the Lead Member's March 2023 report, …")."""
    parts = split_sentences(question)
    proper = asking_part(parts) if len(parts) > 1 else question
    m = _LEAD_IN.match(proper) or SAYS_WHETHER.match(proper)
    proper = proper[m.end():] if m and len(proper) - m.end() > 15 else proper
    source = _ACCORDING_TO.search(proper)
    if source and source.start() > 15:
        return proper[: source.start()] + "?"
    # "Will the Direction stay in place now that Ofsted has rated the service Good?": the
    # trailing clause sets the scene; what is asked comes before it.
    scene = _TRAILING_SCENE.search(proper)
    return proper[: scene.start()] + "?" if scene and scene.start() > 15 else proper


_TRAILING_SCENE = re.compile(r",?\s+\b(?:now that|given that|in (?:the )?light of|in view of)\b|,\s+(?:following|after)\b", re.I)
# A question that opens with a subordinate clause or a scene ("When …,", "Besides noting …,",
# "Meetings are capped at three hours - how much …") asks in the clause after the break.
_OPENS_ASKING = re.compile(r"^\s*(?:(?:in|on|at|by|for|from|to|during|since|after|before|under|within|according to)\s+)?(?:what|which|who|whom|whose|how|is|are|was|were|did|does|do|has|have|had|can|"
                           r"could|will|would|should|list|name)\b", re.I)
_ASKING_CLAUSE = re.compile(r"(?:[,;:]|\s[-\u2013\u2014])\s+(?:but\s+)?(?=(?:what|which|who|whom|whose|when|where|how|is|are|"
                            r"was|were|did|does|do|has|have|had|will|would|can|could|should)\b|"
                            # ("…; by what percentage did …?", "…, in which year …?")
                            r"(?:by|in|on|at|for|from|to|since|until|after|before|within)\s+(?:what|which|whom|when|how)\b)", re.I)


def main_clause(question: str) -> str | None:
    """The asking clause of a question that does not open with it, or None. (A bracket is an
    aside: "(…, which I understand handles adoption)" opens no clause.)"""
    last = re.sub(r"\s*\([^()]*\)", "", asking_part(split_sentences(question)))
    if _OPENS_ASKING.match(last) or re.match(r"\s*when\s*,", last, re.I):
        return None  # ("When, according to the update, will it open?" asks when)
    breaks = list(_ASKING_CLAUSE.finditer(last))
    if not breaks:
        return None
    clause = last[breaks[-1].end():]
    return clause if len(clause) > 12 else None


def plain_wording(question: str) -> str:
    """The question without a letter's greeting and sign-off, spoken fillers, "whats" for "what
    is", and requests around each of its sentences."""
    return _plain_sentences(_WH_IS.sub(_wh_in_full, _FILLER.sub("", _letter_stripped(question))))
