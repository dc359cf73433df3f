"""What the scale benchmark (benchmarks/scale.py) relies on: an in-memory corpus that is cut
exactly like a loaded one, and annotators that share their work within a corpus without
changing what they return."""
from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus, paths
from analysis.actors import _alias_pattern, article_mentions, default_codebook, mentions, prefix_tree
from analysis.corpus import CorpusError, corpus_from_texts
from analysis.quotes import quotes

RAW = paths.ROOT / "raw"


def _same_articles_in_memory(corpus):
    return corpus_from_texts([
        {"id": a, "outlet": o, "date": d, "headline": h, "text": corpus.texts[a]}
        for a, o, d, h in zip(corpus.articles["id"], corpus.articles["outlet"], corpus.articles["date"],
                              corpus.articles["headline"])])


def test_corpus_from_texts_cuts_like_load_corpus():
    loaded = load_corpus(RAW)
    built = _same_articles_in_memory(loaded)
    for name in ("segments", "paragraphs", "sentences"):
        pd.testing.assert_frame_equal(getattr(built, name), getattr(loaded, name))
    assert built.texts == loaded.texts
    assert built.verify().startswith("offsets check out")


def test_corpus_from_texts_refuses_missing_fields_and_repeated_ids():
    article = {"id": "a", "outlet": "X", "date": "2025-03-17", "text": "Putin spoke to Trump on Tuesday.\n"}
    with pytest.raises(CorpusError, match="field 'text'"):
        corpus_from_texts([{**article, "text": ""}])
    with pytest.raises(CorpusError, match="not a valid date"):
        corpus_from_texts([{**article, "date": "17/03/2025"}])
    with pytest.raises(CorpusError, match="used twice"):
        corpus_from_texts([article, article])


def test_shared_results_are_copies_the_caller_may_change():
    corpus = load_corpus(RAW)
    codebook = default_codebook()
    first = article_mentions(corpus, codebook)
    some_article = next(iter(first))
    first[some_article][0].actor = "changed"
    first[some_article].clear()
    again = article_mentions(corpus, codebook)
    assert again[some_article] and again[some_article][0].actor != "changed"
    table = quotes(corpus, codebook)["quotes"]
    table.loc[:, "speaker"] = "changed"
    assert "changed" not in set(quotes(corpus, codebook)["quotes"]["speaker"])
    assert len(mentions(corpus, codebook)) == sum(len(v) for v in again.values())


@pytest.mark.parametrize("flags", [0, 2])  # 2 is re.I
def test_prefix_tree_matches_like_the_plain_alternation(flags):
    import re
    strings = ("US", "US President", "US president", "the US", "the US president", "Trump", "Trumpet", "UN", "U.S.")
    plain = re.compile(r"(?<![\w’'.-])(?:" + "|".join(re.escape(s) for s in sorted(strings, key=lambda s: (-len(s), s)))
                       + r")(?![\w-]|[’']\w\w)", flags)
    tree = _alias_pattern(tuple(sorted(strings, key=lambda s: (-len(s), s))), flags)
    text = ("the US president met US President Trump; the US-backed plan, US’s aims, the UN and U.S. officials, "
            "a Trumpet, the US presidents. THE US PRESIDENT, TRUMP.")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert prefix_tree(["ab", "abc"]) == "ab(?:c)?"


def test_an_empty_list_of_articles_is_refused_clearly():
    from analysis.corpus import CorpusError, corpus_from_texts
    with pytest.raises(CorpusError, match="holds no articles"):
        corpus_from_texts([])


# Words, the characters words may hold, and long runs of what is not a word, so that the last
# word falls inside, across and before the last characters read first.
tails = st.lists(st.sampled_from(["ab", "a-b", "x’s", "É1", " ", " " * 30, "-" * 20, "--", "-", "’", ",", ". ", "\n", "—"]),
                 max_size=30).map("".join)


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(tail=tails)
def test_the_last_word_read_near_the_end_is_the_one_a_whole_search_finds(tail):
    """The last word of a tail is looked for in its last characters first; it must be what
    searching the whole tail gives, whatever the tail ends in."""
    from analysis.actors import FINAL_WORD, LAST_WORD, _search_near_end
    for pattern, word_needed in ((LAST_WORD, True), (FINAL_WORD, False)):
        near, whole = _search_near_end(pattern, tail, word_needed), pattern.search(tail)
        assert (near and near.span()) == (whole and whole.span()), (pattern.pattern, tail)


def test_rows_of_splits_a_table_by_article_in_table_order():
    corpus = load_corpus(RAW)
    split = corpus.rows_of("sentences", "start", "end")
    assert list(split) == list(dict.fromkeys(corpus.sentences["article_id"]))
    for article_id, rows in split.items():
        own = corpus.sentences[corpus.sentences["article_id"] == article_id]
        assert rows == list(zip(own["start"], own["end"]))
    assert corpus.rows_of("sentences", "start", "end") is split  # split once per corpus
