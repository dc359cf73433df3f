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

Each scorer rests on a ``match_*`` function that lines found items up with gold items, article
by article (:class:`ArticleMatch`); :mod:`analysis.errors` lists the errors from the same
matches, so the error list and the scores cannot disagree.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
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


@dataclass
class ArticleMatch:
    """How one article's found items line up with its gold items.

    ``matched`` pairs a gold item with the index (in the found table) of the item that matches
    it; ``missed`` are gold items nothing matches; ``spurious`` are indices of found items that
    match nothing. What "matches" means is each scorer's unit (see its ``match_*`` function):
    for indirect speech and time expressions a pair matches on its span, and the speaker or the
    value is then compared. Gold items of mentions are ``{"actor", "type", "surface"}``; gold
    items of indirect speech and time expressions carry ``located_at``, where the scorer found
    them in the text (-1 when it did not)."""

    article_id: str
    file: str
    entry: dict
    found: pd.DataFrame
    matched: list[tuple[dict, int]] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)
    spurious: list[int] = field(default_factory=list)


def _match_sets(wanted: dict, got: dict) -> tuple[list, list, list]:
    """Set matching on keys: ``wanted`` maps each gold key to its item, ``got`` each found key
    to the index of its first row. Returns (matched, missed, spurious) in key order."""
    matched = [(wanted[k], got[k]) for k in sorted(wanted.keys() & got.keys(), key=str)]
    missed = [wanted[k] for k in sorted(wanted.keys() - got.keys(), key=str)]
    spurious = [got[k] for k in sorted(got.keys() - wanted.keys(), key=str)]
    return matched, missed, spurious


def _match_multisets(wanted: list[tuple], got: list[tuple]) -> tuple[list, list, list]:
    """Multiset matching on keys: ``wanted`` is [(key, gold item)], ``got`` [(key, found index)],
    both in text order; each gold item takes the first unused found item with its key, so the
    number matched is the size of the multisets' intersection."""
    free = defaultdict(list)
    for key, index in got:
        free[key].append(index)
    matched, missed = [], []
    for key, item in wanted:
        if free[key]:
            matched.append((item, free[key].pop(0)))
        else:
            missed.append(item)
    used = {index for _, index in matched}
    return matched, missed, [index for _, index in got if index not in used]


def _first_rows(keys, index) -> dict:
    """The index of the first row of each key."""
    first = {}
    for key, i in zip(keys, index):
        first.setdefault(key, i)
    return first


def match_mentions(corpus: Corpus, gold: dict, found: pd.DataFrame, drop_groups: bool = True) -> list[ArticleMatch]:
    """Actor mentions as a set of (actor, surface form) per article; a found pair stands for the
    first mention that has it."""
    matches = []
    for article_id, name, entry in _by_file(corpus, gold):
        wanted = {(a["canonical"], s): {"actor": a["canonical"], "type": a["type"], "surface": s}
                  for a in entry["actors"]
                  if not (drop_groups and (a["type"] == "group" or a.get("title_only")))
                  for s in a["surface_forms"]}
        mine = found[(found["article_id"] == article_id) & found["actor"].notna()]
        if drop_groups:
            # Mirror the gold: no groups, and no actor that occurs only inside someone's title.
            outside_titles = set(mine.loc[~mine["in_title"], "actor"])
            mine = mine[(mine["type"] != "group") & mine["actor"].isin(outside_titles)]
        got = _first_rows(zip(mine["actor"], mine["surface"]), mine.index)
        matches.append(ArticleMatch(article_id, name, entry, mine, *_match_sets(wanted, got)))
    return matches


def score_mentions(corpus: Corpus, gold: dict, found: pd.DataFrame, drop_groups: bool = True) -> pd.DataFrame:
    rows, totals = [], Counter()
    for m in match_mentions(corpus, gold, found, drop_groups):
        tp, n_found, n_gold = len(m.matched), len(m.matched) + len(m.spurious), len(m.matched) + len(m.missed)
        rows.append({"article_id": m.article_id, **_prf(tp, n_found, n_gold),
                     "missed": sorted((g["actor"], g["surface"]) for g in m.missed),
                     "spurious": sorted(zip(m.found.loc[m.spurious, "actor"], m.found.loc[m.spurious, "surface"]))})
        totals.update(tp=tp, found=n_found, gold=n_gold)
    return _table(rows, totals)


def _match_counts(wanted: list, got: list) -> int:
    return sum((Counter(wanted) & Counter(got)).values())


def match_quotes(corpus: Corpus, gold: dict, found: pd.DataFrame) -> list[ArticleMatch]:
    """Quotations as a multiset of (speaker, first six words) per article."""
    matches = []
    for article_id, name, entry in _by_file(corpus, gold):
        mine = found[found["article_id"] == article_id]
        wanted = [((q["speaker"], q["first6"]), q) for q in entry["quotes"]]
        got = [((s, w), i) for i, s, w in zip(mine.index, mine["speaker"], mine["first6"])]
        matches.append(ArticleMatch(article_id, name, entry, mine, *_match_multisets(wanted, got)))
    return matches


def score_quotes(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    rows, totals = [], Counter()
    for m in match_quotes(corpus, gold, found):
        wanted = [(q["speaker"], q["first6"]) for q in m.entry["quotes"]]
        got = list(zip(m.found["speaker"], m.found["first6"]))
        tp = len(m.matched)
        spans = _match_counts([w for _, w in wanted], [g for _, g in got])
        rows.append({"article_id": m.article_id, **_prf(tp, len(got), len(wanted)),
                     "span_recall": round(spans / len(wanted), 4) if wanted else 1.0,
                     "speaker_accuracy": round(tp / spans, 4) if spans else 1.0,
                     "missed": sorted(Counter(wanted) - Counter(got), key=str),
                     "spurious": sorted(Counter(got) - Counter(wanted), key=str)})
        totals.update(tp=tp, found=len(got), gold=len(wanted), spans=spans)
    return _table(rows, totals, {
        "span_recall": round(totals["spans"] / totals["gold"], 4) if totals["gold"] else 1.0,
        "speaker_accuracy": round(totals["tp"] / totals["spans"], 4) if totals["spans"] else 1.0})


def match_fragments(corpus: Corpus, gold: dict, found: pd.DataFrame) -> list[ArticleMatch]:
    """Quoted fragments (1–3 words) as a multiset of their text per article; quoted names and
    titles (``kind`` "name") are not fragments."""
    matches = []
    for article_id, name, entry in _by_file(corpus, gold):
        mine = found[(found["article_id"] == article_id) & (found["kind"] == "fragment")]
        wanted = [(f["text"], f) for f in entry.get("fragments", [])]
        got = list(zip(mine["text"], mine.index))
        matches.append(ArticleMatch(article_id, name, entry, mine, *_match_multisets(wanted, got)))
    return matches


def score_fragments(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    rows, totals = [], Counter()
    for m in match_fragments(corpus, gold, found):
        wanted = [f["text"] for f in m.entry.get("fragments", [])]
        got = list(m.found["text"])
        tp = len(m.matched)
        rows.append({"article_id": m.article_id, **_prf(tp, len(got), len(wanted)),
                     "missed": sorted(Counter(wanted) - Counter(got)), "spurious": sorted(Counter(got) - Counter(wanted))})
        totals.update(tp=tp, found=len(got), gold=len(wanted))
    return _table(rows, totals)


def locate_in_order(text: str, strings: list[str]) -> list[int]:
    """Where each gold string stands: the first occurrence after the previous one's start (the
    gold lists items in text order), else the first anywhere, else -1."""
    located, cursor = [], 0
    for string in strings:
        at = text.find(string, cursor)
        if at < 0:
            at = text.find(string)
        located.append(at)
        cursor = max(cursor, at + 1) if at >= 0 else cursor
    return located


def match_indirect(corpus: Corpus, gold: dict, found: pd.DataFrame, tolerance: int = 12) -> list[ArticleMatch]:
    """Reported content matched by position: a found item matches a gold item when its content
    starts within ``tolerance`` characters of where the gold's first six words stand. The
    speaker is not part of the match (see :func:`speaker_right`)."""
    matches = []
    for article_id, name, entry in _by_file(corpus, gold):
        items = entry.get("indirect", [])
        located = locate_in_order(corpus.texts[article_id], [item["first6"] for item in items])
        mine = found[found["article_id"] == article_id]
        m = ArticleMatch(article_id, name, entry, mine)
        starts = dict(zip(mine.index, mine["content_start"]))
        _pair_first_fit(m, [{**item, "located_at": at} for at, item in zip(located, items)],
                        lambda item, i: abs(starts[i] - item["located_at"]) <= tolerance)
        matches.append(m)
    return matches


def _pair_first_fit(m: ArticleMatch, items: list[dict], fits) -> None:
    """Pair each gold item, in order, with the first found row not yet paired that ``fits`` it;
    the rest are ``m.missed`` (gold) and ``m.spurious`` (found)."""
    used = set()
    for item in items:
        hit = next((i for i in m.found.index if i not in used and fits(item, i)), None)
        if hit is None:
            m.missed.append(item)
            continue
        used.add(hit)
        m.matched.append((item, hit))
    m.spurious = [i for i in m.found.index if i not in used]


def speaker_right(found: pd.DataFrame, item: dict, index: int) -> bool:
    """Whether the found reported statement at ``index`` has the gold item's speaker. The gold's
    null speaker is an unnamed source ("several have suggested"): right when the annotator
    also found no named speaker and marked the source unnamed."""
    speaker = found.loc[index, "speaker"]
    if item["speaker"] is None:
        return not isinstance(speaker, str) and bool(found.loc[index].get("unnamed_source", False))
    return bool(speaker == item["speaker"])


def score_indirect(corpus: Corpus, gold: dict, found: pd.DataFrame, tolerance: int = 12) -> pd.DataFrame:
    """Reported speech scored on (content span, speaker); see :func:`match_indirect`."""
    rows, totals = [], Counter()
    for m in match_indirect(corpus, gold, found, tolerance):
        tp_span = len(m.matched)
        tp = sum(speaker_right(m.found, item, i) for item, i in m.matched)
        n_found, n_gold = len(m.found), len(m.matched) + len(m.missed)
        spurious = [(m.found.loc[i, "speaker"], first_words(m.found.loc[i, "content"])) for i in m.spurious]
        rows.append({"article_id": m.article_id, **_prf(tp, n_found, n_gold),
                     "span_f1": _prf(tp_span, n_found, n_gold)["f1"],
                     "speaker_accuracy": round(tp / tp_span, 4) if tp_span else 1.0,
                     "missed": [(item["speaker"], item["first6"]) for item in m.missed], "spurious": spurious})
        totals.update(tp=tp, found=n_found, gold=n_gold, spans=tp_span)
    return _table(rows, totals, {
        "span_f1": _prf(totals["spans"], totals["found"], totals["gold"])["f1"],
        "speaker_accuracy": round(totals["tp"] / totals["spans"], 4) if totals["spans"] else 1.0})


def match_dates(corpus: Corpus, gold: dict, found: pd.DataFrame) -> list[ArticleMatch]:
    """Time expressions matched by span: a found expression matches a gold one when their spans
    overlap (gold located by its text, in order). The value is compared afterwards
    (:func:`value_right`). Articles whose gold has no ``dates`` are left out."""
    matches = []
    for article_id, name, entry in _by_file(corpus, gold):
        if "dates" not in entry:
            continue
        text = corpus.texts[article_id]
        mine = found[found["article_id"] == article_id]
        m = ArticleMatch(article_id, name, entry, mine)
        located, cursor = [], 0
        for item in entry["dates"]:
            at = text.find(item["text"], cursor)
            at = text.find(item["text"]) if at < 0 else at
            cursor = at + 1 if at >= 0 else cursor
            located.append({**item, "located_at": at})
        spans = dict(zip(mine.index, zip(mine["start"], mine["end"])))
        _pair_first_fit(m, located, lambda item, i: spans[i][0] < item["located_at"] + len(item["text"])
                        and item["located_at"] < spans[i][1])
        matches.append(m)
    return matches


def value_right(found: pd.DataFrame, item: dict, index: int) -> bool:
    """Whether the found expression at ``index`` has the gold item's value (both empty for vague ones)."""
    value = found.loc[index, "value"]
    return bool(value == item["value"] or (item["value"] is None and pd.isna(value)))


def score_dates(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    """Time expressions: a found expression matches a gold one when their spans overlap (gold
    located by its text, in order); the value must then be equal (both empty for vague ones)."""
    rows, totals, by_kind = [], Counter(), Counter()
    for m in match_dates(corpus, gold, found):
        for item in m.entry["dates"]:
            by_kind[(item["kind"], "gold")] += 1
        wrong = []
        for item, i in m.matched:
            same = value_right(m.found, item, i)
            by_kind[(item["kind"], "right")] += same
            if not same:
                wrong.append((item["text"], item["value"], m.found.loc[i, "value"]))
        tp, right = len(m.matched), len(m.matched) - len(wrong)
        spurious = [(m.found.loc[i, "text"], m.found.loc[i, "value"]) for i in m.spurious]
        rows.append({"article_id": m.article_id, **_prf(tp, len(m.found), len(m.entry["dates"])),
                     "value_accuracy": round(right / tp, 4) if tp else 1.0,
                     "missed": [(item["text"], item["value"]) for item in m.missed], "spurious": spurious,
                     "wrong_value": wrong})
        totals.update(tp=tp, found=len(m.found), gold=len(m.entry["dates"]), right=right)
    extra = {"value_accuracy": round(totals["right"] / totals["tp"], 4) if totals["tp"] else 1.0}
    for kind in sorted({k for k, _ in by_kind}):
        extra[f"value_accuracy_{kind}"] = round(by_kind[(kind, "right")] / by_kind[(kind, "gold")], 4)
    return _table(rows, totals, extra)


def match_demands(corpus: Corpus, gold: dict, found: pd.DataFrame) -> list[ArticleMatch]:
    """Demands and positions as a set of (who, category, stance) per article, the gold's unit;
    a found triple stands for its first row. Articles whose gold has no ``demands`` are left out."""
    matches = []
    for article_id, name, entry in _by_file(corpus, gold):
        if "demands" not in entry:
            continue
        wanted = {}
        for d in entry["demands"]:
            wanted.setdefault((d["who"], d["category"], d["stance"]), d)
        mine = found[found["article_id"] == article_id]
        got = _first_rows(zip(mine["who"], mine["category"], mine["stance"]), mine.index)
        matches.append(ArticleMatch(article_id, name, entry, mine, *_match_sets(wanted, got)))
    return matches


def score_demands(corpus: Corpus, gold: dict, found: pd.DataFrame) -> pd.DataFrame:
    """Demands and positions as (who, category, stance) per article, the gold's unit; also
    (who, category) alone, and stance accuracy on the pairs found."""
    rows, totals = [], Counter()
    for m in match_demands(corpus, gold, found):
        wanted = {(d["who"], d["category"], d["stance"]) for d in m.entry["demands"]}
        got = set(zip(m.found["who"], m.found["category"], m.found["stance"]))
        tp = len(m.matched)
        pairs_wanted = {(w, c) for w, c, _ in wanted}
        pairs_got = {(w, c) for w, c, _ in got}
        pairs = len(pairs_wanted & pairs_got)
        rows.append({"article_id": m.article_id, **_prf(tp, len(got), len(wanted)),
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


def gold_positions(corpus: Corpus, gold: dict) -> pd.DataFrame:
    """A gold's demand records laid out like the extractor's table (``article_id``, ``who``,
    ``category``, ``stance``), so that one reader's coding can be scored against another's."""
    rows = [{"article_id": article_id, "who": d["who"], "category": d["category"], "stance": d["stance"]}
            for article_id, _, entry in _by_file(corpus, gold) for d in entry.get("demands", [])]
    return pd.DataFrame(rows, columns=["article_id", "who", "category", "stance"])


def reader_agreement(corpus: Corpus, first: dict, second: dict) -> pd.DataFrame:
    """How far two readers who coded the same texts' demands agree: the second's positions scored
    against the first's, per article and ``all``, in the columns of :func:`score_demands`. F1 does
    not depend on which reader comes first (precision and recall swap): it is the share of
    positions both coded among all they coded, counted once per reader (positive specific
    agreement), the ceiling an extractor can be expected to reach under the same conventions.
    Only the texts both readers coded count: a second reading may cover part of a set."""
    return score_demands(corpus, shared_texts(first, second), gold_positions(corpus, second))


def shared_texts(gold: dict, other: dict) -> dict:
    """``gold`` restricted to the texts ``other`` codes too."""
    return {**gold, "texts": {name: entry for name, entry in gold["texts"].items() if name in other["texts"]}}


def second_readings(folders: dict[str, Path] | None = None) -> pd.DataFrame:
    """One row per set of articles whose demands two readers coded (a ``gold_second_reader.json``
    beside the ``gold.json``): the positions each reader coded, those both coded, the readers'
    agreement (F1, :func:`reader_agreement`) and the annotator's F1 against each reader. By
    default the test sets (unseen, dev, held-out) that have a second reading. All figures are
    on the texts both readers coded; ``articles`` counts them."""
    from .corpus import load_corpus
    from .demands import demands

    folders = folders or {"unseen": paths.UNSEEN_CORPUS, "dev": paths.DEMAND_DEV_CORPUS, "held-out": paths.HOLDOUT_CORPUS}
    rows = []
    for name, folder in folders.items():
        if not (Path(folder) / paths.SECOND_READER_NAME).is_file():
            continue
        corpus = load_corpus(folder)
        first, second = load_gold(Path(folder) / paths.GOLD_NAME), load_gold(Path(folder) / paths.SECOND_READER_NAME)
        first = shared_texts(first, second)
        both = reader_agreement(corpus, first, second).set_index("article_id").loc["all"]
        found = demands(corpus)
        annotator = [score_demands(corpus, gold, found).set_index("article_id").loc["all", "f1"] for gold in (first, second)]
        rows.append({"set": name, "articles": len(first["texts"]), "first_reader": int(both["gold"]),
                     "second_reader": int(both["found"]), "both": int(both["correct"]), "readers_f1": both["f1"],
                     "annotator_f1": annotator[0], "annotator_f1_second_reader": annotator[1]})
    return pd.DataFrame(rows, columns=["set", "articles", "first_reader", "second_reader", "both", "readers_f1",
                                       "annotator_f1", "annotator_f1_second_reader"])


BANK_PASSAGES = "passages.json"


def load_bank(folder: Path | str | None = None) -> tuple[Corpus, dict, pd.DataFrame]:
    """The wording bank (``tests/bank/``): short invented passages, each a one-article corpus entry
    whose id is the passage's, with their demand labels as a gold (``texts`` keyed by id) and a
    table of the passages' ``id``, ``round``, ``part`` ("tuned": rules were written from it;
    "held back": none was) and ``style``."""
    from .corpus import corpus_from_texts

    folder = Path(folder or paths.WORDING_BANK)
    passages = _bank_passages(folder / BANK_PASSAGES)
    corpus = corpus_from_texts([{"id": p["id"], "file": p["id"], "outlet": "Wording bank", "date": "2025-03-19",
                                 "text": p["text"]} for p in passages], folder)
    gold = {"texts": {p["id"]: {"demands": p["expect"]} for p in passages}}
    table = pd.DataFrame([{k: p[k] for k in ("id", "round", "part", "style")} for p in passages])
    return corpus, gold, table


BANK_FIELDS = ("id", "round", "part", "style", "text", "expect")


def _bank_passages(path: Path) -> list[dict]:
    """The bank's passages, with a clear error for a file an analyst broke while adding to it."""
    from .manifest import CorpusError

    try:
        passages = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(str(path), "does not exist", "point to a folder holding the bank's passages.json") from None
    except json.JSONDecodeError as error:
        raise CorpusError(f"{path}, line {error.lineno}", f"is not valid JSON ({error.msg})",
                          "fix the JSON at that line (a missing comma or quotation mark is the usual cause)") from None
    if not isinstance(passages, list):
        raise CorpusError(str(path), "is not a list of passages", "make the file a JSON list of passage objects")
    for number, passage in enumerate(passages, start=1):
        missing = [name for name in BANK_FIELDS if not isinstance(passage, dict) or name not in passage]
        if missing:
            raise CorpusError(f"{path}, passage {number}", f"has no {', '.join(repr(m) for m in missing)}",
                              f"give every passage the fields {', '.join(BANK_FIELDS)} (see tests/bank/README.md)")
        for label in passage["expect"]:
            if not isinstance(label, dict) or not {"who", "category", "stance"} <= set(label):
                raise CorpusError(f"{path}, passage {number} ({passage['id']}), field 'expect'",
                                  f"holds a label without who, category and stance: {label!r}",
                                  "give each label its who, category and stance")
    return passages


def score_bank(folder: Path | str | None = None) -> pd.DataFrame:
    """The demand annotator on the wording bank: one row per round and part, and ``all``, with the
    passages, the labelled positions (``gold``), those found and right, precision, recall and F1."""
    from .demands import demands

    corpus, gold, table = load_bank(folder)
    scored = score_demands(corpus, gold, demands(corpus)).set_index("article_id")
    rows = []
    groups = [(f"round {r}, {part}", ids) for (r, part), ids in table.groupby(["round", "part"])["id"]]
    for name, ids in groups + [("all", table["id"])]:
        counts = scored.loc[list(ids), ["found", "gold", "correct"]].sum()
        rows.append({"passages": len(ids), "part": name, **_prf(int(counts["correct"]), int(counts["found"]),
                                                                  int(counts["gold"]))})
    return pd.DataFrame(rows)[["part", "passages", "gold", "found", "correct", "precision", "recall", "f1"]]


GOLD_SECTIONS = {"actor mentions": "actors", "quotes": "quotes", "fragments": "quotes", "indirect speech": "indirect",
                 "demands": "demands", "time expressions": "dates"}  # the gold section each annotator is scored on


def annotate(corpus: Corpus, gold: dict, codebook=None) -> dict[str, pd.DataFrame]:
    """Run every annotator that ``gold`` has a section for: the found tables, keyed like
    :data:`GOLD_SECTIONS`, as :func:`score` and :func:`analysis.errors.errors` take them."""
    from .actors import mentions
    from .quotes import quotes
    from .speech import indirect_speech
    from .timeline import temporal_expressions

    has = lambda section: any(section in entry for entry in gold["texts"].values())  # noqa: E731
    found = {}
    if has("actors"):
        found["actor mentions"] = mentions(corpus, codebook)
    if has("quotes"):
        voices = quotes(corpus, codebook)
        found["quotes"], found["fragments"] = voices["quotes"], voices["fragments"]
    if has("indirect"):
        found["indirect speech"] = indirect_speech(corpus, codebook)
    if has("demands"):
        from .demands import demands
        found["demands"] = demands(corpus, codebook)
    if has("dates"):
        found["time expressions"] = temporal_expressions(corpus)
    return found


SCORERS = {"actor mentions": score_mentions, "quotes": score_quotes, "fragments": score_fragments,
           "indirect speech": score_indirect, "demands": score_demands, "time expressions": score_dates}


def score(corpus: Corpus, gold: dict, codebook=None, found: dict[str, pd.DataFrame] | None = None) -> dict[str, pd.DataFrame]:
    """Annotate ``corpus`` (unless ``found``, from :func:`annotate`, is given) and score every
    annotator against ``gold``: per-article tables by annotator, and a ``summary`` with one row
    per annotator."""
    found = annotate(corpus, gold, codebook) if found is None else found
    tables = {name: SCORERS[name](corpus, gold, table) for name, table in found.items()}
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
