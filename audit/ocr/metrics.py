"""Character error rate against ground truth, after normalising width and whitespace."""

from __future__ import annotations

import unicodedata

import regex

_SPACE = regex.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC (full-width punctuation, digits and letters to half-width), no whitespace."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    if len(a) < len(b):
        a, b = b, a
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        append = cur.append
        for j, cb in enumerate(b, 1):
            append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def cer(reference: str, hypothesis: str) -> tuple[int, int]:
    """(errors, reference length) after :func:`normalise`; sum both over pages for a rate."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    return edit_distance(ref, hyp), len(ref)
