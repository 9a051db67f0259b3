"""Is this phrase a person's name, a post title, a body? Small rules that hold across councils.

No gazetteer of first names is shipped (no downloads); a name is 2–5 capitalised tokens that
are not organisational words, optionally led by honorifics. A post is a phrase that contains
a post head noun ("Head", "Director", "Officer", "Portfolio Holder"...).
"""

from __future__ import annotations

import re

from kg.resolve import HONORIFICS, POST_NOMINALS, fold

# Words that occur in organisation and post names but (almost) never in a person's name.
ORG_WORDS = frozenset(
    """
    youth justice services service children childrens child adult adults social care council
    committee board team health education commissioning partnership partnerships resources
    people public policy finance corporate strategy strategic programme project lead officer
    head director manager assistant deputy chief executive holder portfolio member members
    business partner hr democratic support safeguarding improvement special projects housing
    transport planning development family families early help school schools looked after
    leaving care authority local government national department ministry agency office
    overview scrutiny cabinet leader chair chairman chairperson vice opposition spokesperson
    cross directorate statutory lead appendix report summary date time venue items agenda
    the of for and in on to at by with from medway england wales kent london south east west
    north region regional county borough city district town trust nhs police fire officers
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday minutes item meeting telephone email
    minister ministers secretary commissioner first prime premier president governor inspector
    promotion trade affairs business infrastructure economic economy security safety environment
    innovation science industry skills employment energy welsh language diversity inclusion
    parade road street avenue lane square centre civic building floor level
    """.split()
)
POST_HEADS = re.compile(
    r"\b(?:Head|Director|Officer|Manager|Lead|Leader|Partner|Holder|Adviser|Advisor|Chair|"
    r"Chairman|Chairperson|Chief Executive|Executive|Minister|Secretary|Commissioner|"
    r"Co-?ordinator|Analyst|Consultant|Solicitor|Clerk|Treasurer|Auditor|Inspector|Nurse|"
    r"Spokesperson|Member|Mayor|Monitoring Officer|Principal|Specialist|Practitioner)\b"
)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$")


def looks_like_person(phrase: str) -> bool:
    """True for "Sue Brunton-Reed", "Councillor Mrs Josie Iles"; False for "Youth Justice"."""
    tokens = phrase.replace("\u2019", "'").split()
    while tokens and fold(tokens[0]) in HONORIFICS:
        tokens.pop(0)
    while tokens and tokens[-1].isupper() and fold(tokens[-1]) in POST_NOMINALS:
        tokens.pop()
    if not 2 <= len(tokens) <= 5:
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    return not any(fold(t) in ORG_WORDS for t in tokens)


def looks_like_post(phrase: str) -> bool:
    """True when a phrase names a post: it contains a post head noun and is title-like."""
    phrase = phrase.strip()
    if not phrase or len(phrase) > 120 or not POST_HEADS.search(phrase):
        return False
    if "@" in phrase or re.search(r"\d{4,}", phrase):
        return False
    first = phrase.split()[0]
    return first[0].isupper()


def clean_post(post: str) -> str:
    """A post title without trailing punctuation, contact details or a parenthetical alias."""
    post = re.split(r"\s+(?:on\s+)?(?:Tel|Tele|Telephone|Email|E-mail|Phone)\b|\s+\d{5}|[\w.+-]+@", post)[0]
    post = re.sub(r"\s*\([^)]*\)\s*$", "", post.strip())
    post = re.sub(r"^(?:the|our|its|their)\s+", "", post.strip(), flags=re.I)
    return post.strip(" ,.;:-–")
