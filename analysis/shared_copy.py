"""Shared copy: passages that outlets print almost word for word, and the quotations they share.

``shared_passages(corpus)`` aligns the sentences of articles from different outlets (the
``headline``, ``standfirst``, ``subheading``, ``caption`` and ``body`` zones) to find reused
wire copy and the same quotation chosen twice. Words are normalised (lower case, plain
apostrophes, "I’ll" read as "I will", "don’t" as "do not") and cut into shingles of ``k``
consecutive words. Candidate pairs come from an inverted index, never from all pairs of
sentences: each sentence is indexed by a winnowed sample of its shingles (of every two
neighbouring shingles, the one rarer in the corpus; Schleimer et al. 2003) and looks up all
of its own. So every pair of sentences that shares ``k + 1`` consecutive words is compared,
while stock phrases ("said in a statement on") seldom generate pairs.

The two sentences' words are matched in order (``difflib``): runs of ``k`` or more identical
words are the core of the passage; runs of two or more words next to it (at most
``MAX_GAP`` words away on both sides) extend it, so "Putin has said no to a full ceasefire"
and "Putin has once again said no to a full ceasefire" match whole. ``similarity`` is the
share of the shorter sentence's words inside the passage. A pair is a shared passage when its
longest run is at least ``min_run`` words (default 8: a clause, longer than the set phrases
outlets share by chance), or when ``similarity`` is at least ``threshold`` (default 0.75) and
the passage holds at least ``MIN_SHARED_WORDS`` words (a short sentence reprinted with a
word changed, but not "The Kremlin said on Monday" against "... on Tuesday"). The span runs
from the first to the last matched word on each side, so a shared clause inside two
different sentences is reported as the clause. Each word of an article pair is used by at
most one passage: pairs are accepted best first, and one that overlaps an accepted passage on
either side is dropped.

``shared_matrix`` counts the passages for every pair of outlets; ``quote_choices`` groups the
quotations of the ``quotes`` table (:func:`analysis.quotes.quotes`) that are the same words,
to tell which quotations every outlet chose and which only one did.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

import pandas as pd

from .corpus import Corpus
from .vocabulary import CONTENT_ZONES, content_sentences, inside, quoted_spans, word_tokens

PASSAGE_COLUMNS = ["article_a", "outlet_a", "start_a", "end_a", "text_a", "article_b", "outlet_b", "start_b",
                   "end_b", "text_b", "similarity", "shared_words", "in_quote"]
CHOICE_COLUMNS = ["quotation", "speaker", "text", "outlets", "n_outlets", "n_quotes", "chosen_by", "members"]
DEFAULT_K = 4
DEFAULT_MIN_RUN = 8
DEFAULT_THRESHOLD = 0.75
MIN_SHARED_WORDS = 6
MAX_GAP = 2
# Winnowing window in shingles: any run of k + WINDOW - 1 shared words is a candidate.
WINDOW = 2
QUOTE_MIN_RUN = 6
# A quotation this short counts as another's only when it is all of the other's words or
# identical: "positive" inside a longer quote is not the same choice of words.
QUOTE_MIN_CONTAINED = 4

# Contractions printed one way by one outlet and spelt out by another; "’s" and "’d" are
# ambiguous (is/has, would/had) and stay as printed.
_CONTRACTIONS = {"won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"]}
_SUFFIXES = (("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"))


@dataclass
class Unit:
    """A span of text to align (a sentence or a quotation) as normalised words with offsets."""

    article_id: str
    outlet: str
    words: list[str]
    starts: list[int]
    ends: list[int]


def alignment_words(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """Normalised words of ``text[start:end]`` with their offsets; a contraction becomes two
    words that share its span."""
    words, starts, ends = [], [], []
    for token in word_tokens(text, start, end):
        for word in _expand(token.word):
            words.append(word)
            starts.append(token.start)
            ends.append(token.end)
    return words, starts, ends


def _expand(word: str) -> list[str]:
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    for suffix, full in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return [word[: -len(suffix)], full]
    return [word]


def shingles(words: list[str], k: int) -> list[str]:
    """The runs of ``k`` consecutive words, in order, as strings."""
    return [" ".join(words[i:i + k]) for i in range(len(words) - k + 1)]


def candidate_pairs(units: list[Unit], k: int, allowed) -> list[tuple[int, int]]:
    """Pairs (i, j), i < j, of units worth comparing, found through an inverted index.

    Includes every allowed pair that shares ``k + WINDOW - 1`` consecutive words, and every
    allowed pair that shares a shingle with a unit shorter than that (indexed whole)."""
    grams = [shingles(u.words, k) for u in units]
    frequency = Counter(g for unit_grams in grams for g in set(unit_grams))
    index: dict[str, list[int]] = defaultdict(list)
    for i, unit_grams in enumerate(grams):
        for g in sorted(_fingerprints(unit_grams, WINDOW, frequency, short=len(units[i].words) < k + WINDOW - 1)):
            index[g].append(i)
    pairs = set()
    for i, unit_grams in enumerate(grams):
        for g in set(unit_grams):
            for j in index.get(g, ()):
                if i != j and allowed(units[min(i, j)], units[max(i, j)]):
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


def _fingerprints(grams: list[str], window: int, frequency: Counter, short: bool) -> set[str]:
    """Winnowing (Schleimer et al. 2003) with the corpus's rarest shingle as each window's minimum."""
    if short:
        return set(grams)
    rarest = lambda g: (frequency[g], g)  # noqa: E731 - ties broken by text, so both sides pick alike
    return {min(grams[i:i + window], key=rarest) for i in range(max(1, len(grams) - window + 1))}


def compare(a: Unit, b: Unit, k: int) -> tuple[list[tuple[int, int, int]], int, float]:
    """(the passage's matching runs as (i, j, size), its longest run, similarity).

    The passage is every run of ``k``+ words, the runs between them, and runs of two or more
    words chained to its ends across gaps of at most ``MAX_GAP`` words on both sides;
    similarity is its words over the shorter unit's words. No ``k``-word run: no passage."""
    matcher = SequenceMatcher(None, a.words, b.words, autojunk=False)
    blocks = [(i, j, size) for i, j, size in matcher.get_matching_blocks() if size >= 2]
    core = [n for n, (_, _, size) in enumerate(blocks) if size >= k]
    if not core:
        return [], 0, 0.0
    first, last = core[0], core[-1]
    while first > 0 and _close(blocks[first - 1], blocks[first]):
        first -= 1
    while last + 1 < len(blocks) and _close(blocks[last], blocks[last + 1]):
        last += 1
    runs = blocks[first:last + 1]
    shorter = min(len(a.words), len(b.words))
    return runs, max(size for _, _, size in runs), sum(size for _, _, size in runs) / shorter


def _close(before: tuple[int, int, int], after: tuple[int, int, int]) -> bool:
    i, j, size = before
    return after[0] - (i + size) <= MAX_GAP and after[1] - (j + size) <= MAX_GAP


def sentence_units(corpus: Corpus, zones: tuple[str, ...] = CONTENT_ZONES) -> list[Unit]:
    """One unit per sentence of the given zones."""
    outlets = corpus.outlet_of() if not corpus.articles.empty else {}
    units = []
    for article_id, start, end in _rows(content_sentences(corpus, zones)):
        words, starts, ends = alignment_words(corpus.texts[article_id], start, end)
        units.append(Unit(article_id, str(outlets.get(article_id, "")), words, starts, ends))
    return units


def _rows(table: pd.DataFrame):
    return zip(table["article_id"], table["start"].astype(int), table["end"].astype(int))


def shared_passages(corpus: Corpus, k: int = DEFAULT_K, min_run: int = DEFAULT_MIN_RUN,
                    threshold: float = DEFAULT_THRESHOLD, zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """One row per passage two outlets share (see the module docstring for the method).

    Columns: ``article_a``, ``outlet_a``, ``start_a``, ``end_a``, ``text_a`` and the same for b
    (a is the side whose outlet, then article id, sorts first; ``text`` is exactly the raw text
    at the offsets), ``similarity`` (share of the shorter sentence's words in the passage),
    ``shared_words`` (normalised words in the matched runs), ``in_quote`` (every shared
    word is inside quotation marks on both sides). Sorted by outlets, articles and offsets."""
    if k < 2 or min_run < k:
        raise ValueError(f"k={k}, min_run={min_run}: need 2 <= k <= min_run")
    units = sentence_units(corpus, zones)
    pairs = candidate_pairs(units, k, lambda a, b: a.outlet != b.outlet)
    quotes = quoted_spans(corpus)
    found = []
    for i, j in pairs:
        a, b = _oriented(units[i], units[j])
        runs, longest, similarity = compare(a, b, k)
        shared = sum(size for _, _, size in runs)
        if longest >= min_run or (similarity >= threshold and shared >= MIN_SHARED_WORDS):
            found.append(_passage(corpus, a, b, runs, similarity, quotes))
    table = pd.DataFrame(_one_use_per_word(found), columns=PASSAGE_COLUMNS)
    return table.sort_values(["outlet_a", "outlet_b", "article_a", "start_a", "article_b", "start_b"],
                             kind="mergesort").reset_index(drop=True)


def _oriented(u: Unit, v: Unit) -> tuple[Unit, Unit]:
    return (u, v) if (u.outlet, u.article_id) <= (v.outlet, v.article_id) else (v, u)


def _passage(corpus: Corpus, a: Unit, b: Unit, runs, similarity: float, quotes) -> dict:
    first, last = runs[0], runs[-1]
    start_a, end_a = a.starts[first[0]], a.ends[last[0] + last[2] - 1]
    start_b, end_b = b.starts[first[1]], b.ends[last[1] + last[2] - 1]
    quoted = all(inside(quotes.get(a.article_id, []), a.starts[i + n], a.ends[i + n])
                 and inside(quotes.get(b.article_id, []), b.starts[j + n], b.ends[j + n])
                 for i, j, size in runs for n in range(size))
    return {"article_a": a.article_id, "outlet_a": a.outlet, "start_a": start_a, "end_a": end_a,
            "text_a": corpus.texts[a.article_id][start_a:end_a],
            "article_b": b.article_id, "outlet_b": b.outlet, "start_b": start_b, "end_b": end_b,
            "text_b": corpus.texts[b.article_id][start_b:end_b],
            "similarity": round(similarity, 4), "shared_words": sum(size for _, _, size in runs), "in_quote": quoted}


def _one_use_per_word(found: list[dict]) -> list[dict]:
    """Best pairs first; drop a pair whose span overlaps an accepted one in either article."""
    ranked = sorted(found, key=lambda r: (-r["similarity"], -r["shared_words"], r["article_a"], r["start_a"],
                                          r["article_b"], r["start_b"]))
    taken: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    kept = []
    for row in ranked:
        pair = (row["article_a"], row["article_b"])
        side_a, side_b = taken[pair + ("a",)], taken[pair + ("b",)]
        if any(s < row["end_a"] and row["start_a"] < e for s, e in side_a) or \
           any(s < row["end_b"] and row["start_b"] < e for s, e in side_b):
            continue
        side_a.append((row["start_a"], row["end_a"]))
        side_b.append((row["start_b"], row["end_b"]))
        kept.append(row)
    return kept


def shared_matrix(corpus: Corpus, passages: pd.DataFrame, value: str = "passages") -> pd.DataFrame:
    """Outlet × outlet table of shared passages (``value="passages"``) or shared words
    (``value="shared_words"``), symmetric, for every outlet of the corpus.

    Outlets are ordered by their row total, largest first, then by name, so the outlets that
    share most sit together at the top-left. The diagonal is NaN: an outlet is never aligned
    with itself, so the value is not measured rather than zero."""
    if value not in ("passages", "shared_words"):
        raise ValueError(f"value={value!r}: use 'passages' or 'shared_words'")
    outlets = sorted(set(corpus.articles["outlet"].astype(str))) if not corpus.articles.empty else []
    amounts: Counter = Counter()
    for a, b, words in zip(passages["outlet_a"], passages["outlet_b"], passages["shared_words"]):
        amount = 1 if value == "passages" else int(words)
        amounts[(a, b)] += amount
        amounts[(b, a)] += amount
    totals = {o: sum(amounts[(o, other)] for other in outlets) for o in outlets}
    order = sorted(outlets, key=lambda o: (-totals[o], o))
    values = [[float("nan") if a == b else float(amounts[(a, b)]) for b in order] for a in order]
    return pd.DataFrame(values, index=pd.Index(order, name="outlet"), columns=pd.Index(order, name="outlet"))


def quote_members(corpus: Corpus, quotes_table: pd.DataFrame, k: int = DEFAULT_K,
                  min_run: int = QUOTE_MIN_RUN) -> pd.DataFrame:
    """The quotes table with a ``quotation`` column: quotes with the same number are the same
    quotation (numbers as in :func:`quote_choices`).

    Two quotes are the same quotation when their normalised words are identical, when they
    share a run of ``min_run`` identical words, or when one of ``QUOTE_MIN_CONTAINED`` words or
    more is wholly inside the other and their speakers do not differ (a short stock phrase said
    by two people is two quotations); the relation is closed transitively."""
    table = _with_outlets(corpus, quotes_table)
    if table.empty:
        return table.assign(quotation=pd.Series(dtype="int64"))
    units = []
    for article_id, outlet, start, end in zip(table["article_id"], table["outlet"], table["start"].astype(int),
                                              table["end"].astype(int)):
        words, starts, ends = alignment_words(corpus.texts[article_id], start, end)
        units.append(Unit(article_id, outlet, words, starts, ends))
    parent = list(range(len(units)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    speakers = [s if isinstance(s, str) and s else None for s in table["speaker"]]
    for i, j in _quote_links(units, speakers, k, min_run):
        parent[max(root(i), root(j))] = min(root(i), root(j))
    table = table.assign(_group=[root(i) for i in range(len(units))],
                         _length=[len(u.words) for u in units]).reset_index(drop=True)
    numbers = {group: number for number, group in enumerate(_ranked_groups(table), start=1)}
    return table.assign(quotation=table["_group"].map(numbers)).drop(columns=["_group", "_length"])


def _with_outlets(corpus: Corpus, quotes_table: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in ("article_id", "start", "end") if c not in quotes_table.columns]
    if missing:
        raise ValueError(f"quotes_table lacks column(s) {', '.join(missing)}: pass quotes(corpus)['quotes'] "
                         f"from analysis.quotes")
    table = quotes_table.copy()
    if "outlet" not in table.columns:
        outlets = corpus.outlet_of() if not corpus.articles.empty else {}
        table["outlet"] = table["article_id"].map(outlets)
    if "speaker" not in table.columns:
        table["speaker"] = None
    table["outlet"] = table["outlet"].astype(str)
    return table


def _quote_links(units: list[Unit], speakers: list[str | None], k: int, min_run: int) -> list[tuple[int, int]]:
    links = []
    exact: dict[tuple[str, ...], int] = {}
    for i, unit in enumerate(units):
        key = tuple(unit.words)
        if key in exact:
            links.append((exact[key], i))  # identical words, fragments included
        else:
            exact[key] = i
    for i, j in candidate_pairs(units, k, lambda a, b: True):
        _, longest, _ = compare(units[i], units[j], k)
        shorter = min(len(units[i].words), len(units[j].words))
        same_speaker = speakers[i] is None or speakers[j] is None or speakers[i] == speakers[j]
        if longest >= min_run or (shorter >= QUOTE_MIN_CONTAINED and longest >= shorter and same_speaker):
            links.append((i, j))
    return links


def _ranked_groups(table: pd.DataFrame) -> list[int]:
    """Groups ordered by outlets, then quotes, then where their first member appears."""
    summary = table.groupby("_group").agg(n_outlets=("outlet", "nunique"), n_quotes=("outlet", "size"))
    first = table.sort_values(["outlet", "article_id", "start"], kind="mergesort").groupby("_group").head(1)
    summary = summary.join(first.set_index("_group")[["outlet", "article_id", "start"]])
    summary = summary.sort_values(["n_outlets", "n_quotes", "outlet", "article_id", "start"],
                                  ascending=[False, False, True, True, True], kind="mergesort")
    return list(summary.index)


def quote_choices(corpus: Corpus, quotes_table: pd.DataFrame, k: int = DEFAULT_K,
                  min_run: int = QUOTE_MIN_RUN) -> pd.DataFrame:
    """One row per distinct quotation (see :func:`quote_members` for what counts as the same).

    Columns: ``quotation`` (number), ``speaker`` (the speaker most members give, ties
    alphabetical), ``text`` (the shortest member: the words the outlets share, as one printed
    them), ``outlets`` ("; "-joined, sorted), ``n_outlets``, ``n_quotes`` (members, a quotation
    repeated in one article counting each time), ``chosen_by`` (``every outlet``, ``several
    outlets``, ``one outlet``, out of the corpus's outlets), ``members`` ("article_id:start-end"
    of each member, "; "-joined). Sorted by n_outlets, then n_quotes, descending."""
    members = quote_members(corpus, quotes_table, k, min_run)
    if members.empty:
        return pd.DataFrame(columns=CHOICE_COLUMNS)
    total = corpus.articles["outlet"].nunique()
    rows = []
    for number, group in members.sort_values(["quotation", "outlet", "article_id", "start"],
                                             kind="mergesort").groupby("quotation", sort=True):
        speakers = Counter(s for s in group["speaker"] if isinstance(s, str) and s)
        speaker = min(speakers, key=lambda s: (-speakers[s], s)) if speakers else None
        shortest = min(zip(group["text"].str.len() if "text" in group else group["end"] - group["start"],
                           group["outlet"], group["article_id"], group["start"], group["end"]))
        _, _, article_id, start, end = shortest
        outlets = sorted(set(group["outlet"]))
        n = len(outlets)
        rows.append({"quotation": int(number), "speaker": speaker, "text": corpus.texts[article_id][int(start):int(end)],
                     "outlets": "; ".join(outlets), "n_outlets": n, "n_quotes": len(group),
                     "chosen_by": "every outlet" if n == total and total > 1 else "one outlet" if n == 1 else "several outlets",
                     "members": "; ".join(f"{a}:{s}-{e}" for a, s, e in zip(group["article_id"], group["start"], group["end"]))})
    return pd.DataFrame(rows, columns=CHOICE_COLUMNS)
