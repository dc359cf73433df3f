"""The one-command rebuild: reproducible, current, and runnable on any corpus folder."""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import paths

OUTPUT_DIRS = ("notebooks", "figures", "reports")


def run_build(corpus: Path, out: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in (paths.CORPUS_ENV, paths.OUT_ENV)}
    return subprocess.run([sys.executable, "-m", "analysis", "build", "--corpus", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=paths.ROOT, timeout=900)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for d in OUTPUT_DIRS for p in sorted((folder / d).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed-build")
    result = run_build(paths.SEED_CORPUS, out)
    assert result.returncode == 0, result.stderr + result.stdout
    return out


@pytest.fixture(scope="module")
def byo_corpus(tmp_path_factory) -> Path:
    """Two of the seeds under new ids, as an analyst's own corpus folder would hold them."""
    folder = tmp_path_factory.mktemp("byo-corpus")
    with open(paths.SEED_CORPUS / "manifest.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    chosen = [dict(r) for r in rows if r["outlet"] in ("Reuters", "The Guardian")]
    for row, new_id in zip(chosen, ("wire-story", "paper-story")):
        row["id"], row["file"] = new_id, f"{new_id}.txt"
        shutil.copyfile(paths.SEED_CORPUS / next(r["file"] for r in rows if r["outlet"] == row["outlet"]),
                        folder / row["file"])
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(chosen)
    return folder


def test_rebuild_reproduces_the_committed_outputs_byte_for_byte(seed_build):
    """A fresh build elsewhere writes exactly what the repository holds: outputs are
    deterministic, carry no absolute paths or timings, and the committed ones are current."""
    built, committed = snapshot(seed_build), snapshot(paths.ROOT)
    assert set(built) == set(committed), f"missing or extra outputs: {sorted(set(built) ^ set(committed))}"
    differ = [name for name in built if built[name] != committed[name]]
    assert not differ, f"rebuilt outputs differ from the committed ones (run make and commit): {differ}"


def test_second_build_into_the_same_folder_changes_nothing(seed_build):
    before = {name: (seed_build / name).stat().st_mtime_ns for name in snapshot(seed_build)}
    result = run_build(paths.SEED_CORPUS, seed_build)
    assert result.returncode == 0, result.stderr
    after = {name: (seed_build / name).stat().st_mtime_ns for name in snapshot(seed_build)}
    assert after == before, "an unchanged rebuild rewrote files"


def test_build_runs_on_another_corpus_without_touching_the_repository(byo_corpus, tmp_path):
    repo_before = snapshot(paths.ROOT)
    corpus_before = {p.name: p.read_bytes() for p in byo_corpus.iterdir()}
    out = tmp_path / "out"
    result = run_build(byo_corpus, out)
    assert result.returncode == 0, result.stderr + result.stdout
    assert snapshot(paths.ROOT) == repo_before
    assert {p.name: p.read_bytes() for p in byo_corpus.iterdir()} == corpus_before
    assert (out / "figures" / "01_page_composition.csv").read_text(encoding="utf-8").count("\n") == 3  # header + 2 articles
    assert {p.name for p in (out / "reports").glob("*.html")} >= {"index.html", "01_corpus.html"}
    nb = nbformat.read(out / "notebooks" / "01_corpus.ipynb", as_version=4)
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "2 articles from byo-corpus" in printed
    # The seed prose does not describe this corpus: its claims are reported, not enforced.
    assert "✗ Not true of this corpus" in printed
    with open(out / "figures" / "01_story_length.csv", encoding="utf-8") as handle:
        assert [row["article"] for row in csv.DictReader(handle)] == ["Reuters", "The Guardian"]


def test_bad_corpus_fails_before_any_output_is_touched(byo_corpus, tmp_path, seed_build):
    out = tmp_path / "out"
    shutil.copytree(seed_build, out)
    before = snapshot(out)
    bad = tmp_path / "bad"
    shutil.copytree(byo_corpus, bad)
    (bad / "wire-story.txt").write_bytes(b"caf\xe9 au lait\n")
    result = run_build(bad, out)
    assert result.returncode == 1
    assert "wire-story.txt" in result.stderr and "Fix:" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(out) == before


def test_build_refuses_to_write_inside_the_corpus(byo_corpus):
    result = run_build(byo_corpus, byo_corpus / "out")
    assert result.returncode == 1 and "inside the corpus" in result.stderr
    assert not (byo_corpus / "out").exists()


def test_built_pages_read_offline(seed_build):
    from browser import chromium_available, inspect_offline
    if not chromium_available():
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI: .ci/run installs it")
        pytest.skip("apt-get install chromium to run this check")
    for page in sorted((seed_build / "reports").glob("*.html")):
        seen = inspect_offline(page)
        assert seen["requests_off_machine"] == [], page.name
        assert seen["images"] == seen["images_decoded"], page.name
    notebook_page = inspect_offline(seed_build / "reports" / "01_corpus.html")
    assert notebook_page["images"] >= 2 and notebook_page["tables"] >= 4


def test_stream_chunks_are_joined_so_timing_cannot_change_a_notebook():
    from analysis.build import normalise
    split = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print('a')", outputs=[
        nbformat.v4.new_output("stream", name="stdout", text="Every name is coded."),
        nbformat.v4.new_output("stream", name="stdout", text="\n"),
        nbformat.v4.new_output("stream", name="stderr", text="warning\n")])])
    outputs = normalise(split).cells[0].outputs
    assert [(o.name, o.text) for o in outputs] == [("stdout", "Every name is coded.\n"), ("stderr", "warning\n")]


def test_stale_temporaries_of_a_killed_write_are_removed(tmp_path):
    from analysis import outputs
    (tmp_path / ".figure.png.abc123.tmp").write_bytes(b"half")
    (tmp_path / "figure.png").write_bytes(b"whole")
    assert outputs.remove_stale_temporaries(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figure.png"]
    assert outputs.remove_stale_temporaries(tmp_path / "missing") == 0
