"""Shared copy across outlets: aligned passages, the outlet matrix and shared quotations."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from analysis.corpus import Corpus
from analysis.quotes import quotes
from analysis.shared_copy import (CHOICE_COLUMNS, PASSAGE_COLUMNS, Unit, alignment_words, candidate_pairs,
                                  quote_choices, quote_members, shared_matrix, shared_passages)


def assert_spans_exact(corpus, table: pd.DataFrame) -> None:
    for row in table.itertuples():
        assert corpus.texts[row.article_a][row.start_a:row.end_a] == row.text_a
        assert corpus.texts[row.article_b][row.start_b:row.end_b] == row.text_b


def test_near_identical_sentences_align_with_exact_spans(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "Officials said the convoy of forty trucks crossed the border near Kharkiv on Friday morning.\n"),
        ("Paper B", "Weather was mild. The convoy of forty trucks crossed the border near Kharkiv on Friday, officials said.\n"),
    ])
    table = shared_passages(corpus)
    assert list(table.columns) == PASSAGE_COLUMNS
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["outlet_a"], row["outlet_b"]) == ("Paper B", "Wire A")  # a sorts first
    assert row["text_a"] == "The convoy of forty trucks crossed the border near Kharkiv on Friday"
    assert row["text_b"] == "the convoy of forty trucks crossed the border near Kharkiv on Friday"
    assert row["shared_words"] == 12 and not row["in_quote"]
    assert_spans_exact(corpus, table)


def test_unrelated_sentences_and_stock_phrases_do_not_align(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "The Kremlin said on Monday. Troops moved towards the river at dawn.\n"),
        ("Paper B", "The Kremlin said on Tuesday. Farmers in the south expect a late harvest this year.\n"),
    ])
    assert shared_passages(corpus).empty


def test_a_shared_clause_inside_different_sentences_is_the_passage(outlets_corpus):
    clause = "the sovereignty of his country is not negotiable and that Russia must surrender the territory"
    corpus = outlets_corpus([
        ("Wire A", f"Zelenskiy has said that {clause} it has seized.\n"),
        ("Paper B", f"Volodymyr Zelenskyy, Ukraine’s president, has also consistently said {clause} it holds.\n"),
    ])
    table = shared_passages(corpus)
    assert len(table) == 1
    assert table["text_a"].item().startswith("the sovereignty") and table["text_b"].item().startswith("the sovereignty")
    assert table["text_a"].item().endswith("the territory it")  # "has seized" / "holds" differ
    assert table["similarity"].item() < 1
    assert_spans_exact(corpus, table)


def test_a_short_sentence_with_words_inserted_still_aligns(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "“Putin has said no to a full ceasefire. Ukraine said yes,” he said.\n"),
        ("Paper B", "“Putin has once again said no to a full ceasefire,” the president said.\n"),
    ])
    table = shared_passages(corpus)
    assert len(table) == 1
    assert {table["text_a"].item(), table["text_b"].item()} == {
        "Putin has said no to a full ceasefire", "Putin has once again said no to a full ceasefire"}
    assert table["in_quote"].item()


def test_contractions_match_their_spelt_out_form(outlets_corpus):
    corpus = outlets_corpus([("Wire A", "Trump told reporters: “I’ll be speaking to President Putin on Tuesday.”\n"),
                             ("Paper B", "“I will be speaking to president Putin on Tuesday,” he said.\n")])
    assert alignment_words("I’ll go", 0, 7)[0] == ["i", "will", "go"]
    table = shared_passages(corpus)
    assert len(table) == 1 and table["in_quote"].item() and table["shared_words"].item() == 9
    assert table["text_a"].item() == "I will be speaking to president Putin on Tuesday"
    assert table["text_b"].item() == "I’ll be speaking to President Putin on Tuesday"


def test_in_quote_needs_quotation_marks_on_both_sides(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "“Many elements of a final agreement have been agreed to, but much remains,” Trump wrote.\n"),
        ("Paper B", "Trump wrote that many elements of a final agreement have been agreed to, but much remains.\n"),
    ])
    table = shared_passages(corpus)
    assert len(table) == 1 and not table["in_quote"].item()


def test_articles_of_the_same_outlet_are_not_aligned(outlets_corpus):
    sentence = "The convoy of forty trucks crossed the border near Kharkiv on Friday.\n"
    corpus = outlets_corpus([("Wire A", sentence), ("Wire A", sentence)])
    assert shared_passages(corpus).empty


def test_each_word_is_used_by_one_passage(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "“We will be talking about land. We will be talking about power plants,” he said.\n"),
        ("Paper B", "Trump said: “We will be talking about land. We will be talking about power plants.”\n"),
    ])
    table = shared_passages(corpus)
    assert sorted(table["text_a"]) == ["We will be talking about land", "We will be talking about power plants"]
    assert (table["text_a"] == table["text_b"]).all()


def test_candidates_come_from_the_index_not_all_pairs():
    vocabulary = [f"w{i}" for i in range(4000)]
    units = [Unit(f"a{i}", f"outlet {i % 5}", vocabulary[i * 10:i * 10 + 10], list(range(10)), list(range(1, 11)))
             for i in range(300)]
    units.append(Unit("copy", "outlet x", vocabulary[50:60], list(range(10)), list(range(1, 11))))
    pairs = candidate_pairs(units, 4, lambda a, b: a.outlet != b.outlet)
    assert pairs == [(5, 300)]  # 45,150 possible pairs; only the copy is compared


def test_matrix_is_symmetric_with_nan_diagonal_and_every_outlet(outlets_corpus):
    shared = "The convoy of forty trucks crossed the border near Kharkiv on Friday."
    other = "Negotiators will meet again in Geneva next week to discuss the prisoner exchange."
    corpus = outlets_corpus([("Wire A", f"{shared} {other}\n"), ("Paper B", f"{shared}\n"),
                             ("Radio C", f"{other}\n"), ("Blog D", "Nothing in common here at all.\n")])
    passages = shared_passages(corpus)
    matrix = shared_matrix(corpus, passages)
    assert list(matrix.index) == list(matrix.columns) == ["Wire A", "Paper B", "Radio C", "Blog D"]
    values = matrix.to_numpy()
    assert all(math.isnan(values[i, i]) for i in range(4))
    assert matrix.fillna(-1).equals(matrix.T.fillna(-1))
    assert matrix.loc["Wire A", "Paper B"] == 1 and matrix.loc["Wire A", "Radio C"] == 1
    assert matrix.loc["Paper B", "Radio C"] == 0 and matrix.loc["Blog D"].sum() == 0
    words = shared_matrix(corpus, passages, value="shared_words")
    radio = passages[(passages["outlet_a"] == "Radio C") & (passages["outlet_b"] == "Wire A")]
    assert len(radio) == 1 and words.loc["Wire A", "Radio C"] == words.loc["Radio C", "Wire A"] == radio["shared_words"].item()


def quote_row(corpus, article_id: str, words: str, speaker: str) -> dict:
    start = corpus.texts[article_id].index(words)
    return {"article_id": article_id, "start": start, "end": start + len(words), "text": words, "speaker": speaker}


def test_a_quote_two_outlets_chose_is_one_quotation(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "“Each week brings deaths. I look very much forward to the call with President Putin,” Trump wrote.\n"),
        ("Paper B", "“I look very much forward to the call with President Putin,” he wrote. “It was a positive day,” he added.\n"),
        ("Radio C", "“It was a positive day for everyone involved,” Rubio said.\n"),
    ])
    table = pd.DataFrame([
        quote_row(corpus, "article00", "Each week brings deaths. I look very much forward to the call with President Putin,", "Donald Trump"),
        quote_row(corpus, "article01", "I look very much forward to the call with President Putin,", "Donald Trump"),
        quote_row(corpus, "article01", "It was a positive day,", "Donald Trump"),
        quote_row(corpus, "article02", "It was a positive day for everyone involved,", "Marco Rubio"),
    ])
    choices = quote_choices(corpus, table)
    assert list(choices.columns) == CHOICE_COLUMNS
    first = choices.iloc[0]
    assert first["n_outlets"] == 2 and first["outlets"] == "Paper B; Wire A" and first["speaker"] == "Donald Trump"
    assert first["text"] == "I look very much forward to the call with President Putin,"
    assert first["chosen_by"] == "several outlets"
    # "It was a positive day" is inside Rubio's longer quotation, but said by someone else.
    assert choices["n_outlets"].tolist() == [2, 1, 1]
    members = quote_members(corpus, table)
    assert members.groupby("quotation").size().to_dict() == {1: 2, 2: 1, 3: 1}
    # Wholly inside a longer quotation by the same speaker: the same words, chosen twice.
    table.loc[3, "speaker"] = "Donald Trump"
    assert quote_choices(corpus, table)["n_outlets"].tolist() == [2, 2]
    for spec in first["members"].split("; "):
        article_id, span = spec.split(":")
        start, end = map(int, span.split("-"))
        assert "I look very much forward" in corpus.texts[article_id][start:end]


def test_quotes_found_by_the_annotator_group_across_outlets(outlets_corpus):
    corpus = outlets_corpus([
        ("Wire A", "“We will be talking about land and power plants,” Trump said.\n\n"
                   "“Nobody wants this war to go on,” Rubio said.\n"),
        ("Paper B", "Trump said: “We will be talking about land and power plants.”\n"),
    ])
    choices = quote_choices(corpus, quotes(corpus)["quotes"])
    assert choices["n_outlets"].tolist() == [2, 1]
    assert choices["chosen_by"].tolist() == ["every outlet", "one outlet"]


def test_empty_corpus_and_single_outlet_give_empty_tables(outlets_corpus):
    empty = Corpus(folder=Path("."), texts={}, articles=pd.DataFrame(columns=["id", "outlet"]),
                   segments=pd.DataFrame(), paragraphs=pd.DataFrame(), sentences=pd.DataFrame(), rules=pd.DataFrame())
    passages = shared_passages(empty)
    assert passages.empty and list(passages.columns) == PASSAGE_COLUMNS
    assert shared_matrix(empty, passages).empty
    assert list(quote_choices(empty, pd.DataFrame(columns=["article_id", "start", "end", "text", "speaker"])).columns) \
        == CHOICE_COLUMNS
    single = outlets_corpus([("Wire A", "“We will be talking about land,” he said.\n")])
    passages = shared_passages(single)
    assert passages.empty and list(passages.columns) == PASSAGE_COLUMNS
    matrix = shared_matrix(single, passages)
    assert matrix.shape == (1, 1) and math.isnan(matrix.iloc[0, 0])
    assert quote_choices(single, quotes(single)["quotes"])["chosen_by"].tolist() == ["one outlet"]


def test_a_quotes_table_without_offsets_is_refused(outlets_corpus):
    corpus = outlets_corpus([("Wire A", "Text.\n")])
    with pytest.raises(ValueError, match="lacks column"):
        quote_choices(corpus, pd.DataFrame({"text": ["x"]}))


def test_seed_shared_copy(seed_corpus):
    """Checked by reading the seeds: Reuters and the Guardian share Zelenskiy's position on
    sovereignty and Trump's "I look very much forward ..."; the Irish Times and the Guardian
    share Trump's Air Force One remarks."""
    table = shared_passages(seed_corpus)
    assert_spans_exact(seed_corpus, table)

    def shared(outlets: set[str], words: str) -> pd.DataFrame:
        mask = [{a, b} == outlets and words in ta and words in tb
                for a, b, ta, tb in zip(table["outlet_a"], table["outlet_b"], table["text_a"], table["text_b"])]
        return table[mask]

    sovereignty = shared({"Reuters", "The Guardian"}, "the sovereignty of his country is not negotiable")
    assert len(sovereignty) == 1 and not sovereignty["in_quote"].item()
    assert sovereignty["text_a"].item().endswith("the territory it has seized")
    call = shared({"Reuters", "The Guardian"}, "I look very much forward to the call with President Putin")
    assert len(call) == 1 and call["in_quote"].item()
    for words in ("A lot of work’s been done over the weekend", "We will be talking about land",
                  "We will be talking about power plants"):
        found = shared({"The Irish Times", "The Guardian"}, words)
        assert len(found) == 1 and found["in_quote"].item(), words
    matrix = shared_matrix(seed_corpus, table)
    assert matrix.loc["The Guardian", "The Irish Times"] >= 3 and matrix.loc["Reuters", "The Irish Times"] == 0

    choices = quote_choices(seed_corpus, quotes(seed_corpus)["quotes"])
    land = choices[choices["text"].str.contains("We will be talking about land")]
    assert land["outlets"].tolist() == ["The Guardian; The Irish Times"]
    call = choices[choices["text"].str.contains("I look very much forward")]
    assert call["outlets"].tolist() == ["Reuters; The Guardian"] and call["speaker"].tolist() == ["Donald Trump"]
