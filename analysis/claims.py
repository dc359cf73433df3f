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


def claim(statement: str, holds) -> None:
    """Assert that ``statement`` (as the prose words it) ``holds`` on the data.

    ``holds`` is a truth value, or a function returning one: a check that looks up a named row
    ("the Guardian", "countries") is written as a function, so that on another corpus where the
    row does not exist the claim is simply not true there, instead of stopping the notebook."""
    if callable(holds):
        try:
            holds = holds()
        except (KeyError, IndexError, ValueError, TypeError, AttributeError) as err:
            if paths.is_seed_corpus():
                raise ClaimFailed(f"The prose says: {statement!r}, but checking it failed: {err!r}. "
                                  "Correct the prose (and this check) or the data.") from err
            holds = False
    holds = bool(holds)
    if holds:
        print(f"✓ {statement}")
    elif paths.is_seed_corpus():
        raise ClaimFailed(f"The prose says: {statement!r}, but the data no longer shows it. "
                          "Correct the prose (and this check) or the data.")
    else:
        print(f"✗ Not true of this corpus (the prose describes raw/): {statement}")
