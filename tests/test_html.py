"""The reader HTML pages: readable offline, code hidden, identical from one build to the next.

The browser checks load each page in headless Chromium with every off-machine request
aborted and recorded (see ``tests/browser.py``). Without chromium they skip, except in CI
(``CI=true``), which installs it and must not pass by skipping.
"""
from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbclient
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

import browser
from analysis import paths
from analysis.report import export_html, notebook_heading, notebook_summary, write_index

HEADING = "Coverage of the call, in one figure"
SUMMARY = "Outlets differ in how much they wrote about the call."
# Names that only the code cell contains: finding one in the page means the code leaked.
CODE_ONLY = ("reader_hidden_marker", "ax.bar(")
PRINTED = "printed by the notebook"
COMMITTED_REPORTS = sorted((paths.ROOT / "reports").glob("*.html"))


def offline(chromium, html_path: Path) -> dict:
    """``inspect_offline`` with the module's browser, or the reason there is none."""
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI, which must run the offline-HTML checks")
        pytest.skip("chromium is not installed: apt-get install chromium to run this check")
    return browser.inspect_offline(html_path, chromium)


@pytest.fixture(scope="module")
def chromium():
    if not browser.chromium_available():
        yield None
        return
    with browser.launched() as running:
        yield running


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> dict:
    """A tiny executed notebook, its reader page and an index listing it."""
    folder = tmp_path_factory.mktemp("site")
    nb = new_notebook(
        cells=[
            new_markdown_cell(f"# {HEADING}\n\n{SUMMARY}\n\n- a list, not a summary"),
            new_code_cell(
                "import matplotlib.pyplot as plt\n"
                "import pandas as pd\n"
                "from IPython.display import display\n"
                "reader_hidden_marker = pd.DataFrame({'outlet': ['A', 'B'], 'articles': [3, 14]})\n"
                "fig, ax = plt.subplots(figsize=(4, 3))\n"
                "ax.bar(reader_hidden_marker['outlet'], reader_hidden_marker['articles'])\n"
                # display() rather than the inline backend: the same PNG whatever MPLBACKEND says.
                "display(fig)\n"
                "plt.close(fig)\n"
                f"print({PRINTED!r})\n"
                "reader_hidden_marker"
            ),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbclient.NotebookClient(
        nb, kernel_name="python3", record_timing=False, resources={"metadata": {"path": str(folder)}}
    ).execute()
    notebook = folder / "tiny.ipynb"
    nbformat.write(nb, notebook)
    page = folder / "tiny.html"
    export_html(notebook, page)
    write_index(
        [(page.name, notebook_heading(nb), notebook_summary(nb))], folder, "Reports & notebooks"
    )
    return {"notebook": notebook, "page": page, "index": folder / "index.html", "nb": nb}


# --- static checks: no browser needed -------------------------------------------------


class _Resources(HTMLParser):
    """Collects the URLs a page would load: src/href of script, link, img and other embedded
    content, url() and @import in CSS (style elements and style attributes)."""

    TAGS = {"script", "link", "img", "iframe", "source", "video", "audio", "embed", "object", "track"}
    ATTRIBUTES = {"src", "href", "data", "poster"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if tag in self.TAGS and name in self.ATTRIBUTES:
                self.urls.append(value or "")
            elif tag in self.TAGS and name == "srcset":
                self.urls += [part.split()[0] for part in (value or "").split(",") if part.strip()]
            elif name == "style":
                self._css(value or "")
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # the lab CSS cites URLs in comments
        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", css)
        self.urls += re.findall(r"@import\s+['\"]([^'\"]+)", css)


def static_problems(html_path: Path) -> list[str]:
    text = Path(html_path).read_text(encoding="utf-8")
    problems = [f"<script src=...>: {m}" for m in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", text)]
    parser = _Resources()
    parser.feed(text)
    problems += [
        f"off-machine resource: {url}"
        for url in parser.urls
        if re.match(r"\s*(https?:)?//", url, flags=re.I)
    ]
    return problems


def test_pages_have_no_off_machine_resources(site):
    for html_path in (site["page"], site["index"]):
        assert static_problems(html_path) == [], html_path.name


def test_headline_and_summary_for_the_index(site):
    assert notebook_heading(site["nb"]) == HEADING
    assert notebook_summary(site["nb"]) == SUMMARY
    index = site["index"].read_text(encoding="utf-8")
    assert f'<a href="{site["page"].name}">' in index
    assert "Reports &amp; notebooks" in index and SUMMARY in index


def test_export_is_deterministic(site, tmp_path):
    first = site["page"].read_bytes()
    assert export_html(site["notebook"], site["page"]) is False
    assert site["page"].read_bytes() == first
    # Elsewhere on disk: nothing in the page may depend on where the notebook lives.
    moved = tmp_path / "elsewhere" / site["notebook"].name
    moved.parent.mkdir()
    shutil.copy(site["notebook"], moved)
    assert export_html(moved, tmp_path / "again.html") is True
    assert (tmp_path / "again.html").read_bytes() == first
    assert write_index([("tiny.html", HEADING, SUMMARY)], site["index"].parent, "Reports & notebooks") is False


def test_page_hides_code_keeps_outputs(site):
    text = site["page"].read_text(encoding="utf-8")
    for code in CODE_ONLY:
        assert code not in text
    assert PRINTED in text
    assert "data:image/png;base64," in text
    assert f"<title>{HEADING}</title>" in text
    assert 'href="index.html"' in text
    body = text.split("</head>", 1)[1]  # the lab CSS mentions Out[] in its comments
    assert "In&nbsp;[" not in body and "In\xa0[" not in body and "Out[" not in body


# --- browser checks ---------------------------------------------------------------------


def test_reader_page_reads_offline(site, chromium):
    seen = offline(chromium, site["page"])
    assert seen["requests_off_machine"] == []
    assert seen["images"] >= 1
    assert seen["images_decoded"] == seen["images"]
    assert seen["tables"] >= 1
    assert seen["title"] == HEADING
    assert seen["text_length"] > len(HEADING)


def test_index_reads_offline(site, chromium):
    seen = offline(chromium, site["index"])
    assert seen["requests_off_machine"] == []
    assert seen["title"] == "Reports & notebooks"
    assert seen["text_length"] > 0


def test_off_machine_requests_are_caught(tmp_path, chromium):
    """The checks above can fail: a page reaching off the machine is reported by both."""
    leaky = tmp_path / "leaky.html"
    leaky.write_text(
        "<!DOCTYPE html><html><head><title>leaky</title>"
        '<link rel="stylesheet" href="https://example.invalid/style.css">'
        '<script src="https://example.invalid/script.js"></script>'
        "<style>@import url(https://example.invalid/import.css);</style>"
        "</head><body><p>text</p>"
        '<img src="https://example.invalid/x.png" alt="x"></body></html>',
        encoding="utf-8",
    )
    # The script tag, then the URLs of the link, the script, the @import and the img.
    assert len(static_problems(leaky)) == 5
    seen = offline(chromium, leaky)
    assert "https://example.invalid/x.png" in seen["requests_off_machine"]
    assert "https://example.invalid/style.css" in seen["requests_off_machine"]
    assert "https://example.invalid/script.js" in seen["requests_off_machine"]
    assert "https://example.invalid/import.css" in seen["requests_off_machine"]
    assert seen["images"] == 1 and seen["images_decoded"] == 0


# --- the repository's committed reports -------------------------------------------------

_committed = pytest.mark.parametrize(
    "html_path",
    COMMITTED_REPORTS
    or [pytest.param(None, marks=pytest.mark.skip(reason="reports/ holds no HTML yet: run `make` to build it"))],
    ids=[path.name for path in COMMITTED_REPORTS] or ["no-reports"],
)


@_committed
def test_committed_report_has_no_off_machine_resources(html_path):
    assert static_problems(html_path) == []


@_committed
def test_committed_report_reads_offline(html_path, chromium):
    seen = offline(chromium, html_path)
    assert seen["requests_off_machine"] == []
    assert seen["images_decoded"] == seen["images"]
    assert seen["title"]
    assert seen["text_length"] > 0
