"""Our time-expression resolver against dateparser.search_dates, on the same hand-coded texts.

    make bench            (installs the benchmark extra, dateparser, and runs this)

For every gold-coded corpus (the seeds; the unseen test articles when their gold has dates)
both tools read the same annotated text (page chrome excluded) anchored at the article's
date. Reported side by side: expressions found (a found span that overlaps a gold one counts),
precision and recall of extraction, and value accuracy on the matched expressions — for
dateparser, a value is right when its datetime falls on the gold day (dates) or in the gold
week, month or year; it has no notion of durations, sets or vague references — and the time
each took. Prints a table; asserts nothing.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis.timeline import temporal_expressions  # noqa: E402


def gold_spans(text: str, items: list[dict]) -> list[tuple[int, int, dict]]:
    spans, cursor = [], 0
    for item in items:
        at = text.find(item["text"], cursor)
        at = text.find(item["text"]) if at < 0 else at
        cursor = at + 1
        spans.append((at, at + len(item["text"]), item))
    return spans


def dateparser_expressions(corpus) -> list[tuple[str, int, int, dt.datetime]]:
    from dateparser.search import search_dates
    found = []
    for article_id, paragraphs in corpus.paragraphs.groupby("article_id", sort=False):
        text = corpus.texts[article_id]
        reference = dt.datetime.fromisoformat(corpus.articles.set_index("id").loc[article_id, "date"])
        for start, end in zip(paragraphs["start"], paragraphs["end"]):
            hits = search_dates(text[start:end], languages=["en"],
                                settings={"RELATIVE_BASE": reference, "RETURN_AS_TIMEZONE_AWARE": False}) or []
            cursor = start
            for phrase, value in hits:
                at = text.find(phrase, cursor, end)
                if at < 0:
                    continue
                cursor = at + len(phrase)
                found.append((article_id, at, at + len(phrase), value))
    return found


def dateparser_value_right(value: dt.datetime, gold: str | None) -> bool:
    if gold is None or not re.match(r"\d{4}", gold):
        return False  # durations, sets and vague references have no datetime reading
    day = value.date()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(T\w+)?", gold) or "T" in gold:
        return day.isoformat() == gold[:10]
    if "-W" in gold:
        year, week = int(gold[:4]), int(gold[6:8])
        return day.isocalendar()[:2] == (year, week)
    if re.fullmatch(r"\d{4}-\d{2}", gold):
        return day.strftime("%Y-%m") == gold
    return str(day.year) == gold


def score(corpus, gold, found, value_of, right) -> dict:
    ids = dict(zip(corpus.articles["file"], corpus.articles["id"]))
    tp = values = n_gold = 0
    for name, entry in gold["texts"].items():
        if "dates" not in entry or name not in ids:
            continue
        article_id = ids[name]
        mine = [f for f in found if f[0] == article_id]
        used = set()
        for start, end, item in gold_spans(corpus.texts[article_id], entry["dates"]):
            n_gold += 1
            hit = next((i for i, f in enumerate(mine) if i not in used and f[1] < end and start < f[2]), None)
            if hit is None:
                continue
            used.add(hit)
            tp += 1
            values += right(value_of(mine[hit]), item["value"])
    n_found = sum(1 for f in found if f[0] in ids.values())
    return {"gold": n_gold, "found": n_found, "precision": tp / n_found if n_found else 0.0,
            "recall": tp / n_gold if n_gold else 0.0, "value_accuracy": values / tp if tp else 0.0,
            "value_f1_like": values / n_gold if n_gold else 0.0}


def main() -> None:
    sets = [("seeds", ROOT / "raw", ROOT / "tests" / "gold" / "gold.json"),
            ("unseen", ROOT / "tests" / "unseen", ROOT / "tests" / "unseen" / "gold.json")]
    print(f"{'corpus':<8}{'tool':<12}{'gold':>6}{'found':>7}{'P':>7}{'R':>7}{'value acc':>11}{'right/gold':>12}{'seconds':>9}")
    for label, folder, gold_file in sets:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        if not any("dates" in e for e in gold["texts"].values()):
            continue
        corpus = load_corpus(folder)
        started = time.perf_counter()
        ours = temporal_expressions(corpus)
        ours_time = time.perf_counter() - started
        ours_rows = [(a, s, e, v) for a, s, e, v in zip(ours["article_id"], ours["start"], ours["end"], ours["value"])]
        ours_score = score(corpus, gold, ours_rows, lambda f: f[3],
                           lambda v, g: (v == g) or (g is None and v is None) or (g is None and v != v))
        started = time.perf_counter()
        theirs_rows = dateparser_expressions(corpus)
        theirs_time = time.perf_counter() - started
        theirs_score = score(corpus, gold, theirs_rows, lambda f: f[3], dateparser_value_right)
        for tool, s, seconds in (("ours", ours_score, ours_time), ("dateparser", theirs_score, theirs_time)):
            print(f"{label:<8}{tool:<12}{s['gold']:>6}{s['found']:>7}{s['precision']:>7.2f}{s['recall']:>7.2f}"
                  f"{s['value_accuracy']:>11.2f}{s['value_f1_like']:>12.2f}{seconds:>9.3f}")
    print("value acc = right values among matched expressions; right/gold = right values among all gold expressions")


if __name__ == "__main__":
    main()
