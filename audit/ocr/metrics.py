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
    """Errors as in :func:`cer`, but indifferent to the order of lines and of pieces in them.

    Each reference line (then, for what is left, each whitespace-separated piece of it) is
    looked for verbatim inside a hypothesis line, which is split around what it consumed;
    what remains is matched to the closest remaining hypothesis piece by edit distance, and
    what stays unmatched on either side counts in full. A simplified "flexible character
    accuracy": it measures recognition, not layout.
    """
    hyp = [p for p in (normalise(t) for t in hypothesis.splitlines()) if p]
    ref_lines = [line for line in reference.splitlines() if normalise(line)]
    total = sum(len(normalise(line)) for line in ref_lines)
    left = _consume([normalise(line) for line in ref_lines], hyp)
    pieces = [p for line in ref_lines if normalise(line) in left
              for p in (normalise(t) for t in line.split()) if p]
    errors = 0
    for piece in _consume(pieces, hyp):
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


def _consume(pieces: list[str], hyp: list[str]) -> list[str]:
    """Remove each piece found verbatim in ``hyp`` (longest first); return those not found."""
    left = []
    for piece in sorted(pieces, key=len, reverse=True):
        for i, h in enumerate(hyp):
            at = h.find(piece)
            if at >= 0:
                hyp[i:i + 1] = [s for s in (h[:at], h[at + len(piece):]) if s]
                break
        else:
            left.append(piece)
    return left
