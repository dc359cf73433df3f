"""Accuracy of the annotators against hand-coded gold, printed and held above a floor.

Four golds: the three seed articles the rules were developed on (tests/gold); six invented
articles in other styles — a live blog, a state-agency dispatch, a wire story with straight
quotes and inverted attributions, a transcript, a broadcaster's page, an explainer — that the
rules were not written for (tests/unseen; scored first, then used to improve the rules, so a
development set now); seventy more invented articles with demand gold only in still other styles
(tests/dev; scored first, then used to improve the demand rules); and twelve held-out articles
with demand gold only (tests/holdout) that no rule was written against. The demands of unseen,
dev and held-out were coded a second time by another reader, for an agreement figure. Run with
``pytest -s`` to see the tables.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import load_corpus, paths
from analysis.scoring import load_gold, score

TESTS = Path(__file__).parent
# Floors, a little under the scores reached when they were set (seeds / unseen), so that a
# regression fails the run. The scores themselves are printed.
FLOORS = {
    "seeds": {"actor mentions": ("f1", 0.97), "quotes": ("f1", 0.97), "fragments": ("f1", 0.95),
              "indirect speech": ("span_f1", 0.95), "time expressions": ("f1", 0.97), "demands": ("f1", 0.83)},
    "unseen": {"actor mentions": ("f1", 0.92), "quotes": ("f1", 0.95), "fragments": ("f1", 0.85),
               "indirect speech": ("span_f1", 0.92), "time expressions": ("f1", 0.95),
               # Demands generalise only in part (F1 0.18 when first scored, 0.78 after rules written with
               # this set in view, 0.74 once "ready to back it but wants to see the details" became
               # acceptance in principle, as the dev and held-out gold and this set's second reader code
               # it and this set's first reader did not; 0.75 once a wording bank taught the rules 'the
               # ball was now in Russia's court'): a regression guard only.
               "demands": ("f1", 0.72)},
    # Demand gold only, seventy articles: the first four scored F1 0.27 when first scored; the six
    # added next got 34 of 126 records right when first scored; those ten reached 0.66 with them in
    # view. The next six got 56 of 159 right when first scored (F1 0.44); all sixteen reached 0.63.
    # The next six got 61 of 158 right when first scored (F1 0.47); all twenty-two reached 0.63.
    # The last six got 68 of 165 right with the rules of 04d3db0 (F1 0.51) and 72 with those of
    # c58cd6e, written before they arrived (0.53); all twenty-eight reached 0.63, then 0.66 after
    # a sixth round written against all twenty-eight. Six more got 85 of 180 right when first scored
    # (F1 0.53), with the rules of 9339e17 and with those of eb5a597, written before they arrived;
    # all thirty-four reached 0.66. Six more got 74 of 161 right with the rules of a5db0fe (F1 0.54)
    # and 78 with those of c3ecc98, written before they arrived (0.56); all forty reached 0.68. Six more
    # got 63 of 170 right with the rules of e1366f4 (F1 0.46) and 75 with those of 52642dd, written
    # before they arrived (0.53); all forty-six reached 0.69. Six more got 86 of 171 right with the rules of
    # b4f9ec3 and with those of 86760d5, written before they arrived (F1 0.58); all fifty-two reached 0.69.
    # Six more got 91 of 179 right with the rules of 4411dcb (F1 0.59) and 92 with those of 7df738f, written
    # before they arrived (0.59); all fifty-eight reached 0.70. Six more got 86 of 177 right with the rules of
    # 0d0d4fc (F1 0.58) and 87 with those of d1fb19b, written before they arrived (0.58); all sixty-four reached 0.71.
    # Six more got 83 of 161 right with the rules of 5921ed7 (F1 0.63) and 84 with those of a054ef5, written
    # before they arrived (0.63); no rule was written after reading them, and all seventy stood at 0.71.
    # A fourteenth round added no articles; its rules (wire topic slugs, briefing turns in ordinary case,
    # verdicts in a later clause, capitals fronted before a passive) took the seventy to 0.72. A fifteenth
    # added none either; its rules (common wordings tried on sentences written for the test, uncoded
    # spokespeople's titles) kept them at 0.72 (1,245 of 1,894 right, was 1,231). A sixteenth added none;
    # its rules, taken from a bank of 287 plain wire, broadcast and state-media passages written and
    # labelled by helpers, took them to 0.73 (1,256 right, was 1,245; 1,541 found, was 1,551). A seventeenth
    # added none; its rules, from that bank and a second one (now tests/bank), kept them at 0.73 (1,259 right).
    # An eighteenth added none; its rules (joined subjects, 'to accept it' and 'did the same', verdicts 'for'
    # someone, 'the American plan') took them to 0.74 (1,275 right, 1,554 found). A nineteenth added none;
    # its rules (yes-or-no answers, 'as Moscow demands' asides, refusals to stop a thing) kept them at 0.74
    # (1,277 right, 1,557 found).
    "dev": {"demands": ("f1", 0.60)},
    # Articles written for demands only and never looked at while the rules were written: the
    # honest measure of how far the demand rules generalise. On the first three, F1 0.35 when first
    # scored, then 0.36 and 0.33 after later rounds of rules; on six 0.35 with the rules of
    # e0fddb0, 0.36 with the next round's and 0.39 with the one after. Six more were added by a
    # helper (think tank, US regional, markets, UK tabloid, fact check, Japanese wire): on those the
    # rules of ebf2a7a scored 0.35 and the next round's 0.37; on all twelve 0.37 and then 0.40.
    # The round after (e2eb937): 0.43 on all twelve (0.49 on the first six, 0.35 on the last six).
    # The round after that (a867596): 0.44 (0.50 and 0.35). The fifth (1ac6920): 0.43 (0.50 and 0.34).
    # The sixth (uncoded persons as speakers, reports nested in quotations): 0.45 (0.52 and 0.36).
    # The seventh (refusals in transcripts, forces refused and offered, titled organisations): 0.45 (0.53 and 0.36).
    # The eighth (hedged support with a condition, glosses of Moscow's words, negated passives): 0.46 (0.54 and 0.36).
    # The ninth (forces offered without a stance word, vetoes refused where troops were talked about, proposals'
    # authors named after the position, answers 'in effect a no', summaries of spelled-out conditions): 0.49 (0.55 and 0.41).
    # The tenth (relative clauses of hope, territory in other words, lists under arrows, numbers and 'only if:',
    # conditions held by whoever sets them, refusals of the force outside Moscow): 0.50 (0.56 and 0.42).
    # The eleventh (demands named by a demonym, welcomes in relative clauses, forces offered once a truce holds,
    # 'in what amounted to a rejection', questions and denied rejections): 0.50 (0.55 and 0.44).
    # The twelfth (sanctions kept until a ceasefire, verdicts on 'it' and 'that', passives that credit a position
    # to others, described persons as subjects): 0.50 (0.55 and 0.44), not one row changed.
    # The thirteenth (verdicts by a second speaker in one sentence, emphasis quotes inside a stance, peace 'only on
    # the basis of' sovereignty, relative clauses that table, accept or reject): 0.50 (0.55 and 0.44), again unchanged.
    # The fourteenth (the same four rules): 0.50 (0.55 and 0.44), unchanged for the third round running.
    # The fifteenth (common wordings of positions, 'ready to stop', uncoded spokespeople's titles): 0.51 (0.56 and 0.45).
    # The sixteenth (a wording bank: a pause the other side would use, forces offered only once a truce holds,
    # coordinated stance verbs, NATO's door, welcomes of what is done): 0.52 (0.56 and 0.47).
    # The seventeenth (more of the bank: where the burden lies, objections named as someone's, 'agreeing instead
    # to', counterfactuals, no plans to send troops): 0.52 (0.56 and 0.48; 85 of 180 right, was 84).
    # The eighteenth (joined subjects, anaphors with the stance in them, verdicts for someone, the American plan):
    # 0.53 (0.57 and 0.48; 86 of 180 right, 145 found).
    # The rules carry over to this set only a little.
    "holdout": {"demands": ("f1", 0.40)},
}
SPEAKER_FLOORS = {"seeds": {"quotes": 0.97, "indirect speech": 0.96}, "unseen": {"quotes": 0.95, "indirect speech": 0.94},
                  "dev": {}, "holdout": {}}
VALUE_FLOORS = {"seeds": 0.97, "unseen": 0.93}  # share of matched time expressions with the gold's value


@pytest.fixture(scope="module", params=["seeds", "unseen", "dev", "holdout"])
def scored(request):
    corpus_dir, gold_file = {"seeds": (paths.SEED_CORPUS, TESTS / "gold" / "gold.json"),
                             "unseen": (TESTS / "unseen", TESTS / "unseen" / "gold.json"),
                             "dev": (TESTS / "dev", TESTS / "dev" / "gold.json"),
                             "holdout": (TESTS / "holdout", TESTS / "holdout" / "gold.json")}[request.param]
    tables = score(load_corpus(corpus_dir), load_gold(gold_file))
    with pd.option_context("display.width", 200):
        print(f"\n{request.param}:\n{tables['summary'].to_string(index=False)}")
    return request.param, tables


def test_scores_stay_above_their_floors(scored):
    name, tables = scored
    summary = tables["summary"].set_index("annotator")
    for annotator, (measure, floor) in FLOORS[name].items():
        if annotator not in summary.index:
            pytest.fail(f"{name}: no {annotator} scores: the gold has no such section")
        value = summary.loc[annotator, measure]
        detail = tables[annotator].iloc[:-1][["article_id", "missed", "spurious"]].to_string()
        assert value >= floor, f"{name}: {annotator} {measure} {value} < {floor}\n{detail}"
    for annotator, floor in SPEAKER_FLOORS[name].items():
        assert summary.loc[annotator, "speaker_accuracy"] >= floor, f"{name}: {annotator} speaker accuracy"
    if name in VALUE_FLOORS:
        dates = tables["time expressions"].iloc[:-1]
        assert summary.loc["time expressions", "value_accuracy"] >= VALUE_FLOORS[name], \
            f"{name}: time values\n{dates[['article_id', 'wrong_value']].to_string()}"


def test_scorer_counts_what_it_should(seed_corpus):
    """The scorer itself: a perfect copy of the gold scores 1.0, and losing a quote costs recall."""
    from analysis.scoring import score_quotes
    gold = load_gold(TESTS / "gold" / "gold.json")
    ids = dict(zip(seed_corpus.articles["file"], seed_corpus.articles["id"]))
    rows = [{"article_id": ids[f], "speaker": q["speaker"], "first6": q["first6"]}
            for f, t in gold["texts"].items() for q in t["quotes"]]
    perfect = score_quotes(seed_corpus, gold, pd.DataFrame(rows)).set_index("article_id").loc["all"]
    assert (perfect["precision"], perfect["recall"]) == (1.0, 1.0)
    fewer = score_quotes(seed_corpus, gold, pd.DataFrame(rows[1:])).set_index("article_id").loc["all"]
    assert fewer["recall"] == round(26 / 27, 4) and fewer["precision"] == 1.0


def test_reader_agreement_counts_positions_both_readers_coded(seed_corpus):
    """Two codings of the seeds: the gold itself agrees fully with itself; a second reader who
    drops one position and adds one of their own agrees on all but those two."""
    from analysis.scoring import reader_agreement, shared_texts
    gold = load_gold(TESTS / "gold" / "gold.json")
    assert reader_agreement(seed_corpus, gold, gold).set_index("article_id").loc["all", "f1"] == 1.0
    second = {"texts": {name: {"demands": [dict(d) for d in entry.get("demands", [])]}
                        for name, entry in gold["texts"].items()}}
    name = next(n for n, entry in second["texts"].items() if entry["demands"])
    dropped = second["texts"][name]["demands"].pop(0)
    second["texts"][name]["demands"].append({**dropped, "who": "Invented Reader Actor"})
    n = len({(f, d["who"], d["category"], d["stance"]) for f, t in gold["texts"].items() for d in t.get("demands", [])})
    both = reader_agreement(seed_corpus, gold, second).set_index("article_id").loc["all"]
    assert (both["gold"], both["found"], both["correct"]) == (n, n, n - 1)
    swapped = reader_agreement(seed_corpus, second, gold).set_index("article_id").loc["all"]
    assert swapped["f1"] == both["f1"] and (swapped["precision"], swapped["recall"]) == (both["recall"], both["precision"])
    # a second reading of part of a set is scored on the texts it covers only
    partial = {"texts": {name: gold["texts"][name]}}
    on_one = reader_agreement(seed_corpus, gold, partial).set_index("article_id").loc["all"]
    in_one = len({(d["who"], d["category"], d["stance"]) for d in gold["texts"][name]["demands"]})
    assert (on_one["gold"], on_one["found"], on_one["f1"]) == (in_one, in_one, 1.0)


# A second reader coded the demands of these sets again from the texts and the written conventions,
# without seeing the first reader's records. Their agreement (F1 of one against the other) is what
# the conventions allow; below this floor the gold itself would be too unsure to score against.
# Unseen: 0.79 when coded; held-out: 0.89. Dev: 0.97, but the dev conventions name many of the
# first readers' decisions on these very texts, so that figure mostly says the conventions were
# followed (on the six dev texts of the third round, coded by readers from the same pack only: 0.96
# too). The fifth and ninth rounds' six dev texts have no second reading: the codings made of them matched
# the first readers' on every position and could not be shown to be independent (tests/dev/README.md).
SECOND_READERS = {"unseen": 0.70, "dev": 0.90, "holdout": 0.80}
UNREAD_BY_SECOND = {"dev": {"press_briefing_transcript.txt", "baltic_broadcaster.txt", "parliament_statement.txt",
                            "exile_russian_outlet.txt", "correspondent_thread.txt", "chinese_tabloid_editorial.txt",
                            "kyiv_independent_style.txt", "german_tabloid_translated.txt", "podcast_transcript.txt",
                            "un_security_council_summary.txt", "think_tank_commentary.txt", "japanese_wire_style.txt"}}


@pytest.mark.parametrize("name", list(SECOND_READERS))
def test_two_readers_agree_on_most_positions(name):
    from analysis.scoring import reader_agreement, shared_texts
    folder = TESTS / name
    corpus = load_corpus(folder)
    first, second = load_gold(folder / paths.GOLD_NAME), load_gold(folder / paths.SECOND_READER_NAME)
    assert set(second["texts"]) == set(first["texts"]) - UNREAD_BY_SECOND.get(name, set()), \
        f"{name}: the second reader coded other texts"
    first = shared_texts(first, second)
    ids = dict(zip(corpus.articles["file"], corpus.articles["id"]))
    for file, entry in second["texts"].items():
        text = corpus.texts[ids[file]]
        missing = [d["evidence"] for d in entry["demands"] if d["evidence"] not in text]
        assert not missing, f"{name}/{file}: second reader's evidence not in the text: {missing}"
    agreement = reader_agreement(corpus, first, second)
    print(f"\n{name}: second reader against the first\n{agreement.drop(columns=['missed', 'spurious']).to_string(index=False)}")
    assert agreement.set_index("article_id").loc["all", "f1"] >= SECOND_READERS[name]


# The wording bank (tests/bank, its README): short passages in common wordings, labelled by helpers
# who did not see the extractor. Rules were written from the "tuned" parts; none from the passages
# "held back", which are the bank's measure of how far the rules carry. Floors a little under the
# scores when the bank entered the repository: round 16 tuned 0.71, round 17 tuned 0.60, held back
# 0.63 (0.62 with the rules from before round 17, which were written without any of them). Round 18,
# all held back, entered at 0.65 (0.65 with the rules from before that round too). After round 19's
# rules: round 16 tuned 0.73, round 17 tuned 0.63, round 17 held back 0.64, round 18 held back 0.65.
BANK_FLOORS = {"round 16, tuned": 0.68, "round 17, tuned": 0.56, "round 17, held back": 0.58, "round 18, held back": 0.61}
SCHEME = {c["id"] for c in load_gold(TESTS / "gold" / "gold.json")["demand_categories"]}


def test_wording_bank_scores_stay_above_their_floors():
    from analysis.scoring import score_bank
    table = score_bank()
    print(f"\nwording bank:\n{table.to_string(index=False)}")
    scores = table.set_index("part")["f1"]
    assert set(BANK_FLOORS) <= set(scores.index), f"the bank has no part {set(BANK_FLOORS) - set(scores.index)}"
    for part, floor in BANK_FLOORS.items():
        assert scores[part] >= floor, f"wording bank, {part}: F1 {scores[part]} < {floor}"


def test_wording_bank_labels_are_well_formed():
    import json
    from analysis.actors import load_codebook
    from analysis.demands import STANCE_PRIORITY
    actors = set(load_codebook().actors["actor"])
    passages = json.loads((paths.WORDING_BANK / "passages.json").read_text(encoding="utf-8"))
    assert len({p["id"] for p in passages}) == len(passages), "a passage id is used twice"
    for p in passages:
        assert p["part"] in ("tuned", "held back") and p["text"].endswith("\n"), p["id"]
        labels = [(e["who"], e["category"], e["stance"]) for e in p["expect"]]
        assert len(set(labels)) == len(labels), f"{p['id']}: a position is listed twice"
        for who, category, stance in labels:
            assert category in SCHEME and stance in STANCE_PRIORITY, f"{p['id']}: {category} / {stance}"
            assert who in actors or who in p["text"], f"{p['id']}: {who!r} is neither a coded actor nor printed"


def test_wording_bank_scorer_counts_each_part(tmp_path):
    import json
    from analysis.scoring import score_bank
    passages = [{"id": "p1", "round": 1, "part": "tuned", "style": "wire",
                 "text": "Putin agreed to halt strikes on energy infrastructure.\n",
                 "expect": [{"who": "Vladimir Putin", "category": "energy_infrastructure_truce", "stance": "accept"}]},
                {"id": "p2", "round": 1, "part": "held back", "style": "wire", "text": "The talks took place in Riyadh.\n",
                 "expect": [{"who": "Invented Reader Actor", "category": "other", "stance": "demand"}]}]
    (tmp_path / "passages.json").write_text(json.dumps(passages), encoding="utf-8")
    table = score_bank(tmp_path).set_index("part")
    assert list(table.index) == ["round 1, held back", "round 1, tuned", "all"]
    assert tuple(table.loc["round 1, tuned", ["gold", "found", "correct"]]) == (1, 1, 1)
    assert tuple(table.loc["round 1, held back", ["gold", "found", "correct", "recall"]]) == (1, 0, 0, 0.0)
    assert tuple(table.loc["all", ["passages", "gold", "correct"]]) == (2, 2, 1)


@pytest.mark.parametrize("content, where, problem", [
    ('[{"id": "p1", "round": 1,}]', "passages.json, line 1", "is not valid JSON"),
    ('[{"id": "p1", "round": 1, "part": "tuned", "style": "wire", "text": "x\\n"}]', "passages.json, passage 1",
     "has no 'expect'"),
    ('[{"id": "p1", "round": 1, "part": "tuned", "style": "wire", "text": "x\\n", "expect": [{"who": "Russia"}]}]',
     "passages.json, passage 1 (p1), field 'expect'", "without who, category and stance"),
])
def test_a_broken_wording_bank_names_the_file_the_place_and_the_fix(tmp_path, content, where, problem):
    from analysis.manifest import CorpusError
    from analysis.scoring import score_bank
    (tmp_path / "passages.json").write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError) as raised:
        score_bank(tmp_path)
    assert raised.value.where.endswith(where) and problem in raised.value.problem and raised.value.fix
