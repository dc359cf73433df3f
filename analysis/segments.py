"""Page zones: which parts of a stored page are the story, and which are page furniture.

A stored article is rarely just the story. Web pages bring navigation, related-story links
and "Most viewed" blocks; wire copy brings image tags and reporting credits; a copy taken
from a search index may carry a date tag. This module cuts an article's raw text into
segments, each with a kind:

- ``chrome``: page furniture, set apart and never annotated;
- ``headline``, ``standfirst``, ``byline``, ``dateline``, ``caption``, ``credit``,
  ``subheading``: the article's own furniture, annotated but not body text;
- ``body``: the paragraphs of the story.

Nothing is deleted: the segments cover every non-blank character of the text, and each
carries ``start``/``end`` offsets into it and the rule that decided its kind. The
recognisers are regular expressions in ``codebooks/page_chrome.csv``, a table an analyst
extends for a new outlet; the headline, standfirst and crosshead heuristics below need no
outlet-specific knowledge.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .manifest import CorpusError

KINDS = ("chrome", "headline", "standfirst", "byline", "dateline", "caption", "credit", "subheading", "body")
MATCHES = ("line", "contains", "prefix", "section")
WHERE = ("any", "header", "first_body")
RULES_FILE = paths.CODEBOOKS / "page_chrome.csv"

# A line that ends a sentence: terminal punctuation, then any closing quotes or brackets.
TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
BULLET = re.compile(r"^[•·▪●◦*–-]\s")
BLANK = " \t\r\n\ufeff\u00a0"
# A writer's name alone on a line under the headline ("Anna Kowal", "Jean-Luc M. Dupont"),
# and the outlet or role line under a byline ("BBC News, Washington", "Moscow correspondent").
PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: (?:van |de |von )?[A-Z][a-z'’-]+){1,2}")
AFFILIATION = re.compile(r"[A-Z][\w&.'’ -]{1,40},\s+[A-Z][\w.'’ -]{1,30}|[A-Z]?[\w'’ -]{0,40}\b(?:[Cc]orrespondent|[Ee]ditor|[Rr]eporter)")
HEADLINE_MAX_WORDS = 30
SUBHEADING_MAX_WORDS = 12
LINK_MAX_WORDS = 30


@dataclass(frozen=True)
class Rule:
    rule: str
    kind: str
    match: str
    where: str
    pattern: re.Pattern
    why: str


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    line: int
    kind: str
    rule: str


def load_rules(path: Path | str = RULES_FILE) -> list[Rule]:
    """Read the page-chrome codebook, refusing a malformed row with its line number."""
    path = Path(path)
    where = paths.shown(path)
    rules = []
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            at = f"{where}, line {reader.line_num}"
            if None in row:
                raise CorpusError(at, f"{len(reader.fieldnames) + len(row[None])} cells but the header names "
                                      f"{len(reader.fieldnames)} columns",
                                  "put double quotes around a pattern that contains a comma")
            for field, allowed in (("kind", KINDS), ("match", MATCHES), ("where", WHERE)):
                if row.get(field) not in allowed:
                    raise CorpusError(f"{at}, field '{field}'", f"{row.get(field)!r} is not one of {', '.join(allowed)}",
                                      f"use one of {', '.join(allowed)}")
            try:
                pattern = re.compile(row["pattern"])
            except (re.error, TypeError) as err:
                raise CorpusError(f"{at}, field 'pattern'", f"not a valid regular expression ({err})",
                                  "correct the expression (Python re syntax)") from None
            rules.append(Rule(row["rule"], row["kind"], row["match"], row["where"], pattern, row.get("why", "")))
    return rules


@dataclass
class _Line:
    number: int
    start: int  # first non-blank character still to classify
    end: int    # one past the last non-blank character
    segments: list
    kind: str | None = None  # set once the rest of the line is classified
    rule: str = ""
    section: str = ""  # rule id of the link block this line opens


def _lines(text: str) -> list[_Line]:
    lines = []
    for number, match in enumerate(re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text), start=1):
        start, end = match.start(), match.end()
        while start < end and text[start] in BLANK:
            start += 1
        while end > start and text[end - 1] in BLANK:
            end -= 1
        if end > start:
            lines.append(_Line(number, start, end, []))
        if match.end() == len(text):
            break
    return lines


def _words(s: str) -> int:
    return len(s.split())


def is_body_like(s: str) -> bool:
    """A paragraph of running text rather than a headline, label or link."""
    return (_words(s) >= 8 and bool(TERMINAL.search(s))) or _words(s) >= 60


def _apply_prefix(text: str, line: _Line, rule: Rule) -> bool:
    m = rule.pattern.match(text, line.start, line.end)
    if not m or m.end() == m.start():
        return False
    end = m.end()
    while end > line.start and text[end - 1] in BLANK:
        end -= 1
    line.segments.append(Segment(line.start, end, line.number, rule.kind, rule.rule))
    line.start = m.end()
    while line.start < line.end and text[line.start] in BLANK:
        line.start += 1
    return True


def _apply_whole(text: str, line: _Line, rule: Rule) -> bool:
    rest = text[line.start:line.end]
    if rule.match == "contains":
        hit = rule.pattern.search(rest)
    else:
        hit = rule.pattern.fullmatch(rest)
    if not hit:
        return False
    line.kind, line.rule = rule.kind, rule.rule
    if rule.match == "section":
        line.section = rule.rule
    return True


def segment(text: str, rules: list[Rule] | None = None, headline: str = "") -> list[Segment]:
    """Cut ``text`` into segments of known kind (see the module docstring).

    ``headline``, when given (from the manifest), marks the line that is the headline
    wherever it stands; otherwise the headline is the first title-like line before the body.
    """
    rules = load_rules() if rules is None else rules
    lines = _lines(text)
    anywhere = [r for r in rules if r.where == "any"]
    header_rules = [r for r in rules if r.where == "header"]
    opening_rules = [r for r in rules if r.where == "first_body"]

    # Pass 1: furniture recognisable on its own line, wherever it stands.
    in_section = ""
    for line in lines:
        for rule in anywhere:
            if rule.match == "prefix":
                _apply_prefix(text, line, rule)
        if line.start >= line.end:
            line.kind = "done"
            continue
        for rule in anywhere:
            if rule.match != "prefix" and _apply_whole(text, line, rule):
                break
        rest = text[line.start:line.end]
        if line.section:
            in_section = line.section
        elif in_section and line.kind is None:
            # A link block runs on while its lines look like links (headlines, often questions),
            # not running text.
            if (BULLET.match(rest) or not TERMINAL.search(rest) or rest.endswith("?")) and _words(rest) <= LINK_MAX_WORDS:
                line.kind, line.rule = "chrome", in_section
            else:
                in_section = ""

    # Pass 2: the header (everything before the first paragraph of running text).
    open_lines = [ln for ln in lines if ln.kind is None]
    first_body = next((ln for ln in open_lines if is_body_like(text[ln.start:ln.end])), None)
    header = [ln for ln in open_lines if first_body is None or ln.number < first_body.number]
    for line in header:
        for rule in header_rules:
            if _apply_whole(text, line, rule):
                break
    if first_body is not None:
        for rule in opening_rules:
            if _apply_prefix(text, first_body, rule):
                break

    wanted = " ".join(headline.split())
    header_open = [ln for ln in header if ln.kind is None]
    headline_line = next((ln for ln in header_open if wanted and " ".join(text[ln.start:ln.end].split()) == wanted), None)
    if headline_line is None and wanted:
        headline_line = next((ln for ln in open_lines if " ".join(text[ln.start:ln.end].split()) == wanted), None)
    if headline_line is not None:
        headline_line.kind, headline_line.rule = "headline", "manifest-headline"
    else:
        headline_line = next((ln for ln in header_open if _title_like(text[ln.start:ln.end])), None)
        if headline_line is not None:
            headline_line.kind, headline_line.rule = "headline", "first-title-line"
    previous = None
    for line in header:
        if line.kind is not None:
            previous = line
            continue
        rest = text[line.start:line.end]
        after_headline = headline_line is not None and line.number > headline_line.number
        if after_headline and PERSON_NAME.fullmatch(rest):
            line.kind, line.rule = "byline", "name-line-after-headline"
        elif previous is not None and previous.kind == "byline" and AFFILIATION.fullmatch(rest):
            line.kind, line.rule = "byline", "affiliation-after-byline"
        elif after_headline and not any(ln.kind == "standfirst" for ln in header_open):
            line.kind, line.rule = "standfirst", "line-after-headline"
        else:
            line.kind, line.rule = "subheading", "header-line"
        previous = line

    # Pass 3: the body, with short untitled lines inside it taken as crossheads.
    for line in lines:
        if line.kind is None:
            rest = text[line.start:line.end]
            if _words(rest) <= SUBHEADING_MAX_WORDS and not TERMINAL.search(rest):
                line.kind, line.rule = "subheading", "short-line-in-body"
            else:
                line.kind, line.rule = "body", "running-text"

    out = []
    for line in lines:
        out.extend(line.segments)
        if line.kind != "done":
            out.append(Segment(line.start, line.end, line.number, line.kind, line.rule))
    return out


def _title_like(s: str) -> bool:
    return _words(s) <= HEADLINE_MAX_WORDS and not s.rstrip("\"'”’)").endswith(".")
