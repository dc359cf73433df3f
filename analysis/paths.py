"""Every path the project uses, in one place.

Notebooks and scripts ask this module where things are instead of writing `../raw`.
Two environment variables redirect a whole build (see `python -m analysis build`):

- ``ANALYSIS_CORPUS``: the folder of articles and their manifest (default: ``raw/``);
- ``ANALYSIS_OUT``: where notebooks, figures and HTML are written (default: the repository).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parent
SEED_CORPUS = ROOT / "raw"
NOTEBOOKS = ROOT / "notebooks"
CODEBOOKS = PACKAGE / "codebooks"
TEMPLATES = PACKAGE / "templates"
SEED_GOLD = ROOT / "tests" / "gold" / "gold.json"  # hand-coded gold of raw/ (see its README)
UNSEEN_CORPUS = ROOT / "tests" / "unseen"  # six invented articles in other styles, with their gold.json
DEMAND_DEV_CORPUS = ROOT / "tests" / "dev"  # more invented articles in other styles, demand gold only
HOLDOUT_CORPUS = ROOT / "tests" / "holdout"  # invented articles no demand rule was written against, demand gold only
WORDING_BANK = ROOT / "tests" / "bank"  # short invented passages in common wordings, each with its demand labels
GOLD_NAME = "gold.json"  # a bring-your-own corpus may carry its gold under this name
SECOND_READER_NAME = "gold_second_reader.json"  # the same texts' demands coded again by another reader

CORPUS_ENV = "ANALYSIS_CORPUS"
OUT_ENV = "ANALYSIS_OUT"


def corpus_dir() -> Path:
    """The corpus this run analyses."""
    return Path(os.environ.get(CORPUS_ENV) or SEED_CORPUS).resolve()


def out_dir() -> Path:
    """The folder that receives ``notebooks/``, ``figures/`` and ``reports/``."""
    return Path(os.environ.get(OUT_ENV) or ROOT).resolve()


def figures_dir() -> Path:
    return out_dir() / "figures"


def is_seed_corpus() -> bool:
    """True when this run analyses the repository's own ``raw/``.

    The notebooks' prose was written about that corpus; on another one its claims
    are reported, not enforced (see :mod:`analysis.claims`)."""
    return corpus_dir() == SEED_CORPUS.resolve()


def shown(path: Path) -> str:
    """A path as printed in messages and notebook outputs: never absolute, so that
    outputs do not change with the folder the repository was cloned into.

    Files in the corpus show as ``<corpus folder>/<file>`` (``raw/000_….txt``)."""
    path = Path(path).resolve()
    corpus = corpus_dir()
    if path == corpus or corpus in path.parents:
        return (Path(corpus.name) / path.relative_to(corpus)).as_posix()
    for base in (out_dir(), ROOT):
        if base in path.parents:
            return path.relative_to(base).as_posix()
    return path.name
