"""Sentence boundaries in news prose, as character spans.

A rule-based splitter, because the cases that matter in this corpus are few and known:
abbreviations with full stops ("U.S.", "a.m.", "Gen."), British titles without them
("Mr Putin"), initials ("Donald J. Trump"), quotations that end a sentence ('... Tuesday.”'),
questions inside quotations followed by their attribution ('... peace?” he asked'), and
ellipses. A boundary needs terminal punctuation, then white space, then something that
can open a sentence (a capital, a digit or an opening quotation mark).
"""
from __future__ import annotations

import re

# Abbreviations that never end a sentence: a title or a word that needs what follows.
NEVER_FINAL = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl",
    "sen", "rep", "gov", "pres", "rev", "hon", "st", "mt", "ft", "jr", "sr", "vs", "v",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "e.g", "i.e", "cf", "approx", "ca", "fig", "inc", "corp", "ltd", "co", "dept", "est",
}
# Abbreviations that may also end a sentence: a boundary only if a sentence opener follows.
MAYBE_FINAL = {"u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "etc", "d.c", "u.s.a"}
# "No. 10", "Nos. 3 and 4": an abbreviation only before a number ("Is it over? No. It is not.").
BEFORE_NUMBERS = {"no", "nos"}
# A quotation ending in ? or ! followed by its attribution is one sentence, whether the
# speaker is a pronoun ('“...?” he asked', caught by the lower-case rule) or a name.
ATTRIBUTION_AFTER_QUOTE = re.compile(
    r"(?:[A-Z][\w’'.-]*\s+){1,4}(?:said|says|asked|asks|told|tells|added|adds|wrote|writes|replied|"
    r"insisted|declared|demanded|shouted|tweeted|posted|continued|warned|stressed)\b")
SENTENCE_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
    "but", "and", "in", "on", "at", "his", "her", "its", "their", "there", "mr", "mrs", "ms",
}

CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?])+[\"'”’)\]]*(?=\s)")
OPENER = re.compile(r"\s+([\"'“‘(\[]*)([A-Z0-9À-ÖØ-Þ])")
WORD_BEFORE = re.compile(r"(\S+)$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the sentences in ``text[start:end]``, offsets into ``text``,
    with surrounding white space excluded."""
    end = len(text) if end is None else end
    spans = []
    sentence_start = start
    for m in CANDIDATE.finditer(text, start, end):
        following = OPENER.match(text, m.end(), end)
        if not following or not _is_boundary(text, sentence_start, m, following):
            continue
        spans.append((sentence_start, m.end()))
        sentence_start = following.start(1)
    spans.append((sentence_start, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_boundary(text: str, sentence_start: int, m: re.Match, following: re.Match) -> bool:
    punct = m.group(0).rstrip("\"'”’)]")
    if punct in ("?", "!") and m.group(0) != punct and ATTRIBUTION_AFTER_QUOTE.match(text, following.start(2)):
        return False
    if punct != ".":
        return True  # !, ?, ellipsis, or several marks: followed by a capital, a new sentence
    word = WORD_BEFORE.search(text, sentence_start, m.start())
    if not word:
        return True
    token = word.group(1).lstrip("\"'“‘([").lower()
    if token in NEVER_FINAL:
        return False
    if token in BEFORE_NUMBERS:
        return not following.group(2).isdigit()
    if re.fullmatch(r"[a-z]", token):
        return False  # an initial: "Donald J. Trump"
    if token in MAYBE_FINAL or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
        next_word = re.match(r"[A-Za-z]+", text[following.start(2):])
        return bool(next_word) and next_word.group(0).lower() in SENTENCE_OPENERS
    return True


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
