"""Robustness: hostile input to every annotator, and a build killed halfway.

Property-based tests (hypothesis, strategies in ``tests/strategies.py``) write generated
articles to a throwaway corpus folder and run every annotator on it. For any input:

- nothing raises, except :class:`~analysis.manifest.CorpusError` for a file that really is
  bad (empty or blank, or an HTML page), with a message that names the file and the fix;
- every row with offsets has ``0 <= start <= end <= len(text)``, and where the row also holds
  its span as text (``text``, ``surface``, ``content``, ``evidence`` ...) that text is exactly
  ``corpus.texts[article_id][start:end]``;
- the corpus folder is byte for byte what it was (no file changed, added or removed).

The runs are derandomised (the same examples on every machine) and keep no example database,
so the suite writes nothing into the repository. A last test kills a build in the middle
and checks that every output that existed before is still whole and readable.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import warnings
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
import strategies as hostile
from analysis import actors, composition, demands, paths, quotes, speech, timeline, voices
from analysis.manifest import HTML_SIGNS, CorpusError
from conftest import _make_corpus, default_row

# Every property runs a few dozen full annotations; the whole file stays well under a minute.
ROBUST = settings(max_examples=25, deadline=None, derandomize=True, database=None, print_blob=True)

# Framing modules written alongside this suite: each is checked once it exists.
FRAMING_MODULES = ("vocabulary", "shared_copy", "frames", "numbers", "framing")

# (start column, end column, column that holds the span's text, or None) per table.
SPANS = {
    "mentions": ("start", "end", "surface"),
    "quotes": ("start", "end", "text"),
    "fragments": ("start", "end", "text"),
    "indirect": ("content_start", "content_end", "content"),
    "demands": ("start", "end", "evidence"),
    "expressions": ("start", "end", "text"),
    "segments": ("start", "end", "text"),
    "paragraphs": ("start", "end", "text"),
    "sentences": ("start", "end", "text"),
}
# Columns that, in a table this suite does not know, hold the text of the row's span.
SPAN_TEXT_COLUMNS = ("text", "surface", "content", "evidence", "quote", "span", "phrase")
OUTLETS = ["Test Wire", "Test Wire", "Le Monde", "Вести", "صحيفة اليوم", "News 🗞", "O'Brien & Co, Ltd"]


# --- helpers -------------------------------------------------------------------------------


def folder_digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder``, by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def write_articles(root: Path, articles: list[tuple[str, str, str]]) -> Path:
    """A corpus folder of ``(text, date, outlet)`` articles, named a0.txt, a1.txt ..."""
    files, rows = {}, []
    for number, (text, date, outlet) in enumerate(articles):
        name = f"a{number}.txt"
        files[name] = text
        rows.append(default_row(name) | {"date": date, "outlet": outlet})
    return _make_corpus(root, files, rows)


def load_or_refuse(folder: Path):
    """The corpus, or None when the loader refuses it; a refusal must be for a really bad file
    and its message must name that file and say how to fix it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", analysis.CorpusWarning)
            return analysis.load_corpus(folder)
    except CorpusError as err:
        bad = [p for p in sorted(folder.glob("*.txt")) if p.name in err.where]
        assert bad, f"CorpusError names no article file: {err}"
        raw = bad[0].read_bytes()
        assert not raw.strip() or HTML_SIGNS.search(raw.decode("utf-8", "replace")), \
            f"{bad[0].name} was refused but is not empty, blank or HTML: {err}"
        assert err.fix.strip() and "Fix:" in str(err), f"no fix in the message: {err}"
        return None


def annotate(corpus) -> dict[str, pd.DataFrame]:
    """Every annotation table and every measure built on them, as the notebooks call them."""
    codebook = actors.default_codebook()
    t = {"segments": corpus.segments, "paragraphs": corpus.paragraphs, "sentences": corpus.sentences}
    t["mentions"] = actors.mentions(corpus, codebook)
    t["uncoded"] = actors.uncoded_names(corpus, codebook, t["mentions"])
    t.update(quotes.quotes(corpus, codebook))
    t["indirect"] = speech.indirect_speech(corpus, codebook)
    t["demands"] = demands.demands(corpus, codebook)
    t["expressions"] = timeline.temporal_expressions(corpus)
    t["events"] = timeline.events(corpus, t["expressions"], codebook)
    t["focus"] = timeline.paragraph_time_focus(corpus, t["expressions"])

    russia = set(codebook.actors.loc[codebook.actors["camp"] == "Russia", "actor"])
    t["positions_by_outlet"] = demands.positions_by_outlet(corpus, t["demands"], russia)
    t["who_of_whom"] = demands.who_of_whom(t["demands"], codebook)
    t["event_coverage"] = timeline.event_coverage(corpus, t["events"])
    t["time_focus_shares"] = timeline.time_focus_shares(corpus, t["focus"])
    t["mention_matrix"] = voices.mention_matrix(corpus, t["mentions"])
    t["actor_voice"] = voices.actor_voice(corpus, t["mentions"], t["quotes"], t["indirect"], codebook)
    t["quoted_words_by_camp"] = voices.quoted_words_by_camp(corpus, t["quotes"], codebook)
    t["direct_and_indirect"] = voices.direct_and_indirect(corpus, t["quotes"], t["indirect"], codebook)
    t["quoted_words_by_speaker"] = voices.quoted_words_by_speaker(corpus, t["quotes"])
    for name in ("provenance", "composition", "structure", "set_apart"):
        t[name] = getattr(composition, name)(corpus)
    return t


def span_columns(table: pd.DataFrame) -> list[tuple[str, str, str, str | None]]:
    """(article column, start column, end column, text column or None) of every span a table
    holds: ``start``/``end``, ``content_start``/``content_end``, ``start_a``/``end_a`` ..."""
    found = []
    for column in table.columns:
        prefix, _, suffix = str(column).partition("start")
        end = f"{prefix}end{suffix}"
        if end not in table.columns or (prefix and not prefix.endswith("_")) or (suffix and not suffix.startswith("_")):
            continue
        article = "article_id" if "article_id" in table.columns else f"article{suffix}"
        if article not in table.columns:
            continue
        if prefix:
            texts = [f"{prefix}surface", f"{prefix}text", prefix[:-1]]
        else:
            texts = [f"{c}{suffix}" for c in SPAN_TEXT_COLUMNS]
        texts = [c for c in texts if c in table.columns and table[c].map(lambda v: isinstance(v, str)).all()]
        found.append((article, column, end, texts[0] if texts else None))
    return found


def check_spans(name: str, table: pd.DataFrame, corpus) -> None:
    """Offsets inside the text, and the span's text exactly what the offsets cut out."""
    if not isinstance(table, pd.DataFrame) or table.empty:
        return
    if name in SPANS:
        pairs = [("article_id", *SPANS[name])]
    else:
        pairs = [p for p in span_columns(table) if set(table[p[0]]) <= set(corpus.texts)]
    for article_col, start_col, end_col, text_col in pairs:
        assert set(table[article_col]) <= set(corpus.texts), f"{name}: rows of unknown articles"
        columns = [article_col, start_col, end_col] + ([text_col] if text_col else [])
        for article_id, start, end, *shown in table[columns].itertuples(index=False):
            text = corpus.texts[article_id]
            assert 0 <= start <= end <= len(text), f"{name}: {article_id}:{start}-{end} outside 0-{len(text)}"
            if text_col:
                assert shown[0] == text[start:end], \
                    f"{name}.{text_col} is not the text at {article_id}:{start}-{end}: {shown[0]!r} != {text[start:end]!r}"


def check_tables(tables: dict, corpus) -> None:
    corpus.verify()
    for name, table in tables.items():
        check_spans(name, table, corpus)
    # Tables that quote text without offsets: what they quote is in the text.
    everything = "\n".join(corpus.texts.values())
    for evidence in tables["events"].get("evidence", []):
        assert evidence in everything, f"events.evidence not in any article: {evidence!r}"
    for name, context in zip(tables["uncoded"]["name"], tables["uncoded"]["context"]):
        assert name in context and context in everything, f"uncoded name {name!r} not in its context"
    for core, text in zip(tables["expressions"]["core"], tables["expressions"]["text"]):
        assert core in text, f"time expression core {core!r} not inside {text!r}"
    paragraphs = set(zip(corpus.paragraphs["article_id"], corpus.paragraphs["paragraph"]))
    assert set(zip(tables["focus"]["article_id"], tables["focus"]["paragraph"])) <= paragraphs


# Parameter names of framing functions that mean a table this suite or the module makes.
ALIASES = {"quotes_table": "quotes", "dated_events": "events", "claims": "number_claims",
           "discrepancies": "number_discrepancies", "passages": "shared_passages", "usage": "label_usage",
           "verbs": "attribution_verbs", "checks": "fact_checks", "alone": "only_one_outlet",
           "clauses": "display_clauses", "counts": "term_counts", "cues": "frame_cues"}


def framing_tables(module, inputs: dict) -> dict[str, pd.DataFrame]:
    """Run every public function of a framing module that builds a table from the corpus or
    from tables (the annotation tables, or one another function of the module returned),
    as long as this suite can supply all its required parameters."""
    inputs = dict(inputs, term="putin")
    out, done = {}, set()
    functions = {name: f for name, f in inspect.getmembers(module, inspect.isfunction)
                 if not name.startswith("_") and f.__module__ == module.__name__}
    progress = True
    while progress:
        progress = False
        for name, function in functions.items():
            params = inspect.signature(function).parameters.values()
            required = [p.name for p in params if p.default is inspect.Parameter.empty
                        and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
            arguments = {r: inputs.get(r, inputs.get(ALIASES.get(r, ""))) for r in required}
            if name in done or any(v is None for v in arguments.values()) or not any(
                    isinstance(v, (pd.DataFrame, analysis.Corpus)) for v in arguments.values()):
                continue
            done.add(name)
            progress = True
            result = function(**arguments)
            if isinstance(result, pd.DataFrame):
                out[f"{module.__name__}.{name}"] = inputs.setdefault(name, result)
            elif isinstance(result, dict):
                out.update({f"{module.__name__}.{name}.{k}": v for k, v in result.items() if isinstance(v, pd.DataFrame)})
    return out


def run_everything(articles: list[tuple[str, str, str]], framing: tuple = ()) -> None:
    """The whole property: write, load (or be refused properly), annotate, check, and the
    corpus folder is unchanged. ``framing``: framing modules to run on the tables too."""
    with tempfile.TemporaryDirectory(prefix="robust-") as root:
        folder = write_articles(Path(root), articles)
        before = folder_digest(folder)
        corpus = load_or_refuse(folder)
        if corpus is not None:
            tables = annotate(corpus)
            check_tables(tables, corpus)
            inputs = {"corpus": corpus, "codebook": actors.default_codebook(), **tables}
            for module in framing:
                for name, table in framing_tables(module, inputs).items():
                    check_spans(name, table, corpus)
        assert folder_digest(folder) == before, "the corpus folder changed"


article = st.tuples(hostile.article_text, hostile.article_date, st.sampled_from(OUTLETS))


# --- properties ------------------------------------------------------------------------------


@ROBUST
@given(st.lists(article, min_size=1, max_size=3))
def test_any_corpus_annotates_without_crashing_and_offsets_hold(articles):
    run_everything(articles)


@ROBUST
@given(hostile.news_with_junk(), hostile.article_date)
def test_news_prose_with_junk(text, date):
    run_everything([(text, date, "Test Wire")])


@ROBUST
@given(hostile.quote_soup(), hostile.article_date)
def test_unbalanced_and_nested_quotation_marks(text, date):
    run_everything([(text, date, "Test Wire")])


@ROBUST
@given(st.one_of(hostile.any_unicode, hostile.exotic_text, hostile.punctuation_soup()))
def test_arbitrary_unicode_and_punctuation(text):
    run_everything([(text, "2025-03-17", "Test Wire")])


@settings(ROBUST, max_examples=2, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile.long_paragraph())
def test_very_long_paragraph_without_a_full_stop(text):
    # too_slow / data_too_large: each draw is one paragraph of 20-40 thousand characters on purpose.
    run_everything([(text, "2025-03-17", "Test Wire")])


@ROBUST
@given(hostile.blank_article, hostile.news_sentence())
def test_empty_article_is_loaded_or_refused_with_its_name_and_a_fix(blank, other):
    run_everything([(other, "2025-03-17", "Test Wire"), (blank, "2025-03-17", "Test Wire")])


@pytest.mark.parametrize("module_name", FRAMING_MODULES)
def test_framing_module_tables_hold_their_offsets(module_name):
    module = pytest.importorskip(f"analysis.{module_name}")

    # Several outlets, so that comparisons between outlets (shared copy, vocabulary) run.
    @ROBUST
    @given(st.lists(st.tuples(st.one_of(hostile.news_with_junk(), hostile.article_text), hostile.article_date,
                              st.sampled_from(OUTLETS)), min_size=1, max_size=3))
    def run(articles):
        run_everything(articles, framing=(module,))

    run()


def test_undecodable_bytes_are_refused_with_the_file_and_a_fix(tmp_path):
    folder = _make_corpus(tmp_path, {"bad.txt": "Putin said “ready”. ".encode() + b"\xff\xfe caf\xe9\n"})
    before = folder_digest(folder)
    with pytest.raises(CorpusError) as refused:
        analysis.load_corpus(folder)
    assert "bad.txt" in refused.value.where and "UTF-8" in refused.value.fix
    assert folder_digest(folder) == before


# --- interrupted build -----------------------------------------------------------------------

OUTPUT_DIRS = ("notebooks", "figures", "reports")


class _StrictHTML(HTMLParser):
    """Parses a page; a page cut off mid-tag or mid-document fails :func:`check_readable`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open_tags = []

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "link", "br", "img", "hr", "input", "source", "col", "area", "base", "wbr", "embed"):
            self.open_tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self.open_tags:
            del self.open_tags[len(self.open_tags) - 1 - self.open_tags[::-1].index(tag):]


def check_readable(path: Path) -> None:
    """Open a built output with the reader of its kind; raises if it is cut short or corrupt."""
    import matplotlib.image
    import nbformat

    suffix = path.suffix.lower()
    if suffix == ".png":
        assert matplotlib.image.imread(path).size > 0
    elif suffix == ".svg":
        ET.parse(path)
    elif suffix == ".html":
        parser = _StrictHTML()
        parser.feed(path.read_text(encoding="utf-8"))
        parser.close()
        assert parser.rawdata == "", f"{path.name} ends inside a tag"
        assert "html" not in parser.open_tags, f"{path.name} has no closing </html>"
    elif suffix == ".ipynb":
        nbformat.validate(nbformat.read(path, as_version=4))
    elif suffix == ".csv":
        pd.read_csv(path)
    elif suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"))


def start_build(corpus: Path, out: Path) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in (paths.CORPUS_ENV, paths.OUT_ENV)}
    return subprocess.Popen([sys.executable, "-u", "-m", "analysis", "build", "--corpus", str(corpus), "--out", str(out)],
                            cwd=paths.ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)  # its own process group: the kernels die with it


def kill_when_writing(build: subprocess.Popen, out: Path, previous: dict[str, float], timeout: float = 300) -> str:
    """SIGKILL the build's whole process group once it has rewritten its first output (or,
    failing that, shortly after its first notebook started). Returns what it printed."""
    os.set_blocking(build.stdout.fileno(), False)
    printed, started_at, deadline = b"", None, time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and build.poll() is None:
            printed += build.stdout.read() or b""
            if started_at is None and b"[1/" in printed:
                started_at = time.monotonic()
            rewritten = [p for p in out.rglob("*") if p.is_file() and p.stat().st_mtime > previous.get(p, 0)]
            if rewritten or (started_at is not None and time.monotonic() - started_at > 20):
                break
            time.sleep(0.05)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
        build.wait(timeout=60)
    return printed.decode("utf-8", "replace")


def test_killed_build_leaves_every_previous_output_readable(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    shutil.copytree(paths.SEED_CORPUS, corpus)
    for name in OUTPUT_DIRS:
        shutil.copytree(paths.ROOT / name, out / name)
    # Age the copies, so any file the build writes shows as newer.
    for p in out.rglob("*"):
        if p.is_file():
            os.utime(p, (time.time() - 3600, time.time() - 3600))
    before = {p: p.stat().st_mtime for p in out.rglob("*") if p.is_file()}
    raw_before = folder_digest(corpus)

    printed = kill_when_writing(start_build(corpus, out), out, before)

    assert "[1/" in printed, f"the build never started its first notebook:\n{printed}"
    assert folder_digest(corpus) == raw_before, "the build changed the corpus folder"
    for path in before:
        assert path.is_file(), f"{path.relative_to(out)} disappeared"
        check_readable(path)
    # A killed write may leave its hidden temporary file beside the target (never read by
    # anyone); every file under a final name, old or new, reads whole.
    for path in out.rglob("*"):
        if path.is_file() and path not in before:
            if path.name.startswith(".") and path.name.endswith(".tmp"):
                continue
            check_readable(path)


# --- regressions found by the properties ---------------------------------------------------


def test_day_that_does_not_exist_this_year_is_no_crash(one_article):
    # "29 February" with no year, in a past clause of 2025, used to build date(2025, 2, 29).
    corpus = one_article("Mr Putin said on 29 February that talks were over. Trump said 31 February was fine.\n")
    found = timeline.temporal_expressions(corpus)
    assert list(found["core"]) == ["29 February", "31 February"]
    assert list(found["value"]) == ["2025-02-29", "2025-02-31"]  # as written: no real day to resolve to


def test_clock_time_after_an_impossible_date_takes_the_article_date(one_article):
    corpus = one_article("Trump said on 31 February he would call between 9 a.m. and 11 a.m. ET.\n")
    times = timeline.temporal_expressions(corpus).query("kind == 'time'")
    assert list(times["value"]) == ["2025-03-17T09:00-04:00", "2025-03-17T11:00-04:00"]


def test_numbers_that_name_no_day_or_time_are_not_time_expressions(one_article):
    corpus = one_article("Officials counted 0 March and 99 April marches at 13 pm ET and 9:75 a.m. ET.\n")
    cores = list(timeline.temporal_expressions(corpus)["core"])
    assert not any(core.startswith(("0 ", "99 ", "13 pm", "9:75")) for core in cores), cores


def test_ago_before_the_calendar_is_vague(one_article):
    corpus = one_article("Putin said the war began 99999999 days ago and 9999999999 weeks ago, not 3 days ago.\n")
    found = timeline.temporal_expressions(corpus).set_index("core")
    assert found.loc["99999999 days ago", "kind"] == "vague" and found.loc["9999999999 weeks ago", "kind"] == "vague"
    assert found.loc["3 days ago", "value"] == "2025-03-14"


def test_pages_without_visible_text_give_empty_tables_not_errors(tmp_path):
    folder = _make_corpus(tmp_path, {"nbsp.txt": "\u00a0\u00a0\n\ufeff\u00a0\n"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", analysis.CorpusWarning)
        corpus = analysis.load_corpus(folder)
    assert corpus.sentences.empty and "article_id" in corpus.sentences.columns
    tables = annotate(corpus)
    assert all(table.empty for name, table in tables.items() if name in SPANS)


def test_a_long_paragraph_is_not_read_once_per_mention():
    # The words before each mention used to be searched from the paragraph start: 40,000
    # characters took seconds per annotator, growing with the square of the length.
    text = "Trump and Putin said the Kremlin would talk, " * 1500 + "\n"
    with tempfile.TemporaryDirectory() as root:
        corpus = analysis.load_corpus(write_articles(Path(root), [(text, "2025-03-17", "Test Wire")]))
        began = time.perf_counter()
        found = actors.mentions(corpus)
        assert time.perf_counter() - began < 5
    assert len(found[found["actor"] == "Vladimir Putin"]) == 1500


def test_word_before_reads_the_same_word_from_a_window():
    text = "x " * 5000 + "said Trump’s — — “ Putin"
    position = text.index("Putin")
    assert actors._word_before(text, position, 0) == "Trump’s"
    assert actors._word_before("Putin", 0, 0) == ""
