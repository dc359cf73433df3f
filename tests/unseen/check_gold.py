#!/usr/bin/env python3
"""Check tests/unseen/gold.json against the invented test articles (stdlib only).

Usage: python3 check_gold.py            (articles and gold.json in this folder)

Checks, per text:
- chrome segments sit on the stated lines; segments of kind 'chrome' are blanked
  from the annotated content (everything else is annotated);
- every actor surface form occurs in the content as a whole-word match, and not
  only inside a longer surface form of the same actor; speakers are listed actors;
- every quote's first6 starts right after an opening quotation mark, equals the
  first six whitespace tokens of the quoted span (trailing .,;:!? stripped from
  the last one), the span has 4+ words, and quotes appear in text order;
- fragments are quoted 1-3-word spans (a trailing .,;:!? inside the closing mark
  is allowed), in text order; non-quotes are quoted spans;
- every quotation-marked span in the content is accounted for as a quote,
  fragment or non-quote (completeness), and vice versa;
- indirect first6 occurs in text order, matches the text token by token (trailing
  punctuation stripped from the last token only) and, when shorter than six
  tokens, ends where the reported clause ends (sentence punctuation or line end);
- verbs (when not null) occur in the content;
- dates: every `text` occurs verbatim (whole-word) in the annotated content, in
  text order and not on a chrome_dates line; `core` lies inside `text`; `kind`
  is in the vocabulary; `value` (and `naive_value`) match the seed regexes for
  the kind (vague -> null); chrome_dates sit on their stated line as a whole
  non-body segment, with a date/time value, and every segment noted as a time
  or date stamp is listed there;
- demands: every `evidence` occurs verbatim in the annotated content; `who`
  (and `source`) are listed actors; `category` is an id from the seed gold's
  demand_categories (../gold/gold.json); `kind`, `stance` and `voice` are in
  their vocabularies; `explicit` is a boolean; `source` is given exactly when
  voice is third_party; in_transcript=true only on evidence inside a
  HOST:/WALTZ:-style turn; (who, category, stance) is unique per text;
- totals (incl. dates per kind, chrome_dates, demands and demands per
  category) match.
The last line is "N passed, M failed"; the exit status is 1 on any failure.
"""
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
TRAIL = ".,;:!?"
ACTOR_TYPES = {"person", "state", "organisation", "media", "journalist", "group"}
CHROME_KINDS = {"chrome", "caption", "credit", "headline", "standfirst", "byline", "dateline", "subheading"}
DATE_KINDS = ("date", "time", "duration", "set", "vague")
VALUE_RE = {
    "date": re.compile(r"^\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI))?)?|-W\d{2}(-WE)?)?$"),
    "time": re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?$"),
    "duration": re.compile(r"^P(?=.)((\d+|X)([YMWD]|DE))*(T((\d+|X)[HMS])+)?$"),
}
VALUE_RE["set"] = VALUE_RE["duration"]
SEED_GOLD = HERE.parent / "gold" / "gold.json"
DEMAND_CATEGORIES = [c["id"] for c in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["demand_categories"]]
DEMAND_KINDS = {"demand", "condition", "request", "proposal"}
DEMAND_STANCES = {"demand", "condition", "propose", "accept", "accept_in_principle", "reject", "refuse_to_confirm"}
DEMAND_VOICES = {"quoted", "reported", "third_party", "outlet"}
DEMAND_REQUIRED = {"who", "of_whom", "what", "kind", "explicit", "evidence", "category", "stance", "voice"}
DEMAND_FIELDS = DEMAND_REQUIRED | {"source", "note", "in_transcript"}
TURN_RE = re.compile(r"^[A-Z][A-Z .'-]*: ")
passed = failed = 0


def ok(cond, where, msg):
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {where}: {msg}")
    return cond


def bounded(s):
    return re.compile(r"(?<!\w)" + re.escape(s) + r"(?!\w)")


def first6_of(tokens):
    toks = tokens[:6]
    if not toks:
        return ""
    toks[-1] = toks[-1].rstrip(TRAIL)
    return " ".join(t for t in toks if t)


def quoted_spans(content):
    """All quotation-marked spans: list of (open_pos, inner_start, inner_end, text, closed)."""
    spans = []
    for line_start, line in line_iter(content):
        i = 0
        while i < len(line):
            c = line[i]
            opener = None
            if c in "“‘":
                opener = c
            elif c == '"':
                opener = c
            elif c == "'" and (i == 0 or not line[i - 1].isalnum()) and i + 1 < len(line) and line[i + 1].isalnum():
                opener = c
            if opener is None:
                i += 1
                continue
            close = {"“": "”", "‘": "’", '"': '"', "'": "'"}[opener]
            j = i + 1
            end = None
            while j < len(line):
                if line[j] == close:
                    if close in "’'" and j + 1 < len(line) and line[j + 1].isalnum():
                        j += 1  # apostrophe inside a word
                        continue
                    end = j
                    break
                j += 1
            closed = end is not None
            if end is None:
                end = len(line)
            spans.append((line_start + i, line_start + i + 1, line_start + end, line[i + 1:end], closed))
            i = end + 1
    return spans


def line_iter(content):
    pos = 0
    for line in content.split("\n"):
        yield pos, line
        pos += len(line) + 1


totals = {"actors": 0, "quotes": 0, "fragments": 0, "non_quotes": 0, "indirect": 0, "surface_forms": 0,
          "dates": 0, "chrome_dates": 0, "demands": 0}
kinds_total = {k: 0 for k in DATE_KINDS}
categories_total = {c: 0 for c in DEMAND_CATEGORIES}


def value_ok(kind, value):
    if kind == "vague":
        return value is None
    return isinstance(value, str) and VALUE_RE[kind].match(value) is not None
for name, g in GOLD["texts"].items():
    path = HERE / name
    if not ok(path.exists(), name, "article missing"):
        continue
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    starts, off = [], 0
    for ln in lines:
        starts.append(off)
        off += len(ln) + 1

    # chrome
    content = list(text)
    for i, c in enumerate(g.get("chrome", [])):
        w = f"{name} chrome[{i}]"
        ok(c["kind"] in CHROME_KINDS, w, f"bad kind {c['kind']!r}")
        line = lines[c["line"] - 1] if 1 <= c["line"] <= len(lines) else ""
        col = (0 if line == c["text"] else -1) if c["whole_line"] else line.find(c["text"])
        if ok(col >= 0, w, f"not on line {c['line']}: {c['text']!r}") and c["kind"] == "chrome":
            a = starts[c["line"] - 1] + col
            for k in range(a, a + len(c["text"])):
                content[k] = " "
    content = "".join(content)
    if g.get("headline"):
        ok(any(c["kind"] == "headline" and c["text"] == g["headline"] for c in g["chrome"]), name, "headline not in chrome list")
    for i, m in enumerate(g.get("chrome_mentions", [])):
        ok(m["text"] in lines[m["line"] - 1] and m["text"] not in content.split("\n")[m["line"] - 1],
           f"{name} chrome_mentions[{i}]", "not inside a chrome segment on that line")

    # actors
    canon = [a["canonical"] for a in g["actors"]]
    ok(len(canon) == len(set(canon)), name, "duplicate canonical names")
    canon = set(canon)
    for a in g["actors"]:
        w = f"{name} actor {a['canonical']!r}"
        ok(a["type"] in ACTOR_TYPES, w, f"bad type {a['type']!r}")
        ok(len(a["surface_forms"]) == len(set(a["surface_forms"])), w, "duplicate surface forms")
        for sf in a["surface_forms"]:
            hits = [m.span() for m in bounded(sf).finditer(content)]
            ok(bool(hits), w, f"surface form not in content: {sf!r}")
            longer = [m.span() for lf in a["surface_forms"] if lf != sf and sf in lf for m in bounded(lf).finditer(content)]
            if hits:
                ok(any(not any(b0 <= h0 and h1 <= b1 for b0, b1 in longer) for h0, h1 in hits), w,
                   f"{sf!r} occurs only inside longer forms of the same actor")
            ok(sf.lower() not in {"he", "she", "it", "they", "him", "her", "them", "his", "its"}, w, f"pronoun {sf!r}")
    for i, x in enumerate(g.get("not_actors", [])):
        ok(x["text"] in text, f"{name} not_actors[{i}]", f"not in article: {x['text']!r}")

    spans = quoted_spans(content)
    claimed = set()

    # quotes
    pos = 0
    for i, q in enumerate(g["quotes"]):
        w = f"{name} quotes[{i}] {q['first6']!r}"
        ok(q["speaker"] in canon, w, f"speaker not an actor: {q['speaker']!r}")
        for f in ("partial", "pronoun_speaker", "cross_paragraph"):
            ok(isinstance(q.get(f), bool), w, f"{f} must be a boolean")
        if q["verb"] is not None:
            ok(bounded(q["verb"]).search(content) is not None, w, f"verb not in content: {q['verb']!r}")
        if "continues" in q:
            ok(any(p["first6"] == q["continues"] for p in g["quotes"][:i]), w, "'continues' names no earlier span")
            ok(q["cross_paragraph"], w, "'continues' without cross_paragraph")
        cand = [s for s in spans if s[1] >= pos and s[0] not in claimed and first6_of(s[3].split()) == q["first6"]]
        if ok(bool(cand), w, "no quoted span (in order) whose first six tokens give this first6"):
            s = cand[0]
            claimed.add(s[0])
            pos = s[2]
            ok(len(s[3].split()) >= 4, w, "quote span has fewer than 4 words")
            ok(bool(q.get("unclosed")) == (not s[4]), w, f"unclosed flag wrong (span closed={s[4]})")

    # fragments
    pos = 0
    for i, f in enumerate(g["fragments"]):
        w = f"{name} fragments[{i}] {f['text']!r}"
        ok(f["speaker"] in canon, w, f"speaker not an actor: {f['speaker']!r}")
        ok(1 <= len(f["text"].split()) <= 3, w, "not 1-3 words")
        if f["verb"] is not None:
            ok(bounded(f["verb"]).search(content) is not None, w, f"verb not in content: {f['verb']!r}")
        cand = [s for s in spans if s[1] >= pos and s[0] not in claimed and s[3].rstrip(TRAIL) == f["text"]]
        if ok(bool(cand), w, "no quoted span (in order) with this text"):
            claimed.add(cand[0][0])
            pos = cand[0][2]

    # non-quotes
    for i, x in enumerate(g["non_quotes"]):
        w = f"{name} non_quotes[{i}] {x['text']!r}"
        cand = [s for s in spans if s[0] not in claimed and s[3].rstrip(TRAIL) == x["text"]]
        if ok(bool(cand), w, "not a quoted span in content"):
            claimed.add(cand[0][0])

    # completeness: every quoted span accounted for
    for s in spans:
        ok(s[0] in claimed, f"{name} completeness", f"quoted span not in gold: {s[3]!r}")

    # indirect
    pos = 0
    for i, r in enumerate(g["indirect"]):
        w = f"{name} indirect[{i}] {r['first6']!r}"
        ok(r["speaker"] is None or r["speaker"] in canon, w, f"speaker not an actor: {r['speaker']!r}")
        for cs in r.get("co_speakers", []):
            ok(cs in canon, w, f"co-speaker not an actor: {cs!r}")
        if r["verb"] is not None:
            ok(bounded(r["verb"]).search(content) is not None, w, f"verb not in content: {r['verb']!r}")
        ok(isinstance(r["pronoun_speaker"], bool) and isinstance(r["mixed"], bool), w, "flags must be booleans")
        toks = r["first6"].split()
        ok(1 <= len(toks) <= 6 and not r["first6"].endswith(tuple(TRAIL)), w, "first6 malformed")
        m = bounded(r["first6"]).search(content, pos)
        if ok(m is not None, w, "not found (in order) in content"):
            pos = m.start() + 1
            line_end = content.find("\n", m.start())
            line_end = len(content) if line_end < 0 else line_end
            real = content[m.start():line_end].split()[:6]
            ok(first6_of(list(real[:len(toks)])) == r["first6"],
               w, f"does not equal the first tokens of the text here: {real!r}")
            if len(toks) < 6:
                last = real[len(toks) - 1] if len(real) >= len(toks) else ""
                ok(len(real) == len(toks) or last != last.rstrip(TRAIL), w,
                   "shorter than six tokens but the clause does not end there")
            has_q = any(ch in r["first6"] for ch in "“”‘’\"") or any(
                s[1] > m.start() and s[0] < (content.find(".", m.end()) if content.find(".", m.end()) > 0 else len(content))
                for s in spans)
            if r["mixed"]:
                ok(has_q, w, "mixed=true but no quoted material follows in the sentence")

    # dates
    cd_lines = set()
    for i, c in enumerate(g.get("chrome_dates", [])):
        w = f"{name} chrome_dates[{i}] {c['text']!r}"
        ok(c.get("kind") in ("date", "time"), w, f"bad kind {c.get('kind')!r}")
        ok(value_ok(c.get("kind", "date"), c.get("value")), w, f"value does not match its kind: {c.get('value')!r}")
        ok(any(s["line"] == c["line"] and s["text"] == c["text"] and s["whole_line"] for s in g.get("chrome", [])), w,
           "not a whole-line non-body segment on the stated line")
        cd_lines.add(c["line"])
    for s in g.get("chrome", []):
        if "time stamp" in s.get("note", "") or "date stamp" in s.get("note", ""):
            ok(s["line"] in cd_lines, f"{name} chrome_dates", f"stamp on line {s['line']} not listed: {s['text']!r}")
    line_of = lambda p: content.count("\n", 0, p) + 1
    pos = 0
    for i, dt in enumerate(g.get("dates", [])):
        w = f"{name} dates[{i}] {dt['text']!r}"
        ok(set(dt) <= {"text", "core", "value", "kind", "note", "naive_value", "in_transcript"}, w, f"unknown fields {sorted(dt)}")
        ok(dt["kind"] in DATE_KINDS, w, f"bad kind {dt['kind']!r}")
        if dt["kind"] in DATE_KINDS:
            ok(value_ok(dt["kind"], dt["value"]), w, f"value does not match kind {dt['kind']}: {dt['value']!r}")
            if "naive_value" in dt:
                ok(dt["naive_value"] != dt["value"] and value_ok(dt["kind"], dt["naive_value"]), w,
                   f"naive_value equals value or does not match the kind: {dt['naive_value']!r}")
        ok(bool(dt["core"]) and dt["core"] in dt["text"], w, f"core {dt['core']!r} not inside text")
        m = bounded(dt["text"]).search(content, pos)
        if ok(m is not None, w, "not found (in order) in annotated content"):
            pos = m.end()
            ok(line_of(m.start()) not in cd_lines, w, "found on a chrome_dates line (page furniture)")
    # demands
    seen = set()
    content_lines = content.split("\n")
    for i, d in enumerate(g.get("demands", [])):
        w = f"{name} demands[{i}] {d.get('who')!r}/{d.get('category')!r}/{d.get('stance')!r}"
        ok(DEMAND_REQUIRED <= set(d) <= DEMAND_FIELDS, w,
           f"missing {sorted(DEMAND_REQUIRED - set(d))} / unknown {sorted(set(d) - DEMAND_FIELDS)} fields")
        ok(d.get("who") in canon, w, f"who not an actor: {d.get('who')!r}")
        ok(d.get("category") in DEMAND_CATEGORIES, w, f"category not in the seed's demand_categories: {d.get('category')!r}")
        ok(d.get("kind") in DEMAND_KINDS, w, f"bad kind {d.get('kind')!r}")
        ok(d.get("stance") in DEMAND_STANCES, w, f"bad stance {d.get('stance')!r}")
        ok(d.get("voice") in DEMAND_VOICES, w, f"bad voice {d.get('voice')!r}")
        ok(isinstance(d.get("explicit"), bool), w, "explicit must be a boolean")
        ok(all(isinstance(d.get(f), str) and d.get(f) for f in ("of_whom", "what", "evidence")), w,
           "of_whom, what and evidence must be non-empty strings")
        if d.get("voice") == "third_party":
            ok(d.get("source") in canon, w, f"third_party without a source that is an actor: {d.get('source')!r}")
        else:
            ok("source" not in d, w, f"source given but voice is {d.get('voice')!r}")
        ev = d.get("evidence") or ""
        at = content.find(ev) if ev else -1
        if ok(at >= 0, w, f"evidence not verbatim in annotated content: {ev!r}"):
            if "in_transcript" in d:
                turn = content_lines[line_of(at) - 1]
                ok(d["in_transcript"] is True and TURN_RE.match(turn) is not None, w,
                   "in_transcript must be true and the evidence must sit in a transcript turn")
        key = (d.get("who"), d.get("category"), d.get("stance"))
        ok(key not in seen, w, "(who, category, stance) listed twice in this text")
        seen.add(key)
        if d.get("category") in categories_total:
            categories_total[d["category"]] += 1

    kc = {k: sum(1 for dt in g.get("dates", []) if dt["kind"] == k) for k in DATE_KINDS}
    pt = GOLD["totals"]["per_text"][name]
    ok(pt.get("dates_by_kind") == {k: v for k, v in kc.items() if v}, f"{name} totals",
       f"dates_by_kind: gold says {pt.get('dates_by_kind')}, counted {kc}")
    for k, v in kc.items():
        kinds_total[k] += v

    counts = {"actors": len(g["actors"]), "surface_forms": sum(len(a["surface_forms"]) for a in g["actors"]),
              **{k: len(g.get(k, [])) for k in ("quotes", "fragments", "non_quotes", "indirect", "dates", "chrome_dates", "demands")}}
    for k, v in counts.items():
        ok(pt.get(k) == v, f"{name} totals", f"{k}: gold says {pt.get(k)}, counted {v}")
        totals[k] += v

for k, v in totals.items():
    ok(GOLD["totals"].get(k) == v, "totals", f"{k}: gold says {GOLD['totals'].get(k)}, counted {v}")
ok(GOLD["totals"].get("texts") == len(GOLD["texts"]), "totals", "texts")
ok(GOLD["totals"].get("dates_by_kind") == kinds_total, "totals",
   f"dates_by_kind: gold says {GOLD['totals'].get('dates_by_kind')}, counted {kinds_total}")
ok(GOLD["totals"].get("demands_by_category") == categories_total, "totals",
   f"demands_by_category: gold says {GOLD['totals'].get('demands_by_category')}, counted {categories_total}")

# manifest rows match the gold texts
import csv
with open(HERE / "manifest.csv", encoding="utf-8-sig", newline="") as fh:
    rows = list(csv.DictReader(fh))
ok({r["file"] for r in rows} == set(GOLD["texts"]), "manifest", "files differ from gold texts")
for r in rows:
    g = GOLD["texts"].get(r["file"], {})
    ok(r["date"] == g.get("reference_date"), "manifest", f"{r['file']}: date {r['date']} != reference_date")
    ok(r["outlet"] == g.get("outlet"), "manifest", f"{r['file']}: outlet differs from gold")
    art = (HERE / r["file"]).read_text(encoding="utf-8")
    for col in ("headline", "byline"):
        ok(not r[col] or r[col] in art, "manifest", f"{r['file']}: {col} not printed verbatim")
        ok(bool(r[col]) or bool(r[col + "_evidence"]), "manifest", f"{r['file']}: empty {col} without evidence")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
