"""Line-level judgements shared by the plain-text and PDF readers.

Committee papers mark structure with conventions rather than markup: section numbers
("4.6", "3.4.2."), bullets ("-", "•"), enumerators ("a)", "(ii)") and short title-case or
capitalised lines. These functions recognise those conventions in one line of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Bullets seen in Word exports and scrapes, including Symbol-font private-use glyphs.
BULLET = re.compile(r"^([-*•–—·●▪◦‣○\uf0b7\uf0a7\uf0d8\uf076]|o(?=\s))\s*(?=\S)")
ENUMERATOR = re.compile(r"^(\((?:[a-zA-Z]|[ivxIVX]{1,5})\)|(?:[a-zA-Z]|[ivxIVX]{1,5})\))\s*(?=\S)")
# One to three levels of section number, optional final dot, then the text. Three digits at
# most so that years and phone numbers at the start of a line are not taken for numbers.
SECTION = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3})(\.?)\s+(?=\S)")
_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or per the to under upon via with".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_TERMINAL = (".", ",", ";", ":", "!")


@dataclass(frozen=True)
class Section:
    """A section number found at the start of a line, and the text after it."""

    number: str
    rest: str

    @property
    def depth(self) -> int:
        """How many levels the number has: "4" is 1, "4.6" is 2."""
        return self.number.count(".") + 1


def strip_bullet(line: str) -> str | None:
    """The line without its bullet(s), or None when it has none ("- · Item" is one bullet)."""
    match = BULLET.match(line)
    if not match:
        return None
    while match:
        line = line[match.end():]
        match = BULLET.match(line)
    return line


def has_enumerator(line: str) -> bool:
    """Whether the line opens with "a)", "(ii)" or the like."""
    return ENUMERATOR.match(line) is not None


def section_of(line: str) -> Section | None:
    """The section number opening ``line``, if its text starts like a sentence or title.

    A bare number without a dot ("9 Inclusion") counts only before a capital, so that
    "26 children were placed" stays ordinary text.
    """
    match = SECTION.match(line)
    if not match:
        return None
    number, dot = match.group(1), match.group(2)
    rest = line[match.end():]
    if not dot and "." not in number and not rest[:1].isupper():
        return None
    if not (rest[:1].isalpha() or rest[:1] in "(‘'\"“"):
        return None
    return Section(number, rest)


def is_title_like(text: str, *, sentence_check: bool = True) -> bool:
    """Whether most significant words are capitalised (Title Case or ALL CAPS).

    With ``sentence_check`` a lower-case past tense ("The Committee noted the Strategy")
    marks a sentence; numbered headings skip it ("5.3 Theme 2 – A Place called Home").
    """
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    if not words:
        return False
    lower = [w for w in words if not w[0].isupper()]
    if sentence_check and any(w.endswith("ed") for w in lower):
        return False
    return 1 - len(lower) / len(words) >= 0.75


def is_all_caps(text: str) -> bool:
    """Whether the text is written in capitals, with at least one real word of three letters."""
    letters = [c for c in text if c.isalpha()]
    has_word = any(len(w) >= 3 and w.isalpha() for w in re.split(r"[\s/–-]+", text))
    return bool(letters) and has_word and all(c.isupper() for c in letters)


def heading_level(line: str) -> int:
    """Heading level of a standalone line judged by its wording alone; 0 when not a heading.

    Numbered headings take their depth ("4." is 1, "3.4.2." is 3); an unnumbered ALL CAPS
    line is 1 and a Title Case or very short capitalised line is 2.
    """
    if len(line) > 160 or not line[:1].isalnum():
        return 0
    section = section_of(line)
    if section is not None:
        return section.depth if _numbered_heading(section) else 0
    if line.endswith(_TERMINAL + ("?",)) or ": " in line or not line[:1].isupper():
        return 0
    words = line.split()
    if len(words) > 15:
        return 0
    if is_all_caps(line):
        return 1
    if is_title_like(line) or len(words) <= 4:
        return 2
    return 0


def _numbered_heading(section: Section) -> bool:
    rest = section.rest
    words = rest.split()
    if not rest[:1].isupper() or len(words) > 18 or len(rest) > 140:
        return False
    if re.search(r"[.!?]\s+[A-Z]", rest) or rest.endswith((",", ";", ":")):
        return False  # more than one sentence, or a clause leading into a list
    if section.depth > 1 and not is_title_like(rest, sentence_check=False) and len(words) > 10:
        return False
    if rest.endswith("."):
        # "2. Budget and policy framework." is a heading; "6.1 This report is for
        # information only." is a paragraph.
        return is_title_like(rest, sentence_check=False) or (section.depth == 1 and len(words) <= 6)
    return True
