"""Acronyms: the papers write "NQSWs" and "the RAA", members ask about "newly qualified social
workers" and "the regional adoption agency" (and the other way round).

Two sources: definitions a paper gives itself ("Regional Adoption Agency (RAA)"), read from the
paper's own text, and a short glossary of acronyms that English councils' children's, education
and governance papers use without defining them. An acronym in a sentence then also counts as the
words it stands for when the sentence is scored against a question.
"""

from __future__ import annotations

import re

# Acronyms common to English local-government papers, which papers often use undefined.
GLOSSARY: dict[str, str] = {
    "NQSW": "newly qualified social worker", "ASYE": "assessed and supported year in employment",
    "DfE": "Department for Education", "DHSC": "Department of Health and Social Care",
    "DLUHC": "Department for Levelling Up Housing and Communities", "LGA": "Local Government Association",
    "DCS": "Director of Children's Services", "DASS": "Director of Adult Social Services",
    "PSW": "principal social worker", "SEND": "special educational needs and disabilities",
    "SEN": "special educational needs", "EHCP": "education health and care plan",
    "EHC": "education health and care", "UASC": "unaccompanied asylum seeking children",
    "CiC": "children in care", "CLA": "children looked after", "LAC": "looked after children",
    "NEET": "not in education employment or training", "DSG": "dedicated schools grant",
    "HNB": "high needs block", "YOT": "youth offending team", "YJS": "youth justice service",
    "ILACS": "inspection of local authority children's services", "RAA": "regional adoption agency",
    "SGO": "special guardianship order", "LADO": "local authority designated officer",
    "MASH": "multi agency safeguarding hub", "CAMHS": "child and adolescent mental health services",
    "ICB": "integrated care board", "FTE": "full time equivalent", "EHE": "elective home education",
    "AP": "alternative provision", "FSM": "free school meals", "KS2": "key stage 2", "KS4": "key stage 4",
    "MTFS": "medium term financial strategy", "HRA": "housing revenue account", "CIL": "community infrastructure levy",
    "S106": "section 106", "O&S": "overview and scrutiny", "OSC": "overview and scrutiny committee",
    "FGC": "family group conference", "IRO": "independent reviewing officer",
    "CSC": "children's social care", "MoJ": "Ministry of Justice", "CYP": "children and young people",
}
_DEFINED = re.compile(r"\(([A-Z][A-Za-z&]{1,7}?)s?\)")
_SMALL = frozenset({"and", "of", "for", "the", "in", "&", "to", "on"})


def definitions(text: str) -> dict[str, str]:
    """Acronyms a text defines: "regional adoption agency (RAA)", "Education, Health and Care
    Plans (EHCPs)", when the words before the brackets begin with the acronym's letters."""
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        acronym = m.group(1)
        letters = [c for c in acronym.lower() if c.isalpha()]
        before = re.findall(r"[A-Za-z][\w'\u2019-]*", text[max(0, m.start() - 120) : m.start()])
        words = [w for w in before if w.lower() not in _SMALL]
        if 1 < len(letters) <= len(words) and [w[0].lower() for w in words[-len(letters):]] == letters:
            found.setdefault(acronym.upper(), " ".join(words[-len(letters):]))
    return found


def expansions(text: str, defined: dict[str, str]) -> str:
    """The words the acronyms in ``text`` stand for (the paper's own definitions first)."""
    out = []
    for token in set(re.findall(r"\b[A-Z][A-Za-z&0-9]{1,7}\b", text)):
        key = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
        meaning = defined.get(key.upper()) or _GLOSSARY_UPPER.get(key.upper())
        if meaning and (key.isupper() or key in GLOSSARY):
            out.append(meaning)
    # A unit written in lower case after its number: "589.14fte".
    for unit in set(re.findall(r"\d\s?([a-z]{2,5})\b", text)):
        meaning = _GLOSSARY_UPPER.get(unit.upper())
        if meaning and meaning not in out:
            out.append(meaning)
    return " ".join(out)


def abbreviations(text: str, defined: dict[str, str]) -> str:
    """The acronyms whose words ``text`` spells out ("Local Government Association": "LGA"), so
    that a question asking about "the LGA" finds the paragraph that names it in full."""
    lowered = " ".join(text.lower().split())
    return " ".join(acronym for acronym, meaning in {**_GLOSSARY_UPPER, **defined}.items()
                    if meaning.lower() in lowered)


def spelled_out(question: str) -> tuple[str, ...]:
    """The glossary acronyms whose meaning the question spells out ("newly qualified social
    workers" → NQSW), to search for beside the question's own words."""
    found = []
    for acronym, meaning in GLOSSARY.items():
        pattern = r"\b" + r"\W+".join(re.escape(w) for w in meaning.split()) + r"s?\b"
        if re.search(pattern, question, re.I):
            found.append(acronym)
    return tuple(found)


_GLOSSARY_UPPER = {k.upper(): v for k, v in GLOSSARY.items()}
