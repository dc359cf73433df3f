"""People the codebook does not name, found where the text itself shows they are people.

A new outlet quotes its own ministers, MPs and spokespeople: "Foreign Minister Margus Tsahkna
(Eesti 200) said ...", "opposition Isamaa MP Kaarel Vahtra was blunter", "..., said Liina Saar".
The actor codebook cannot list them all, yet without them a quotation goes unattributed and a
following "he said" is taken for the last codebook person named. ``speaking_mentions`` adds them
to the codebook mentions, for the quote, speech and demand annotators only: the actor-mention
table stays the codebook's, and ``actors.uncoded_names`` still lists these names to add.

A run of two or three capitalised words (any alphabet's capitals: "Kęstutis Budrys") is taken for
a person when a title from ``codebooks/titles.csv`` stands right before it, or a reporting verb
right after it (past a party in brackets or an apposition between commas), or an inverted
reporting verb right before it ("..., said Liina Saar"), or a description ending in a title right
after it ("Elena Varga, a Hungarian diplomat,"). Its actor is the name as printed; its title and
description are marked as a codebook person's are. A later surname alone, or an honorific and the
surname, is the same person, and so is a first word that begins only one such name ("Guo" after
"Guo Jiakun": names written family name first).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .actors import (DEMONYMS, NOT_NAMES, Codebook, Mention, _add_appositions, _add_titles, _apposition_patterns,
                     _not_actors, article_mentions)
from .attribution import reporting_verbs, verb_pattern
from .corpus import Corpus

# A capitalised word in any alphabet; which words count is checked in code (str.isupper).
WORD = r"[^\W\d_a-zß-öø-ÿ][^\W\d_’'-]*(?:-[^\W\d_]+)?"
RUN = re.compile(rf"(?<![\w’'.-]){WORD}(?:[ \t]+{WORD}){{1,4}}")
PARTY = r"(?:\s*\([^()\n]{1,30}\))?"                  # "Margus Tsahkna (Eesti 200)"
APPOSITION = r"(?:\s*,[^,;:.!?\n“”\"]{1,80},)?"      # "Liina Saar (SDE), deputy chair of ...,"
# Words of an institution's or a place's name, not a person's ("General Affairs Council").
INSTITUTION_WORDS = {"Affairs", "Council", "Committee", "Commission", "Ministry", "Office", "Room", "House", "Party",
                     "Union", "Parliament", "Agency", "Service", "News", "Times", "Post", "Academy", "Institute",
                     "University", "Centre", "Center", "Foundation", "Bank", "Fund", "Group", "Forces", "Army", "Street",
                     "Square", "Palace", "Hall", "Building", "Airport", "Region", "Oblast", "Province", "City",
                     "Republic", "Federation", "Kingdom", "States", "Nations", "Organisation", "Organization", "Club"}
ADVERB = r"(?:\s+(?:also|later|then|earlier|previously|separately|again|has|had|have|was|were|is))*"


def speaking_mentions(corpus: Corpus, codebook: Codebook) -> dict[str, list[Mention]]:
    """Codebook mentions and the uncoded persons of each article, in text order. Found once per
    corpus and codebook; every caller gets its own copies."""
    found = corpus.shared("speaking_mentions", codebook, lambda: _with_persons(corpus, codebook))
    return {article_id: [Mention(m.article_id, m.start, m.end, m.actor, m.form, m.title, m.in_title) for m in ms]
            for article_id, ms in found.items()}


def _with_persons(corpus: Corpus, codebook: Codebook) -> dict[str, list[Mention]]:
    out = {}
    paragraphs = corpus.rows_of("paragraphs", "start", "end")  # page chrome names no speaker
    for article_id, found in article_mentions(corpus, codebook).items():
        text = corpus.texts[article_id]
        persons = uncoded_persons(article_id, text, found, codebook, paragraphs.get(article_id, []))
        if not persons:
            out[article_id] = found
            continue
        merged = []
        for p_start, p_end in paragraphs.get(article_id, []):
            # "Chinese foreign ministry spokesman Guo Jiakun": the ministry is his title, as it would
            # be a codebook person's, so that he, not the ministry, is the clause's subject
            within = [m for m in found + persons if p_start <= m.start < p_end]
            own = [m for m in persons if p_start <= m.start < p_end]
            if own:
                _add_titles(text, p_start, within, codebook, own)
                _add_appositions(text, p_start, p_end, within, codebook, own)
            merged += within
        placed = {id(m) for m in merged}
        merged += [m for m in found + persons if id(m) not in placed]
        out[article_id] = sorted(merged, key=lambda m: (m.start, m.end))
    return out


@lru_cache(maxsize=8)
def _title_words(titles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for t in titles for w in t.split()) - {"of", "the"}


def _is_title(word: str, title_words: frozenset[str]) -> bool:
    return word.lower().rstrip(".") in title_words


def _is_name_word(word: str, title_words: frozenset[str]) -> bool:
    return (word[0].isupper() and not word.isupper() and word not in NOT_NAMES and word not in DEMONYMS
            and not _is_title(word, title_words) and not word.endswith(("’s", "'s")))


def uncoded_persons(article_id: str, text: str, found: list[Mention], codebook: Codebook,
                    paragraphs: list[tuple[int, int]]) -> list[Mention]:
    """Mentions (form "uncoded", actor the printed name) of the people an article names that no
    codebook alias covers; see the module docstring for what makes a name a person's."""
    title_words = _title_words(tuple(codebook.titles))
    not_actors = _not_actors()
    covered = [(m.start, m.end) for m in found]
    verbs = verb_pattern()
    persons: list[Mention] = []
    names: dict[str, str] = {}  # surname -> full name
    given: dict[str, set[str]] = {}  # first word -> the full names it begins
    for run in (run for start, end in paragraphs for run in RUN.finditer(text, start, end)):
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run.group())]
        words = [(run.start() + a, run.start() + b) for a, b in words]
        # Title words ("Foreign Minister", "MP") say a person follows; they are not the name, and
        # name-like words before them are not either ("Lithuanian Foreign Minister Kęstutis Budrys").
        titled, name_words = False, []
        for a, b in words:
            word = text[a:b]
            if _is_name_word(word, title_words):
                if len(name_words) == 3:
                    break
                name_words.append((a, b))
            elif name_words and not _is_title(word, title_words):
                break
            else:
                titled = _is_title(word, title_words)  # "Minister for European Affairs": no longer titled
                name_words = []
        if len(name_words) < 2 or any(text[a:b] in INSTITUTION_WORDS for a, b in name_words):
            continue
        start, end = name_words[0][0], name_words[-1][1]
        if any(s < end and start < e for s, e in covered) or text[start:end] in not_actors:
            continue
        if not titled:
            before = text[max(0, start - 40):start]
            word_before = re.search(r"(?<![\w’'-])([\w.-]+),?\s+\Z", before)  # "Its spokesperson, Guo Jiakun,"
            titled = word_before is not None and _is_title(word_before.group(1), title_words)
        speaks = re.match(PARTY + APPOSITION + ADVERB + r"\s+", text[end:end + 160])
        speaks = speaks is not None and verbs.match(text, end + speaks.end()) is not None
        inverted = re.search(r",[”\"’]?[ \t]+([\w-]+)[ \t]+\Z", text[max(0, start - 20):start])  # "..., said Liina Saar"
        inverted = inverted is not None and inverted.group(1).lower() in reporting_verbs()
        # "Elena Karstens, a German diplomat, ...": a description ending in a title says who she is
        described = _apposition_patterns(tuple(codebook.titles))[1].match(text[end:end + 80])
        if not (titled or speaks or inverted or described):
            continue
        name = " ".join(text[start:end].split())
        persons.append(Mention(article_id, start, end, name, "uncoded"))
        covered.append((start, end))
        names.setdefault(text[name_words[-1][0]:name_words[-1][1]], name)
        given.setdefault(text[name_words[0][0]:name_words[0][1]], set()).add(name)
    if not names:
        return persons
    # Names written family name first ("Guo Jiakun", then "Guo urged ..."): a first word that
    # stands for one person only, and is no one's surname, refers to that person too.
    names.update({word: next(iter(full)) for word, full in given.items() if len(full) == 1 and word not in names})
    # Later references by surname alone ("Tsahkna said", "Ms Saar").
    surname = re.compile(r"(?<![\w’'.-])(" + "|".join(re.escape(s) for s in sorted(names, key=len, reverse=True))
                         + r")(?![\w’'-])")
    first = min(m.start for m in persons)
    for hit in (hit for start, end in paragraphs for hit in surname.finditer(text, max(start, first), end)):
        start, end = hit.span()
        if any(s < end and start < e for s, e in covered):
            continue
        persons.append(Mention(article_id, start, end, names[hit.group(1)], "uncoded"))
        covered.append((start, end))
    return persons
