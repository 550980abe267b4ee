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

    A simplified "flexible character accuracy": it measures recognition, not layout.
    1. Each reference line found verbatim inside a hypothesis line is consumed there (the
       hypothesis line is split around it), longest first.
    2. Each remaining reference line is aligned with the closest *part* of a hypothesis line
       (approximate substring match); when it differs in at most a third of its characters,
       those differences count and the part is consumed. A line read with its tick boxes
       dropped costs the boxes, not the line.
    3. What is left is split at whitespace; pieces are matched verbatim, then to the closest
       remaining hypothesis piece by edit distance (a piece read as another of the same length
       costs its substitutions). Whatever stays unmatched on either side counts in full.
    """
    hyp = [p for p in (normalise(t) for t in hypothesis.splitlines()) if p]
    ref_lines = [line for line in reference.splitlines() if normalise(line)]
    total = sum(len(normalise(line)) for line in ref_lines)
    raw_of = {}
    for line in ref_lines:  # a repeated line ("日" wrapped in a table cell) keeps its count
        raw_of.setdefault(normalise(line), []).append(line)
    left = _consume([normalise(line) for line in ref_lines], hyp)
    errors = 0
    unmatched = []
    for line in sorted(left, key=len, reverse=True):
        best = _closest_part(line, hyp)
        if best is not None and best[0] * 3 <= len(line):
            d, i, start, end = best
            errors += d
            h = hyp[i]
            hyp[i:i + 1] = [s for s in (h[:start], h[end:]) if s]
        else:
            unmatched.append(raw_of[line].pop())
    pieces = [p for line in unmatched for p in (normalise(t) for t in line.split()) if p]
    for piece in _consume(pieces, hyp):
        best_i, best_d = None, len(piece)
        for i, h in enumerate(hyp):  # the closest piece; one as long and all different is a substitution
            if abs(len(h) - len(piece)) > best_d or (best_i is not None and abs(len(h) - len(piece)) >= best_d):
                continue
            d = edit_distance(piece, h)
            if d < best_d or (best_i is None and d == best_d):
                best_i, best_d = i, d
        errors += best_d
        if best_i is not None:
            hyp.pop(best_i)
    return errors + sum(map(len, hyp)), total


def _closest_part(piece: str, hyp: list[str]) -> tuple[int, int, int, int] | None:
    """(distance, line, start, end) of the substring of a ``hyp`` line closest to ``piece``."""
    best = None
    for i, h in enumerate(hyp):
        if len(h) < len(piece) // 2:
            continue
        d, start, end = substring_distance(piece, h)
        if best is None or d < best[0]:
            best = (d, i, start, end)
    return best


def substring_distance(piece: str, text: str) -> tuple[int, int, int]:
    """Smallest edit distance between ``piece`` and any substring ``text[start:end]``.

    Semi-global alignment: the substring may start and end anywhere in ``text`` at no cost.
    Returns (distance, start, end).
    """
    n = len(text)
    prev = [0] * (n + 1)  # aligning nothing of ``piece``: free anywhere
    starts = list(range(n + 1))
    for i, ca in enumerate(piece, 1):
        cur, cur_starts = [i] + [0] * n, [0] + [0] * n
        for j in range(1, n + 1):
            sub = prev[j - 1] + (ca != text[j - 1])
            dele = prev[j] + 1  # a character of ``piece`` missing from the text
            ins = cur[j - 1] + 1  # an extra character in the text
            if sub <= dele and sub <= ins:
                cur[j], cur_starts[j] = sub, starts[j - 1]
            elif dele <= ins:
                cur[j], cur_starts[j] = dele, starts[j]
            else:
                cur[j], cur_starts[j] = ins, cur_starts[j - 1]
        prev, starts = cur, cur_starts
    end = min(range(n + 1), key=lambda j: (prev[j], -j))
    return prev[end], starts[end], end


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
