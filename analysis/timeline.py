"""Time expressions, resolved against each article's date, and the events they date.

``temporal_expressions(corpus)`` finds every time expression in the annotated text and gives
it a TimeML-style value resolved against the article's publication date (the manifest's
``date``): calendar dates ("17 March 2025" → 2025-03-17), ISO weeks ("last week" from Monday
17 March 2025 → 2025-W11; "over the weekend" → 2025-W11-WE), months and years ("in August" in
a past-tense clause → the last August, 2024-08), parts of days ("on Sunday evening" →
2025-03-16TEV), clock times with their zone ("between 9 a.m. and 11 a.m. ET" → 13:00 and
15:00 UTC on the day being talked about, written 2025-03-18T09:00-04:00), durations ("30-day"
→ P30D, "three-year-old" → P3Y, "over several hours" → PTXH), sets ("each week" → P1W) and vague
references ("now", "recently": no value). Weekday names resolve by the tense of their clause,
as HeidelTime does: "will speak on Tuesday" is the coming Tuesday, "said on Sunday" the last
one. Inside a quotation the anchor is the day the words were spoken when the text gives it.
Each row records the rule that resolved it.

``events(corpus, ...)`` links each dated expression to the event of its clause (who, what kind
of act) and merges the same event reported by several outlets.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import pandas as pd

from . import paths
from .actors import Codebook, article_mentions, default_codebook, subject_mentions
from .corpus import Corpus
from .quotes import quote_spans
from .screen import LiteralScreen

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}
MONTH_ABBR = {m[:3]: i for m, i in MONTHS.items()} | {"sept": 9}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
           "fifty": 50, "sixty": 60, "ninety": 90, "hundred": 100}
VAGUE_COUNTS = {"several", "few", "a few", "many", "some", "couple", "a couple of"}
UNITS = {"minute": "TM", "hour": "TH", "day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}
PART_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI"}
ZONES = {"ET": "America/New_York", "EDT": "-04:00", "EST": "-05:00", "GMT": "Z", "UTC": "Z", "BST": "+01:00",
         "CET": "Europe/Paris", "CEST": "+02:00", "EET": "Europe/Kyiv", "MSK": "Europe/Moscow", "PT": "America/Los_Angeles",
         "Kyiv time": "Europe/Kyiv", "Moscow time": "Europe/Moscow", "London time": "Europe/London"}

PREP = r"(?:(?P<prep>[Oo]n|[Bb]y|[Ff]or|[Ss]ince|[Uu]ntil|[Tt]ill|[Ff]rom|[Bb]efore|[Aa]fter|[Ii]n|[Oo]ver|[Dd]uring|[Bb]etween|[Tt]o|[Aa]t|[Ww]ithin|[Tt]hroughout|[Ee]arly|[Ll]ate)\s+)?"
MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|several|few|a few|many|some|a couple of)"
ZONE = r"(?:ET|EDT|EST|GMT|UTC|BST|CET|CEST|EET|MSK|PT|Kyiv time|Moscow time|London time)"

FUTURE_CUES = re.compile(r"\b(?:will|shall|would|’ll|'ll|is to|are to|was to|were to|is due|are due|due to|expected|set to|"
                         r"scheduled|planned|plans?|planning|going to|upcoming|next|to (?:meet|speak|hold|visit|discuss|talk|"
                         r"take place|begin|start|travel|sign))\b", re.I)
PAST_CUES = re.compile(r"\b(?:was|were|had|did|has been|said|told|says|ago|earlier|previously|last|met|spoke|took|gave|"
                       r"held|made|began|went|came|sent|won|lost|seized|[a-z]{3,}ed)\b", re.I)
COLUMNS = ["article_id", "outlet", "sentence", "start", "end", "text", "core", "kind", "value", "anchor", "tense",
           "in_quote", "rule"]


@dataclass
class Timex:
    start: int
    end: int
    core_start: int
    core_end: int
    kind: str
    value: str | None
    rule: str
    tense: str = ""
    anchor: str = ""


@lru_cache(maxsize=1)
def _rules() -> list[tuple[str, re.Pattern]]:
    """(name, pattern) in priority order: where two matches overlap, the longer wins, then the earlier rule."""
    return [
        ("full date", re.compile(rf"{PREP}(?P<core>(?:{WEEKDAY_NAMES},?\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{MONTH_NAMES})|(?P<month2>{MONTH_NAMES})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d,]\d))(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?)(?!\d)")),
        ("month and year", re.compile(rf"{PREP}(?P<core>(?P<month>{MONTH_NAMES})\s+(?:of\s+)?(?P<year>(?:19|20)\d{{2}}|last year|this year|next year))")),
        ("month", re.compile(rf"{PREP}(?P<core>(?:(?P<mod>last|next|this|early|late|mid-)\s*)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December))\b(?!\s+\d)")),
        ("year", re.compile(rf"{PREP}(?P<core>(?P<year>(?:19|20)\d{{2}}))(?![\d%,.-]\d|\s*(?:GMT|UTC|ET|BST|hours|soldiers|people))\b")),
        ("clock time", re.compile(rf"{PREP}(?P<core>(?P<hour>\d{{1,2}})(?:[:.](?P<minute>\d{{2}}))?\s*(?P<ampm>a\.m\.|p\.m\.|a\.m|p\.m|am|pm)(?:\s+(?P<zone>{ZONE}))?)(?![\w])")),
        ("24-hour time", re.compile(rf"{PREP}(?P<core>(?P<hour>[01]?\d|2[0-3])[:.]?(?P<minute>[0-5]\d)\s*(?P<zone>{ZONE}))(?![\w])")),
        ("weekday", re.compile(rf"{PREP}(?P<core>(?:(?P<mod>next|last|this|coming|past)\s+)?(?P<weekday>{WEEKDAY_NAMES})(?:\s+(?P<pod>morning|afternoon|evening|night))?)\b")),
        ("relative day", re.compile(rf"{PREP}(?P<core>\b(?P<rel>today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|last night|overnight))\b", re.I)),
        ("ago", re.compile(rf"(?P<core>\b(?P<count>{COUNT})\s+(?P<unit>day|week|month|year)s?\s+ago)\b", re.I)),
        ("relative period", re.compile(rf"{PREP}(?P<core>\b(?:(?:earlier|later)\s+)?(?P<mod>last|this|next|the coming|the past|the previous|the)\s+(?P<unit>week|weekend|month|year))\b", re.I)),
        ("anniversary", re.compile(r"(?:(?P<prep>[Oo]n|[Bb]y|[Ss]ince|[Bb]efore|[Aa]fter)\s+)?(?P<core>the\s+(?P<ordinal>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+anniversary\s+of\s+(?P<event>[\w’'\s-]{3,60}?))(?=[,.;]|\s+(?:on|in|at|and|when|with)\b|$)")),
        ("set", re.compile(r"(?P<core>\b(?:(?:each|every|per)\s+(?P<unit>day|week|month|year|night|morning)|(?P<adverb>daily|weekly|monthly|annually|nightly)))\b", re.I)),
        ("duration", re.compile(rf"{PREP}(?P<core>\b(?P<count>{COUNT})[-\s](?P<unit>minute|hour|day|week|month|year|decade)s?(?:[-\s](?:old|long))?)\b", re.I)),
        ("bare duration", re.compile(rf"{PREP}(?P<core>\b(?P<unit>minute|hour|day|week|month|year|decade)s)\b(?!\s+ago)", re.I)),
        ("vague", re.compile(r"(?P<core>\b(?:now|currently|recently|soon|later|earlier|nowadays|in recent (?:days|weeks|months|years)|in the coming (?:days|weeks|months)|in the near future|at the moment|in this moment|at this moment|these days|shortly)\b)", re.I)),
    ]


def temporal_expressions(corpus: Corpus) -> pd.DataFrame:
    """One row per time expression (see the module docstring), offsets into the raw text."""
    outlets = corpus.outlet_of()
    dates = dict(zip(corpus.articles["id"], corpus.articles["date"]))
    sentence_bounds = corpus.rows_of("sentences", "start", "end", "sentence")
    rows = []
    for article_id, paragraphs in corpus.rows_of("paragraphs", "start", "end", "zone").items():
        text = corpus.texts[article_id]
        reference = dt.date.fromisoformat(dates[article_id])
        bounds = sentence_bounds.get(article_id, [])
        state = {"last_day": None}
        where = _rule_screen().scan(text)
        for p_start, p_end, zone in paragraphs:
            if zone == "dateline" and _is_time_stamp(text[p_start:p_end]):
                continue  # a live-blog entry's time stamp: page furniture
            quoted = [(s, e) for _, s, e, _ in quote_spans(text, p_start, p_end)]
            found = _find(text, p_start, p_end, where)
            anchors = _quote_anchors(text, p_start, p_end, quoted, found, reference)
            for timex in found:
                in_quote = any(s <= timex.core_start < e for s, e in quoted)
                anchor = anchors.get(_which_quote(timex.core_start, quoted), reference) if in_quote else reference
                sentence = next((n for s, e, n in bounds if s <= timex.core_start < e), None)
                s_start, s_end = next(((s, e) for s, e, _ in bounds if s <= timex.core_start < e), (p_start, p_end))
                _resolve(text, timex, anchor, s_start, s_end, state)
                rows.append({
                    "article_id": article_id, "outlet": outlets[article_id], "sentence": sentence,
                    "start": timex.start, "end": timex.end, "text": text[timex.start:timex.end],
                    "core": text[timex.core_start:timex.core_end], "kind": timex.kind, "value": timex.value,
                    "anchor": timex.anchor, "tense": timex.tense, "in_quote": in_quote, "rule": timex.rule,
                })
    return pd.DataFrame(rows, columns=COLUMNS)


def _is_time_stamp(line: str) -> bool:
    return bool(re.fullmatch(rf"\s*\d{{1,2}}[.:]\d{{2}}\s*(?:[ap]\.?m\.?)?\s*{ZONE}?\s*", line))


def _which_quote(position: int, quoted: list[tuple[int, int]]) -> int | None:
    return next((i for i, (s, e) in enumerate(quoted) if s <= position < e), None)


@lru_cache(maxsize=1)
def _triggers() -> dict[str, re.Pattern]:
    """Per rule, words that every match of it contains. Rules that may open with a preposition
    are slow to try at every character; a paragraph without their words is skipped. A duration
    always holds a count right before its unit ("30-day", "three years"), and an anniversary the
    word itself: searching for those alone is much quicker than trying the rule."""
    unit = r"(?:minute|hour|day|week|month|year|decade)"
    month = re.compile(MONTH_NAMES)
    return {
        "full date": month, "month and year": month, "month": month, "year": re.compile(r"(?:19|20)\d\d"),
        "clock time": re.compile(r"[ap]\.?m"), "24-hour time": re.compile(ZONE), "weekday": re.compile(WEEKDAY_NAMES),
        "relative day": re.compile(r"today|tonight|yesterday|tomorrow|this morning|this afternoon|this evening|"
                                   r"last night|overnight", re.I),
        "ago": re.compile("ago", re.I), "relative period": re.compile(r"week|month|year", re.I),
        "duration": re.compile(rf"\b(?:{COUNT})[-\s]{unit}", re.I), "bare duration": re.compile(unit + "s", re.I),
        "anniversary": re.compile("anniversary"),
    }


@lru_cache(maxsize=1)
def _rule_screen() -> LiteralScreen:
    return LiteralScreen([pattern for _, pattern in _rules()])


@lru_cache(maxsize=1)
def _event_screen() -> LiteralScreen:
    return LiteralScreen([pattern for _, pattern in EVENT_PATTERNS])


def _find(text: str, start: int, end: int, where) -> list[Timex]:
    """Every match of every rule, overlaps removed (longest first, then rule order); ``where``:
    the article's occurrences of the rules' required strings (:mod:`analysis.screen`)."""
    candidates = []
    triggers = _triggers()
    for order, (name, pattern) in enumerate(_rules()):
        if not where.may_match(order, start, end):
            continue
        trigger = triggers.get(name)
        if trigger is not None and not trigger.search(text, start, end):
            continue  # the words every match of the rule contains are absent
        for m in pattern.finditer(text, start, end):
            if not _plausible(text, name, m):
                continue
            s = m.start("prep") if m.groupdict().get("prep") else m.start("core")
            candidates.append((s, m.end("core"), order, name, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    chosen: list[tuple] = []
    for c in candidates:
        if all(c[1] <= o[0] or o[1] <= c[0] for o in chosen):
            chosen.append(c)
    chosen.sort(key=lambda c: c[0])
    out = []
    for s, e, _, name, m in chosen:
        timex = Timex(s, e, m.start("core"), m.end("core"), "", None, name)
        timex.match = m
        out.append(timex)
    return out


def _plausible(text: str, name: str, m: re.Match) -> bool:
    core = m.group("core")
    if name == "month" and m.group("month") in ("May", "March") and not (m.group("prep") or m.group("mod")):
        return False  # "May" the verb, "March" the noun
    if name == "full date" and not 1 <= int(m.group("day") or m.group("day2")) <= 31:
        return False  # "0 March", "99 April": a count, not a day
    if name == "clock time" and (int(m.group("hour")) > 12 or int(m.group("minute") or 0) > 59):
        return False  # "13 pm", "9:75 a.m." name no time of day
    if name == "year":
        before = text[max(0, m.start("core") - 1):m.start("core")]
        if before in ("$", "£", "€", "#") or before.isalnum():
            return False
    if name == "vague" and core.lower() in ("later", "earlier") and re.match(r"\s+(?:this|last|that|in)\b", text[m.end():]):
        return False  # part of "earlier this week"
    if name == "bare duration" and re.search(r"\b(?:recent|coming|past|next|last|these|those|few|several)\s+$", text[max(0, m.start() - 12):m.start("core")], re.I):
        return False
    if name == "duration" and m.group("count").lower() in ("a", "an") and re.search(r"\b(?:twice|once|\w+s)\s+$", text[max(0, m.start("core") - 20):m.start("core")]) \
            and not (m.groupdict().get("prep")):
        return False  # "2,500 deaths a week" is a rate (set), handled below
    return True


def _tense(text: str, timex: Timex, s_start: int, s_end: int) -> str:
    """"future" or "past" from the nearest cue in the clause, looking left first, then right."""
    left = text[max(s_start, timex.start - 90):timex.start]
    left = re.split(r"[;:“”\"]|,\s+(?:but|while|although|and)\s", left)[-1]
    cues = [(m.end(), "future") for m in FUTURE_CUES.finditer(left)] + [(m.end(), "past") for m in PAST_CUES.finditer(left)]
    if cues:
        # The cue nearest the expression; "planned" is both a future cue and an -ed form: future wins.
        return max(cues, key=lambda c: (c[0], c[1] == "future"))[1]
    right = text[timex.end:min(s_end, timex.end + 70)]
    right = re.split(r"[;:“”\"]", right)[0]
    cues = [(m.start(), "future") for m in FUTURE_CUES.finditer(right)] + [(m.start(), "past") for m in PAST_CUES.finditer(right)]
    return min(cues, key=lambda c: (c[0], c[1] != "future"))[1] if cues else ""


def _resolve(text: str, timex: Timex, anchor: dt.date, s_start: int, s_end: int, state: dict) -> None:
    m, name = timex.match, timex.rule
    timex.anchor = anchor.isoformat()
    g = {k: v for k, v in m.groupdict().items() if v}
    if name in ("full date", "month and year", "month", "year"):
        timex.kind = "date"
        year = g.get("year")
        month = _month(g.get("month") or g.get("month2") or "")
        if year == "last year":
            year = str(anchor.year - 1)
        elif year in ("this year", "next year"):
            year = str(anchor.year + (1 if year == "next year" else 0))
        if name == "year":
            timex.value = year
        elif name == "full date":
            day = int(g.get("day") or g.get("day2"))
            y = int(year) if year else anchor.year
            timex.value = f"{y:04d}-{month:02d}-{day:02d}"
            if not year:
                timex.tense = _tense(text, timex, s_start, s_end)
                # Compared as (month, day): "29 February" has no date in most years.
                if timex.tense == "past" and (month, day) > (anchor.month, anchor.day):
                    timex.value = f"{y - 1:04d}-{month:02d}-{day:02d}"
        elif name == "month and year":
            timex.value = f"{int(year):04d}-{month:02d}"
        else:
            timex.tense = _tense(text, timex, s_start, s_end)
            mod = g.get("mod", "").lower()
            if mod == "last" or (mod not in ("next", "this") and timex.tense == "past" and month > anchor.month):
                y = anchor.year - 1 if month >= anchor.month else anchor.year
            elif mod == "next" or (timex.tense == "future" and month < anchor.month):
                y = anchor.year + 1 if month <= anchor.month else anchor.year
            else:
                y = anchor.year
            timex.value = f"{y:04d}-{month:02d}"
        if timex.value and len(timex.value) == 10 and _earliest_day(timex.value):  # not "2025-02-29"
            state["last_day"] = timex.value
    elif name == "weekday":
        timex.kind = "date"
        timex.tense = _tense(text, timex, s_start, s_end)
        target = WEEKDAYS.index(g["weekday"].lower())
        delta = target - anchor.weekday()
        mod = g.get("mod", "").lower()
        if mod in ("next", "coming"):
            delta = delta if delta > 0 else delta + 7
        elif mod in ("last", "past"):
            delta = delta if delta < 0 else delta - 7
        elif delta != 0:
            if timex.tense == "future":
                delta = delta if delta > 0 else delta + 7
            elif timex.tense == "past":
                delta = delta if delta < 0 else delta - 7
            else:
                delta = min((delta, delta + 7, delta - 7), key=lambda d: (abs(d), -d))
        day = anchor + dt.timedelta(days=delta)
        timex.value = day.isoformat() + (f"T{PART_OF_DAY[g['pod'].lower()][1:]}" if g.get("pod") else "")
        state["last_day"] = day.isoformat()
    elif name == "relative day":
        timex.kind = "date"
        rel = g["rel"].lower()
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(rel, 0)
        if rel == "overnight":  # the night before the article, unless the clause looks ahead
            timex.tense = _tense(text, timex, s_start, s_end)
            attributive = re.search(r"\b(?:after|the|an|last|of|following)\s+$", text[max(0, timex.core_start - 12):timex.core_start], re.I)
            shift = 0 if timex.tense == "future" and not attributive else -1  # "after overnight attacks": past
        day = anchor + dt.timedelta(days=shift)
        part = {"tonight": "TNI", "this morning": "TMO", "this afternoon": "TAF", "this evening": "TEV", "last night": "TNI",
                "overnight": "TNI"}.get(rel, "")
        timex.value = day.isoformat() + (f"T{part[1:]}" if part else "")
        state["last_day"] = day.isoformat()
    elif name == "ago":
        timex.kind = "date"
        count = NUMBERS.get(g["count"].lower(), None) if not g["count"].isdigit() else int(g["count"])
        unit = g["unit"].lower()
        days_back = None if count is None else count * {"day": 1, "week": 7}.get(unit, 0)
        if count is None or days_back > (anchor - dt.date.min).days:
            timex.kind, timex.value = "vague", None  # "99999999 days ago" is before the calendar
        elif unit == "day":
            timex.value = (anchor - dt.timedelta(days=count)).isoformat()
        elif unit == "week":
            timex.value = _iso_week(anchor - dt.timedelta(weeks=count))  # "a week ago": that week
        elif unit == "month":
            y, mth = divmod(anchor.year * 12 + anchor.month - 1 - count, 12)
            timex.value = f"{y:04d}-{mth + 1:02d}"
        else:
            timex.value = str(anchor.year - count)
    elif name == "relative period":
        timex.kind = "date"
        mod, unit = g["mod"].lower(), g["unit"].lower()
        timex.tense = _tense(text, timex, s_start, s_end)
        step = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1}.get(mod, 0)
        if mod == "the":  # "over the weekend", "the week": the one being talked about
            deadline = g.get("prep", "").lower() in ("by", "until", "till")  # "by the weekend": the coming one
            step = -1 if unit == "weekend" and timex.tense != "future" and not deadline and anchor.weekday() < 5 else 0
            if unit != "weekend" and g.get("prep", "").lower() not in ("during", "over", "this"):
                timex.kind, timex.value = "vague", None
                return
        if unit in ("week", "weekend"):
            base = anchor + dt.timedelta(weeks=step)
            if unit == "weekend" and mod == "this" and anchor.weekday() < 5 and timex.tense == "past":
                base = anchor - dt.timedelta(weeks=1)
            timex.value = _iso_week(base) + ("-WE" if unit == "weekend" else "")
        elif unit == "month":
            y, mth = divmod(anchor.year * 12 + anchor.month - 1 + step, 12)
            timex.value = f"{y:04d}-{mth + 1:02d}"
        else:
            timex.value = str(anchor.year + step)
    elif name == "anniversary":
        timex.kind = "date"
        known = _known_event(g["event"])
        ordinal = g["ordinal"].lower()
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10}.get(ordinal) or int(re.match(r"\d+", ordinal).group(0))
        if known:
            y, rest = known.split("-", 1)
            timex.value = f"{int(y) + n}-{rest}"
        else:
            timex.value = None
            timex.kind = "vague"
    elif name in ("clock time", "24-hour time"):
        timex.kind = "time"
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = g.get("ampm", "").lower().replace(".", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        if ampm == "am" and hour == 12:
            hour = 0
        zone = g.get("zone") or _zone_after(text, timex)
        day = dt.date.fromisoformat(state["last_day"]) if state.get("last_day") else anchor
        timex.value = f"{day.isoformat()}T{hour:02d}:{minute:02d}{_offset(zone, day, hour, minute)}"
    elif name == "set":
        timex.kind = "set"
        unit = (g.get("unit") or {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year",
                                   "nightly": "night"}[g["adverb"].lower()]).lower()
        timex.value = {"day": "P1D", "night": "P1D", "morning": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y"}[unit]
    elif name == "duration":
        count = g["count"].lower()
        unit = UNITS[g["unit"].lower()]
        if count in ("a", "an") and re.search(r"\b\w+s\s+$", text[max(0, timex.core_start - 20):timex.core_start]) and not g.get("prep"):
            timex.kind, timex.value = "set", f"P1{unit}"
            return
        timex.kind = "duration"
        number = "X" if count in VAGUE_COUNTS else str(int(count) if count.isdigit() else NUMBERS.get(count, "X"))
        timex.value = f"PT{number}{unit[1:]}" if unit.startswith("T") else f"P{number}{unit}"
    elif name == "bare duration":
        timex.kind = "duration"
        unit = UNITS[g["unit"].lower()]
        timex.value = f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"
    elif name == "vague":
        timex.kind, timex.value = "vague", None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTH_ABBR.get(key[:4] if key.startswith("sept") else key[:3], 0)


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _zone_after(text: str, timex: Timex) -> str:
    """"between 9 a.m. and 11 a.m. ET": the zone of a range applies to both ends."""
    rest = text[timex.end:timex.end + 40]
    m = re.match(rf"\s*(?:and|to|-|–|until)\s+\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:a\.m\.|p\.m\.|am|pm|a\.m|p\.m)?\s*({ZONE})", rest)
    return m.group(1) if m else ""


def _offset(zone: str, day: dt.date, hour: int, minute: int) -> str:
    if not zone:
        return ""
    spec = ZONES[zone]
    if spec == "Z" or spec.startswith(("+", "-")):
        return spec
    local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(spec))
    offset = local.utcoffset()
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    return f"{sign}{abs(total) // 60:02d}:{abs(total) % 60:02d}"


@lru_cache(maxsize=1)
def known_events() -> list[tuple[re.Pattern, str, str]]:
    """Dated events from ``codebooks/events.csv``: (pattern, date, label)."""
    with open(paths.CODEBOOKS / "events.csv", encoding="utf-8", newline="") as handle:
        return [(re.compile(row["pattern"], re.I), row["date"], row["event"]) for row in csv.DictReader(handle)]


def _known_event(phrase: str) -> str | None:
    return next((date for pattern, date, _ in known_events() if pattern.search(phrase)), None)


def _quote_anchors(text, p_start, p_end, quoted, found, reference) -> dict[int, dt.date]:
    """The day each quotation was spoken, where its paragraph dates the attribution
    ("Mr Trump told reporters on Sunday evening ...: “...”")."""
    anchors = {}
    outside = [t for t in found if not any(s <= t.core_start < e for s, e in quoted)]
    for index, (s, e) in enumerate(quoted):
        said = [t for t in outside if t.rule in ("weekday", "relative day") and t.core_end <= s]
        if said:
            t = said[-1]
            probe = Timex(t.start, t.end, t.core_start, t.core_end, "", None, t.rule)
            probe.match = t.match
            _resolve(text, probe, reference, p_start, s, {})
            if probe.value and probe.value[:10] <= reference.isoformat():
                anchors[index] = dt.date.fromisoformat(probe.value[:10])
    return anchors


# --- events ---------------------------------------------------------------------------------

EVENT_CUES = [
    ("call", r"\b(?:call|calls|phone|phoned|telephone|conversation|speak|spoke|speaks|speaking|talk|talks|talked)\b"),
    ("meeting", r"\b(?:meet|meets|met|meeting|summit|gathering|convened|visit|visited|talks)\b"),
    ("seizure", r"\b(?:seized|seize|annexed|annexation|occupied|captured)\b"),
    ("invasion", r"\b(?:invasion|invaded|invade|full-scale)\b"),
    ("military operation", r"\b(?:raid|incursion|offensive|attack|attacks|strikes|struck|drone)\b"),
    ("agreement", r"\b(?:agreed|agreement|accepted|deal|truce|ceasefire)\b"),
    ("election", r"\b(?:elected|election)\b"),
    ("vote", r"\b(?:vote|voted|resolution)\b"),
    ("statement", r"\b(?:said|says|told|confirmed|announced|wrote|posted|insisted|described|welcomed|criticised|designated|notified|pledged|voted)\b"),
    ("control", r"\b(?:control|controls|controlled|under Russian control)\b"),
]

# Compiled once: events() tries every cue in the clause of every dated expression.
EVENT_PATTERNS = [(kind, re.compile(cue, re.I)) for kind, cue in EVENT_CUES]
CLAUSE_BREAK_BEFORE = re.compile(r";|,\s+(?:while|but|although|whereas|as)\s|\s[–—]\s")
CLAUSE_BREAK_AFTER = re.compile(r";|,\s+(?:while|but|although|whereas)\s|\s[–—]\s")

MERGED_BY_DATE = {"call", "meeting", "agreement", "invasion", "seizure", "military operation"}


def events(corpus: Corpus, expressions: pd.DataFrame | None = None, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per event: a dated act (a call, a meeting, a seizure, a statement ...) with its
    date, the actors of its clause, and the outlets that report it. The act is the event cue
    nearest the time expression in its clause; its actors, the subject before that cue and the
    names around it. The same event reported by several outlets is one row: calls, meetings,
    agreements and military acts merge on date and kind, statements also on their speaker."""
    codebook = codebook or default_codebook()
    expressions = temporal_expressions(corpus) if expressions is None else expressions
    found = article_mentions(corpus, codebook)
    dated = expressions[expressions["kind"].isin(["date", "time"]) & expressions["value"].notna()]
    sentence_span = {(a, n): (s, e) for a, n, s, e in zip(corpus.sentences["article_id"], corpus.sentences["sentence"],
                                                          corpus.sentences["start"], corpus.sentences["end"])}
    records = []
    screened = {}  # article → occurrences of the event cues' required strings
    for row in dated.itertuples():
        text = corpus.texts[row.article_id]
        if row.article_id not in screened:
            screened = {row.article_id: _event_screen().scan(text)}  # rows come article by article
        where = screened[row.article_id]
        clause_start, clause_end = _clause(text, *sentence_span[(row.article_id, row.sentence)], row.start, row.end)
        cues = [(min(abs(m.start() - row.start), abs(m.start() - row.end)), order, kind, m.start())
                for order, (kind, pattern) in enumerate(EVENT_PATTERNS) if where.may_match(order, clause_start, clause_end)
                for m in pattern.finditer(text, clause_start, clause_end)
                if not (row.start <= m.start() < row.end)]
        if not cues:
            continue
        _, _, kind, cue_at = min(cues)
        mentions = [m for m in found.get(row.article_id, []) if clause_start <= m.start < clause_end and m.actor
                    and not m.in_title]
        subjects = [m for m in subject_mentions(text, mentions, clause_start, cue_at) if m.end <= cue_at]
        near = sorted(mentions, key=lambda m: abs(m.start - cue_at))
        actors = list(dict.fromkeys(([subjects[-1].actor] if subjects else []) + [m.actor for m in near]))[:3]
        records.append({"date": row.value[:10] if row.kind == "time" else row.value, "kind": kind,
                        "speaker": (actors[0] if actors else "") if kind not in MERGED_BY_DATE else "",
                        "actors": actors, "article_id": row.article_id, "outlet": row.outlet,
                        "evidence": text[clause_start:clause_end].strip(), "expression": row.text})
    columns = ["date", "kind", "event", "actors", "outlets", "n_outlets", "evidence"]
    if not records:
        return pd.DataFrame(columns=columns)
    # Plain dictionaries, not a pandas group-by: a corpus has about as many events as dated
    # sentences, and pandas' cost per group was most of this function's time.
    groups: dict[tuple, list[dict]] = {}
    for record in records:
        groups.setdefault((record["date"], record["kind"], record["speaker"]), []).append(record)
    merged = []
    for (date, kind, speaker), group in sorted(groups.items(), key=lambda item: item[0]):
        named = [a for record in group for a in record["actors"]]
        # Most named first; ties in the order first named.
        counted = sorted(dict.fromkeys(named), key=lambda a: -named.count(a))
        actors = counted[:2] if kind in MERGED_BY_DATE else [speaker] if speaker else []
        label = f"{' – '.join(actors) if actors else 'unattributed'} {kind}"
        outlets = list(dict.fromkeys(record["outlet"] for record in group))
        merged.append({"date": date, "kind": kind, "event": label, "actors": "; ".join(counted),
                       "outlets": "; ".join(outlets), "n_outlets": len(outlets), "evidence": group[0]["evidence"]})
    table = pd.DataFrame(merged, columns=columns)
    order = sorted(range(len(table)), key=lambda i: (_earliest_day(table["date"][i]) or dt.date.min, table["date"][i],
                                                      table["kind"][i]))
    return table.iloc[order].reset_index(drop=True)


def _clause(text: str, s_start: int, s_end: int, start: int, end: int) -> tuple[int, int]:
    """The clause around a time expression: the sentence cut at semicolons and at ', while' /
    ', but' / 'although' boundaries."""
    left = s_start
    for m in CLAUSE_BREAK_BEFORE.finditer(text[s_start:start]):
        left = s_start + m.end()
    right = s_end
    m = CLAUSE_BREAK_AFTER.search(text[end:s_end])
    if m:
        right = end + m.start()
    return left, right


# --- background and news --------------------------------------------------------------------


def paragraph_time_focus(corpus: Corpus, expressions: pd.DataFrame, window_days: int = 7) -> pd.DataFrame:
    """Each body paragraph labelled ``news`` (it dates something within ``window_days`` of the
    article's date), ``background`` (all its dates are older) or ``undated``, with its words."""
    dates = dict(zip(corpus.articles["id"], corpus.articles["date"]))
    rows = []
    body = corpus.paragraphs[corpus.paragraphs["zone"] == "body"]
    for p in body.itertuples():
        inside = expressions[(expressions["article_id"] == p.article_id) & (expressions["start"] >= p.start)
                             & (expressions["end"] <= p.end) & expressions["kind"].isin(["date", "time"])
                             & expressions["value"].notna()]
        reference = dt.date.fromisoformat(dates[p.article_id])
        ages = [(reference - _earliest_day(v)).days for v in inside["value"] if _earliest_day(v)]
        if not ages:
            label = "undated"
        elif min(abs(a) for a in ages) <= window_days:
            label = "news"
        else:
            label = "background"
        rows.append({"article_id": p.article_id, "paragraph": p.paragraph, "focus": label, "words": p.n_words})
    return pd.DataFrame(rows, columns=["article_id", "paragraph", "focus", "words"])


def _earliest_day(value: str) -> dt.date | None:
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return dt.date(int(value[:4]), int(value[5:7]), 1)
        if re.match(r"\d{4}-W\d{2}", value):
            return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def event_coverage(corpus: Corpus, dated_events: pd.DataFrame) -> pd.DataFrame:
    """Events (rows, "date · event", in date order) by outlet (columns): 1 where the outlet
    dates the event, else 0. Columns are outlets, not articles, because events are merged by
    outlet: an outlet with several articles has one column."""
    coverage = pd.DataFrame(0, index=[f"{d} · {e}" for d, e in zip(dated_events["date"], dated_events["event"])],
                            columns=list(dict.fromkeys(corpus.articles["outlet"])))
    for row, reported in zip(coverage.index, dated_events["outlets"]):
        for outlet in reported.split("; "):
            coverage.loc[row, outlet] = 1
    return coverage.rename_axis("event")


def time_focus_shares(corpus: Corpus, focus: pd.DataFrame) -> pd.DataFrame:
    """Per article (rows, labelled by outlet): the shares of body words in news, background and
    undated paragraphs (see :func:`paragraph_time_focus`)."""
    from .composition import article_labels
    words = focus.pivot_table(index="article_id", columns="focus", values="words", aggfunc="sum", fill_value=0)
    words = words.reindex(index=corpus.articles["id"], columns=["news", "background", "undated"], fill_value=0)
    shares = words.div(words.sum(axis=1), axis=0).round(4)
    shares.index = pd.Index(article_labels(corpus.articles).to_numpy(), name="article")
    shares.columns.name = None
    return shares
