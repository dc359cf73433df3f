"""Measures of voice: who is named, who is quoted, who is only talked about, per outlet.

Built on the mention, quote and indirect-speech tables; each function returns a tidy table
that a notebook shows or plots as it is. Outlets are labelled as in the corpus tables
(:func:`analysis.composition.article_labels`), so a corpus with several articles per outlet
still reads one row per article.
"""
from __future__ import annotations

import pandas as pd

from .actors import Codebook
from .composition import article_names
from .corpus import Corpus

CAMP_ORDER = ["United States", "Russia", "Ukraine", "United Kingdom", "France", "European Union", "NATO", "other"]


def mention_matrix(corpus: Corpus, mentions: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Mentions per actor (rows, the ``top`` most mentioned overall) and article (columns),
    mentions inside someone's title left out."""
    named = mentions[mentions["actor"].notna() & ~mentions["in_title"]]
    table = pd.crosstab(named["actor"], named["article_id"].map(article_names(corpus)))
    table = table.reindex(columns=list(article_names(corpus).values()), fill_value=0)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable")
    return table.loc[order.index[:top]]


def actor_voice(corpus: Corpus, mentions: pd.DataFrame, quotes: pd.DataFrame, indirect: pd.DataFrame,
                codebook: Codebook) -> pd.DataFrame:
    """Per actor: mentions, direct quotes, quoted words and indirect statements, over the corpus."""
    named = mentions[mentions["actor"].notna() & ~mentions["in_title"]]
    table = pd.DataFrame({
        "mentions": named.groupby("actor").size(),
        "quotes": quotes.groupby("speaker").size(),
        "quoted_words": quotes.groupby("speaker")["n_words"].sum(),
        "indirect": indirect.groupby("speaker").size(),
    }).fillna(0).astype(int)
    info = codebook.actors.set_index("actor")
    table["camp"] = [info["camp"].get(a, "other") for a in table.index]
    table["type"] = [info["type"].get(a, "") for a in table.index]
    table["voice"] = table.apply(
        lambda r: "quoted" if r["quotes"] else "paraphrased only" if r["indirect"] else "talked about only", axis=1)
    table.index.name = "actor"
    return table.sort_values(["mentions", "quoted_words"], ascending=False, kind="stable").reset_index()


def quoted_words_by_camp(corpus: Corpus, quotes: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Quoted words per article (rows) and speaker camp (columns), and each camp's share."""
    camp = codebook.actors.set_index("actor")["camp"]
    q = quotes.assign(camp=quotes["speaker"].map(camp).fillna("unattributed"),
                      article=quotes["article_id"].map(article_names(corpus)))
    table = q.pivot_table(index="article", columns="camp", values="n_words", aggfunc="sum", fill_value=0)
    columns = [c for c in CAMP_ORDER + ["unattributed"] if c in table.columns]
    table = table.reindex(index=list(article_names(corpus).values()), columns=columns, fill_value=0)
    return table


def direct_and_indirect(corpus: Corpus, quotes: pd.DataFrame, indirect: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Per article and camp: how many statements are quoted directly and how many paraphrased."""
    camp = codebook.actors.set_index("actor")["camp"]
    rows = []
    for kind, table, who in (("direct", quotes, "speaker"), ("indirect", indirect, "speaker")):
        counted = table.assign(camp=table[who].map(camp).fillna("unnamed or unknown"),
                               article=table["article_id"].map(article_names(corpus)))
        for (article, c), n in counted.groupby(["article", "camp"]).size().items():
            rows.append({"article": article, "camp": c, "kind": kind, "statements": int(n)})
    out = pd.DataFrame(rows, columns=["article", "camp", "kind", "statements"])
    return out.pivot_table(index=["article", "camp"], columns="kind", values="statements", fill_value=0).reset_index()


def quoted_words_by_speaker(corpus: Corpus, quotes: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Quoted words per speaker (rows, the ``top`` most quoted) and article (columns)."""
    q = quotes.assign(article=quotes["article_id"].map(article_names(corpus)), speaker=quotes["speaker"].fillna("(unattributed)"))
    table = q.pivot_table(index="speaker", columns="article", values="n_words", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=list(article_names(corpus).values()), fill_value=0)
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable")
    return table.loc[order.index[:top]]
