"""Number-bearing claims, and where outlets give different figures for the same thing.

``number_claims(corpus)`` finds every number with what it counts in the content paragraphs
(headline, standfirst, caption, body): digits with thousand separators ("2,500"), number words
("twenty-six", "two hundred", "a dozen", "half a million"), vague plurals ("dozens",
"hundreds of thousands", "millions", "several hundred"), fractions ("one-fifth of", "a third
of", "half of", "one in five"), percentages ("20%", "20 per cent": as shares, 0.2) and money
("$300bn", "€1.5 billion", "50 million euros"). Each row gives:

- ``value``: a float; fractions and percentages as shares (one-fifth = 0.2); money in units of
  its currency; a vague plural is its lower bound, reading the plural as "at least two":
  dozens 24, hundreds 200, thousands 2,000, tens of thousands 20,000, hundreds of thousands
  200,000, millions 2,000,000; "several hundred" 300, "a few thousand" 2,000;
- ``qualifier``: ``exact``; ``about`` (about, around, some, nearly, almost, roughly, an
  estimated, "or so"; "nearly 30" is read as about 30); ``more than`` (more than, beyond, above,
  and "over" unless it completes a verb: "hand over 23 prisoners"); ``at least`` (at least,
  no fewer than, "or more", "30-plus"); ``up to`` (up to, as many as, fewer than, less than,
  under, at most); ``lower bound`` (a vague plural with no other qualifier);
- ``quantity``: what is counted, normalised through ``codebooks/quantities.csv``: the head
  noun of the phrase after the number ("26 other nations" → countries, "2,500 soldier deaths"
  → deaths, "about one-fifth of Ukrainian territory" → territory share). A count of people
  followed by what happened to them takes the outcome's quantity ("hundreds of thousands of
  people have been killed or wounded" → casualties). A noun the codebook lacks is the quantity
  as written, with ``coded`` False, so the analyst sees what to add; a share of something the
  codebook lacks is "share of <noun>"; a number with no noun after it has an empty quantity;
- ``unit``: ``count``, ``share``, a currency code, or the codebook's unit (days, km ...); a
  count with a rate beside it ("each week brings 2,500 deaths", "2,500 deaths a week") is
  ``count per week``;
- ``in_quote``: inside quotation marks (:func:`analysis.quotes.quote_spans`).

Left out: dates, clock times, years, sets and vague time words, found by
:func:`analysis.timeline.temporal_expressions` (a four-digit "year" directly followed by a
codebook noun, "2000 troops", is kept); identifiers ("G7", "F-16", "Article 5", "World War
Two"); small number words after a determiner ("the two leaders", "both", "its three
regions": references, not claims); and "one" unless a codebook noun follows it ("one soldier").
Durations are claims like any other, through the codebook's time units: "30-day ceasefire" is
30, quantity ``duration (days)``, and its text runs to the noun it modifies.

``number_discrepancies(claims)`` groups claims by quantity and unit, one row per quantity and
outlet, with ``agree``: whether every value given for that quantity, by every outlet, is
compatible with every other within its qualifier (exact = the value; about = within 10%;
more than = above; at least = from; up to = at most; lower bound = from). Quantities only one
outlet gives are listed too, with ``agree`` empty. ``side_by_side(discrepancies)`` pivots it to
one row per quantity and one column per outlet holding the texts it prints.

Limits. The table compares figures under the same name, not the same referent: "the leaders of
26 other nations" (those at one virtual meeting, plus the host) and "beyond 30 countries" (the
members of a coalition) are both ``countries`` and do differ, but they count different things,
so the table can only say that the figures differ, never that one outlet is wrong. Reading the
text is the check. The head noun is found by position, not by parsing: the codebook noun that
ends last in the five words after the number, stopping at punctuation, a preposition, a
conjunction or an auxiliary verb; a number whose noun comes before it ("countries numbering
30") gets none, and a rate needs its time word beside the number. Quotations are kept (``in_quote``
marks them): a figure a source gives is still the figure the outlet prints;
``number_discrepancies(claims, include_quoted=False)`` compares the outlets' own figures only.
"""
from __future__ import annotations

import bisect
import csv
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .corpus import Corpus, rows_by_article
from .manifest import CorpusError
from .quotes import quote_spans
from .spans import longest_first
from .timeline import temporal_expressions

CONTENT_ZONES = ("headline", "standfirst", "caption", "body")
QUANTITIES_FILE = paths.CODEBOOKS / "quantities.csv"
ROLES = ("noun", "people", "outcome")
QUALIFIERS = ("exact", "about", "more than", "at least", "up to", "lower bound")
CLAIM_COLUMNS = ["article_id", "outlet", "sentence", "start", "end", "text", "value", "qualifier", "quantity", "unit",
                 "head", "coded", "form", "in_quote"]
DISCREPANCY_COLUMNS = ["quantity", "unit", "n_outlets", "agree", "outlet", "values", "texts", "n_claims", "article_ids"]
ABOUT_TOLERANCE = 0.10  # "about 30" is read as 27 to 33

UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10}
# A vague plural is read as "at least two" of its unit.
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2e3, "millions": 2e6, "billions": 2e9}
FEW = {"several": 3, "a few": 2, "a couple of": 2, "many": 2}
CURRENCIES = {"$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
              "₽": "RUB", "₴": "UAH", "dollars": "USD", "euros": "EUR", "pounds": "GBP", "roubles": "RUB",
              "rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH"}

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
UNIT_WORD = "|".join(sorted(UNITS, key=len, reverse=True))
TENS_WORD = "|".join(TENS)
WORD_NUMBER = rf"(?:(?:{TENS_WORD})(?:[-\s](?:{UNIT_WORD}))?|{UNIT_WORD})"
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
DENOMINATOR = r"(?:halves|half|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
BEFORE_DIGITS = r"(?<![\w.,/#$£€₽₴])(?<![A-Za-z]-)"  # not "G7", "F-16", "#5", "1.5" from inside

QUALIFIER_WORDS = [
    ("about", r"about|around|roughly|approximately|nearly|almost|some|an estimated|estimated|close to|circa"),
    ("more than", r"more than|over|beyond|upwards of|in excess of|above|exceeding"),
    ("at least", r"at least|no fewer than|no less than|not less than|a minimum of"),
    ("up to", r"up to|as many as|fewer than|less than|under|below|no more than|not more than|at most|a maximum of"),
]
QUALIFIER_BEFORE = re.compile(r"(?:(?<=\W)|^)(?P<q>" + "|".join(p for _, p in QUALIFIER_WORDS) + r")\s+$", re.I)
QUALIFIER_AFTER = [("at least", re.compile(r"\+|-plus\b|\s+or more\b", re.I)),
                   ("about", re.compile(r"-odd\b|\s+or so\b", re.I)),
                   ("up to", re.compile(r"\s+or (?:fewer|less)\b", re.I))]
PARTICLE_VERB = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|take|takes|took|taken|taking|"
                           r"give|gives|gave|given|pass|passes|passed|passing|win|won|hold|held|sign|signed|fly|flew|"
                           r"flown|bring|brought|carry|carried|fight|fought|argue|argued)\s+$", re.I)
DETERMINERS = r"(?:the|these|those|its|their|his|her|our|your|my|all|both|every|each|first|last|next|other)"
# Words that end the noun phrase after a number: prepositions, conjunctions, auxiliaries, pronouns.
BOUNDARY = {"and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "where", "when", "while", "as",
            "than", "to", "from", "in", "on", "at", "by", "for", "with", "into", "onto", "across", "since", "after",
            "before", "because", "if", "per", "of", "is", "are", "was", "were", "be", "been", "being", "have", "has",
            "had", "will", "would", "can", "could", "may", "might", "must", "shall", "should", "do", "does", "did",
            "a", "an", "the", "this", "these", "those", "it", "they", "them", "he", "she", "we", "each", "every",
            "more", "said", "says", "say", "according", "including", "between", "during", "over", "under", "against",
            "so", "not", "also", "only", "about", "until", "ago"}
IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:article|resolution|no\.|number|flight|route|highway|section|chapter|paragraph|"
                               r"phase|level|stage|page|platform|gate|room|code|model|version|series)\s*)$", re.I)
RATE_AFTER = re.compile(r"\s*(?:a|per|each|every)\s+(?P<unit>day|week|month|year)\b(?!\s+ago)", re.I)
RATE_OF_SET = {"P1D": "day", "P1W": "week", "P1M": "month", "P1Y": "year"}
EXCLUDED_TIME_KINDS = ("date", "time", "set", "vague")

# Patterns the per-claim helpers below use, compiled once here rather than looked up in the
# ``re`` cache (or rebuilt from f-strings) for every number.
WHITESPACE = re.compile(r"\s+")
ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
DETERMINER_BEFORE = re.compile(rf"\b{DETERMINERS}\s+$", re.I)
WORD_NUMBER_ONLY = re.compile(WORD_NUMBER, re.I)
NAME_WORD_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][A-Za-z.]*)\s+$")
CLAUSE_MARK_AT_END = re.compile(r"[.!?:;“\"‘(—–-]$")
NUMBER_WORD_SPLIT = re.compile(r"[\s-]+")
QUALIFIER_PATTERNS = [(q, re.compile(p, re.I)) for q, p in QUALIFIER_WORDS]
COMPOUND_AFTER = re.compile(r"-([A-Za-z]+)(?:-(?:old|long))?")
# The words between a number and its noun phrase: "of" ("one-fifth of Ukrainian territory"), and
# for money also "in", "worth of", "for" ("$300bn in frozen assets").
OF_LEAD = re.compile(rf"\s+(?:of\s+(?:{DETERMINERS}\s+)?(?:own\s+)?)?", re.I)
MONEY_LEAD = re.compile(rf"\s+(?:(?:in|of|worth\s+of|for)\s+(?:{DETERMINERS}\s+)?(?:own\s+)?)?", re.I)
PHRASE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
TOKEN = re.compile(r"[^\s]+")
TRAILING_PUNCTUATION = re.compile(r"[^\w’'-]+$")
WORD_START = re.compile(r"[\w]")
OUTCOME_BRIDGE = re.compile(r"(?:\s+(?:have|has|had|been|were|was|are|is|being|reportedly|already|now|also|since|all|"
                            r"either|thought|believed|estimated|feared|to|be|who|that|more|others))*\s+", re.I)
SENTENCE_MARK = re.compile(r"[.;:!?]")


@dataclass
class Claim:
    start: int
    end: int
    core_end: int
    value: float
    qualifier: str
    form: str
    unit: str = "count"
    quantity: str = ""
    head: str = ""
    coded: bool = False


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, re.Pattern], ...]:
    """(form, pattern) in priority order: where two overlap, the longer wins, then the earlier rule."""
    return tuple((form, pattern) for form, pattern, _ in _rules_with_requirements())


# What every match of a rule contains, where searching for it is much cheaper than running the
# rule: a paragraph without it is skipped. Each is a piece the rule cannot match without, with
# the rule's own flags, so skipping changes no result. Digits: the money rules and the digit
# numbers; "%" or "per cent": percentages; "half": the "half of" fraction.
DIGIT = re.compile(r"\d")
PERCENT = re.compile(r"%|per\s?cent", re.I)
HALF = re.compile(r"half", re.I)


@lru_cache(maxsize=1)
def _rules_with_requirements() -> tuple[tuple[str, re.Pattern, re.Pattern | None], ...]:
    """(form, pattern, requirement or None) in the priority order of :func:`_rules`."""
    i = re.I
    rules = (
        ("money", re.compile(rf"(?P<cur>US\$|\$|£|€|₽|₴|\b(?:USD|EUR|GBP)\s?)(?P<num>{DIGITS})"
                             rf"(?:\s?(?P<scale>trillion|billion|million|thousand|tn|bn|mn|m|k)\b)?", i)),
        ("money", re.compile(rf"{BEFORE_DIGITS}(?P<num>{DIGITS})(?:\s?(?P<scale>trillion|billion|million|thousand|tn|bn|mn|m)\b)?"
                             r"\s+(?P<cur>dollars|euros|pounds|roubles|rubles|hryvnias?)\b", i)),
        ("percentage", re.compile(rf"(?:{BEFORE_DIGITS}(?P<num>{DIGITS})|\b(?P<words>{WORD_NUMBER}))"
                                  r"(?:\s?%|\s?(?:per\s?cent|percent)\b)", i)),
        ("fraction", re.compile(rf"\b(?P<numer>one|a|two|three|four|five|six|seven|eight|nine)[-\s](?P<den>{DENOMINATOR})"
                                r"(?=\s+of\b)", i)),
        ("fraction", re.compile(r"\b(?P<den>half)(?=\s+(?:of|the|its|their|his|her|all)\b)", i)),
        ("fraction", re.compile(rf"(?:{BEFORE_DIGITS}(?P<numd>\d+)|\b(?P<numer>one|two|three))\s+in\s+"
                                rf"(?:(?P<dend>[1-9]\d*)\b|(?P<denw>{UNIT_WORD}|{TENS_WORD})\b)", i)),
        ("vague", re.compile(r"\b(?P<mult>tens|hundreds|dozens|scores)\s+of\s+(?P<of>thousands|millions|billions)\b", i)),
        ("vague", re.compile(r"\b(?P<alone>dozens|scores|hundreds|thousands|millions|billions)\b", i)),
        ("vague", re.compile(r"\b(?P<few>several|a few|a couple of|many)\s+(?P<scale>hundred|thousand|million|billion)\b", i)),
        ("number", re.compile(rf"{BEFORE_DIGITS}(?P<num>{DIGITS})(?:\s+(?P<scale>{SCALE_WORD})\b|(?P<abbr>bn|mn|tn|m|k)\b)?", i)),
        ("number", re.compile(rf"\b(?P<words>(?:half\s+an?|an?)\s+(?:dozen|{SCALE_WORD})(?:\s+(?:and\s+)?{WORD_NUMBER})?"
                              rf"|{WORD_NUMBER}(?:[\s-]+(?:and\s+)?(?:{WORD_NUMBER}|dozen|{SCALE_WORD}))*)\b", i)),
    )
    requirements = (DIGIT, DIGIT, PERCENT, None, HALF, None, None, None, None, DIGIT, None)
    return tuple((form, pattern, required) for (form, pattern), required in zip(rules, requirements, strict=True))


# ---------------------------------------------------------------- codebook


@dataclass(frozen=True)
class Head:
    head: str
    quantity: str
    role: str
    unit: str
    pattern: re.Pattern
    first: str = ""  # the first word in lower case where it is ASCII (see _last_head), else ""


def load_quantities(path: Path | str | None = None) -> pd.DataFrame:
    """The quantity codebook (``head``, ``quantity``, ``role``, ``unit``, ``note``), checked."""
    path = Path(path) if path is not None else QUANTITIES_FILE
    where = paths.shown(path) if path.is_absolute() else str(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("head", "quantity", "role") if c not in (reader.fieldnames or [])]
        if missing:
            raise CorpusError(where, f"the header lacks {', '.join(missing)}", "start the file with head,quantity,role,unit,note")
        rows, seen = [], {}
        for line, row in enumerate(reader, start=2):
            head, quantity = (row.get("head") or "").strip(), (row.get("quantity") or "").strip()
            role = (row.get("role") or "").strip()
            if not head or not quantity:
                raise CorpusError(f"{where}, line {line}", "head or quantity is empty", "give both: the noun and what it counts")
            if role not in ROLES:
                raise CorpusError(f"{where}, line {line}, field 'role'", f"{role!r} is not a role", f"use one of: {', '.join(ROLES)}")
            if head.lower() in seen:
                raise CorpusError(f"{where}, line {line}, field 'head'", f"{head!r} is already on line {seen[head.lower()]}",
                                  "keep one row per head noun")
            seen[head.lower()] = line
            rows.append({"head": head, "quantity": quantity, "role": role, "unit": (row.get("unit") or "").strip(),
                         "note": (row.get("note") or "").strip()})
    return pd.DataFrame(rows, columns=["head", "quantity", "role", "unit", "note"])


@lru_cache(maxsize=8)
def _heads(path: str, stamp: float) -> tuple[Head, ...]:
    table = load_quantities(path)
    return tuple(_head(*row) for row in zip(table["head"], table["quantity"], table["role"], table["unit"]))


def _head(head: str, quantity: str, role: str, unit: str) -> Head:
    words = r"[\s-]+".join(re.escape(w) for w in head.split())
    flags = 0 if head.isupper() else re.I  # "POWs" and "GDP" as written; other nouns in any case
    first = head.split()[0].lower() if head.split()[0].isascii() else ""
    return Head(head, quantity, role, unit, re.compile(rf"(?<![\w-]){words}(?![\w])", flags), first)


def _codebook(quantities: pd.DataFrame | Path | str | None) -> tuple[Head, ...]:
    if isinstance(quantities, pd.DataFrame):
        return tuple(_head(*row) for row in zip(quantities["head"], quantities["quantity"], quantities["role"],
                                                quantities["unit"].fillna("")))
    path = Path(quantities) if quantities is not None else QUANTITIES_FILE
    return _heads(str(path), path.stat().st_mtime)


# ---------------------------------------------------------------- claims


def number_claims(corpus: Corpus, quantities: pd.DataFrame | Path | str | None = None,
                  expressions: pd.DataFrame | None = None, zones: tuple[str, ...] = CONTENT_ZONES) -> pd.DataFrame:
    """One row per number-bearing expression in the content paragraphs (see the module docstring).

    ``expressions`` is a :func:`analysis.timeline.temporal_expressions` table to reuse."""
    heads = _codebook(quantities)
    expressions = expressions if expressions is not None else temporal_expressions(corpus)
    outlets = corpus.outlet_of()
    paragraphs = corpus.paragraphs[corpus.paragraphs["zone"].isin(zones)]
    # Each article's sentences and time expressions as plain lists, split by article in one pass
    # (filtering the whole tables once per article, and reading them row by row, was slow).
    sentence_starts = corpus.rows_of("sentences", "start")
    sentence_numbers = corpus.rows_of("sentences", "sentence")
    time_rows = rows_by_article(expressions, *TIME_FIELDS)
    rows = []
    for article_id, group in paragraphs.groupby("article_id", sort=False):
        text = corpus.texts[article_id]
        starts, numbers = sentence_starts.get(article_id, []), sentence_numbers.get(article_id, [])
        timex = time_rows.get(article_id, [])
        for p_start, p_end in zip(group["start"], group["end"]):
            quoted = [(s, e) for _, s, e, _ in quote_spans(text, p_start, p_end)]
            for claim in paragraph_claims(text, p_start, p_end, heads, timex):
                at = bisect.bisect_right(starts, claim.start) - 1
                rows.append({
                    "article_id": article_id, "outlet": outlets[article_id],
                    "sentence": numbers[at] if at >= 0 else None, "start": claim.start, "end": claim.end,
                    "text": text[claim.start:claim.end], "value": claim.value, "qualifier": claim.qualifier,
                    "quantity": claim.quantity, "unit": claim.unit, "head": claim.head, "coded": claim.coded,
                    "form": claim.form, "in_quote": any(s <= claim.start < e for s, e in quoted),
                })
    return pd.DataFrame(rows, columns=CLAIM_COLUMNS)


# The fields of a time expression the claims use, in the order of the tuples ``paragraph_claims`` takes.
TIME_FIELDS = ("start", "end", "kind", "value", "rule")


def paragraph_claims(text: str, start: int, end: int, heads: tuple[Head, ...],
                     timex: pd.DataFrame | list[tuple]) -> list[Claim]:
    """The number claims of ``text[start:end]``, in text order. ``timex`` holds the article's
    time expressions: a :func:`analysis.timeline.temporal_expressions` table, or its rows as
    (start, end, kind, value, rule) tuples."""
    if isinstance(timex, pd.DataFrame):
        timex = list(zip(*(timex[c] for c in TIME_FIELDS)))
    blocked = _time_spans(text, timex, start, end, heads)
    sets = [(s, e, RATE_OF_SET.get(v, "")) for s, e, k, v, _ in timex if k == "set" and start <= s < end]
    claims = []
    for form, m in _matches(text, start, end):
        if any(s < m.end() and m.start() < e for s, e in blocked) or _not_a_claim(text, form, m, start, heads):
            continue
        value, qualifier, unit = _value(form, m)
        claim = Claim(m.start(), m.end(), m.end(), value, qualifier, form, unit)
        _qualify(text, claim, start, end)
        # The noun phrase stops where a time expression begins ("a 30-day ceasefire last week").
        limit = min([s for s, _ in blocked if s >= claim.core_end] + [end])
        _count_what(text, claim, limit, heads)
        _rate(text, claim, end, sets)
        claims.append(claim)
    return claims


def _matches(text: str, start: int, end: int) -> list[tuple[str, re.Match]]:
    candidates = []
    present: dict[re.Pattern, bool] = {}  # each requirement searched once per paragraph
    for order, (form, pattern, required) in enumerate(_rules_with_requirements()):
        if required is not None:
            if required not in present:
                present[required] = required.search(text, start, end) is not None
            if not present[required]:
                continue  # the rule cannot match here
        for m in pattern.finditer(text, start, end):
            if m.group(0).strip():
                candidates.append((m.start(), m.end(), order, form, m))
    return [(form, m) for _, _, _, form, m in longest_first(candidates)]


def _time_spans(text: str, timex: list[tuple], start: int, end: int, heads: tuple[Head, ...]) -> list[tuple[int, int]]:
    """Spans of dates, times, sets and vague time words; a "year" a codebook noun follows is a count."""
    spans = []
    for s, e, kind, _, rule in timex:
        if kind not in EXCLUDED_TIME_KINDS or not (start <= s < end):
            continue
        if rule == "year" and _noun_right_after(text, e, end, heads):
            continue
        spans.append((s, e))
    return spans


def _noun_right_after(text: str, at: int, end: int, heads: tuple[Head, ...]) -> bool:
    gap = WHITESPACE.match(text, at, end)  # not a slice: ``end`` may be the end of the article
    if not gap:
        return False
    return any(h.role != "outcome" and h.pattern.match(text, gap.end(), end) for h in heads)


def _not_a_claim(text: str, form: str, m: re.Match, p_start: int, heads: tuple[Head, ...]) -> bool:
    """Identifiers ("Article 5", "G7"), names ("World War Two"), references ("the two leaders") and
    the pronoun "one"."""
    before = text[max(p_start, m.start() - 40):m.start()]
    core = m.group(0)
    follows = _noun_right_after(text, m.end(), len(text), heads) or text[m.end():m.end() + 1] == "-"
    if form == "number" and m.groupdict().get("num"):
        if IDENTIFIER_BEFORE.search(before) or ORDINAL_SUFFIX.match(text[m.end():m.end() + 3]):
            return True
        return _after_name_word(text, p_start, m.start()) and not follows
    if form == "number":
        if core[:1].isupper() and _after_name_word(text, p_start, m.start()):
            return True  # "World War Two": a number word inside a name
        if DETERMINER_BEFORE.search(before) and WORD_NUMBER_ONLY.fullmatch(core) and _small(core):
            return True  # "the two leaders", "all three regions": a reference, not a claim
        if core.lower() == "one":
            return not follows  # "one of", "no one", "one another": only "one soldier", "one-day" count
    return False


def _after_name_word(text: str, p_start: int, at: int) -> bool:
    """Whether a capitalised word that does not open the sentence stands right before ``at``."""
    word = NAME_WORD_BEFORE.search(text[p_start:at])
    if not word:
        return False
    before = text[p_start:p_start + word.start(1)].rstrip()
    return bool(before) and not CLAUSE_MARK_AT_END.search(before)


def _small(words: str) -> bool:
    return _word_value(words) <= 10


# ---------------------------------------------------------------- values


def _value(form: str, m: re.Match) -> tuple[float, str, str]:
    """(value, qualifier the form itself carries, unit) of one match."""
    g = {k: v for k, v in m.groupdict().items() if v}
    if form == "money":
        scale = SCALES.get(g.get("scale", "").lower(), 1)
        currency = CURRENCIES.get(g["cur"].strip().lower(), g["cur"].strip().upper())
        return _digits(g["num"]) * scale, "exact", currency
    if form == "percentage":
        number = _digits(g["num"]) if "num" in g else _word_value(g["words"])
        return number / 100, "exact", "share"
    if form == "fraction":
        if "numd" in g or ("numer" in g and " in " in m.group(0).lower()):
            numerator = float(g["numd"]) if "numd" in g else _word_value(g["numer"])
            denominator = float(g["dend"]) if "dend" in g else _word_value(g["denw"])
            return numerator / denominator, "exact", "share"
        numerator = 1.0 if g.get("numer", "a").lower() in ("a", "one") else float(UNITS[g["numer"].lower()])
        den = g["den"].lower()
        denominator = DENOMINATORS.get(den) or DENOMINATORS[den[:-1] if den.endswith("s") else den]
        return numerator / denominator, "exact", "share"
    if form == "vague":
        if "mult" in g:
            mult = {"tens": 20, "hundreds": 200, "dozens": 24, "scores": 40}[g["mult"].lower()]
            return mult * SCALES[g["of"].lower()[:-1]], "lower bound", "count"
        if "alone" in g:
            return VAGUE[g["alone"].lower()], "lower bound", "count"
        return FEW[g["few"].lower()] * SCALES[g["scale"].lower()], "lower bound", "count"
    if "num" in g:
        scale = SCALES.get((g.get("scale") or g.get("abbr") or "").lower(), 1)
        return _digits(g["num"]) * scale, "exact", "count"
    return _word_value(g["words"]), "exact", "count"


def _digits(number: str) -> float:
    return float(number.replace(",", ""))


def _word_value(words: str) -> float:
    """"twenty-six" → 26, "two hundred and fifty thousand" → 250000, "a dozen" → 12, "half a million" → 500000."""
    tokens = [t for t in NUMBER_WORD_SPLIT.split(words.lower()) if t and t != "and"]
    total, current = 0.0, 0.0
    index = 0
    if tokens[:2] == ["half", "a"]:
        current, index = 0.5, 2
    for token in tokens[index:]:
        if token in ("a", "an"):
            current = current or 1
        elif token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "dozen":
            current = (current or 1) * 12
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[token]
            current = 0
    return total + current


def _qualify(text: str, claim: Claim, p_start: int, p_end: int) -> None:
    """Widen the claim over a qualifier before ("beyond 30") or after ("30 or more") the number."""
    before = QUALIFIER_BEFORE.search(text, max(p_start, claim.start - 30), claim.start)
    if before and before.group("q").lower() == "over" and PARTICLE_VERB.search(text, max(p_start, before.start() - 20), before.start()):
        before = None  # "hand over 23 prisoners": a particle, not "more than"
    if before:
        word = before.group("q").lower()
        claim.qualifier = next(q for q, p in QUALIFIER_PATTERNS if p.fullmatch(word))
        claim.start = before.start("q")
    for qualifier, pattern in QUALIFIER_AFTER:
        after = pattern.match(text, claim.end, p_end)
        if after:
            claim.qualifier = qualifier
            claim.end = claim.core_end = after.end()
            break


# ---------------------------------------------------------------- what is counted


def _count_what(text: str, claim: Claim, p_end: int, heads: tuple[Head, ...]) -> None:
    """Set quantity, head and unit from the noun phrase after the number, and widen the text to it."""
    at = claim.core_end
    compound = COMPOUND_AFTER.match(text[at:p_end]) if claim.form == "number" else None
    if compound:
        _compound(text, claim, compound, p_end, heads)
        return
    # "one-fifth of Ukrainian territory", "$300bn in frozen assets", "seven of their own drones"
    lead = (MONEY_LEAD if claim.form == "money" else OF_LEAD).match(text[at:p_end])
    np_start = at + (lead.end() if lead else 0)
    np_end = _phrase_end(text, np_start, p_end)
    found = _last_head(text, np_start, np_end, heads, roles=("noun", "people"))
    found = found or _last_head(text, np_start, np_end, heads, roles=("outcome",))
    if found is not None:
        head, m = found
        claim.quantity, claim.head, claim.coded, claim.end = head.quantity, m.group(0), True, m.end()
        claim.unit = head.unit or claim.unit
        if head.role == "people":
            _outcome(text, claim, m.end(), p_end, heads)
    elif not _outcome(text, claim, at, p_end, heads):  # "millions have been displaced"
        words = PHRASE_WORD.findall(text[np_start:np_end])
        if words:
            claim.quantity, claim.head = words[-1].lower(), words[-1]
            claim.end = np_start + text[np_start:np_end].rfind(words[-1]) + len(words[-1])
    if claim.unit == "share" and claim.quantity and not claim.quantity.endswith("share"):
        claim.quantity = f"share of {claim.head.split(' (')[0].lower()}"
    elif claim.form == "money" and not claim.quantity:
        claim.quantity = "money"


def _compound(text: str, claim: Claim, compound: re.Match, p_end: int, heads: tuple[Head, ...]) -> None:
    """"30-day ceasefire", "three-year-old conflict": the unit names the quantity, the noun it modifies ends the text."""
    at = claim.core_end
    word = compound.group(1)
    # Only a measure (a codebook noun with a unit: day, year, km) makes a compound a quantity;
    # "two-state solution" is not a count of states.
    head = next((h for h in heads if h.unit and h.role != "outcome" and h.pattern.fullmatch(word)), None)
    claim.quantity, claim.coded = (head.quantity, True) if head else (word.lower(), False)
    if head and head.unit:
        claim.unit = head.unit
    claim.end = at + compound.end()
    np_start = claim.end + len(text[claim.end:p_end]) - len(text[claim.end:p_end].lstrip())
    np_end = _phrase_end(text, np_start, p_end)
    words = PHRASE_WORD.findall(text[np_start:np_end])
    if words and np_start > claim.end:
        claim.head = words[-1]
        claim.end = np_start + text[np_start:np_end].rfind(words[-1]) + len(words[-1])


def _phrase_end(text: str, start: int, p_end: int, max_words: int = 5) -> int:
    """End of the noun phrase at ``start``: before punctuation or a boundary word, at most ``max_words`` words."""
    end = start
    for n, token in enumerate(TOKEN.finditer(text[start:p_end])):
        word = token.group(0)
        bare = TRAILING_PUNCTUATION.sub("", word)
        if n >= max_words or not bare or bare.lower() in BOUNDARY or not WORD_START.match(word):
            break
        end = start + token.start() + len(bare)
        if bare != word:  # punctuation after the word ends the phrase
            break
    return end


def _last_head(text: str, start: int, end: int, heads: tuple[Head, ...], roles: tuple[str, ...]):
    """The codebook noun that ends last among those starting inside ``text[start:end]`` (a phrase may
    run past ``end``: "prisoners of war"); among those ending at one place, the longest ("member states")."""
    best = None
    window_end = min(len(text), end + 20)
    window = text[start:window_end]
    # In ASCII text a head matches only where its first word stands, in some case (re.I folds
    # ASCII letters only onto each other), so a window without that word is not searched for it.
    lowered = window.lower() if window.isascii() else None
    for head in heads:
        if head.role not in roles or (lowered is not None and head.first and head.first not in lowered):
            continue
        for m in head.pattern.finditer(text, start, window_end):
            if m.start() >= end:
                break
            key = (m.end(), m.end() - m.start())
            if best is None or key > best[0]:
                best = (key, head, m)
    return (best[1], best[2]) if best else None


def _outcome(text: str, claim: Claim, at: int, p_end: int, heads: tuple[Head, ...]) -> bool:
    """"people have been killed or wounded": what happened to the people counted names the quantity."""
    bridge = OUTCOME_BRIDGE.match(text[at:p_end])
    if not bridge:
        return False
    begin = at + bridge.end()
    options = [(h, h.pattern.match(text, begin, p_end)) for h in heads if h.role == "outcome"]
    options = [(h, m) for h, m in options if m]
    if options:
        head, m = max(options, key=lambda o: o[1].end())
        claim.quantity, claim.coded = head.quantity, True
        claim.head = f"{claim.head} ({m.group(0)})" if claim.head else m.group(0)
        return True
    return False


def _rate(text: str, claim: Claim, p_end: int, sets: list[tuple[int, int, str]]) -> None:
    """A count with a rate beside it: "2,500 deaths a week", "each week brings 2,500 deaths"."""
    if claim.unit != "count":
        return
    after = RATE_AFTER.match(text, claim.end, p_end)
    if after:
        claim.unit = f"count per {after.group('unit').lower()}"
        return
    near = [unit for s, e, unit in sets if unit and (0 <= claim.start - e <= 25 or 0 <= s - claim.end <= 3)
            and not SENTENCE_MARK.search(text[min(e, claim.start):max(e, claim.start)])]
    if near:
        claim.unit = f"count per {near[0]}"


# ---------------------------------------------------------------- discrepancies


def number_discrepancies(claims: pd.DataFrame, include_quoted: bool = True) -> pd.DataFrame:
    """One row per quantity (and unit) and outlet: the values and texts the outlet gives, how many
    outlets give the quantity, and whether all values agree within their qualifiers (``agree``
    is empty where only one outlet gives it). Quantities given by several outlets come first,
    disagreements before agreements; claims without a quantity are left out."""
    table = claims if include_quoted else claims[~claims["in_quote"].astype(bool)]
    table = table[table["quantity"].fillna("") != ""]
    rows = []
    for (quantity, unit), group in table.groupby(["quantity", "unit"], sort=True):
        outlets = sorted(group["outlet"].unique())
        agree = values_agree(list(zip(group["value"], group["qualifier"]))) if len(outlets) > 1 else None
        for outlet in outlets:
            mine = group[group["outlet"] == outlet].sort_values(["article_id", "start"], kind="stable")
            rows.append({
                "quantity": quantity, "unit": unit, "n_outlets": len(outlets), "agree": agree, "outlet": outlet,
                "values": "; ".join(_unique(format_value(v, q, unit) for v, q in zip(mine["value"], mine["qualifier"]))),
                "texts": "; ".join(_unique(mine["text"])), "n_claims": len(mine),
                "article_ids": "; ".join(_unique(mine["article_id"])),
            })
    result = pd.DataFrame(rows, columns=DISCREPANCY_COLUMNS)
    if result.empty:
        return result
    order = result.assign(_shared=result["n_outlets"] > 1, _agree=result["agree"].map({False: 0, True: 1}).fillna(2))
    order = order.sort_values(["_shared", "_agree", "quantity", "unit", "outlet"], ascending=[False, True, True, True, True],
                              kind="stable")
    return order.drop(columns=["_shared", "_agree"]).reset_index(drop=True)


def side_by_side(discrepancies: pd.DataFrame, shared_only: bool = True) -> pd.DataFrame:
    """The discrepancy table as one row per quantity (``quantity``, ``unit``, ``agree``) and one
    column per outlet holding the texts it gives; ``shared_only`` keeps quantities of 2+ outlets."""
    table = discrepancies[discrepancies["n_outlets"] > 1] if shared_only else discrepancies
    outlets = sorted(table["outlet"].unique())
    rows: dict[tuple, dict] = {}
    for quantity, unit, agree, outlet, texts in zip(table["quantity"], table["unit"], table["agree"], table["outlet"],
                                                    table["texts"]):
        row = rows.setdefault((quantity, unit), {"quantity": quantity, "unit": unit, "agree": agree,
                                                 **{name: "" for name in outlets}})
        row[outlet] = texts
    return pd.DataFrame(list(rows.values()), columns=["quantity", "unit", "agree"] + outlets)


def interval(value: float, qualifier: str) -> tuple[float, bool, float, bool]:
    """(low, low included, high, high included) of the values a claim allows."""
    if qualifier == "about":
        return value * (1 - ABOUT_TOLERANCE), True, value * (1 + ABOUT_TOLERANCE), True
    if qualifier == "more than":
        return value, False, math.inf, False
    if qualifier in ("at least", "lower bound"):
        return value, True, math.inf, False
    if qualifier == "up to":
        return 0.0, True, value, True
    return value, True, value, True


def values_agree(values: list[tuple[float, str]]) -> bool:
    """True when one number is allowed by every (value, qualifier): the intervals share a point."""
    low, low_in = -math.inf, True
    high, high_in = math.inf, True
    for value, qualifier in values:
        a, a_in, b, b_in = interval(float(value), qualifier)
        if a > low or (math.isclose(a, low) and not a_in):
            low, low_in = a, a_in
        if b < high or (math.isclose(b, high) and not b_in):
            high, high_in = b, b_in
    if math.isclose(low, high, rel_tol=1e-9, abs_tol=1e-12):
        return low_in and high_in
    return low < high


def format_value(value: float, qualifier: str, unit: str = "count") -> str:
    """"30", "more than 30", "about 0.2", "at least 200,000 (lower bound)"."""
    number = f"{value:,.0f}" if float(value).is_integer() and abs(value) >= 1 else f"{value:.3g}"
    if qualifier == "exact":
        return number
    if qualifier == "lower bound":
        return f"at least {number} (lower bound)"
    return f"{qualifier} {number}"


def _unique(items) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen
