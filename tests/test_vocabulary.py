"""Distinctive vocabulary (log-odds with an informative Dirichlet prior) on texts written for the test."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.corpus import Corpus
from analysis.vocabulary import (TERM_COLUMNS, distinctive_terms, iter_terms, term_occurrences, top_terms,
                                 word_tokens)


def z_of(table: pd.DataFrame, group: str, term: str) -> float:
    row = table[(table["group"] == group) & (table["term"] == term)]
    assert len(row) == 1, f"{term!r} not counted for {group}"
    return float(row["z"].iloc[0])


COMMON = "The ceasefire talks continued on Monday. Officials discussed the ceasefire again.\n\n"


def test_a_term_only_one_outlet_uses_ranks_above_a_common_one(outlets_corpus):
    corpus = outlets_corpus({
        "Wire A": COMMON + "The truce held. Another truce was proposed. The truce plan was welcomed.\n",
        "Wire B": COMMON + "Diplomats met in Riyadh for several hours.\n",
        "Wire C": COMMON + "The envoy flew home after the meeting.\n",
    })
    table = distinctive_terms(corpus)
    assert z_of(table, "Wire A", "truce") > z_of(table, "Wire A", "ceasefire")
    assert table[(table["group"] == "Wire A") & (table["term"] == "truce")]["n_other"].item() == 0
    assert "truce" in set(top_terms(table, n=5, min_z=0)["term"])


def test_the_prior_shrinks_a_one_off_term_below_a_frequent_distinctive_one(outlets_corpus):
    corpus = outlets_corpus({
        "Wire A": COMMON + "Kiev said Kiev would answer. Kiev is ready. Kiev waits. Kiev agreed. Zaporizhzhia was quiet.\n",
        "Wire B": COMMON + "Diplomats met in Riyadh for several hours.\n",
    })
    table = distinctive_terms(corpus)
    a = table[table["group"] == "Wire A"].set_index("term")
    assert a.loc["kiev", "n"] == 5 and a.loc["zaporizhzhia", "n"] == 1
    assert a.loc["kiev", "n_other"] == 0 and a.loc["zaporizhzhia", "n_other"] == 0
    # Raw presence says both are unique to Wire A; the evidence behind them differs.
    assert a.loc["kiev", "z"] > a.loc["zaporizhzhia", "z"]
    # A stronger prior pulls the one-off further towards the corpus rate.
    weak, strong = distinctive_terms(corpus, a0=10), distinctive_terms(corpus, a0=10_000)
    assert abs(z_of(strong, "Wire A", "zaporizhzhia")) < abs(z_of(weak, "Wire A", "zaporizhzhia"))


def test_the_table_is_sorted_by_group_then_z_and_ties_by_term(outlets_corpus):
    corpus = outlets_corpus({"Wire B": COMMON + "Alpha beta gamma.\n", "Wire A": COMMON + "Delta epsilon zeta.\n"})
    table = distinctive_terms(corpus)
    assert list(table.columns) == TERM_COLUMNS
    expected = table.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    assert table.equals(expected.reset_index(drop=True))
    assert table["group"].iloc[0] == "Wire A"
    assert all(math.isfinite(z) for z in table["z"])


def test_quoted_words_are_left_out_when_asked(outlets_corpus):
    corpus = outlets_corpus({
        "Wire A": "Putin said: “The sanctions must go.” Officials called it “a trap” yesterday.\n",
        "Wire B": COMMON + "“We are ready,” the envoy said.\n",
    })
    keep = set(distinctive_terms(corpus)["term"])
    drop = set(distinctive_terms(corpus, quoted="drop")["term"])
    only = set(distinctive_terms(corpus, quoted="only")["term"])
    assert {"sanctions", "trap", "putin", "officials"} <= keep
    assert "sanctions" not in drop and "trap" not in drop and {"putin", "officials", "yesterday"} <= drop
    assert "it yesterday" not in drop  # a removed quotation ends the phrase
    assert {"sanctions", "trap"} <= only and "officials" not in only
    with pytest.raises(ValueError, match="quoted="):
        distinctive_terms(corpus, quoted="exclude")


def test_tokens_normalise_apostrophes_and_keep_inner_hyphens_and_acronyms():
    text = "Ukraine’s 30-day truce, the US said; U.S.-proposed talks. ZELENSKIY SAYS NO"
    words = [t.word for t in word_tokens(text, acronyms=True)]
    assert words[:3] == ["ukraine's", "30-day", "truce"]
    assert "US" in words and "us" not in words and "u.s.-proposed" in words  # mixed case: lower-cased
    shouted = [t.word for t in word_tokens("ZELENSKIY SAYS SOVEREIGNTY NOT NEGOTIABLE", acronyms=True)]
    assert shouted == ["zelenskiy", "says", "sovereignty", "not", "negotiable"]
    for token in word_tokens(text):
        assert text[token.start:token.end].replace("’", "'").lower() == token.word


def test_bigrams_stay_inside_sentences_and_skip_stopword_pairs(outlets_corpus):
    corpus = outlets_corpus({"Wire A": "Troops advanced. Talks stalled, of the ones planned.\n", "Wire B": COMMON})
    terms = {term for article, _, term, *_ in iter_terms(corpus) if article == "article00"}
    assert "troops advanced" in terms and "talks stalled" in terms
    assert "advanced talks" not in terms   # sentence boundary
    assert "stalled of" not in terms       # punctuation
    assert "of the" not in terms and "the ones" in terms


def test_only_the_outlets_own_words_count(tmp_path, make_corpus):
    text = ("Trump to hold call with Putin\n\nBy Jane Roe\n\nWASHINGTON (Reuters) - Officials confirmed the call.\n\n"
            "(Reporting by Richard Moe; Editing by Ann Poe)\n")
    rows = [{"id": "a", "file": "a.txt", "outlet": "Reuters", "outlet_evidence": "x", "date": "2025-03-17",
             "date_evidence": "x", "headline": "Trump to hold call with Putin", "byline": "Jane Roe"},
            {"id": "b", "file": "b.txt", "outlet": "Other", "outlet_evidence": "x", "date": "2025-03-17",
             "date_evidence": "x"}]
    corpus = load_corpus(make_corpus(tmp_path, {"a.txt": text, "b.txt": COMMON}, rows))
    terms = set(distinctive_terms(corpus)["term"])
    assert {"hold", "officials", "confirmed"} <= terms
    assert not {"jane", "roe", "washington", "reporting", "editing", "poe"} & terms


def test_term_occurrences_point_at_the_raw_text(outlets_corpus):
    corpus = outlets_corpus({"Wire A": "Mr Putin spoke. Later, Mr Putin left.\n", "Wire B": COMMON})
    found = term_occurrences(corpus, "Mr Putin")
    assert len(found) == 2
    for row in found.itertuples():
        assert corpus.texts[row.article_id][row.start:row.end] == row.text == "Mr Putin"
        assert corpus.texts[row.article_id][row.sentence_start:row.sentence_end] == row.sentence_text
        assert row.outlet == "Wire A"
    assert term_occurrences(corpus, "Mr Putin", group="Wire B").empty


def test_empty_corpus_and_single_outlet_give_empty_tables(outlets_corpus):
    empty = Corpus(folder=Path("."), texts={}, articles=pd.DataFrame(columns=["id", "outlet"]),
                   segments=pd.DataFrame(), paragraphs=pd.DataFrame(), sentences=pd.DataFrame(), rules=pd.DataFrame())
    assert list(distinctive_terms(empty).columns) == TERM_COLUMNS and distinctive_terms(empty).empty
    single = outlets_corpus({"Wire A": COMMON})
    assert distinctive_terms(single).empty and list(distinctive_terms(single).columns) == TERM_COLUMNS
    assert top_terms(distinctive_terms(single)).empty


def test_an_unknown_group_column_is_named_in_the_error(outlets_corpus):
    corpus = outlets_corpus({"Wire A": COMMON, "Wire B": COMMON})
    with pytest.raises(ValueError, match="'desk' is not a column of corpus.articles"):
        distinctive_terms(corpus, group="desk")


def test_many_outlets_and_a_one_sentence_article(outlets_corpus):
    texts = {f"Outlet {i:02d}": COMMON + f"Reporter {i} filed from city {i}.\n" for i in range(21)}
    texts["Tiny"] = "Kyiv agreed.\n"
    table = distinctive_terms(outlets_corpus(texts))
    assert table["group"].nunique() == 22
    assert set(table[table["group"] == "Tiny"]["term"]) == {"kyiv", "agreed", "kyiv agreed"}
    assert table["z"].notna().all()


def test_seed_house_style_mr_is_the_irish_times_most_distinctive_term(seed_corpus):
    table = distinctive_terms(seed_corpus)
    irish = table[table["group"] == "The Irish Times"]
    assert irish["term"].iloc[0] == "mr"  # "Mr Putin", "Mr Trump": the paper's honorifics
    reuters = top_terms(table, n=10)
    assert "U.S." in set(reuters[reuters["group"] == "Reuters"]["term"])  # Reuters' spelling of the country
