"""The corpus as tidy tables: articles, segments, paragraphs and sentences.

``load_corpus(folder)`` reads any folder laid out like ``raw/`` (article text files plus a
``manifest.csv``) and returns a :class:`Corpus`. Every row of every table carries its
``article_id`` and ``start``/``end`` character offsets such that
``corpus.texts[article_id][start:end]`` is exactly the row's ``text``; annotators built on
these tables inherit that guarantee, so any finding can be traced back to the words it
rests on.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import paths
from .manifest import COLUMNS, CorpusError, CorpusWarning, Entry, _check_date, printed_in, read_manifest, sha256_of
from .segments import load_rules, segment
from .sentences import split_sentences

__all__ = ["Corpus", "CorpusError", "CorpusWarning", "corpus_from_texts", "load_corpus"]

# Segment kinds that are the article's own words and get annotated; "chrome" is page furniture.
CONTENT_KINDS = ("headline", "standfirst", "byline", "dateline", "caption", "credit", "subheading", "body")
SEGMENT_COLUMNS = ["article_id", "segment", "line", "kind", "rule", "start", "end", "text"]
PARAGRAPH_COLUMNS = ["article_id", "paragraph", "zone", "start", "end", "text", "n_words"]
SENTENCE_COLUMNS = ["article_id", "paragraph", "sentence", "zone", "start", "end", "text"]


@dataclass
class Corpus:
    """The tables of one corpus folder. ``texts`` maps article id to its raw text as stored."""

    folder: Path
    texts: dict[str, str]
    articles: pd.DataFrame
    segments: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    rules: pd.DataFrame = field(repr=False)
    _shared: dict = field(default_factory=dict, repr=False, compare=False)

    def shared(self, name: str, codebook, compute):
        """``compute()``, run once per corpus, ``name`` and codebook object.

        Annotators build on each other (quotes, indirect speech, demands and events all need
        the actor mentions; demands needs the quotes and indirect speech): they share one run
        instead of repeating it. The corpus tables are never changed after loading, so a result
        stays valid; callers get it as it was computed and must copy before changing it."""
        key = (name, id(codebook))
        if key not in self._shared:
            # The codebook is kept with its result, so its id cannot be reused by another object.
            self._shared[key] = (codebook, compute())
        return self._shared[key][1]

    def rows_of(self, table: str, *columns: str) -> dict[str, list]:
        """:func:`rows_by_article` of the corpus table ``table`` ("paragraphs", "sentences" ...),
        split once per corpus: every annotator walks the tables article by article, and
        selecting an article's rows from a whole table costs time in proportion to the table,
        so doing it per article made a corpus's time grow with its square. Shared: do not change."""
        key = ("rows", table, columns)
        if key not in self._shared:
            self._shared[key] = (None, rows_by_article(getattr(self, table), *columns))
        return self._shared[key][1]

    @property
    def set_apart(self) -> pd.DataFrame:
        """Every segment that is not body text: page chrome and the article's own furniture."""
        return self.segments[self.segments["kind"] != "body"].reset_index(drop=True)

    def span(self, article_id: str, start: int, end: int) -> str:
        """The raw text behind any row's offsets."""
        return self.texts[article_id][start:end]

    def outlet_of(self) -> dict[str, str]:
        """Article id → outlet."""
        return dict(zip(self.articles["id"], self.articles["outlet"]))

    def verify(self) -> str:
        """Check the promise every table makes, and say what was checked.

        Every row's offsets give back its text; the segments of a page never overlap and
        cover every non-blank character of it (nothing is deleted). Raises AssertionError."""
        for name in ("segments", "paragraphs", "sentences"):
            table = getattr(self, name)
            for article_id, start, end, text in zip(table["article_id"], table["start"], table["end"], table["text"]):
                assert self.texts[article_id][start:end] == text, f"{name}: offsets of {article_id}:{start}-{end} drift"
        for article_id, text in self.texts.items():
            covered = [False] * len(text)
            rows = self.segments[self.segments["article_id"] == article_id]
            for start, end in zip(rows["start"], rows["end"]):
                assert not any(covered[start:end]), f"{article_id}: segments overlap at {start}"
                covered[start:end] = [True] * (end - start)
            lost = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace() and ch != "\ufeff"]
            assert not lost, f"{article_id}: characters outside every segment at {lost[:5]}"
        return (f"offsets check out: {len(self.segments)} segments, {len(self.paragraphs)} paragraphs and "
                f"{len(self.sentences)} sentences give back their text; segments cover every non-blank character")


def rows_by_article(table: pd.DataFrame, *columns: str) -> dict[str, list]:
    """Article id → the values of ``columns`` in each of its rows (the value itself for one
    column, a tuple for several), in table order. One pass over the table, where filtering it
    once per article would scan it once per article."""
    values = zip(*(table[c].tolist() for c in columns)) if len(columns) > 1 else table[columns[0]].tolist()
    grouped: dict[str, list] = {}
    for article_id, value in zip(table["article_id"].tolist(), values):
        grouped.setdefault(article_id, []).append(value)
    return grouped


def load_corpus(folder: Path | str | None = None) -> Corpus:
    """Load and segment every article listed in ``folder/manifest.csv``.

    ``folder`` defaults to the run's corpus (``raw/``, or ``$ANALYSIS_CORPUS``). Bad input
    raises :class:`CorpusError`; harmless oddities (a file missing from the manifest, a BOM,
    CRLF line endings) give a :class:`CorpusWarning`.
    """
    folder = Path(folder).resolve() if folder is not None else paths.corpus_dir()
    return _tables(folder, read_manifest(folder))


def corpus_from_texts(articles: list[dict], folder: Path | str = "<memory>") -> Corpus:
    """A corpus of articles held in memory, cut into the same tables as :func:`load_corpus`.

    Each article is a dict with ``id``, ``outlet``, ``date`` (YYYY-MM-DD) and ``text``, and any
    other manifest column (``headline`` ...). For generated or streamed text, where files and
    checksums would only add disk traffic: the required fields, the date and the uniqueness of
    ids are checked, the provenance rules of a manifest are not."""
    entries, seen = [], set()
    for number, article in enumerate(articles, start=1):
        where = f"article {number}"
        for column in ("id", "outlet", "date", "text"):
            if not article.get(column):
                raise CorpusError(f"{where}, field '{column}'", "is empty", f"give every article a {column}")
        _check_date(article["date"], f"{where}, field 'date'")
        if article["id"] in seen:
            raise CorpusError(f"{where}, field 'id'", f"the id {article['id']!r} is used twice", "give each article its own id")
        seen.add(article["id"])
        fields = {column: str(article.get(column, "")) for column in COLUMNS}
        fields.update({"id": article["id"], "outlet": article["outlet"], "date": article["date"]})
        entries.append(Entry(line=number, fields=fields, path=Path(folder) / article["id"],
                             raw_bytes=article["text"].encode("utf-8"), text=article["text"]))
    if not entries:
        raise CorpusError(str(folder), "holds no articles", "pass at least one article")
    return _tables(Path(folder), entries)


def _tables(folder: Path, entries: list[Entry]) -> Corpus:
    rules = load_rules()
    articles, segments, paragraphs, sentences = [], [], [], []
    texts = {}
    for entry in entries:
        text, fields, article_id = entry.text, entry.fields, entry.id
        texts[article_id] = text
        cut = segment(text, rules, headline=fields.get("headline", ""))
        paragraph_no = sentence_no = 0
        for number, seg in enumerate(cut, start=1):
            segments.append({
                "article_id": article_id, "segment": number, "line": seg.line, "kind": seg.kind,
                "rule": seg.rule, "start": seg.start, "end": seg.end, "text": text[seg.start:seg.end],
            })
            if seg.kind not in CONTENT_KINDS:
                continue
            paragraph_no += 1
            paragraphs.append({
                "article_id": article_id, "paragraph": paragraph_no, "zone": seg.kind,
                "start": seg.start, "end": seg.end, "text": text[seg.start:seg.end],
                "n_words": len(text[seg.start:seg.end].split()),
            })
            for start, end in split_sentences(text, seg.start, seg.end):
                sentence_no += 1
                sentences.append({
                    "article_id": article_id, "paragraph": paragraph_no, "sentence": sentence_no,
                    "zone": seg.kind, "start": start, "end": end, "text": text[start:end],
                })
        articles.append(_article_row(entry, text, cut))

    article_columns = list(COLUMNS) + [c for c in articles[0] if c not in COLUMNS]
    return Corpus(
        folder=folder,
        texts=texts,
        articles=pd.DataFrame(articles)[article_columns],
        # Named columns: a corpus whose pages hold no visible text still has (empty) tables.
        segments=pd.DataFrame(segments, columns=SEGMENT_COLUMNS),
        paragraphs=pd.DataFrame(paragraphs, columns=PARAGRAPH_COLUMNS),
        sentences=pd.DataFrame(sentences, columns=SENTENCE_COLUMNS),
        rules=pd.DataFrame([{"rule": r.rule, "kind": r.kind, "match": r.match, "where": r.where,
                             "pattern": r.pattern.pattern, "why": r.why} for r in rules]),
    )


def _article_row(entry, text: str, cut) -> dict:
    row = {column: entry.fields.get(column, "") for column in COLUMNS}
    row["sha256_actual"] = sha256_of(entry.raw_bytes)
    chars = {kind: 0 for kind in ("chrome",) + CONTENT_KINDS}
    for seg in cut:
        chars[seg.kind] += seg.end - seg.start
    first = {kind: next((text[s.start:s.end] for s in cut if s.kind == kind), "") for kind in ("headline", "standfirst", "byline")}
    row.update({
        "file_bytes": len(entry.raw_bytes),
        "chars": len(text),
        "page_chars": sum(chars.values()),  # every non-blank segment: the page as stored
        "body_chars": chars["body"],
        "furniture_chars": sum(v for k, v in chars.items() if k not in ("chrome", "body")),
        "chrome_chars": chars["chrome"],
        "detected_headline": first["headline"],
        "detected_standfirst": first["standfirst"],
        "detected_byline": first["byline"],
        "date_printed": printed_in("date", entry.fields["date"], text),
    })
    return row
