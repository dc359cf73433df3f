#!/usr/bin/env python3
"""Check tests/dev/gold.json (demands only) against the invented development articles (stdlib only).

Usage: python3 tests/dev/check_gold.py       (articles, gold.json and manifest.csv in this folder)

Adapted from tests/unseen/check_gold.py, keeping only the demand checks and the manifest check.
Checks, per text:
- segments listed in `chrome` (kind 'chrome') sit on the stated lines and are blanked from the
  annotated content;
- demands: the required fields are present and no unknown ones; `category` is an id from the seed
  gold's demand_categories (../gold/gold.json); `kind`, `stance` and `voice` are in their
  vocabularies; `explicit` is a boolean; `source` is given exactly when voice is third_party;
  `who` and `source` are canonical actors of analysis/codebooks/actors.csv (read as a CSV file,
  nothing is imported) or, for holders outside the codebook, names printed in the article;
  every `evidence` occurs verbatim in the annotated content; records are in text order of their
  evidence; (who, category, stance) is unique per text;
- totals (demands, per text and per category) match;
- manifest: same columns as ../unseen/manifest.csv, one row per gold text, unique ids, date =
  reference_date, outlet = gold outlet, headline/byline printed verbatim (or evidence given).
The last line is "N passed, M failed"; the exit status is 1 on any failure.
"""
import csv
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
SEED_GOLD = HERE.parent / "gold" / "gold.json"
DEMAND_CATEGORIES = [c["id"] for c in json.loads(SEED_GOLD.read_text(encoding="utf-8"))["demand_categories"]]
ACTORS_CSV = HERE.parent.parent / "analysis" / "codebooks" / "actors.csv"
CODEBOOK = set()
if ACTORS_CSV.exists():
    with open(ACTORS_CSV, encoding="utf-8-sig", newline="") as fh:
        CODEBOOK = {row["actor"] for row in csv.DictReader(fh)}
DEMAND_KINDS = {"demand", "condition", "request", "proposal"}
DEMAND_STANCES = {"demand", "condition", "propose", "accept", "accept_in_principle", "reject", "refuse_to_confirm"}
DEMAND_VOICES = {"quoted", "reported", "third_party", "outlet"}
DEMAND_REQUIRED = {"who", "of_whom", "what", "kind", "explicit", "evidence", "category", "stance", "voice"}
DEMAND_FIELDS = DEMAND_REQUIRED | {"source", "note"}
TEXT_FIELDS = {"reference_date", "outlet", "chrome", "demands"}
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


def known_actor(name, text):
    return name in CODEBOOK or bounded(name).search(text) is not None


ok(bool(CODEBOOK), "codebook", f"no actors read from {ACTORS_CSV}")
ok(GOLD.get("version") == 1 and isinstance(GOLD.get("conventions"), str), "gold", "version 1 and a conventions string expected")
categories_total = {c: 0 for c in DEMAND_CATEGORIES}
total = 0

for name, g in GOLD["texts"].items():
    path = HERE / name
    if not ok(path.exists(), name, "article missing"):
        continue
    ok(set(g) <= TEXT_FIELDS and {"reference_date", "outlet", "demands"} <= set(g), name, f"fields {sorted(g)}")
    ok(re.fullmatch(r"2025-03-1[789]", g.get("reference_date", "")) is not None, name, "reference_date outside 17-19 March 2025")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    starts, off = [], 0
    for ln in lines:
        starts.append(off)
        off += len(ln) + 1

    # chrome: blank page furniture from the annotated content
    content = list(text)
    for i, c in enumerate(g.get("chrome", [])):
        w = f"{name} chrome[{i}]"
        ok(c.get("kind") == "chrome", w, f"only kind 'chrome' is listed here, got {c.get('kind')!r}")
        line = lines[c["line"] - 1] if 1 <= c["line"] <= len(lines) else ""
        col = (0 if line == c["text"] else -1) if c.get("whole_line", True) else line.find(c["text"])
        if ok(col >= 0, w, f"not on line {c['line']}: {c['text']!r}"):
            a = starts[c["line"] - 1] + col
            for k in range(a, a + len(c["text"])):
                content[k] = " "
    content = "".join(content)

    # demands
    seen = set()
    last = -1
    for i, d in enumerate(g["demands"]):
        w = f"{name} demands[{i}] {d.get('who')!r}/{d.get('category')!r}/{d.get('stance')!r}"
        ok(DEMAND_REQUIRED <= set(d) <= DEMAND_FIELDS, w,
           f"missing {sorted(DEMAND_REQUIRED - set(d))} / unknown {sorted(set(d) - DEMAND_FIELDS)} fields")
        ok(known_actor(d.get("who") or "", text), w, f"who is neither a codebook actor nor printed in the text: {d.get('who')!r}")
        ok(d.get("category") in DEMAND_CATEGORIES, w, f"category not in the seed's demand_categories: {d.get('category')!r}")
        ok(d.get("kind") in DEMAND_KINDS, w, f"bad kind {d.get('kind')!r}")
        ok(d.get("stance") in DEMAND_STANCES, w, f"bad stance {d.get('stance')!r}")
        ok(d.get("voice") in DEMAND_VOICES, w, f"bad voice {d.get('voice')!r}")
        ok(isinstance(d.get("explicit"), bool), w, "explicit must be a boolean")
        ok(all(isinstance(d.get(f), str) and d.get(f) for f in ("of_whom", "what", "evidence")), w,
           "of_whom, what and evidence must be non-empty strings")
        if d.get("voice") == "third_party":
            ok(isinstance(d.get("source"), str) and known_actor(d["source"], text), w,
               f"third_party without a source that is a codebook actor or printed in the text: {d.get('source')!r}")
            ok(d.get("source") != d.get("who"), w, "source equals who")
        else:
            ok("source" not in d, w, f"source given but voice is {d.get('voice')!r}")
        ev = d.get("evidence") or ""
        at = content.find(ev) if ev else -1
        if ok(at >= 0, w, f"evidence not verbatim in annotated content: {ev!r}"):
            ok(at >= last, w, "records not in text order of their evidence")
            last = max(last, at)
        key = (d.get("who"), d.get("category"), d.get("stance"))
        ok(key not in seen, w, "(who, category, stance) listed twice in this text")
        seen.add(key)
        if d.get("category") in categories_total:
            categories_total[d["category"]] += 1
    pt = GOLD["totals"]["per_text"].get(name, {})
    ok(pt.get("demands") == len(g["demands"]), f"{name} totals", f"demands: gold says {pt.get('demands')}, counted {len(g['demands'])}")
    total += len(g["demands"])

ok(GOLD["totals"].get("texts") == len(GOLD["texts"]), "totals", "texts")
ok(set(GOLD["totals"].get("per_text", {})) == set(GOLD["texts"]), "totals", "per_text keys differ from texts")
ok(GOLD["totals"].get("demands") == total, "totals", f"demands: gold says {GOLD['totals'].get('demands')}, counted {total}")
ok(GOLD["totals"].get("demands_by_category") == categories_total, "totals",
   f"demands_by_category: gold says {GOLD['totals'].get('demands_by_category')}, counted {categories_total}")

# manifest rows match the gold texts
with open(HERE / "manifest.csv", encoding="utf-8-sig", newline="") as fh:
    reader = csv.DictReader(fh)
    rows = list(reader)
    header = reader.fieldnames
unseen_manifest = HERE.parent / "unseen" / "manifest.csv"
if unseen_manifest.exists():
    with open(unseen_manifest, encoding="utf-8-sig", newline="") as fh:
        ok(header == next(csv.reader(fh)), "manifest", f"columns differ from tests/unseen/manifest.csv: {header}")
ok({r["file"] for r in rows} == set(GOLD["texts"]) and len(rows) == len(GOLD["texts"]), "manifest", "files differ from gold texts")
ok(len({r["id"] for r in rows}) == len(rows), "manifest", "duplicate ids")
for r in rows:
    g = GOLD["texts"].get(r["file"], {})
    ok(re.fullmatch(r"[A-Za-z0-9._-]+", r["id"]) is not None, "manifest", f"{r['id']}: bad id")
    ok(r["date"] == g.get("reference_date"), "manifest", f"{r['file']}: date {r['date']} != reference_date")
    ok(r["outlet"] == g.get("outlet"), "manifest", f"{r['file']}: outlet differs from gold")
    ok(bool(r["outlet_evidence"]) and bool(r["date_evidence"]), "manifest", f"{r['file']}: outlet/date evidence missing")
    art = (HERE / r["file"]).read_text(encoding="utf-8")
    ok(not r["headline"] or art.split("\n")[0] == r["headline"], "manifest", f"{r['file']}: headline is not the first line")
    for col in ("headline", "byline"):
        ok(not r[col] or r[col] in art, "manifest", f"{r['file']}: {col} not printed verbatim")
        ok(bool(r[col]) or bool(r[col + "_evidence"]), "manifest", f"{r['file']}: empty {col} without evidence")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
