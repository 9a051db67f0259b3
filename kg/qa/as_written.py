"""A question put in the papers' own terms: number words as digits, a cabinet member as the
portfolio holder, abbreviations spelled as the papers print them, age bands as "10-15"."""

from __future__ import annotations

import re

from kg.qa.numerals import UNITS

# Number words, read as the digits the papers print ("twelve months" → "12 months").
_NUMBER_WORDS = {w: str(i) for w, i in {**UNITS, "twenty": 20}.items()}


def as_papers_write(question: str) -> str:
    """Number words from three up as digits ("twelve months" → "12 months"); "one" and "two"
    stay, since "one of the…" and "the two reports" are rarely counts to match. An age band is
    written as the papers write it ("aged 10 to 15" → "aged 10-15")."""
    question = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(0).lower()], question)
    for rx, written in _AS_THE_PAPERS_SAY:
        question = rx.sub(written, question)
    return re.sub(r"\b(aged?|ages)\s+(\d+)\s+to\s+(\d+)\b", r"\1 \2-\3", question, flags=re.I)


# Phrases members use for what papers name otherwise (a council's cabinet member for a service, or
# the councillor in charge of it, is its portfolio holder; a child "without parents" is
# unaccompanied), read as the papers write them.
_AS_THE_PAPERS_SAY = ((re.compile(r"\bcabinet member\b", re.I), "portfolio holder"),
                      (re.compile(r"\b(?:councillor|member) (?:who )?(?:is |was |will be )?in charge of\b|"
                                  r"\bcouncillor (?:who is |who was )?responsible for\b|"
                                  r"\bcouncillor for(?= (?:[\w'\u2019-]+ ){0,3}services?\b)", re.I), "portfolio holder for"),
                      (re.compile(r"\b(?:(?:who )?(?:arrive|arrives|arrived|arriving|come|comes|came|coming) )?(?:without "
                                  r"(?:their |any )?(?:parents|family|families|an adult)|alone|on their own)\b", re.I),
                       "unaccompanied"),
                      # "did the number stay steady?": papers say a number "remained stable"
                      (re.compile(r"\b(?:stay|stays|stayed|remain|remains|remained|hold|held|kept|keep)\s+(?:steady|level|flat|"
                                  r"the same|unchanged|constant)\b", re.I), "remained stable"),
                      # shorthand of committee business that papers write in full
                      (re.compile(r"\bcttees?\b|\bcttee\b", re.I), "committee"),
                      (re.compile(r"\bmtgs?\b", re.I), "meeting"),
                      (re.compile(r"\brecs\b", re.I), "recommendations"),
                      (re.compile(r"\bgovt\b", re.I), "government"),
                      (re.compile(r"\bapprox\.?(?=\s)", re.I), "approximately"),
                      (re.compile(r"\bYP\b"), "young people"),
                      (re.compile(r"\bLAs\b"), "local authorities"),
                      (re.compile(r"\bLA\b"), "local authority"),
                      (re.compile(r"\bSWs\b"), "social workers"),
                      (re.compile(r"\bSW\b"), "social worker"),
                      (re.compile(r"\bPH\b"), "Portfolio Holder"),
                      (re.compile(r"\bAD\b"), "Assistant Director"),
                      (re.compile(r"\bDCS\b"), "Director of Children's Services"),
                      (re.compile(r"\bO&S\b"), "Overview and Scrutiny"),
                      (re.compile(r"\b(?:CiC|CIC|CLA|LAC)\b"), "children in care"),
                      (re.compile(r"\bCP\b"), "child protection"),
                      # "Oct 23", "1 Apr 22": a month with a two-digit year
                      (re.compile(r"\b((?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?) "
                                  r"([0-3]\d)\b(?![\d/]|[:.]\d)", re.I), r"\1 20\2"))
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(w for w, n in _NUMBER_WORDS.items() if int(n) >= 3) + r")\b", re.I)
