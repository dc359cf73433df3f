"""Time expressions and events on small texts written for the test (reference: Monday 17 March 2025)."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.timeline import event_coverage, events, paragraph_time_focus, temporal_expressions, time_focus_shares


@pytest.fixture
def timexes(one_article):
    def run(text: str, date: str = "2025-03-17"):
        corpus = one_article(text, date)
        return corpus, temporal_expressions(corpus)
    return run


def values(table: pd.DataFrame) -> list[tuple[str, object]]:
    return [(t, None if pd.isna(v) else v) for t, v in zip(table["text"], table["value"])]


def test_weekdays_resolve_by_tense(timexes):
    _, found = timexes("Trump will speak to Putin on Tuesday. Witkoff said on Sunday that talks went well. "
                       "The Kremlin confirmed on Monday that the leaders would talk on Thursday. "
                       "Starmer hosted a virtual meeting on Saturday, he said.\n")
    assert values(found) == [("on Tuesday", "2025-03-18"), ("on Sunday", "2025-03-16"), ("on Monday", "2025-03-17"),
                             ("on Thursday", "2025-03-20"), ("on Saturday", "2025-03-15")]


def test_weeks_weekends_months_and_years(timexes):
    _, found = timexes("Putin said last week he supported the plan. A lot of work was done over the weekend. "
                       "They met at the White House last month. The troops seized the region in August. "
                       "In February last year, Russia banned the outlet. Russia seized Crimea in 2014.\n")
    assert values(found) == [("last week", "2025-W11"), ("over the weekend", "2025-W11-WE"), ("last month", "2025-02"),
                             ("in August", "2024-08"), ("In February last year", "2024-02"), ("in 2014", "2014")]


def test_clock_times_share_the_zone_of_their_range(timexes):
    _, found = timexes("The call is expected tomorrow between 9 a.m. and 11 a.m. ET (1300 GMT to 1500 GMT).\n")
    assert values(found) == [("tomorrow", "2025-03-18"), ("between 9 a.m.", "2025-03-18T09:00-04:00"),
                             ("11 a.m. ET", "2025-03-18T11:00-04:00"), ("1300 GMT", "2025-03-18T13:00Z"),
                             ("to 1500 GMT", "2025-03-18T15:00Z")]


def test_winter_time_and_other_zones(timexes):
    _, found = timexes("The talks began yesterday at 10:00 MSK and ended at 3 p.m. ET.\n", date="2025-01-15")
    assert values(found) == [("yesterday", "2025-01-14"), ("at 10:00 MSK", "2025-01-14T10:00+03:00"),
                             ("at 3 p.m. ET", "2025-01-14T15:00-05:00")]


def test_durations_sets_and_vague_references(timexes):
    _, found = timexes("Ukraine backed a 30-day ceasefire in the three-year-old war. Each week brings 2,500 deaths, "
                       "and talks lasted over several hours. Officials have now met several times in recent weeks.\n")
    assert values(found) == [("30-day", "P30D"), ("three-year-old", "P3Y"), ("Each week", "P1W"),
                             ("over several hours", "PTXH"), ("now", None), ("in recent weeks", None)]
    assert list(found["kind"]) == ["duration", "duration", "set", "duration", "vague", "vague"]


def test_overnight_weeks_ago_and_deadlines(timexes):
    _, found = timexes("Drones struck after overnight attacks, a week ago talks failed, and a deal is due by the weekend.\n",
                       date="2025-03-19")
    assert values(found) == [("after overnight", "2025-03-18TNI"), ("a week ago", "2025-W11"), ("by the weekend", "2025-W12-WE")]


def test_not_dates(timexes):
    """Counts, clock-free numbers, the verb 'may' and 'march' are not time expressions."""
    _, found = timexes("Some 2,500 soldiers may march on; 1,300 people fled. It may rain. He will act immediately.\n")
    assert found.empty


def test_anniversary_of_a_known_event(timexes):
    _, found = timexes("The UN voted on the third anniversary of its full-scale invasion.\n")
    assert values(found) == [("on the third anniversary of its full-scale invasion", "2025-02-24")]


def test_quote_anchor_is_the_day_of_speaking(timexes):
    _, found = timexes("Speaking on Friday, Rubio said: “We will know more tomorrow.”\n")
    by_text = dict(values(found))
    assert by_text["on Friday"] == "2025-03-14" and by_text["tomorrow"] == "2025-03-15"
    assert found.set_index("text").loc["tomorrow", "in_quote"]


def test_events_merge_across_outlets(tmp_path, make_corpus):
    files = {"a.txt": "Trump will speak to Putin by phone on Tuesday, the White House said.\n",
             "b.txt": "The Kremlin confirmed that Putin and Trump would talk on Tuesday.\n"}
    rows = [{"id": n[0], "file": n, "outlet": o, "outlet_evidence": "test", "date": "2025-03-17", "date_evidence": "test"}
            for n, o in (("a.txt", "Outlet A"), ("b.txt", "Outlet B"))]
    corpus = load_corpus(make_corpus(tmp_path, files, rows))
    table = events(corpus)
    call = table[(table["date"] == "2025-03-18") & (table["kind"] == "call")]
    assert len(call) == 1 and call["n_outlets"].iloc[0] == 2
    assert {"Donald Trump", "Vladimir Putin"} <= set(call["actors"].iloc[0].split("; "))
    coverage = event_coverage(corpus, table)
    assert list(coverage.columns) == ["Outlet A", "Outlet B"]
    assert coverage.loc[f"2025-03-18 · {call['event'].iloc[0]}"].tolist() == [1, 1]


def test_background_and_news_paragraphs(timexes):
    corpus, found = timexes("Donald Trump will call Vladimir Putin on Tuesday about the ceasefire.\n\n"
                            "Russia seized the Crimean peninsula from Ukraine in 2014, years before.\n\n"
                            "The war goes on along the whole front line, officials say.\n")
    focus = paragraph_time_focus(corpus, found)
    assert list(focus["focus"]) == ["news", "background", "undated"]
    shares = time_focus_shares(corpus, focus)
    words = focus.set_index("focus")["words"]
    assert shares.loc["Test Wire", "background"] == round(words["background"] / words.sum(), 4)


def test_event_coverage_has_one_column_per_outlet(tmp_path, make_corpus):
    import analysis
    from analysis.timeline import event_coverage, events
    rows = [{"id": name, "file": f"{name}.txt", "outlet": outlet, "outlet_evidence": "test", "date": "2025-03-17",
             "date_evidence": "test"} for name, outlet in (("a", "Wire"), ("b", "Wire"), ("c", "Paper"))]
    text = "Headline\n\nDonald Trump will speak to Vladimir Putin by phone on Tuesday.\n"
    folder = make_corpus(tmp_path, {"a.txt": text, "b.txt": "Headline\n\nNothing dated here at all.\n", "c.txt": text}, rows)
    corpus = analysis.load_corpus(folder)
    coverage = event_coverage(corpus, events(corpus))
    assert list(coverage.columns) == ["Wire", "Paper"]
    assert coverage.loc[coverage.index.str.contains("2025-03-18")].sum(axis=1).tolist() == [2]
