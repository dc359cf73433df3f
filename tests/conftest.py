"""Shared fixtures: a throwaway corpus folder, the repository's seed corpus loaded once, and the
demand rows of a one-article corpus."""
from __future__ import annotations

import atexit
import csv
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

import analysis
from analysis import paths
from analysis.demands import demands
from analysis.manifest import COLUMNS, MANIFEST_NAME

# nbval runs the notebooks in kernels that inherit this environment: their figures go to a
# scratch folder, so `make test` never rewrites the repository's outputs, and set order is fixed.
_SCRATCH_OUT = tempfile.mkdtemp(prefix="analysis-test-out-")
atexit.register(shutil.rmtree, _SCRATCH_OUT, ignore_errors=True)
os.environ.setdefault(paths.OUT_ENV, _SCRATCH_OUT)
os.environ.setdefault("PYTHONHASHSEED", "0")

DEFAULT_OUTLET = "Test Wire"
DEFAULT_EVIDENCE = "written for the test"
DEFAULT_DATE = "2025-03-17"


def default_row(name: str) -> dict:
    """The manifest row ``make_corpus`` writes for a file when no rows are given."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(name).stem).strip("-.") or "article"
    return {
        "id": stem, "file": name,
        "outlet": DEFAULT_OUTLET, "outlet_evidence": DEFAULT_EVIDENCE,
        "date": DEFAULT_DATE, "date_evidence": DEFAULT_EVIDENCE,
    }


def _make_corpus(tmp_path: Path, files: dict, rows: list[dict] | None = None) -> Path:
    """Write a corpus folder under ``tmp_path`` and return it.

    ``files`` maps a file name (relative to the folder) to its content: bytes are written
    verbatim, str as UTF-8 with no newline translation. ``rows`` are the manifest rows,
    written as given (the header is every key they use, in manifest column order, then any
    other key); ``None`` gives one default row per file (``default_row``).
    """
    folder = Path(tmp_path) / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if rows is None:
        rows = [default_row(name) for name in files]
    used = {key for row in rows for key in row}
    header = [c for c in COLUMNS if c in used] + sorted(used - set(COLUMNS))
    with open(folder / MANIFEST_NAME, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: row.get(key, "") for key in header})
    return folder


@pytest.fixture(scope="session")
def make_corpus():
    """``make_corpus(tmp_path, files, rows=None) -> folder``: see :func:`_make_corpus`."""
    return _make_corpus


@pytest.fixture(scope="session")
def seed_corpus():
    """The repository's own ``raw/`` corpus, loaded once per test session."""
    return analysis.load_corpus(paths.SEED_CORPUS)


@pytest.fixture
def one_article(tmp_path, make_corpus):
    """``one_article(text, date="2025-03-17")`` → the corpus of a single article written for a test."""
    def load(text: str, date: str = "2025-03-17"):
        folder = make_corpus(tmp_path, {"story.txt": text},
                             [{"id": "story", "file": "story.txt", "outlet": "Test Wire",
                               "outlet_evidence": "written for the test", "date": date,
                               "date_evidence": "written for the test"}])
        return analysis.load_corpus(folder)
    return load


@pytest.fixture
def outlets_corpus(tmp_path, make_corpus):
    """``outlets_corpus({outlet: text, ...})`` or ``outlets_corpus([(outlet, text), ...])`` → a
    corpus of one article per entry (a list may name an outlet twice)."""
    def build(articles):
        pairs = articles.items() if isinstance(articles, dict) else articles
        files, rows = {}, []
        for number, (outlet, text) in enumerate(pairs):
            name = f"article{number:02d}.txt"
            files[name] = text
            rows.append({"id": f"article{number:02d}", "file": name, "outlet": outlet,
                         "outlet_evidence": "written for the test", "date": "2025-03-17",
                         "date_evidence": "written for the test"})
        return analysis.load_corpus(make_corpus(tmp_path, files, rows))
    return build


@pytest.fixture
def positions(one_article):
    """``positions(text)`` → the (who, category, stance, voice) rows the demand annotator finds in
    a single article written for a test."""
    def run(text: str):
        table = demands(one_article(text))
        return {(w, c, s, v) for w, c, s, v in zip(table["who"], table["category"], table["stance"], table["voice"])}
    return run
