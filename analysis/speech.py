"""Indirect speech: what an outlet reports someone said, in its own words.

``indirect_speech(corpus)`` returns one row per reported statement without quotation marks, or
mixed with a quoted fragment: "Putin said last week he supported ...", "The Kremlin confirmed on
Monday that ...", "Starmer has accused Putin of seeking to ...", "Ukraine and its Western allies
have long described ... as ...", "after Trump's statement that ...", "..., the Kremlin and a U.S.
official said", "..., said Kaja Kallas, the EU's foreign policy chief", "according to ...". Each row gives the speaker (an actor, or an unnamed source
such as "a U.S. official"), the reporting verb as written, and the reported content with its
offsets. A reporting verb that only attributes a direct quotation ('...,” Trump said'), evidential
passives with no source ("said to be", "reported to be") and questions ("asked whether") are
not indirect speech.
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from .actors import Codebook, Mention, default_codebook
from .attribution import UNNAMED_SOURCES, Speaker, Tracker, clause_start, is_verb_use, reporting_verbs, speaker_before, verb_pattern
from .corpus import Corpus
from .persons import speaking_mentions
from .quotes import first_words, quote_spans

COLUMNS = ["article_id", "outlet", "sentence", "speaker", "speaker_surface", "co_speakers", "verb", "content_start",
           "content_end", "content", "first6", "mixed", "pronoun_speaker", "institution_speaker", "unnamed_source"]
NOMINAL = re.compile(r"(?:[’']s)\s+(statement|claim|assertion|insistence|warning|announcement|suggestion|remarks|"
                     r"comments|argument|admission|pledge|promise|proposal|demand|assurance)\s+that\s+", re.I)
TIME_WORDS = r"(?:on \w+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)|last \w+|this \w+|earlier|later|also|again|previously|repeatedly|recently|in a statement|in an interview|in a post|in remarks|on social media|in a social media post|at a press conference|at a news conference|during a press briefing)"
# Whom a statement was made to, after an inverted attribution: "..., Zelenskyy told reporters".
AUDIENCE = (r"(?:(?:reporters|journalists|the press|the media|lawmakers|parliament|(?:a |the )?(?:news|press) (?:conference|briefing)|"
            r"(?:state |national |Russian |Ukrainian )?(?:television|TV|radio))\b|(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})")
QUOTE_MARKS = "“”‘’\"«»"


def indirect_speech(corpus: Corpus, codebook: Codebook | None = None) -> pd.DataFrame:
    codebook = codebook or default_codebook()
    # Computed once per corpus: demands reads the reported statements too.
    return corpus.shared("indirect_speech", codebook, lambda: _indirect_speech(corpus, codebook)).copy()


def _indirect_speech(corpus: Corpus, codebook: Codebook) -> pd.DataFrame:
    found = speaking_mentions(corpus, codebook)
    outlets = corpus.outlet_of()
    rows = []
    paragraphs_of = corpus.rows_of("paragraphs", "start", "end")
    for article_id, sentences in corpus.rows_of("sentences", "sentence", "start", "end").items():
        text = corpus.texts[article_id]
        mentions = found.get(article_id, [])
        paragraphs = paragraphs_of.get(article_id, [])
        quoted = [(s, e) for p_start, p_end in paragraphs for _, s, e, _ in quote_spans(text, p_start, p_end)]
        tracker = Tracker(codebook, text, mentions, [(start, end) for _, start, end in sentences], quoted)
        labelled = {}
        for p_start, p_end in paragraphs:
            item = _labelled(text, p_start, p_end, mentions, codebook)
            if item:
                labelled[p_start] = item
        for number, s_start, s_end in sentences:
            items = _sentence_items(text, s_start, s_end, mentions, tracker, quoted)
            if s_start in labelled and not items:
                items = [labelled[s_start]]
            for item in items:
                speaker, verb, c_start, c_end = item
                content = text[c_start:c_end]
                rows.append({
                    "article_id": article_id, "outlet": outlets[article_id], "sentence": number,
                    "speaker": speaker.actor, "speaker_surface": speaker.surface,
                    "co_speakers": [c for c in speaker.co_speakers if c], "verb": verb,
                    "content_start": c_start, "content_end": c_end, "content": content,
                    "first6": first_words(content), "mixed": any(q in content for q in "“”‘\"«"),
                    "pronoun_speaker": speaker.pronoun, "institution_speaker": speaker.institution,
                    "unnamed_source": speaker.unnamed,
                })
                tracker.note(c_start, speaker.actor)
    return pd.DataFrame(rows, columns=COLUMNS)


@functools.lru_cache(maxsize=8)
def _title_tail(titles: tuple[str, ...]) -> re.Pattern:
    """The title words that may stand right before a speaker's name, capitalised or not
    ("Foreign Ministry spokeswoman", "the Kremlin's chief negotiator"): any capitalised word, or a
    word of an office in ``codebooks/titles.csv``."""
    words = sorted({w.lower() for t in titles for w in re.findall(r"[\w-]+", t) if len(w) > 2}, key=lambda w: (-len(w), w))
    return re.compile(r"(?:\b(?:[A-Z][\w.’'-]*|(?i:" + "|".join(map(re.escape, words)) + r")(?:[’']s)?)\s+){1,5}$")


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)


def _sentence_items(text, s_start, s_end, mentions, tracker, quoted):
    verbs = reporting_verbs()
    title_tail = _title_tail(tuple(tracker.codebook.titles))
    items = []
    last_speaker = None
    for hit in verb_pattern().finditer(text, s_start, s_end):
        form = hit.group(1).lower()
        verb = verbs[form]
        if _inside(hit.start(), quoted) or not is_verb_use(text, hit, s_start):
            continue
        before = text[max(s_start, hit.start() - 40):hit.start()]
        after = text[hit.end():s_end]
        if re.search(r"\b(?:is|are|was|were|be|been|being)\s+(?:also\s+|widely\s+|reportedly\s+)?$", before) \
                and re.match(r"\s+to\b", after):
            continue  # "said to be", "reported to be": no source
        if re.search(r"\b(?:is|are|was|were|been|being)\s+$", before):
            continue  # passive: "was announced by ..."
        if not verb.indirect:
            continue
        if re.search(r"(?:\bto|\b(?:the|a|an|his|her|its|their|our|whose)|[’']s)\s+$", before):
            continue  # "declined to confirm", "Putin's demands": not a report
        inverted = _inverted(text, hit, s_start, s_end, mentions, quoted)
        if inverted is not None:
            items.append(inverted)
            last_speaker = inverted[0]
            continue
        start = clause_start(text, s_start, hit.start())
        speaker = speaker_before(text, mentions, tracker, start, hit.start())
        quote_close = max([e for s, e in quoted if e <= hit.start()], default=None)
        if (speaker is not None and quote_close is not None
                and re.fullmatch(r"[”’\"]?[^\S\n]*[,.;!?]?[^\S\n]*", text[quote_close:speaker.start])
                and "," not in text[speaker.end:hit.start()]):
            continue  # '...,” Trump said': the attribution of a direct quotation
        if speaker is not None and ASKED_TO_SPEAK.search(text, start, speaker.start) \
                and text[s_start:s_end].rstrip().endswith("?"):
            continue  # "Will the Prime Minister confirm that ...?": asked to say it, not reported as saying it
        if speaker is None:
            if last_speaker is not None and re.search(r"(?:\band\b(?:\s+(?:has|had|have))?|,)\s*$", text[start:hit.start()]):
                speaker = last_speaker  # "... and has demanded ...", "..., noting that ..."
            else:
                continue
        content = _content(text, hit, verb, s_start, s_end, speaker, quoted, mentions, title_tail)
        if content is None:
            continue
        c_start, c_end = content
        if len(text[c_start:c_end].split()) < 2:
            continue
        items.append((speaker, hit.group(1), c_start, c_end))
        last_speaker = speaker
    items.extend(_nominal_items(text, s_start, s_end, mentions, quoted))
    items.extend(_according_to(text, s_start, s_end, mentions, tracker))
    return sorted(items, key=lambda item: item[2])


# An auxiliary right before the speaker in a question: the speaker is asked, not reported.
ASKED_TO_SPEAK = re.compile(r"(?<![\w’'-])(?:will|would|can|could|do|does|did|has|have|shall|should|may|might)\s+\Z", re.I)


# What may stand between an inverted reporting verb and the speaker's name: a title ("said
# Secretary General Mark Rutte", "said the EU's foreign policy chief, Kaja Kallas").
INVERTED_TITLE = re.compile(r"\s+(?:(?:the\s+)?(?:[\w.-]+(?:[’']s)?\s+){0,4}?(?:[\w.-]+,\s+)?)?")


def _inverted(text, hit, s_start, s_end, mentions, quoted):
    """"CONTENT, said Kaja Kallas, the EU's foreign policy chief.": a report whose verb comes
    before its speaker, with no quotation marks (a quotation's "..., said X" is the quote's)."""
    lead = text[s_start:hit.start()].rstrip()
    if not lead.endswith(",") or _inside(s_start, quoted) or text[s_start] in QUOTE_MARKS:
        return None
    c_end = s_start + len(lead) - 1
    if text[c_end - 1] in QUOTE_MARKS or any(s < c_end <= e + 1 for s, e in quoted):
        return None
    speaker = next((m for m in mentions if m.actor and not m.in_title and hit.end() < m.start <= hit.end() + 60), None)
    if speaker is None or not INVERTED_TITLE.fullmatch(text, hit.end(), speaker.start):
        return None
    tail = text[speaker.end:s_end].strip()
    if tail and not re.match(r"[,.!?]", tail):
        return None  # "..., said Trump would ...": the name begins the content of another report
    if len(text[s_start:c_end].split()) < 4:
        return None
    return (Speaker(speaker.actor, text[speaker.start:speaker.end], speaker.start, speaker.end),
            hit.group(1), s_start, c_end)


def _content(text, hit, verb, s_start, s_end, speaker, quoted, mentions, title_tail):
    """Where the reported content of a reporting verb starts and ends, or None."""
    end = s_end
    while end > s_start and text[end - 1] in ".!?":
        end -= 1
    rest_start = hit.end()
    rest = text[rest_start:end]
    # What stands before the speaker's name, less its article and title ("..., President Zelenskyy said",
    # "..., Foreign Ministry spokeswoman Maria Zakharova said").
    lead = re.sub(r"\b(?:the|a|an)\s*$", "", title_tail.sub("", text[s_start:speaker.start]), flags=re.I)
    between = text[speaker.end:hit.start()]
    attributed_after = lead.rstrip().endswith(",") and "," not in between and len(between.split()) <= 6
    if attributed_after and (not rest.strip(" ,;") or re.match(r"\s*,\s*(?:adding|noting|saying|explaining)\b", rest)
                             or re.fullmatch(rf"\s*(?:{AUDIENCE}\s*)?(?:,?\s*{TIME_WORDS}\s*)?", rest)):
        # "The call is expected to ..., the Kremlin and a U.S. official said (on Monday)."
        head_end = lead.rstrip().rstrip(",").rstrip()
        head_end = s_start + len(head_end)
        if head_end <= s_start or _inside(s_start, quoted) or text[s_start] in QUOTE_MARKS:
            return None
        if len(text[s_start:head_end].split()) >= 4:
            return s_start, head_end
    if not rest.strip(" ,;"):
        return None
    # Parenthetical attribution: "If so, Lammy said, the UK and other nations would respond."
    paren = re.match(r"\s*,\s*", rest)
    if paren and attributed_after:
        return rest_start + paren.end(), end
    position = rest_start
    if verb.content == "of":
        of = re.search(r"\bof\s+", rest[:80])
        if not of:
            return None
        position = rest_start + of.end()
    elif verb.content in ("object clause", "object to"):
        that = re.search(r"\bthat\s+", rest[:120])
        colon = rest.find(":", 0, 60)
        if that and (colon < 0 or colon > that.start()):
            position = rest_start + that.end()
        else:
            obj = re.match(r"\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[\w’'.-]+)(?:\s+(?:on|in)\s+[A-Z][\w]+(?:\s+[A-Z]\w+)*)?", rest)
            position = rest_start + (obj.end() if obj else 0)
            if verb.content == "object to":
                to = re.match(r"\s+to\s+", text[position:end])
                if not to:
                    return None
                position += to.end() - len(" to ") + 1
    elif verb.content == "that":
        that = re.match(rf"(?:\s*,?\s*(?:{TIME_WORDS}|in a [\w ]{{1,30}}?|with \w+),?)*\s*that\s+", rest, re.I)
        if not that:
            return None
        position = rest_start + that.end()
    elif verb.content == "to":
        to = re.match(rf"(?:\s*,?\s*{TIME_WORDS},?)*\s*(?=to\s)", rest, re.I)
        if not to:
            return None
        position = rest_start + to.end()
    else:
        adverbials = re.match(rf"(?:\s*,?\s*{TIME_WORDS},?)*\s*", rest, re.I)
        position = rest_start + (adverbials.end() if adverbials else 0)
        that = re.match(r"that\s+", text[position:end])
        if that:
            position += that.end()
    while position < end and text[position].isspace():
        position += 1
    if position >= end or text[position] in ":":
        return None
    if verb.content == "as" and re.match(r"(?:for|on|off|up|in|out)\b", text[position:]):
        return None  # "called for a truce", "called on Russia": not a report of speech
    if re.match(r"(?:yes|no)\b", text[position:]):
        return None  # "said yes to": an answer, not a reported statement
    if text[position] in QUOTE_MARKS and verb.content not in ("of", "as"):
        # A direct quotation after the verb: indirect only if the sentence goes on after it.
        close = next((e for s, e in quoted if s == position + 1), None)
        if close is None or not re.search(r"\w\s+\w", text[close + 1:end]):
            return None
    return position, end


def _labelled(text, p_start, p_end, mentions, codebook):
    """A headline's or live-blog entry's label: 'Zelenskyy: Ukraine ready, but wants details',
    'Kremlin readout: energy truce, but no full ceasefire', or '..., officials say - Kremlin'."""
    line = text[p_start:p_end]
    label = re.match(r"(.+?)(?:\s+(?:readout|statement|says|said))?:\s+(?![“\"‘'])(\S.*)$", line)
    if label and len(label.group(1).split()) <= 4:
        named = [m for m in mentions if m.start == p_start + label.start(1) and m.end == p_start + label.end(1) and m.actor]
        if named and len(label.group(2).split()) >= 2:
            m = named[0]
            content = p_start + label.start(2)
            # "UKRAINE: KREMLIN, FULL TRUCE ONLY IF ...": the label is the story's topic and the
            # name before the comma is who speaks, as an Italian agency's slugs run.
            speaker = [s for s in mentions if s.start == content and s.actor and text.startswith(", ", s.end)]
            if speaker and codebook.actor(m.actor).get("type") != "person":
                m, content = speaker[0], speaker[0].end + 2
            return Speaker(m.actor, text[m.start:m.end], m.start, m.end), None, content, p_end
    tail = re.match(r"(.+?)\s+[-–—]\s+(\S[^-–—]*)$", line)
    if tail and len(line.split()) <= 25:
        named = [m for m in mentions if m.start == p_start + tail.start(2) and m.end == p_end and m.actor]
        if named:
            m = named[0]
            return Speaker(m.actor, text[m.start:m.end], m.start, m.end), None, p_start, p_start + tail.end(1)
    return None


def _nominal_items(text, s_start, s_end, mentions, quoted):
    items = []
    for hit in NOMINAL.finditer(text, s_start, s_end):
        owner = [m for m in mentions if m.end == hit.start() and m.actor]
        if not owner or _inside(hit.start(), quoted):
            continue
        m = owner[0]
        end = s_end
        while end > hit.end() and text[end - 1] in ".!?":
            end -= 1
        items.append((Speaker(m.actor, text[m.start:m.end], m.start, m.end), hit.group(1), hit.end(), end))
    return items


def _according_to(text, s_start, s_end, mentions, tracker):
    items = []
    for hit in re.finditer(r"\b[Aa]ccording to\s+", text[s_start:s_end]):
        at = s_start + hit.end()
        lead = re.match(r"(?:(?:a|an|the|its|his|her)\s+)?(?:[\w-]+\s+)?(?:statement|readout|report|transcript|post|"
                        r"account|spokesperson|spokesman)\s+(?:from|by|of)\s+", text[at:s_end])
        reach = at + (lead.end() if lead else 0)
        source = [m for m in mentions if reach <= m.start <= reach + 40 and m.actor and not m.in_title]
        unnamed = UNNAMED_SOURCES.match(re.split(r"[,.;]", text[at:s_end])[0].strip())
        if not source and not unnamed:
            continue
        m = source[0] if source else Mention("", at, at + len(unnamed.group(0)), None, "unnamed")
        end = s_end
        while end > s_start and text[end - 1] in ".!?":
            end -= 1
        if s_start + hit.start() <= s_start + 2:  # "According to X, CONTENT"
            comma = text.find(",", m.end, end)
            if comma < 0:
                continue
            c_start, c_end = comma + 1, end
        else:                                      # "CONTENT, according to X"
            c_start, c_end = s_start, s_start + hit.start()
        while c_start < c_end and text[c_start].isspace():
            c_start += 1
        c_end = c_start + len(text[c_start:c_end].rstrip(" ,"))
        items.append((Speaker(m.actor, text[m.start:m.end], m.start, m.end, unnamed=m.actor is None,
                              institution=m.actor is not None and tracker.codebook.actor(m.actor).get("type") != "person"),
                      hit.group(0).strip(), c_start, c_end))
    return items
