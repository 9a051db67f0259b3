"""Recognisers for the labels and boundaries in committee-paper text.

Council papers number their paragraphs ("4.6 The turnover rate..."), letter their clauses
("a) to note the report"), bullet their lists and write figures that look like numbers
("2021. The...", "16.9% of", "£1.5m"). These pure functions tell those apart, and find
sentence ends that are safe to split at. They hold no state and compile their patterns once.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Components ≤ 99 and no leading zero: "4.6", "1.2.3", "12." are section numbers;
# "2021.", "01.02" and "16.9%" are not.
_SECTION = re.compile(
    r"(?P<num>[1-9]\d?(?:\.(?:0|[1-9]\d?)){0,4})(?P<dot>\.?)(?=[ \t\u00a0]+(?P<next>\S))"
)
# Closing bracket required: "a) to note", "(b) that", "iii) the", "(A) The", "(2) The".
# "J. Smith" and "A. Introduction" are deliberately not clause labels (names, headings).
_CLAUSE = re.compile(r"\(?(?P<label>[a-zA-Z]|[ivxlIVXL]{1,6}|[1-9]\d?)\)(?=[ \t\u00a0]+\S)")
_MONTH = re.compile(
    r"(?im)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+\d{2,4}\b|\s*$)"
)
_ROMAN = re.compile(r"(?i)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_BULLET = re.compile(r"[ \t]*(?:[-*•▪◦●○■□–—·]|o(?=[ \t]))[ \t]+")
# Opening characters that may start the body after a section number.
_BODY_OPENERS = frozenset("\"'‘“(['")
_TERMINAL = frozenset(".!?:;")
# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, whitespace.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+\S)")
# Words whose full stop does not end a sentence (lower-cased, inner dots kept); single
# letters ("J.", "p.", "c.") are handled apart, as initials.
_ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "cllr", "clr", "prof", "rev", "hon", "st", "sr", "jr",
        "no", "nos", "e.g", "eg", "i.e", "ie", "vs", "cf", "approx", "fig", "figs",
        "para", "paras", "ref", "pp", "vol", "ch", "sec", "art", "cl", "reg", "sch",
        "inc", "est", "ca", "av", "ave", "rd", "tel", "ext", "dept",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }
)


@dataclass(frozen=True)
class Label:
    """A paragraph label found at the start of a block.

    ``value`` is the label without punctuation ("4.6", "a", "iii"); ``end`` is the offset just
    after the label's punctuation; ``depth`` is the count of numbered components (0 for clauses).
    """

    value: str
    end: int
    depth: int


def bullet_end(text: str, start: int = 0) -> int:
    """Offset just past a bullet marker ("- ", "• ") at ``text[start:]``, else ``start``."""
    match = _BULLET.match(text, start)
    return match.end() if match else start


def section_number(text: str, start: int = 0, *, allow_bare: bool = False) -> Label | None:
    """The section number at ``text[start:]`` ("4.6", "12"), or None if it is not one.

    A single component needs its trailing dot ("12.") because a bare integer is far more often
    a count ("12 Members attended"); ``allow_bare`` lifts that for text known to be a heading.
    The body must open with a capital letter or a quote, so "16.9% of", "2.5 times" and
    "£1.5m" are figures, not numbers.
    """
    match = _SECTION.match(text, start)
    if match is None:
        return None
    value, dot = match.group("num"), match.group("dot")
    depth = value.count(".") + 1
    if depth == 1 and not dot and not allow_bare:
        return None
    opener = match.group("next")
    if not (opener.isupper() or opener in _BODY_OPENERS):
        return None
    if depth == 1 and _MONTH.match(text, match.start("next")):
        return None  # a date: "5 OCTOBER 2023", "12. January"
    return Label(value=value, end=match.end(), depth=depth)


def clause_label(text: str, start: int = 0) -> Label | None:
    """The clause label at ``text[start:]`` ("a)", "(b)", "iii)", "(A)", "(2)"), or None."""
    match = _CLAUSE.match(text, start)
    if match is None:
        return None
    label = match.group("label")
    if len(label) > 1 and not label.isdigit() and _ROMAN.fullmatch(label) is None:
        return None
    return Label(value=label, end=match.end(), depth=0)


def is_title_like(text: str, *, max_words: int = 12, max_chars: int = 100) -> bool:
    """True when ``text`` reads as a heading: one short line, no sentence punctuation."""
    stripped = text.strip()
    if not stripped or len(stripped) > max_chars or "\n" in stripped:
        return False
    if stripped[-1] in _TERMINAL or stripped[0].islower():
        return False
    return len(stripped.split()) <= max_words


def ends_open(text: str) -> bool:
    """True when ``text`` stops mid-sentence, as a paragraph broken by a page or column does."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] not in _TERMINAL and stripped[-1] not in "\"'”’)]"


def introduces_list(text: str) -> bool:
    """True when ``text`` ends by announcing what follows ("...include:", "...as follows –")."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in ":–—-"


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``text[start:end]`` just after each safe sentence end or line break.

    A full stop after an abbreviation ("e.g.", "Mr.", "No.") or a single initial ("J.") is
    not an end, nor is one followed by a lower-case word. Decimals never match: they have
    no space after the point. Runs in linear time, so a one-megabyte line is fine.
    """
    cuts: list[int] = []
    for match in _SENTENCE_END.finditer(text, start, end):
        stop = match.end()
        following = _next_visible(text, stop, end)
        if following is None or following.islower():
            continue
        if text[match.start()] == "." and _is_abbreviation(text, match.start(), start):
            continue
        cuts.append(stop)
    cuts.extend(line_breaks(text, start, end))
    cuts.sort()
    return cuts


def _next_visible(text: str, pos: int, end: int) -> str | None:
    # Look a bounded distance only: whitespace runs are short in practice, and a bound keeps
    # pathological inputs (megabytes of spaces) linear overall.
    limit = min(end, pos + 64)
    while pos < limit:
        char = text[pos]
        if not char.isspace():
            return char
        pos += 1
    return None


def _is_abbreviation(text: str, dot: int, floor: int) -> bool:
    begin = dot
    limit = max(floor, dot - 16)
    while begin > limit and not text[begin - 1].isspace() and text[begin - 1] not in "(\"'‘“":
        begin -= 1
    word = text[begin:dot]
    if len(word) == 1 and word.isalpha():
        return True
    return word.lower() in _ABBREVIATIONS


def safe_cut(text: str, start: int, limit: int) -> int:
    """Where to cut ``text[start:]`` at or before ``limit`` when no sentence end is near.

    Prefers the last whitespace in the second half of the window, else cuts at ``limit`` but
    never between a letter and its combining accent.
    """
    space = max(text.rfind(" ", start, limit), text.rfind("\n", start, limit))
    if space > start + (limit - start) // 2:
        return space
    cut = limit
    while start + 1 < cut < len(text) and unicodedata.combining(text[cut]):
        cut -= 1
    return cut


def line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets of the line breaks in ``text[start:end]``: the row boundaries of a table."""
    cuts: list[int] = []
    found = text.find("\n", start, end)
    while found != -1:
        cuts.append(found)
        found = text.find("\n", found + 1, end)
    return cuts


def bounded_slices(
    text: str, start: int, end: int, cuts: list[int], max_chars: int
) -> list[tuple[int, int]]:
    """Trimmed, non-empty slices between cuts, each at most ``max_chars`` long."""
    slices: list[tuple[int, int]] = []
    for low, high in zip([start, *cuts], [*cuts, end]):
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        while high - low > max_chars:
            cut = safe_cut(text, low, low + max_chars)
            stop = cut
            while stop > low and text[stop - 1].isspace():
                stop -= 1
            slices.append((low, stop))
            low = cut
            while low < high and text[low].isspace():
                low += 1
        if high > low:
            slices.append((low, high))
    return slices
