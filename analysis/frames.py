"""Policy frames of each paragraph, by a documented lexicon of cue words.

The frame dimensions are those of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik &
Smith 2014, "Tracking the development of media frames within and across policy issues"), with
its ids and labels (``FRAMES``): 1 Economic, 2 Capacity and resources, 3 Morality, 4 Fairness
and equality, 5 Legality, constitutionality and jurisprudence, 6 Policy prescription and
evaluation, 7 Crime and punishment, 8 Security and defense, 9 Health and safety, 10 Quality of
life, 11 Cultural identity, 12 Public opinion, 13 Political, 14 External regulation and
reputation, 15 Other.

Method. ``codebooks/frame_lexicon.csv`` (columns ``frame``, ``cue``, ``note``) lists cue words
and phrases for each frame; a trailing ``*`` makes a cue a stem ("sanction*" finds "sanctions",
"sanctioned"). Cues match whole words, case-insensitively (a cue written all in capitals, such as
"ICC" or "G7", matches only in capitals); a space in a cue also matches a hyphen or a line
break. Where two cues overlap, the longer match wins, so "war crimes" is one Crime cue, not
Crime plus Security, and "military aid" is Security, not Capacity. Rows with frame ``ignore``
("think tank") are matched and then dropped, so that the shorter cue inside them does not count.

- ``frame_cues(corpus)``: one row per cue hit in a content paragraph (headline, standfirst,
  caption, body), with its span.
- ``paragraph_frames(corpus)``: one row per content paragraph, the number of hits per frame and
  the primary frame: the frame with most hits; a tie goes to the frame whose first hit comes
  earliest in the paragraph (a news paragraph leads with its point). ``none`` when no cue hits.
- ``frame_shares(corpus)``: outlet × frame, the share of each outlet's content paragraphs (or
  words) that carry each frame (any hit, or the primary frame only); outlets are rows, so the
  table stays one screen wide for twenty outlets.

Coverage. For war and diplomacy news the lexicon covers well the frames that have their own
vocabulary: Security and defense (troops, strikes, invasion), Policy prescription and evaluation
(ceasefire, proposal, concessions), External regulation and reputation (talks, allies,
sanctions, envoy), Legality (international law, sovereignty, annexation), Crime and punishment
(war crimes, tribunal), Health and safety (casualties, killed, wounded) and Political
(election, parliament, opposition). It covers poorly the frames carried by tone and argument
rather than by nouns: Morality (sincerity, betrayal, blame are judged in adjectives and
context), Fairness and equality, Cultural identity, Public opinion (rare in wire copy, and its
cues "rally", "protest" are ambiguous), Quality of life, and Capacity and resources, which
straddles Economic (aid, assets) and Security (ammunition, mobilisation). "Other" has no cues
by design. The words that name the story itself ("war", "conflict", "peace", "Ukraine") are not
cues: they would mark every paragraph. "Ceasefire" and "truce" are Policy cues and do mark many
paragraphs of this story; remove them from the lexicon to see the frames around the proposal.

Limits. A lexicon sees words, not meaning: "attack" in "attacked the plan" counts as Security;
negation is ignored ("no sanctions" is a sanctions cue); frames carried without cue words are
missed; a cue counts once per occurrence, so repetition weighs more than variety. Names are not
cues ("Kremlin", "Nato"), but the words of a title are ("Defence Secretary" counts as defence).
Idioms fool it ("the ball is in Russia's court" is a Legality cue).
Quotations carry the speaker's frame, not the outlet's choice: ``exclude_quoted=True`` drops
cues inside quotation marks (:func:`analysis.quotes.quote_spans`: quotations, quoted fragments
and quoted names alike); every cue row has ``in_quote`` either way. An outlet's choice of whom
to quote is itself framing, so the default keeps them.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .corpus import Corpus
from .manifest import CorpusError
from .quotes import quote_spans
from .spans import longest_first

FRAMES: dict[int, str] = {
    1: "Economic", 2: "Capacity and resources", 3: "Morality", 4: "Fairness and equality",
    5: "Legality, constitutionality and jurisprudence", 6: "Policy prescription and evaluation",
    7: "Crime and punishment", 8: "Security and defense", 9: "Health and safety", 10: "Quality of life",
    11: "Cultural identity", 12: "Public opinion", 13: "Political", 14: "External regulation and reputation",
    15: "Other",
}
# Column headings of frame_shares: the codebook's labels shortened so twenty rows stay legible.
SHORT_LABELS: dict[str, str] = {
    "Economic": "Economic", "Capacity and resources": "Capacity", "Morality": "Morality",
    "Fairness and equality": "Fairness", "Legality, constitutionality and jurisprudence": "Legality",
    "Policy prescription and evaluation": "Policy", "Crime and punishment": "Crime",
    "Security and defense": "Security", "Health and safety": "Health & safety", "Quality of life": "Quality of life",
    "Cultural identity": "Cultural identity", "Public opinion": "Public opinion", "Political": "Political",
    "External regulation and reputation": "External relations", "Other": "Other",
}
IGNORE = "ignore"
NO_FRAME = "none"
CONTENT_ZONES = ("headline", "standfirst", "caption", "body")
LEXICON_FILE = paths.CODEBOOKS / "frame_lexicon.csv"
LEXICON_COLUMNS = ["frame", "cue", "note"]
CUE_COLUMNS = ["article_id", "outlet", "paragraph", "frame", "cue", "start", "end", "text", "in_quote"]
PARAGRAPH_COLUMNS = ["article_id", "outlet", "paragraph", "zone", "start", "end", "n_words", "n_cues",
                     "primary_frame"] + list(FRAMES.values())


def load_lexicon(path: Path | str | None = None) -> pd.DataFrame:
    """The frame lexicon (``frame``, ``cue``, ``note``), checked; raises CorpusError naming the line."""
    path = Path(path) if path is not None else LEXICON_FILE
    where = paths.shown(path) if path.is_absolute() else str(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("frame", "cue") if c not in (reader.fieldnames or [])]
        if missing:
            raise CorpusError(where, f"the header lacks {', '.join(missing)}", "start the file with the line frame,cue,note")
        rows, seen = [], {}
        for line, row in enumerate(reader, start=2):
            frame, cue = (row.get("frame") or "").strip(), (row.get("cue") or "").strip()
            _check_row(where, line, frame, cue, seen)
            seen[cue.lower()] = line
            rows.append({"frame": frame, "cue": cue, "note": (row.get("note") or "").strip()})
    return pd.DataFrame(rows, columns=LEXICON_COLUMNS)


def _check_row(where: str, line: int, frame: str, cue: str, seen: dict[str, int]) -> None:
    if frame not in FRAMES.values() and frame != IGNORE:
        raise CorpusError(f"{where}, line {line}, field 'frame'", f"{frame!r} is not a frame of the codebook",
                          f"use one of: {'; '.join(FRAMES.values())}; or {IGNORE}")
    if not re.search(r"\w", cue):
        raise CorpusError(f"{where}, line {line}, field 'cue'", "the cue is empty", "write a word, a phrase or a stem ending in *")
    if "*" in cue.rstrip("*") or re.search(r"[^\w\s’'*.&-]", cue):
        raise CorpusError(f"{where}, line {line}, field 'cue'", f"{cue!r} has characters a cue cannot hold",
                          "use letters, digits, spaces, hyphens and apostrophes, with * only at the end of a word")
    if cue.lower() in seen:
        raise CorpusError(f"{where}, line {line}, field 'cue'", f"{cue!r} is already listed on line {seen[cue.lower()]}",
                          "give each cue one frame: delete one of the two rows")


@lru_cache(maxsize=None)
def _trigger(cue: str) -> tuple[str, bool]:
    return cue_trigger(cue)


def cue_pattern(cue: str) -> re.Pattern:
    """The regular expression of one cue: whole words, ``*`` a stem, a space any run of blanks or hyphens."""
    words = []
    for word in cue.split():
        stem = word.endswith("*")
        body = re.escape(word.rstrip("*")).replace("’", "['’]").replace("'", "['’]")
        words.append(body + (r"\w*" if stem else ""))
    flags = 0 if (re.search(r"[A-Z]", cue) and not re.search(r"[a-z]", cue)) else re.I
    return re.compile(r"(?<![\w])" + r"[\s-]+".join(words) + r"(?![\w])", flags)


@lru_cache(maxsize=8)
def _compiled(path: str, stamp: float) -> tuple[tuple[str, str, re.Pattern], ...]:
    table = load_lexicon(path)
    return tuple((frame, cue, cue_pattern(cue)) for frame, cue in zip(table["frame"], table["cue"]))


def cue_trigger(cue: str) -> tuple[str, bool]:
    """The longest run of letters and digits a cue's first word must contain as written, lower
    case unless the cue is case-sensitive, and whether it is: a paragraph without it cannot
    hold the cue, so its pattern need not run there (the lexicon has hundreds of cues)."""
    first = cue.split()[0].rstrip("*")
    sensitive = bool(re.search(r"[A-Z]", cue) and not re.search(r"[a-z]", cue))
    run = max(re.findall(r"\w+", first) or [""], key=len)
    return (run if sensitive else run.lower()), sensitive


def _patterns(lexicon: pd.DataFrame | Path | str | None) -> tuple[tuple[str, str, re.Pattern], ...]:
    if isinstance(lexicon, pd.DataFrame):
        return tuple((f, c, cue_pattern(c)) for f, c in zip(lexicon["frame"], lexicon["cue"]))
    path = Path(lexicon) if lexicon is not None else LEXICON_FILE
    return _compiled(str(path), path.stat().st_mtime)  # the stamp reloads a lexicon edited mid-session


def content_paragraphs(corpus: Corpus, zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """The paragraphs that are the outlet's story: headline, standfirst, caption and body."""
    table = corpus.paragraphs
    return table[table["zone"].isin(zones)].reset_index(drop=True)


WORD_RUN = re.compile(r"\w+")


class _TriggerIndex:
    """Which of a set of triggers occur in a text, found through the text's words.

    A trigger is word characters only (letters, digits), so it occurs in a text exactly when it
    occurs inside one of the text's maximal runs of word characters. Testing each of hundreds of
    triggers against every paragraph was the slowest part of ``frame_cues``; the runs repeat from
    paragraph to paragraph, so the triggers inside each run are worked out once (by looking its
    substrings up among the triggers) and remembered."""

    MEMO_LIMIT = 200_000  # distinct runs remembered; the memo is emptied past this, so memory stays bounded

    def __init__(self, triggers):
        self.triggers = frozenset(triggers)
        self.lengths = sorted({len(t) for t in self.triggers})
        self.memo: dict[str, tuple[str, ...]] = {}

    def inside(self, run: str) -> tuple[str, ...]:
        """The triggers that are substrings of ``run``."""
        found = self.memo.get(run)
        if found is None:
            size = len(run)
            found = tuple({run[i:i + n] for n in self.lengths if n <= size for i in range(size - n + 1)} & self.triggers)
            if len(self.memo) >= self.MEMO_LIMIT:
                self.memo.clear()
            self.memo[run] = found
        return found

    def present(self, text: str) -> set[str]:
        """The triggers that occur in ``text``."""
        found: set[str] = set()
        memo = self.memo
        for run in set(WORD_RUN.findall(text)):
            inside = memo.get(run)
            if inside is None:
                inside = self.inside(run)
            if inside:  # most runs hold no trigger
                found.update(inside)
        return found


class _LexiconIndex:
    """The cue patterns of a lexicon with their triggers (:func:`cue_trigger`), indexed so that a
    paragraph tries only the patterns whose trigger it contains (a paragraph without the trigger
    cannot hold the cue), in lexicon order."""

    def __init__(self, patterns):
        self.cues = [(order, frame, cue, pattern, *_trigger(cue)) for order, (frame, cue, pattern) in enumerate(patterns)]
        self.by_trigger: dict[tuple[str, bool], list[tuple]] = {}
        # A trigger that is not word characters only (an empty one, or a letter whose lower case is
        # two characters) cannot be looked up run by run: it is tested against the whole paragraph.
        self.direct = []
        for entry in self.cues:
            trigger, sensitive = entry[4], entry[5]
            if WORD_RUN.fullmatch(trigger):
                self.by_trigger.setdefault((trigger, sensitive), []).append(entry)
            else:
                self.direct.append(entry)
        self.lower = _TriggerIndex(t for t, sensitive in self.by_trigger if not sensitive)
        self.written = _TriggerIndex(t for t, sensitive in self.by_trigger if sensitive)

    def candidates(self, written: str) -> list[tuple]:
        """(order, frame, cue, pattern, trigger, sensitive) of the cues whose trigger occurs in
        ``written`` (as written if the cue is case-sensitive, else in lower case), in lexicon order."""
        lowered = written.lower()
        found = [e for t in self.lower.present(lowered) for e in self.by_trigger[(t, False)]]
        if self.written.triggers:
            found += [e for t in self.written.present(written) for e in self.by_trigger[(t, True)]]
        found += [e for e in self.direct if e[4] in (written if e[5] else lowered)]
        found.sort(key=lambda e: e[0])
        return found


@lru_cache(maxsize=8)
def _lexicon_index(patterns: tuple[tuple[str, str, re.Pattern], ...]) -> _LexiconIndex:
    return _LexiconIndex(patterns)


def paragraph_hits(text: str, start: int, end: int, patterns) -> list[tuple[int, int, str, str]]:
    """(start, end, frame, cue) of every cue in ``text[start:end]``: overlaps go to the longest match,
    then to the cue listed first; ``ignore`` matches block shorter cues and are then dropped."""
    return _hits(text, start, end, _lexicon_index(tuple(patterns)))


def _hits(text: str, start: int, end: int, index: _LexiconIndex) -> list[tuple[int, int, str, str]]:
    candidates = []
    for order, frame, cue, pattern, _, _ in index.candidates(text[start:end]):
        for m in pattern.finditer(text, start, end):
            candidates.append((m.start(), m.end(), order, frame, cue))
    return [(s, e, frame, cue) for s, e, _, frame, cue in longest_first(candidates) if frame != IGNORE]


def frame_cues(corpus: Corpus, lexicon: pd.DataFrame | Path | str | None = None, exclude_quoted: bool = False,
               zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """One row per cue hit in a content paragraph (see the module docstring), in text order."""
    index = _lexicon_index(_patterns(lexicon))
    outlets = corpus.outlet_of()
    rows = []
    for article_id, number, p_start, p_end in _paragraph_keys(content_paragraphs(corpus, zones)):
        text = corpus.texts[article_id]
        quoted = [(s, e) for _, s, e, _ in quote_spans(text, p_start, p_end)]
        for start, end, frame, cue in _hits(text, p_start, p_end, index):
            in_quote = any(s <= start < e for s, e in quoted)
            if in_quote and exclude_quoted:
                continue
            rows.append({"article_id": article_id, "outlet": outlets[article_id], "paragraph": number,
                         "frame": frame, "cue": cue, "start": start, "end": end, "text": text[start:end],
                         "in_quote": in_quote})
    return pd.DataFrame(rows, columns=CUE_COLUMNS)


def _paragraph_keys(paragraphs: pd.DataFrame):
    return zip(paragraphs["article_id"], paragraphs["paragraph"], paragraphs["start"], paragraphs["end"])


def paragraph_frames(corpus: Corpus, cues: pd.DataFrame | None = None, zones: tuple[str, ...] = CONTENT_ZONES,
                     **cue_options) -> pd.DataFrame:
    """One row per content paragraph: hits per frame (one column per codebook label), ``n_cues`` and
    ``primary_frame`` (most hits; a tie goes to the frame hit first; ``none`` without hits).

    ``cues`` is a ``frame_cues`` table to reuse; otherwise ``cue_options`` (``lexicon``,
    ``exclude_quoted``) are passed to :func:`frame_cues`."""
    cues = cues if cues is not None else frame_cues(corpus, zones=zones, **cue_options)
    outlets = corpus.outlet_of()
    # (frame, start) of each paragraph's hits, in table order: plain lists, not a groupby of frames
    by_paragraph: dict[tuple, list[tuple[str, int]]] = {}
    for article_id, number, frame, hit_start in zip(cues["article_id"], cues["paragraph"], cues["frame"], cues["start"]):
        by_paragraph.setdefault((article_id, number), []).append((frame, hit_start))
    rows = []
    paragraphs = content_paragraphs(corpus, zones)
    for article_id, number, zone, start, end, n_words in zip(paragraphs["article_id"], paragraphs["paragraph"],
                                                             paragraphs["zone"], paragraphs["start"],
                                                             paragraphs["end"], paragraphs["n_words"]):
        hits = by_paragraph.get((article_id, number))
        counts = {label: 0 for label in FRAMES.values()}
        first: dict[str, int] = {}
        for frame, hit_start in hits or ():
            counts[frame] += 1
            first.setdefault(frame, hit_start)
        rows.append({"article_id": article_id, "outlet": outlets[article_id], "paragraph": number, "zone": zone,
                     "start": start, "end": end, "n_words": n_words, "n_cues": sum(counts.values()),
                     "primary_frame": primary_frame(counts, first), **counts})
    return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)


def primary_frame(counts: dict[str, int], first: dict[str, int]) -> str:
    """The frame with most hits; ties go to the frame whose first hit is earliest; ``none`` if no hits."""
    hit = [frame for frame, n in counts.items() if n > 0]
    if not hit:
        return NO_FRAME
    return min(hit, key=lambda frame: (-counts[frame], first[frame]))


def frame_shares(corpus: Corpus, by: str = "paragraphs", primary_only: bool = False,
                 paragraphs: pd.DataFrame | None = None, drop_empty: bool = False, **cue_options) -> pd.DataFrame:
    """Outlet × frame: the share of each outlet's content paragraphs (``by="paragraphs"``) or
    content words (``by="words"``) that carry each frame.

    A paragraph carries a frame when it has at least one of its cues, or, with
    ``primary_only=True``, when the frame is its primary one (shares then sum to 1 with
    ``none``). Rows are outlets in alphabetical order; the first column is the base (number of
    paragraphs or words), then one column per frame in codebook order (short labels, see
    ``SHORT_LABELS``), then ``none`` (paragraphs without any cue). ``drop_empty`` drops frames no
    outlet carries. ``paragraphs`` is a ``paragraph_frames`` table to reuse."""
    if by not in ("paragraphs", "words"):
        raise ValueError(f"frame_shares: by={by!r} is not a base; use by='paragraphs' or by='words'")
    table = paragraphs if paragraphs is not None else paragraph_frames(corpus, **cue_options)
    labels = list(FRAMES.values())
    weight = table["n_words"] if by == "words" else pd.Series(1, index=table.index)
    carried = pd.DataFrame({label: (table["primary_frame"] == label) if primary_only else (table[label] > 0)
                            for label in labels}, index=table.index)
    carried[NO_FRAME] = table["primary_frame"] == NO_FRAME
    weighted = carried.mul(weight, axis=0).astype(float)
    weighted["outlet"] = table["outlet"]
    base = weight.groupby(table["outlet"]).sum()
    totals = weighted.groupby("outlet").sum()
    shares = totals.div(base.where(base > 0), axis=0).fillna(0.0) if len(totals) else totals
    shares = shares.rename(columns=SHORT_LABELS)
    shares.insert(0, by, base.astype(int) if len(base) else pd.Series(dtype=int))
    shares = shares.sort_index()
    shares.index.name = "outlet"
    if drop_empty:
        empty = [SHORT_LABELS[label] for label in labels if not (shares[SHORT_LABELS[label]] > 0).any()]
        shares = shares.drop(columns=empty)
    return shares
