"""Hypothesis strategies for hostile article text (used by ``tests/test_robustness.py``).

Each strategy draws the text of one article file. Together they cover what a real corpus
folder can hold and the annotators were never written for: arbitrary Unicode, invisible and
right-to-left characters, every line ending, paragraphs tens of thousands of characters long,
unbalanced and nested quotation marks of every kind, empty and blank files, runs of
punctuation, and news prose (names, reporting verbs, dates, demands) cut up with junk, so the
annotators' deeper code paths run on it and not only their first regular expression.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

QUOTE_MARKS = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "‚", "‹", "›"]
# Pairs as outlets use them (English, German, French, Swiss) and as they are mistyped.
QUOTE_PAIRS = [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("«", "»"), ("„", "“"), ("‚", "‘"), ("‹", "›"),
               ("»", "«"), ("”", "“"), ("’", "‘")]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u0336", "\u20dd", "\u0489"]
RIGHT_TO_LEFT = ["שלום", "مرحبا", "\u200f", "\u202e", "\u202b", "\u2067", "\u061c", "كييف", "\u202c"]
EMOJI = ["🇺🇦", "🇷🇺", "👍🏽", "👨‍👩‍👧", "🕊️", "☎️", "🔥", "\U0001f600", "🏳️‍🌈"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u034f"]
SPACES = ["\u00a0", "\u202f", "\u2009", "\u2007", "\u3000", "\t", " ", "  ", "\u1680", "\u205f"]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]
PUNCTUATION_RUNS = ["...", "…", "—", "–", "???", "!!!", "::", ";;", ",,", "?!", "!?", "....", "-- ", "———", ". . .",
                    "(", ")", "[", "]", "/", "\\", "*", "#", "@", "&", "%", "$", "£", "€", "·", "•"]

NAMES = ["Trump", "Donald Trump", "Putin", "Vladimir Putin", "Mr Putin", "Mr. Trump", "President Putin",
         "US President Donald Trump", "the US president", "Zelenskyy", "Volodymyr Zelenskyy", "the Kremlin",
         "Kremlin", "Dmitry Peskov", "Peskov", "Keir Starmer", "Emmanuel Macron", "Marco Rubio", "Steve Witkoff",
         "Karoline Leavitt", "Kaja Kallas, the EU’s top diplomat,", "Nato", "NATO", "the White House", "Moscow",
         "Kyiv", "Washington", "Russia", "Ukraine", "the US", "U.S.", "the EU", "Britain", "his Russian counterpart",
         "his country", "his administration", "his forces", "a spokesperson", "the press service", "a U.S. official",
         "she", "he", "they", "it", "Anna Kowal", "Jean-Luc M. Dupont", "Sir Keir", "Prime Minister"]
VERBS = ["said", "says", "told reporters", "added", "insisted", "warned", "claimed that", "confirmed on Monday that",
         "accused Putin of", "asked whether", "wrote on Truth Social", "described it as", "according to",
         "has said", "will speak to", "spoke with", "met", "rejected", "demanded", "agreed to", "accepts in principle",
         "refused to confirm", "proposed", "set out conditions for", "’s statement that", "'s claim that"]
TIME_PHRASES = ["on Tuesday", "on Monday", "last week", "over the weekend", "on 18 March", "March 18, 2025",
                "between 9 a.m. and 11 a.m. ET", "at 14:00 GMT", "at 13 pm ET", "at 9:75 a.m. ET", "30-day",
                "three-year-old", "each week", "in August", "three years ago", "in 2022", "next month", "tomorrow",
                "yesterday", "tonight", "this evening", "on Sunday evening", "earlier this week", "recently",
                "29 February", "on 31 February", "on 0 March", "on 99 April", "June 31", "99999999 days ago",
                "400 years ago", "12 weeks ago", "the third anniversary of the full-scale invasion",
                "the 99th anniversary of the invasion", "in the coming days", "by the weekend", "next year",
                "last year", "Feb. 24, 2022", "Sept. 9", "2:30pm Kyiv time", "overnight", "for several hours"]
DEMAND_PHRASES = ["a 30-day ceasefire", "a halt to Ukraine's mobilisation", "an end to Western military aid",
                  "security guarantees", "Nato membership for Ukraine", "recognition of Crimea", "sanctions relief",
                  "the conditions", "a prisoner exchange", "peacekeepers", "a US-backed proposal",
                  "Washington’s proposal", "the root causes of the conflict", "the energy infrastructure",
                  "land and power plants", "territory", "elections in Ukraine"]
WORDS = ["the", "a", "and", "that", "but", "which", "of", "to", "in", "on", "was", "is", "will", "would",
         "talks", "call", "peace", "war", "deal", "plan", "troops", "officials", "reporters", "statement",
         "ready", "not", "any", "must", "first", "also", "however", "while", "although", "because"]
JUNK = RIGHT_TO_LEFT + EMOJI + INVISIBLE + COMBINING + PUNCTUATION_RUNS + QUOTE_MARKS


def _join(parts: list[str]) -> str:
    return "".join(parts)


# --- single ingredients -------------------------------------------------------------------

line_end = st.sampled_from(LINE_ENDS)
space = st.sampled_from(SPACES)
quote_mark = st.sampled_from(QUOTE_MARKS)
punctuation_run = st.sampled_from(PUNCTUATION_RUNS).flatmap(lambda p: st.integers(1, 6).map(lambda n: p * n))

# st.text() excludes surrogates by default, so every draw can be written as UTF-8.
any_unicode = st.text(max_size=200)
exotic_char = st.sampled_from(COMBINING + RIGHT_TO_LEFT + EMOJI + INVISIBLE + SPACES + LINE_ENDS + QUOTE_MARKS)
exotic_text = st.lists(st.one_of(exotic_char, st.text(max_size=5), st.sampled_from(WORDS)), max_size=60).map(_join)


@st.composite
def news_sentence(draw) -> str:
    """A sentence of wire prose (speaker, verb, date, demand), possibly with a quotation."""
    parts = [draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS))]
    parts += draw(st.lists(st.sampled_from(WORDS + TIME_PHRASES + DEMAND_PHRASES + NAMES), max_size=8))
    if draw(st.booleans()):
        opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
        inner = " ".join(draw(st.lists(st.sampled_from(WORDS + DEMAND_PHRASES + TIME_PHRASES + NAMES), max_size=10)))
        where = draw(st.sampled_from(["end", "start", "middle"]))
        if draw(st.integers(0, 3)) == 0:
            closing = ""  # unclosed
        quoted = f"{opening}{inner}{draw(st.sampled_from(['', ',', '.', '?', '!']))}{closing}"
        if where == "start":
            parts = [quoted] + parts
        elif where == "end":
            parts = parts + [quoted]
        else:
            parts.insert(len(parts) // 2, quoted)
    sentence = " ".join(parts)
    return sentence[:1].upper() + sentence[1:] + draw(st.sampled_from([".", ".", "?", "!", "…", "", ".”", "!’"]))


@st.composite
def news_with_junk(draw) -> str:
    """Paragraphs of news prose with junk spliced in at word boundaries and line ends of every kind."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        sentences = draw(st.lists(news_sentence(), min_size=1, max_size=4))
        words = " ".join(sentences).split(" ")
        for _ in range(draw(st.integers(0, 4))):
            at = draw(st.integers(0, len(words)))
            words.insert(at, draw(st.one_of(st.sampled_from(JUNK), punctuation_run, exotic_text)))
        paragraphs.append(" ".join(words))
    separators = draw(st.lists(line_end, min_size=len(paragraphs), max_size=len(paragraphs)))
    return "".join(p + sep for p, sep in zip(paragraphs, separators))


@st.composite
def nested_quotes(draw, depth: int = 0) -> str:
    """Quotations inside quotations, with marks of every kind, some never closed, some stray."""
    opening, closing = draw(st.sampled_from(QUOTE_PAIRS))
    inner = [draw(st.sampled_from(WORDS + NAMES + VERBS)) for _ in range(draw(st.integers(0, 6)))]
    if depth < 3 and draw(st.booleans()):
        inner.insert(draw(st.integers(0, len(inner))), draw(nested_quotes(depth + 1)))
    if draw(st.booleans()):
        inner.append(draw(quote_mark))  # a stray mark
    closing = draw(st.sampled_from([closing, closing, "", draw(quote_mark)]))
    return f"{opening}{' '.join(inner)}{closing}"


@st.composite
def quote_soup(draw) -> str:
    """Prose full of unbalanced and nested quotation marks, over one or several paragraphs."""
    pieces = draw(st.lists(st.one_of(nested_quotes(), news_sentence(), quote_mark, st.sampled_from(NAMES + VERBS)),
                           min_size=1, max_size=12))
    glue = draw(st.lists(st.sampled_from([" ", " ", ", ", ": ", "\n", "\r\n", " — "]), min_size=len(pieces),
                         max_size=len(pieces)))
    return "".join(p + g for p, g in zip(pieces, glue))


@st.composite
def long_paragraph(draw) -> str:
    """One paragraph of tens of thousands of characters with no full stop anywhere."""
    unit = " ".join(draw(st.lists(st.sampled_from(WORDS + NAMES + VERBS + TIME_PHRASES + DEMAND_PHRASES + QUOTE_MARKS
                                                  + ["—", "," , ";", "::", "!!!"]),
                                  min_size=5, max_size=40)))
    unit = unit.replace(".", "")
    repeat = max(1, draw(st.integers(20_000, 30_000)) // (len(unit) + 1))
    text = " ".join([unit] * repeat)
    return text + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def punctuation_soup(draw) -> str:
    """Runs of punctuation with few or no words: ellipses, dashes, ???, !!!, ::, stray marks."""
    pieces = draw(st.lists(st.one_of(punctuation_run, quote_mark, st.sampled_from(WORDS + NAMES), line_end, space),
                           min_size=1, max_size=80))
    return "".join(pieces)


blank_article = st.one_of(
    st.just(""),
    st.lists(st.sampled_from([" ", "\t", "\n", "\r\n", "\r", "\x0b", "\x0c"]), min_size=1, max_size=20).map(_join),
    # Not white space to bytes.strip(), so the loader must take it as text (it prints nothing).
    st.lists(st.sampled_from(["\u00a0", "\u200b", "\ufeff", "\u3000", "\u2028", " ", "\n"]), min_size=1,
             max_size=20).map(_join),
)

article_text = st.one_of(
    any_unicode, exotic_text, news_with_junk(), quote_soup(), punctuation_soup(), blank_article,
)
"""Any one article of the kinds above (the long paragraph is its own test: it is slow to draw)."""

# Publication dates across leap days, year ends and ISO weeks 53; far enough from the
# calendar's ends that "400 years ago" stays a date.
article_date = st.one_of(
    st.sampled_from([dt.date(2025, 3, 17), dt.date(2024, 2, 29), dt.date(2020, 12, 31), dt.date(2021, 1, 1),
                     dt.date(2026, 12, 28), dt.date(2015, 1, 4)]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
).map(dt.date.isoformat)
