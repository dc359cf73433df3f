"""The error analysis (analysis.errors): one row per error, a cause by rule, and rows that add
up to the scores.

Most tests give the scorer hand-made "found" tables for one short article and a gold written by
reading it, so each cause rule is tested on its own, independently of the annotators' rules.
"""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import errors, load_corpus, paths, scoring

TEXT = (
    "Trump and Putin to speak on Tuesday\n"
    "\n"
    "Donald Trump said he will speak to Vladimir Putin on Tuesday about a 30-day ceasefire. "
    "The US president told reporters on Sunday: “We will see if we can end this war.”\n"
    "\n"
    "Jane Doe, a spokesperson for the Oslo Institute, said the talks were a “good start” for Europe. "
    "The Republican has not commented.\n"
    "\n"
    "The Kremlin said Russia demands an end to Western military aid to Kyiv. Zelenskyy wants security "
    "guarantees, his office said last week. The Ukrainian leader accepted the truce. The former comedian "
    "has not commented.\n"
)

# Coded by reading TEXT, with the gold's conventions (tests/gold/gold.json).
GOLD = {"texts": {"story.txt": {
    "actors": [
        {"canonical": "Donald Trump", "type": "person",
         "surface_forms": ["Trump", "Donald Trump", "The US president", "The Republican"]},
        {"canonical": "United States", "type": "state", "surface_forms": ["US"]},
        {"canonical": "Vladimir Putin", "type": "person", "surface_forms": ["Putin", "Vladimir Putin"]},
        {"canonical": "Jane Doe", "type": "person", "surface_forms": ["Jane Doe"]},
        {"canonical": "Kremlin", "type": "organisation", "surface_forms": ["Kremlin"]},
        {"canonical": "Russia", "type": "state", "surface_forms": ["Russia"]},
        {"canonical": "Volodymyr Zelenskyy", "type": "person",
         "surface_forms": ["Zelenskyy", "The Ukrainian leader", "The former comedian"]},
        {"canonical": "Western countries", "type": "group", "surface_forms": ["Western"]},
    ],
    "not_actors": [{"text": "Europe", "reason": "place"}, {"text": "Kyiv", "reason": "place ('aid to Kyiv')"}],
    "quotes": [{"speaker": "Donald Trump", "first6": "We will see if we can", "pronoun_speaker": False}],
    "fragments": [{"speaker": "Jane Doe", "text": "good start"}],
    "non_quotes": [],
    "indirect": [
        {"speaker": "Donald Trump", "first6": "he will speak to Vladimir Putin"},
        {"speaker": "Jane Doe", "first6": "the talks were a “good start”"},
        {"speaker": "Kremlin", "first6": "Russia demands an end to Western"},
        {"speaker": "Volodymyr Zelenskyy", "first6": "Zelenskyy wants security guarantees, his office"},
    ],
    "dates": [
        {"text": "on Tuesday", "value": "2025-03-18", "kind": "date"},
        {"text": "on Tuesday", "value": "2025-03-18", "kind": "date"},
        {"text": "30-day", "value": "P30D", "kind": "duration"},
        {"text": "on Sunday", "value": "2025-03-16", "kind": "date"},
        {"text": "last week", "value": "2025-W11", "kind": "date"},
    ],
    "demands": [
        {"who": "Kremlin", "category": "halt_western_military_aid", "stance": "demand",
         "evidence": "Russia demands an end to Western military aid to Kyiv"},
        {"who": "Volodymyr Zelenskyy", "category": "security_guarantees", "stance": "demand",
         "evidence": "Zelenskyy wants security guarantees"},
        {"who": "Volodymyr Zelenskyy", "category": "accept_ceasefire", "stance": "accept",
         "evidence": "The Ukrainian leader accepted the truce"},
        {"who": "Donald Trump", "category": "accept_ceasefire", "stance": "propose",
         "evidence": "about a 30-day ceasefire"},
        {"who": "Jane Doe", "category": "other", "stance": "demand", "evidence": "the talks were a “good start”"},
    ],
}}}


@pytest.fixture
def story(make_corpus, tmp_path):
    return load_corpus(make_corpus(tmp_path, {"story.txt": TEXT}))


def at(string: str, nth: int = 0) -> tuple[int, int]:
    """Span of the ``nth`` occurrence of ``string`` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(string, start + 1)
    return start, start + len(string)


def found_tables() -> dict[str, pd.DataFrame]:
    """What an annotator might have found in TEXT, with one error of each kind the tests check."""
    def mention(surface, actor, kind="person", nth=0, in_title=False):
        start, end = at(surface, nth)
        return {"article_id": "story", "surface": surface, "actor": actor, "type": kind, "in_title": in_title,
                "start": start, "end": end}
    mentions = pd.DataFrame([
        mention("Trump", "Donald Trump"), mention("Putin", "Vladimir Putin"), mention("Donald Trump", "Donald Trump"),
        mention("Vladimir Putin", "Vladimir Putin"), mention("The US president", "Donald Trump"),
        mention("Oslo", "Norway", "state"),                              # not coded by the gold
        mention("The Republican", "Republican Party", "organisation"),   # another actor
        mention("Kremlin", "Kremlin", "organisation"), mention("Russia", "Russia", "state"),
        mention("Kyiv", "Ukraine", "state"),                             # a place in the gold
        mention("Zelenskyy", "Volodymyr Zelenskyy"),
    ])                                     # missed: US (inside "The US president"), Jane Doe, the two descriptions
    quote = at("We will see if we can end this war.")
    quotes = pd.DataFrame([{"article_id": "story", "speaker": "Vladimir Putin", "first6": "We will see if we can",
                            "text": TEXT[slice(*quote)], "start": quote[0], "end": quote[1], "pronoun_speaker": False}])
    fragments = pd.DataFrame([{"article_id": "story", "kind": "fragment", "text": "good start", "speaker": "Jane Doe",
                               "start": at("good start")[0], "end": at("good start")[1]}])

    def report(speaker, content):
        start, end = at(content)
        return {"article_id": "story", "speaker": speaker, "content_start": start, "content_end": end,
                "content": content, "first6": " ".join(content.split()[:6]), "pronoun_speaker": False}
    indirect = pd.DataFrame([
        report("Donald Trump", "he will speak to Vladimir Putin on Tuesday about a 30-day ceasefire"),
        report("Kremlin", "the talks were a “good start” for Europe"),    # Jane Doe's: wrong speaker
        report("Kremlin", "Russia demands an end to Western military aid to Kyiv"),
        report("Kremlin", "an end to Western military aid to Kyiv"),      # a second report in a matched one
    ])                                     # missed: Zelenskyy's

    def expression(text, value, nth=0):
        start, end = at(text, nth)
        return {"article_id": "story", "text": text, "value": value, "start": start, "end": end}
    dates = pd.DataFrame([expression("on Tuesday", "2025-03-18"), expression("on Tuesday", "2025-03-18", 1),
                          expression("30-day", "P30D"), expression("on Sunday", "2025-03-23"),   # wrong value
                          expression("his office", "PRESENT_REF")])                                # spurious
    # missed: "last week"

    def position(who, category, stance, evidence):
        start, end = at(evidence)
        return {"article_id": "story", "who": who, "category": category, "stance": stance, "start": start,
                "end": end, "evidence": evidence}
    demands = pd.DataFrame([
        position("Kremlin", "halt_western_military_aid", "demand", "Russia demands an end to Western military aid"),
        position("Volodymyr Zelenskyy", "security_guarantees", "condition", "Zelenskyy wants security guarantees"),
        position("Ukraine", "accept_ceasefire", "accept", "The Ukrainian leader accepted the truce"),
        position("Donald Trump", "broader_settlement", "demand", "We will see if we can end this war"),
    ])                                     # missed: Trump's proposal (cue "ceasefire"), Jane Doe's (no cue for "other")
    return {"actor mentions": mentions, "quotes": quotes, "fragments": fragments, "indirect speech": indirect,
            "demands": demands, "time expressions": dates}


@pytest.fixture
def story_errors(story):
    return errors.errors(story, GOLD, found_tables())


def causes(table: pd.DataFrame, annotator: str) -> dict[str, tuple[str, str]]:
    """item → (kind, cause) for one annotator's rows."""
    rows = table[table["annotator"] == annotator]
    return {item: (kind, cause) for item, kind, cause in zip(rows["item"], rows["kind"], rows["cause"])}


def test_mention_causes(story_errors):
    assert causes(story_errors, "actor mentions") == {
        "US (United States)": ("false negative", "span/title boundary"),
        "Jane Doe (Jane Doe)": ("false negative", "actor missing from codebook"),
        "The Republican (Donald Trump)": ("wrong actor", "resolved to another actor"),
        "The Ukrainian leader (Volodymyr Zelenskyy)": ("false negative", "alias known, dropped by a context rule"),
        "The former comedian (Volodymyr Zelenskyy)": ("false negative", "alias missing from codebook"),
        "Oslo (Norway)": ("false positive", "group or not-an-actor"),
        "Kyiv (Ukraine)": ("false positive", "group or not-an-actor"),
    }
    row = story_errors[story_errors["item"] == "The Republican (Donald Trump)"].iloc[0]
    assert row["found_instead"] == "Republican Party"
    assert row["sentence"] == "The Republican has not commented."


def test_quote_fragment_and_indirect_causes(story_errors):
    assert causes(story_errors, "quotes") == {"“We will see if we can …” (Donald Trump)": ("wrong speaker", "speaker wrong")}
    assert causes(story_errors, "fragments") == {}
    assert causes(story_errors, "indirect speech") == {
        "the talks were a “good start” … (Jane Doe)": ("wrong speaker", "speaker wrong"),
        "Zelenskyy wants security guarantees, his office … (Volodymyr Zelenskyy)": ("false negative", "span missed"),
        "an end to Western military aid … (Kremlin)": ("false positive", "span spurious"),
    }


def test_demand_and_date_causes(story_errors):
    assert causes(story_errors, "demands") == {
        "Volodymyr Zelenskyy: security_guarantees (demand)": ("wrong stance", "stance wrong"),
        "Volodymyr Zelenskyy: accept_ceasefire (accept)": ("wrong holder", "holder wrong"),
        "Donald Trump: accept_ceasefire (propose)": ("false negative", "missed (cue present)"),
        "Jane Doe: other (demand)": ("false negative", "missed (no cue in the codebook)"),
        "Donald Trump: broader_settlement (demand)": ("false positive", "spurious"),
    }
    assert causes(story_errors, "time expressions") == {
        "on Sunday = 2025-03-16": ("wrong value", "value wrong"),
        "last week = 2025-W11": ("false negative", "missed"),
        "his office = PRESENT_REF": ("false positive", "spurious"),
    }


def test_rows_carry_their_sentence_and_span(story, story_errors):
    for row in story_errors.itertuples():
        assert TEXT.find(row.sentence) <= row.start < TEXT.find(row.sentence) + len(row.sentence), row.item
    assert set(story_errors["zone"]) == {"body"}
    missed = story_errors[story_errors["item"] == "last week = 2025-W11"].iloc[0]
    assert TEXT[missed["start"]:missed["end"]] == "last week"


def test_every_cause_has_a_documented_rule(story_errors):
    documented = set(errors.cause_rules()[["annotator", "cause"]].itertuples(index=False, name=None))
    for annotator, cause in zip(story_errors["annotator"], story_errors["cause"]):
        rule = (annotator, "category confused with …" if cause.startswith("category confused with") else cause)
        assert rule in documented


def add_up(corpus, gold, found, table) -> None:
    """The error rows count exactly the false positives and negatives behind each score."""
    scores = scoring.score(corpus, gold, found=found)
    for annotator in found:
        total = scores[annotator].set_index("article_id").loc["all"]
        rows = table[table["annotator"] == annotator]
        assert rows["false_positives"].sum() == total["found"] - total["correct"], annotator
        assert rows["false_negatives"].sum() == total["gold"] - total["correct"], annotator


def test_rows_add_up_to_the_scores(story, story_errors):
    add_up(story, GOLD, found_tables(), story_errors)
    wrong_values = story_errors[story_errors["kind"] == "wrong value"]
    value_accuracy = scoring.score(story, GOLD, found=found_tables())["summary"].set_index("annotator").loc[
        "time expressions", "value_accuracy"]
    assert value_accuracy == round(1 - len(wrong_values) / 4, 4)   # four spans found where the gold has one


def test_rows_add_up_with_the_real_annotators_on_the_unseen_articles():
    corpus = load_corpus(paths.UNSEEN_CORPUS)
    gold = scoring.gold_for(corpus)
    found = scoring.annotate(corpus, gold)
    add_up(corpus, gold, found, errors.errors(corpus, gold, found))


def test_a_perfect_annotator_has_no_errors(story):
    found = found_tables()
    only_dates = {"texts": {"story.txt": {"dates": GOLD["texts"]["story.txt"]["dates"][:3]}}}
    right = {"time expressions": found["time expressions"].iloc[:3]}
    assert errors.errors(story, only_dates, right).empty
    assert list(errors.cause_counts(errors.errors(story, only_dates, right)).columns) == [
        "annotator", "cause", "errors", "false_positives", "false_negatives"]


def test_rows_are_grouped_by_cause_most_frequent_first(story_errors):
    mentions = story_errors[story_errors["annotator"] == "actor mentions"]
    sizes = mentions.groupby("cause", sort=False).size()
    assert list(sizes) == sorted(sizes, reverse=True)
    assert list(story_errors["annotator"].drop_duplicates()) == [
        "actor mentions", "quotes", "indirect speech", "demands", "time expressions"]
