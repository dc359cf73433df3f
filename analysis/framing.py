"""How each outlet frames the same event: measures computed from the annotation tables.

Each function returns a tidy table, one row per thing counted with its article and character
span where there is one, or a small outlet-level summary built from such rows. The word lists
these measures use are codebooks an analyst edits (``codebooks/labels.csv``,
``codebooks/response_cues.csv``, ``codebooks/fact_check_cues.csv``; loaded and neutral reporting
verbs are the ``loaded`` column of ``codebooks/reporting_verbs.csv``).

- **Headline and lead** (:func:`display_clauses`, :func:`first_named`): the grammatical subject
  and verb group of each clause in the headline, standfirst and first body paragraph, and the
  actor each outlet names first.
- **Voice** (:func:`voice_by_camp`, :func:`source_kinds`): quoted and paraphrased words by the
  speaker's camp; named people, institutions and unnamed sources.
- **Attribution verbs** (:func:`attribution_verbs`): neutral ("said") or loaded ("insisted").
- **The answer being characterised** (:func:`response_characterisations`): how an outlet words
  one side's answer to a proposal — "rejected", "resists", "supported in principle" — and
  whose words those are (the outlet's own, the answering side's, or a third party's).
- **Labels and spelling** (:func:`label_usage`, :func:`house_style`).
- **Context** (:func:`fact_checks`, :func:`only_one_outlet`): sentences in which the outlet
  corrects or qualifies what a source said, and what only one outlet reports.

The distinctive vocabulary, frames, shared copy and numbers live in their own modules
(:mod:`analysis.vocabulary`, :mod:`analysis.frames`, :mod:`analysis.shared_copy`,
:mod:`analysis.numbers`).

Limits: clause analysis is a pattern over words, not a parse — a subject is an actor mention
(or a pronoun) where a clause subject stands, and its verb group the auxiliaries, adverbs and
first lexical word after it; a pronoun is the last person named before it. Lexicons see words,
not meaning: a cue under a negation the rules do not look for, or in a sentence about another
proposal, is counted as written.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

import pandas as pd

from . import paths
from .actors import Codebook, article_mentions, default_codebook, subject_mentions
from .attribution import reporting_verbs
from .composition import article_names
from .corpus import Corpus
from .frames import cue_pattern
from .vocabulary import load_stopwords
from .voices import CAMP_ORDER  # noqa: F401  (re-exported for the notebook)

CONTENT_ZONES = ("headline", "standfirst", "caption", "subheading", "body")
DISPLAY_UNITS = ("headline", "standfirst", "lead")

# Words that may stand between a subject and its lexical verb without being the verb.
AUXILIARIES = {
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have", "had", "is", "are",
    "was", "were", "be", "been", "being", "do", "does", "did", "not", "never", "to", "also", "now", "still",
    "already", "again", "then", "just", "reportedly", "apparently", "once", "first", "later", "earlier", "today",
    "yesterday", "tonight", "due", "set", "expected", "likely", "about", "going", "in", "effect", "fact", "n’t", "n't",
}
# Time phrases that sit between subject and verb ("the Russian president last week pushed back").
INTERPOSED = re.compile(
    r"(?:last|this|next)\s+(?:week|month|year|weekend|night)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|in\s+effect|in\s+fact|on\s+\w+day\s+evening", re.I)
# Verbs whose infinitive complement is the real predicate: "continues to resist", "hopes to end".
CATENATIVES = {"continue", "continues", "continued", "continuing", "hope", "hopes", "hoped", "plan", "plans",
               "planned", "want", "wants", "wanted", "seek", "seeks", "sought", "try", "tries", "tried", "appear",
               "appears", "appeared", "seem", "seems", "seemed", "refuse", "refuses", "refused", "agree", "agrees",
               "agreed", "aim", "aims", "aimed", "intend", "intends", "intended", "threaten", "threatens",
               "threatened", "vow", "vows", "vowed", "promise", "promises", "promised", "decline", "declines",
               "declined", "prepare", "prepares", "prepared", "is", "are", "was", "were"}
NOT_VERBS = {"of", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "the", "a", "an", "who", "which",
             "that", "as", "than", "into", "over", "after", "before", "while", "his", "her", "its", "their", "this"}
# Particles of phrasal verbs: "pushed back", "ruled out", "stepped up".
PARTICLE = re.compile(r"\s+(?:back|out|up|down|off|away)\b")
PRONOUN = re.compile(r"\b([Hh]e|[Ss]he)\b")
WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*")




def _read_codebook(name: str) -> list[dict]:
    with open(paths.CODEBOOKS / name, encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


# --- display text: headline, standfirst, lead --------------------------------------------------


def display_units(corpus: Corpus) -> pd.DataFrame:
    """The text a reader meets first, per article: headline, standfirst, and the lead (first body
    paragraph). An article whose copy carries no headline has its first caption as its headline
    stand-in (unit ``headline (caption)``), since that line is the first the page shows."""
    paragraphs_of = corpus.rows_of("paragraphs", "zone", "start", "end", "text")
    rows = []
    for article_id in corpus.articles["id"]:
        first_of_zone = {}
        for zone, start, end, text in paragraphs_of.get(article_id, []):
            first_of_zone.setdefault(zone, (start, end, text))
        found = {unit: first_of_zone[zone] for zone, unit in (("headline", "headline"), ("standfirst", "standfirst"),
                                                                ("body", "lead")) if zone in first_of_zone}
        if "headline" not in found and "caption" in first_of_zone:
            found["headline (caption)"] = first_of_zone["caption"]
        for unit, (start, end, text) in found.items():
            rows.append({"article_id": article_id, "unit": unit, "start": int(start), "end": int(end), "text": text})
    order = {u: i for i, u in enumerate(["headline", "headline (caption)", "standfirst", "lead"])}
    table = pd.DataFrame(rows, columns=["article_id", "unit", "start", "end", "text"])
    return table.sort_values(["article_id", "unit"], key=lambda s: s.map(order) if s.name == "unit" else s.map(
        {a: i for i, a in enumerate(corpus.articles["id"])}), kind="stable").reset_index(drop=True)


def verb_group(text: str, position: int, limit: int) -> tuple[int, int] | None:
    """The verb group after a subject ending at ``position``: auxiliaries, adverbs and time
    phrases, then the first lexical word (and its infinitive, after a catenative verb).
    None when what follows is no verb (a preposition, a relative clause, a capitalised name)."""
    cursor = position
    # A comma apposition after the subject ("Trump, the US president, said") is skipped.
    apposition = re.match(r"\s*,[^,]{1,80},", text[cursor:limit])
    if apposition:
        cursor += apposition.end()
    start = None
    while cursor < limit:
        gap = re.match(r"[\s–—-]*", text[cursor:limit])
        cursor += gap.end()
        interposed = INTERPOSED.match(text, cursor, limit)
        if interposed:
            cursor = interposed.end()
            continue
        word = WORD.match(text, cursor, limit)
        if not word:
            return None
        token = word.group().lower()
        if start is None and token in NOT_VERBS:
            return None
        if token in AUXILIARIES or token.endswith("ly"):
            start = word.start() if start is None else start
            cursor = word.end()
            continue
        if word.group()[0].isupper() or token in NOT_VERBS:
            return None
        start = word.start() if start is None else start
        end = word.end()
        infinitive = re.match(r"\s+to\s+([a-z][\w’'-]*)", text[end:limit])
        if token in CATENATIVES and infinitive and infinitive.group(1) not in NOT_VERBS:
            end += infinitive.end()
        particle = PARTICLE.match(text, end, limit)
        return start, particle.end() if particle else end
    return None


def display_clauses(corpus: Corpus, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per clause subject in each display unit: who is the subject (an actor, or a
    pronoun resolved to the last person named before it) and the verb group that follows."""
    codebook = codebook or default_codebook()
    found_by_article = article_mentions(corpus, codebook)
    persons = set(codebook.actors.loc[codebook.actors["type"] == "person", "actor"])
    labels = article_names(corpus)
    rows = []
    for unit in display_units(corpus).itertuples(index=False):
        text = corpus.texts[unit.article_id]
        found = [m for m in found_by_article.get(unit.article_id, []) if m.actor]
        subjects = [(m.start, m.end, m.actor, text[m.start:m.end]) for m in subject_mentions(text, found, unit.start, unit.end)]
        for hit in PRONOUN.finditer(text, unit.start, unit.end):
            before = [m for m in found if m.end <= hit.start() and m.actor in persons and m.start >= unit.start]
            if before and _stands_as_subject(text, unit.start, hit.start()):
                subjects.append((hit.start(), hit.end(), before[-1].actor, hit.group()))
        taken_verbs = set()
        for start, end, actor, surface in sorted(subjects):
            verbs = verb_group(text, end, min(unit.end, end + 120))
            if verbs is None or verbs in taken_verbs:
                continue
            taken_verbs.add(verbs)
            rows.append({"article_id": unit.article_id, "article": labels[unit.article_id], "unit": unit.unit,
                         "subject": actor, "subject_surface": surface, "subject_start": start, "subject_end": end,
                         "verb": text[verbs[0]:verbs[1]], "verb_start": verbs[0], "verb_end": verbs[1]})
    columns = ["article_id", "article", "unit", "subject", "subject_surface", "subject_start", "subject_end",
               "verb", "verb_start", "verb_end"]
    return pd.DataFrame(rows, columns=columns)


def _stands_as_subject(text: str, unit_start: int, position: int) -> bool:
    before = text[unit_start:position].rstrip()
    if not before or before.endswith((",", ";", ":", "–", "—", "(", "“", "\"")):
        return True
    last = re.search(r"([\w’'-]+)$", before)
    return bool(last) and last.group(1).lower() in {"and", "but", "as", "that", "while", "after", "before", "when",
                                                      "because", "if", "since", "though", "although", "says", "said"}


def lead_matrix(clauses: pd.DataFrame, articles: list[str]) -> pd.DataFrame:
    """Article (rows) × display unit (columns): "Subject: verb" for each clause, one per line,
    subjects by surname."""
    if clauses.empty:
        return pd.DataFrame(index=pd.Index(articles, name="article"))
    # A caption standing in for a missing headline shares the headline column, marked as such.
    cells = clauses.assign(cell=[("(caption) " if u == "headline (caption)" else "") + f"{s.split()[-1]}: {v}"
                                 for s, v, u in zip(clauses["subject"], clauses["verb"], clauses["unit"])],
                           unit=clauses["unit"].replace({"headline (caption)": "headline"}))
    units = [u for u in ("headline", "standfirst", "lead") if u in set(cells["unit"])]
    table = cells.groupby(["article", "unit"], sort=False)["cell"].agg("; ".join).unstack(fill_value="")
    table = table.reindex(index=articles, columns=units, fill_value="").fillna("")
    table.index.name, table.columns.name = "article", None
    return table


def verbs_of(clauses: pd.DataFrame, actor: str) -> dict[str, str]:
    """Article -> the verb groups ``actor`` is the subject of in its display text, in text order."""
    own = clauses[clauses["subject"] == actor]
    return {a: "; ".join(dict.fromkeys(g["verb"])) for a, g in own.groupby("article", sort=False)}


def first_named(corpus: Corpus, mentions: pd.DataFrame) -> pd.DataFrame:
    """Per article, the first actor its display text names (outside someone's title), and the
    unit it is named in."""
    units = display_units(corpus)
    units_of = {a: g for a, g in units.groupby("article_id", sort=False)}
    named_of = {a: g for a, g in mentions[mentions["actor"].notna() & ~mentions["in_title"]].groupby("article_id", sort=False)}
    rows = []
    for article_id, label in article_names(corpus).items():
        own = units_of.get(article_id, units.iloc[:0])
        named = named_of.get(article_id, mentions.iloc[:0])
        for unit in own.itertuples(index=False):
            inside = named[(named["start"] >= unit.start) & (named["end"] <= unit.end)].sort_values("start")
            if len(inside):
                first = inside.iloc[0]
                rows.append({"article_id": article_id, "article": label, "unit": unit.unit, "actor": first["actor"],
                             "surface": first["surface"], "start": int(first["start"]), "end": int(first["end"])})
                break
    return pd.DataFrame(rows, columns=["article_id", "article", "unit", "actor", "surface", "start", "end"])


# --- voice ---------------------------------------------------------------------------------------


def voice_by_camp(corpus: Corpus, quotes: pd.DataFrame, indirect: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Quoted and paraphrased words per article and speaker camp, with each camp's share of the
    article's quoted-plus-paraphrased words. Paraphrase is the reported content of indirect
    speech minus any words quoted inside it, so no word counts twice."""
    camp = codebook.actors.set_index("actor")["camp"]
    labels = article_names(corpus)
    rows = []
    for q in quotes.itertuples(index=False):
        rows.append((q.article_id, camp.get(q.speaker, "unattributed") if isinstance(q.speaker, str) else "unattributed",
                     "quoted", int(q.n_words)))
    for s in indirect.itertuples(index=False):
        content = re.sub(r"[“\"‘][^”\"’]*[”\"’]", " ", s.content or "")
        who = camp.get(s.speaker, "unattributed") if isinstance(s.speaker, str) else "unattributed"
        rows.append((s.article_id, who, "paraphrased", len(re.findall(r"[\w’'-]+", content))))
    table = pd.DataFrame(rows, columns=["article_id", "camp", "kind", "words"])
    table = table.pivot_table(index=["article_id", "camp"], columns="kind", values="words", aggfunc="sum",
                              fill_value=0).reset_index()
    for kind in ("quoted", "paraphrased"):
        if kind not in table:
            table[kind] = 0
    table["words"] = table["quoted"] + table["paraphrased"]
    table["share"] = (table["words"] / table.groupby("article_id")["words"].transform("sum")).round(4)
    table.insert(1, "article", table["article_id"].map(labels))
    order = {c: i for i, c in enumerate(CAMP_ORDER + ["unattributed"])}
    articles = {a: i for i, a in enumerate(corpus.articles["id"])}
    table = table.sort_values(["article_id", "camp"], key=lambda s: s.map(articles if s.name == "article_id" else order),
                              kind="stable")
    return table[["article_id", "article", "camp", "quoted", "paraphrased", "words", "share"]].reset_index(drop=True)


def source_kinds(corpus: Corpus, quotes: pd.DataFrame, indirect: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every attribution (direct quote or indirect statement) with the kind of source it names:
    a named person, an institution ("the Kremlin", "a Downing Street spokesperson"), an unnamed
    source ("a U.S. official", "several"), or none the rules could find."""
    types = codebook.actors.set_index("actor")["type"]
    labels = article_names(corpus)
    rows = []
    for kind, table, start, end in (("quote", quotes, "start", "end"), ("indirect", indirect, "content_start", "content_end")):
        for r in table.itertuples(index=False):
            speaker = r.speaker if isinstance(r.speaker, str) else None
            if getattr(r, "unnamed_source", False):
                source = "unnamed source"
            elif speaker is None:
                source = "no source found"
            elif getattr(r, "institution_speaker", False) or types.get(speaker) != "person":
                source = "institution"
            else:
                source = "named person"
            rows.append({"article_id": r.article_id, "article": labels[r.article_id], "kind": kind, "speaker": speaker,
                         "source": source, "verb": r.verb if isinstance(r.verb, str) else None,
                         "start": int(getattr(r, start)), "end": int(getattr(r, end))})
    columns = ["article_id", "article", "kind", "speaker", "source", "verb", "start", "end"]
    return pd.DataFrame(rows, columns=columns).sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


# --- attribution verbs ---------------------------------------------------------------------------


def attribution_verbs(corpus: Corpus, quotes: pd.DataFrame, indirect: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """One row per attribution with a reporting verb: the verb's lemma, whether the codebook
    marks it loaded ("insisted", "accused", "claimed") or neutral ("said", "told"), and the
    speaker's camp. An indirect statement that repeats a direct quote's verb is kept once."""
    verbs = reporting_verbs()
    camp = codebook.actors.set_index("actor")["camp"]
    kinds = source_kinds(corpus, quotes, indirect, codebook)
    kinds = kinds[kinds["verb"].notna()].copy()
    kinds["lemma"] = [verbs[v.lower()].lemma if v.lower() in verbs else v.lower() for v in kinds["verb"]]
    kinds["loaded"] = [verbs[v.lower()].loaded if v.lower() in verbs else False for v in kinds["verb"]]
    kinds["camp"] = [camp.get(s, "unattributed") if isinstance(s, str) else "unattributed" for s in kinds["speaker"]]
    return kinds[["article_id", "article", "kind", "speaker", "camp", "verb", "lemma", "loaded", "start", "end"]].reset_index(drop=True)


def loaded_verb_summary(verbs: pd.DataFrame) -> pd.DataFrame:
    """Per article and camp: attributions, how many use a loaded verb, and which."""
    if verbs.empty:
        return pd.DataFrame(columns=["article", "camp", "attributions", "loaded", "loaded_share", "loaded_verbs"])
    grouped = verbs.groupby(["article", "camp"], sort=False)
    table = pd.DataFrame({
        "attributions": grouped.size(),
        "loaded": grouped["loaded"].sum().astype(int),
        "loaded_verbs": grouped.apply(lambda g: ", ".join(sorted(set(g.loc[g["loaded"], "verb"].str.lower()))),
                                      include_groups=False),
    }).reset_index()
    table["loaded_share"] = (table["loaded"] / table["attributions"]).round(4)
    return table[["article", "camp", "attributions", "loaded", "loaded_share", "loaded_verbs"]]


# --- how the answer to the proposal is characterised --------------------------------------------


@lru_cache(maxsize=1)
def response_cues() -> tuple[list[tuple[re.Pattern, str, str]], re.Pattern]:
    """(cue pattern, cue, characterisation) rows and the pattern of the proposal words a cue
    must be near, from ``codebooks/response_cues.csv``."""
    rows = _read_codebook("response_cues.csv")
    cues = [(cue_pattern(r["cue"]), r["cue"], r["characterisation"]) for r in rows if r["role"] == "answer"]
    cues.sort(key=lambda c: -len(c[1]))
    objects = [r["cue"] for r in rows if r["role"] == "proposal"]
    return cues, re.compile("|".join(cue_pattern(o).pattern for o in objects), re.I)


# A cue under a modal, a condition or a negation is a hope or hypothesis ("if they reject",
# "would accept", "did not reject"); after a verb of persuasion it is what others want
# ("convince him to accept").
HYPOTHETICAL = re.compile(
    r"(?:\b(?:would|could|can|might|may|if|whether|unless|not|cannot|should|will)\b|n[’']t)(?:\s+[\w’'-]+){0,3}\s*$"
    r"|\b(?:persuade|convince|urge|urged|urges|press|pressure|get|ask|asked|want|wants|wanted|hope|hopes|hoped|need|"
    r"needs|expect|expects|encourage|force|allow)\s+(?:[\w’'-]+\s+){0,3}to\s+(?:\w+ly\s+|also\s+)?$", re.I)


def response_characterisations(corpus: Corpus, mentions: pd.DataFrame, indirect: pd.DataFrame, quotes: pd.DataFrame,
                               responder_camp: str = "Russia") -> pd.DataFrame:
    """Every sentence that names an actor of ``responder_camp`` and words that side's answer to a
    proposal (a ceasefire, a truce, a plan) with a codebook cue: the cue, its characterisation
    (rejection, resistance, conditions, conditional support, acceptance, stalling), and whose
    words they are — ``outlet`` (the outlet's own narration), ``responder`` (the answering side
    reported or quoted), or ``third party`` (inside someone else's quote or reported speech).
    Cues after "to", "would", "if", "not" are hopes or hypotheses, not answers, and are left out."""
    cues, objects = response_cues()
    labels = article_names(corpus)
    content = corpus.sentences[corpus.sentences["zone"].isin(CONTENT_ZONES)]
    actors_named = mentions[mentions["actor"].notna() & ~mentions["in_title"]]
    responders = actors_named[actors_named["camp"] == responder_camp]
    rows = []
    for s in content.itertuples(index=False):
        named = responders[(responders["article_id"] == s.article_id) & (responders["start"] >= s.start)
                           & (responders["end"] <= s.end)]
        if named.empty or not objects.search(s.text):
            continue
        text = corpus.texts[s.article_id]
        sentence_mentions = actors_named[(actors_named["article_id"] == s.article_id) & (actors_named["start"] >= s.start)
                                         & (actors_named["end"] <= s.end)]
        taken: list[tuple[int, int]] = []
        for pattern, cue, characterisation in cues:
            for hit in pattern.finditer(text, s.start, s.end):
                start, end = hit.start(), hit.end()
                if any(a < end and start < b for a, b in taken) or HYPOTHETICAL.search(text[s.start:start]):
                    continue
                if not _answered_by(named, sentence_mentions, start):
                    continue
                taken.append((start, end))
                voice, speaker = _whose_words(s.article_id, start, indirect, quotes, set(named["actor"]))
                rows.append({"article_id": s.article_id, "article": labels[s.article_id], "responder": named.iloc[0]["actor"],
                             "cue": text[start:end], "characterisation": characterisation, "voice": voice,
                             "speaker": speaker, "start": start, "end": end, "sentence": s.text})
    columns = ["article_id", "article", "responder", "cue", "characterisation", "voice", "speaker", "start", "end", "sentence"]
    return pd.DataFrame(rows, columns=columns)


def _answered_by(responders: pd.DataFrame, named: pd.DataFrame, position: int) -> bool:
    """The cue is the responder's answer when the actor named nearest before it is the
    responder ("Ukraine has accepted ..., Putin rejected ..."), or, with no actor before it,
    when a responder is named in the sentence at all ("Rejected by the Kremlin ...")."""
    before = named[named["end"] <= position]
    if before.empty:
        return not responders.empty
    return before.sort_values("end").iloc[-1]["actor"] in set(responders["actor"])


def _whose_words(article_id: str, position: int, indirect: pd.DataFrame, quotes: pd.DataFrame,
                 responders: set[str]) -> tuple[str, str | None]:
    for table, start, end in ((quotes, "start", "end"), (indirect, "content_start", "content_end")):
        inside = table[(table["article_id"] == article_id) & (table[start] <= position) & (table[end] > position)]
        if len(inside):
            speaker = inside.iloc[0]["speaker"]
            speaker = speaker if isinstance(speaker, str) else None
            return ("responder" if speaker in responders else "third party"), speaker
    return "outlet", None


def characterisation_matrix(found: pd.DataFrame, articles: list[str]) -> pd.DataFrame:
    """Article (rows) × characterisation (columns): the cues each outlet uses in its own voice
    ("resist"), with the answering side's or a third party's words marked ("supported in
    principle (responder)"). Cells hold the cue words, joined; empty where none."""
    if found.empty:
        return pd.DataFrame(index=pd.Index(articles, name="article"))
    marked = found.assign(label=[c if v == "outlet" else f"{c} ({v})" for c, v in zip(found["cue"], found["voice"])])
    table = marked.groupby(["article", "characterisation"], sort=False)["label"].agg(
        lambda cues: "; ".join(dict.fromkeys(c.lower() for c in cues))).unstack(fill_value="")
    return table.reindex(index=articles, fill_value="").fillna("")


def voice_colors(matrix: pd.DataFrame) -> dict[str, str]:
    """Colours for :func:`analysis.figures.label_matrix` over a characterisation matrix: a cell
    with any cue in the outlet's own voice (no "(responder)" / "(third party)" mark) is blue."""
    own_voice, reported = "#9CC9E8", "#E3E3E3"
    return {cell: (own_voice if any("(" not in cue for cue in cell.split("; ")) else reported)
            for cell in pd.unique(matrix.to_numpy().ravel()) if isinstance(cell, str) and cell}


# --- labels and spelling -------------------------------------------------------------------------


@lru_cache(maxsize=1)
def label_codebook() -> list[tuple[str, str, re.Pattern, bool]]:
    """(variable, variant, pattern, case_sensitive) rows from ``codebooks/labels.csv``."""
    rows = []
    for r in _read_codebook("labels.csv"):
        sensitive = r["case_sensitive"] == "yes"
        rows.append((r["variable"], r["variant"], re.compile(r["pattern"], 0 if sensitive else re.I), sensitive))
    return rows


def label_usage(corpus: Corpus, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per occurrence of a codebook label or spelling variant in the content zones: the
    variable ("Zelensky spelling", "what the war is called", "honorific"), the variant, its span,
    and whether it stands inside a direct quote (then it is the speaker's word, not the outlet's)."""
    labels = article_names(corpus)
    content = corpus.paragraphs[corpus.paragraphs["zone"].isin(CONTENT_ZONES)]
    rows = []
    for p in content.itertuples(index=False):
        text = corpus.texts[p.article_id]
        spans = [] if quotes is None else list(zip(*quotes.loc[quotes["article_id"] == p.article_id, ["start", "end"]].T.values)) \
            if len(quotes[quotes["article_id"] == p.article_id]) else []
        taken: dict[str, list[tuple[int, int]]] = {}
        for variable, variant, pattern, _ in label_codebook():
            for hit in pattern.finditer(text, p.start, p.end):
                start, end = hit.span()
                if any(a < end and start < b for a, b in taken.get(variable, [])):
                    continue
                taken.setdefault(variable, []).append((start, end))
                rows.append({"article_id": p.article_id, "article": labels[p.article_id], "variable": variable,
                             "variant": variant, "text": text[start:end], "start": start, "end": end,
                             "in_quote": any(a <= start and end <= b for a, b in spans)})
    columns = ["article_id", "article", "variable", "variant", "text", "start", "end", "in_quote"]
    return pd.DataFrame(rows, columns=columns).sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)


def house_style(usage: pd.DataFrame, articles: list[str], own_words_only: bool = True) -> pd.DataFrame:
    """Variable (rows) × article (columns): the variants each outlet uses, most used first, with
    counts ("Zelenskiy ×5"); quotes left out by default, as they are the speakers' words."""
    rows = usage[~usage["in_quote"]] if own_words_only else usage
    if rows.empty:
        return pd.DataFrame(columns=articles)
    counted = rows.groupby(["variable", "article", "variant"], sort=False).size().reset_index(name="n")
    counted = counted.sort_values(["variable", "article", "n", "variant"], ascending=[True, True, False, True], kind="stable")
    cells = counted.groupby(["variable", "article"], sort=False).apply(
        lambda g: ", ".join(f"{v} ×{n}" for v, n in zip(g["variant"], g["n"])), include_groups=False)
    table = cells.unstack(fill_value="").reindex(columns=articles, fill_value="").fillna("")
    table.columns.name = None
    return table


# --- context: what the outlet checks, and what only one outlet says -------------------------------


@lru_cache(maxsize=1)
def fact_check_cues() -> list[tuple[re.Pattern, str, str]]:
    """(pattern, cue, kind) rows from ``codebooks/fact_check_cues.csv``."""
    return [(cue_pattern(r["cue"]), r["cue"], r["kind"]) for r in _read_codebook("fact_check_cues.csv")]


NEGATION = re.compile(r"\b(?:is|are|was|were|does|do|did|has|have)\s+not\b|\b(?:isn’t|isn't|aren’t|wasn’t|doesn’t|didn’t|"
                      r"never|no)\b", re.I)
def _content_words(text: str) -> set[str]:
    stop = load_stopwords()
    return {w.lower() for w in re.findall(r"[A-Za-z][\w’'-]+", text) if w.lower() not in stop and len(w) > 2}


def fact_checks(corpus: Corpus, quotes: pd.DataFrame, indirect: pd.DataFrame, min_shared: int = 3) -> pd.DataFrame:
    """Sentences in which the outlet, in its own voice, checks what a source said:
    ``correction`` — a negated statement that shares at least ``min_shared`` content words with a
    quote or reported statement in the two sentences before it ("... a power plant that is on the
    border ..." then "The plant is not on the border"), or an explicit cue ("without evidence",
    "in fact"); ``caveat`` — the outlet marks what it could not establish ("did not elaborate",
    "could not be independently verified", "remains unclear")."""
    labels = article_names(corpus)
    content = corpus.sentences[corpus.sentences["zone"].isin(CONTENT_ZONES)].reset_index(drop=True)
    spans = pd.concat([quotes[["article_id", "start", "end", "speaker"]],
                       indirect.rename(columns={"content_start": "start", "content_end": "end"})[
                           ["article_id", "start", "end", "speaker"]]], ignore_index=True)
    rows = []
    for i, s in enumerate(content.itertuples(index=False)):
        own = spans[spans["article_id"] == s.article_id]
        speech = [(a, b) for a, b in zip(own["start"], own["end"]) if a < s.end and b > s.start]

        def outside_speech(hit: re.Match) -> bool:
            # A cue inside a quote or reported statement is the source's word, not the outlet's check.
            return not any(a <= s.start + hit.start() < b for a, b in speech)

        kind, cue, checked = None, None, None
        for pattern, name, cue_kind in fact_check_cues():
            hit = next(filter(outside_speech, pattern.finditer(s.text)), None)
            if hit:
                kind, cue = cue_kind, hit.group()
                break
        negated = next(filter(outside_speech, NEGATION.finditer(s.text)), None)
        if negated and kind != "caveat" and not speech:
            earlier = content.iloc[max(0, i - 2):i]
            earlier = earlier[earlier["article_id"] == s.article_id]
            for e in earlier.itertuples(index=False):
                said = own[(own["start"] < e.end) & (own["end"] > e.start)]
                if said.empty:
                    continue
                shared = _content_words(s.text) & _content_words(corpus.texts[s.article_id][int(said["start"].min()):int(said["end"].max())])
                if len(shared) >= min_shared:
                    kind, cue = "correction", negated.group()
                    checked = said.iloc[0]["speaker"] if isinstance(said.iloc[0]["speaker"], str) else None
                    break
        if kind:
            rows.append({"article_id": s.article_id, "article": labels[s.article_id], "kind": kind, "cue": cue,
                         "checks": checked, "start": int(s.start), "end": int(s.end), "sentence": s.text})
    columns = ["article_id", "article", "kind", "cue", "checks", "start", "end", "sentence"]
    return pd.DataFrame(rows, columns=columns)


def only_one_outlet(corpus: Corpus, mentions: pd.DataFrame, dated_events: pd.DataFrame) -> pd.DataFrame:
    """What one outlet alone brings: the actors only it names and the dated events only it
    reports (from :func:`analysis.timeline.events`). One row per item: outlet, what (``actor`` or
    ``event``), item, and for an actor the article and span of its first mention (an event's
    evidence is in the events table)."""
    outlets = corpus.outlet_of()
    rows = []
    named = mentions[mentions["actor"].notna() & ~mentions["in_title"]].copy()
    named["outlet"] = named["article_id"].map(outlets)
    if named["outlet"].nunique() > 1:
        by_actor = named.groupby("actor")["outlet"].nunique()
        for actor in by_actor[by_actor == 1].index:
            first = named[named["actor"] == actor].sort_values(["article_id", "start"]).iloc[0]
            rows.append({"outlet": first["outlet"], "what": "actor", "item": actor, "article_id": first["article_id"],
                         "start": int(first["start"]), "end": int(first["end"])})
    if corpus.articles["outlet"].nunique() > 1 and not dated_events.empty:
        for e in dated_events[dated_events["n_outlets"] == 1].itertuples(index=False):
            rows.append({"outlet": e.outlets, "what": "event", "item": f"{e.event} ({e.date})", "article_id": None,
                         "start": None, "end": None})
    table = pd.DataFrame(rows, columns=["outlet", "what", "item", "article_id", "start", "end"])
    table[["start", "end"]] = table[["start", "end"]].astype("Int64")
    order = {o: i for i, o in enumerate(dict.fromkeys(corpus.articles["outlet"]))}
    return table.sort_values(["outlet", "what", "item"], key=lambda s: s.map(order) if s.name == "outlet" else s,
                             kind="stable").reset_index(drop=True)


def context_summary(corpus: Corpus, background: pd.DataFrame, checks: pd.DataFrame, alone: pd.DataFrame) -> pd.DataFrame:
    """Per article: body words, the share of them that is background and news of the week
    (from :func:`analysis.timeline.time_focus_shares`), corrections and caveats, and the actors
    and events its outlet alone gives."""
    labels = article_names(corpus)
    outlet = dict(zip(corpus.articles["id"], corpus.articles["outlet"]))
    body = corpus.paragraphs[corpus.paragraphs["zone"] == "body"].groupby("article_id")["n_words"].sum()
    counted = checks.groupby(["article", "kind"]).size().unstack(fill_value=0) if len(checks) else pd.DataFrame()
    only = alone.groupby(["outlet", "what"]).size().unstack(fill_value=0) if len(alone) else pd.DataFrame()
    rows = []
    for article_id, label in labels.items():
        rows.append({
            "article": label,
            "body_words": int(body.get(article_id, 0)),
            "background_share": round(float(background["background"].get(label, 0.0)), 4) if "background" in background else 0.0,
            "news_share": round(float(background["news"].get(label, 0.0)), 4) if "news" in background else 0.0,
            "corrections": int(counted.loc[label, "correction"]) if label in counted.index and "correction" in counted else 0,
            "caveats": int(counted.loc[label, "caveat"]) if label in counted.index and "caveat" in counted else 0,
            "actors_only_here": int(only.loc[outlet[article_id], "actor"]) if outlet[article_id] in only.index and "actor" in only else 0,
            "events_only_here": int(only.loc[outlet[article_id], "event"]) if outlet[article_id] in only.index and "event" in only else 0,
        })
    return pd.DataFrame(rows).set_index("article")


def answer_finding(found: pd.DataFrame, articles: list[str]) -> str:
    """A figure title that states what the characterisations show: each outlet's own-voice cues
    when there are few outlets, else how many outlets characterise the answer themselves and
    their commonest cue."""
    own = found[found["voice"] == "outlet"]
    cues = own.groupby("article", sort=False)["cue"].agg(lambda c: "; ".join(dict.fromkeys(c.str.lower())))
    if own.empty:
        return "No outlet characterises the answer in its own voice"
    if len(articles) <= 4:
        silent = [a for a in articles if a not in cues.index]
        return ("In their own voice: " + "; ".join(f"{a} “{c}”" for a, c in cues.items())
                + (f"; {', '.join(silent)} only {'report' if len(silent) > 1 else 'reports'} others' words" if silent else ""))
    commonest = own.assign(cue=own["cue"].str.lower()).groupby("cue")["article"].nunique().sort_values(
        ascending=False, kind="stable")
    return (f"{len(cues)} of {len(articles)} outlets characterise the answer in their own voice; "
            f"commonest: “{commonest.index[0]}” ({commonest.iloc[0]} outlets)")
