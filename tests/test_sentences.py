"""Sentence boundaries in news prose: the abbreviation, quotation and ellipsis cases."""
from __future__ import annotations

import pytest

from analysis.sentences import split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    for s, e in spans:
        assert text[s:e] == text[s:e].strip() and text[s:e], (s, e)
    return [text[s:e] for s, e in spans]


CASES = {
    # "U.S." before a name or title is not a sentence end.
    "us-mid-sentence": [
        "U.S. Secretary of State Marco Rubio said the talks had gone well.",
        "He gave no details.",
    ],
    "us-mid-sentence-after-word": [
        "Kyiv agreed to a U.S. proposal for a truce and the U.S. Senate welcomed it.",
    ],
    # Clock times.
    "am-pm-mid-sentence": [
        "The call is due between 9 a.m. and 11 a.m. ET on Tuesday, an official said.",
        "Officials confirmed the slot.",
    ],
    "am-before-capitalised-word": [
        "It will start at 9 a.m. Eastern time, officials said.",
    ],
    "pm-mid-sentence": [
        "The leaders spoke until 4 p.m. on Tuesday.",
    ],
    # Titles, with and without full stops.
    "mr-without-stop": [
        "Mr Putin said little.",
        "Mr Trump said more.",
    ],
    "mr-with-stop": [
        "Mr. Putin said little.",
        "Mrs. Jones and Ms. Smith said more.",
    ],
    "military-and-other-titles": [
        "Gen. Smith agreed with Dr. Jones and Sen. Brown.",
        "Lt. Col. Green did not.",
    ],
    # Initials.
    "middle-initial": [
        "Donald J. Trump spoke first.",
        "Then the Kremlin replied.",
    ],
    "dotted-initials": [
        "Vice President J.D. Vance listened.",
        "J.D. Vance then left the room.",
    ],
    "spaced-initials": [
        "The envoy met J. D. Vance on Monday.",
    ],
    # Quotations that end a sentence.
    "quote-ends-sentence": [
        "Peskov said: “Such a conversation is planned for Tuesday.”",
        "Mr Trump said a lot of work had been done.",
    ],
    "straight-quote-ends-sentence": [
        'Peskov said: "The call is planned for Tuesday."',
        "The White House agreed.",
    ],
    # A question inside a quotation, then its attribution: one sentence.
    "question-in-quote-pronoun-attribution": [
        "“Are you serious?” he asked.",
        "Nobody answered.",
    ],
    "several-sentences-inside-one-quote": [
        "He said: “Are you serious?",
        "Will you stop the fighting?”",
        "The minister sat down.",
    ],
    # Ellipses: a boundary before a capital, none before a lower-case word.
    "ellipsis-before-capital": [
        "He said troops would not be deployed in a national capacity …",
        "If they appear, they will be targets.",
    ],
    "three-dots-before-capital": [
        "We will wait...",
        "The Kremlin replied.",
    ],
    "ellipsis-mid-sentence": [
        "We will wait ... and see what the other side does.",
    ],
    "unicode-ellipsis-mid-sentence": [
        "We will wait … and see what the other side does.",
    ],
    # An abbreviation that really does end a sentence.
    "us-at-sentence-end": [
        "He lives in the U.S.",
        "The move surprised his friends.",
    ],
    "am-at-sentence-end": [
        "The call began at 10 a.m.",
        "The Kremlin gave no details.",
    ],
    "un-at-sentence-end-then-pronoun": [
        "The plan was sent to the U.N.",
        "It has not replied.",
    ],
    # Numbers.
    "decimals-and-thousands": [
        "Some 2.5 million people have fled and 3.7% of homes were hit.",
        "The call starts at 1,300 GMT and costs $1.2bn a year.",
        "Then it ends.",
    ],
    "number-at-sentence-end": [
        "The death toll rose to 1,300.",
        "Another 2.5 million were displaced.",
    ],
    # Other endings.
    "question-and-exclamation": [
        "Will the truce hold?",
        "Nobody knows!",
        "The talks go on.",
    ],
}

def _cases():
    for name, expected in CASES.items():
        yield pytest.param(" ".join(expected), expected, id=name)


@pytest.mark.parametrize("text, expected", list(_cases()))
def test_split(text, expected):
    assert sentences(text) == expected


def test_question_in_quote_with_named_attribution_is_one_sentence():
    text = "“Will you stop the fighting?” Lammy asked MPs. The minister sat down."
    assert sentences(text) == ["“Will you stop the fighting?” Lammy asked MPs.", "The minister sat down."]


def test_no_is_an_abbreviation_only_before_a_number():
    assert sentences("Is it over? No. It is not. He lives at No. 10 Downing Street.") == [
        "Is it over?", "No.", "It is not.", "He lives at No. 10 Downing Street."]


def test_paragraph_breaks_do_not_hide_a_boundary():
    text = "The Kremlin confirmed the call.\n\nThe White House said it would last an hour."
    assert sentences(text) == ["The Kremlin confirmed the call.", "The White House said it would last an hour."]


def test_offsets_are_into_the_full_text_when_start_and_end_are_given():
    before = "HEADLINE LINE\n\nWASHINGTON (Wire) - "
    body = "U.S. officials met on Monday. Gen. Smith said: “It went well.” The talks resume at 9 a.m. on Tuesday."
    after = "\n\n(Reporting by Jane Roe.) Trailing text that must not be read."
    text = before + body + after
    start, end = len(before), len(before) + len(body)
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == [
        "U.S. officials met on Monday.",
        "Gen. Smith said: “It went well.”",
        "The talks resume at 9 a.m. on Tuesday.",
    ]
    assert spans[0][0] == start and spans[-1][1] == end
    assert all(start <= s < e <= end for s, e in spans)


def test_offsets_exclude_surrounding_white_space_of_the_range():
    text = "Intro.   Padded sentence one. Padded sentence two.   \n Outro."
    start, end = text.index("   Padded"), text.index(" Outro")
    spans = split_sentences(text, start, end)
    assert [text[s:e] for s, e in spans] == ["Padded sentence one.", "Padded sentence two."]
    assert spans[0][0] == text.index("Padded")


def test_empty_or_blank_range_has_no_sentences():
    text = "One sentence.   \n\n   Another."
    assert split_sentences(text, 13, 21) == []
    assert split_sentences("") == []


def test_seed_sentences_with_abbreviations(seed_corpus):
    """Sentences of the Reuters seed that contain 'U.S.' and 'a.m.' come out whole."""
    texts = set(seed_corpus.sentences["text"])
    for whole in (
        "The call is expected to take place between 9 a.m. and 11 a.m. ET (1300 GMT to 1500 GMT), "
        "the Kremlin and a U.S. official said.",
        "“Many elements of a Final Agreement have been agreed to, but much remains,” Trump said in a social "
        "media post on Monday.",
    ):
        assert whole in texts, whole
    assert any(t.startswith("U.S. Secretary of State Marco Rubio told") for t in texts)
    assert not any(t in ("U.S.", "a.m.", "9 a.m.") for t in texts)
