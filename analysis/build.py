"""The one-command rebuild: every notebook, top to bottom, each in a fresh kernel.

``build_all(corpus, out)`` checks the corpus first (so bad input fails in a second, with
its message, not inside a notebook), then executes each numbered notebook in reading order,
writes it with its outputs to ``out/notebooks/``, exports its reader HTML to
``out/reports/`` and finishes with an index page. The notebooks write their own figures to
``out/figures/``. Everything goes through atomic writes, and a notebook that fails leaves
its previous version, figures and page as they were.

Outputs are made reproducible here: no cell timings, no kernel version details, execution
counts from 1, and a fixed hash seed in the kernel, so an unchanged rebuild changes no byte.
"""
from __future__ import annotations

import html
import os
import sys
import time
import warnings
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from . import outputs, paths, report
from .corpus import CorpusError, load_corpus

KERNEL = "python3"
CELL_TIMEOUT = 1800


class BuildError(RuntimeError):
    """A build step failed; the message says which and why."""


def notebook_sources() -> list[Path]:
    """The numbered notebooks, in reading order."""
    return sorted(paths.NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))


def build_all(corpus: Path, out: Path) -> None:
    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    os.environ[paths.CORPUS_ENV] = str(corpus)
    os.environ[paths.OUT_ENV] = str(out)
    os.environ["PYTHONHASHSEED"] = "0"  # the kernels inherit it: set order is the same every run

    if out == corpus or corpus in out.parents:
        raise BuildError(f"the output folder must not be inside the corpus folder {corpus.name}/: "
                         "raw articles are never written to. Choose another OUT.")
    started = time.perf_counter()
    print(f"Corpus: {corpus}", flush=True)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loaded = load_corpus(corpus)
    except CorpusError as err:
        raise BuildError(f"the corpus has bad input.\n{err}") from None
    for warning in caught:
        print(f"  warning: {warning.message}", flush=True)
    print(f"  {len(loaded.articles)} articles, {len(loaded.sentences)} sentences", flush=True)

    for folder in ("notebooks", "figures", "reports"):
        outputs.remove_stale_temporaries(out / folder)
    sources = notebook_sources()
    pages = []
    for number, source in enumerate(sources, start=1):
        print(f"[{number}/{len(sources)}] {source.name}: executing ...", end=" ", flush=True)
        began = time.perf_counter()
        executed = execute(source)
        target = out / "notebooks" / source.name
        outputs.write_text(target, nbformat.writes(executed) + "\n")
        html_name = source.with_suffix(".html").name
        report.export_html(target, out / "reports" / html_name)
        pages.append((html_name, report.notebook_heading(executed), report.notebook_summary(executed)))
        print(f"done in {time.perf_counter() - began:.1f} s", flush=True)

    report.write_index(pages, out / "reports", title="How outlets covered the Trump–Putin call announcement",
                       intro_html=_index_intro(loaded))
    print(f"Built {len(sources)} notebooks in {time.perf_counter() - started:.1f} s: "
          f"{_shown(out / 'notebooks')}, {_shown(out / 'figures')}, {_shown(out / 'reports')}", flush=True)


def execute(source: Path) -> nbformat.NotebookNode:
    """Run a notebook top to bottom in a fresh kernel and return it with reproducible outputs."""
    nb = nbformat.read(source, as_version=4)
    client = NotebookClient(
        nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT, record_timing=False,
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport warning in the build log
        resources={"metadata": {"path": str(paths.NOTEBOOKS)}},
    )
    try:
        client.execute()
    except CellExecutionError as err:
        print("failed", flush=True)
        raise BuildError(f"{source.name} stopped at a failing cell; its previous outputs are kept.\n{err}") from None
    return normalise(nb)


def normalise(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop everything that changes between identical runs or between machines."""
    nb.metadata = nbformat.from_dict({
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": KERNEL},
        "language_info": {"name": "python"},
    })
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count if cell.source.strip() else None
            cell.outputs = _coalesce_streams(cell.get("outputs", []))
            for output in cell.get("outputs", []):
                if "execution_count" in output:
                    output["execution_count"] = cell.execution_count
    return nb


def _coalesce_streams(outputs: list) -> list:
    """Join consecutive stdout (or stderr) chunks: how the kernel splits one print into
    messages depends on timing, and must not change the stored notebook."""
    joined = []
    for output in outputs:
        previous = joined[-1] if joined else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] = previous["text"] + output["text"]
        else:
            joined.append(output)
    return joined


def _index_intro(corpus) -> str:
    outlets = len(set(corpus.articles["outlet"]))
    return (f"<p>Built from <code>{html.escape(paths.corpus_dir().name)}/</code>: {len(corpus.articles)} articles "
            f"from {outlets} outlets. Each page below is one notebook of the analysis, executed top to bottom; "
            "the code is hidden, every figure's data is in <code>figures/</code>.</p>")


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path) + "/"


if __name__ == "__main__":  # pragma: no cover - use python -m analysis build
    sys.exit("use: python -m analysis build")
