"""A paper known by its subtitle: "the 'A place called home' strategy" is the one its papers call
"Sufficiency Strategy 2023-2025 – 'A place called home'". A quoted phrase of the question that
the papers print after a name and a dash is read as that name, the one the papers use when they
record what was done with it ("The Committee noted the Sufficiency Strategy 2023-2025")."""

from __future__ import annotations

import re
from typing import Callable

# a quoted phrase of two words or more, in straight or curly quotes (not in brackets: "Theme 2
# ('A Place called Home')" already names what it is)
_QUOTED = re.compile(r"(?:^|(?<=\s))['\u2018\"\u201c]([A-Za-z][^'\u2019\"\u201d?]{2,60}?)['\u2019\"\u201d](?=[\s,.?;:)]|$)")
_NAME_WORD = r"[A-Z0-9][\w'\u2019-]*"


def with_full_names(question: str, paragraphs: Callable[[str], list[str]]) -> str:
    """``question`` with each quoted subtitle replaced by the name the papers print before it
    ("Name – 'subtitle'"); unchanged when the papers give none or the question names it already."""
    for m in reversed(list(_QUOTED.finditer(question))):
        phrase = m.group(1).strip()
        if len(phrase.split()) < 2:
            continue
        before = re.compile(rf"((?:{_NAME_WORD}\s+){{1,8}}?)[\u2013\u2014-]\s*['\u2018\"\u201c](?i:{re.escape(phrase)})['\u2019\"\u201d]")
        name = next((hit.group(1).strip() for text in paragraphs(phrase) if (hit := before.search(text))), None)
        # (its owner goes without saying: "Medway's Sufficiency Strategy" is the Sufficiency Strategy)
        name = name and re.sub(r"^[\w-]+['\u2019]s\s+", "", name)
        if name and name.lower() not in question.lower():
            question = f"{question[:m.start()]}{name}{question[m.end():]}"
    return question
