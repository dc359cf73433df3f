"""Choosing among overlapping matches: the rule every lexicon in the package follows."""
from __future__ import annotations


def longest_first(candidates: list[tuple]) -> list[tuple]:
    """Non-overlapping candidates, each ``(start, end, order, ...)``: where two overlap, the
    longer wins, then the one of lower ``order`` (listed first in its codebook), then the one
    that starts first ("war crimes" over "war", "26 other nations" over "26"). Returned in text
    order."""
    ranked = sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple] = []
    for c in ranked:
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: (c[0], c[1]))
