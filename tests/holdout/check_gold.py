#!/usr/bin/env python3
"""Stdlib-only consistency check for the held-out demand gold.

Usage: python3 check_gold.py [DIR]   (default: this file's directory)
Checks: articles exist and are UTF-8 with 200-600 words (first round 200-350, second round about 450-600); manifest rows match the texts;
every demand has the required fields; evidence occurs verbatim in its article; category,
stance, voice and kind come from the seed vocabularies; third_party records name a source
(and only they do, except refuse_to_confirm); (who, category, stance) is unique per text.
Last line: 'N passed, M failed'; exit status 1 on any failure.
"""
import csv, json, os, sys

CATEGORIES = {
    "accept_ceasefire", "end_the_war", "broader_settlement", "unspecified_conditions",
    "no_nato_membership", "cede_or_recognise_territory", "return_seized_territory",
    "sovereignty_not_negotiable", "halt_mobilisation_rearmament", "halt_western_military_aid",
    "ease_sanctions", "hold_ukrainian_election", "no_foreign_peacekeepers", "security_guarantees",
    "surrender_kursk_forces", "control_of_power_plant", "energy_infrastructure_truce",
    "prisoner_exchange", "other",
}
STANCES = {"demand", "condition", "propose", "accept", "accept_in_principle", "reject", "refuse_to_confirm"}
VOICES = {"quoted", "reported", "third_party", "outlet"}
KINDS = {"demand", "condition", "request", "proposal"}
REQUIRED = ["who", "of_whom", "what", "kind", "explicit", "evidence", "category", "stance", "voice"]
OPTIONAL = {"source", "note"}
MANIFEST_COLS = ["id", "file", "outlet", "outlet_evidence", "date", "date_evidence", "page_kind", "page_kind_evidence"]


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    passed = failed = 0

    def check(ok, msg):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", msg)

    gold = json.load(open(os.path.join(base, "gold.json"), encoding="utf-8"))
    check(set(gold) == {"version", "conventions", "texts"}, f"top-level keys {sorted(gold)}")
    conv = gold.get("conventions", {})
    for k in ("demands", "demand_fields"):
        check(isinstance(conv.get(k), str) and conv.get(k), f"conventions.{k} missing")
    check(any("invented" in v and "held-out" in v for v in conv.values() if isinstance(v, str)),
          "conventions must say these are invented held-out test articles")

    with open(os.path.join(base, "manifest.csv"), encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        check(reader.fieldnames == MANIFEST_COLS, f"manifest columns {reader.fieldnames}")
        rows = {r["file"]: r for r in reader}
    check(set(rows) == set(gold["texts"]), f"manifest files {sorted(rows)} vs gold {sorted(gold['texts'])}")

    for fname, t in gold["texts"].items():
        path = os.path.join(base, fname)
        try:
            raw = open(path, "rb").read()
            text = raw.decode("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            check(False, f"{fname}: cannot read as UTF-8 ({e})")
            continue
        n = len(text.split())
        check(200 <= n <= 600, f"{fname}: {n} words (want 200-600)")
        check("\n\n" in text and "\n\n\n" not in text, f"{fname}: paragraphs must be separated by one blank line")
        row = rows.get(fname)
        if row:
            check(row["date"] == t.get("reference_date"), f"{fname}: manifest date {row['date']} != reference_date {t.get('reference_date')}")
        check(isinstance(t.get("reference_date"), str) and len(t["reference_date"]) == 10, f"{fname}: reference_date")
        demands = t.get("demands")
        check(isinstance(demands, list) and demands, f"{fname}: demands missing")
        seen = {}
        for i, d in enumerate(demands or []):
            tag = f"{fname}[{i}] {d.get('who')}/{d.get('category')}/{d.get('stance')}"
            missing = [k for k in REQUIRED if k not in d]
            check(not missing, f"{tag}: missing fields {missing}")
            extra = set(d) - set(REQUIRED) - OPTIONAL
            check(not extra, f"{tag}: unknown fields {sorted(extra)}")
            for k in ("who", "of_whom", "what", "evidence"):
                check(isinstance(d.get(k), str) and d.get(k).strip(), f"{tag}: {k} must be a non-empty string")
            check(isinstance(d.get("explicit"), bool), f"{tag}: explicit must be boolean")
            check(d.get("category") in CATEGORIES, f"{tag}: category {d.get('category')!r}")
            check(d.get("stance") in STANCES, f"{tag}: stance {d.get('stance')!r}")
            check(d.get("voice") in VOICES, f"{tag}: voice {d.get('voice')!r}")
            check(d.get("kind") in KINDS, f"{tag}: kind {d.get('kind')!r}")
            ev = d.get("evidence") or ""
            check(ev in text, f"{tag}: evidence not verbatim in article: {ev!r}")
            if d.get("voice") == "quoted" and ev in text:
                pos = text.index(ev)
                para = text[:pos].rsplit("\n", 1)[-1]
                inside = para.count('"') % 2 == 1 or para.rfind("\u201c") > para.rfind("\u201d")
                check(inside, f"{tag}: voice quoted but evidence is not inside quotation marks")
            if d.get("voice") == "third_party":
                check(isinstance(d.get("source"), str) and d["source"].strip(), f"{tag}: third_party needs a source")
            elif "source" in d:
                check(d.get("stance") == "refuse_to_confirm", f"{tag}: source given but voice is not third_party")
            key = (d.get("who"), d.get("category"), d.get("stance"))
            check(key not in seen, f"{tag}: duplicate (who, category, stance), also record {seen.get(key)}")
            seen.setdefault(key, i)

    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
