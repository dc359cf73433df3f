"""What each page is made of: provenance, length, story text versus furniture, structure.

Measures over the corpus tables for the first notebook. Each function returns one row per
article, labelled for display by outlet (with the article id added where an outlet has
more than one article), in manifest order.
"""
from __future__ import annotations

import pandas as pd

from .corpus import Corpus

FURNITURE_KINDS = ("headline", "standfirst", "byline", "dateline", "caption", "credit", "subheading")
PART_NAMES = {"story": "Story text", "furniture": "Headline, captions, credits", "chrome": "Page chrome"}


def article_labels(articles: pd.DataFrame) -> pd.Series:
    """Outlet names, disambiguated by article id when an outlet has several articles."""
    repeated = articles["outlet"].duplicated(keep=False)
    return articles["outlet"].where(~repeated, articles["outlet"] + " (" + articles["id"] + ")")


def article_names(corpus: Corpus) -> dict[str, str]:
    """Article id -> its label in tables and figures (see :func:`article_labels`), in manifest order."""
    return dict(zip(corpus.articles["id"], article_labels(corpus.articles)))


def provenance(corpus: Corpus) -> pd.DataFrame:
    """Who published each page, when, and how we know: printed in the text, or the evidence."""
    a = corpus.articles
    table = pd.DataFrame({
        "article": article_labels(a),
        "id": a["id"],
        "headline": a["headline"].where(a["headline"] != "", "(none in the stored copy)"),
        "byline": a["byline"].where(a["byline"] != "", "(none)"),
        "date": a["date"],
        "date is": a["date_printed"].map({True: "printed", False: "inferred"}),
        "page kind": a["page_kind"],
        "outlet is": [("printed" if outlet.casefold() in corpus.texts[i].casefold() else "inferred")
                      for i, outlet in zip(a["id"], a["outlet"])],
        "outlet evidence": a["outlet_evidence"],
        "date evidence": a["date_evidence"],
    })
    return table.reset_index(drop=True)


def composition(corpus: Corpus) -> pd.DataFrame:
    """Characters of story text, of the article's own furniture and of page chrome per page."""
    seg = corpus.segments.assign(chars=corpus.segments["end"] - corpus.segments["start"])
    seg["part"] = seg["kind"].map(lambda k: "story" if k == "body" else "chrome" if k == "chrome" else "furniture")
    chars = seg.pivot_table(index="article_id", columns="part", values="chars", aggfunc="sum", fill_value=0)
    chars = chars.reindex(index=corpus.articles["id"], columns=list(PART_NAMES), fill_value=0)
    table = pd.DataFrame({"article": article_labels(corpus.articles).to_numpy(), "id": chars.index})
    for part in PART_NAMES:
        table[f"{part}_chars"] = chars[part].to_numpy()
    table["page_chars"] = chars.sum(axis=1).to_numpy()
    for part in PART_NAMES:
        table[f"{part}_share"] = (table[f"{part}_chars"] / table["page_chars"]).round(4)
    return table


def structure(corpus: Corpus) -> pd.DataFrame:
    """Body paragraphs, sentences and words per page, and how long its sentences run."""
    body_par = corpus.paragraphs[corpus.paragraphs["zone"] == "body"]
    body_sent = corpus.sentences[corpus.sentences["zone"] == "body"]
    words = body_sent.assign(words=body_sent["text"].str.split().str.len())
    table = pd.DataFrame({"article": article_labels(corpus.articles).to_numpy(), "id": corpus.articles["id"].to_numpy()})
    table["paragraphs"] = table["id"].map(body_par.groupby("article_id").size()).fillna(0).astype(int)
    table["sentences"] = table["id"].map(body_sent.groupby("article_id").size()).fillna(0).astype(int)
    table["words"] = table["id"].map(words.groupby("article_id")["words"].sum()).fillna(0).astype(int)
    table["words_per_sentence"] = (table["words"] / table["sentences"]).round(1)
    table["sentences_per_paragraph"] = (table["sentences"] / table["paragraphs"]).round(2)
    return table


def set_apart(corpus: Corpus) -> pd.DataFrame:
    """Every piece of page text that is not body, with the rule that set it apart and why."""
    why = dict(zip(corpus.rules["rule"], corpus.rules["why"]))
    heuristics = {
        "manifest-headline": "The headline recorded in the manifest.",
        "first-title-line": "The first title-like line (no full stop, at most 30 words) before the body.",
        "line-after-headline": "A title-like line between the headline and the body.",
        "header-line": "A further title-like line before the body.",
        "short-line-in-body": "A short line without a full stop inside the body: a crosshead.",
    }
    rows = corpus.set_apart.copy()
    rows["article"] = rows["article_id"].map(dict(zip(corpus.articles["id"], article_labels(corpus.articles))))
    rows["why"] = rows["rule"].map(lambda r: why.get(r) or heuristics.get(r, ""))
    return rows[["article", "line", "kind", "text", "rule", "why", "start", "end"]]
