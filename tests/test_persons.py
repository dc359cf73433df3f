"""People the codebook does not name, as speakers: small texts written for the test."""
from __future__ import annotations

import pytest

from analysis.actors import default_codebook, mentions
from analysis.demands import demands
from analysis.persons import speaking_mentions
from analysis.quotes import quotes
from analysis.speech import indirect_speech

TEXT = ("Foreign Minister Anneli Kõrts (Reform) said the sanctions had to stay.\n\n"
        "Opposition MP Jaan Tamm was blunter. \"There can be no talk of easing sanctions on Russia before a "
        "full ceasefire,\" he said.\n\n"
        "Ülle Rebane, deputy chair of the foreign affairs committee, said the pause was welcome.\n\n"
        "\"Moscow is simply stalling for time,\" said Marek Sõber, a defence analyst.\n\n"
        "Tamm later told reporters the vote would come next week.\n\n"
        "The General Affairs Council met in Brussels. Elena Park Street was closed.\n")


@pytest.fixture
def persons(one_article):
    corpus = one_article(TEXT)
    found = speaking_mentions(corpus, default_codebook())["story"]
    return corpus, {(corpus.texts["story"][m.start:m.end], m.actor) for m in found if m.form == "uncoded"}


def test_titled_or_speaking_names_are_persons_and_a_surname_points_back(persons):
    _, found = persons
    assert found == {("Anneli Kõrts", "Anneli Kõrts"), ("Jaan Tamm", "Jaan Tamm"), ("Ülle Rebane", "Ülle Rebane"),
                     ("Marek Sõber", "Marek Sõber"), ("Tamm", "Jaan Tamm")}


def test_the_actor_mention_table_stays_the_codebooks(persons):
    corpus, _ = persons
    assert not mentions(corpus)["actor"].isin(["Jaan Tamm", "Anneli Kõrts"]).any()


def test_uncoded_persons_speak_and_he_points_to_them(persons):
    corpus, _ = persons
    said = quotes(corpus)["quotes"]
    assert list(zip(said["speaker"], said["first6"])) == [
        ("Jaan Tamm", "There can be no talk of"),
        ("Marek Sõber", "Moscow is simply stalling for time"),
    ]
    reported = indirect_speech(corpus)
    assert {"Anneli Kõrts", "Ülle Rebane", "Jaan Tamm"} <= set(reported["speaker"])
    held = demands(corpus)
    assert ("Jaan Tamm", "ease_sanctions", "reject") in set(zip(held["who"], held["category"], held["stance"]))


def _holders(positions, text: str) -> set[tuple[str, str, str]]:
    return {(who, category, stance) for who, category, stance, _ in positions(text)}


@pytest.mark.parametrize("text", [
    # the ministry in her title is no subject of its own
    "Chinese foreign ministry spokesman Guo Jiakun urged all parties to reach a lasting peace agreement.\n",
    "Guo Jiakun, the Chinese foreign ministry spokesman, said all parties should reach a lasting peace agreement.\n",
    # a name written family name first is taken up again by that name
    "Spokesperson Guo Jiakun told reporters that China welcomed the talks.\n\n"
    "Guo urged all parties to reach a lasting peace agreement.\n",
])
def test_an_uncoded_spokesperson_not_the_ministry_in_the_title_holds_the_call(positions, text):
    assert ("Guo Jiakun", "broader_settlement", "demand") in _holders(positions, text)


def test_a_description_ending_in_a_title_makes_a_name_a_person(positions):
    text = ("Elena Varga, a Hungarian diplomat, spoke on Wednesday. Any settlement, she stressed, must fully respect "
            "Ukraine's sovereignty and territorial integrity.\n")
    assert ("Elena Varga", "sovereignty_not_negotiable", "demand") in _holders(positions, text)


def test_a_standing_before_the_office_keeps_the_person_the_subject(positions):
    text = ("In parliament, opposition Isamaa MP Jaan Tamm was blunter. \"There can be no talk of easing sanctions "
            "before a full ceasefire,\" he said.\n")
    assert ("Jaan Tamm", "ease_sanctions", "reject") in _holders(positions, text)


def test_a_given_name_shared_by_two_people_refers_to_neither(one_article):
    corpus = one_article("Foreign Minister Anna Berg said the talks mattered. MP Anna Holm said they did not.\n\n"
                         "Anna left early.\n")
    found = speaking_mentions(corpus, default_codebook())["story"]
    assert "Anna" not in {corpus.texts["story"][m.start:m.end] for m in found}
