"""Distinctive vocabulary: the words and phrases that set one outlet apart from the others.

``distinctive_terms(corpus)`` compares each group of articles (by default each outlet) with
all the other groups together, term by term, with the log-odds ratio under an informative
Dirichlet prior of Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 16–22. Raw
frequencies would rank a word an outlet used once at the top whenever no one else used it;
the prior pulls every term's rate towards its rate in the whole corpus, and dividing by the
estimate's standard deviation (``z``) rewards evidence, so a term used ten times by one outlet
and never by the others outranks one used once.

Terms are the outlet's own words: sentences of the ``headline``, ``standfirst``,
``subheading``, ``caption`` and ``body`` zones (never chrome, bylines, datelines or credits),
lower-cased, with curly apostrophes and hyphens made plain. A word keeps its inner hyphens and
apostrophes ("30-day", "ukraine's"), an initialism its full stops ("u.s."). Terms are
unigrams and bigrams; a bigram joins two words separated by white space only, so it never
crosses a sentence boundary, punctuation or a quotation mark, and bigrams made only of
stopwords (``codebooks/stopwords.csv``) are dropped.

Quoted words (``quoted=``): by default (``"keep"``) every word the outlet printed counts,
because which quotations an outlet chooses is part of how it tells the story, and because a
misread quotation mark (an unclosed quote runs to the paragraph's end) would otherwise delete
the outlet's own words silently. ``"drop"`` keeps only the outlet's own voice (words outside
quotation marks, as :func:`analysis.quotes.quote_spans` finds them, scare quotes included);
``"only"`` keeps only its sources' words.
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import numpy as np
import pandas as pd

from . import paths
from .corpus import Corpus
from .quotes import quote_spans

# The outlet's own words; bylines, datelines and credits name people, not the story.
CONTENT_ZONES = ("headline", "standfirst", "subheading", "caption", "body")
QUOTED_CHOICES = ("keep", "drop", "only")
# Prior weight in pseudo-words: see distinctive_terms.
DEFAULT_A0 = 1000.0
TERM_COLUMNS = ["group", "term", "n", "n_other", "rate_per_1000", "delta", "z"]
OCCURRENCE_COLUMNS = ["article_id", "outlet", "start", "end", "text", "sentence", "sentence_start", "sentence_end",
                      "sentence_text", "in_quote"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "′": "'", "‐": "-", "‑": "-"})
# Order matters: grouped numbers and initialisms before plain words, so "2,500" and "U.S." stay whole.
WORD = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"                 # 2,500  1,000.5
    r"|\d+(?:\.\d+)+"                                # 1.5
    r"|(?:[^\W\d_]\.){2,}(?:[-‐‑][^\W_]+)*"          # U.S.  a.m.  U.S.-proposed
    r"|[^\W_]+(?:['’ʼ\-‐‑][^\W_]+)*"                 # words with inner hyphens or apostrophes
)


@dataclass(frozen=True)
class Token:
    """A normalised word and where it stands in the raw text."""

    word: str
    start: int
    end: int


def normalise(word: str, keep_acronym: bool = False) -> str:
    """Plain apostrophes and hyphens, lower case; with ``keep_acronym`` a word written all in
    capitals ("US", "NATO", "G7") keeps them, so the country is not the pronoun "us"."""
    word = word.translate(_APOSTROPHES)
    return word if keep_acronym and len(word) >= 2 and word.isupper() else word.lower()


def word_tokens(text: str, start: int = 0, end: int | None = None, acronyms: bool = False) -> list[Token]:
    """The words of ``text[start:end]``, normalised (see :func:`normalise`), with offsets into ``text``.

    ``acronyms`` keeps all-capital words in capitals unless the whole span is written in
    capitals (a crosshead such as "ZELENSKIY SAYS SOVEREIGNTY NOT NEGOTIABLE")."""
    end = len(text) if end is None else end
    plain = text[start:end].translate(_APOSTROPHES)  # one character for one: offsets still hold
    letters = sum(map(str.isalpha, plain))
    keep = acronyms and sum(map(str.isupper, plain)) <= 0.8 * letters
    tokens = []
    for m in WORD.finditer(plain):
        word = m.group(0)
        if not (keep and len(word) >= 2 and word.isupper()):
            word = word.lower()
        tokens.append(Token(word, start + m.start(), start + m.end()))
    return tokens


def load_stopwords(path: Path | str | None = None) -> frozenset[str]:
    """The stopword codebook (a CSV with a ``word`` column), normalised like tokens."""
    return _stopwords_cached(str(Path(path) if path is not None else paths.CODEBOOKS / "stopwords.csv"))


@lru_cache(maxsize=8)
def _stopwords_cached(path: str) -> frozenset[str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if "word" not in (reader.fieldnames or []):
                raise ValueError(f"{path}: the stopword codebook needs a header row with a 'word' column")
            return frozenset(normalise(row["word"].strip()) for row in reader if (row["word"] or "").strip())
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: stopword codebook not found; restore analysis/codebooks/stopwords.csv "
                                f"or pass stopwords=") from None


def quoted_spans(corpus: Corpus) -> dict[str, list[tuple[int, int]]]:
    """Article id → sorted (start, end) of the words inside quotation marks, paragraph by paragraph."""
    spans: dict[str, list[tuple[int, int]]] = {}
    paragraphs = corpus.paragraphs
    if paragraphs.empty:
        return spans
    for article_id, start, end in zip(paragraphs["article_id"], paragraphs["start"], paragraphs["end"]):
        found = [(s, e) for _, s, e, _ in quote_spans(corpus.texts[article_id], int(start), int(end))]
        spans.setdefault(article_id, []).extend(found)
    return {article_id: sorted(found) for article_id, found in spans.items()}


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies within one of the sorted, non-overlapping ``spans``."""
    i = bisect.bisect_right(spans, (start, math.inf)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def content_sentences(corpus: Corpus, zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """The sentences of the given zones, in corpus order."""
    sentences = corpus.sentences
    if sentences.empty or "zone" not in sentences:
        return pd.DataFrame(columns=["article_id", "paragraph", "sentence", "zone", "start", "end", "text"])
    return sentences[sentences["zone"].isin(zones)].reset_index(drop=True)


def sentence_terms(tokens: list[Token], text: str, stopwords: frozenset[str]) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) of the unigrams and bigrams of one sentence's kept tokens.

    Two tokens form a bigram only when nothing but white space separates them: punctuation,
    a quotation mark or a dropped quotation between them ends the phrase."""
    for i, token in enumerate(tokens):
        yield token.word, token.start, token.end
        if i + 1 < len(tokens):
            following = tokens[i + 1]
            if text[token.end:following.start].isspace() and not (token.word in stopwords and following.word in stopwords):
                yield f"{token.word} {following.word}", token.start, following.end


def iter_terms(corpus: Corpus, quoted: str = "keep", zones: tuple[str, ...] = CONTENT_ZONES,
               stopwords: frozenset[str] | None = None) -> Iterator[tuple[str, int, str, int, int, bool]]:
    """(article_id, sentence row, term, start, end, in_quote) for every term of the corpus.

    ``sentence row`` indexes :func:`content_sentences`. Unigrams carry their quotation flag;
    with ``quoted="drop"`` or ``"only"`` the other kind of word is removed before bigrams form."""
    if quoted not in QUOTED_CHOICES:
        raise ValueError(f"quoted={quoted!r}: use one of {', '.join(QUOTED_CHOICES)}")
    stopwords = load_stopwords() if stopwords is None else stopwords
    quotes = quoted_spans(corpus)
    sentences = content_sentences(corpus, zones)
    for row, (article_id, start, end) in enumerate(zip(sentences["article_id"], sentences["start"], sentences["end"])):
        text = corpus.texts[article_id]
        spans = quotes.get(article_id, [])
        flagged = [(t, bool(spans) and inside(spans, t.start, t.end))
                   for t in word_tokens(text, int(start), int(end), acronyms=True)]
        if quoted == "keep":
            runs = [[t for t, _ in flagged]]
        else:
            wanted = quoted == "only"
            runs, current = [], []
            for token, in_quote in flagged:
                if in_quote == wanted:
                    current.append(token)
                elif current:
                    runs.append(current)
                    current = []
            runs.append(current)
        for run in runs:
            for term, s, e in sentence_terms(run, text, stopwords):
                yield article_id, row, term, s, e, bool(spans) and inside(spans, s, e)


def group_of(corpus: Corpus, group: str) -> dict[str, str]:
    """Article id → the value of the ``articles`` column ``group``."""
    articles = corpus.articles
    if group not in articles.columns:
        available = ", ".join(map(str, articles.columns)) or "none"
        raise ValueError(f"group={group!r} is not a column of corpus.articles (columns: {available}); "
                         f"pass one of them, e.g. group='outlet'")
    return {a: ("" if pd.isna(g) else str(g)) for a, g in zip(articles["id"], articles[group])}


def term_counts(corpus: Corpus, group: str = "outlet", quoted: str = "keep", zones: tuple[str, ...] = CONTENT_ZONES,
                stopwords: frozenset[str] | None = None, keep_stopwords: bool = True) -> tuple[pd.DataFrame, dict[str, int]]:
    """(table of group, term, n; words per group): the counts the log-odds ratio is computed on.

    ``keep_stopwords=False`` leaves stopword unigrams out of the counts (not out of the words
    per group, which stay the number of words the group printed)."""
    stopwords = load_stopwords() if stopwords is None else stopwords
    groups = group_of(corpus, group)
    counts: Counter = Counter()
    words: Counter = Counter()
    for article_id, _, term, _, _, _ in iter_terms(corpus, quoted, zones, stopwords):
        key = groups[article_id]
        unigram = " " not in term
        words[key] += unigram
        if keep_stopwords or not (unigram and term in stopwords):
            counts[(key, term)] += 1
    table = pd.DataFrame([(g, t, n) for (g, t), n in counts.items()], columns=["group", "term", "n"])
    return table, dict(words)


def log_odds(counts: pd.DataFrame, a0: float = DEFAULT_A0) -> pd.DataFrame:
    """Monroe et al. (2008) eq. 16–22 for each (group, term) of ``counts`` against all other groups.

    With y the term's count, n the group's total, α_w = a0 · (corpus count of w / corpus total)
    and "other" the rest of the corpus:
    δ = log((y + α_w) / (n + a0 − y − α_w)) − log((y_o + α_w) / (n_o + a0 − y_o − α_w)),
    var(δ) ≈ 1/(y + α_w) + 1/(y_o + α_w), z = δ / √var(δ)."""
    if a0 <= 0:
        raise ValueError(f"a0={a0}: the prior's weight must be positive")
    if counts.empty:
        return counts.assign(n_other=0, delta=0.0, z=0.0).iloc[0:0]
    total = counts["n"].sum()
    term_total = counts.groupby("term")["n"].transform("sum")
    group_total = counts.groupby("group")["n"].transform("sum")
    alpha = a0 * term_total / total
    y, y_other = counts["n"], term_total - counts["n"]
    n, n_other = group_total, total - group_total
    delta = np.log((y + alpha) / (n + a0 - y - alpha)) - np.log((y_other + alpha) / (n_other + a0 - y_other - alpha))
    variance = 1 / (y + alpha) + 1 / (y_other + alpha)
    return counts.assign(n_other=y_other, delta=delta, z=delta / np.sqrt(variance))


def distinctive_terms(corpus: Corpus, group: str = "outlet", a0: float = DEFAULT_A0, quoted: str = "keep",
                      zones: tuple[str, ...] = CONTENT_ZONES, min_count: int = 1,
                      stopwords: frozenset[str] | None = None, keep_stopwords: bool = True) -> pd.DataFrame:
    """One row per (group, term) the group uses at least ``min_count`` times.

    Columns: ``group``, ``term``, ``n`` (uses in the group), ``n_other`` (uses in all other
    groups), ``rate_per_1000`` (uses per 1,000 words of the group), ``delta`` (log-odds ratio,
    group against the rest), ``z`` (delta over its standard deviation). Sorted by group, then
    z descending, then term. Fewer than two groups with words give an empty table: there is
    nothing to compare with.

    ``a0`` is the prior's total weight in pseudo-words. The default, 1000, is about the length
    of one long news article: the prior then counts as much as one more article written at the
    corpus's average rates, which steadies groups of a single short article without drowning a
    group of many articles (whose own counts soon outweigh it). Larger a0 shrinks harder
    towards the corpus's rates; ``a0`` equal to the corpus's own term total reproduces the
    common "whole corpus as prior" variant.

    Stopword unigrams are kept by default, as in Monroe et al.: the informative prior already
    shrinks frequent words, and a house style ("has said", "Mr") can be the finding;
    ``keep_stopwords=False`` drops them for a reader's list.
    """
    counts, words = term_counts(corpus, group, quoted, zones, stopwords, keep_stopwords)
    if counts["group"].nunique() < 2:
        return pd.DataFrame(columns=TERM_COLUMNS)
    scored = log_odds(counts, a0)
    scored = scored[scored["n"] >= min_count]
    scored = scored.assign(rate_per_1000=1000 * scored["n"] / scored["group"].map(words).clip(lower=1))
    scored = scored.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    return scored[TERM_COLUMNS].reset_index(drop=True)


def top_terms(table: pd.DataFrame, n: int = 10, min_z: float = 1.96) -> pd.DataFrame:
    """The ``n`` highest-z terms of each group among those with ``z > min_z`` (1.96: two-sided 5%)."""
    kept = table[table["z"] > min_z]
    return kept.groupby("group", sort=False).head(n).reset_index(drop=True)


def term_occurrences(corpus: Corpus, term: str, group: str | None = None, group_by: str = "outlet",
                     quoted: str = "keep", zones: tuple[str, ...] = CONTENT_ZONES,
                     stopwords: frozenset[str] | None = None) -> pd.DataFrame:
    """Every place ``term`` (as :func:`distinctive_terms` counts it) occurs, to read it in context.

    One row per occurrence: ``article_id``, ``outlet``, ``start``, ``end`` and ``text`` (the term
    as printed), the ``sentence`` number and its ``sentence_start``, ``sentence_end``,
    ``sentence_text``, and ``in_quote``. ``group`` keeps only articles whose ``group_by`` column
    has that value."""
    wanted = " ".join(normalise(word, keep_acronym=True) for word in term.split())
    sentences = content_sentences(corpus, zones)
    groups = group_of(corpus, group_by) if group is not None else {}
    outlets = corpus.outlet_of() if not corpus.articles.empty else {}
    rows = []
    for article_id, row, found, start, end, in_quote in iter_terms(corpus, quoted, zones, stopwords):
        if found != wanted or (group is not None and groups.get(article_id) != group):
            continue
        sentence = sentences.iloc[row]
        rows.append({"article_id": article_id, "outlet": outlets.get(article_id, ""), "start": start, "end": end,
                     "text": corpus.texts[article_id][start:end], "sentence": int(sentence["sentence"]),
                     "sentence_start": int(sentence["start"]), "sentence_end": int(sentence["end"]),
                     "sentence_text": sentence["text"], "in_quote": in_quote})
    return pd.DataFrame(rows, columns=OCCURRENCE_COLUMNS)
