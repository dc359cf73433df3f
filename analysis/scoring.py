"""Accuracy against a hand-coded gold: precision, recall and F1 for each annotator.

The gold is a JSON file in the format of ``tests/gold/gold.json`` (its ``conventions`` say how
to code a text), keyed by article file name. ``score(corpus, gold)`` scores every annotator
that has a gold section; each scorer returns one row per article plus an ``all`` row.

- actor mentions: the set of (actor, surface form) pairs per article, the gold's convention;
  ``group`` actors and actors that occur only inside a title are left out by default;
- quotes: (speaker, first six words) per span; span detection alone (first six words) and
  speaker accuracy on the detected spans are reported too;
- fragments: (speaker, text), and text alone;
- indirect speech: the reported content located by its first six words, with the speaker.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pandas as pd

from . import paths
from .corpus import Corpus
from .quotes import first_words


def load_gold(path: Path | str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_for(corpus: Corpus) -> dict | None:
    """The hand-coded gold of a corpus: the seed gold for ``raw/``, else a ``gold.json`` in the
    corpus folder, else None (nothing to score against)."""
    if corpus.folder == paths.SEED_CORPUS.resolve():
        return load_gold(paths.SEED_GOLD)
    own = corpus.folder / paths.GOLD_NAME
    return load_gold(own) if own.is_file() else None


def _prf(tp: int, n_found: int, n_gold: int) -> dict:
    precision = tp / n_found if n_found else (1.0 if not n_gold else 0.0)
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"found": n_found, "gold": n_gold, "correct": tp,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _by_file(corpus: Corpus, gold: dict) -> list[tuple[str, str, dict]]:
    ids = dict(zip(corpus.articles["file"], corpus.articles["id"]))
    return [(ids[name], name, entry) for name, entry in gold["texts"].items() if name in ids]


def _table(rows: list[dict], totals: Counter, extra_total: dict | None = None) -> pd.DataFrame:
    overall = {"article_id": "all", **_prf(totals["tp"], totals["found"], totals["gold"]), **(extra_total or {})}
    return pd.DataFrame(rows + [overall])


def score_mentions(corpus: Corpus, gold: dict, found: pd.DataFrame, drop_groups: bool = True) -> pd.DataFrame:
    rows, totals = [], Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        wanted = {(a["canonical"], s) for a in entry["actors"]
                  if not (drop_groups and (a["type"] == "group" or a.get("title_only")))
                  for s in a["surface_forms"]}
        mine = found[(found["article_id"] == article_id) & found["actor"].notna()]
        if drop_groups:
            # Mirror the gold: no groups, and no actor that occurs only inside someone's title.
            outside_titles = set(mine.loc[~mine["in_title"], "actor"])
            mine = mine[(mine["type"] != "group") & mine["actor"].isin(outside_titles)]
        got = set(zip(mine["actor"], mine["surface"]))
        tp = len(wanted & got)
        rows.append({"article_id": article_id, **_prf(tp, len(got), len(wanted)),
                     "missed": sorted(wanted - got), "spurious": sorted(got - wanted)})
        totals.update(tp=tp, found=len(got), gold=len(wanted))
    return _table(rows, totals)


def _match_counts(wanted: list, got: list) -> int:
    return sum((Counter(wanted) & Counter(got)).values())


def score_quotes(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    rows, totals = [], Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        wanted = [(q["speaker"], q["first6"]) for q in entry["quotes"]]
        mine = found[found["article_id"] == article_id]
        got = list(zip(mine["speaker"], mine["first6"]))
        tp = _match_counts(wanted, got)
        spans = _match_counts([w for _, w in wanted], [g for _, g in got])
        rows.append({"article_id": article_id, **_prf(tp, len(got), len(wanted)),
                     "span_recall": round(spans / len(wanted), 4) if wanted else 1.0,
                     "speaker_accuracy": round(tp / spans, 4) if spans else 1.0,
                     "missed": sorted(Counter(wanted) - Counter(got), key=str),
                     "spurious": sorted(Counter(got) - Counter(wanted), key=str)})
        totals.update(tp=tp, found=len(got), gold=len(wanted), spans=spans)
    return _table(rows, totals, {
        "span_recall": round(totals["spans"] / totals["gold"], 4) if totals["gold"] else 1.0,
        "speaker_accuracy": round(totals["tp"] / totals["spans"], 4) if totals["spans"] else 1.0})


def score_fragments(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    rows, totals = [], Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        wanted = [f["text"] for f in entry.get("fragments", [])]
        mine = found[(found["article_id"] == article_id) & (found["kind"] == "fragment")]
        got = list(mine["text"])
        tp = _match_counts(wanted, got)
        rows.append({"article_id": article_id, **_prf(tp, len(got), len(wanted)),
                     "missed": sorted(Counter(wanted) - Counter(got)), "spurious": sorted(Counter(got) - Counter(wanted))})
        totals.update(tp=tp, found=len(got), gold=len(wanted))
    return _table(rows, totals)


def score_indirect(corpus: Corpus, gold: dict, found: pd.DataFrame, tolerance: int = 12) -> pd.DataFrame:
    """Reported content is matched by position: a found item matches a gold item when its content
    starts within ``tolerance`` characters of where the gold's first six words stand."""
    rows, totals = [], Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        text = corpus.texts[article_id]
        located, cursor = [], 0
        for item in entry.get("indirect", []):
            at = text.find(item["first6"], cursor)
            if at < 0:
                at = text.find(item["first6"])
            located.append((at, item))
            cursor = max(cursor, at + 1) if at >= 0 else cursor
        mine = found[found["article_id"] == article_id]
        used, tp_span, tp = set(), 0, 0
        missed = []
        for at, item in located:
            hit = next((i for i, s in zip(mine.index, mine["content_start"])
                        if i not in used and abs(s - at) <= tolerance), None)
            if hit is None:
                missed.append((item["speaker"], item["first6"]))
                continue
            used.add(hit)
            tp_span += 1
            tp += mine.loc[hit, "speaker"] == item["speaker"]
        spurious = [(s, first_words(t)) for i, s, t in zip(mine.index, mine["speaker"], mine["content"]) if i not in used]
        rows.append({"article_id": article_id, **_prf(tp, len(mine), len(located)),
                     "span_f1": _prf(tp_span, len(mine), len(located))["f1"],
                     "speaker_accuracy": round(tp / tp_span, 4) if tp_span else 1.0,
                     "missed": missed, "spurious": spurious})
        totals.update(tp=tp, found=len(mine), gold=len(located), spans=tp_span)
    return _table(rows, totals, {
        "span_f1": _prf(totals["spans"], totals["found"], totals["gold"])["f1"],
        "speaker_accuracy": round(totals["tp"] / totals["spans"], 4) if totals["spans"] else 1.0})


def score_dates(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    """Time expressions: a found expression matches a gold one when their spans overlap (gold
    located by its text, in order); the value must then be equal (both empty for vague ones)."""
    rows, totals, by_kind = [], Counter(), Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        if "dates" not in entry:
            continue
        text = corpus.texts[article_id]
        mine = found[found["article_id"] == article_id]
        used, cursor, tp, right, missed, wrong = set(), 0, 0, 0, [], []
        for item in entry["dates"]:
            at = text.find(item["text"], cursor)
            at = text.find(item["text"]) if at < 0 else at
            cursor = at + 1 if at >= 0 else cursor
            end = at + len(item["text"])
            hit = next((i for i, s, e in zip(mine.index, mine["start"], mine["end"])
                        if i not in used and s < end and at < e), None)
            by_kind[(item["kind"], "gold")] += 1
            if hit is None:
                missed.append((item["text"], item["value"]))
                continue
            used.add(hit)
            tp += 1
            value = mine.loc[hit, "value"]
            same = value == item["value"] or (item["value"] is None and pd.isna(value))
            right += same
            by_kind[(item["kind"], "right")] += same
            if not same:
                wrong.append((item["text"], item["value"], value))
        spurious = [(t, v) for i, t, v in zip(mine.index, mine["text"], mine["value"]) if i not in used]
        rows.append({"article_id": article_id, **_prf(tp, len(mine), len(entry["dates"])),
                     "value_accuracy": round(right / tp, 4) if tp else 1.0,
                     "missed": missed, "spurious": spurious, "wrong_value": wrong})
        totals.update(tp=tp, found=len(mine), gold=len(entry["dates"]), right=right)
    extra = {"value_accuracy": round(totals["right"] / totals["tp"], 4) if totals["tp"] else 1.0}
    for kind in sorted({k for k, _ in by_kind}):
        extra[f"value_accuracy_{kind}"] = round(by_kind[(kind, "right")] / by_kind[(kind, "gold")], 4)
    return _table(rows, totals, extra)


def score_demands(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    """Demands and positions as (who, category, stance) per article, the gold's unit; also
    (who, category) alone, and stance accuracy on the pairs found."""
    rows, totals = [], Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        if "demands" not in entry:
            continue
        wanted = {(d["who"], d["category"], d["stance"]) for d in entry["demands"]}
        mine = found[found["article_id"] == article_id]
        got = set(zip(mine["who"], mine["category"], mine["stance"]))
        tp = len(wanted & got)
        pairs_wanted = {(w, c) for w, c, _ in wanted}
        pairs_got = {(w, c) for w, c, _ in got}
        pairs = len(pairs_wanted & pairs_got)
        rows.append({"article_id": article_id, **_prf(tp, len(got), len(wanted)),
                     "pair_f1": _prf(pairs, len(pairs_got), len(pairs_wanted))["f1"],
                     "missed": sorted(wanted - got), "spurious": sorted(got - wanted)})
        totals.update(tp=tp, found=len(got), gold=len(wanted), pairs=pairs, pairs_found=len(pairs_got),
                      pairs_gold=len(pairs_wanted))
    return _table(rows, totals, {"pair_f1": _prf(totals["pairs"], totals["pairs_found"], totals["pairs_gold"])["f1"]})


def score_demand_categories(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall per demand category, over (article, who, category, stance)."""
    wanted, got = Counter(), Counter()
    hits = Counter()
    for article_id, name, entry in _by_file(corpus, gold):
        gold_set = {(d["who"], d["category"], d["stance"]) for d in entry.get("demands", [])}
        mine = found[found["article_id"] == article_id]
        found_set = set(zip(mine["who"], mine["category"], mine["stance"]))
        for _, category, _ in gold_set:
            wanted[category] += 1
        for _, category, _ in found_set:
            got[category] += 1
        for _, category, _ in gold_set & found_set:
            hits[category] += 1
    return pd.DataFrame([{"category": c, **_prf(hits[c], got[c], wanted[c])} for c in sorted(set(wanted) | set(got))])


def score(corpus: Corpus, gold: dict, codebook=None) -> dict[str, pd.DataFrame]:
    """Annotate ``corpus`` and score every annotator against ``gold``: per-article tables by
    annotator, and a ``summary`` with one row per annotator."""
    from .actors import mentions
    from .quotes import quotes
    from .speech import indirect_speech

    from .timeline import temporal_expressions

    has = lambda section: any(section in entry for entry in gold["texts"].values())  # noqa: E731
    tables = {}
    if has("actors"):
        tables["actor mentions"] = score_mentions(corpus, gold, mentions(corpus, codebook))
    if has("quotes"):
        voices = quotes(corpus, codebook)
        tables["quotes"] = score_quotes(corpus, gold, voices["quotes"])
        tables["fragments"] = score_fragments(corpus, gold, voices["fragments"])
    if has("indirect"):
        tables["indirect speech"] = score_indirect(corpus, gold, indirect_speech(corpus, codebook))
    if has("demands"):
        from .demands import demands
        tables["demands"] = score_demands(corpus, gold, demands(corpus, codebook))
    if has("dates"):
        tables["time expressions"] = score_dates(corpus, gold, temporal_expressions(corpus))
    rows = []
    for name, table in tables.items():
        total = table[table["article_id"] == "all"].iloc[0]
        rows.append({"annotator": name, "gold": int(total["gold"]), "found": int(total["found"]),
                     "precision": total["precision"], "recall": total["recall"], "f1": total["f1"],
                     "span_f1": total.get("span_f1", total["f1"]) if name != "quotes" else
                     _prf(round(total["span_recall"] * total["gold"]), total["found"], total["gold"])["f1"],
                     "speaker_accuracy": total.get("speaker_accuracy", None),
                     "value_accuracy": total.get("value_accuracy", None)})
    tables["summary"] = pd.DataFrame(rows)
    return tables
