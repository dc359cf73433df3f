"""Number claims: forms, values, qualifiers, what is counted; dates left out; discrepancies across outlets."""
from __future__ import annotations

import dataclasses

import pytest

import analysis
from analysis import numbers
from analysis.manifest import CorpusError

LEAD = "Officials gave new figures on the war in a long briefing to reporters on Monday. "


def claims_of(one_article, sentence: str):
    corpus = one_article(LEAD + sentence + "\n")
    table = numbers.number_claims(corpus)
    for start, end, text in zip(table["start"], table["end"], table["text"]):
        assert corpus.texts["story"][start:end] == text
    return table


@pytest.mark.parametrize("sentence, text, value, qualifier, quantity, unit", [
    ("The leaders of 26 other nations joined the call.", "26 other nations", 26, "exact", "countries", "count"),
    ("The coalition has grown beyond 30 countries willing to help.", "beyond 30 countries", 30, "more than",
     "countries", "count"),
    ("Each week brings 2,500 soldier deaths, from both sides.", "2,500 soldier deaths", 2500, "exact", "deaths",
     "count per week"),
    ("The front costs 1,200 soldier deaths a day.", "1,200 soldier deaths", 1200, "exact", "deaths", "count per day"),
    ("Russia controls about one-fifth of Ukrainian territory.", "about one-fifth of Ukrainian territory", 0.2, "about",
     "territory share", "share"),
    ("Moscow holds a third of the land in the region.", "a third of the land", 1 / 3, "exact", "territory share", "share"),
    ("Nearly 20% of the territory is mined.", "Nearly 20% of the territory", 0.2, "about", "territory share", "share"),
    ("Hundreds of thousands of people have been killed or wounded.", "Hundreds of thousands of people", 200_000,
     "lower bound", "casualties", "count"),
    ("Millions have been displaced since the invasion.", "Millions", 2_000_000, "lower bound", "displaced people", "count"),
    ("At least 1,200 civilians were killed in the city.", "At least 1,200 civilians", 1200, "at least", "deaths", "count"),
    ("Up to twelve drones were shot down overnight.", "Up to twelve drones", 12, "up to", "drones", "count"),
    ("The army now fields twenty-six brigades in the east.", "twenty-six brigades", 26, "exact", "brigades", "count"),
    ("Dozens of missiles struck the grid.", "Dozens of missiles", 24, "lower bound", "missiles", "count"),
    ("The EU offered €1.5 billion in aid to Kyiv.", "€1.5 billion in aid", 1.5e9, "exact", "aid", "EUR"),
    ("Washington sent $60bn of assistance.", "$60bn of assistance", 60e9, "exact", "aid", "USD"),
    ("Some 2,000 troops crossed the river.", "Some 2,000 troops", 2000, "about", "troops", "count"),
    ("More than 30 countries or more signed.", "More than 30 countries", 30, "more than", "countries", "count"),
    ("Ukraine agreed to a 30-day ceasefire.", "30-day ceasefire", 30, "exact", "duration (days)", "days"),
    ("The truce would hold for 30 days, the Kremlin said.", "30 days", 30, "exact", "duration (days)", "days"),
    ("It is a three-year-old conflict with no end in sight.", "three-year-old conflict", 3, "exact", "duration (years)",
     "years"),
    ("Moscow will hand over 23 wounded servicemen.", "23 wounded servicemen", 23, "exact", "troops", "count"),
])
def test_number_forms(one_article, sentence, text, value, qualifier, quantity, unit):
    table = claims_of(one_article, sentence)
    assert list(table["text"]) == [text]
    row = table.iloc[0]
    assert row["value"] == pytest.approx(value)
    assert (row["qualifier"], row["quantity"], row["unit"]) == (qualifier, quantity, unit)


def test_dates_years_times_and_names_are_not_claims(one_article):
    table = claims_of(one_article, "On 17 March 2025 the envoys, who first met in 2019 and again on March 19, "
                                   "resumed at 9 a.m. (1300 GMT) as World War Two veterans, the G7 and the pilots "
                                   "of F-16 jets invoked Article 5.")
    assert table.empty


def test_references_are_not_claims(one_article):
    table = claims_of(one_article, "The two leaders spoke at length. One of them said no one knew, and both sides "
                                   "agreed that one soldier was missing.")
    assert list(table["text"]) == ["one soldier"]


def test_quoted_figures_are_flagged(one_article):
    table = claims_of(one_article, "“We lost 300 tanks in a month,” the general said, adding that 40 tanks were repaired.")
    assert list(zip(table["text"], table["in_quote"])) == [("300 tanks", True), ("40 tanks", False)]


def test_uncoded_nouns_are_kept_as_written(one_article):
    table = claims_of(one_article, "They closed 14 airfields.")
    assert list(zip(table["quantity"], table["coded"])) == [("airfields", False)]


@pytest.mark.parametrize("values, agree", [
    ([(30, "exact"), (30, "exact")], True),
    ([(26, "exact"), (30, "exact")], False),
    ([(30, "more than"), (30, "exact")], False),
    ([(30, "at least"), (30, "exact")], True),
    ([(30, "about"), (32, "exact")], True),
    ([(30, "about"), (34, "exact")], False),
    ([(200_000, "lower bound"), (350_000, "about")], True),
    ([(12, "up to"), (20, "exact")], False),
])
def test_values_agree_within_qualifiers(values, agree):
    assert numbers.values_agree(values) is agree


def outlets_corpus(tmp_path, make_corpus, sentences: dict[str, str]):
    files, rows = {}, []
    for n, (outlet, sentence) in enumerate(sentences.items()):
        name = f"story{n}.txt"
        files[name] = f"{LEAD}{sentence}\n"
        rows.append({"id": f"story{n}", "file": name, "outlet": outlet, "outlet_evidence": "test",
                     "date": "2025-03-17", "date_evidence": "test"})
    return analysis.load_corpus(make_corpus(tmp_path, files, rows))


def test_different_counts_disagree(tmp_path, make_corpus):
    corpus = outlets_corpus(tmp_path, make_corpus, {
        "Wire A": "Leaders of 26 countries joined the call, and 40 drones were shot down.",
        "Paper B": "Leaders of 30 countries joined the call.",
    })
    table = numbers.number_discrepancies(numbers.number_claims(corpus))
    assert list(table.columns) == numbers.DISCREPANCY_COLUMNS
    countries = table[table["quantity"] == "countries"]
    assert list(countries["outlet"]) == ["Paper B", "Wire A"]
    assert list(countries["values"]) == ["30", "26"]
    assert list(countries["texts"]) == ["30 countries", "26 countries"]
    assert not countries["agree"].any() and set(countries["n_outlets"]) == {2}
    drones = table[table["quantity"] == "drones"]
    assert list(drones["outlet"]) == ["Wire A"] and drones["agree"].isna().all()
    assert list(table["quantity"]) == ["countries", "countries", "drones"]  # shared quantities first
    wide = numbers.side_by_side(table)
    assert list(wide.columns) == ["quantity", "unit", "agree", "Paper B", "Wire A"]
    assert wide.iloc[0].to_dict() == {"quantity": "countries", "unit": "count", "agree": False,
                                      "Paper B": "30 countries", "Wire A": "26 countries"}


def test_equal_counts_agree(tmp_path, make_corpus):
    corpus = outlets_corpus(tmp_path, make_corpus, {
        "Wire A": "Leaders of 30 countries joined the call.",
        "Paper B": "Leaders of 30 nations joined the call.",
        "Radio C": "Leaders of thirty states joined the call.",
    })
    table = numbers.number_discrepancies(numbers.number_claims(corpus))
    assert set(table["quantity"]) == {"countries"}
    assert table["agree"].all() and set(table["n_outlets"]) == {3}


def test_empty_corpus_gives_empty_tables(one_article):
    corpus = one_article(LEAD + "\n")
    corpus = dataclasses.replace(corpus, texts={}, articles=corpus.articles.iloc[0:0],
                                 segments=corpus.segments.iloc[0:0], paragraphs=corpus.paragraphs.iloc[0:0],
                                 sentences=corpus.sentences.iloc[0:0])
    claims = numbers.number_claims(corpus)
    assert claims.empty and list(claims.columns) == numbers.CLAIM_COLUMNS
    table = numbers.number_discrepancies(claims)
    assert table.empty and list(table.columns) == numbers.DISCREPANCY_COLUMNS
    assert list(numbers.side_by_side(table).columns) == ["quantity", "unit", "agree"]


def test_quantity_codebook_errors_name_the_line(tmp_path):
    path = tmp_path / "quantities.csv"
    path.write_text("head,quantity,role,unit,note\ntroops,troops,people,,\ntanks,tanks,vehicle,,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"line 3, field 'role'.*'vehicle' is not a role"):
        numbers.load_quantities(path)


def test_seed_numbers(seed_corpus):
    claims = numbers.number_claims(seed_corpus)
    for article_id, start, end, text in zip(claims["article_id"], claims["start"], claims["end"], claims["text"]):
        assert seed_corpus.texts[article_id][start:end] == text
    by_text = {(o, t): row for o, t, row in zip(claims["outlet"], claims["text"], claims.to_dict("records"))}
    irish = by_text[("The Irish Times", "26 other nations")]
    assert (irish["value"], irish["qualifier"], irish["quantity"]) == (26, "exact", "countries")
    guardian = by_text[("The Guardian", "beyond 30 countries")]
    assert (guardian["value"], guardian["qualifier"], guardian["quantity"]) == (30, "more than", "countries")
    deaths = by_text[("Reuters", "2,500 soldier deaths")]
    assert (deaths["value"], deaths["quantity"], deaths["unit"], deaths["in_quote"]) == (2500, "deaths", "count per week", True)
    share = by_text[("Reuters", "about one-fifth of Ukrainian territory")]
    assert (share["value"], share["qualifier"], share["quantity"]) == (pytest.approx(0.2), "about", "territory share")
    vague = by_text[("Reuters", "hundreds of thousands of people")]
    assert (vague["value"], vague["qualifier"]) == (200_000, "lower bound")
    assert not claims["text"].str.contains(r"\b(?:2014|2019|2022|2023|1300|GMT|G7)\b").any()
    table = numbers.number_discrepancies(claims)
    countries = table[table["quantity"] == "countries"]
    assert list(countries["outlet"]) == ["The Guardian", "The Irish Times"] and not countries["agree"].any()
    days = table[table["quantity"] == "duration (days)"]
    assert list(days["outlet"]) == ["Reuters", "The Guardian", "The Irish Times"]
    assert days["agree"].all() and set(days["values"]) == {"30"}
    outlets_own = numbers.number_discrepancies(claims, include_quoted=False)
    assert "deaths" in set(table["quantity"]) and "deaths" not in set(outlets_own["quantity"])
