"""Outlet-framing measures on small texts written for the test."""
from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import framing
from analysis.actors import default_codebook, mentions
from analysis.quotes import quotes
from analysis.speech import indirect_speech


@pytest.fixture(scope="module")
def codebook():
    return default_codebook()


@pytest.fixture
def tables(one_article, codebook):
    """tables(text) -> (corpus, mentions, quotes, indirect) for one article."""
    def run(text: str):
        corpus = one_article(text)
        return corpus, mentions(corpus, codebook), quotes(corpus, codebook)["quotes"], indirect_speech(corpus, codebook)
    return run


def spans_hold(corpus, table, text_column, start="start", end="end"):
    return all(corpus.texts[a][s:e] == t for a, s, e, t in zip(table["article_id"], table[start], table[end], table[text_column]))


# --- headline and lead ---------------------------------------------------------------------------

def test_subject_and_verb_group_of_headline_and_lead(one_article, codebook):
    corpus = one_article("Kremlin rejects truce as Trump vows pressure\n\n"
                         "Vladimir Putin on Monday continued to resist a ceasefire plan, while Donald Trump said he "
                         "would keep talking.\n\nA second paragraph about Keir Starmer.\n")
    clauses = framing.display_clauses(corpus, codebook)
    got = list(zip(clauses["unit"], clauses["subject"], clauses["verb"]))
    assert ("headline", "Kremlin", "rejects") in got
    assert ("headline", "Donald Trump", "vows") in got
    assert ("lead", "Vladimir Putin", "continued to resist") in got
    assert ("lead", "Donald Trump", "said") in got
    assert ("lead", "Donald Trump", "would keep") in got  # "he" is the last person named
    assert not (clauses["subject"] == "Keir Starmer").any()  # only the first body paragraph is the lead
    assert spans_hold(corpus, clauses, "verb", "verb_start", "verb_end")


def test_verb_group_skips_time_phrases_and_keeps_particles():
    text = "the Russian president last week pushed back on the plan"
    span = framing.verb_group(text, len("the Russian president"), len(text))
    assert text[span[0]:span[1]] == "pushed back"
    assert framing.verb_group("Putin of Russia", 5, 15) is None  # a preposition is no verb


def test_first_named_actor_ignores_titles(one_article, codebook):
    corpus = one_article("U.S. envoy Steve Witkoff meets Putin\n\nThe envoy met the Russian leader on Thursday.\n")
    first = framing.first_named(corpus, mentions(corpus, codebook))
    assert first.iloc[0]["actor"] == "Steve Witkoff"


# --- voice and verbs -----------------------------------------------------------------------------

def test_voice_by_camp_counts_quoted_and_paraphrased_words(tables, codebook):
    corpus, found, quoted, indirect = tables(
        "Headline about talks\n\nDmitry Peskov said: “The call will go ahead as planned.”\n\n"
        "Marco Rubio said the United States wanted a quick answer.\n")
    voice = framing.voice_by_camp(corpus, quoted, indirect, codebook).set_index("camp")
    assert voice.loc["Russia", "quoted"] == 7
    assert voice.loc["United States", "paraphrased"] >= 5
    assert voice["share"].sum() == pytest.approx(1.0, abs=1e-3)


def test_loaded_verbs_are_told_from_neutral_ones(tables, codebook):
    corpus, _, quoted, indirect = tables(
        "Headline about talks\n\nKeir Starmer insisted the plan was sound. Emmanuel Macron said Europe was ready. "
        "Volodymyr Zelenskyy accused Moscow of stalling the talks.\n")
    verbs = framing.attribution_verbs(corpus, quoted, indirect, codebook)
    loaded = dict(zip(verbs["speaker"], verbs["loaded"]))
    assert loaded == {"Keir Starmer": True, "Emmanuel Macron": False, "Volodymyr Zelenskyy": True}
    summary = framing.loaded_verb_summary(verbs).set_index("camp")
    assert summary.loc["United Kingdom", "loaded_verbs"] == "insisted"
    assert summary.loc["France", "loaded"] == 0


def test_source_kinds_tell_unnamed_sources(tables, codebook):
    corpus, _, quoted, indirect = tables(
        "Headline about talks\n\nA senior U.S. official said the call was planned for Tuesday. "
        "The Kremlin said the leaders would speak. Marco Rubio said it was a good start.\n")
    kinds = dict(zip(framing.source_kinds(corpus, quoted, indirect, codebook)["source"].value_counts().index,
                     framing.source_kinds(corpus, quoted, indirect, codebook)["source"].value_counts()))
    assert kinds.get("named person") == 1 and kinds.get("institution") == 1 and kinds.get("unnamed source") == 1


# --- the answer being characterised --------------------------------------------------------------

def test_characterisation_tells_the_outlets_voice_from_reported_words(tables):
    corpus, found, quoted, indirect = tables(
        "Headline about talks\n\nVladimir Putin flatly rejected the ceasefire plan on Friday.\n\n"
        "Keir Starmer accused Vladimir Putin of trying to delay a truce.\n\n"
        "Volodymyr Zelenskyy has accepted the proposal, but Washington still hopes to convince Putin to accept it.\n")
    found_rows = framing.response_characterisations(corpus, found, indirect, quoted)
    got = set(zip(found_rows["cue"].str.lower(), found_rows["characterisation"], found_rows["voice"]))
    assert ("rejected", "rejection", "outlet") in got
    assert ("delay", "stalling", "third party") in got
    # Zelenskyy's acceptance is Ukraine's answer, and "to accept" is a hope, not an answer.
    assert not (found_rows["characterisation"] == "acceptance").any()
    assert spans_hold(corpus, found_rows, "cue")


def test_characterisation_leaves_out_conditions_and_hypotheses(tables):
    corpus, found, quoted, indirect = tables(
        "Headline about talks\n\nLondon will act if the Kremlin rejects the truce. "
        "Moscow would accept the plan only later, diplomats guessed.\n")
    assert framing.response_characterisations(corpus, found, indirect, quoted).empty


def test_responder_camp_is_a_parameter(tables):
    corpus, found, quoted, indirect = tables("Headline about talks\n\nKyiv rejected the Russian proposal outright.\n")
    assert framing.response_characterisations(corpus, found, indirect, quoted).empty
    ukraine = framing.response_characterisations(corpus, found, indirect, quoted, responder_camp="Ukraine")
    assert list(ukraine["characterisation"]) == ["rejection"]


# --- labels and spelling -------------------------------------------------------------------------

def test_label_usage_and_house_style(tables):
    corpus, _, quoted, _ = tables(
        "Headline about talks\n\nMr Zelenskiy met Nato envoys in Kiev after the full-scale invasion. "
        "“The war must end,” Mr Zelenskiy said of the conflict.\n")
    usage = framing.label_usage(corpus, quoted)
    assert spans_hold(corpus, usage, "text")
    got = dict(zip(usage["text"], usage["variant"]))
    assert got["Nato"] == "Nato" and got["Kiev"] == "Kiev" and got["full-scale invasion"] == "full-scale invasion"
    assert not (usage["variant"] == "invasion").any()  # the longer label wins
    war = usage[usage["variant"] == "war"].iloc[0]
    assert war["in_quote"]
    style = framing.house_style(usage, ["Test Wire"])
    assert style.loc["Zelensky's name", "Test Wire"] == "Zelenskiy ×2"
    assert "war" not in style.loc["what the war is called", "Test Wire"]  # quoted words are the speaker's
    assert style.loc["honorific", "Test Wire"] == "Mr ×2"


# --- context -------------------------------------------------------------------------------------

def test_fact_check_finds_corrections_and_caveats(tables):
    corpus, _, quoted, indirect = tables(
        "Headline about talks\n\nKaroline Leavitt said “the dam on the border of the two countries will be discussed.” "
        "The dam is not on the border of the two countries, but deep inside Ukraine. "
        "Donald Trump did not elaborate on the plan.\n\nThe weather was not good for flying.\n")
    checks = framing.fact_checks(corpus, quoted, indirect)
    assert list(checks["kind"]) == ["correction", "caveat"]
    assert checks.iloc[0]["checks"] == "Karoline Leavitt"
    assert spans_hold(corpus, checks, "sentence")


def test_only_one_outlet_lists_actors_named_by_one_outlet(tmp_path, make_corpus, codebook):
    rows = [{"id": name, "file": f"{name}.txt", "outlet": outlet, "outlet_evidence": "test", "date": "2025-03-17",
             "date_evidence": "test"} for name, outlet in (("a", "Wire A"), ("b", "Paper B"))]
    folder = make_corpus(tmp_path, {"a.txt": "Headline\n\nDonald Trump spoke to Keir Starmer.\n",
                                    "b.txt": "Headline\n\nDonald Trump spoke to Emmanuel Macron.\n"}, rows)
    corpus = analysis.load_corpus(folder)
    empty_events = pd.DataFrame(columns=["date", "kind", "event", "actors", "outlets", "n_outlets", "evidence"])
    only = framing.only_one_outlet(corpus, mentions(corpus, codebook), empty_events)
    assert set(zip(only["outlet"], only["item"])) == {("Wire A", "Keir Starmer"), ("Paper B", "Emmanuel Macron")}


# --- on the seeds --------------------------------------------------------------------------------

def test_seed_outlets_characterise_russias_answer_differently(seed_corpus, codebook):
    found = mentions(seed_corpus, codebook)
    voices = quotes(seed_corpus, codebook)["quotes"]
    indirect = indirect_speech(seed_corpus, codebook)
    rows = framing.response_characterisations(seed_corpus, found, indirect, voices)
    own = rows[rows["voice"] == "outlet"]
    by_outlet = own.groupby("article")["characterisation"].agg(set).to_dict()
    assert "rejection" in by_outlet["The Guardian"] and "resistance" in by_outlet["The Irish Times"]
    reuters = rows[rows["article"] == "Reuters"]
    assert ("conditional support", "responder") in set(zip(reuters["characterisation"], reuters["voice"]))


def test_lead_matrix_puts_a_caption_standin_in_the_headline_column(one_article, codebook):
    corpus = one_article("Vladimir Putin resists the truce. Photograph: Agency\n\n"
                         "Donald Trump will call Vladimir Putin on Tuesday.\n")
    clauses = framing.display_clauses(corpus, codebook)
    assert set(clauses["unit"]) >= {"lead"}
    matrix = framing.lead_matrix(clauses, ["Test Wire"])
    assert list(matrix.columns)[-1] == "lead" and "Trump: will call" in matrix.loc["Test Wire", "lead"]
    assert framing.verbs_of(clauses, "Donald Trump") == {"Test Wire": "will call"}


def test_context_summary_counts_per_article(tables):
    corpus, found, quoted, indirect = tables(
        "Headline about talks\n\nDonald Trump did not elaborate on the plan. It remains unclear when talks resume.\n")
    checks = framing.fact_checks(corpus, quoted, indirect)
    background = pd.DataFrame({"news": [0.5], "background": [0.25], "undated": [0.25]}, index=["Test Wire"])
    alone = framing.only_one_outlet(corpus, found, pd.DataFrame(columns=["n_outlets"]))
    summary = framing.context_summary(corpus, background, checks, alone)
    assert summary.loc["Test Wire", "caveats"] == 2 and summary.loc["Test Wire", "corrections"] == 0
    assert summary.loc["Test Wire", "background_share"] == 0.25
    assert summary.loc["Test Wire", "actors_only_here"] == 0  # one outlet: nothing is "only here"


def test_answer_finding_names_own_voice_cues_or_counts_outlets():
    found = pd.DataFrame({"article": ["A", "B", "B"], "cue": ["Rejected", "resist", "delay"],
                          "voice": ["outlet", "outlet", "third party"]})
    assert framing.answer_finding(found, ["A", "B", "C"]) == \
        "In their own voice: A “rejected”; B “resist”; C only reports others' words"
    many = [f"O{i}" for i in range(10)]
    found = pd.DataFrame({"article": ["O1", "O2", "O3"], "cue": ["rejected", "rejected", "resist"],
                          "voice": ["outlet", "outlet", "outlet"]})
    assert framing.answer_finding(found, many) == \
        "3 of 10 outlets characterise the answer in their own voice; commonest: “rejected” (2 outlets)"
    assert framing.answer_finding(found.iloc[0:0], many) == "No outlet characterises the answer in its own voice"


def test_a_claim_whose_lookup_fails_is_false_not_a_crash(monkeypatch, capsys):
    from analysis import claims, paths
    monkeypatch.setattr(paths, "is_seed_corpus", lambda: False)
    claims.claim("the Guardian says so", lambda: {}["The Guardian"] == 1)
    assert "✗" in capsys.readouterr().out
    monkeypatch.setattr(paths, "is_seed_corpus", lambda: True)
    with pytest.raises(claims.ClaimFailed, match="checking it failed"):
        claims.claim("the Guardian says so", lambda: {}["The Guardian"] == 1)
