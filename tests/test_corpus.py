"""The corpus layer: manifest validation, read-only raw input, offsets, and page zones."""
from __future__ import annotations

import csv
import json
import os
import shutil
import warnings
from pathlib import Path

import pytest

from analysis import load_corpus, outputs, paths
from analysis.manifest import REQUIRED_COLUMNS, CorpusError, CorpusWarning, sha256_of
from analysis.segments import RULES_FILE, segment

GOLD = json.loads((Path(__file__).parent / "gold" / "gold.json").read_text(encoding="utf-8"))

# A small, well-formed article used wherever the content itself does not matter.
ARTICLE = (
    "Ceasefire talks to resume on Tuesday\n"
    "\n"
    "By Jane Roe\n"
    "\n"
    "GENEVA (Test Wire) - Negotiators said on Monday they expected to meet again on Tuesday to discuss a truce.\n"
    "\n"
    "The two delegations have not met in person since January. A spokesman declined to comment.\n"
)
OTHER_ARTICLE = (
    "Markets steady ahead of the call\n"
    "\n"
    "Stock markets in Europe were little changed on Monday as traders waited for news from the phone call.\n"
)


def row(name: str, **overrides) -> dict:
    """A valid manifest row for ``name`` (as ``make_corpus`` writes by default), with overrides."""
    base = {
        "id": Path(name).stem, "file": name,
        "outlet": "Test Wire", "outlet_evidence": "written for the test",
        "date": "2025-03-17", "date_evidence": "written for the test",
    }
    base.update(overrides)
    return base


def assert_fix(err: CorpusError) -> None:
    """A CorpusError renders as '<where>: <problem>\\n  Fix: <fix>' with a non-empty fix."""
    assert err.fix.strip(), err
    assert f"\n  Fix: {err.fix}" in str(err), str(err)
    assert str(err).startswith(f"{err.where}: {err.problem}"), str(err)


def corpus_warnings(record) -> list[str]:
    return [str(w.message) for w in record if issubclass(w.category, CorpusWarning)]


def assert_round_trip(corpus) -> None:
    """Every row of every table is exactly the raw text behind its offsets."""
    for name in ("segments", "paragraphs", "sentences"):
        table = getattr(corpus, name)
        assert len(table), f"{name} is empty"
        bad = [
            (r.article_id, r.start, r.end, r.text)
            for r in table.itertuples()
            if corpus.texts[r.article_id][r.start:r.end] != r.text
        ]
        assert not bad, f"{name}: {len(bad)} rows whose text is not texts[id][start:end], e.g. {bad[:3]}"


def assert_covers(text: str, spans: list[tuple[int, int]], label: str = "") -> None:
    """Spans are ordered, do not overlap, and cover every non-blank character (a BOM is blank)."""
    ordered = sorted(spans)
    for (s1, e1), (s2, e2) in zip(ordered, ordered[1:]):
        assert e1 <= s2, f"{label}: segments overlap: {text[s1:e1]!r} and {text[s2:e2]!r}"
    covered = bytearray(len(text))
    for s, e in ordered:
        assert 0 <= s < e <= len(text), f"{label}: bad span {(s, e)}"
        covered[s:e] = b"\x01" * (e - s)
    missed = [i for i, ch in enumerate(text) if not covered[i] and not (ch.isspace() or ch == "\ufeff")]
    assert not missed, f"{label}: characters outside every segment at {missed[:10]}: {text[missed[0]:missed[0] + 40]!r}"


# --------------------------------------------------------------------------------------------
# Bad input: each refused (or warned about) with a message naming the file, line and field.
# --------------------------------------------------------------------------------------------


def test_good_folder_loads(tmp_path, make_corpus):
    """Control for the tests below: the small corpus they start from loads without complaint."""
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER_ARTICLE})
    with warnings.catch_warnings():
        warnings.simplefilter("error", CorpusWarning)
        corpus = load_corpus(folder)
    assert list(corpus.articles["id"]) == ["a", "b"]
    assert corpus.texts["a"] == ARTICLE


def test_manifest_row_whose_file_is_missing(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, [row("a.txt"), row("gone.txt")])
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "manifest.csv" in err.where and "line 3" in err.where and "field 'file'" in err.where, err
    assert "gone.txt" in err.problem, err
    assert_fix(err)


def test_file_not_in_manifest_is_left_out_with_a_warning(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "stray.txt": OTHER_ARTICLE}, [row("a.txt")])
    with pytest.warns(CorpusWarning) as record:
        corpus = load_corpus(folder)
    messages = corpus_warnings(record)
    assert any("stray.txt" in m and "manifest.csv" in m for m in messages), messages
    assert not any("a.txt" in m for m in messages), messages
    assert list(corpus.articles["id"]) == ["a"]
    assert set(corpus.texts) == {"a"}
    assert set(corpus.segments["article_id"]) == {"a"}


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n \n"], ids=["empty", "whitespace-only"])
def test_empty_file(tmp_path, make_corpus, content):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "blank.txt": content})
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "blank.txt" in err.where, err
    assert "empty" in err.problem, err
    assert f"{len(content)} bytes" in err.problem, err
    assert_fix(err)


def test_bytes_that_are_not_utf8(tmp_path, make_corpus):
    content = b"Cafe owners wait for news\n\nThe caf\xe9 on the corner stayed open late on Monday, its owner said.\n"
    bad_at = content.index(b"\xe9")
    folder = make_corpus(tmp_path, {"latin1.txt": content})
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "latin1.txt" in err.where, err
    assert "line 3" in err.where, err
    assert f"byte {bad_at}" in err.where, err
    assert "0xe9" in err.problem, err
    assert_fix(err)


def test_bom_is_kept_and_offsets_still_round_trip(tmp_path, make_corpus):
    raw = b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")
    folder = make_corpus(tmp_path, {"bom.txt": raw})
    with pytest.warns(CorpusWarning) as record:
        corpus = load_corpus(folder)
    assert any("bom.txt" in m and "byte-order mark" in m for m in corpus_warnings(record)), corpus_warnings(record)
    text = corpus.texts["bom"]
    assert text.encode("utf-8") == raw, "the text must be the file as stored, BOM included"
    assert text[0] == "\ufeff"
    assert_round_trip(corpus)
    segs = corpus.segments
    assert not segs["text"].str.contains("\ufeff").any(), "no segment may include the BOM"
    assert_covers(text, list(zip(segs["start"], segs["end"])), "bom.txt")
    # The BOM does not hide the headline from the header heuristics.
    first = segs.iloc[0]
    assert (first["kind"], first["text"]) == ("headline", "Ceasefire talks to resume on Tuesday")
    assert first["start"] == 1


def test_crlf_is_kept_and_offsets_still_round_trip(tmp_path, make_corpus):
    raw = ARTICLE.replace("\n", "\r\n").encode("utf-8")
    folder = make_corpus(tmp_path, {"crlf.txt": raw})
    with pytest.warns(CorpusWarning) as record:
        corpus = load_corpus(folder)
    assert any("crlf.txt" in m and "CRLF" in m for m in corpus_warnings(record)), corpus_warnings(record)
    text = corpus.texts["crlf"]
    assert text.encode("utf-8") == raw, "the text must be the file as stored, \\r included"
    assert "\r\n" in text
    assert_round_trip(corpus)
    for name in ("segments", "paragraphs", "sentences"):
        assert not getattr(corpus, name)["text"].str.contains("\r").any(), f"a {name} row includes '\\r'"
    segs = corpus.segments
    assert_covers(text, list(zip(segs["start"], segs["end"])), "crlf.txt")
    # Same lines, kinds and words as the LF copy: only the offsets move.
    lf = [(s.line, s.kind, ARTICLE[s.start:s.end]) for s in segment(ARTICLE)]
    assert list(zip(segs["line"], segs["kind"], segs["text"])) == lf


def test_html_page_saved_as_txt(tmp_path, make_corpus):
    page = (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Talks</title></head>\n"
        "<body><div class=\"story\"><p>Negotiators said on Monday they would meet again.</p></div></body>\n</html>\n"
    )
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "page.txt": page})
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "page.txt" in err.where and "line 1" in err.where, err
    assert "HTML" in err.problem, err
    assert_fix(err)


def test_duplicate_ids_name_both_lines(tmp_path, make_corpus):
    rows = [row("a.txt", id="same"), row("b.txt"), row("c.txt", id="same")]
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER_ARTICLE, "c.txt": OTHER_ARTICLE}, rows)
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "lines 2 and 4" in err.where and "field 'id'" in err.where, err
    assert "'same'" in err.problem, err
    assert_fix(err)


@pytest.mark.parametrize("value", ["2025-13-01", "17/03/2025", "2025-02-30", ""])
def test_invalid_date(tmp_path, make_corpus, value):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER_ARTICLE}, [row("a.txt"), row("b.txt", date=value)])
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "manifest.csv" in err.where and "line 3" in err.where and "field 'date'" in err.where, err
    assert (repr(value) in err.problem) if value else ("empty" in err.problem), err
    assert "YYYY-MM-DD" in err.fix
    assert_fix(err)


@pytest.mark.parametrize("column", REQUIRED_COLUMNS)
def test_missing_required_column(tmp_path, make_corpus, column):
    rows = [{k: v for k, v in row("a.txt").items() if k != column}]
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, rows)
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "manifest.csv" in err.where and "line 1" in err.where, err
    assert column in err.problem.split(), err
    assert not any(other in err.problem.split() for other in REQUIRED_COLUMNS if other != column), err
    assert_fix(err)


def test_sha256_mismatch(tmp_path, make_corpus):
    wrong = sha256_of(b"some other bytes")
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, [row("a.txt", sha256=wrong)])
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "line 2" in err.where and "field 'sha256'" in err.where, err
    assert "a.txt" in err.problem, err
    assert_fix(err)


@pytest.mark.parametrize("recorded", [str.lower, str.upper], ids=["lower", "upper"])
def test_sha256_that_matches_loads(tmp_path, make_corpus, recorded):
    actual = sha256_of(ARTICLE.encode("utf-8"))
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, [row("a.txt", sha256=recorded(actual))])
    corpus = load_corpus(folder)
    assert corpus.articles.loc[0, "sha256_actual"] == actual


@pytest.mark.parametrize("field, value", [
    ("outlet", "Some Outlet"),
    ("byline", "Mary Major"),
    ("headline", "A headline the text never prints"),
    ("url", "https://example.org/story"),
    ("date", "2025-03-16"),
])
def test_provenance_not_in_text_needs_evidence(tmp_path, make_corpus, field, value):
    rows = [row("a.txt", **{field: value, f"{field}_evidence": ""})]
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, rows)
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "line 2" in err.where and f"field '{field}'" in err.where, err
    assert repr(value) in err.problem and f"{field}_evidence" in err.problem, err
    assert_fix(err)


@pytest.mark.parametrize("field, value", [("outlet", "Test Wire"), ("byline", "Jane Roe"),
                                          ("headline", "Ceasefire talks to resume on Tuesday")])
def test_provenance_printed_in_text_needs_no_evidence(tmp_path, make_corpus, field, value):
    assert value in ARTICLE
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, [row("a.txt", **{field: value, f"{field}_evidence": ""})])
    corpus = load_corpus(folder)
    assert corpus.articles.loc[0, field] == value


def test_provenance_with_evidence_loads(tmp_path, make_corpus):
    rows = [row("a.txt", outlet="Some Outlet", outlet_evidence="the agency's feed, received 17 March")]
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, rows)
    assert load_corpus(folder).articles.loc[0, "outlet"] == "Some Outlet"


@pytest.mark.parametrize("where", ["parent", "nested", "absolute"])
def test_file_outside_the_corpus_folder(tmp_path, make_corpus, where):
    outside = tmp_path / "outside.txt"
    outside.write_text(OTHER_ARTICLE, encoding="utf-8")
    value = {"parent": "../outside.txt", "nested": "sub/../../outside.txt", "absolute": str(outside)}[where]
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE}, [row("a.txt"), row("x.txt", id="x", file=value)])
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "line 3" in err.where and "field 'file'" in err.where, err
    assert repr(value) in err.problem, err
    assert_fix(err)


def test_no_manifest(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE})
    (folder / "manifest.csv").unlink()
    with pytest.raises(CorpusError) as info:
        load_corpus(folder)
    err = info.value
    assert "manifest.csv" in err.where, err
    assert "manifest" in err.problem, err
    assert_fix(err)


def test_manifest_with_bom_loads(tmp_path, make_corpus):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER_ARTICLE})
    manifest = folder / "manifest.csv"
    manifest.write_bytes(b"\xef\xbb\xbf" + manifest.read_bytes())
    corpus = load_corpus(folder)
    assert list(corpus.articles["id"]) == ["a", "b"]
    assert list(corpus.articles["outlet"]) == ["Test Wire", "Test Wire"]


# --------------------------------------------------------------------------------------------
# The code never writes into a corpus, and output files are written atomically.
# --------------------------------------------------------------------------------------------

OLD_NS = 1_600_000_000 * 10**9  # a fixed past mtime, so any rewrite shows


def snapshot(folder: Path) -> dict:
    """Every path under ``folder`` (the folder itself included) with its bytes and mtime."""
    out = {}
    for path in [folder, *sorted(folder.rglob("*"))]:
        st = path.stat()
        out[path.relative_to(folder).as_posix()] = (path.read_bytes() if path.is_file() else None, st.st_mtime_ns)
    return out


def age(folder: Path) -> None:
    for path in [*folder.rglob("*"), folder]:
        os.utime(path, ns=(OLD_NS, OLD_NS))


def bad_input_folder(tmp_path, make_corpus) -> Path:
    return make_corpus(tmp_path, {"a.txt": ARTICLE, "latin1.txt": b"Headline\n\nThe caf\xe9 was shut.\n"})


def warned_folder(tmp_path, make_corpus) -> Path:
    files = {"a.txt": ARTICLE, "bom.txt": b"\xef\xbb\xbf" + OTHER_ARTICLE.encode(),
             "crlf.txt": OTHER_ARTICLE.replace("\n", "\r\n"), "stray.txt": OTHER_ARTICLE}
    return make_corpus(tmp_path, files, [row("a.txt"), row("bom.txt"), row("crlf.txt")])


def seed_copy(tmp_path, make_corpus) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(paths.SEED_CORPUS, folder)
    return folder


@pytest.mark.parametrize("build, raises", [
    (seed_copy, None), (bad_input_folder, CorpusError), (warned_folder, None),
], ids=["seed-copy", "bad-input", "warnings"])
def test_loading_never_writes_into_the_corpus(tmp_path, make_corpus, build, raises):
    folder = build(tmp_path, make_corpus)
    age(folder)
    before = snapshot(folder)
    assert len(before) > 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        if raises:
            with pytest.raises(raises):
                load_corpus(folder)
        else:
            load_corpus(folder)
    after = snapshot(folder)
    assert sorted(after) == sorted(before), f"paths appeared or vanished: {set(after) ^ set(before)}"
    changed = [p for p in before if before[p] != after[p]]
    assert not changed, f"changed by load_corpus: {changed}"


def test_loading_the_seeds_leaves_raw_untouched():
    before = snapshot(paths.SEED_CORPUS)
    load_corpus(paths.SEED_CORPUS)
    assert snapshot(paths.SEED_CORPUS) == before


def test_write_bytes_refuses_the_seed_corpus():
    """New files anywhere under raw/ are refused (only paths that do not exist are tried on the
    real raw/, so that a regression cannot damage the seeds; existing files: see the next test)."""
    new = paths.SEED_CORPUS / "written-by-test.txt"
    nested = paths.SEED_CORPUS / "written-by-test" / "x.txt"
    assert not new.exists() and not nested.parent.exists()
    before = snapshot(paths.SEED_CORPUS)
    try:
        for target in (new, nested):
            with pytest.raises(outputs.ProtectedPathError):
                outputs.write_bytes(target, b"written by a test\n")
            with pytest.raises(outputs.ProtectedPathError):
                outputs.write_text(str(target), "written by a test\n")
        assert not new.exists() and not nested.parent.exists()
        assert snapshot(paths.SEED_CORPUS) == before
    finally:  # never leave anything behind in raw/, even when the code under test misbehaves
        new.unlink(missing_ok=True)
        nested.unlink(missing_ok=True)
        if nested.parent.is_dir():
            nested.parent.rmdir()


def test_write_bytes_refuses_existing_files_of_the_seed_corpus(tmp_path, make_corpus, monkeypatch):
    """The same guard on existing article files and the manifest, on a copy standing in for raw/."""
    folder = seed_copy(tmp_path, make_corpus)
    monkeypatch.setattr(paths, "SEED_CORPUS", folder)
    monkeypatch.delenv(paths.CORPUS_ENV, raising=False)
    age(folder)
    before = snapshot(folder)
    for target in [*sorted(folder.glob("*.txt")), folder / "manifest.csv", folder]:
        with pytest.raises(outputs.ProtectedPathError):
            outputs.write_bytes(target, b"overwritten by a test\n")
        with pytest.raises(outputs.ProtectedPathError):
            outputs.write_text(target, "overwritten by a test\n")
    assert snapshot(folder) == before


def test_write_bytes_refuses_the_corpus_named_by_the_environment(tmp_path, make_corpus, monkeypatch):
    folder = make_corpus(tmp_path, {"a.txt": ARTICLE})
    monkeypatch.setenv(paths.CORPUS_ENV, str(folder))
    with pytest.raises(outputs.ProtectedPathError):
        outputs.write_bytes(folder / "a.txt", b"changed")
    with pytest.raises(outputs.ProtectedPathError):
        outputs.write_bytes(folder / "new" / "out.html", b"changed")
    assert (folder / "a.txt").read_text(encoding="utf-8") == ARTICLE
    assert not (folder / "new").exists()
    # Outside the corpus, writing is allowed.
    assert outputs.write_bytes(tmp_path / "out" / "page.html", b"ok") is True
    assert (tmp_path / "out" / "page.html").read_bytes() == b"ok"


class _HalfWriter:
    """A file handle whose write stores half the data and then fails, like a full disk."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()
        return False

    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(28, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.handle, name)


def _fail(exc):
    def boom(*args, **kwargs):
        raise exc
    return boom


INTERRUPTIONS = {
    "replace-oserror": ("replace", lambda real: _fail(OSError("rename failed")), OSError),
    "replace-keyboardinterrupt": ("replace", lambda real: _fail(KeyboardInterrupt()), KeyboardInterrupt),
    "fsync-oserror": ("fsync", lambda real: _fail(OSError("I/O error")), OSError),
    "write-half": ("fdopen", lambda real: (lambda fd, *a, **k: _HalfWriter(real(fd, *a, **k))), OSError),
}


@pytest.mark.parametrize("existed", [True, False], ids=["over-previous", "new-file"])
@pytest.mark.parametrize("how", list(INTERRUPTIONS))
def test_interrupted_write_leaves_previous_file_and_no_temp_files(tmp_path, monkeypatch, how, existed):
    out = tmp_path / "out"
    target = out / "report.html"
    previous = b"<p>previous build</p>\n" * 50
    if existed:
        assert outputs.write_bytes(target, previous) is True
    else:
        out.mkdir()
    attr, make, exc = INTERRUPTIONS[how]
    monkeypatch.setattr(outputs.os, attr, make(getattr(os, attr)))
    with pytest.raises(exc):
        outputs.write_bytes(target, b"<p>new build, much longer than before</p>\n" * 80)
    monkeypatch.undo()
    if existed:
        assert target.read_bytes() == previous
    else:
        assert not target.exists()
    assert sorted(p.name for p in out.iterdir()) == (["report.html"] if existed else [])


def test_identical_content_is_not_rewritten(tmp_path):
    target = tmp_path / "out" / "figure.svg"
    assert outputs.write_bytes(target, b"<svg/>") is True
    os.utime(target, ns=(OLD_NS, OLD_NS))
    inode = target.stat().st_ino
    assert outputs.write_bytes(target, b"<svg/>") is False
    assert outputs.write_text(target, "<svg/>") is False
    st = target.stat()
    assert st.st_mtime_ns == OLD_NS and st.st_ino == inode
    # Different content is written (and reported as written).
    assert outputs.write_bytes(target, b"<svg></svg>") is True
    assert target.read_bytes() == b"<svg></svg>"
    assert target.stat().st_mtime_ns != OLD_NS
    assert sorted(p.name for p in target.parent.iterdir()) == ["figure.svg"]


# --------------------------------------------------------------------------------------------
# Offsets on the seed corpus.
# --------------------------------------------------------------------------------------------


def test_seed_offsets_round_trip(seed_corpus):
    assert len(seed_corpus.texts) == 3
    assert_round_trip(seed_corpus)


def test_seed_segments_cover_the_text_without_overlap(seed_corpus):
    segs = seed_corpus.segments
    for article_id, text in seed_corpus.texts.items():
        mine = segs[segs["article_id"] == article_id]
        assert len(mine), article_id
        assert_covers(text, list(zip(mine["start"], mine["end"])), article_id)
        assert all(t == t.strip() for t in mine["text"]), f"{article_id}: a segment has surrounding white space"


def test_seed_sentences_lie_inside_their_paragraphs(seed_corpus):
    paras = seed_corpus.paragraphs.set_index(["article_id", "paragraph"])
    for r in seed_corpus.sentences.itertuples():
        p = paras.loc[(r.article_id, r.paragraph)]
        assert p["start"] <= r.start < r.end <= p["end"], (r.article_id, r.sentence, r.text)
        assert r.zone == p["zone"]
    sents = seed_corpus.sentences
    for (article_id, number), p in paras.iterrows():
        mine = sents[(sents["article_id"] == article_id) & (sents["paragraph"] == number)]
        assert len(mine), (article_id, number)
        text = seed_corpus.texts[article_id]
        covered = set()
        for s, e in zip(mine["start"], mine["end"]):
            assert not covered & set(range(s, e)), f"{article_id} paragraph {number}: sentences overlap"
            covered |= set(range(s, e))
        missed = [i for i in range(p["start"], p["end"]) if i not in covered and not text[i].isspace()]
        assert not missed, f"{article_id} paragraph {number}: not in any sentence: {text[missed[0]:missed[0] + 30]!r}"


# --------------------------------------------------------------------------------------------
# Page chrome on the seeds, against the hand-coded gold.
# --------------------------------------------------------------------------------------------


def _gold_and_found(seed_corpus):
    file_to_id = dict(zip(seed_corpus.articles["file"], seed_corpus.articles["id"]))
    assert set(GOLD["texts"]) == set(file_to_id), "gold and manifest name different files"
    gold, found = set(), set()
    for name, entry in GOLD["texts"].items():
        article_id = file_to_id[name]
        gold |= {(article_id, c["line"], c["text"].strip(), c["kind"]) for c in entry["chrome"]}
    segs = seed_corpus.segments
    for r in segs[segs["kind"] != "body"].itertuples():
        found.add((r.article_id, r.line, r.text, r.kind))
    return gold, found


def test_seed_chrome_matches_gold(seed_corpus):
    gold, found = _gold_and_found(seed_corpus)
    assert gold and found
    hits = gold & found
    precision, recall = len(hits) / len(found), len(hits) / len(gold)
    assert (precision, recall) == (1.0, 1.0), (
        f"precision {precision:.3f} ({len(hits)}/{len(found)}), recall {recall:.3f} ({len(hits)}/{len(gold)})\n"
        f"  missed (in gold, not found): {sorted(gold - found)}\n"
        f"  extra (found, not in gold): {sorted(found - gold)}"
    )


def test_every_gold_chrome_entry_has_its_segment(seed_corpus):
    """The same check per entry, ignoring line numbers: exact text and kind."""
    file_to_id = dict(zip(seed_corpus.articles["file"], seed_corpus.articles["id"]))
    segs = seed_corpus.segments
    for name, entry in GOLD["texts"].items():
        mine = segs[segs["article_id"] == file_to_id[name]]
        pairs = set(zip(mine["text"], mine["kind"]))
        for c in entry["chrome"]:
            assert (c["text"].strip(), c["kind"]) in pairs, (name, c)


def test_seed_headline_standfirst_byline(seed_corpus):
    arts = seed_corpus.articles.set_index("file")
    for name, entry in GOLD["texts"].items():
        assert arts.loc[name, "detected_headline"] == (entry["headline"] or ""), name
        assert arts.loc[name, "detected_standfirst"] == (entry["standfirst"] or ""), name
    by_id = seed_corpus.articles.set_index("id")
    assert by_id.loc["reuters-2025-03-17", "detected_byline"] == "By Jeff Mason"
    assert by_id.loc["guardian-2025-03-17", "detected_standfirst"].startswith("Trump says negotiators have already")
    assert by_id.loc["guardian-2025-03-17", "detected_byline"] == ""
    segs = seed_corpus.segments
    irish = segs[segs["article_id"] == "irish-times-2025-03-17"]
    assert not (irish["kind"] == "headline").any(), irish[irish["kind"] == "headline"]["text"].tolist()
    assert by_id.loc["irish-times-2025-03-17", "detected_headline"] == ""


def test_page_chrome_codebook_rows_have_exactly_the_header_columns():
    """An unquoted comma in a pattern (e.g. '.{0,150}') silently cuts the pattern short."""
    with open(RULES_FILE, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    bad = [(n, r[0], len(r)) for n, r in enumerate(rows[1:], start=2) if len(r) != len(header)]
    assert not bad, f"{RULES_FILE.name}: rows with more or fewer cells than the {len(header)} header columns " \
                    f"(line, rule, cells): {bad}"


# --------------------------------------------------------------------------------------------
# Page chrome on styles the seeds do not have. Invented articles, laid out as such pages are.
# Each expectation lists, for one non-blank line, its segments as (text, kind); a string
# alone means the whole line is one segment of that kind.
# --------------------------------------------------------------------------------------------

AP_STORY = """\
Trump and Putin to talk by phone as Kyiv waits on ceasefire

By OLENA MARCHUK and DAVID FERRIS

Updated 3:12 PM GMT, March 17, 2025

KYIV, Ukraine (AP) — Ukrainian officials said Monday they would watch closely as the American and Russian leaders speak by phone on Tuesday about a pause in the fighting.

Kyiv accepted the 30-day truce last week, and officials there said the next move belonged to Moscow.

Associated Press writer Tom Hale in Washington contributed to this report.

Copyright 2025 The Associated Press. All rights reserved.
"""
AP_EXPECTED = [
    "headline",
    "byline",
    "chrome",
    [("KYIV, Ukraine (AP) —", "dateline"),
     ("Ukrainian officials said Monday they would watch closely as the American and Russian leaders speak "
      "by phone on Tuesday about a pause in the fighting.", "body")],
    "body",
    "credit",
    "chrome",
]

TASS_DISPATCH = """\
Kremlin confirms Putin and Trump will hold phone talks on Tuesday

MOSCOW, March 17. /TASS/. Russian President Vladimir Putin and US President Donald Trump will talk by telephone on March 18, Kremlin Spokesman Dmitry Peskov told reporters.

"Yes, such a conversation is being prepared for Tuesday," the spokesman said, declining to name the topics the two leaders would cover.
"""
TASS_EXPECTED = [
    "headline",
    [("MOSCOW, March 17. /TASS/.", "dateline"),
     ("Russian President Vladimir Putin and US President Donald Trump will talk by telephone on March 18, "
      "Kremlin Spokesman Dmitry Peskov told reporters.", "body")],
    "body",
]

BBC_PAGE = """\
Trump to speak to Putin on Tuesday about ending Ukraine war

17 March 2025
Share
Save

Anna Kowal
BBC News, Washington

Image source, Getty Images
Image caption, The US president spoke to reporters on his plane on Sunday evening

US President Donald Trump says he will speak to his Russian counterpart on Tuesday, as Washington presses Moscow to accept a 30-day ceasefire.

"We will see what we can agree," he told reporters, adding that a lot of work had been done over the weekend.

Related
Ukraine backs US plan for a month-long truce
What is in the ceasefire proposal?
"""
BBC_EXPECTED = [
    "headline",
    "chrome",    # the page's date stamp: metadata, like 'Updated ...'
    "chrome",
    "chrome",
    "byline",    # the writer's name ...
    "byline",    # ... and role/desk, on the line below
    "credit",
    "caption",
    "body",
    "body",
    "chrome",
    "chrome",
    "chrome",    # a related-story link that happens to be a question
]

LIVE_BLOG = """\
Ukraine war live: Trump says he will speak to Putin on Tuesday

Kremlin confirms the call; European military chiefs to meet in London on Thursday

14.05 GMT
Kremlin confirms the call

The Kremlin spokesman said a phone conversation between the two presidents was being prepared for Tuesday.

13.40 GMT
Starmer convenes military chiefs

Military planners from a dozen countries will gather near London on Thursday to discuss a possible peacekeeping force.

Most read
Markets slide as tariff deadline nears
Storm warnings issued for the north-west
"""
LIVE_EXPECTED = [
    "headline",
    "standfirst",
    "dateline",
    "subheading",
    "body",
    "dateline",
    "subheading",
    "body",
    "chrome",
    "chrome",
    "chrome",
]

XINHUA_DISPATCH = """\
Trump says he will speak with Putin on Tuesday

WASHINGTON, March 17 (Xinhua) -- U.S. President Donald Trump said Sunday night that he would speak with Russian President Vladimir Putin on Tuesday about ending the Russia-Ukraine conflict.

Trump told reporters aboard Air Force One that "a lot of work" had been done over the weekend.

Editor: Li Wen
"""
XINHUA_EXPECTED = [
    "headline",
    [("WASHINGTON, March 17 (Xinhua) --", "dateline"),
     ("U.S. President Donald Trump said Sunday night that he would speak with Russian President Vladimir "
      "Putin on Tuesday about ending the Russia-Ukraine conflict.", "body")],
    "body",
    "credit",    # the desk editor's credit that closes a Xinhua dispatch
]

INLINE_LINKS = """\
Zelenskyy says Ukraine will match Russia's energy pause

Ukraine will stop firing at Russian energy sites as long as Russia does the same, President Volodymyr Zelenskyy said on Wednesday.

Related: What Putin's conditions for a ceasefire would mean for Ukraine

Related talks between military planners are due in London on Thursday.

Read more: Europe's plan for a reassurance force
"""
INLINE_EXPECTED = [
    "headline",
    "body",
    "chrome",    # one link under a label, on its own line
    "body",      # the same word opening a sentence of the story
    "chrome",
]

DAILY_STORY = """\
Putin agrees to spare energy sites, but full truce hinges on aid cut-off

New Delhi/Moscow: Russian President Vladimir Putin has agreed to a 30-day halt on strikes against Ukraine’s energy infrastructure, the Kremlin said on Tuesday.

Kremlin spokesperson Dmitry Peskov: a phrase of the kind no dateline rule should take, in a later paragraph.
"""
DAILY_EXPECTED = [
    "headline",
    [("New Delhi/Moscow:", "dateline"),
     ("Russian President Vladimir Putin has agreed to a 30-day halt on strikes against Ukraine’s energy "
      "infrastructure, the Kremlin said on Tuesday.", "body")],
    "body",      # a name and a colon in mid-story: not a dateline
]

STYLES = {
    "ap": (AP_STORY, AP_EXPECTED),
    "daily": (DAILY_STORY, DAILY_EXPECTED),
    "inline-links": (INLINE_LINKS, INLINE_EXPECTED),
    "tass": (TASS_DISPATCH, TASS_EXPECTED),
    "bbc": (BBC_PAGE, BBC_EXPECTED),
    "liveblog": (LIVE_BLOG, LIVE_EXPECTED),
    "xinhua": (XINHUA_DISPATCH, XINHUA_EXPECTED),
}

def _expected_segments(text: str, expected: list) -> dict[int, list[tuple[str, str]]]:
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    assert len(lines) == len(expected), "test data: one expectation per non-blank line"
    return {n: ([(line, want)] if isinstance(want, str) else list(want)) for (n, line), want in zip(lines, expected)}


def _style_cases():
    for style, (text, expected) in STYLES.items():
        for line, want in _expected_segments(text, expected).items():
            yield pytest.param(style, line, want, id=f"{style}-line{line}")


@pytest.mark.parametrize("style, line, want", list(_style_cases()))
def test_chrome_on_unseen_styles(style, line, want):
    text = STYLES[style][0]
    got = [(text[s.start:s.end], s.kind) for s in segment(text) if s.line == line]
    assert got == want, f"{style} line {line}: expected {want}, got {got}"


@pytest.mark.parametrize("style", list(STYLES))
def test_unseen_styles_segments_cover_the_text(style):
    text, expected = STYLES[style]
    segs = segment(text)
    assert_covers(text, [(s.start, s.end) for s in segs], style)
    assert {s.line for s in segs} == set(_expected_segments(text, expected)), style


def test_codebook_row_with_an_unquoted_comma_is_refused(tmp_path):
    from analysis.segments import load_rules
    bad = tmp_path / "page_chrome.csv"
    bad.write_text("rule,kind,match,where,pattern,why\n"
                   "sign-up,chrome,line,any,(?i)sign up .{0,150},Newsletter promotion.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_rules(bad)
    assert "line 2" in caught.value.where and "double quotes" in caught.value.fix


def test_headline_is_found_by_layout_without_the_manifest(seed_corpus):
    """The manifest's headline is a hint, not a crutch: layout alone finds the same lines."""
    for article_id, text in seed_corpus.texts.items():
        with_hint = [(s.start, s.end, s.kind) for s in segment(text, headline=seed_corpus.articles.set_index("id").loc[article_id, "headline"])]
        without = [(s.start, s.end, s.kind) for s in segment(text)]
        assert without == with_hint, article_id
