"""Reader-facing HTML pages of the executed notebooks.

Readers of the reports want the prose, the figures and the tables, not the code, and they
may open the pages from a USB stick or a mail attachment: every page is one standalone
file that loads nothing from the network. Figures are already base64 PNG outputs of the
executed notebooks, so they travel inside the page; the template ``templates/reader``
strips the lab template's CDN scripts (require.js, MathJax, mermaid, widgets).

Pages are deterministic, so a rebuild of an unchanged notebook leaves the committed HTML
untouched: nothing in them depends on the time, the machine or a random id.
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

import nbformat
from nbconvert import HTMLExporter
from traitlets.config import Config

from . import outputs, paths

TEMPLATE = "reader"
INDEX_NAME = "index.html"

# The lab template's list minus the mimetypes whose rendering needs JavaScript from a CDN
# (widgets, raw JavaScript, mermaid, LaTeX through MathJax): outputs that carry them
# fall back to their HTML, image or plain-text form, which reads offline.
OFFLINE_DISPLAY_PRIORITY = [
    "text/html",
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "text/plain",
]


def export_html(notebook_path: Path, html_path: Path) -> bool:
    """Write the reader page of an executed notebook; False when the page was already current.

    The ``<title>`` is the notebook's first heading (its file stem when it has none)."""
    notebook_path = Path(notebook_path)
    nb = nbformat.read(notebook_path, as_version=4)
    # The lab template titles the page from this metadata field.
    nb.metadata["title"] = notebook_heading(nb) or notebook_path.stem
    resources = {
        # Only used to find images that markdown cells reference by a relative path, so
        # that they are embedded; it is not written into the page.
        "metadata": {"name": notebook_path.stem, "path": str(notebook_path.parent.resolve())},
    }
    page, _ = _exporter().from_notebook_node(nb, resources=resources)
    return outputs.write_text(html_path, _normalised(page))


def write_index(
    pages: list[tuple[str, str, str]], reports_dir: Path, title: str, intro_html: str = ""
) -> bool:
    """Write ``reports_dir/index.html``, the list of reader pages.

    ``pages`` holds (html file name, heading, summary) in reading order; heading and summary
    are plain text. ``intro_html`` is trusted HTML placed under the title."""
    items = "\n".join(
        f'<li><a href="{html.escape(quote(name))}">{html.escape(heading)}</a>'
        + (f"\n<p>{html.escape(summary)}</p>" if summary else "")
        + "</li>"
        for name, heading, summary in pages
    )
    intro = f'<div class="intro">\n{intro_html}\n</div>\n' if intro_html else ""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{html.escape(title)}</title>
<style type="text/css">
{_reader_css()}</style>
</head>
<body>
<div class="reader-page reader-index">
<h1>{html.escape(title)}</h1>
{intro}<ol>
{items}
</ol>
</div>
</body>
</html>
"""
    return outputs.write_text(Path(reports_dir) / INDEX_NAME, page)


def notebook_heading(nb: nbformat.NotebookNode) -> str:
    """The first level-1 heading of the first markdown cell, as plain text ("" if none)."""
    cells = _markdown_sources(nb)
    if not cells:
        return ""
    for block in _blocks(cells[0]):
        heading = _h1(block)
        if heading is not None:
            return heading
    return ""


def notebook_summary(nb: nbformat.NotebookNode) -> str:
    """The first paragraph of prose after the notebook's heading, as plain text ("" if none).

    Headings, lists, quotes, tables, code and HTML blocks are not prose and are skipped."""
    cells = _markdown_sources(nb)
    blocks = [block for source in cells for block in _blocks(source)]
    # Start after the title when the first cell has one, so the summary is never the title.
    first_cell = list(_blocks(cells[0])) if cells else []
    for position, block in enumerate(first_cell):
        if _h1(block) is not None:
            blocks = blocks[position + 1 :]
            break
    for block in blocks:
        if _is_prose(block):
            return _paragraph_text(block)
    return ""


# --- internals -----------------------------------------------------------------------


def _exporter() -> HTMLExporter:
    config = Config()
    config.NbConvertBase.display_data_priority = list(OFFLINE_DISPLAY_PRIORITY)
    return HTMLExporter(
        config=config,
        template_name=TEMPLATE,
        extra_template_basedirs=[str(paths.TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # Markdown images given by a relative path would break once the page is moved.
        embed_images=True,
    )


def _reader_css() -> str:
    return (paths.TEMPLATES / TEMPLATE / "reader.css").read_text(encoding="utf-8")


# A table cell holding only a number (with separators, sign, decimals or a percent sign).
_NUMBER_CELL = re.compile(r"<td>(\s*[-+−]?[\d,]*\.?\d+%?\s*)</td>")


def _normalised(page: str) -> str:
    # Notebooks edited on Windows may carry CRLF into outputs; one newline convention
    # keeps the page identical wherever it is built.
    page = page.replace("\r\n", "\n")
    # Text reads best left-aligned and numbers right-aligned; pandas marks neither.
    page = _NUMBER_CELL.sub(r'<td class="num">\1</td>', page)
    return page if page.endswith("\n") else page + "\n"


def _markdown_sources(nb: nbformat.NotebookNode) -> list[str]:
    return [cell.source for cell in nb.cells if cell.cell_type == "markdown"]


_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)\s*$")


def _blocks(source: str):
    """Markdown source cut into blocks: at blank lines, around ATX headings, after setext
    underlines. A fenced code block stays whole even across blank lines."""
    block: list[str] = []
    fence = None
    for line in source.replace("\r\n", "\n").split("\n"):
        if fence is not None:
            block.append(line)
            if line.strip().startswith(fence):
                yield block
                block, fence = [], None
            continue
        opening = _FENCE.match(line)
        if opening or _ATX.match(line):
            if block:
                yield block
            block = [line]
            if opening:
                fence = opening.group(1)
            else:
                yield block
                block = []
        elif block and _SETEXT_UNDERLINE.match(line) and not _NOT_PROSE.match(block[0]):
            yield block + [line]
            block = []
        elif line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


_ATX_H1 = re.compile(r"^ {0,3}#(?!#)\s+(.*?)(?:\s+#+)?\s*$")


def _h1(block: list[str]) -> str | None:
    atx = _ATX_H1.match(block[0])
    if atx:
        return _plain(atx.group(1))
    if len(block) >= 2 and re.match(r"^ {0,3}=+\s*$", block[-1]) and _is_paragraph(block[:-1]):
        return _plain(" ".join(line.strip() for line in block[:-1]))
    return None


# Lines that open something other than a paragraph: heading, quote, list item, table row,
# HTML, image, rule, code fence, display math, indented code.
_NOT_PROSE = re.compile(
    r"^ {0,3}(#|>|[-*+]\s|\d+[.)]\s|\||<|!\[|([-*_=]\s*){3,}$|`{3}|~{3}|\$\$)|^( {4}|\t)"
)


def _is_paragraph(block: list[str]) -> bool:
    return not _NOT_PROSE.match(block[0])


def _is_prose(block: list[str]) -> bool:
    if not _is_paragraph(block) or _SETEXT_UNDERLINE.match(block[-1]):
        return False
    return bool(_plain(" ".join(block)))


def _paragraph_text(block: list[str]) -> str:
    # A list or quote may start right under a paragraph line, without a blank line.
    lines = [block[0]]
    for line in block[1:]:
        if _NOT_PROSE.match(line):
            break
        lines.append(line)
    return _plain(" ".join(line.strip() for line in lines))


# Backslash-escaped punctuation is parked in the private-use area while the patterns
# below run, so that an escaped \* is never read as emphasis.
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>$])")
_PARKED = re.compile("[\ue000-\ue0ff]")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: its alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline link: its text
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference link: its text
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),  # autolink: the address
    (re.compile(r"<[^>]+>"), ""),  # inline HTML
    (re.compile(r"`+([^`]+)`+"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
]


def _plain(markdown: str) -> str:
    """Inline markdown reduced to the text a reader sees."""
    text = _ESCAPED.sub(lambda m: chr(0xE000 + ord(m.group(1))), markdown)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    text = _PARKED.sub(lambda m: chr(ord(m.group(0)) - 0xE000), text)
    return " ".join(html.unescape(text).split())
