"""The error analysis: every false positive and false negative of the annotators, with the
sentence it sits in and a cause.

``errors(corpus, gold)`` lists one row per error of every annotator that
:func:`analysis.scoring.score` scores. The rows come from the same matches as the scores
(``scoring.match_mentions`` and its siblings), so they add up to them: for each annotator,
``false_positives`` sums to found − correct and ``false_negatives`` to gold − correct.

A gold item and a found item that differ in one field only (the same quotation given to another
speaker, the same position with another stance) make one row of a *paired* kind ("wrong
speaker", "wrong stance" …) that counts as one false positive and one false negative. A time
expression found with the wrong value counts as neither (the span was found; value accuracy is
reported apart) and is listed as "wrong value".

Each error gets a cause by a fixed rule that compares it with the codebook and with the nearest
gold or found item; :data:`CAUSES` states every rule, in the order they are tried, and
:func:`cause_rules` gives them as a table. A cause is a diagnosis from surface evidence, not a
proof: "alias missing from codebook" says the gold's string is not among the actor's aliases,
not that adding it would be right everywhere.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

import matplotlib.pyplot as plt
import pandas as pd

from . import paths, scoring
from .actors import Codebook, default_codebook
from .corpus import Corpus

COLUMNS = ["annotator", "article_id", "outlet", "kind", "cause", "item", "found_instead", "note", "sentence", "zone",
           "start", "end", "false_positives", "false_negatives"]

# (annotator, cause) → the rule that assigns it, tried in this order for each annotator.
CAUSES = {
    ("actor mentions", "resolved to another actor"):
        "a found mention has the gold surface form but another actor (one row: wrong actor)",
    ("actor mentions", "actor missing from codebook"): "missed: the gold actor is not in actors.csv",
    ("actor mentions", "span/title boundary"):
        "missed: a found mention (of any actor) covers the gold form, or the actor is found only inside "
        "someone's title (which the scorer leaves out); spurious: the gold has the actor only inside a "
        "title, or lists a form of it that contains or is contained in the found one",
    ("actor mentions", "alias missing from codebook"):
        "missed: the gold form is not an alias of the actor in actor_aliases.csv (nor title + alias)",
    ("actor mentions", "alias known, dropped by a context rule"):
        "missed: the form is an alias of the actor, but a rule (place after a locative, chrome …) dropped it",
    ("actor mentions", "group or not-an-actor"):
        "spurious: the gold lists the string among its not-actors, codes the actor as a group, or does not "
        "code the actor in this article",
    ("actor mentions", "surface not in gold"): "spurious: the gold codes the actor, but not this form",
    ("quotes", "unnamed source not recognised"):
        "same first six words; the gold's source is unnamed, the annotator found no speaker but did not mark it unnamed",
    ("quotes", "speaker missed (pronoun)"):
        "same first six words, no speaker found, and the gold speaker is given by a pronoun",
    ("quotes", "speaker missed"): "same first six words, no speaker found",
    ("quotes", "speaker wrong (pronoun)"): "same first six words, another speaker, found through a pronoun",
    ("quotes", "speaker wrong"): "same first six words, another speaker",
    ("quotes", "boundary"): "a found and a gold quotation overlap but start at different words",
    ("quotes", "span spurious"): "a found quotation the gold does not have (a fragment, scare quote or title there)",
    ("quotes", "span missed"): "a gold quotation nothing found overlaps",
    ("fragments", "boundary"): "a found fragment or quoted name overlaps the gold fragment",
    ("fragments", "not speech (scare quote, name or title)"): "spurious: the gold lists the span among its non-quotes",
    ("fragments", "span spurious"): "a found fragment the gold does not have",
    ("fragments", "span missed"): "a gold fragment nothing found overlaps",
    ("indirect speech", "unnamed source not recognised"):
        "the content is found; the gold's source is unnamed, the annotator found no speaker but did not mark it unnamed",
    ("indirect speech", "speaker missed (pronoun)"):
        "the content is found, without a speaker, and the gold speaker is given by a pronoun",
    ("indirect speech", "speaker missed"): "the content is found, without a speaker",
    ("indirect speech", "speaker wrong (pronoun)"): "the content is found, with another speaker found through a pronoun",
    ("indirect speech", "speaker wrong"): "the content is found, with another speaker",
    ("indirect speech", "boundary"):
        "a found and a gold content overlap (or sit in the same sentence) but start more than the "
        "scorer's tolerance apart",
    ("indirect speech", "span spurious"): "a found report the gold does not have",
    ("indirect speech", "span missed"): "a gold report nothing found overlaps",
    ("demands", "stance wrong"): "the same holder and category are found with another stance",
    ("demands", "holder wrong"):
        "the same category and stance are found, with another holder, on the gold's evidence (same sentence)",
    ("demands", "category confused with …"):
        "the same holder and stance are found, with another category, on the gold's evidence (same sentence)",
    ("demands", "missed (no cue in the codebook)"):
        "no cue of the gold category (demand_cues.csv) occurs in the sentence of its evidence",
    ("demands", "missed (cue present)"):
        "a cue of the category is there; the clause, stance or holder rules did not give this position",
    ("demands", "spurious"): "a found position the gold does not code",
    ("time expressions", "value wrong"): "the span is found with another value",
    ("time expressions", "missed"): "a gold expression no found span overlaps",
    ("time expressions", "spurious"): "a found expression that overlaps no gold one",
}

PAIRED_KINDS = {"actor mentions": "wrong actor", "quotes": "wrong speaker", "indirect speech": "wrong speaker"}


def cause_rules() -> pd.DataFrame:
    """The cause rules as a table: annotator, cause, rule."""
    return pd.DataFrame([{"annotator": a, "cause": c, "rule": r} for (a, c), r in CAUSES.items()])


class _Sentences:
    """The sentences of a corpus, looked up by position in the raw text."""

    def __init__(self, corpus: Corpus):
        ordered = corpus.sentences.sort_values(["article_id", "start"])
        self._by_article = {aid: (list(group["start"]), list(group["end"]), list(group["text"]), list(group["zone"]))
                            for aid, group in ordered.groupby("article_id")}

    def index_at(self, article_id: str, position) -> int | None:
        """Index of the sentence holding ``position`` (None outside every sentence)."""
        if position is None or pd.isna(position) or position < 0 or article_id not in self._by_article:
            return None
        starts, ends = self._by_article[article_id][:2]
        i = bisect_right(starts, position) - 1
        return i if i >= 0 and position < ends[i] else None

    def text_at(self, article_id: str, position) -> str:
        i = self.index_at(article_id, position)
        return "" if i is None else self._by_article[article_id][2][i]

    def zone_at(self, article_id: str, position) -> str:
        """The page zone (body, headline, caption …) of the sentence holding ``position``."""
        i = self.index_at(article_id, position)
        return "" if i is None else self._by_article[article_id][3][i]

    def find_word(self, article_id: str, string: str) -> tuple[int, int]:
        """The first whole-word occurrence of ``string`` in the article's annotated sentences
        (chrome excluded), as (start, end); (-1, -1) when there is none."""
        pattern = re.compile(rf"(?<!\w){re.escape(string)}(?!\w)")
        starts, _, texts, _ = self._by_article.get(article_id, ([], [], [], []))
        for start, text in zip(starts, texts):
            hit = pattern.search(text)
            if hit:
                return start + hit.start(), start + hit.end()
        return -1, -1


def _overlaps(start, end, other_start, other_end) -> bool:
    return start >= 0 and other_start >= 0 and start < other_end and other_start < end


def _empty(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or value == ""


class _Rows:
    """Collects error rows for one annotator."""

    def __init__(self, annotator: str, corpus: Corpus, sentences: _Sentences):
        self.annotator, self.sentences, self.rows = annotator, sentences, []
        self.outlets = corpus.outlet_of()

    def add(self, article_id: str, kind: str, cause: str, item: str, start=-1, end=-1, found_instead: str = "",
            note: str = "") -> None:
        paired = kind not in ("false positive", "false negative", "wrong value")
        self.rows.append({
            "annotator": self.annotator, "article_id": article_id, "outlet": self.outlets[article_id], "kind": kind,
            "cause": cause, "item": item, "found_instead": found_instead, "note": note,
            "sentence": self.sentences.text_at(article_id, start), "zone": self.sentences.zone_at(article_id, start),
            "start": start if start is not None and start >= 0 else None,
            "end": end if start is not None and start >= 0 else None,
            "false_positives": int(kind == "false positive" or paired),
            "false_negatives": int(kind == "false negative" or paired)})


# ---------------------------------------------------------------- actor mentions

def _is_alias(codebook: Codebook, surface: str, actor: str, date: str) -> bool:
    """Whether the codebook can read ``surface`` as ``actor`` on ``date``: an alias, or a title
    before an alias ("Mr Putin", "President Putin")."""
    if actor in {row["actor"] for row in codebook.candidates(surface, date)}:
        return True
    for title in codebook.titles:
        if surface.startswith(title + " ") and actor in {row["actor"] for row in
                                                         codebook.candidates(surface[len(title) + 1:], date)}:
            return True
    return False


def _missed_mention_cause(item: dict, start: int, end: int, everything: pd.DataFrame, codebook: Codebook,
                          date: str) -> tuple[str, str]:
    if item["actor"] not in set(codebook.actors["actor"]):
        return "actor missing from codebook", ""
    same = everything[everything["actor"] == item["actor"]]
    titled = same[(same["surface"] == item["surface"]) & same["in_title"]]
    if len(titled):
        return "span/title boundary", "found only inside someone's title"
    if not same.empty and not same["in_title"].eq(False).any():
        return "span/title boundary", "the actor is found only inside titles"
    near = everything[[_overlaps(start, end, s, e) for s, e in zip(everything["start"], everything["end"])]]
    if len(near):
        return "span/title boundary", f"inside the mention “{near['surface'].iloc[0]}” ({near['actor'].iloc[0]})"
    if not _is_alias(codebook, item["surface"], item["actor"], date):
        return "alias missing from codebook", ""
    return "alias known, dropped by a context rule", ""


def _spurious_mention_cause(actor: str, surface: str, entry: dict) -> tuple[str, str]:
    for not_actor in entry.get("not_actors", []):
        if surface == not_actor["text"] or surface in not_actor["text"].split():
            return "group or not-an-actor", f"gold: not an actor ({not_actor['reason']})"
    coded = next((a for a in entry.get("actors", []) if a["canonical"] == actor), None)
    if coded is None:
        return "group or not-an-actor", "the gold does not code this actor here"
    if coded["type"] == "group":
        return "group or not-an-actor", "the gold codes it as a group"
    if coded.get("title_only"):
        return "span/title boundary", "the gold has it only inside a title"
    near = [s for s in coded["surface_forms"] if s in surface or surface in s]
    if near:
        return "span/title boundary", f"gold form “{near[0]}”"
    return "surface not in gold", "gold forms: " + ", ".join(coded["surface_forms"])


def mention_errors(corpus: Corpus, gold: dict, found: pd.DataFrame, codebook: Codebook | None = None,
                   sentences: _Sentences | None = None) -> pd.DataFrame:
    """Errors of the actor-mention annotator on (actor, surface form) pairs."""
    codebook = codebook or default_codebook()
    rows = _Rows("actor mentions", corpus, sentences or _Sentences(corpus))
    dates = dict(zip(corpus.articles["id"], corpus.articles["date"].astype(str)))
    for m in scoring.match_mentions(corpus, gold, found):
        everything = found[(found["article_id"] == m.article_id) & found["actor"].notna()]
        spurious = list(m.spurious)
        for item in m.missed:
            label = f"{item['surface']} ({item['actor']})"
            other = next((i for i in spurious if m.found.loc[i, "surface"] == item["surface"]), None)
            if other is not None:
                spurious.remove(other)
                rows.add(m.article_id, PAIRED_KINDS["actor mentions"], "resolved to another actor", label,
                         m.found.loc[other, "start"], m.found.loc[other, "end"], m.found.loc[other, "actor"])
                continue
            start, end = rows.sentences.find_word(m.article_id, item["surface"])
            cause, note = _missed_mention_cause(item, start, end, everything, codebook, dates[m.article_id])
            rows.add(m.article_id, "false negative", cause, label, start, end, note=note)
        for i in spurious:
            actor, surface = m.found.loc[i, "actor"], m.found.loc[i, "surface"]
            cause, note = _spurious_mention_cause(actor, surface, m.entry)
            rows.add(m.article_id, "false positive", cause, f"{surface} ({actor})",
                     m.found.loc[i, "start"], m.found.loc[i, "end"], note=note)
    return _frame(rows.rows)


# ---------------------------------------------------------------- quotes and fragments

def _speaker_cause(gold_speaker, gold_pronoun, found_speaker, found_pronoun) -> str:
    if _empty(found_speaker) and _empty(gold_speaker):
        # Scored right only when the annotator also marks the source unnamed (scoring.speaker_right).
        return "unnamed source not recognised"
    if _empty(found_speaker):
        return "speaker missed (pronoun)" if gold_pronoun else "speaker missed"
    return "speaker wrong (pronoun)" if not _empty(found_pronoun) and bool(found_pronoun) else "speaker wrong"


def _speaker_name(speaker) -> str:
    return "no speaker" if _empty(speaker) else str(speaker)


def quote_errors(corpus: Corpus, gold: dict, found: pd.DataFrame, sentences: _Sentences | None = None) -> pd.DataFrame:
    """Errors of the quotation annotator on (speaker, first six words)."""
    rows = _Rows("quotes", corpus, sentences or _Sentences(corpus))
    for m in scoring.match_quotes(corpus, gold, found):
        text = corpus.texts[m.article_id]
        gold_quotes = m.entry["quotes"]
        located = [(at, at + len(q["first6"]) if at >= 0 else -1, q)
                   for at, q in zip(scoring.locate_in_order(text, [q["first6"] for q in gold_quotes]), gold_quotes)]
        where = {id(q): (s, e) for s, e, q in located}
        not_speech = ({n["text"] for n in m.entry.get("non_quotes", [])}
                      | {f["text"] for f in m.entry.get("fragments", [])})
        spurious = list(m.spurious)
        for item in m.missed:
            label = f"“{item['first6']} …” ({_speaker_name(item['speaker'])})"
            start, end = where[id(item)]
            other = next((i for i in spurious if m.found.loc[i, "first6"] == item["first6"]), None)
            if other is not None:
                spurious.remove(other)
                row = m.found.loc[other]
                cause = _speaker_cause(item["speaker"], item.get("pronoun_speaker"), row["speaker"], row["pronoun_speaker"])
                rows.add(m.article_id, PAIRED_KINDS["quotes"], cause, label, row["start"], row["end"],
                         _speaker_name(row["speaker"]))
                continue
            near = [i for i in m.found.index if _overlaps(start, end, m.found.loc[i, "start"], m.found.loc[i, "end"])]
            rows.add(m.article_id, "false negative", "boundary" if near else "span missed", label, start, end,
                     note=f"found “{m.found.loc[near[0], 'first6']} …”" if near else "")
        for i in spurious:
            row = m.found.loc[i]
            near = [q for s, e, q in located if _overlaps(s, e, row["start"], row["end"])]
            if near:
                cause, note = "boundary", f"gold “{near[0]['first6']} …”"
            else:
                cause, note = "span spurious", ("the gold lists it as a fragment or non-quote"
                                                if row["text"] in not_speech else "")
            rows.add(m.article_id, "false positive", cause, f"“{row['first6']} …” ({_speaker_name(row['speaker'])})",
                     row["start"], row["end"], note=note)
    return _frame(rows.rows)


def fragment_errors(corpus: Corpus, gold: dict, found: pd.DataFrame, sentences: _Sentences | None = None) -> pd.DataFrame:
    """Errors of the fragment annotator (quoted spans of 1–3 words) on their text. ``found`` is
    the annotator's fragments table, quoted names included (they show why a fragment was missed)."""
    rows = _Rows("fragments", corpus, sentences or _Sentences(corpus))
    for m in scoring.match_fragments(corpus, gold, found):
        article = found[found["article_id"] == m.article_id]
        text = corpus.texts[m.article_id]
        items = m.entry.get("fragments", [])
        where = {id(f): at for at, f in zip(scoring.locate_in_order(text, [f["text"] for f in items]), items)}
        non_quotes = {n["text"]: n.get("reason", "") for n in m.entry.get("non_quotes", [])}
        for item in m.missed:
            start = where[id(item)]
            end = start + len(item["text"]) if start >= 0 else -1
            near = article[[_overlaps(start, end, s, e) for s, e in zip(article["start"], article["end"])]]
            rows.add(m.article_id, "false negative", "boundary" if len(near) else "span missed",
                     f"“{item['text']}” ({_speaker_name(item.get('speaker'))})", start, end,
                     note=f"found “{near['text'].iloc[0]}” ({near['kind'].iloc[0]})" if len(near) else "")
        for i in m.spurious:
            row = m.found.loc[i]
            if row["text"] in non_quotes:
                cause, note = "not speech (scare quote, name or title)", f"gold: {non_quotes[row['text']]}"
            else:
                cause, note = "span spurious", ""
            rows.add(m.article_id, "false positive", cause, f"“{row['text']}” ({_speaker_name(row['speaker'])})",
                     row["start"], row["end"], note=note)
    return _frame(rows.rows)


# ---------------------------------------------------------------- indirect speech

def _gold_span(item: dict, key: str) -> tuple[int, int]:
    """Where the scorer located a gold item (its ``located_at``) to the end of its ``key`` string."""
    at = item["located_at"]
    return (at, at + len(item[key])) if at >= 0 else (-1, -1)


def _report_label(speaker, first6: str) -> str:
    return f"{first6} … ({_speaker_name(speaker)})"


def indirect_errors(corpus: Corpus, gold: dict, found: pd.DataFrame, sentences: _Sentences | None = None) -> pd.DataFrame:
    """Errors of the indirect-speech annotator on (content span, speaker)."""
    rows = _Rows("indirect speech", corpus, sentences or _Sentences(corpus))
    for m in scoring.match_indirect(corpus, gold, found):
        sentence_of = lambda position: rows.sentences.index_at(m.article_id, position)  # noqa: E731
        content = {i: (m.found.loc[i, "content_start"], m.found.loc[i, "content_end"]) for i in m.found.index}
        for item, i in m.matched:
            if scoring.speaker_right(m.found, item, i):
                continue
            row = m.found.loc[i]
            cause = _speaker_cause(item["speaker"], item.get("pronoun_speaker"), row["speaker"], row["pronoun_speaker"])
            rows.add(m.article_id, PAIRED_KINDS["indirect speech"], cause, _report_label(item["speaker"], item["first6"]),
                     *content[i], _speaker_name(row["speaker"]))
        for item in m.missed:
            start, end = _gold_span(item, "first6")
            sentence = sentence_of(start)
            near = [i for i in m.spurious if _overlaps(start, end, *content[i])
                    or (sentence is not None and sentence_of(content[i][0]) == sentence)]
            rows.add(m.article_id, "false negative", "boundary" if near else "span missed",
                     _report_label(item["speaker"], item["first6"]), start, end,
                     note=f"found “{m.found.loc[near[0], 'first6']} …”" if near else "")
        missed_sentences = {sentence_of(item["located_at"]) for item in m.missed} - {None}
        for i in m.spurious:
            row = m.found.loc[i]
            near = [item for item in m.missed if _overlaps(*_gold_span(item, "first6"), *content[i])]
            same_sentence = sentence_of(content[i][0]) in missed_sentences
            note = (f"gold “{near[0]['first6']} …”" if near
                    else "a missed gold report in this sentence" if same_sentence else "")
            rows.add(m.article_id, "false positive", "boundary" if near or same_sentence else "span spurious",
                     _report_label(row["speaker"], row["first6"]), *content[i], note=note)
    return _frame(rows.rows)


# ---------------------------------------------------------------- demands

@lru_cache(maxsize=1)
def _category_cues() -> dict[str, list[re.Pattern]]:
    cues = pd.read_csv(paths.CODEBOOKS / "demand_cues.csv", dtype=str, keep_default_na=False)
    by_category: dict[str, list[re.Pattern]] = {}
    for category, pattern in zip(cues["category"], cues["pattern"]):
        by_category.setdefault(category, []).append(re.compile(pattern, re.I))
    return by_category


def _demand_label(who, category, stance) -> str:
    return f"{who}: {category} ({stance})"


def _pair_demands(missed: list[dict], spurious: list[int], found: pd.DataFrame, located: dict, same_place) -> list:
    """Pair missed gold positions with spurious found ones that differ in one field, in three
    passes (stance, then holder, then category); holder and category pairs must share the gold
    evidence's sentence. Returns [(gold item, found index, kind, cause)]; pairs are removed from
    ``missed`` and ``spurious``."""
    passes = [("wrong stance", ("who", "category"), False), ("wrong holder", ("category", "stance"), True),
              ("wrong category", ("who", "stance"), True)]
    pairs = []
    for kind, fields, near_only in passes:
        for item in list(missed):
            other = next((i for i in spurious if all(found.loc[i, f] == item[f] for f in fields)
                          and (not near_only or same_place(located[id(item)], found.loc[i, "start"]))), None)
            if other is None:
                continue
            missed.remove(item)
            spurious.remove(other)
            cause = {"wrong stance": "stance wrong", "wrong holder": "holder wrong",
                     "wrong category": f"category confused with {found.loc[other, 'category']}"}[kind]
            pairs.append((item, other, kind, cause))
    return pairs


def demand_errors(corpus: Corpus, gold: dict, found: pd.DataFrame, sentences: _Sentences | None = None) -> pd.DataFrame:
    """Errors of the demand annotator on (who, category, stance)."""
    rows = _Rows("demands", corpus, sentences or _Sentences(corpus))
    cues = _category_cues()
    for m in scoring.match_demands(corpus, gold, found):
        text = corpus.texts[m.article_id]
        located = {id(d): text.find(d["evidence"]) for d in m.missed}
        same_place = lambda a, b: (rows.sentences.index_at(m.article_id, a) is not None  # noqa: E731
                                   and rows.sentences.index_at(m.article_id, a) == rows.sentences.index_at(m.article_id, b))
        missed, spurious = list(m.missed), list(m.spurious)
        for item, i, kind, cause in _pair_demands(missed, spurious, m.found, located, same_place):
            row = m.found.loc[i]
            instead = {"wrong stance": row["stance"], "wrong holder": row["who"], "wrong category": row["category"]}[kind]
            rows.add(m.article_id, kind, cause, _demand_label(item["who"], item["category"], item["stance"]),
                     row["start"], row["end"], str(instead), note=f"gold evidence: “{item['evidence']}”")
        for item in missed:
            start = located[id(item)]
            end = start + len(item["evidence"]) if start >= 0 else -1
            context = rows.sentences.text_at(m.article_id, start) or item["evidence"]
            cued = any(p.search(context) for p in cues.get(item["category"], []))
            rows.add(m.article_id, "false negative", "missed (cue present)" if cued else "missed (no cue in the codebook)",
                     _demand_label(item["who"], item["category"], item["stance"]), start, end,
                     note=f"gold evidence: “{item['evidence']}”")
        for i in spurious:
            row = m.found.loc[i]
            rows.add(m.article_id, "false positive", "spurious", _demand_label(row["who"], row["category"], row["stance"]),
                     row["start"], row["end"], note=f"evidence: “{row['evidence']}”")
    return _frame(rows.rows)


# ---------------------------------------------------------------- time expressions

def _value_name(value) -> str:
    return "vague (no value)" if _empty(value) else str(value)


def date_errors(corpus: Corpus, gold: dict, found: pd.DataFrame, sentences: _Sentences | None = None) -> pd.DataFrame:
    """Errors of the time-expression annotator: spans missed or spurious, and wrong values."""
    rows = _Rows("time expressions", corpus, sentences or _Sentences(corpus))
    for m in scoring.match_dates(corpus, gold, found):
        for item, i in m.matched:
            if not scoring.value_right(m.found, item, i):
                row = m.found.loc[i]
                rows.add(m.article_id, "wrong value", "value wrong", f"{item['text']} = {_value_name(item['value'])}",
                         row["start"], row["end"], _value_name(row["value"]))
        for item in m.missed:
            rows.add(m.article_id, "false negative", "missed", f"{item['text']} = {_value_name(item['value'])}",
                     *_gold_span(item, "text"))
        for i in m.spurious:
            row = m.found.loc[i]
            rows.add(m.article_id, "false positive", "spurious", f"{row['text']} = {_value_name(row['value'])}",
                     row["start"], row["end"])
    return _frame(rows.rows)


# ---------------------------------------------------------------- all annotators

def _frame(rows: list[dict]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=COLUMNS)
    for column in ("start", "end"):
        table[column] = table[column].astype("Int64")
    return table


def errors(corpus: Corpus, gold: dict, found: dict[str, pd.DataFrame] | None = None,
           codebook: Codebook | None = None) -> pd.DataFrame:
    """Every error of every annotator the gold has a section for, one row each (see the module
    docstring), grouped by annotator and, within one, by cause (most frequent first), then in
    text order. ``found`` is :func:`analysis.scoring.annotate`'s output (computed when not given).

    Columns: ``annotator``, ``article_id``, ``outlet``; ``kind`` (false positive, false negative,
    or a paired kind: wrong actor, wrong speaker, wrong stance, wrong holder, wrong category,
    wrong value); ``cause`` (see :data:`CAUSES`); ``item`` (the gold item, or the found one for a
    false positive); ``found_instead`` (what the annotator gave, for a paired kind); ``note`` (the
    evidence behind the cause); ``sentence`` and its ``zone``; ``start``, ``end`` (offsets into the
    raw text: the found item's, else where the gold item was located; empty when it was not);
    ``false_positives``, ``false_negatives`` (what the row counts for in precision and recall)."""
    found = scoring.annotate(corpus, gold, codebook) if found is None else found
    sentences = _Sentences(corpus)
    listers = {"actor mentions": lambda t: mention_errors(corpus, gold, t, codebook, sentences),
               "quotes": lambda t: quote_errors(corpus, gold, t, sentences),
               "fragments": lambda t: fragment_errors(corpus, gold, t, sentences),
               "indirect speech": lambda t: indirect_errors(corpus, gold, t, sentences),
               "demands": lambda t: demand_errors(corpus, gold, t, sentences),
               "time expressions": lambda t: date_errors(corpus, gold, t, sentences)}
    tables = [listers[name](table) for name, table in found.items() if name in listers]
    table = pd.concat([t for t in tables if len(t)], ignore_index=True) if any(len(t) for t in tables) else _frame([])
    return _grouped(table, list(found), list(corpus.articles["id"]))


def _grouped(table: pd.DataFrame, annotators: list[str], articles: list[str]) -> pd.DataFrame:
    if table.empty:
        return table
    size = table.groupby(["annotator", "cause"])["cause"].transform("size")
    order = table.assign(_annotator=table["annotator"].map({a: i for i, a in enumerate(annotators)}), _size=-size,
                         _article=table["article_id"].map({a: i for i, a in enumerate(articles)}),
                         _start=table["start"].fillna(-1))
    order = order.sort_values(["_annotator", "_size", "cause", "_article", "_start", "kind", "item"], kind="stable")
    return order[COLUMNS].reset_index(drop=True)


def cause_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Errors by annotator and cause: rows, and the false positives and negatives they count for."""
    if table.empty:
        return pd.DataFrame(columns=["annotator", "cause", "errors", "false_positives", "false_negatives"])
    counts = (table.groupby(["annotator", "cause"], sort=False)
              .agg(errors=("cause", "size"), false_positives=("false_positives", "sum"),
                   false_negatives=("false_negatives", "sum"))
              .reset_index())
    return counts


def f1_bars(f1: pd.DataFrame, colors: list[str] | None = None):
    """F1 by annotator (rows) for each scored corpus (columns), as grouped horizontal bars, each
    labelled with its value."""
    from .figures import PALETTE
    colors = colors or [PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[4]]
    rows, groups = f1.shape
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.32 * rows * groups + 1.6)))
    height = 0.8 / groups
    for j, (name, color) in enumerate(zip(f1.columns, colors)):
        ys = [i + (j - (groups - 1) / 2) * height for i in range(rows)]
        values = f1[name].astype(float)
        ax.barh(ys, values.fillna(0), height=height * 0.92, color=color, label=str(name))
        for y, value in zip(ys, values):
            if pd.notna(value):
                ax.text(value + 0.01, y, f"{value:.2f}", va="center", fontsize=8)
    ax.set_yticks(range(rows), [str(r) for r in f1.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.08)
    ax.set_xlabel("F1 against the hand-coded gold")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=groups, fontsize=9, borderaxespad=0.2)
    return fig, ax


# ---------------------------------------------------------------- several corpora side by side

SHOWN = ["corpus", "cause", "kind", "outlet", "item", "found_instead", "note", "zone", "sentence"]  # columns a reader needs
_LISTS = ("missed", "spurious", "wrong_value")  # per-article lists in the score tables, given by the error rows


def no_errors() -> pd.DataFrame:
    """An empty error table (for a corpus with no gold)."""
    return _frame([])


def article_scores(scored: dict[str, dict[str, pd.DataFrame]], *annotators: str) -> pd.DataFrame:
    """The annotators' scores per article on each scored corpus (``{corpus: scoring.score(...)}``),
    corpus (and annotator, when several) first; the lists of misses are left out (the error rows
    give them, with their sentences)."""
    frames = [tables[annotator].drop(columns=[c for c in _LISTS if c in tables[annotator]])
              .assign(corpus=name, annotator=annotator)
              for annotator in annotators for name, tables in scored.items() if annotator in tables]
    first = ["corpus", "annotator"] if len(annotators) > 1 else ["corpus"]
    if not frames:
        return pd.DataFrame(columns=[*first, "article_id"])
    table = pd.concat(frames, ignore_index=True)
    return table[[*first, *[c for c in table.columns if c not in ("corpus", "annotator")]]]


def listed_errors(listed: dict[str, pd.DataFrame], annotator: str | None = None) -> pd.DataFrame:
    """The error rows of each corpus (``{corpus: errors(...)}``) in one table, the corpus first;
    only ``annotator``'s when given. Within a corpus rows keep their order (grouped by cause)."""
    frames = [table.assign(corpus=name) for name, table in listed.items()]
    table = pd.concat(frames, ignore_index=True) if frames else no_errors().assign(corpus=pd.Series(dtype=str))
    if annotator is not None:
        table = table[table["annotator"] == annotator]
    return table[["corpus", *COLUMNS]].reset_index(drop=True)


def causes_by_corpus(listed: dict[str, pd.DataFrame], annotator: str) -> pd.DataFrame:
    """One annotator's errors counted by corpus and cause (see :func:`cause_counts`)."""
    frames = [cause_counts(table[table["annotator"] == annotator]).assign(corpus=name) for name, table in listed.items()]
    columns = ["corpus", "cause", "errors", "false_positives", "false_negatives"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


def select(table: pd.DataFrame, **equal) -> pd.DataFrame:
    """The rows of an error table whose columns equal the given values
    (``select(table, annotator="demands", cause="spurious")``)."""
    keep = pd.Series(True, index=table.index)
    for column, value in equal.items():
        keep &= table[column] == value
    return table[keep]
