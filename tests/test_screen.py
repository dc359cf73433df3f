"""The literal screen (``analysis.screen``) may skip a pattern only where it cannot match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import demands, timeline
from analysis.screen import LiteralScreen, Occurrences, fold, required_strings


@pytest.mark.parametrize("pattern, expected", [
    (r"\btruce\b", {"truce"}),
    (r"\b(?:halt|end)\s+(?:to\s+)?fighting", {"fighting"}),  # the longest sure string wins
    (r"\b(?:halt|end) (?:to )?fighting", {"halt fighting", "end fighting", "halt to fighting", "end to fighting"}),
    (r"(?:energy|power) (?:truce|pause)", {"energy truce", "energy pause", "power truce", "power pause"}),
    (r"Moscow[’']s demands", {"moscow’s demands", "moscow's demands"}),
    (r"(?<=\bthe )pause", {"pause"}),  # a lookbehind's text may lie before the span: not required
    (r"ceasefire(?!\s+talks)", {"ceasefire"}),
    (r"(?:rearm\w*|mobilis\w+)", {"rearm", "mobilis"}),
    (r"(?:sanctions)+", {"sanctions"}),
])
def test_required_strings_are_what_every_match_holds(pattern, expected):
    assert required_strings(re.compile(pattern, re.I)) == expected


@pytest.mark.parametrize("pattern", [r"\w+", r"(?:truce|\d+)", r"(?:truce)?\s", r"[^x]+", r".{3}"])
def test_a_pattern_that_can_match_without_a_fixed_string_is_never_skipped(pattern):
    compiled = re.compile(pattern, re.I)
    assert required_strings(compiled) is None
    assert LiteralScreen([compiled]).scan("nothing in here").may_match(0, 0, 15)


def test_fold_keeps_every_offset_and_folds_as_re_ignorecase_does():
    text = "İSTANBUL ſanctions ΟΔΟΣ Kelvin \u212a"
    folded = fold(text)
    assert len(folded) == len(text)
    for i, char in enumerate(text):
        assert re.fullmatch(re.escape(folded[i]), char, re.I), (i, char, folded[i])


def test_a_span_must_hold_the_whole_string():
    screen = LiteralScreen([re.compile(r"\bceasefire\b", re.I)])
    where = screen.scan("A CEASEFIRE. Then talks.")
    assert where.may_match(0, 0, 12)
    assert not where.may_match(0, 13, 24)
    assert not where.may_match(0, 0, 8)  # "ceasefire" runs past the span's end


# Text made of the codebooks' and rules' own words, cased and spelt in every way re.IGNORECASE
# allows, so that the patterns match often and at span edges.
CUE_WORDS = ["ceasefire", "CEASE-FIRE", "truce", "halt to the fighting", "pause", "a pause", "Moscow’s demands",
             "conditions", "withdrawal of Ukrainian troops in Kursk", "end to the war", "peace deal", "sanctions",
             "İ", "ſ", "ı", "K", "ς", "Σ", "no NATO membership", "foreign troops", "must", "demanded", "rejected",
             "would not accept", "only if", "unless", "agreed to", "in principle", "declined to confirm", "proposed",
             "energy infrastructure", "power plants", "prisoner exchange", "elections", "military aid", "rearm",
             "18 March", "March 18, 2025", "Tuesday", "on Tuesday", "3 p.m.", "15:00 GMT", "last week", "30-day",
             "three years ago", "2022", "the anniversary", "spoke", "phone call", "met", "summit", "seized", "said"]
text_of_cues = st.lists(st.one_of(st.sampled_from(CUE_WORDS), st.sampled_from([" ", ". ", ", ", "’s ", "\n", "the "]),
                                  st.text(max_size=4)), max_size=40).map("".join)
SCREENS = {
    "demands": (demands._screen, lambda: [p for _, p, _ in demands._cues()]
                + [demands._stances()[s] for s in demands.STANCE_PRIORITY]),
    "time expressions": (timeline._rule_screen, lambda: [p for _, p in timeline._rules()]),
    "events": (timeline._event_screen, lambda: [p for _, p in timeline.EVENT_PATTERNS]),
}


@pytest.mark.parametrize("name", SCREENS)
@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(text=text_of_cues, a=st.integers(0, 200), b=st.integers(0, 200))
def test_a_screen_never_skips_a_span_where_its_pattern_matches(name, text, a, b):
    screen, patterns = SCREENS[name]
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    where = screen().scan(text)
    for index, pattern in enumerate(patterns()):
        if pattern.search(text, start, end):
            assert where.may_match(index, start, end), (pattern.pattern[:60], text[start:end])


def _every_occurrence(screen: LiteralScreen, text: str) -> dict[str, list[int]]:
    folded, found = fold(text), {}
    for strings in screen.by_word.values():
        for string in strings:
            at = [i for i in range(len(folded)) if folded.startswith(string, i)]
            if at:
                found[string] = at
    return found


@pytest.mark.parametrize("name", SCREENS)
@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(text=text_of_cues)
def test_a_scan_finds_every_occurrence_of_every_string(name, text):
    """Keys found in one pass, then strings checked where their key is (or searched for, where
    the key is common): the same occurrences as looking at every position."""
    screen = SCREENS[name][0]()
    where = screen.scan(text)
    expected = Occurrences(screen, _every_occurrence(screen, text))
    assert where._spans == expected._spans


def test_overlapping_keys_and_a_common_key_are_all_found():
    overlapping = LiteralScreen([re.compile(r"\bwar\b"), re.compile(r"arms")])
    assert set(overlapping.by_word) == {"war", "arms"}
    assert overlapping.scan("warms").may_match(1, 0, 5)  # "arms" starts inside "war"
    common = LiteralScreen([re.compile(r"a\.m\.|am\b"), re.compile(r"arms")])
    text = "warms " + "a.m. am " * 40
    assert set(common.by_word) == {"a"}  # one key, found over a hundred times: searched for, not checked
    assert common.scan(text)._spans == Occurrences(common, _every_occurrence(common, text))._spans
