"""How the full annotation scales: synthetic corpora of growing size, annotated on every core.

    python benchmarks/scale.py                       (100 and 1,000 articles; what `make bench` runs)
    python benchmarks/scale.py --full                (100, 1,000, 10,000 and 100,000 articles)
    python benchmarks/scale.py --sizes 100 5000 --dask --tables /tmp/out
    python benchmarks/scale.py --sizes 100 --whole 500 2000     (one corpus each, as the notebooks load one)

The synthetic corpora recombine real body paragraphs (from ``raw/`` and ``tests/unseen/``;
never ``tests/holdout/``) into new articles: 6 to 25 paragraphs each under a real headline, a
new id, one of 20 invented outlets and a date in March 2025, all drawn from a fixed seed, so a
size always gives the same corpus. Articles are generated one at a time and annotated in
chunks by a pool of worker processes, one per core: each chunk becomes an in-memory corpus
(:func:`analysis.corpus.corpus_from_texts`) that gets everything the notebooks compute per
article (segments, paragraphs and sentences; actor mentions; quotes and fragments; indirect
speech; demands; time expressions and the events they date, merged within the chunk; the
frames and numbers of :mod:`analysis.frames` and :mod:`analysis.numbers` unless
``--without-framing``). Each table is reduced to a row count and an order-free digest of its
rows (with ``--tables DIR`` also written as CSV part files), so memory holds a chunk's
tables, never a corpus's.

Printed per size: articles, MB of text (UTF-8), wall seconds, articles/s, MB/s, MB/s per core,
the workers' CPU seconds and MB per CPU second (what a core does, whatever else the machine
runs), peak resident memory of the parent and of the largest worker, and the wall and CPU time
ratios to the previous size; then the CPU time of each annotation step and the machine. With
``--dask`` the same chunk function runs on a local Dask cluster (one single-threaded worker
per core) and its row counts and digests are compared with the plain run's. With ``--whole N
...`` each size is also annotated as one corpus in one process, as the notebooks load a corpus
(no chunks): its CPU time against the previous size shows whether the annotators stay linear
when every table holds the whole corpus. Asserts nothing about speed.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import hashlib
import itertools
import os
import platform
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import load_corpus  # noqa: E402
from analysis.actors import default_codebook, mentions  # noqa: E402
from analysis.corpus import corpus_from_texts  # noqa: E402
from analysis.demands import demands  # noqa: E402
from analysis.quotes import quotes  # noqa: E402
from analysis.speech import indirect_speech  # noqa: E402
from analysis.timeline import events, temporal_expressions  # noqa: E402

try:  # the framing modules, where this checkout has them
    from analysis import frames, numbers  # noqa: E402
except ImportError:
    frames = numbers = None

SOURCES = (ROOT / "raw", ROOT / "tests" / "unseen")  # never tests/holdout: it stays unseen
OUTLETS = tuple(f"Synthetic {kind} {n}" for n, kind in enumerate(
    ["Daily", "Herald", "Wire", "Times", "Post", "Courier", "Gazette", "Ledger", "Observer", "Tribune"] * 2, start=1))
DEFAULT_SIZES = (100, 1_000)
FULL_SIZES = (100, 1_000, 10_000, 100_000)
CHUNK_ARTICLES = 50
WITH_FRAMING = os.environ.get("SCALE_WITHOUT_FRAMING") != "1"  # an environment variable: workers inherit it


# --- synthetic corpora -----------------------------------------------------------------------


def source_material() -> tuple[list[str], list[str]]:
    """Body paragraphs and headlines of the real articles the synthetic ones are made from."""
    paragraphs, headlines = [], []
    for folder in SOURCES:
        corpus = load_corpus(folder)
        paragraphs += corpus.paragraphs.loc[corpus.paragraphs["zone"] == "body", "text"].tolist()
        headlines += [h for h in corpus.articles["headline"] if h]
    return paragraphs, headlines


def synthetic_articles(n: int, seed: int = 17, material: tuple[list[str], list[str]] | None = None):
    """``n`` articles, one at a time, the same for the same ``n`` and ``seed``: each a real
    headline over 6-25 real body paragraphs, under a new id, outlet and March 2025 date."""
    paragraphs, headlines = material or source_material()
    rng = random.Random(seed)
    for number in range(1, n + 1):
        headline = rng.choice(headlines)
        body = rng.choices(paragraphs, k=rng.randint(6, 25))
        yield {"id": f"synthetic-{number:06d}", "outlet": rng.choice(OUTLETS),
               "date": f"2025-03-{rng.randint(1, 31):02d}", "headline": headline,
               "text": "\n\n".join([headline, *body]) + "\n"}


def in_chunks(articles, size: int):
    """Lists of ``size`` articles, consumed lazily from any iterable."""
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# --- the annotation of one chunk ---------------------------------------------------------------


def annotate(corpus, seconds: dict | None = None) -> dict:
    """Every per-article table the notebooks compute, for one corpus; ``seconds`` collects the
    CPU time of each step (the steps share work, so a step's time excludes what an earlier one did)."""
    codebook = default_codebook()
    seconds = {} if seconds is None else seconds
    tables = {"segments": corpus.segments, "paragraphs": corpus.paragraphs, "sentences": corpus.sentences}

    def step(name, compute):
        started = time.process_time()
        result = compute()
        seconds[name] = seconds.get(name, 0.0) + time.process_time() - started
        return result

    tables["mentions"] = step("mentions", lambda: mentions(corpus, codebook))
    quoted = step("quotes", lambda: quotes(corpus, codebook))
    tables["quotes"], tables["fragments"] = quoted["quotes"], quoted["fragments"]
    tables["indirect_speech"] = step("indirect speech", lambda: indirect_speech(corpus, codebook))
    tables["demands"] = step("demands", lambda: demands(corpus, codebook))
    expressions = tables["time_expressions"] = step("time expressions", lambda: temporal_expressions(corpus))
    tables["events"] = step("events", lambda: events(corpus, expressions, codebook))
    if frames is not None and WITH_FRAMING:
        cues = tables["frame_cues"] = step("frames", lambda: frames.frame_cues(corpus))
        tables["paragraph_frames"] = step("frames", lambda: frames.paragraph_frames(corpus, cues))
    if numbers is not None and WITH_FRAMING:
        tables["number_claims"] = step("numbers", lambda: numbers.number_claims(corpus, expressions=expressions))
    return tables


def row_digest(table) -> int:
    """A digest of a table's rows that ignores their order: the sum of one hash per row, so
    chunk digests add up to the corpus's whatever the chunking or the order chunks finish in."""
    total = 0
    for row in zip(*(table[column].tolist() for column in table.columns)):
        total += int.from_bytes(hashlib.blake2b(repr(tuple(map(str, row))).encode(), digest_size=16).digest(), "big")
    return total % (1 << 128)


def annotate_chunk(articles: list[dict], tables_dir: str | None = None) -> dict:
    """Annotate one chunk; return its size, row counts, digests and the worker's peak memory.
    With ``tables_dir``, each table is also written as one CSV part file per chunk."""
    started = time.process_time()
    corpus = corpus_from_texts(articles)
    seconds = {"corpus": time.process_time() - started}
    tables = annotate(corpus, seconds)
    if tables_dir:
        part = articles[0]["id"]
        for name, table in tables.items():
            folder = Path(tables_dir) / name
            folder.mkdir(parents=True, exist_ok=True)
            table.to_csv(folder / f"{part}.csv", index=False)
    digests = {name: row_digest(table) for name, table in tables.items()}
    return {
        "articles": len(articles),
        "bytes": sum(len(a["text"].encode("utf-8")) for a in articles),
        "rows": {name: len(table) for name, table in tables.items()},
        "digests": digests,
        "cpu": time.process_time() - started,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cpu_seconds": seconds,
    }


def combine(results) -> dict:
    """Totals over chunk results."""
    total = {"articles": 0, "bytes": 0, "rows": {}, "digests": {}, "worker_rss_mb": 0.0, "chunks": 0, "cpu_seconds": {},
             "cpu": 0.0}
    for r in results:
        total["cpu"] += r["cpu"]
        for name, spent in r["cpu_seconds"].items():
            total["cpu_seconds"][name] = total["cpu_seconds"].get(name, 0.0) + spent
        total["articles"] += r["articles"]
        total["bytes"] += r["bytes"]
        total["chunks"] += 1
        total["worker_rss_mb"] = max(total["worker_rss_mb"], r["worker_rss_mb"])
        for name, n in r["rows"].items():
            total["rows"][name] = total["rows"].get(name, 0) + n
            total["digests"][name] = (total["digests"].get(name, 0) + r["digests"][name]) % (1 << 128)
    return total


# --- runners ---------------------------------------------------------------------------------


def progress(done: int, total_chunks: int, started: float, every: int) -> None:
    if done % every == 0 or done == total_chunks:
        print(f"  {done}/{total_chunks} chunks, {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)


def run_plain(n: int, workers: int, chunk: int, tables_dir: str | None, material) -> dict:
    """Annotate ``n`` synthetic articles on a process pool, at most two chunks queued per worker
    so that generated text never piles up ahead of the workers."""
    total_chunks = -(-n // chunk)
    every = max(1, total_chunks // 10)
    started = time.perf_counter()
    results = []
    with cf.ProcessPoolExecutor(max_workers=workers) as pool:
        pending = set()
        for batch in in_chunks(synthetic_articles(n, material=material), chunk):
            if len(pending) >= 2 * workers:
                finished, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for future in finished:
                    results.append(future.result())
                    progress(len(results), total_chunks, started, every)
            pending.add(pool.submit(annotate_chunk, batch, tables_dir))
        for future in cf.as_completed(pending):
            results.append(future.result())
            progress(len(results), total_chunks, started, every)
    total = combine(results)
    total["seconds"] = time.perf_counter() - started
    return total


def run_dask(n: int, workers: int, chunk: int, material) -> dict:
    """The same chunks through ``annotate_chunk`` on a local Dask cluster."""
    from dask.distributed import Client, LocalCluster, as_completed
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.run(_warm_up)
        started = time.perf_counter()
        batches = in_chunks(synthetic_articles(n, material=material), chunk)
        # Two chunks in flight per worker, as in the plain run: the rest is not generated yet.
        pending = as_completed([client.submit(annotate_chunk, b, pure=False) for b in itertools.islice(batches, 2 * workers)])
        results = []
        for future in pending:
            results.append(future.result())
            following = next(batches, None)
            if following is not None:
                pending.add(client.submit(annotate_chunk, following, pure=False))
        total = combine(results)
        total["seconds"] = time.perf_counter() - started
    return total


def run_whole(n: int, material) -> dict:
    """Annotate ``n`` synthetic articles as one corpus in this process; CPU seconds per step."""
    articles = list(synthetic_articles(n, material=material))
    started = time.process_time()
    corpus = corpus_from_texts(articles)
    seconds = {"corpus": time.process_time() - started}
    annotate(corpus, seconds)
    return {"articles": n, "bytes": sum(len(a["text"].encode("utf-8")) for a in articles),
            "cpu": time.process_time() - started, "cpu_seconds": seconds}


def _warm_up() -> None:
    """Load the codebooks and compile the patterns before the clock starts, in every worker."""
    annotate(corpus_from_texts(next(in_chunks(synthetic_articles(2), 2))))


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({model}), {platform.machine()}, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    global WITH_FRAMING
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes in articles")
    parser.add_argument("--full", action="store_true", help="100, 1,000, 10,000 and 100,000 articles")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="worker processes (default: all cores)")
    parser.add_argument("--chunk", type=int, default=CHUNK_ARTICLES, help="articles per chunk")
    parser.add_argument("--dask", action="store_true", help="also run the smallest size on a local Dask cluster")
    parser.add_argument("--whole", type=int, nargs="+", metavar="N",
                        help="also annotate N articles as one corpus in one process (as a notebook does), for each N")
    parser.add_argument("--tables", metavar="DIR", help="also write every table as CSV part files under DIR")
    parser.add_argument("--without-framing", action="store_true",
                        help="leave out analysis.frames and analysis.numbers (to time the other annotators alone)")
    args = parser.parse_args()
    if args.without_framing:
        WITH_FRAMING = False
        os.environ["SCALE_WITHOUT_FRAMING"] = "1"
    sizes = args.sizes or (FULL_SIZES if args.full else DEFAULT_SIZES)
    material = source_material()
    _warm_up()  # compile once here: the forked workers inherit the compiled patterns

    print(f"{'articles':>9}{'MB':>8}{'seconds':>9}{'articles/s':>12}{'MB/s':>8}{'MB/s/core':>11}"
          f"{'CPU s':>8}{'MB/CPU s':>10}{'parent MB':>11}{'worker MB':>11}{'time ratio':>15}{'CPU ratio':>11}")
    previous = None
    runs = {}
    for n in sizes:
        print(f"{n} articles ...", file=sys.stderr, flush=True)
        r = run_plain(n, args.workers, args.chunk, args.tables, material)
        runs[n] = r
        mb = r["bytes"] / 1e6
        parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        ratio = f"{r['seconds'] / previous[1]:.2f}× ({n / previous[0]:g}×)" if previous else "–"
        cpu_ratio = f"{r['cpu'] / previous[2]:.2f}×" if previous else "–"
        print(f"{n:>9,}{mb:>8.1f}{r['seconds']:>9.1f}{n / r['seconds']:>12.1f}{mb / r['seconds']:>8.3f}"
              f"{mb / r['seconds'] / args.workers:>11.3f}{r['cpu']:>8.0f}{mb / r['cpu']:>10.3f}"
              f"{parent:>11.0f}{r['worker_rss_mb']:>11.0f}{ratio:>15}{cpu_ratio:>11}", flush=True)
        previous = (n, r["seconds"], r["cpu"])
    print("annotation: segments, sentences, mentions, quotes, indirect speech, demands, time expressions, events"
          + (", frames, numbers" if WITH_FRAMING and frames is not None else " (framing modules left out)"))
    print(f"cores used: {args.workers} worker processes, {args.chunk} articles per chunk; "
          f"MB = 10^6 bytes of UTF-8 article text; memory = peak resident set size")
    print("CPU s = CPU time of the workers on the chunks (what one core does, whatever else the machine runs); "
          "time ratio = wall time against the previous size (its size ratio in brackets); CPU ratio the same in CPU time")
    largest = runs[sizes[-1]]
    print(f"rows at {sizes[-1]:,} articles: " + ", ".join(f"{k} {v:,}" for k, v in largest["rows"].items()))
    cpu = largest["cpu_seconds"]
    print(f"CPU time by step at {sizes[-1]:,} articles (all workers): " + ", ".join(
        f"{name} {spent:.0f} s ({spent / sum(cpu.values()):.0%})" for name, spent in cpu.items()))
    if args.whole:
        print("one corpus, one process (no chunks):")
        previous = None
        for n in args.whole:
            print(f"whole corpus: {n} articles ...", file=sys.stderr, flush=True)
            w = run_whole(n, material)
            ratio = f"; CPU {w['cpu'] / previous[1]:.2f}× the previous size ({n / previous[0]:g}× the articles)" if previous else ""
            print(f"  {n:,} articles, {w['bytes'] / 1e6:.1f} MB: {w['cpu']:.1f} CPU s, "
                  f"{w['bytes'] / 1e6 / w['cpu']:.3f} MB per CPU s{ratio}; by step: "
                  + ", ".join(f"{name} {spent:.1f}" for name, spent in w["cpu_seconds"].items()), flush=True)
            previous = (n, w["cpu"])
    if args.dask:
        n = sizes[0]
        print(f"dask: {n} articles ...", file=sys.stderr, flush=True)
        d = run_dask(n, args.workers, args.chunk, material)
        same = d["rows"] == runs[n]["rows"] and d["digests"] == runs[n]["digests"]
        print(f"dask LocalCluster ({args.workers} workers × 1 thread), {n:,} articles: {d['seconds']:.1f} s, "
              f"{n / d['seconds']:.1f} articles/s; same rows and digests as the plain run: {'yes' if same else 'NO'}")
    print(f"machine: {machine()}")


if __name__ == "__main__":
    main()
