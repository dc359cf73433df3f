"""Policy frames by lexicon: cue spans, primary frames, quoted cues, outlet shares, the lexicon's checks."""
from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import analysis
from analysis import frames
from analysis.manifest import CorpusError

SECURITY, ECONOMIC = "Security and defense", "Economic"
EXTERNAL, CRIME = "External regulation and reputation", "Crime and punishment"


def empty(corpus):
    """The same corpus with every table emptied: what a corpus without content paragraphs gives."""
    return dataclasses.replace(corpus, texts={}, articles=corpus.articles.iloc[0:0],
                               segments=corpus.segments.iloc[0:0], paragraphs=corpus.paragraphs.iloc[0:0],
                               sentences=corpus.sentences.iloc[0:0])


def test_cue_hits_carry_exact_spans(one_article):
    text = "Talks resume in Geneva\n\nThe sanctions hit exports, and TROOPS massed at the border.\n"
    corpus = one_article(text)
    cues = frames.frame_cues(corpus)
    found = list(zip(cues["frame"], cues["text"], cues["start"]))
    assert found == [
        (EXTERNAL, "Talks", text.index("Talks")),
        (EXTERNAL, "sanctions", text.index("sanctions")),
        (ECONOMIC, "exports", text.index("exports")),
        (SECURITY, "TROOPS", text.index("TROOPS")),
        (SECURITY, "border", text.index("border")),
    ]
    for start, end, hit in zip(cues["start"], cues["end"], cues["text"]):
        assert corpus.texts["story"][start:end] == hit
    assert list(cues["cue"]) == ["talks", "sanction*", "export*", "troops", "border*"]
    assert set(cues["paragraph"]) == {1, 2}


def test_cues_match_whole_words_only(one_article):
    cues = frames.frame_cues(one_article("He took a taxi past the armistice line to a pollen survey.\n"))
    assert list(cues["text"]) == ["armistice", "survey"]  # not "tax" in taxi, not "poll" in pollen


def test_ignore_rows_block_shorter_cues(one_article):
    cues = frames.frame_cues(one_article("Two think tanks in the capital said that the old tanks at the depot were "
                                         "useless.\n"))
    assert list(zip(cues["text"], cues["frame"])) == [("tanks", SECURITY)]


def test_longest_cue_wins(one_article):
    cues = frames.frame_cues(one_article("Investigators documented war crimes and a pledge of military aid.\n"))
    assert list(zip(cues["text"], cues["frame"])) == [("Investigators", CRIME), ("war crimes", CRIME),
                                                      ("military aid", SECURITY)]


def test_two_security_cues_beat_one_economic_cue(one_article):
    corpus = one_article("Troops advanced overnight and drones hit two depots near the city, pushing up bread prices.\n")
    table = frames.paragraph_frames(corpus)
    row = table.iloc[0]
    assert (row[SECURITY], row[ECONOMIC], row["n_cues"]) == (2, 1, 3)
    assert row["primary_frame"] == SECURITY


def test_a_tie_goes_to_the_frame_hit_first(one_article):
    table = frames.paragraph_frames(one_article(
        "Prices rose sharply in the eastern city on Monday as troops arrived from the south.\n\n"
        "Nothing else of note happened in the town over the course of the long day.\n"))
    assert list(table["primary_frame"]) == [ECONOMIC, frames.NO_FRAME]
    assert list(table["n_cues"]) == [2, 0]


def test_quoted_cues_excluded_on_request(one_article):
    corpus = one_article("The minister said: “Our troops will defend the border.” Sanctions followed.\n")
    every = frames.frame_cues(corpus)
    assert list(zip(every["text"], every["in_quote"])) == [
        ("troops", True), ("defend", True), ("border", True), ("Sanctions", False)]
    outlet_only = frames.frame_cues(corpus, exclude_quoted=True)
    assert list(outlet_only["text"]) == ["Sanctions"]
    primary = frames.paragraph_frames(corpus, exclude_quoted=True)["primary_frame"]
    assert list(primary) == [EXTERNAL]


def test_frame_shares_per_outlet(tmp_path, make_corpus):
    files = {"a.txt": "Report from the capital\n\n"
                      "Troops and tanks moved north through the empty villages towards the river on Monday.\n\n"
                      "The weather was mild for the time of year, and the roads were mostly quiet.\n",
             "b.txt": "News from the capital\n\n"
                      "Tariffs and inflation worried investors in the capital, where the mood was gloomy all week.\n"}
    rows = [{"id": "a", "file": "a.txt", "outlet": "Wire A", "outlet_evidence": "test", "date": "2025-03-17",
             "date_evidence": "test"},
            {"id": "b", "file": "b.txt", "outlet": "Paper B", "outlet_evidence": "test", "date": "2025-03-17",
             "date_evidence": "test"}]
    corpus = analysis.load_corpus(make_corpus(tmp_path, files, rows))
    assert list(corpus.paragraphs["zone"]) == ["headline", "body", "body", "headline", "body"]
    shares = frames.frame_shares(corpus)
    assert list(shares.index) == ["Paper B", "Wire A"]
    assert list(shares["paragraphs"]) == [2, 3]
    assert shares.loc["Wire A", "Security"] == pytest.approx(1 / 3)
    assert shares.loc["Wire A", "none"] == pytest.approx(2 / 3)
    assert shares.loc["Paper B", "Economic"] == pytest.approx(1 / 2)
    assert shares.loc["Paper B", "Security"] == 0
    words = frames.frame_shares(corpus, by="words", primary_only=True, drop_empty=True)
    assert list(words.columns) == ["words", "Economic", "Security", "none"]
    assert words.loc["Wire A", "Security"] == pytest.approx(14 / (4 + 14 + 15))  # headline, body, body words
    assert words.loc["Paper B", ["Economic", "none"]].sum() == pytest.approx(1)


def test_frame_shares_rejects_an_unknown_base(one_article):
    with pytest.raises(ValueError, match="by='words'"):
        frames.frame_shares(one_article("Troops moved.\n"), by="sentences")


def test_empty_corpus_gives_empty_tables(one_article):
    corpus = empty(one_article("Troops moved.\n"))
    assert list(frames.frame_cues(corpus).columns) == frames.CUE_COLUMNS
    table = frames.paragraph_frames(corpus)
    assert table.empty and list(table.columns) == frames.PARAGRAPH_COLUMNS
    shares = frames.frame_shares(corpus)
    assert shares.empty and list(shares.columns) == ["paragraphs"] + list(frames.SHORT_LABELS.values()) + ["none"]


def test_lexicon_errors_name_the_line(tmp_path):
    bad_frame = tmp_path / "bad_frame.csv"
    bad_frame.write_text("frame,cue,note\nSecurity and defense,troops,\nWarfare,tanks,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 3, field 'frame'.*'Warfare' is not a frame"):
        frames.load_lexicon(bad_frame)
    twice = tmp_path / "twice.csv"
    twice.write_text("frame,cue,note\nSecurity and defense,troops,\nPolitical,Troops,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 3.*already listed on line 2"):
        frames.load_lexicon(twice)


def test_a_lexicon_table_can_be_passed_in(one_article):
    lexicon = pd.DataFrame({"frame": ["Morality", frames.IGNORE], "cue": ["evil*", "evil eye"], "note": ["", ""]})
    cues = frames.frame_cues(one_article("Critics on both sides of the debate spoke of an evil eye, and of evildoers "
                                         "in high places.\n"), lexicon=lexicon)
    assert list(zip(cues["text"], cues["frame"])) == [("evildoers", "Morality")]


def test_shipped_lexicon_uses_codebook_frames_only():
    lexicon = frames.load_lexicon()
    used = set(lexicon["frame"]) - {frames.IGNORE}
    assert used <= set(frames.FRAMES.values())
    counts = lexicon["frame"].value_counts()
    for major in (SECURITY, "Political", "Legality, constitutionality and jurisprudence", ECONOMIC,
                  "Morality", "Policy prescription and evaluation", EXTERNAL):
        assert counts[major] >= 36, major


def test_seed_frames(seed_corpus):
    cues = frames.frame_cues(seed_corpus)
    for article_id, start, end, text in zip(cues["article_id"], cues["start"], cues["end"], cues["text"]):
        assert seed_corpus.texts[article_id][start:end] == text
    reuters = cues[cues["outlet"] == "Reuters"]
    assert (reuters.loc[reuters["text"] == "sanctions", "frame"] == EXTERNAL).all()
    assert not reuters[reuters["text"] == "sanctions"].empty
    quoted = cues[cues["in_quote"]]
    assert not quoted.empty
    assert len(frames.frame_cues(seed_corpus, exclude_quoted=True)) == len(cues) - len(quoted)
    shares = frames.frame_shares(seed_corpus)
    assert list(shares.index) == ["Reuters", "The Guardian", "The Irish Times"]
    assert (shares["Security"] > 0).all() and (shares["Policy"] > 0).all()
    table = frames.paragraph_frames(seed_corpus)
    content = seed_corpus.paragraphs[seed_corpus.paragraphs["zone"].isin(frames.CONTENT_ZONES)]
    assert len(table) == len(content)
