"""Checks that tie a notebook's prose to its data.

Every number or fact the prose of a notebook states is followed by a cell that computes it
and calls :func:`claim`. On the corpus the prose was written about (``raw/``), a claim that
no longer holds stops the run, so a changed corpus cannot leave stale prose behind. On a
bring-your-own corpus the prose is not about that corpus: a failing claim is then shown,
not raised, and the computed tables and figures tell that corpus's own story.
"""
from __future__ import annotations

from . import paths


class ClaimFailed(AssertionError):
    """The notebook's prose states something the data no longer shows."""


def claim(statement: str, holds: bool) -> None:
    """Assert that ``statement`` (as the prose words it) ``holds`` on the data."""
    holds = bool(holds)
    if holds:
        print(f"✓ {statement}")
    elif paths.is_seed_corpus():
        raise ClaimFailed(f"The prose says: {statement!r}, but the data no longer shows it. "
                          "Correct the prose (and this check) or the data.")
    else:
        print(f"✗ Not true of this corpus (the prose describes raw/): {statement}")
