"""The corpus manifest: one row per article, with the provenance of every value.

A corpus folder holds the articles as plain-text files, byte for byte as received, and a
``manifest.csv`` that an analyst edits by hand. ``raw/README.md`` documents every column.
This module reads the manifest and the files it names and refuses bad input with one clear
message that names the file, the line or field, and the fix. It never writes anything.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from . import paths

MANIFEST_NAME = "manifest.csv"
REQUIRED_COLUMNS = ("id", "file", "outlet", "date")
# Values that are facts about the article: each must be printed in its text or carry evidence.
PROVENANCE_FIELDS = ("outlet", "url", "headline", "byline", "date", "page_kind")
COLUMNS = (
    "id", "file", "sha256",
    "outlet", "outlet_evidence",
    "url", "url_evidence",
    "headline", "headline_evidence",
    "byline", "byline_evidence",
    "date", "date_evidence",
    "page_kind", "page_kind_evidence",
    "notes",
)
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
# Files in a corpus folder that are documentation, not articles.
# Files that look like articles: one of them missing from the manifest is worth a warning.
ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm"}
NOT_ARTICLES = {MANIFEST_NAME, "README.md", "README.txt"}
HTML_SIGNS = re.compile(r"<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:div|p|script|meta)\b[^>]*>", re.I)


class CorpusError(ValueError):
    """Bad input in a corpus folder. The message names the file, the line or field, and the fix."""

    def __init__(self, where: str, problem: str, fix: str):
        self.where, self.problem, self.fix = where, problem, fix
        super().__init__(f"{where}: {problem}\n  Fix: {fix}")


class CorpusWarning(UserWarning):
    """Input that is handled but that the analyst should know about."""


def warn(where: str, problem: str, fix: str) -> None:
    warnings.warn(f"{where}: {problem} ({fix})", CorpusWarning, stacklevel=3)


@dataclass(frozen=True)
class Entry:
    """One manifest row, validated, with its article's text exactly as stored."""

    line: int
    fields: dict
    path: Path
    raw_bytes: bytes
    text: str

    @property
    def id(self) -> str:
        return self.fields["id"]


def read_manifest(folder: Path) -> list[Entry]:
    """Read and check ``folder/manifest.csv`` and every file it lists."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise CorpusError(str(folder.name), "corpus folder not found",
                          "pass a folder that holds the article files and a manifest.csv")
    manifest = folder / MANIFEST_NAME
    where = paths.shown(manifest)
    if not manifest.is_file():
        raise CorpusError(where, "no manifest in the corpus folder",
                          f"create {MANIFEST_NAME} with at least the columns {', '.join(REQUIRED_COLUMNS)} "
                          "(see raw/README.md for every column)")
    try:
        # utf-8-sig: spreadsheet programs often save CSV with a byte-order mark, which is harmless here.
        manifest_text = manifest.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise CorpusError(where, f"not valid UTF-8 (byte {err.start})", "save the manifest as UTF-8 CSV") from None
    reader = csv.DictReader(io.StringIO(manifest_text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(f"{where}, line 1", f"missing column(s) {', '.join(missing)}",
                          f"the header must name at least {', '.join(REQUIRED_COLUMNS)}")

    rows: list[tuple[int, dict]] = []
    for row in reader:
        if None in row:  # more cells than header names
            raise CorpusError(f"{where}, line {reader.line_num}",
                              f"{len(header) + len(row[None])} cells but the header names {len(header)} columns",
                              "quote any value that contains a comma, or remove the extra cells")
        cleaned = {k: (v or "").strip() for k, v in row.items()}
        if any(cleaned.values()):
            rows.append((reader.line_num, cleaned))
    if not rows:
        raise CorpusError(where, "no article rows", "add one row per article file")

    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    entries = []
    for line, fields in rows:
        for column in REQUIRED_COLUMNS:
            if not fields.get(column):
                raise CorpusError(f"{where}, line {line}, field '{column}'", "is empty", _fix_for(column))
        article_id = fields["id"]
        if not ID_PATTERN.fullmatch(article_id):
            raise CorpusError(f"{where}, line {line}, field 'id'", f"{article_id!r} is not a usable id",
                              "use letters, digits, '-', '_' or '.', starting with a letter or digit")
        if article_id in seen_ids:
            raise CorpusError(f"{where}, lines {seen_ids[article_id]} and {line}, field 'id'",
                              f"the id {article_id!r} is used twice", "give each article its own id")
        seen_ids[article_id] = line
        _check_date(fields["date"], f"{where}, line {line}, field 'date'")

        rel = Path(fields["file"])
        if rel.is_absolute() or ".." in rel.parts:
            raise CorpusError(f"{where}, line {line}, field 'file'", f"{fields['file']!r} points outside the corpus folder",
                              "give the file name relative to the corpus folder")
        key = rel.as_posix()
        if key in seen_files:
            raise CorpusError(f"{where}, lines {seen_files[key]} and {line}, field 'file'",
                              f"{key!r} is listed twice", "list each article file once")
        seen_files[key] = line
        path = folder / rel
        if not path.is_file():
            raise CorpusError(f"{where}, line {line}, field 'file'", f"{key!r} does not exist in {folder.name}/",
                              "add the file to the corpus folder, correct the name, or delete the row")
        raw_bytes = path.read_bytes()
        _check_sha256(fields.get("sha256", ""), raw_bytes, path, f"{where}, line {line}")
        text = decode_article(raw_bytes, path)
        _check_provenance(fields, text, f"{where}, line {line}")
        entries.append(Entry(line=line, fields=fields, path=path, raw_bytes=raw_bytes, text=text))

    listed = {e.path.resolve() for e in entries}
    for stray in sorted(folder.rglob("*")):
        if (stray.is_file() and stray.suffix.lower() in ARTICLE_SUFFIXES and stray.resolve() not in listed
                and not any(part.startswith(".") for part in stray.relative_to(folder).parts)):
            warn(paths.shown(stray), f"is not listed in {MANIFEST_NAME} and was left out of the corpus",
                 f"add a row for it to {MANIFEST_NAME} to include it")
    return entries


def decode_article(raw_bytes: bytes, path: Path) -> str:
    """The article's text exactly as stored: UTF-8, with any BOM and CRLF kept so that
    character offsets always refer to the file as it is."""
    where = paths.shown(path)
    if not raw_bytes.strip():
        raise CorpusError(where, f"is empty ({len(raw_bytes)} bytes{', only white space' if raw_bytes else ''})",
                          "paste the article's text into the file, or delete its manifest row")
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw_bytes[: err.start].count(b"\n") + 1
        bad = raw_bytes[err.start: err.start + 1].hex()
        raise CorpusError(f"{where}, line {line}, byte {err.start}", f"byte 0x{bad} is not valid UTF-8",
                          f"re-save the file as UTF-8 (for Windows text: iconv -f windows-1252 -t utf-8 "
                          f"{path.name} > fixed.txt) and update its sha256 in the manifest") from None
    head = text[:4000]
    html = HTML_SIGNS.search(head)
    if html and len(re.findall(r"<[a-zA-Z/][^>]*>", head)) >= 3:
        line = text[: html.start()].count("\n") + 1
        raise CorpusError(f"{where}, line {line}", f"looks like an HTML page ({html.group(0)[:30]!r}), not article text",
                          "save the article's text instead (select the article in the browser and paste it "
                          "into a .txt file, or use a text extractor)")
    if text.startswith("\ufeff"):
        warn(where, "starts with a byte-order mark; it is kept in the raw text and skipped by the annotators",
             "harmless; re-save as UTF-8 without BOM to silence this")
    if "\r\n" in text or "\r" in text:
        warn(where, "has Windows (CRLF) or old Mac (CR) line endings; offsets count them as stored",
             "harmless; convert to LF line endings to silence this")
    return text


def sha256_of(raw_bytes: bytes) -> str:
    return hashlib.sha256(raw_bytes).hexdigest()


def _check_sha256(recorded: str, raw_bytes: bytes, path: Path, where: str) -> None:
    if recorded and recorded.lower() != sha256_of(raw_bytes):
        raise CorpusError(f"{where}, field 'sha256'",
                          f"{path.name} no longer matches the checksum recorded for it",
                          "raw files must stay verbatim: restore the original; if the file was replaced on purpose, "
                          f"record its new checksum (sha256sum {path.name})")


def _check_date(value: str, where: str) -> None:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        dt.date.fromisoformat(value)
    except ValueError:
        raise CorpusError(where, f"{value!r} is not a valid date", _fix_for("date")) from None


def printed_in(field: str, value: str, text: str) -> bool:
    """Whether a manifest value is printed in the article's text (else it needs evidence)."""
    if field == "date":
        day = dt.date.fromisoformat(value)
        forms = {value, f"{day.day} {day:%B %Y}", f"{day:%B} {day.day}, {day.year}", f"{day:%d/%m/%Y}"}
        return any(form in text for form in forms)
    return value.casefold() in text.casefold()


def _check_provenance(fields: dict, text: str, where: str) -> None:
    for field in PROVENANCE_FIELDS:
        value = fields.get(field, "")
        if value and not fields.get(f"{field}_evidence") and not printed_in(field, value, text):
            raise CorpusError(f"{where}, field '{field}'",
                              f"{value!r} is not printed in the article and has no {field}_evidence",
                              f"say where the value comes from in the column {field}_evidence, "
                              f"or leave {field} empty: never record a fact the text does not support")


def _fix_for(column: str) -> str:
    return {
        "id": "give the article a short unique id (letters, digits, '-', '_')",
        "file": "name the article's text file, relative to the corpus folder",
        "outlet": "name the publishing outlet; if the text does not print it, say how you know in outlet_evidence",
        "date": "write the publication date as YYYY-MM-DD (e.g. 2025-03-17); if the text does not print it, "
                "say how it was inferred in date_evidence",
    }[column]
