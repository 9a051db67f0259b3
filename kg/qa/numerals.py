"""Numbers as they are spoken ("twenty twenty-three", "two thousand and nineteen", "sixteen point
nine percent", "one hundred and forty one"), written in the digits the papers print, so that a
dictated question finds its year and figure.

A lone small number word ("one of the partners", "twelve months") is left as typed: it reads as
a word, and question analysis already takes the small ones as digits where they count.
"""

from __future__ import annotations

import re

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1000}
_LARGE = ("million", "billion")
_WORD = r"(?:" + "|".join(sorted([*UNITS, *_TENS, *_SCALES], key=len, reverse=True)) + r")"
# a run of number words: "one hundred and forty-one", "twenty twenty-three", "sixteen point nine"
_RUN = re.compile(rf"\b{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*(?:\s+point(?:\s+{_WORD})+)?\b", re.I)
_A_SCALE = re.compile(r"\ba\s+(hundred|thousand)\b", re.I)
_SMALL_AMOUNT = re.compile(rf"(?<!point )\b({'|'.join(sorted(UNITS, key=len, reverse=True))})\s+(?=(?:million|billion|percent|per cent|pounds)\b)",
                           re.I)
_PERCENT = re.compile(r"(\d)\s*(?:percent|per cent)\b", re.I)
_POUNDS = re.compile(r"\b(\d[\d.,]*(?:\s+(?:million|billion|thousand))?)\s+pounds\b", re.I)


def _words(run: str) -> list[str]:
    return [w for w in re.split(r"[\s-]+", run.lower()) if w and w != "and"]


def _cardinal(words: list[str]) -> int | None:
    """The value of a run of cardinal words ("one hundred forty one" → 141), or None."""
    total, current, seen = 0, 0, False
    for w in words:
        if w in UNITS:
            if seen and current % 10 and current >= 20 or (current and current < 20 and w in UNITS and current % 100):
                return None  # "five six": two numbers, not one
            current += UNITS[w]
        elif w in _TENS:
            if current % 100:
                return None
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _two_digits(words: list[str]) -> int | None:
    """10-99 said as one number ("twenty-three", "nineteen"), or None."""
    if len(words) == 1 and words[0] in UNITS and UNITS[words[0]] >= 10:
        return UNITS[words[0]]
    if len(words) == 1 and words[0] in _TENS:
        return _TENS[words[0]]
    if len(words) == 2 and words[0] in _TENS and words[1] in UNITS and 0 < UNITS[words[1]] < 10:
        return _TENS[words[0]] + UNITS[words[1]]
    return None


def _years(words: list[str]) -> list[int] | None:
    """Years said as pairs ("twenty twenty-three", "twenty nineteen twenty" → [2019, 2020]), or None."""
    out, i = [], 0
    while i < len(words):
        century = {"twenty": 2000, "nineteen": 1900}.get(words[i])
        if century is None:
            return None
        for span in (2, 1):
            part = _two_digits(words[i + 1:i + 1 + span]) if i + 1 + span <= len(words) else None
            if part is not None:
                out.append(century + part)
                i += 1 + span
                break
        else:
            # "twenty nineteen twenty": a financial year's second half, said alone
            tail = _two_digits(words[i:])
            if out and tail is not None and tail == (out[-1] + 1) % 100:
                out.append(out[-1] // 100 * 100 + tail)
                return out
            return None
    return out or None


def _spoken(m: re.Match) -> str:
    run = m.group(0)
    if re.search(r"\bpoint\b", run, re.I):
        whole, _, fraction = re.split(r"\s+(point)\s+", run, maxsplit=1, flags=re.I)
        value = _cardinal(_words(whole))
        digits = [UNITS.get(w) for w in _words(fraction)]
        if value is None or any(d is None or d > 9 for d in digits):
            return run
        return f"{value}.{''.join(str(d) for d in digits)}"
    words = _words(run)
    if len(words) == 1 and words[0] not in _SCALES:
        return run  # "one", "twelve", "twenty": left as a word
    years = _years(words)
    if years and len(years) == 2 and years[1] == years[0] + 1:
        return f"{years[0]}/{years[1] % 100:02d}"  # "twenty twenty-one twenty-two": 2021/22
    if years and len(years) == 1 and (words[0] != "twenty" or _two_digits(words[1:]) and _two_digits(words[1:]) >= 10):
        return str(years[0])
    value = _cardinal(words)
    return str(value) if value is not None else run


def digits_for_words(text: str) -> str:
    """``text`` with spoken numbers, years, decimals, percentages and sums in digits."""
    text = _A_SCALE.sub(r"one \1", text)  # "a hundred children"
    text = _SMALL_AMOUNT.sub(lambda m: str(UNITS[m.group(1).lower()]) + " ", text)  # "four million", "nine percent"
    text = _RUN.sub(_spoken, text)
    text = _PERCENT.sub(r"\1%", text)
    return _POUNDS.sub(r"£\1", text)
