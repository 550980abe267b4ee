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


def cer_unordered(reference: str, hypothesis: str) -> tuple[int, int]:
    """Errors as in :func:`cer`, but indifferent to the order of the pieces of text.

    Pieces are the whitespace-separated runs of each side. Each reference piece is first
    looked for verbatim inside a hypothesis piece (merged pieces split around it), then
    matched to the closest remaining piece; what stays unmatched on either side counts in
    full. A simplified "flexible character accuracy": it measures recognition, not layout.
    """
    ref = [p for p in (normalise(t) for t in reference.split()) if p]
    hyp = [p for p in (normalise(t) for t in hypothesis.split()) if p]
    total = sum(map(len, ref))
    left: list[str] = []
    for piece in sorted(ref, key=len, reverse=True):
        for i, h in enumerate(hyp):
            at = h.find(piece)
            if at >= 0:
                hyp[i:i + 1] = [s for s in (h[:at], h[at + len(piece):]) if s]
                break
        else:
            left.append(piece)
    errors = 0
    for piece in left:
        best, best_d = None, len(piece)
        for i, h in enumerate(hyp):
            if abs(len(h) - len(piece)) >= best_d:
                continue
            d = edit_distance(piece, h)
            if d < best_d:
                best, best_d = i, d
        errors += best_d
        if best is not None:
            hyp.pop(best)
    return errors + sum(map(len, hyp)), total
