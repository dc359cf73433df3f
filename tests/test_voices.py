"""Actor mentions, quotes and indirect speech on small texts written for the test."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.actors import mentions, uncoded_names
from analysis.quotes import quote_spans, quotes
from analysis.speech import indirect_speech


@pytest.fixture
def annotate(one_article):
    """annotate(text, date=...) -> (corpus, mentions, quotes, fragments, indirect) for one article."""
    def run(text: str, date: str = "2025-03-17"):
        corpus = one_article(text, date)
        found = mentions(corpus)
        voices = quotes(corpus)
        return corpus, found, voices["quotes"], voices["fragments"], indirect_speech(corpus)
    return run


def surfaces(found, actor=None):
    rows = found if actor is None else found[found["actor"] == actor]
    return list(rows["surface"])


# --- mentions ------------------------------------------------------------------------------

def test_longest_match_wins_and_title_holds_the_state(annotate):
    _, found, *_ = annotate("U.S. President Donald Trump will speak to Russian President Vladimir Putin on Tuesday.\n")
    trump = found[found["actor"] == "Donald Trump"].iloc[0]
    assert trump["surface"] == "Donald Trump" and trump["title"] == "U.S. President"
    us = found[found["actor"] == "United States"].iloc[0]
    assert us["surface"] == "U.S." and us["in_title"]
    assert surfaces(found, "Vladimir Putin") == ["Vladimir Putin"]


def test_title_and_surname_make_the_surface_form(annotate):
    _, found, *_ = annotate("Mr Putin spoke first. Later President Putin said he was ready, and Mr. Trump agreed.\n")
    assert surfaces(found, "Vladimir Putin") == ["Mr Putin", "President Putin"]
    assert surfaces(found, "Donald Trump") == ["Mr. Trump"]


def test_a_title_does_not_reach_back_over_a_sentence_end(annotate):
    _, found, *_ = annotate("The idea was rejected by Moscow. Russian Foreign Minister Sergei Lavrov called it unacceptable. "
                            "It was rejected by Kyiv. Russian Foreign Minister Sergei Lavrov said so. Lt. Gen. Keith Kellogg spoke.\n")
    assert not found[found["surface"].isin(["Moscow", "Kyiv"])]["in_title"].any()
    assert found[found["actor"] == "Sergei Lavrov"].iloc[0]["title"] == "Russian Foreign Minister"
    assert found[found["actor"] == "Keith Kellogg"].iloc[0]["title"].startswith("Lt. Gen.")


def test_an_office_in_lower_case_is_a_title_too(annotate):
    _, found, *_ = annotate("Moscow objected, and foreign ministry spokeswoman Maria Zakharova said so.\n")
    assert found[found["actor"] == "Maria Zakharova"].iloc[0]["title"] == "foreign ministry spokeswoman"


def test_acronym_in_capitals_is_not_the_country(annotate):
    _, found, *_ = annotate("JOIN US FOR THE LIVE COVERAGE\n\nThe US said the talks would go on for days.\n")
    assert surfaces(found, "United States") == ["US"]
    assert found[found["actor"] == "United States"]["start"].iloc[0] > 30


def test_possessives_resolve(annotate):
    _, found, *_ = annotate("Putin’s envoy met Trump's team while Zelenskyy’s aides waited in Kyiv.\n")
    assert surfaces(found, "Vladimir Putin") == ["Putin"]
    assert surfaces(found, "Donald Trump") == ["Trump"]
    assert surfaces(found, "Volodymyr Zelenskyy") == ["Zelenskyy"]


def test_description_resolves_by_the_article_date(annotate):
    _, found_2025, *_ = annotate("The US president said the talks had gone well.\n", date="2025-03-17")
    assert list(found_2025["actor"]) == ["Donald Trump"]
    _, found_2023, *_ = annotate("The US president said the talks had gone well.\n", date="2023-06-01")
    assert list(found_2023["actor"]) == ["Joe Biden"]


def test_capital_is_an_actor_only_where_it_acts(annotate):
    _, found, *_ = annotate("Moscow rejected the plan after envoys flew to Moscow and Washington welcomed it.\n")
    assert list(found["surface"]) == ["Moscow", "Washington"]


def test_a_capitals_possessive_after_a_preposition_is_its_government(annotate):
    _, found, *_ = annotate("The plan ran into trouble in Moscow’s reply and in Kyiv.\n")
    assert list(found["surface"]) == ["Moscow"]


def test_apposition_and_his_references(annotate):
    text = ("Kaja Kallas, the EU’s top diplomat, spoke on Monday. Zelenskyy said the sovereignty of his country "
            "was not negotiable. Trump said he would call his Russian counterpart.\n")
    _, found, *_ = annotate(text)
    assert "the EU’s top diplomat" in surfaces(found, "Kaja Kallas")
    assert "his country" in surfaces(found, "Ukraine")
    assert "his Russian counterpart" in surfaces(found, "Vladimir Putin")


def test_a_bare_head_of_state_is_the_first_head_of_state_of_the_nearest_sentence_naming_one(annotate):
    text = ("Ursula von der Leyen welcomed the call. Putin spoke with Trump for two hours, and Keir Starmer "
            "called Zelenskyy. The head of state then gave the order.\n")
    _, found, *_ = annotate(text)
    # von der Leyen and Starmer head no state; of Putin and Trump, Putin comes first
    assert "The head of state" in surfaces(found, "Vladimir Putin")


def test_a_capital_after_of_is_a_place_unless_a_position_noun_comes_before(annotate):
    _, found, *_ = annotate("The demands of Moscow were read out to the people of Kyiv.\n")
    assert surfaces(found, "Russia") == ["Moscow"]
    assert surfaces(found, "Ukraine") == []


def test_uncoded_names_are_listed_with_context(annotate):
    corpus, found, *_ = annotate("Finnish President Alexander Stubbington met Olga Wexford-Lane in Helsinki.\n")
    names = uncoded_names(corpus, found=found)
    assert {"Alexander Stubbington", "Olga Wexford-Lane"} <= set(names["name"])
    assert (names.set_index("name").loc["Alexander Stubbington", "kind"]) == "titled person"
    assert names["context"].str.contains("Helsinki").all()


# --- quotes --------------------------------------------------------------------------------

def test_quote_spans_handle_straight_curly_single_and_apostrophes():
    text = 'He said "we will see". Trump’s aides said ‘dividing up assets’ was likely, and that’s it.'
    inner = [text[s:e] for _, s, e, _ in quote_spans(text, 0, len(text))]
    assert inner == ["we will see", "dividing up assets"]


def test_attribution_after_before_inverted_and_pronoun(annotate):
    text = ("“We will be talking about land and power plants,” Trump said.\n\n"
            "Kremlin spokesman Dmitry Peskov said: “Such a conversation is planned for Tuesday.”\n\n"
            "\"The leaders will speak for as long as needed,\" said Peskov.\n\n"
            "Marco Rubio spoke to reporters. \"They agreed to stop shooting,\" he said.\n")
    _, _, found, _, _ = annotate(text)
    assert list(zip(found["speaker"], found["verb"], found["attribution"])) == [
        ("Donald Trump", "said", "after"), ("Dmitry Peskov", "said", "before"),
        ("Dmitry Peskov", "said", "after"), ("Marco Rubio", "said", "after")]
    assert list(found["pronoun_speaker"]) == [False, False, False, True]


def test_institution_speaker(annotate):
    text = ("A Downing Street spokesperson said: “This will be a significant force of many nations.”\n\n"
            "“The call will take place on Tuesday afternoon,” the Kremlin said.\n")
    _, _, found, _, _ = annotate(text)
    assert list(found["speaker"]) == ["Downing Street", "Kremlin"]
    assert found["institution_speaker"].all()


def test_continued_and_unclosed_quotes(annotate):
    text = ("He spoke at length. Trump said: “We will see what happens on Tuesday and after that.\n\n"
            "“A lot of work has been done over the weekend.”\n\n"
            "Macron said the Russian president “does not seem to be seeking peace at all.\n\n"
            "The talks went on.\n")
    _, _, found, _, _ = annotate(text)
    assert list(found["speaker"]) == ["Donald Trump", "Donald Trump", "Emmanuel Macron"]
    assert list(found["cross_paragraph"]) == [True, True, False]
    assert list(found["unclosed"]) == [False, False, True]
    assert list(found["partial"]) == [False, False, True]


def test_fragments_and_names_are_not_quotes(annotate):
    text = ("Starmer accused Putin of seeking to “delay” a ceasefire, while a so-called “coalition of the willing” "
            "met and Rubio told “The Guy Benson Show” that talks were “positive and solution-based”.\n")
    _, _, found, fragments, _ = annotate(text)
    assert found.empty
    assert dict(zip(fragments["text"], fragments["kind"])) == {
        "delay": "fragment", "coalition of the willing": "name", "The Guy Benson Show": "name",
        "positive and solution-based": "fragment"}
    assert fragments.set_index("text").loc["delay", "speaker"] == "Keir Starmer"


def test_single_quote_headline(annotate):
    text = "Putin agrees to ‘pause energy strikes for thirty days’, Kremlin says\n\nThe Kremlin said so on Tuesday.\n"
    _, _, found, _, _ = annotate(text)
    assert list(found["text"]) == ["pause energy strikes for thirty days"]


# --- indirect speech -----------------------------------------------------------------------

def test_indirect_speech_patterns(annotate):
    text = ("Putin said last week he supported the proposal in principle.\n\n"
            "The Kremlin confirmed on Monday that the two leaders would speak.\n\n"
            "Zelenskyy has accused Putin of deliberately prolonging the war.\n\n"
            "The call is expected to last an hour, the Kremlin and a U.S. official said.\n\n"
            "Ukraine will stop firing at energy sites, President Volodymyr Zelenskyy said Wednesday.\n\n"
            "Ukrainian troops are said to be in retreat.\n\n"
            "“We will see,” Trump said.\n\n"
            "The Kremlin said Putin told Trump that the two sides would exchange prisoners.\n")
    _, _, _, _, found = annotate(text)
    assert list(zip(found["speaker"], found["verb"], found["first6"])) == [
        ("Vladimir Putin", "said", "he supported the proposal in principle"),
        ("Kremlin", "confirmed", "the two leaders would speak"),
        ("Volodymyr Zelenskyy", "accused", "deliberately prolonging the war"),
        ("Kremlin", "said", "The call is expected to last"),
        ("Volodymyr Zelenskyy", "said", "Ukraine will stop firing at energy"),
        # a report inside a report: the inner teller speaks the inner content
        ("Kremlin", "said", "Putin told Trump that the two"),
        ("Vladimir Putin", "told", "the two sides would exchange prisoners"),
    ]


def test_an_inverted_attribution_may_name_its_audience(annotate):
    text = ("Kyiv is open to a pause in strikes on energy infrastructure, Zelenskyy told reporters.\n\n"
            "Russia would not accept European troops, Peskov told journalists on Wednesday.\n\n"
            "The talks will resume, Rubio told the BBC.\n")
    _, _, _, _, found = annotate(text)
    assert list(zip(found["speaker"], found["first6"])) == [
        ("Volodymyr Zelenskyy", "Kyiv is open to a pause"),
        ("Dmitry Peskov", "Russia would not accept European troops"),
        ("Marco Rubio", "The talks will resume"),
    ]


def test_an_inverted_attribution_may_carry_a_lowercase_title(annotate):
    text = ("European troops in Ukraine would be unacceptable, Foreign Ministry spokeswoman Maria Zakharova said.\n\n"
            "The pause should be extended, the Kremlin's chief negotiator Yury Ushakov said on Wednesday.\n")
    _, _, _, _, found = annotate(text)
    assert list(zip(found["speaker"], found["first6"])) == [
        ("Maria Zakharova", "European troops in Ukraine would be"),
        ("Yuri Ushakov", "The pause should be extended"),
    ]


def test_whoever_a_question_asks_to_speak_is_not_reported_as_speaking(annotate):
    text = ("Will the Prime Minister confirm that Putin asked for an end to arms deliveries?\n\n"
            "And will he tell the House what the Americans have offered?\n\n"
            "Starmer said Britain would keep the sanctions in place.\n")
    _, _, _, _, found = annotate(text)
    assert list(zip(found["speaker"], found["first6"])) == [
        ("Keir Starmer", "Britain would keep the sanctions in"),
    ]


def test_unnamed_source_and_according_to(annotate):
    text = ("Several officials said the talks were premature.\n\n"
            "The meeting lasted two hours, according to the Kremlin.\n")
    _, _, _, _, found = annotate(text)
    assert [None if pd.isna(s) else s for s in found["speaker"]] == [None, "Kremlin"]
    assert list(found["unnamed_source"]) == [True, False]
    assert list(found["first6"]) == ["the talks were premature", "The meeting lasted two hours"]


def test_transcript_turns_run_from_one_capitals_label_to_the_next():
    from analysis.actors import default_codebook
    from analysis.quotes import transcript_turns
    text = "PESKOV: First answer.\n\nStill his answer.\n\nQUESTION: Which?\n\nMIKE WALTZ (adviser): Ours.\n"
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    paragraphs = [(start, text.index("\n", start)) for start in starts]
    turns = transcript_turns(text, paragraphs, default_codebook(), "2025-03-19")
    assert [(text[start:end].strip(), speaker) for start, end, speaker in turns] == [
        ("First answer.\n\nStill his answer.", "Dmitry Peskov"), ("Which?", None), ("Ours.", "Mike Waltz")]


def test_a_briefing_record_in_ordinary_case_has_turns_and_a_live_blog_has_none():
    from analysis.actors import default_codebook
    from analysis.quotes import transcript_turns

    def turns(text):
        starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
        paragraphs = [(start, text.index("\n", start)) for start in starts]
        return [(text[a:b].strip(), who) for a, b, who in transcript_turns(text, paragraphs, default_codebook(), "2025-03-19")]

    assert turns("Question: Your comment?\n\nMaria Zakharova: A distortion.\n\nShe went on.\n") == [
        ("Your comment?", None), ("A distortion.\n\nShe went on.", "Maria Zakharova")]
    assert turns("Zelenskyy: Ukraine ready for a full ceasefire\n\nThe president spoke in Kyiv.\n") == []


def test_a_topic_slug_in_capitals_is_a_heading_not_a_turn():
    from analysis.actors import default_codebook
    from analysis.quotes import transcript_turns
    # A wire's "TOPIC: HEADLINE" line has a capitals label too, but nobody speaks in it.
    text = ("PESKOV: First answer.\n\nUKRAINE: KREMLIN, FULL TRUCE ONLY IF WEST STOPS ARMS (3)\n\n"
            "The Russian president agreed to the pause.\n")
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    paragraphs = [(start, text.index("\n", start)) for start in starts]
    turns = transcript_turns(text, paragraphs, default_codebook(), "2025-03-19")
    assert [(text[start:end].strip(), speaker) for start, end, speaker in turns] == [("First answer.", "Dmitry Peskov")]


def test_a_topic_label_gives_the_headline_to_the_name_after_it(annotate):
    text = ("UKRAINE: KREMLIN, FULL TRUCE ONLY IF WEST STOPS ARMS\n\n"
            "Zelenskyy: Ukraine ready for a full ceasefire\n")
    _, _, _, _, found = annotate(text)
    assert list(zip(found["speaker"], found["first6"])) == [
        ("Kremlin", "FULL TRUCE ONLY IF WEST STOPS"), ("Volodymyr Zelenskyy", "Ukraine ready for a full ceasefire")]


def test_a_reporting_verb_before_its_speaker_reports_the_clause_before_it(annotate):
    text = ("Talks on the Black Sea would begin in Riyadh next week, said Marco Rubio, the secretary of state.\n\n"
            "Ukraine was ready for a full truce, says Andrii Sybiha.\n\n"
            "“We are ready,” said Zelenskyy.\n\n"
            "Asked about it, Zelenskyy said Ukraine wanted details.\n")
    _, _, _, _, found = annotate(text)
    rows = list(zip(found["speaker"], found["verb"], found["first6"]))
    assert ("Marco Rubio", "said", "Talks on the Black Sea would") in rows
    assert ("Andrii Sybiha", "says", "Ukraine was ready for a full") in rows
    # a quotation's "..., said X" is the quotation's; a name that opens the content is not inverted
    assert not any(first.startswith("We are ready") for _, _, first in rows)
    assert ("Volodymyr Zelenskyy", "said", "Ukraine wanted details") in rows


def test_a_capitalised_office_finds_its_description(annotate):
    _, found, _, _, _ = annotate("The Russian President agreed to the pause, the Kremlin said.\n", "2025-03-19")
    assert ("The Russian President", "Vladimir Putin") in set(zip(found["surface"], found["actor"]))


def test_a_named_official_after_an_organisation_speaks_not_the_organisation(annotate):
    # the codebook lacks Mao Ning: her name, as printed, is the speaker
    text = ("Chinese Foreign Ministry spokesperson Mao Ning said on Wednesday that all sides should keep talking.\n\n"
            "The Chinese Foreign Ministry said Beijing hoped for a lasting peace.\n")
    _, _, _, _, reported = annotate(text)
    assert list(reported["speaker"]) == ["Mao Ning", "Chinese Foreign Ministry"]
