"""One house style for every figure, and one way to save them.

Every figure the notebooks draw is saved three times side by side in ``figures/``: a PNG
for the page, an SVG for print, and the CSV of exactly the numbers it plots, so a reader
can check or redraw it. Files are written atomically and byte-for-byte reproducibly (no
dates, fixed SVG ids), so an unchanged rebuild leaves them untouched.
"""
from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import matplotlib.patches
import matplotlib.ticker
import matplotlib.transforms
import pandas as pd

from . import outputs, paths

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
GREY = "#8C8C8C"
LIGHT = "#D9D9D9"

HOUSE_STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "x",
    "grid.color": "#E5E5E5",
    "grid.linewidth": 0.8,
    "axes.axisbelow": True,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "svg.hashsalt": "analysis-house-style",  # stable element ids: identical SVG on every run
    "svg.fonttype": "path",
}


def use_house_style() -> None:
    """Apply the house style to every figure drawn from now on."""
    matplotlib.rcParams.update(HOUSE_STYLE)


def source_note(articles: pd.DataFrame) -> str:
    """The 'Source:' line every figure carries: the outlets and dates of the articles it rests on."""
    outlets = list(dict.fromkeys(articles["outlet"]))
    dates = sorted({pd.Timestamp(d) for d in articles["date"]})
    when = (f"{dates[0].day} {dates[0]:%B %Y}" if len(dates) == 1
            else f"{dates[0].day} {dates[0]:%B %Y} to {dates[-1].day} {dates[-1]:%B %Y}")
    who = ", ".join(outlets) if len(outlets) <= 4 else f"{len(articles)} articles from {len(outlets)} outlets"
    return f"Source: {who}, {when}; page text as stored in {paths.corpus_dir().name}/."


def titled(ax, finding: str, subtitle: str = "", source: str = "") -> None:
    """Title the figure with its finding, an optional subtitle saying what is measured,
    and the source line at the foot."""
    lines = textwrap.wrap(finding, 68)
    if subtitle:
        lines.append("")
    legend_room = 22 if ax.get_legend() is not None else 6
    ax.set_title("\n".join(lines), loc="left", pad=legend_room + (12 if subtitle else 0))
    if subtitle:
        ax.annotate(subtitle, xy=(0, 1), xycoords="axes fraction", xytext=(0, legend_room + 2),
                    textcoords="offset points", fontsize=9, color="#444444", va="bottom")
    if source:
        fig = ax.figure
        # Below everything the axes draw (tick labels, rotated or not, and the axis label).
        fig.canvas.draw()
        box = ax.get_tightbbox(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
        left = ax.get_position().x0
        fig.text(left, box.y0 - 0.02, "\n".join(textwrap.wrap(source, 110)),
                 fontsize=8, color="#555555", ha="left", va="top")


def save_figure(fig, name: str, data: pd.DataFrame, folder: Path | None = None) -> None:
    """Save ``fig`` as ``name``.png and .svg with ``data`` as ``name``.csv, atomically.

    ``data`` must be exactly the table the figure plots. Says where the files went."""
    folder = Path(folder) if folder is not None else paths.figures_dir()
    targets = [folder / f"{name}.png", folder / f"{name}.svg", folder / f"{name}.csv"]
    png, svg = io.BytesIO(), io.BytesIO()
    fig.savefig(png, format="png", metadata={"Software": None})
    fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
    csv = data.to_csv(index=False, lineterminator="\n").encode("utf-8")
    for target, payload in zip(targets, (png.getvalue(), svg.getvalue(), csv)):
        outputs.write_bytes(target, payload)
    print(f"saved {paths.shown(folder / name)}.png, .svg and .csv (the plotted data)")


def save_table(data: pd.DataFrame, name: str, folder: Path | None = None) -> None:
    """Export an annotation table as ``name``.csv beside the figures, atomically."""
    folder = Path(folder) if folder is not None else paths.figures_dir()
    outputs.write_bytes(folder / f"{name}.csv", data.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    print(f"saved {paths.shown(folder / name)}.csv ({len(data)} rows)")


def heatmap(table: pd.DataFrame, xlabel: str = "", cmap: str = "Blues"):
    """A labelled count matrix (rows × columns) that stays readable with many columns:
    the figure widens with the columns, and each cell carries its number."""
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(max(6.5, 1.1 * cols + 3), max(2.5, 0.38 * rows + 1.4)))
    ax.imshow(table.to_numpy(), aspect="auto", cmap=cmap, vmin=0)
    names = ["\n".join(textwrap.wrap(str(c), 16)) for c in table.columns]
    ax.set_xticks(range(cols), names, rotation=45 if cols > 6 else 0, ha="right" if cols > 6 else "center")
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    ax.grid(False)
    peak = table.to_numpy().max() or 1
    for (i, j), value in pd.DataFrame(table.to_numpy()).stack().items():
        ax.text(j, i, f"{value:,.0f}" if value else "·", ha="center", va="center", fontsize=9,
                color="white" if value > 0.6 * peak else "#222222")
    ax.set_xlabel(xlabel)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return fig, ax


def dot_matrix(table: pd.DataFrame, color: str = PALETTE[0]):
    """Which row (an event) each column (an outlet) reports: a dot where the cell is non-zero.
    Readable with many rows and columns; rows keep their order, top to bottom."""
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(max(6.5, 0.9 * cols + 5), max(2.5, 0.3 * rows + 1.4)))
    ys, xs = (table.to_numpy() > 0).nonzero()
    ax.scatter(xs, ys, s=70, color=color, zorder=3)
    ax.set_xticks(range(cols), ["\n".join(textwrap.wrap(str(c), 16)) for c in table.columns],
                  rotation=45 if cols > 6 else 0, ha="right" if cols > 6 else "center")
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.grid(True, axis="both", color="#EEEEEE")
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return fig, ax


def label_matrix(table: pd.DataFrame, colors: dict[str, str] | None = None):
    """A matrix of short labels (e.g. each outlet's stance on each demand), coloured by label;
    empty cells stay blank. Readable with many columns: labels wrap, the figure widens."""
    colors = colors or {}
    rows, cols = table.shape
    fig, ax = plt.subplots(figsize=(max(6.5, 1.6 * cols + 4), max(2.5, 0.42 * rows + 1.4)))
    for i, row in enumerate(table.itertuples(index=False)):
        for j, value in enumerate(row):
            if isinstance(value, str) and value:
                ax.add_patch(matplotlib.patches.Rectangle((j - 0.47, i - 0.4), 0.94, 0.8,
                                                          color=colors.get(value.split(",")[0], LIGHT), zorder=2))
                ax.text(j, i, "\n".join(textwrap.wrap(value, 18)), ha="center", va="center", fontsize=8, zorder=3)
    ax.set_xticks(range(cols), ["\n".join(textwrap.wrap(str(c), 16)) for c in table.columns],
                  rotation=45 if cols > 6 else 0, ha="right" if cols > 6 else "center")
    ax.set_yticks(range(rows), [str(r) for r in table.index])
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.grid(False)
    ax.tick_params(length=0)
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return fig, ax


def horizontal_bars(data: pd.DataFrame, label: str, columns: list[str], names: dict[str, str] | None = None,
                    colors: list[str] | None = None, xlabel: str = "", percent: bool = False, height: float | None = None):
    """A stacked horizontal bar per row of ``data`` (one row per article or outlet), readable
    with many rows: the figure grows with the number of rows and labels stay on the axis."""
    names = names or {}
    colors = colors or PALETTE
    rows = len(data)
    fig, ax = plt.subplots(figsize=(8, height or max(2.2, 0.45 * rows + 1.6)))
    left = pd.Series(0.0, index=data.index)
    for column, color in zip(columns, colors):
        values = data[column].astype(float)
        ax.barh(data[label], values, left=left, color=color, label=names.get(column, column), height=0.6)
        left = left + values
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    if percent:
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_xlim(0, 1)
    if len(columns) > 1:
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=len(columns), fontsize=9,
                  borderaxespad=0.2, handlelength=1.2, columnspacing=1.2)
    return fig, ax


def ranked_bars(data: pd.DataFrame, panel: str, label: str, value: str, columns: int = 3, xlabel: str = "",
                source: str = ""):
    """Small multiples: one panel per ``panel`` value (an outlet), each a ranked bar chart of
    ``value`` by ``label`` (its terms), largest on top. Readable with many outlets: panels wrap
    into rows of ``columns`` and share the x scale. Returns the figure and its first panel, for
    :func:`titled` (without ``source``: the source line goes at the foot of the whole figure)."""
    groups = list(dict.fromkeys(data[panel]))
    columns = max(1, min(columns, len(groups)))
    rows = max(1, -(-len(groups) // columns))
    longest = int(data.groupby(panel).size().max()) if len(data) else 1
    fig, axes = plt.subplots(rows, columns, figsize=(3.6 * columns + 1, (0.26 * longest + 1.1) * rows + 0.4),
                             sharex=True, squeeze=False)
    for ax, group in zip(axes.ravel(), groups):
        own = data[data[panel] == group]
        ax.barh(range(len(own)), own[value], color=PALETTE[0], height=0.6)
        ax.set_yticks(range(len(own)), own[label].astype(str))
        # The panel's name sits inside its axes, above the bars, so the figure title has the top.
        ax.set_ylim(longest - 0.5, -1.6)
        ax.text(0, -1.2, str(group), fontsize=10, fontweight="bold", va="center", ha="left",
                transform=matplotlib.transforms.blended_transform_factory(ax.transAxes, ax.transData))
        ax.tick_params(axis="y", length=0, labelsize=9)
        ax.set_xlabel(xlabel)
    for ax in axes.ravel()[len(groups):]:
        ax.set_visible(False)
    fig.tight_layout()
    if source:
        fig.text(0.01, 0, "\n".join(textwrap.wrap(source, 110)), fontsize=8, color="#555555", ha="left", va="top")
    return fig, axes.ravel()[0]
