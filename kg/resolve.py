"""Entity resolution by deterministic keys: one node per real person, post and body.

Each document's triples live in its own named graph, so two documents resolve to the same
node only if they mint the same IRI. The keys here are therefore pure functions of a name and
the council it belongs to, computed at ingest time, one document at a time:

* **person**: the name without honorifics ("Cllr", "Councillor", "Mrs", "Dr", "Hon.") and
  post-nominals ("AM", "MP", "OBE"), case- and punctuation-folded, scoped by council. Scoping
  prevents two councils' "John Smith" merging; it also means an officer who moves council gets
  two nodes, which a question-time query can join by name when that is wanted.
* **post**: the title folded the same way, possessives dropped, and filler words that councils
  add or leave out at will ("Services", "Service") removed, scoped by council. So "Head of
  Children's Commissioning" and "Head of Children's Services Commissioning" are one post.
* **body**: the name folded, scoped by council for internal bodies (committees, boards,
  cabinet) and global for national ones (Ofsted, DfE, LGA), which many councils mention.

Linking a mention by post alone to a person across documents ("the Head of Children's
Commissioning said", with the name in another paper) is left to question time: the query
``ontology/queries/post-mentions-resolved.rq`` joins post mentions to the holder last attested
on or before the meeting date (``post-holder-on-date.rq`` asks the same for any date). Within one document the extractor links them directly.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

HONORIFICS = frozenset(
    {
        "cllr", "councillor", "councilor", "mr", "mrs", "ms", "miss", "mx", "dr", "prof",
        "professor", "sir", "dame", "lord", "lady", "baroness", "baron", "rev", "revd",
        "reverend", "hon", "honourable", "honorable", "right", "rt", "the", "alderman", "mayor",
    }
)
POST_NOMINALS = frozenset(
    {"am", "ms", "mp", "msp", "mla", "mep", "obe", "mbe", "cbe", "kc", "qc", "jp", "dl", "phd", "frcp"}
)
# Words councils add to or drop from a post title without changing the post.
POST_FILLERS = frozenset({"services", "service", "the"})
NATIONAL_BODIES = {
    "ofsted": "Ofsted",
    "office for standards in education": "Ofsted",
    "dfe": "Department for Education",
    "department for education": "Department for Education",
    "lga": "Local Government Association",
    "local government association": "Local Government Association",
    "cqc": "Care Quality Commission",
    "care quality commission": "Care Quality Commission",
    "ons": "Office for National Statistics",
    "office for national statistics": "Office for National Statistics",
    "dhsc": "Department of Health and Social Care",
    "department of health and social care": "Department of Health and Social Care",
    "mhclg": "Ministry of Housing, Communities and Local Government",
    "ministry of justice": "Ministry of Justice",
    "youth justice board": "Youth Justice Board",
    "social work england": "Social Work England",
    "home office": "Home Office",
    "nhs england": "NHS England",
    "central government": "Central Government",
}


# GSS codes of councils (ONS), so graphs of many councils share one council node each; extend
# as councils are added. Keys are folded council names.
ONS_CODES = MappingProxyType({
    "medway council": "E06000035", "kent county council": "E10000016", "london borough of bexley": "E09000004",
    "essex county council": "E10000012", "surrey county council": "E10000030", "birmingham city council": "E08000025",
    "manchester city council": "E08000003", "leeds city council": "E08000035", "sheffield city council": "E08000019",
    "liverpool city council": "E08000012", "bristol city council": "E06000023", "cornwall council": "E06000052",
    "brighton and hove city council": "E06000043", "westminster city council": "E09000033",
    "london borough of camden": "E09000007",
})


def ons_code(council: str) -> str | None:
    """The ONS GSS code of a council, where known."""
    return ONS_CODES.get(fold(council))


def fold(text: str) -> str:
    """Lowercase ASCII words: accents, curly quotes, possessives and punctuation removed."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = text.lower().replace("&", " and ")
    text = re.sub(r"(\w)'s\b|(\w)s'(?=\s|$)", lambda m: (m.group(1) or m.group(2) + "s"), text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def person_name(name: str) -> str:
    """The name as it should be shown: honorifics and post-nominals stripped, spacing tidied."""
    tokens = name.replace("\u2019", "'").split()
    while tokens and fold(tokens[0]) in HONORIFICS:
        tokens.pop(0)
    while len(tokens) > 1 and fold(tokens[-1]) in POST_NOMINALS and tokens[-1].isupper():
        tokens.pop()
    return " ".join(tokens).strip(" ,.;:")


def person_key(name: str, council: str | None) -> str:
    """The resolution key of a person: folded name without titles, within a council."""
    scope = fold(council) if council else "any"
    return f"{scope} {fold(person_name(name))}"


def post_key(title: str, council: str | None) -> str:
    """The resolution key of a post: folded title without filler words, within a council."""
    words = [w for w in fold(title).split() if w not in POST_FILLERS]
    words = ["children" if w == "childrens" else w for w in words]
    scope = fold(council) if council else "any"
    return f"{scope} {' '.join(words)}"


def national_body(name: str) -> str | None:
    """The canonical name of a national body, if ``name`` is one."""
    return NATIONAL_BODIES.get(fold(name))


def body_key(name: str, council: str | None) -> str:
    """The resolution key of a body: national bodies are global, others within a council."""
    national = national_body(name)
    if national:
        return f"national {fold(national)}"
    folded = fold(name)
    scope = fold(council) if council else "any"
    if council and folded.startswith(fold(council)):
        return folded  # "Medway Council", "Medway Safeguarding Children Partnership"
    return f"{scope} {folded}"


def council_key(council: str) -> str:
    """The resolution key of a council (an organisation of its own, not scoped)."""
    return fold(council)
