"""Direct quotations and the fragments an outlet puts in quotation marks.

``quotes(corpus)`` returns two tables. ``quotes``: one row per quoted span of four or more
words attributed to a speaker, with its offsets (the words inside the marks), speaker,
attribution verb and flags:

- ``partial``: embedded in a sentence of the outlet's ('... had got “a good commitment ...”');
- ``cross_paragraph``: the same utterance over several paragraphs (a paragraph left open and the
  next one reopening, or a following paragraph that is all quotation with no attribution);
- ``unclosed``: the closing mark is missing, the span runs to the paragraph end;
- ``pronoun_speaker`` / ``institution_speaker``: the speaker came through "he said" or through
  an institution ("the Kremlin said", "a Downing Street spokesperson said").

``fragments``: spans of one to three words (scare quotes, quoted single words) and quoted names
or titles ("The Guy Benson Show", a so-called “coalition of the willing”), which are not quotes.

Straight and curly, double and single quotation marks all work; inner quotes inside a quotation
are part of it. A speaker is found after the closing mark ('...,” Rubio said', '...,” said
Peskov', '...,” he said'), before the opening mark in the same sentence ('Peskov said: “...',
'Leavitt said “...'), from the previous span of the same paragraph, from the previous paragraph
for a continued quotation, or as the subject of the previous sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from .actors import Codebook, Mention, default_codebook, subject_mentions
from .attribution import Speaker, Tracker, clause_start, is_verb_use, speaker_before, speaker_phrase, verb_pattern
from .corpus import Corpus
from .persons import speaking_mentions

OPEN_DOUBLE, CLOSE_DOUBLE = "“„«", "”»"
OPEN_SINGLE, CLOSE_SINGLE = "‘‹", "’›"
QUOTATION_MARK = re.compile("[" + re.escape(OPEN_DOUBLE + CLOSE_DOUBLE + OPEN_SINGLE + CLOSE_SINGLE + "\"'") + "]")
DETERMINERS = {"the", "a", "an", "so-called", "this", "that", "its", "their", "his", "her", "our", "dubbed", "called"}
QUOTE_COLUMNS = ["article_id", "outlet", "paragraph", "start", "end", "text", "n_words", "first6", "speaker",
                 "speaker_surface", "verb", "partial", "cross_paragraph", "unclosed", "pronoun_speaker",
                 "institution_speaker", "attribution"]
FRAGMENT_COLUMNS = ["article_id", "outlet", "paragraph", "start", "end", "text", "n_words", "kind", "speaker", "verb"]


@dataclass
class Span:
    paragraph: int
    p_start: int
    p_end: int
    open: int      # position of the opening mark
    start: int     # first character inside the marks
    end: int       # one past the last character inside
    closed: bool
    speaker: Speaker | None = None
    verb: str | None = None
    attribution: str = "none"
    partial: bool = False
    cross_paragraph: bool = False
    continued: bool = False
    kind: str = "quote"


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int, int, bool]]:
    """(opening mark, inner start, inner end, closed) for each quotation in ``text[start:end]``."""
    spans = []
    opened, kind = None, None
    for mark in QUOTATION_MARK.finditer(text, start, end):  # only marks open or close: skip the rest
        i = mark.start()
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        if opened is None:
            if ch in OPEN_DOUBLE or (ch == '"' and not prev.isalnum()):
                opened, kind = i, "double"
            elif (ch in OPEN_SINGLE or ch == "'") and not prev.isalnum() and (nxt.isalnum() or nxt in "“\"…"):
                opened, kind = i, "single"
        elif kind == "double" and (ch in CLOSE_DOUBLE or ch == '"'):
            spans.append((opened, opened + 1, i, True))
            opened = None
        elif kind == "single" and (ch in CLOSE_SINGLE or ch == "'") and not nxt.isalnum():
            spans.append((opened, opened + 1, i, True))
            opened = None
    if opened is not None:
        inner_end = end
        spans.append((opened, opened + 1, inner_end, False))
    return spans


def first_words(text: str, n: int = 6) -> str:
    """The first ``n`` whitespace tokens, trailing punctuation removed from the last (gold convention)."""
    return " ".join(text.split()[:n]).rstrip(".,;:!?")


def quotes(corpus: Corpus, codebook: Codebook | None = None) -> dict[str, pd.DataFrame]:
    """The ``quotes`` and ``fragments`` tables of a corpus (see the module docstring)."""
    codebook = codebook or default_codebook()
    # Computed once per corpus: demands reads the quotes too.
    tables = corpus.shared("quotes", codebook, lambda: _quote_tables(corpus, codebook))
    return {name: table.copy() for name, table in tables.items()}


def _quote_tables(corpus: Corpus, codebook: Codebook) -> dict[str, pd.DataFrame]:
    found = speaking_mentions(corpus, codebook)
    outlets = corpus.outlet_of()
    quote_rows, fragment_rows = [], []
    for article_id in corpus.rows_of("paragraphs", "paragraph", "start", "end"):  # the split article_spans reads
        text = corpus.texts[article_id]
        spans = article_spans(corpus, article_id, found.get(article_id, []), codebook)
        for span in spans:
            inner = text[span.start:span.end]
            speaker = span.speaker
            if span.kind == "quote":
                quote_rows.append({
                    "article_id": article_id, "outlet": outlets[article_id], "paragraph": span.paragraph,
                    "start": span.start, "end": span.end, "text": inner, "n_words": len(inner.split()),
                    "first6": first_words(inner), "speaker": speaker.actor if speaker else None,
                    "speaker_surface": speaker.surface if speaker else None, "verb": span.verb,
                    "partial": span.partial, "cross_paragraph": span.cross_paragraph,
                    "unclosed": not span.closed and not span.continued,
                    "pronoun_speaker": bool(speaker and speaker.pronoun),
                    "institution_speaker": bool(speaker and speaker.institution),
                    "attribution": span.attribution,
                })
            else:
                fragment_rows.append({
                    "article_id": article_id, "outlet": outlets[article_id], "paragraph": span.paragraph,
                    "start": span.start, "end": span.end, "text": inner, "n_words": len(inner.split()),
                    "kind": span.kind, "speaker": speaker.actor if speaker else None, "verb": span.verb,
                })
    return {"quotes": pd.DataFrame(quote_rows, columns=QUOTE_COLUMNS),
            "fragments": pd.DataFrame(fragment_rows, columns=FRAGMENT_COLUMNS)}


# "PESKOV: ...", "MARGARET BRENNAN (host): ...": a transcript's speaker label, in capitals.
TURN_LABEL = re.compile(r"(?P<label>[A-Z][A-Z.’'-]+(?:\s+[A-Z][A-Z.’'-]*){0,3})(?:\s*\([^)\n]{0,40}\))?:\s+(?=\S)")
# A parliamentary record's label: "Ed Davey (Kingston and Surbiton) (LD):", "The Prime Minister
# (Keir Starmer):". The brackets set it apart from a live blog's "Zelenskyy: ..." headline.
MEMBER_LABEL = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?\s+)?(?P<label>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})"
                          r"(?P<brackets>(?:\s*\([^)\n]{1,60}\)){1,2}):\s+(?=\S)")
# Once a record has shown member labels, an office alone labels a turn too ("The Prime Minister:").
OFFICE_LABEL = re.compile(r"(?P<label>The\s+(?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+)(?P<brackets>):\s+(?=\S)")
# A White House transcript's questioner: "Q    Thank you, Karoline." (no colon; spaces or a tab).
QUESTIONER_LABEL = re.compile(r"Q(?:\s*:\s*|[ \t]{2,}|\t)(?=\S)")
HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+")
# A ministry's briefing transcript writes its labels in ordinary case: "Question: ...", then
# "Maria Zakharova: ...". Only where a "Question:" label shows the page is a question-and-answer
# record is a name before a colon a turn; elsewhere it heads a live-blog entry.
QUESTION_LABEL = re.compile(r"Question\s*:\s+(?=\S)")
NAME_LABEL = re.compile(r"(?P<label>(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}):\s+(?=\S)")


def transcript_turns(text: str, paragraph_spans, codebook: Codebook, date: str) -> list[tuple[int, int, str | None]]:
    """(start, end, speaker) of each turn of a transcript: from a paragraph opened by a speaker
    label in capitals, or by a parliamentary record's member label, to the next such label. The
    speaker is the one actor the label names ("PESKOV" is Dmitry Peskov), else None ("QUESTION",
    "HOST"); a member the codebook lacks keeps the printed name. In a briefing record with a
    "Question:" label, "Maria Zakharova:" opens a turn too."""
    turns, parliamentary = [], False
    briefing = any(QUESTION_LABEL.match(text, a, b) for a, b in paragraph_spans)
    for p_start, p_end in paragraph_spans:
        label = TURN_LABEL.match(text, p_start, p_end)
        if label is not None and not any(ch.islower() for ch in text[label.end():p_end]):
            # "UKRAINE: KREMLIN, FULL TRUCE ONLY IF ..." is a wire's topic slug over a headline,
            # and a heading ends any turn before it rather than opening one.
            if turns:
                turns[-1][1] = p_start
            continue
        member = None if label is not None else MEMBER_LABEL.match(text, p_start, p_end)
        if member is None and label is None and parliamentary:
            member = OFFICE_LABEL.match(text, p_start, p_end)
        questioner = QUESTIONER_LABEL.match(text, p_start, p_end) if label is None and member is None else None
        if briefing and label is None and member is None and questioner is None:
            questioner = QUESTION_LABEL.match(text, p_start, p_end)
            named = NAME_LABEL.match(text, p_start, p_end) if questioner is None else None
            speakers = {row["actor"] for row in codebook.candidates(HONORIFIC.sub("", named.group("label"), count=1), date)
                        if codebook.actor(row["actor"]).get("type") == "person"} if named else set()
            if len(speakers) == 1:
                if turns:
                    turns[-1][1] = p_start
                turns.append([named.end(), len(text), speakers.pop()])
                continue
        if label is None and member is None and questioner is None:
            continue
        if questioner is not None:
            if turns:
                turns[-1][1] = p_start
            turns.append([questioner.end(), len(text), None])
            continue
        parliamentary = parliamentary or member is not None
        if turns:
            turns[-1][1] = p_start
        if label is not None:
            words = HONORIFIC.sub("", " ".join(w[:1] + w[1:].lower() for w in label.group("label").split()), count=1)
            actors = {row["actor"] for row in codebook.candidates(words, date)}
            turns.append([label.end(), len(text), actors.pop() if len(actors) == 1 else None])
        else:
            turns.append([member.end(), len(text), _member(member, codebook, date)])
    return [(start, end, speaker) for start, end, speaker in turns]


def _member(label: re.Match, codebook: Codebook, date: str) -> str | None:
    """Who a parliamentary label names: the codebook actor of the name or of a bracket ("The Prime
    Minister (Keir Starmer)"), else the printed name of a member the codebook lacks."""
    brackets = re.findall(r"\(([^)\n]+)\)", label.group("brackets"))
    for words in [label.group("label")] + brackets:
        actors = {row["actor"] for row in codebook.candidates(words.strip(), date)}
        if len(actors) == 1:
            return actors.pop()
    name = label.group("label")
    return name if len(name.split()) >= 2 and not name.startswith("The ") else None


def article_spans(corpus: Corpus, article_id: str, found: list[Mention], codebook: Codebook) -> list[Span]:
    """Every quotation-marked span of one article, classified and attributed, in text order."""
    text = corpus.texts[article_id]
    paragraphs = corpus.rows_of("paragraphs", "paragraph", "start", "end").get(article_id, [])
    sentence_spans = corpus.rows_of("sentences", "start", "end").get(article_id, [])
    marked = {p: quote_spans(text, s, e) for p, s, e in paragraphs}
    tracker = Tracker(codebook, text, found, sentence_spans, [(s, e) for spans in marked.values() for _, s, e, _ in spans])
    spans: list[Span] = []
    previous_paragraph: list[Span] = []
    for number, p_start, p_end in paragraphs:
        current = [Span(number, p_start, p_end, o, s, e, c) for o, s, e, c in marked[number]]
        for span in current:
            _classify(text, span)
        _attribute_paragraph(text, current, previous_paragraph, found, tracker, sentence_spans)
        spans.extend(current)
        previous_paragraph = current if current else []
    return spans


def _classify(text: str, span: Span) -> None:
    inner = text[span.start:span.end]
    words = inner.split()
    before = text[span.p_start:span.open].rstrip()
    span.partial = bool(before) and not before.endswith((":", ".", "!", "?", "…"))
    word_before = re.search(r"([\w’'-]+)\W*$", before)
    word_before = word_before.group(1).lower() if word_before else ""
    capitalised = [w for w in words if len(w) > 3]
    if 2 <= len(words) <= 3 and span.partial and all(w[:1].isupper() for w in words if w.lower() not in ("of", "the", "and")):
        span.kind = "name"  # "The Morning Desk": a programme or a name, not words someone said
    elif len(words) <= 3:
        span.kind = "fragment"
        # Punctuation inside the closing mark ('"frank,"') belongs to the sentence, not the fragment.
        while span.end > span.start and text[span.end - 1] in ",.;:":
            span.end -= 1
    elif span.partial and (word_before in DETERMINERS or (
            len(words) <= 8 and capitalised and all(w[0].isupper() for w in capitalised)
            and not re.search(r"[.!?,]$", inner))):
        span.kind = "name"  # a title or a so-called name, not speech


def _attribute_paragraph(text, current, previous_paragraph, found, tracker, sentence_spans) -> None:
    for index, span in enumerate(current):
        s_start, s_end = tracker.sentence_of(span.open)
        after = _speaker_after(text, span, found, tracker)
        if after:
            span.speaker, span.verb, span.attribution = after
        else:
            before = _speaker_before_mark(text, span, s_start, found, tracker)
            if before:
                span.speaker, span.verb, span.attribution = before
        if span.speaker is None and span.kind == "quote":
            earlier = [s for s in current[:index] if s.speaker is not None]
            opens_paragraph = not text[span.p_start:span.open].strip()
            carried = [s for s in previous_paragraph if s.kind == "quote" and s.speaker is not None]
            if earlier:
                span.speaker, span.verb, span.attribution = earlier[-1].speaker, earlier[-1].verb, "same paragraph"
            elif opens_paragraph and carried and not _attributed_later(text, span, current[index + 1:]):
                source = carried[-1]
                span.speaker, span.verb, span.attribution = source.speaker, source.verb, "previous paragraph"
                span.cross_paragraph = source.cross_paragraph = True
                if not source.closed:
                    source.continued = True
            else:
                subject = _previous_subject(text, span, s_start, found, tracker)
                if subject:
                    span.speaker, span.attribution = subject, "previous sentence"
        if span.speaker is not None:
            tracker.note(span.start, span.speaker.actor)


def _attributed_later(text: str, span: Span, later: list[Span]) -> bool:
    return any(s.speaker is not None and s.attribution == "after" for s in later)


def _speaker_after(text: str, span: Span, found: list[Mention], tracker: Tracker):
    """'...,” Rubio said' / '...,” said Peskov' / '...,” he wrote on Truth Social'."""
    if not span.closed:
        return None
    tail_start = span.end + 1
    tail = text[tail_start:min(span.p_end, tail_start + 120)]
    lead = re.match(r"\s*[,.;:!?]?\s*", tail)
    at = tail_start + lead.end()
    if lead.end() == 0 and not tail[:1].isspace():
        return None
    verbs = verb_pattern()
    inverted = verbs.match(text, at)
    if inverted and inverted.start() == at:
        # '...,” said White House press secretary Karoline Leavitt'
        following = [m for m in found if inverted.end() <= m.start <= inverted.end() + 60 and not m.in_title and m.actor]
        if following:
            m = following[0]
            info = tracker.codebook.actor(m.actor)
            return (Speaker(m.actor, text[m.start:m.end], m.start, m.end,
                            institution=info.get("type") in ("organisation", "state")),
                    inverted.group(1), "after")
        return None
    pron = re.match(r"(he|she|they|it|we)\s+(?:\w+\s+)?", text[at:at + 30], re.I)
    if pron:
        verb = verbs.match(text, at + pron.end())
        if verb:
            actor = tracker.resolve(pron.group(1), at)
            return (Speaker(actor, pron.group(1), at, at + len(pron.group(1)), pronoun=True,
                            institution=actor is not None and tracker.codebook.actor(actor).get("type") != "person"),
                    verb.group(1), "after")
        return None
    phrase = re.match(r"((?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+)?(?:press service|statement|readout|spokesperson|spokesman|"
                      r"spokeswoman|ministry)|(?:[A-Z][a-zà-ÿ’'-]+\s+){1,2}[A-Z][a-zà-ÿ’'-]+)\s+(?:\w+\s+)?", text[at:at + 60])
    starting = [m for m in found if at <= m.start <= at + 50 and not m.in_title and m.actor]
    if phrase and not (starting and starting[0].start < at + phrase.end(1)):
        verb = verbs.match(text, at + phrase.end())
        if verb:
            speaker = speaker_phrase(text, tracker, at, at + phrase.end(1))
            if speaker is not None:
                return speaker, verb.group(1), "after"
    for m in starting:
        gap = text[at:m.start]
        if gap.strip() and not re.fullmatch(r"\s*(?:[Aa]n?|[Tt]he)?\s*[\w\s.’'-]{0,40}", gap):
            continue
        verb = verbs.search(text, m.end, min(span.p_end, m.end + 40))
        if verb and not re.search(r"[,.;:]", text[m.end:verb.start()]):
            info = tracker.codebook.actor(m.actor)
            return (Speaker(m.actor, text[m.start:m.end], m.start, m.end,
                            institution=info.get("type") in ("organisation", "state")),
                    verb.group(1), "after")
        break
    return None


def _speaker_before_mark(text: str, span: Span, s_start: int, found: list[Mention], tracker: Tracker):
    """'Peskov said: “...' / 'Leavitt said “...' / 'Starmer has accused Putin of seeking to “delay”'."""
    start = max(span.p_start, clause_start(text, s_start, span.open))
    verbs = [v for v in verb_pattern().finditer(text, start, span.open) if is_verb_use(text, v, s_start)]
    # a verb right after a quotation's close belongs to that quotation's attribution
    for verb in reversed(verbs):
        if re.search(r"[.!?]\s*$", text[start:verb.start()]) and verb is not verbs[0]:
            continue
        speaker = speaker_before(text, found, tracker, start, verb.start())
        if speaker is not None:
            return speaker, verb.group(1), "before"
    label = speaker_label(text, found, span.p_start, span.open)
    if label is not None:
        return label, None, "label"
    return None


def speaker_label(text: str, found: list[Mention], start: int, end: int) -> Speaker | None:
    """'Trump: ‘very good and productive’', 'Kremlin readout: ...': a headline's or live-blog
    entry's speaker label, a mention and a colon opening the paragraph."""
    label = re.match(r"\s*(.+?)(?:\s+(?:readout|statement|says|said))?:\s*$", text[start:end])
    if not label:
        return None
    named = [m for m in found if m.start == start + label.start(1) and m.end == start + label.end(1) and m.actor]
    if not named:
        return None
    m = named[0]
    return Speaker(m.actor, text[m.start:m.end], m.start, m.end)


def _previous_subject(text: str, span: Span, s_start: int, found: list[Mention], tracker: Tracker):
    """An unattributed quotation after a sentence about someone is that person's: 'Kallas ...
    criticised Putin's tactics. “What Russia has put forward ...”'."""
    if s_start <= span.p_start:
        return None
    sentences = [s for s in tracker.sentences if span.p_start <= s[0] and s[1] <= s_start]
    for start, end in reversed(sentences):
        people = [m for m in subject_mentions(text, found, start, end) if tracker.codebook.actor(m.actor).get("type") == "person"]
        if people:
            m = people[0]
            return Speaker(m.actor, text[m.start:m.end], m.start, m.end)
    return None
