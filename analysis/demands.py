"""Demands and positions: who wants what from whom, who accepts or rejects it, who reports it.

The scheme is data: ``codebooks/demand_categories.csv`` (categories with their CAMEO code where
one fits and the usual target), ``demand_cues.csv`` (phrases that signal each category) and
``demand_stances.csv`` (phrases that signal a stance: demand, condition, propose, accept,
accept in principle, reject, refuse to confirm). ``demands(corpus)`` gives one row per
(article, who, category, stance) with its evidence span and its voice:

- ``quoted``: the position is in a direct quotation of who holds it;
- ``reported``: the outlet reports who's statement ("Putin said Ukraine must ...");
- ``third_party``: someone else reports it ("Witkoff said the Russian president accepts ...");
  ``source`` names them;
- ``outlet``: the outlet's own characterisation ("Putin in effect rejected the plan").

A sentence that lists several conditions ("including a halt to ... as well as a suspension of
...") yields one row per category. A proposal attributed inside a noun phrase ("a US-backed
proposal", "Washington's proposal") yields a ``propose`` row for its author.
"""
from __future__ import annotations

import csv
import dataclasses
import re
from bisect import bisect_right
from functools import lru_cache
from types import SimpleNamespace

import pandas as pd

from . import paths
from .actors import DEMONYMS, Codebook, default_codebook, phrase_start, subject_mentions
from .attribution import Tracker, verb_pattern
from .corpus import Corpus, CorpusError, rows_by_article
from .persons import speaking_mentions
from .quotes import quotes as quote_tables, transcript_turns
from .screen import LiteralScreen
from .speech import indirect_speech

STANCE_PRIORITY = ["refuse_to_confirm", "accept_in_principle", "reject", "condition", "accept", "demand", "propose"]
COLUMNS = ["article_id", "outlet", "who", "of_whom", "category", "cameo", "stance", "voice", "source", "start", "end",
           "evidence"]
# "a US-backed proposal", "Washington’s proposal", "a U.S.-proposed 30-day ceasefire": an author inside a
# noun phrase, this right after an actor's name.
AUTHORED = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}(?:proposal|plan|initiative|offer|terms|idea|suggestion|request)|-(?:backed|brokered|proposed|led|drafted)"
                      r"|\s+(?:proposal|plan|initiative|offer)\b")  # "a U.S. proposal", "the American initiative"
# "a proposal by Britain and France", "the plans of London and Paris": the authors after the noun
# (the actor layer reads a capital after "of" or "from" as a government after such nouns).
AUTHORED_BY = re.compile(r"\b(?:plans?|proposals?|initiatives?|offers?|ideas?|suggestions?|requests?)(?:\s+(?:of|from|by)|"
                         r"\s*,\s*(?:first\s+)?(?:put\s+forward|proposed|floated|pitched|suggested|made|raised)\s+by)\s+", re.I)
# "the idea, put forward by the American president, of a mutual refusal …", "a proposal from the
# American side that both stop hitting energy facilities": what the proposal says may follow its author.
PROPOSAL_CONTENT = re.compile(r"\s*,?\s*(?:of|for|on|that)\s+[^,;:.]{0,70}\Z", re.I)
# "At the President's request, Putin agreed to …": a proposal fronting the sentence is the author's
# for the positions the sentence names.
FRONTED_REQUEST = re.compile(r"\W*(?:At|On|Following|After|Upon)\s+(?=(?:the\s+)?\S+?[’']s\s+(?:[\w-]+\s+)?(?:request|proposal|"
                             r"suggestion|initiative|urging)\s*,)", re.I)
# "the American initiative", "a British-French plan", "the Russian and Chinese proposal": a
# demonym before the noun is its author, the demonym's state. "US" and "UK" are actor names
# already, read by AUTHORED.
_DEMONYM = "|".join(sorted((re.escape(d) for d in DEMONYMS if not d.isupper() and "." not in d), key=len, reverse=True))
DEMONYM_AUTHORED = re.compile(rf"\b(?P<authors>(?:{_DEMONYM})(?:(?:\s*[-–/]\s*|\s*,\s*|\s+and\s+)(?:{_DEMONYM}))*)"
                              r"(?:-(?:backed|brokered|proposed|led|drafted))?\s+(?:[a-z][\w-]*\s+)?"
                              r"(?:proposals?|plans?|initiatives?|offers?|ideas?|suggestions?)\b")


@lru_cache(maxsize=1)
def categories() -> pd.DataFrame:
    with open(paths.CODEBOOKS / "demand_categories.csv", encoding="utf-8", newline="") as handle:
        return pd.DataFrame(list(csv.DictReader(handle))).set_index("category")


@lru_cache(maxsize=1)
def _category_fields() -> dict[str, dict[str, str]]:
    """The categories codebook as plain dicts: looked up once per position found."""
    return categories().to_dict("index")


def _patterns(name: str, key: str) -> list[tuple[str, re.Pattern, str]]:
    """(key, compiled pattern, stance) for each row of a cue codebook (stance: the optional
    ``stance`` column, else ""); an expression that does not compile is reported with its file,
    line and field."""
    rows = []
    with open(paths.CODEBOOKS / name, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            stance = (row.get("stance") or "").strip()
            if stance and stance not in STANCE_PRIORITY:
                raise CorpusError(f"codebooks/{name}, line {reader.line_num}, field 'stance'",
                                  f"'{stance}' is not a stance",
                                  f"leave it empty or write one of: {', '.join(STANCE_PRIORITY)}")
            try:
                rows.append((row[key], re.compile(row["pattern"], re.I), stance))
            except (re.error, TypeError) as err:
                raise CorpusError(f"codebooks/{name}, line {reader.line_num}, field 'pattern'",
                                  f"not a valid regular expression ({err})",
                                  "correct the expression (Python re syntax; quote a pattern that contains a comma)") from None
    return rows


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, re.Pattern, str]]:
    """(category, pattern, stance) of each category cue; a cue with a stance says it whatever
    the clause's stance cues say ("Moscow has no say over where European troops go" rejects
    a Russian veto, though "no say" alone is no stance on anything)."""
    return _patterns("demand_cues.csv", "category")


# How far around a cue its ``context`` expression is looked for: about the sentence before, and the
# rest of the cue's own sentence ("… a reassurance force. Starmer says Russia cannot have a veto over that.")
CONTEXT_BEFORE, CONTEXT_AFTER = 400, 150


@lru_cache(maxsize=1)
def _cue_contexts() -> list[re.Pattern | None]:
    """For each category cue, in codebook order, the expression that must occur near it (the
    optional ``context`` column), or None: "no veto" is about foreign troops only where troops are
    being talked about."""
    contexts = []
    with open(paths.CODEBOOKS / "demand_cues.csv", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            written = (row.get("context") or "").strip()
            try:
                contexts.append(re.compile(written, re.I) if written else None)
            except re.error as err:
                raise CorpusError(f"codebooks/demand_cues.csv, line {reader.line_num}, field 'context'",
                                  f"not a valid regular expression ({err})",
                                  "correct the expression (Python re syntax), or leave the field empty") from None
    return contexts


@lru_cache(maxsize=1)
def _stances() -> dict[str, re.Pattern]:
    return {stance: pattern for stance, pattern, _ in _patterns("demand_stances.csv", "stance")}


@lru_cache(maxsize=1)
def _screen() -> LiteralScreen:
    """One screen for the category cues, then the stance cues in STANCE_PRIORITY order."""
    return LiteralScreen([p for _, p, _ in _cues()] + [_stances()[s] for s in STANCE_PRIORITY])


def demands(corpus: Corpus, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per demand or position (see the module docstring)."""
    codebook = codebook or default_codebook()
    found = speaking_mentions(corpus, codebook)
    voiced = quote_tables(corpus, codebook)["quotes"]
    reported = indirect_speech(corpus, codebook)
    outlets = corpus.outlet_of()
    info = _category_fields()
    rows = []
    # Plain (start, end, speaker) tuples per article: looked up once per cue, where a
    # DataFrame filter would cost more than the rest of the sentence's work.
    quotes_of = rows_by_article(voiced, "start", "end", "speaker")
    reports_of = rows_by_article(reported, "content_start", "content_end", "speaker")
    dates = dict(zip(corpus.articles["id"], corpus.articles["date"].fillna("").astype(str)))
    paragraphs_of = corpus.rows_of("paragraphs", "start", "end")
    for article_id, sentences in corpus.rows_of("sentences", "start", "end", "paragraph").items():
        text = corpus.texts[article_id]
        # A transcript's turns are its speakers' own words, as quotations are.
        q = quotes_of.get(article_id, []) + [turn for turn in transcript_turns(text, paragraphs_of.get(article_id, []),
                                                                               codebook, dates.get(article_id, ""))
                                             if turn[2]]
        mentions = _own_presidents(text, found.get(article_id, []), q, codebook)
        # "Putin agreed to Trump's proposal that both sides stop ...": the proposal's content is the
        # author's proposal (its row comes from the noun phrase), not speech whose speaker holds every
        # stance taken on it.
        r = [report for report in _reread_speakers(reports_of.get(article_id, []), found.get(article_id, []), mentions)
             if not PROPOSAL_REPORT.search(text, max(0, report[0] - 30), report[0])]
        tracker = Tracker(codebook, text, mentions, [(start, end) for start, end, _ in sentences],
                          [(start, end) for start, end, _ in q])
        where = _screen().scan(text)
        antecedents = []  # categories named in the last sentences: what "the proposal" points back to
        heading, head_paragraph, bulleted = None, None, False  # "Moscow's asks:" over a bulleted list
        first_row = len(rows)
        for index, (s_start, s_end, paragraph) in enumerate(sentences):
            if s_start == 0 or text[s_start - 1] == "\n":  # a line of its own: a bullet, or the list has ended
                bulleted = BULLET.match(text, s_start) is not None
                if not bulleted and paragraph != head_paragraph:
                    heading = None
            named = _cue_hits(text, s_start, s_end, where)
            if named:
                # a truce named as the condition of an offer ("only once a ceasefire is in place") is
                # not what "the idea" in a later sentence points back to
                antecedents = [(s_start, category) for category, start, _ in named
                               if not (category == "accept_ceasefire" and ONLY_ONCE.search(text, max(s_start, start - 40), start))] \
                    + antecedents
            elif antecedents:
                named = _anaphor_hits(text, s_start, s_end, antecedents)
            # answers to a question: a refusal to confirm, or a plain yes or no
            refused = not named and _stances()["refuse_to_confirm"].search(text, s_start, s_end)
            answers = _unanswered(text, s_start, s_end, sentences, mentions, q, codebook, where) if refused else []
            for item in answers + _answered(text, index, sentences, mentions, q, where):
                rows.append({"article_id": article_id, "outlet": outlets[article_id], **item,
                             "of_whom": info[item["category"]]["default_target"],
                             "cameo": info[item["category"]]["cameo"], "evidence": text[item["start"]:item["end"]]})
            inherited = (heading[0], s_start, heading[1]) if heading and bulleted else None
            for item in _sentence(text, s_start, s_end, mentions, q, r, codebook, tracker, named, inherited, where) if named else ():
                category = item["category"]
                rows.append({"article_id": article_id, "outlet": outlets[article_id], **item,
                             "of_whom": item.get("of_whom") or info[category]["default_target"],
                             "cameo": info[category]["cameo"], "evidence": text[item["start"]:item["end"]]})
            if text[s_start:s_end].rstrip().endswith(":"):
                heading, head_paragraph = _bullet_heading(text, mentions, s_start, s_end), paragraph
        rows[first_row:] = _referred_back(_unsummarised(_others_conditions(rows[first_row:], text, mentions), codebook, text, sentences))
    table = pd.DataFrame(rows, columns=COLUMNS)
    # A position is listed once per article: the first evidence of each (who, category, stance).
    return table.drop_duplicates(["article_id", "who", "category", "stance"]).reset_index(drop=True)


# "Other conditions that Moscow has put to the American side", "declining to list them": conditions
# left unnamed on purpose, not a summary of those the article names.
WITHHELD = re.compile(r"\b(?:unnamed|unspecified|undisclosed)\s+(?:[\w-]+\s+)?(?:pre)?conditions"
                      r"|\bdeclin\w*\s+to\s+(?:list|specify|name|spell|detail)"
                      r"|\b(?:would|will|did|does|do|could)\s+not\s+(?:name|list|specify|detail|disclose)", re.I)
# Conditions beyond those already named: unspecified unless the sentence goes on to spell them out.
OTHER_CONDITIONS = re.compile(r"\b(?:other|further|additional|more)\s+(?:[\w-]+\s+)?(?:pre)?conditions", re.I)


SPELLED_OUT = re.compile(r"[^.;:]{0,70}?(?::|\bincluding\b|\bsuch\s+as\b|\bnamely\b|\bamong\s+them\b)", re.I)


def _unsummarised(rows: list[dict], codebook: Codebook, text: str, sentences) -> list[dict]:
    """An article's rows without the unspecified conditions that only sum up conditions it spells
    out: right after them ("set out several conditions, the statement said, including ...", "a list
    of conditions: ..."), or, in the headline, anywhere by the same camp ("Putin lists conditions
    for full ceasefire") — unless the words say the conditions are others or withheld."""
    def camp(who):
        return codebook.actor(who).get("camp") or who
    specific = [row for row in rows if row["category"] != "unspecified_conditions" and row["stance"] in ("condition", "demand")]
    camps = {camp(row["who"]) for row in specific if row["stance"] == "condition"}
    ends = [end for _, end, _ in sentences]
    headline_end = text.find("\n") if "\n" in text else len(text)

    def summary(row):
        sentence_end = ends[min(len(ends) - 1, bisect_right(ends, row["start"]))]
        noun = re.search(r"\b(?:pre)?conditions\b|\bterms\b|\bdemands\b", text[row["start"]:row["end"]], re.I)
        if WITHHELD.search(text, max(0, row["start"] - 40), sentence_end):
            return False
        spelled = SPELLED_OUT.match(text, row["start"] + noun.end() if noun else row["end"], sentence_end)
        if spelled and any(spelled.start() <= other["start"] < sentence_end for other in specific):
            return True  # "further conditions: ..." spells them out, "further" or not
        if OTHER_CONDITIONS.search(text, max(0, row["start"] - 40), row["end"]):
            return False
        if noun and DEFINITE_CONDITIONS.search(text, max(0, row["start"] + noun.start() - 60), row["start"] + noun.start()) \
                and noun.group().lower() != "demands" and camp(row["who"]) in camps:
            return True  # "The conditions Putin set out", "Putin named his conditions": the ones the article lists
        return row["start"] < headline_end and camp(row["who"]) in camps
    return [row for row in rows if row["category"] != "unspecified_conditions" or not summary(row)]


def _referred_back(rows: list[dict]) -> list[dict]:
    """An article's rows without the demands only named in passing ("Kyiv rejected the Russian
    demand for an end to aid") when the article codes that holder's condition on the same thing:
    the noun refers back to the condition, it is no new position."""
    conditions = {(row["who"], row["category"]) for row in rows if row["stance"] == "condition"}
    return [row for row in rows if not (row.get("referred") and (row["who"], row["category"]) in conditions)]


# "the conditions", "his conditions", "Moscow's terms": conditions already known to the reader.
DEFINITE_CONDITIONS = re.compile(r"(?:\b(?:the|his|her|its|their)|[’']s?)\s+(?:(?:[\w-]+\s+)?(?:own|main|key|stated|latest|new)\s+)?\Z", re.I)


def _others_conditions(rows: list[dict], text: str, mentions) -> list[dict]:
    """Without the unspecified conditions a row gives to someone who only speaks of another's
    ("Estonia's prime minister says the conditions Moscow has attached show ...", "the American
    side has said little about Moscow's other conditions"): conditions are held by whoever sets them."""
    def owner(row):
        for noun in CONDITIONS_NOUN.finditer(text, max(0, row["start"] - 60), min(len(text), row["end"] + 60)):
            before = next((m for m in mentions if m.actor and not m.in_title and m.end <= noun.start()
                           and POSSESSIVE_GAP.fullmatch(text, m.end, noun.start())), None)
            if before is not None:
                return before.actor
            after = next((m for m in mentions if m.actor and not m.in_title and noun.end() < m.start <= noun.end() + 80
                          and CONDITIONS_RELATIVE.fullmatch(text, noun.end(), m.start) and SETTING_VERB.match(text, m.end)), None)
            if after is not None:
                return after.actor
        return None
    return [row for row in rows if row["category"] != "unspecified_conditions" or owner(row) in (None, row["who"])]


CONDITIONS_NOUN = re.compile(r"\b(?:pre)?conditions\b|\bterms\b", re.I)
POSSESSIVE_GAP = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,2}")
CONDITIONS_RELATIVE = re.compile(r"(?:\s+(?:for|of|on)\s+(?:[\w-]+\s+){1,6}?)??,?\s+(?:(?:that|which)\s+)?"
                                 r"(?:(?:the|his|her)\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}")
SETTING_VERB = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:(?:already|now|also)\s+)?(?:attached|put|set|laid|named|listed|"
                          r"imposed|placed|tied|added|presented|spelled|spelt|advanced)\b", re.I)


# "Did Moscow ask Washington to ...?", "Will the Prime Minister confirm that Putin ...?": who the
# question says holds the position; the one asked to "confirm" it is not.
QUESTION_OPENING = re.compile(r"\b(?:did|does|do|will|would|has|have|had|is|are|was|were|can|could|should)\b", re.I)
CONFIRM_THAT = re.compile(r"\b(?:confirm|say|tell\s+us|deny|rule\s+out)\s+(?:that|whether|if)\b", re.I)


def _unanswered(text, s_start, s_end, sentences, mentions, quoted, codebook, where) -> list[dict]:
    """A transcript's refusal to answer ("PESKOV: I cannot confirm that.") leaves the position the
    question just before it put to the speaker unconfirmed: the question's holder holds it, in the
    refuser's report. The question is the sentence before, or one in the paragraph before when the
    refusal opens its turn; the first that names a position is the one answered."""
    at = next(i for i, (a, _, _) in enumerate(sentences) if a == s_start)
    paragraph = sentences[at][2]
    before = [s for s in sentences[:at] if s[2] == paragraph]
    if before and text[before[-1][0]:before[-1][1]].rstrip().endswith("?"):
        asked = [before[-1]]
    elif len(before) <= 1:
        earlier = [s for s in sentences[:at] if s[2] != paragraph]
        asked = [s for s in sentences[:at] if earlier and s[2] == earlier[-1][2]
                 and text[s[0]:s[1]].rstrip().endswith("?")]
    else:
        asked = []
    # a turn's speaker label ("WALTZ:") stands before the turn's words, inside the sentence
    refuser = next((sp for a, b, sp in quoted if a < s_end and s_start < b and isinstance(sp, str)), None) \
        or next((m.actor for m in subject_mentions(text, mentions, s_start, s_end)), None)
    if refuser is None:
        return []
    for q_start, q_end, _ in asked:
        # in text order: the question's first position is what its verb asks about (cue hits come in codebook order)
        hits = sorted((h for h in _cue_hits(text, q_start, q_end, where) if not CONDITIONS_FOR.search(text, q_start, h[1])),
                      key=lambda h: h[1])
        opening = CONFIRM_THAT.search(text, q_start, q_end) or QUESTION_OPENING.search(text, q_start, q_end)
        if not hits or opening is None:
            continue
        holder = next((m for m in mentions if opening.end() <= m.start < hits[0][1] and m.actor and not m.in_title), None)
        if holder is None:
            return []
        who = holder.actor
        if holder.form == "description" and BARE_OFFICE.fullmatch(text, holder.start, holder.end):
            # "Did the president insist ...?" put to Peskov: his own president
            camp = codebook.actor(refuser).get("camp")
            who = (codebook.head_of_state(camp) if camp else None) or who
        if who == refuser:
            return []
        return [{"who": who, "category": hits[0][0], "stance": "refuse_to_confirm", "voice": "third_party",
                 "source": refuser, "start": s_start, "end": s_end}]
    return []


# An answer given to a yes-or-no question about a position: "Asked whether Kyiv would halt
# mobilisation, Sybiha said: 'No. ...'", "QUESTION: Will Ukraine accept ...? ZELENSKYY: No."
ANSWER_VERB = re.compile(r"\b(?:said|says|replied|replies|answered|answers|responded|responds|told\s+(?:[\w’'.-]+\s+){1,3}?|"
                         r"(?:was|is)\s+(?:categorical|blunt|clear|emphatic|unequivocal|firm|adamant))\b", re.I)
ANSWER_NO = re.compile(r"[\s:,.]*(?:that\s+)?[“\"]?\s*(?:(?:absolutely|certainly|definitely|categorically|simply)\s*,?\s+)?no\b"
                       r"(?!\s+(?:doubt|one|comment|details?|decision|longer)\b)"
                       r"|[\s:,]*(?:that\s+)?(?:there\s+(?:were|was|are|is)|(?:it|he|she|they|we|[A-Z][\w’'-]+)\s+(?:had|has|have))"
                       r"\s+no\s+(?:such\s+)?(?:plans?|intention)\b", re.I)
ANSWER_YES = re.compile(r"[\s:,.]*(?:that\s+)?[“\"]?\s*(?:(?P<principle>in\s+principle|broadly|in\s+general)\s*,?\s+)?"
                        r"(?:(?:absolutely|certainly|of\s+course)\s*,?\s+)?yes\b", re.I)
ANSWER_CONDITION = re.compile(r"\byes\b[^.;!?]{0,20}?\b(?:if|provided|as\s+long\s+as|so\s+long\s+as|on\s+condition)\b", re.I)
# a question about whether someone wanted a thing ("asked whether Moscow had sought ..."): a "no"
# denies the demand, it does not refuse the thing
QUESTION_WANTING = re.compile(r"\b(?:demanded|sought|insisted|asked|pressed|wanted|requested|raised|called\s+for|"
                              r"(?:had|has|have|did|does|do)\s+(?:\w+\s+){0,3}?(?:demand|ask|seek|insist|press|want|call|request|raise|push))\b", re.I)
QUESTION_TERMS = re.compile(r"\b(?:without|unless|only\s+(?:if|when|once|after)|provided|as\s+long\s+as|so\s+long\s+as|"
                            r"in\s+(?:exchange|return)\s+for)\b", re.I)
TURN_LABEL = re.compile(r"\s*[A-Z][A-Z .’'-]{1,40}:\s*")


def _answer(text: str, at: int, end: int) -> tuple[str, int] | None:
    """("reject" | "accept" | "accept_in_principle", end) of a yes or no answer starting at ``at``."""
    no = ANSWER_NO.match(text, at, end)
    if no is not None:
        return "reject", no.end()
    yes = ANSWER_YES.match(text, at, end)
    if yes is not None:
        return ("accept_in_principle" if yes.group("principle") else "accept"), yes.end()
    return None


def _answered(text, at, sentences, mentions, quoted, where) -> list[dict]:
    """The answerer's stance on the position a yes-or-no question put to them: no rejects it and
    yes accepts it, whether the question is reported in the same sentence (``sentences[at]``:
    "Asked whether ..., X said: 'No.'") or asked in the turn before ("QUESTION: Will Ukraine ...?
    ZELENSKYY: No.")."""
    s_start, s_end, _ = sentences[at]
    asked = ASKED.match(text, s_start, s_end)
    if asked is not None:
        verb = ANSWER_VERB.search(text, asked.end(), s_end)
        answerer = None if verb is None else next(
            (m for m in reversed(mentions) if asked.end() < m.start and m.end <= verb.start()
             and re.fullmatch(r",?\s*", text[m.end:verb.start()]) and m.actor and not m.in_title), None)
        if answerer is None:
            return []
        question = (asked.end(), phrase_start(text, answerer))
        speaker = answerer.actor
        reply_at, reply_end = verb.end(), s_end
        if re.fullmatch(r"[\s.:]*", text[verb.end():s_end]) and at + 1 < len(sentences) \
                and sentences[at + 1][2] == sentences[at][2]:
            reply_at, reply_end = sentences[at + 1][0], sentences[at + 1][1]  # "Carney was categorical. 'No ...'"
    else:
        label = TURN_LABEL.match(text, s_start, s_end)
        turn = next((sp for a, b, sp in quoted if a <= s_start + (label.end() - s_start if label else 0) < b
                     and isinstance(sp, str)), None)
        if turn is None or at == 0 or not text[sentences[at - 1][0]:sentences[at - 1][1]].rstrip().endswith("?"):
            return []
        question = (sentences[at - 1][0], sentences[at - 1][1])
        opening = QUESTION_OPENING.search(text, *question)
        if opening is None:
            return []
        question = (opening.end() + 1, question[1])
        speaker, reply_at, reply_end = turn, label.end() if label else s_start, s_end
    reply = _answer(text, reply_at, reply_end)
    if reply is None or QUESTION_WANTING.search(text, *question) or _stances()["reject"].search(text, *question) \
            or QUESTION_TERMS.search(text, *question):
        return []  # a no to "... without a US backstop?" refuses the terms, not the thing
    hits = sorted((h for h in _cue_hits(text, question[0], question[1], where)
                   if not CONDITIONS_FOR.search(text, question[0], h[1])), key=lambda h: h[1])
    if not hits or CONDUCT.match(text, hits[0][2], question[1]):
        return []  # "Is the exchange going ahead today?": a yes tells what happens, not a stance
    stance, reply_stop = reply
    voice = "quoted" if any(a <= reply_at < b or reply_at <= a < reply_stop for a, b, _ in quoted) else "reported"
    rows = [{"who": speaker, "category": hits[0][0], "stance": stance, "voice": voice, "source": "",
             "start": question[0], "end": reply_stop}]
    if stance != "reject" and ANSWER_CONDITION.search(text, reply_at, reply_end):
        rows.append({**rows[0], "stance": "condition"})  # "In principle, yes, if Russia sticks to it."
    return rows


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence where a new clause begins: after a semicolon or dash, before a clause
    with its own subject, a relative clause ("which he has hinted ..."), "but", "and that", or
    a participle clause (", instead outlining ...", ", with Zakharova calling it ..."), or a comment on what came before (", in what
    amounted to a rejection of ...")."""
    cuts = [start]
    for m in re.finditer(r";|\s[–—-]\s|,\s+(?=(?:while|but|although|whereas|the|a|an|he|she|they|it|and|as well)\b)"
                         r"|(?<=\w),\s+(?=[A-Z])|\s(?=(?:but|which)\s)|\s(?=that\s+(?:Mr\s+)?[A-Z])|\s(?=as\s+(?:he|she|they|it)\s)|\s(?=and that\s)|\s(?=and\s+(?:(?:also|then|instead)\s+)?(?:said|says|added|insisted|stressed|argued|warned|demanded|demands|urged|urges|rejected|rejects|refused|refuses|ruled\s+out|rules\s+out|dismissed|dismisses|called\s+(?:for|on)|calls\s+(?:for|on)|pressed|presses|sought|seeks|proposed|proposes|offered|offers|accepted|accepts|welcomed|welcomes)\b)|\s(?=as\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){1,3}(?:demands|demanded|insists|insisted|wants|wanted|seeks|sought|calls\s+for|called\s+for)\b)|,\s+(?=(?:instead\s+)?\w+ing\b)|,\s+(?=in\s+what\s)|,\s+(?=with\s+(?:[\w’'.-]+\s+){1,6}?\w+ing\b)",
                         text[start:end]):
        if m.group().isspace() and text[start + m.end():start + m.end() + 5] == "that " and COMPLEMENT_NOUN.search(text, start, start + m.start()):
            continue  # "dismissed the idea that Ukraine's partners should ...": the noun's content, not a new clause
        if m.group().startswith(",") and PARENTHETICAL.search(text, start, start + m.start()):
            continue  # "his answer was, in effect, a no": the aside belongs to the clause it interrupts
        if m.group().startswith(",") and ROLE_BEFORE.search(text, start, start + m.start()):
            continue  # "with his US counterpart, Donald Trump, to suspend ...": a name in apposition, no new clause
        cuts.append(start + m.end())
    cuts.append(end)
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


ROLE_BEFORE = re.compile(r"\b(?:counterpart|president|leader|minister|envoy|spokes(?:man|woman|person)|aide|chief|secretary|"
                         r"advis[eo]r|premier|chancellor)\Z", re.I)
PARENTHETICAL = re.compile(r",\s*(?:in\s+effect|in\s+other\s+words|in\s+practice|in\s+substance|in\s+short|effectively|"
                           r"essentially|in\s+all\s+but\s+name)\Z", re.I)
COMPLEMENT_NOUN = re.compile(r"\b(?:idea|notion|suggestion|claim|proposal|demand|insistence)\Z", re.I)
TROOPS = re.compile(r"\b(?:troops|soldiers|forces?|contingents?|peacekeep\w*|deploy\w*)\b", re.I)
# A negation just before a cue: "would never recognise ...", "will not give up land" (but in "will
# not use any pause" the negation is of another verb).
# A topic not discussed ("had not discussed military aid") is no position.
NEGATED = re.compile(r"(?:\b(?:never|not|no longer)|n[’']t)\s+(?!(?:[\w’'-]+\s+)?(?:discuss|raise|mention|talk|address|touch)"
                     r"\w*\s)(?:\w+ly\s+)?\Z", re.I)
# A ceasefire named as a time frame ("in the event of a ceasefire", "while any truce holds") or as what
# the other side would exploit ("must not use any pause to rearm") is not one being asked for.
CEASEFIRE_AS_TIME = re.compile(r"(?:\b(?:in the event of|after|during|once|until|without|lack of|post-|before|secure|monitor|police|"
                               r"guarantee|uphold|enforce|oversee|verify|underpin|safeguard|over|while|throughout|duration of|"
                               r"(?:as|so) long as|use|uses|used|using|exploit(?:s|ed|ing)?)\s+(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+)?|\bfuture\s+)$", re.I)
# "no easing of sanctions before any full ceasefire", "would oppose any easing before Russian troops
# leave": what is withheld until something happens makes that its condition, not a time frame.
WITHHELD_UNTIL = re.compile(r"(?:\b(?:no|not|never|ruled?\s+out|rules\s+out|out\s+of\s+the\s+question|oppos(?:e|es|ed|ing))\b|n[’']t\b)[^.;:!?,]{0,100}?\b(?:until|before|unless|(?:as|so)\s+long\s+as)\s+"
                            r"(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+){0,6}?$", re.I)


def _withheld_until(text: str, start: int, cue_start: int) -> bool:
    """Whether the words before ``cue_start`` (from ``start``, at most 150 characters back) withhold
    something until the position there: "no easing of sanctions before any [full ceasefire]"."""
    return WITHHELD_UNTIL.search(text[max(start, cue_start - 150):cue_start]) is not None


# A clause that only sets a condition on the clause before it ("..., but only as long as Russia
# does the same", "– provided Moscow reciprocates").
# "when", "once" and "after" set a condition only after "only": ", when they spoke" dates a clause.
TRAILING_CONDITION = re.compile(r"\W*(?:but\s+)?(?:(?P<only>only\s+)(?:if|once|when|after|as\s+long\s+as|so\s+long\s+as)|"
                                r"if|as\s+long\s+as|so\s+long\s+as|provided|on\s+condition)\b", re.I)
# "ready to support it, but wants to see the details first", "... but wants the details", "... but wanted
# the list of facilities agreed first": support held back until the terms are
# known, which the gold codes as acceptance in principle.
HEDGED = re.compile(r"\W*but\s+(?:that\s+)?(?:[\w’'-]+\s+){0,3}?(?:wants?|wanted|needs?|needed|must|has\s+to|have\s+to|had\s+to|"
                    r"would\s+like)\s+(?:first\s+)?(?:to\s+)?(?:see|know|hear|learn|study|understand|read)\s+[\"“]?(?:[\w’'-]+\s+){0,3}?"
                    r"(?:what|how|who|whether|which|exactly|details?|terms|text|fine\s+print|paper|writing|list)\b"
                    # "but wanted the details first", "but only once he knows which facilities it covers"
                    r"|\W*but\s+(?:[\w’'-]+\s+){0,2}?(?:wants?|wanted|needs?|needed)\s+(?:to\s+see\s+)?(?:the\s+)?"
                    r"(?:(?:details|specifics|fine\s+print|text)(?:\s+first\b|(?=\s*(?:[.;,]|$)))|(?:list|terms|parameters)\s+of\b)"
                    r"|\W*but\s+only\s+(?:once|when|after)\s+(?:he|she|they|we|it|I|Kyiv|Kiev)\s+(?:\w+\s+)?"
                    r"(?:knows?|sees?|seen|understands?|learns?)\s+(?:[\w’'-]+\s+){0,2}?(?:what|which|how|who|whether|the\s+details)\b", re.I)
BUT = re.compile(r"\bbut\b", re.I)
# "would deploy troops only once a ceasefire is in place": a truce set as the condition, not a time frame.
ONLY_ONCE = re.compile(r"\bonly\s+(?:once|after|when|if)\s+(?:an?\s+|the\s+|any\s+)?(?:[\w-]+\s+)?\Z", re.I)
# "... but only once a ceasefire is in place": a truce first, as the condition of an offer.
TRUCE_FIRST = re.compile(r"\bonly\s+(?:once|after|when|if)\s+(?:a|an|the|any)\s+(?:[\w-]+\s+){0,2}?(?:ceasefire|cease-fire|truce)\b", re.I)
STRIKING = re.compile(r"(?:strike|hit|attack|target|fire\s+(?:at|on)|bomb)\b", re.I)
RECIPROCAL = re.compile(r"\b(?:if|as\s+long\s+as|so\s+long\s+as|provided|on\s+condition|only\s+when|unless)\b", re.I)
BUT_NOT = re.compile(r"(?:\bbut|[,;–—])\s*not\s+(?:(?:to|on|for|with|in)\s+)?(?:(?:a|an|the|any)\s+)?(?:[\w-]+\s+){0,2}?\Z", re.I)
# The terse form, in headlines and bulletins: "Ukraine will back energy truce, needs details".
DETAILS_WANTED = re.compile(r"[^,;–—]{0,40}[,;–—]\s*(?:but\s+)?(?:(?:he|she|it|they|Kyiv|Kiev|Ukraine)\s+)?(?:still\s+)?"
                            r"(?:wants?|needs?|wanted|needed|seeks?|sought|asks?\s+for|asked\s+for|awaits?|awaited)\s+"
                            r"(?:to\s+(?:see|know)\s+)?[\"“]?(?:more\s+|the\s+|further\s+|full\s+)?(?:details|specifics|clarity|clarification)\b", re.I)
NO_PLANS = re.compile(r"\b(?:no|not\s+any)\s+(?:[\w-]+\s+)?(?:plans?|intention|intentions)\s+(?:to|of)\b|"
                      r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+\s+)?(?:plan|plans|planning|intend|intends|intending)\s+to\b", re.I)
# An inverted past conditional: "Had Putin accepted the truce, the guns would be silent".
COUNTERFACTUAL = re.compile(r"\W*(?:[Ii]f\s+only\s+|[Ee]ven\s+)?Had\s+(?:[\w’'.-]+\s+){1,4}?(?:not\s+)?\w+(?:ed|en|ne)\b")
# "... allow Kiev to regroup and rearm": what a position is said to lead to, not a position.
ARGUMENT = re.compile(r"\b(?:allow|allows|allowing|let|lets|enable|enables|help|helps)\s+(?:[\w’'-]+\s+){1,3}?to\s+"
                      r"(?:[\w-]+\s+(?:and|or)\s+)?(?:[\w-]+\s+)?\Z", re.I)
ACCUSATION = re.compile(r"\b(?:accus(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|blam(?:e|es|ed|ing))\s+(?:[\w’'.-]+\s+){1,4}?(?:of|for)\s+", re.I)
# Categories that forbid something: an objection to that thing holds the category (see _sentence).
PROHIBITIONS = {"no_nato_membership", "no_foreign_peacekeepers"}
# Positions that are themselves a halt: refusing to stop the thing ("will not stop mobilising",
# "would not end intelligence sharing") rejects them.
HALTINGS = {"halt_mobilisation_rearmament", "halt_western_military_aid", "energy_infrastructure_truce"}
HALTING_VERB = re.compile(r"\b(?:stop|stops|halt|halts|end|ends|suspend|suspends|cease|ceases|freeze|freezes|pause|pauses|"
                          r"curb|curbs|cut\s+off|scale\s+back)\s+(?:(?:the|its|their|all|any|further)\s+)?\Z", re.I)
AGREEMENT_BEFORE = re.compile(r"\b(?:agreement|deal|settlement|accord|ceasefire|truce)\b(?:\s+that)?\s+(?:[\w’'-]+\s+){0,3}$", re.I)
# "the ban on foreign peacekeepers", "no foreign troops": a cue that states the ban, not the troops
BAN_STATED = re.compile(r"(?:no|(?:a\s+|the\s+)?(?:ban|bar|prohibition)\s+on)\s", re.I)
OBJECTION = re.compile(r"\b(?:object(?:s|ed)? to|refus(?:e|es|ed|ing) to (?:countenance|accept|allow|tolerate)|oppos(?:e|es|ed)|rule[sd]? out|(?:will|would|does|do) not accept|won’t accept|(?:said|says|say) no[”\"’]? to|"
                       r"(?:does|do|did)\s+not\s+want|(?:doesn|don|didn)[’']t\s+want|reject(?:s|ed)?|negative attitude|unacceptable|out\s+of\s+the\s+question|a\s+non-starter|"
                       r"unthinkable|inadmissible|impermissible|off\s+the\s+table|not\s+going\s+to\s+happen|a\s+(?:firm|flat|clear|resounding)\s+no)\b", re.I)
# "an energy truce", "a partial ceasefire": not the full ceasefire of accept_ceasefire.
PARTIAL_TRUCE = re.compile(r"\b(?:energy|partial|limited|infrastructure|Black Sea|maritime|air)\W+(?:[\w-]+\s+)?$", re.I)
PARTIAL_WITHIN = re.compile(r"(?:energy|partial|limited|infrastructure|maritime|air)\b", re.I)  # "the energy pause"
PARTIAL_AFTER = re.compile(r"\s+(?:on|for|covering)\s+(?:energy|infrastructure|power|shipping|the Black Sea)", re.I)
# "the partial truce agreed by Trump and Putin", "the ceasefire sought by Trump": a passive whose
# agents hold the position, with the stance of its verb (acceptance unless AGENT_STANCE says otherwise).
BY_AGENT_VERB = re.compile(
    r"\b(?P<verb>agreed(?:\s+(?:on|to))?|accepted|backed|endorsed|supported|welcomed|sought|demanded|wanted|requested|"
    r"proposed|put\s+forward|floated|pitched|suggested|offered|promised|pledged|drafted|set\s+out|laid\s+out|championed|promoted|advocated|"
    r"rejected|dismissed|refused|opposed|ruled\s+out|turned\s+down)\s+(?:(?:out\s+of\s+hand|outright|once\s+(?:more|again)|again|firmly|flatly)\s+)?"
    r"(?:(?:this|last)\s+week\s+|on\s+\w+day\s+)?by\s+", re.I)
# "an exchange agreed during the call": a participle after the cue, the passive without its agent.
PARTICIPLE = re.compile(r"agreed|accepted|backed|endorsed|welcomed|approved", re.I)
PARTICIPLE_NOUN = re.compile(r"\b(?:a|an|the|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:exchange|swap|truce|ceasefire|deal|pause|"
                             r"moratorium|halt|plan|proposal|agreement|arrangement|understanding)\s+(?:\w+ly\s+)?\Z", re.I)
# "Putin's idea of ... was welcomed by Trump": the same passive further on, as the clause's verb.
PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:(?:\w+ly|in\s+(?:effect|practice))\s+)?"
                        + BY_AGENT_VERB.pattern, re.I)
# "Washington's push for a full truce ran into a wall in Moscow", "… was met with scepticism in
# Brussels": a cold reception, and where it was met holds a rejection.
RECEIVED = re.compile(
    r"\b(?P<verb>(?:ran|runs|run|running|hit|hits)\s+(?:into\s+)?a\s+(?:brick\s+)?wall|"
    r"(?:not|hardly)\s+(?:been\s+)?(?:met|greeted|received|welcomed)\s+with\s+(?:much\s+|any\s+|great\s+)?(?:enthusiasm|warmth)|"
    r"(?:not|hardly)\s+found\s+(?:much\s+|any\s+)?(?:understanding|support|favou?r|sympathy)|"
    r"(?:met|greeted|received)\s+with\s+(?:little\s+enthusiasm|scepticism|skepticism|derision|hostility|a\s+flat\s+no|"
    r"icy\s+silence|a\s+shrug|short\s+shrift)|"
    r"(?:got|gets|received|receives|drew|draws|met\s+with)\s+(?:what\s+amounted\s+to\s+)?a\s+(?:[\w-]+\s+)?no|"
    # "the demand was swiftly rejected in Kyiv": the capital as the agent of a passive refusal
    r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:rejected|dismissed|rebuffed|turned\s+down|ruled\s+out)"
    r"(?:\s+out\s+of\s+hand)?(?=\s+in\s))\s+(?:in|by|from|at)\s+", re.I)
AGENT_STANCE = {"sought": "demand", "demanded": "demand", "wanted": "demand", "requested": "demand",
                "proposed": "propose", "put forward": "propose", "floated": "propose", "pitched": "propose",
                "suggested": "propose", "offered": "propose", "promised": "propose", "pledged": "propose", "drafted": "propose", "championed": "propose",
                "promoted": "propose", "advocated": "propose",
                "set out": "condition", "laid out": "condition",
                "rejected": "reject", "dismissed": "reject", "refused": "reject", "opposed": "reject",
                "ruled out": "reject", "turned down": "reject"}
# "The conditions set out by the Russian president ...: the withdrawal of ..., and ...": what follows is theirs.
LIST_OWNER = re.compile(r"\b(?:conditions|demands|terms|preconditions)\s+(?:(?:for|of|on)\s+[^:;.]{0,50}?\s+)?"
                        r"(?:(?:were|was|are|is|have\s+been|had\s+been)\s+|[\w-]+\s+)?(?:set\s+out|laid\s+out|"
                        r"put\s+forward|set|named|listed|issued|made|outlined|presented)\s+by\s+", re.I)
# "Moscow's demands: ...", "a list of conditions: ...": a colon opening the items of a list.
# "The Kremlin's price for a complete truce: ...", "the Kremlin set out what it would take to go further: ...".
LIST_HEAD = re.compile(r"\b(?P<noun>demands|conditions|preconditions|terms|asks|red lines|program(?:me)?|agenda|wish list|price|"
                       r"what\s+(?:[\w’'.-]+\s+){1,3}?(?:(?:would|will)\s+(?:take|need|require|want)|wants|wanted|demands|demanded|"
                       r"needs|needed|requires|required|asks\s+for|asked\s+for))"
                       r"(?:\s+(?:for|on|to|before)\s+[^:;.]{0,60}?)?\s*:\s", re.I)
CONDITION_HEADS = re.compile(r"conditions|preconditions|terms|price|what\s", re.I)


def _list_head(text: str, mentions, s_start: int, s_end: int, tracker=None) -> tuple[str, int, str] | None:
    """(holder, where the items start, stance) for a list that a colon opens after naming demands
    or conditions; the holder is the possessor of the list ("Russia's demands:") or else the
    first actor named before the colon. None when there is no such list or no holder."""
    head = LIST_HEAD.search(text, s_start, s_end)
    owner = _list_owner(text, mentions, s_start, head, tracker) if head else None
    return (owner[0], head.end(), owner[1]) if owner else None


def _list_owner(text: str, mentions, s_start: int, head: re.Match, tracker=None) -> tuple[str, str] | None:
    """(holder, stance) of the demands or conditions a heading's ``noun`` names: who "wants" them
    ("the readout lists what Putin wants:"), their possessor, or else the first actor named before
    it, or the pronoun opening the sentence ("It set out conditions:"); None when no one is named."""
    wanter = next((m.actor for m in mentions if head.start("noun") <= m.start < head.end("noun") and m.actor
                   and not m.in_title), None) if head.group("noun").lower().startswith("what") else None
    # the clause's subject before any other actor named: "According to the Kremlin, Putin set conditions:"
    subjects = subject_mentions(text, mentions, s_start, head.start())
    holder = wanter or _possessor(text, mentions, s_start, head.end("noun")) or (subjects[0].actor if subjects else None) or next(
        (m.actor for m in mentions if s_start <= m.start < head.start() and m.actor and not m.in_title), None)
    pronoun = re.match(r"\W*(he|she|it|they)\s", text[s_start:head.start()], re.I) if holder is None and tracker else None
    if pronoun:
        holder = tracker.resolve(pronoun.group(1).lower(), s_start + pronoun.start(1))
    stance = "condition" if CONDITION_HEADS.match(head.group("noun")) else "demand"
    return (holder, stance) if holder else None


# "the ceasefire that Ukraine agreed to", "the full ceasefire which Trump wanted": a relative
# clause right after the cue names who holds it, and its verb the stance.
# Between the subject and the verb: an auxiliary and an adverb ("which Trump first floated",
# "which Washington has been pressing for").
RELATIVE_AUX = r"\s+(?:(?:has|had|have)\s+)?(?:been\s+)?(?:(?:already|first|originally|initially|also|long|\w+ly)\s+)?"
RELATIVE_VERBS = [
    ("accept", re.compile(RELATIVE_AUX + r"(?:agreed\s+to|accepted|signed\s+up\s+to|backed|endorsed|signed|welcomed|liked|"
                          r"embraced|hailed|praised|supported)\b", re.I)),
    ("demand", re.compile(RELATIVE_AUX + r"(?:wanted|wants|demanded|demands|sought|seeks|seeking|called\s+for|calling\s+for|"
                          r"hoped\s+for|hoping\s+for|hoped\s+(?:[\w’'-]+\s+){1,3}?(?:would|will|might|could)\s+(?:accept|agree\s+to|sign)|"
                          r"insisted\s+on|insisting\s+on|press(?:ed|ing)\s+for|push(?:ed|ing)\s+for|"
                          r"put(?!\s+(?:forward|to|on\s+the\s+table)\b)|set\s+out|laid\s+out|presented|issued)\b", re.I)),
    ("propose", re.compile(RELATIVE_AUX + r"(?:proposed|proposes|offered|promised|pledged|put\s+forward|put\s+to|drafted|floated|pitched|suggested|"
                           r"tabled|put\s+on\s+the\s+table|brought\s+forward)\b", re.I)),
    # "terms Kyiv has said it will never accept": a refusal, told or done
    ("reject", re.compile(RELATIVE_AUX + r"(?:rejected|rejects|dismissed|refused|turned\s+down|ruled\s+out|"
                          r"(?:said|says|made\s+(?:it\s+)?clear|makes\s+(?:it\s+)?clear|insisted|insists|vowed|vows)\s+(?:that\s+)?(?:it|they|he|she)\s+(?:will|would)\s+"
                          r"(?:never|not)\s+(?:accept|agree\s+to|tolerate))\b", re.I)),
]
SUBORDINATE_CONDITION = re.compile(r"\W*(?:while|unless|until|if|once|as\s+long\s+as|so\s+long\s+as|provided)\b", re.I)
SUBORDINATE_BEFORE = re.compile(r"\b(?:before|until|unless|once|after|during)\b[^,;:–—]{0,40}\Z", re.I)
SUBORDINATE_INSIDE = re.compile(r"\b(?:while|unless|until|as\s+long\s+as|so\s+long\s+as)\s", re.I)
NEGATED_VERB = re.compile(r"(?:\b(?:not|never)|n[’']t)\s+(?:\w+ly\s+)?$", re.I)
# Urging someone to accept, or saying they must, is a demand made of them, whatever the accept cue after it says.
URGED_TO_ACCEPT = re.compile(r"\b(?:urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|press(?:ed|es|ing)|push(?:ed|es|ing)|ask(?:ed|s|ing)|"
                             r"appeal(?:ed|s|ing)\s+to|encourag(?:ed|es|ing)|challeng(?:ed|es|ing)|want(?:s|ed)?)\s+"
                             r"(?:[\w’'.-]+\s+){1,4}?to\s+(?:[\w-]+\s+){0,4}?(?:agree|accept|sign|back|support|endorse|join)\b"
                             # the accepting verb after a modal or "it is now for X to": "Putin must now agree to"
                             r"|\b(?:must|should|has\s+to|have\s+to|needs?\s+to|ought\s+to)\s+(?:\w+\s+){0,2}?(?:agree|accept|sign|back|say\s+yes)\b"
                             r"|\bit\s+(?:is|was|’s|'s)\s+(?:now\s+)?(?:up\s+to|for|on)\s+(?:[\w’'.-]+\s+){1,3}?to\s+(?:[\w-]+\s+){0,8}?"
                             r"(?:agree|agreeing|accept|accepting|sign|signing|back|say\s+yes)\b", re.I)
# The question a refusal to confirm leaves open: "whether Putin would ...", "if Moscow will ...".
WHETHER = re.compile(r"\b(?:whether|if)\s+", re.I)
ASKED = re.compile(r"\W*(?:When\s+|After\s+being\s+|On\s+being\s+)?asked\s+(?:\w+\s+)?(?:whether|if)\s", re.I)
PRONOUN_SUBJECT = re.compile(r"^\W*(?:[Ii]f\s+)?(?:they|he|she|it)\b", re.I)


# What something should grow into is the position; the thing it grows from is not.
GROWN_INTO = re.compile(r"\s+(?:(?:should|must|could|would|will|can|to|needs\s+to|has\s+to)\s+)?(?:be\s+|being\s+)?(?:\w+ly\s+)?"
                        r"(?:widened|turned|extended|expanded|broadened|developed|converted|transformed|grown|widen|turn|extend|"
                        r"expand|broaden|develop|grow)\s+(?:[\w-]+\s+){0,3}?into\b", re.I)
RESPONSES = ("reject", "accept", "accept_in_principle")
PRESS = ("media", "journalist")
DEMAND_NOUN_AFTER = re.compile(r"[’']s?\s+(?:(?:latest|main|key|chief|core|renewed|central|strong|fierce|vehement)\s+)?"
                               r"(?:(?P<noun>demands?|calls?|insistence|push|conditions?|terms)\s+(?:that|for|to|on)|"
                               r"(?P<objection>objections?|opposition)\s+to)\s+(?:[\w’'-]+\s+){0,4}$", re.I)


# "the Russian demand for an end to Western arms supplies": a demonym names the demand's owner.
DEMONYM_DEMAND = re.compile(rf"\b(?P<demonym>{_DEMONYM})\s+(?:(?:latest|main|key|chief|core|renewed|central|strong|fierce|vehement)\s+)?"
                            r"(?:(?P<noun>demands?|calls?|insistence|push|conditions?|terms)\s+(?:that|for|to|on)|"
                            r"(?P<objection>objections?|opposition)\s+to)\s+(?:[\w’'-]+\s+){0,4}\Z")


def _demanded_by(text: str, mentions, start: int, cue_start: int):
    """(owner, stance) when the cue is the object of someone's named demand or objection just
    before it ("Moscow's demand that Western aid dry up", "the Russian demand for an end to aid",
    "Moscow's objections to foreign troops"), else None; the owner has the ``actor`` and ``start``
    of a mention. An objection's stance is "reject", which :func:`_owner_position` may turn into
    holding a ban."""
    for m in mentions:
        if start <= m.start and m.end <= cue_start and m.actor and not m.in_title and cue_start - m.end <= 60:
            noun = DEMAND_NOUN_AFTER.match(text[m.end:cue_start])
            if noun:
                return m, _noun_stance(noun)
    noun = DEMONYM_DEMAND.search(text, max(start, cue_start - 80), cue_start)
    if noun is not None:
        return SimpleNamespace(actor=DEMONYMS[noun.group("demonym")], start=noun.start()), _noun_stance(noun)
    return None


# "..., as Moscow demands", "as the Kremlin has long insisted", "as Washington proposed": an aside
# naming who wants what the clause before it describes.
AS_WANTED = re.compile(r"\s*,?\s*(?:just\s+|precisely\s+|exactly\s+)?as\s+(?:the\s+)?(?=\S)", re.I)
AS_WANTED_VERB = re.compile(r"\s+(?:(?:has|had|have)\s+)?(?:(?:long|repeatedly|previously|already|reportedly|also)\s+)?"
                            r"(?:(?P<demand>demand(?:s|ed)?|want(?:s|ed)?|insist(?:s|ed)?|request(?:s|ed)?|"
                            r"call(?:s|ed)\s+for|seeks?|sought|urg(?:es|ed)|ask(?:s|ed)\s+for|press(?:es|ed)\s+for)|"
                            r"(?P<propose>propos(?:es|ed)|suggest(?:s|ed)|offer(?:s|ed)|envisag(?:es|ed)))\b", re.I)


def _as_wanted(text: str, mentions, cue_end: int, s_end: int, named) -> list[tuple[str, str, int, int]]:
    """(holder, stance, start, end) of an aside just after a position that names who demands or
    proposes it ("..., as Moscow demands"); none when another position stands between."""
    limit = min(s_end, cue_end + 60)
    for aside in AS_WANTED.finditer(text, cue_end, limit):
        if any(cue_end <= start < aside.start() for _, start, _ in named):
            return []
        holder = next((m for m in mentions if m.start == aside.end() and m.actor and not m.in_title), None)
        verb = AS_WANTED_VERB.match(text, holder.end) if holder is not None else None
        if verb is not None:
            return [(holder.actor, "demand" if verb.group("demand") else "propose", holder.start, verb.end())]
        demonym = re.match(rf"(?P<demonym>{_DEMONYM})s?\b", text[aside.end():limit])
        verb = AS_WANTED_VERB.match(text, aside.end() + demonym.end()) if demonym is not None else None
        if verb is not None:  # "as the Russians demand"
            return [(DEMONYMS[demonym.group("demonym")], "demand" if verb.group("demand") else "propose",
                     aside.end(), verb.end())]
    return []


def _noun_stance(noun: re.Match) -> str:
    if noun.group("objection"):
        return "reject"
    return "condition" if noun.group("noun").lower().startswith(("condition", "term")) else "demand"


# "… is a non-starter for Kyiv", "… unacceptable to London": whose verdict it is.
VERDICT_FOR = re.compile(r"[^.;:!?]{0,80}?\b(?:unacceptable|a\s+non-?starter|out\s+of\s+the\s+question|a\s+red\s+line|"
                         r"unthinkable|off\s+the\s+table|a\s+no-go|dead\s+on\s+arrival)\s+(?:for|to|in)\s+(?:the\s+)?", re.I)


def _judged_for(text: str, mentions, cue_end: int, limit: int) -> str | None:
    """The actor a verdict after the cue is said to be for ("… is a non-starter for Kyiv"), or None."""
    verdict = VERDICT_FOR.match(text, cue_end, limit)
    return next((m.actor for m in mentions if verdict and m.start == verdict.end() and m.actor and not m.in_title), None)


def _owner_position(text: str, category: str, stance: str, cue_start: int, cue_end: int) -> tuple[str, str]:
    """The category and stance of a named demand's or objection's owner: objecting to foreign
    troops, or to a force of them, is holding "no foreign troops" (the gold's convention)."""
    if stance == "reject" and category in PROHIBITIONS:
        return category, "demand"
    return _refusing_troops(text, category, stance, cue_start, cue_end)


def _refusing_troops(text: str, category: str, stance: str, cue_start: int, cue_end: int) -> tuple[str, str]:
    """Refusing a force of foreign troops is holding "no foreign troops" (the gold's convention),
    whether the refusal is active ("Moscow rejected a reassurance force") or passive."""
    if stance == "reject" and category == "security_guarantees" and (TROOPS.search(text, cue_start, cue_end)
                                                                     or _troops_meant(text, cue_start, cue_end)):
        return "no_foreign_peacekeepers", "demand"
    return category, stance


def _troops_meant(text: str, cue_start: int, cue_end: int) -> bool:
    """Whether an anaphor ("the idea") points back to a force of troops: the last guarantee cue
    within reach before it names one ("a reassurance force", "send troops to Ukraine")."""
    # not fullmatch: a pronoun's lookahead reads past it
    hit = ANAPHOR.match(text, cue_start) or VERDICT_ON.match(text, cue_start)
    if hit is None or hit.end() != cue_end:
        return False
    reach = max(0, cue_start - ANAPHOR_REACH)
    last = None
    for category, pattern, _ in _cues():
        if category == "security_guarantees":
            for cue in pattern.finditer(text, reach, cue_start):
                if last is None or cue.start() > last.start():
                    last = cue
    return last is not None and TROOPS.search(text, last.start(), last.end()) is not None


def _authored(text: str, mentions, start: int, end: int) -> list[tuple[str, int, int]]:
    """(author, start, end) of each proposal attributed inside a noun phrase within ``text[start:end]``."""
    found = []
    for m in mentions:
        if m.start >= end:
            break
        if m.start >= start and m.actor:
            hit = AUTHORED.match(text, m.end, end)
            if hit:
                found.append((m.actor, m.start, hit.end()))
    for hit in AUTHORED_BY.finditer(text, start, end):
        authors, authors_end = _agents(text, mentions, hit.end(), end + 40)
        if authors_end > hit.end():
            found += [(author, hit.start(), authors_end) for author in authors]
    for hit in DEMONYM_AUTHORED.finditer(text, start, end):
        for demonym in re.findall(_DEMONYM, hit.group("authors")):
            found.append((DEMONYMS[demonym], hit.start(), hit.end()))
    return sorted(found, key=lambda item: item[1])


# "… a 30-day halt to strikes on energy – an idea put to him by Trump", "the energy pause was Trump's
# idea": the proposal's author named after the position, in an apposition or after a copula.
APPOSED_PROPOSAL = re.compile(r"[^,;:–—()“”\".]{0,40}?\s*[,–—-]+\s*(?:an?|the)\s+(?:[\w-]+\s+)?"
                              r"(?:idea|proposal|suggestion|initiative|request)\s+", re.I)
COPULA_PROPOSAL = re.compile(r"\s+(?:was|is|had\s+been|has\s+been)\s+(?:(?:originally|first|initially|in\s+fact|actually|"
                             r"reportedly)\s+)?(?:(?P<noun>(?:an?|the)\s+(?:[\w-]+\s+)?(?:idea|proposal|suggestion|initiative|"
                             r"request)\s+)|(?:the\s+|Mr\.?\s+)?)", re.I)
PROPOSED_BY = re.compile(r"(?:(?:first\s+|originally\s+)?(?:put\s+(?:to\s+\w+\s+)?(?:forward\s+)?|proposed\s+|floated\s+|"
                         r"pitched\s+|suggested\s+|made\s+|raised\s+)by|from|of)\s+(?:the\s+)?", re.I)
PROPOSING = re.compile(r"\s+(?:(?:had|has)\s+)?(?:put\s+(?:to\s+\w+|forward)|proposed|floated|pitched|suggested|raised)\b", re.I)
AUTHORS_NOUN = re.compile(r"[’']s\s+(?:[\w-]+\s+){0,2}?(?:idea|proposal|suggestion|initiative|request)\b", re.I)


def _authored_after(text: str, mentions, cue_end: int, s_end: int) -> list[tuple[str, int, int]]:
    """(author, start, end) of a proposal named just after the position at ``cue_end``: "…, an idea
    put to him by Trump", "…, an idea the White House had put to him", "… was Trump's idea"."""
    def starting(at):
        return next((m for m in mentions if m.start == at and m.actor and not m.in_title), None)
    apposed = APPOSED_PROPOSAL.match(text, cue_end, s_end)
    copula = None if apposed else COPULA_PROPOSAL.match(text, cue_end, s_end)
    if copula is not None and not copula.group("noun"):
        author = starting(copula.end())
        owned = AUTHORS_NOUN.match(text, author.end, s_end) if author else None
        return [(author.actor, author.start, owned.end())] if owned else []
    noun = apposed or copula
    if noun is None:
        return []
    by = PROPOSED_BY.match(text, noun.end(), s_end)
    if by:
        names, end = _agents(text, mentions, by.end(), s_end)
        return [(name, noun.start(), end) for name in names] if end > by.end() else []
    that = re.match(r"(?:that\s+|which\s+)?(?:the\s+)?", text[noun.end():s_end], re.I)
    author = starting(noun.end() + that.end())
    proposing = PROPOSING.match(text, author.end, s_end) if author else None
    return [(author.actor, author.start, proposing.end())] if proposing else []


# "Putin agreed to the proposal", "Ukraine said yes", "he gave the order": a position whose
# object is a proposal named in an earlier sentence.
ANAPHOR = re.compile(
    r"\b(?:(?:this|that|the|such\s+an?|these|those|his|her|their|its|(?:[A-Z][\w.]*[’']s))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:proposals?|idea|initiative|offer|request|suggestion|arrangement|moratorium|demand|condition|plan)\b"
    r"|(?:said|says|say)\s+yes\b|gave\s+the\s+(?:necessary\s+)?(?:order|instructions?)\b"
    r"|(?:agreed\s+to|accepted|rejected|backed|supported|welcomed|endorsed|refused|said\s+no\s+to)\s+(?:it\b|(?:this|that)"
    r"(?=\s*[,;.!?”\"’)]|\s+(?:\w+ly|outright|too|again|more|many|every|each|ever|since|from|as|at|in|on|with|without|when|because|after|before|during)\b))"
    r"|(?:anything|something|nothing)\s+of\s+the\s+(?:kind|sort)\b|\bany\s+such\s+[\w-]+"
    # "Moscow says that is unacceptable", "Lavrov called it 'out of the question'", "there can be
    # no question of it": a pronoun standing for what was just proposed, in a verdict on it
    r"|(?P<pronoun>\b(?:that|this|it)(?=\s+(?:is|was|would\s+be|will\s+be|remains)\s+(?:\w+\s+)?(?:unacceptable|"
    r"out\s+of\s+the\s+question|a\s+non-starter|unthinkable)\b)|(?<=\bcalled\s)(?:it|this|that)(?=\s+[“\"‘']?(?:\w+\s+)?"
    r"(?:unacceptable|out\s+of\s+the\s+question|a\s+non-starter|unthinkable)\b)|(?<=no\squestion\sof\s)(?:it|this|that)\b)"
    # "Moscow's answer is still no": the owner of an answer to what was just proposed
    r"|(?<=[’']s\s)(?:answer|response|reply)\b(?!\s+(?:to|on)\b))", re.I)
# "… and called on Russia to accept it", "urged Moscow to do the same": the act an earlier clause
# of the same sentence named, asked of another (across sentences "did the same" may point anywhere).
SAME_ACT = re.compile(
    r"(?<=\bto\s)(?:accept|agree\s+to|back|support|endorse|honou?r|observe|respect|implement|sign\s+up\s+to|reciprocate)"
    r"\s+(?:it|this|(?:that|the\s+same)(?=\s*[,;.!?)]|\s+(?:without|too|as\s+well|immediately|now|quickly|soon)\b))"
    r"|\b(?:do|did|does|doing)\s+(?:the\s+same|likewise)\b|\bfollow(?:s|ed|ing)?\s+suit\b", re.I)
# "…, and Moscow's answer was, in effect, a no": an answer to a position the sentence has just
# named, whose owner holds the stance taken.
POSSESSIVE_PRONOUN_SUBJECT = {"his": "he", "her": "she", "their": "they", "its": "it"}
PRONOUN_ANSWER = re.compile(r"\b(his|her|their|its)\s+(?:[\w-]+\s+)?(?:answer|response|reply)\b", re.I)
ANSWER_ANAPHOR = re.compile(r"\b(?:his|her|their|its|[A-Z][\w.]*[’']s)\s+(?:[\w-]+\s+)?(?:answer|response|reply)\b(?!\s+(?:to|on)\b)")
# How far back, in characters, "the proposal" may point.
ANAPHOR_REACH = 600


def _anaphor(text: str, start: int, end: int) -> re.Match | None:
    """The first anaphor in ``text[start:end]`` that points back; "the idea that ...", "the
    proposal of ..." announce their content instead."""
    for hit in ANAPHOR.finditer(text, start, end):
        if not re.match(r"\s+(?:that|of|to|for)\b", text[hit.end():hit.end() + 6]):
            return hit
    return None


# "Moscow, Zelensky says, has …", "Russia, he said, had …": an attribution set inside the clause,
# between its subject and its verb.
SPLIT_ATTRIBUTION = re.compile(r",\s+(?:[\w’'.-]+\s+){1,4}?(?:says|said|adds|added|insists|insisted|argues|argued|"
                               r"claims|claimed|believes|believed|told\s+[\w-]+)\s*,\s*", re.I)


def _split_subject(text: str, mentions, s_start: int, position: int) -> str | None:
    """The subject opening a sentence whose attribution interrupts it, before ``position``, or None."""
    for m in mentions:
        if m.start >= position:
            return None
        opening = re.search(r"(?:\A|:)\W*(?:(?:and|but|so|yet)\s+)?\Z", text[s_start:m.start], re.I) if s_start <= m.start else None
        if opening and m.actor and not m.in_title and SPLIT_ATTRIBUTION.match(text, m.end, position):
            return m.actor  # "Moscow, he said, ...", or after a colon: "his verdict was blunt: Russia, he said, ..."
    return None


# "That demand, Zelenskyy said, is unacceptable": a subject with no actor in it, then the attribution.
OPENING_PHRASE = re.compile(r"\W*(?:(?:and|but|so|yet)\s+)?(?:[\w’'-]+\s+){0,5}?[\w’'-]+(?=,)")
INTERRUPTING = re.compile(r",\s+(?P<speaker>(?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+(?:says|said|added|insisted|argued|claimed|"
                          r"believes|believed|told\s+[\w-]+)\s*,\s*", re.I)


def _interrupting_speaker(text: str, mentions, s_start: int, cue_start: int, s_end: int, tracker) -> tuple | None:
    """The speaker of an attribution that interrupts a sentence opening with a position it names,
    ("That demand, Zelenskyy said, is unacceptable"; "The idea, he added, was a non-starter"), as
    a reported holder, or None."""
    opening = OPENING_PHRASE.match(text, s_start, s_end)
    if opening is None or not opening.start() <= cue_start < opening.end():
        return None
    said = INTERRUPTING.match(text, opening.end(), s_end)
    if said is None:
        return None
    speaker = next((m.actor for m in mentions if said.start("speaker") <= m.start < said.end("speaker") and m.actor
                    and not m.in_title), None)
    if speaker is None and said.group("speaker").lower() in ("he", "she", "they"):
        speaker = tracker.resolve(said.group("speaker").lower(), said.start("speaker"))
    return (speaker, "reported", "") if speaker else None


def _answerer(text: str, mentions, cue_start: int, cue_end: int, tracker) -> str | None:
    """The owner of an answer standing for a position ("Moscow's answer", "his reply"), or None."""
    if not ANSWER_ANAPHOR.fullmatch(text, cue_start, cue_end):
        return None
    owner = next((m.actor for m in mentions if cue_start <= m.start < m.end <= cue_end and m.actor and not m.in_title), None)
    pronoun = re.match(r"(his|her|their|its)\b", text[cue_start:cue_end], re.I)
    if owner is None and pronoun:
        owner = tracker.resolve(POSSESSIVE_PRONOUN_SUBJECT[pronoun.group(1).lower()], cue_start)
    return owner


STANCE_VERB_ANAPHOR = re.compile(r"(?:agreed\s+to|accepted|rejected|backed|supported|welcomed|endorsed|refused|said\s+no\s+to)\s", re.I)


def _takes_stance(text: str, start: int, end: int, anaphor: re.Match) -> bool:
    """Whether ``text[start:end]`` takes a stance on what the anaphor points to, outside the
    anaphor itself: "Kiev would study the proposal" names the proposal again and takes none."""
    if STANCE_VERB_ANAPHOR.match(anaphor.group()):
        return True  # "Kyiv rejected it": the anaphor is itself the stance
    rest = text[start:anaphor.start()] + " " + text[anaphor.end():end]
    return any(_stances()[stance].search(rest) for stance in STANCE_PRIORITY if stance != "propose") \
        or PASSIVE_BY.search(text, anaphor.end(), end) is not None \
        or RECEIVED.search(text, anaphor.end(), end) is not None  # "the idea was supported by Trump", "... met with scepticism in Moscow"


def _cue_hits(text: str, s_start: int, s_end: int, where) -> list[tuple[str, int, int]]:
    """(category, start, end) of every category cue in the sentence, in codebook order;
    ``where``: the article's :class:`~analysis.screen.Occurrences` of the cue strings."""
    hits, fixed = [], []  # fixed: the hits of cues that carry their own stance
    contexts = _cue_contexts()
    for index, (category, pattern, stance) in enumerate(_cues()):
        if not where.may_match(index, s_start, s_end):
            continue
        for cue in pattern.finditer(text, s_start, s_end):
            if contexts[index] is not None and not contexts[index].search(
                    text, max(0, cue.start() - CONTEXT_BEFORE), min(len(text), cue.end() + CONTEXT_AFTER)):
                continue
            if category == "accept_ceasefire" and ((CEASEFIRE_AS_TIME.search(text[max(s_start, cue.start() - 40):cue.start()])
                                                    and not _withheld_until(text, s_start, cue.start())
                                                    and not ONLY_ONCE.search(text, max(s_start, cue.start() - 40), cue.start()))
                                                   or PARTIAL_TRUCE.search(text[max(s_start, cue.start() - 30):cue.start()])
                                                   or PARTIAL_WITHIN.match(cue.group())
                                                   or PARTIAL_AFTER.match(text, cue.end())):
                continue
            hits.append((category, cue.start(), cue.end()))
            if stance:
                fixed.append(hits[-1])
    # A cue that says its stance outweighs another of its category on the same words ("would
    # not get a veto over any deployment": the refusal of a veto, not a veto).
    hits = [h for h in hits if h in fixed or not any(o[0] == h[0] and o[1] < h[2] and h[1] < o[2] for o in fixed)]
    # Where cues of two categories overlap ("a veto on sending troops to Ukraine"), the first is the
    # phrase's head and says what is meant (the longer, where both start together).
    kept = [h for h in hits if not any(o[0] != h[0] and o[1] < h[2] and h[1] < o[2]
                                       and (o[1], h[2] - h[1]) < (h[1], o[2] - o[1]) for o in hits)]
    # A clause gives one row per category, from its first cue: the first in the text, so that in "no
    # veto over Ukraine's NATO membership" the refusal of a veto speaks, not NATO membership after it.
    first = {}
    for category, _, _ in kept:
        first.setdefault(category, len(first))
    return sorted(kept, key=lambda h: (first[h[0]], h[1]))


SWAP_TERMS = re.compile(r"\bin\s+(?:exchange|return)\s+for\s+(?:\d|all\b|the\s+same\s+number)", re.I)
CONDUCT = re.compile(r"\s+(?:(?:is|was|were|are|has\s+been|had\s+been)\s+)?(?:happening|taking\s+place|took\s+place|"
                     r"under\s*way|went\s+ahead|going\s+ahead|carried\s+out|completed|came\s+home|returned\s+home|(?:were|was)\s+freed)\b", re.I)
CONDUCTED = re.compile(r"\b(?:freed|released|exchanged|swapped|returned|handed\s+over)\s+(?:[\w-]+\s+){0,3}\Z", re.I)
EVALUATED = re.compile(r"\b(?:welcom|prais|hail|applaud)(?:e|ed|es|ing)\s+(?:[\w’'-]+\s+){0,3}\Z", re.I)
CONDUCTED_CUE = re.compile(r"(?:freed|released|exchanged|swapped|returned|handed)\b", re.I)  # "handed over 23 soldiers"
BARE_OFFICE = re.compile(r"(?:the\s+)?(?:president|head\s+of\s+(?:the\s+)?state)", re.I)


def _own_presidents(text: str, mentions, quoted, codebook: Codebook) -> list:
    """Mentions with a bare "the president" or "the head of state" in the words of someone from
    another state read as that speaker's own head of state: in Peskov's answers "the president"
    is Putin, whatever the codebook's default for the bare office."""
    out = []
    for m in mentions:
        if m.form == "description" and BARE_OFFICE.fullmatch(text, m.start, m.end):
            speaker = next((sp for a, b, sp in quoted if a <= m.start < b and isinstance(sp, str)), None)
            camp = codebook.actor(speaker).get("camp") if speaker else None
            own = codebook.head_of_state(camp) if camp and camp != codebook.actor(m.actor).get("camp") else None
            if own:
                m = dataclasses.replace(m, actor=own)  # a copy: the actor layer's mentions stay as they are
        out.append(m)
    return out


PROPOSAL_REPORT = re.compile(r"\b(?:proposal|suggestion|idea|initiative|plan|offer|request)\s+(?:that\s+)?\W*\Z", re.I)


def _reread_speakers(reported, original, mentions) -> list:
    """Reported speech whose speaker is a mention ``_own_presidents`` read anew ("The president
    has said ..." in Peskov's answer) takes the new reading too."""
    changed = [(new.end, old.actor, new.actor) for old, new in zip(original, mentions) if old.actor != new.actor]
    if not changed:
        return reported
    out = []
    for start, end, speaker in reported:
        mention = [(before, after) for at, before, after in changed if at <= start <= at + 60 and before == speaker]
        out.append((start, end, mention[-1][1] if mention else speaker))
    return out


CLAUSE_BREAK = re.compile(r"[,;:–—]|\b(?:whether|if)\b", re.I)
OTHERS_POSITION = re.compile(r"[’']s\s+(?:[\w-]+\s+)?(?:objections?|demands?|insistence|calls?|opposition|rejection|refusal|"
                             r"requests?|proposals?|plans?|ideas?|offer)\b", re.I)


def _stance_before(text: str, start: int, cue_start: int) -> str | None:
    """The stance a clause's own verb takes on the position at ``cue_start``, before it ("did not
    agree to", "amounted to a rejection of"), or None; a proposal is no stance taken on it."""
    cues = _stances()
    start = max([start] + [start + m.end() for m in CLAUSE_BREAK.finditer(text[start:cue_start])])
    for stance in STANCE_PRIORITY:
        hit = None if stance == "propose" else cues[stance].search(text, start, cue_start)
        if hit is not None and OTHERS_POSITION.search(text, hit.end(), cue_start):
            return None  # "brushed aside Moscow's objections to a force": the stance is on the objections
        if hit is not None:
            negated = stance in ("accept", "demand") and NEGATED_VERB.search(text, max(start, hit.start() - 30), hit.start())
            return "reject" if negated else stance
    return None


def _agent_rows(text: str, mentions, passive: re.Match, category: str, cue_start: int, cue_end: int,
                s_end: int) -> tuple[list[dict], int]:
    """Rows for the agents of a passive on the position at the cue ("sought by Trump", "rejected
    by Moscow", "ran into a wall in Moscow"), with its verb's stance, and where the agents end."""
    category, stance = _passive_stance(text, passive, category, cue_start, cue_end)
    names, end = _agents(text, mentions, passive.end(), s_end)
    return [{"who": who, "category": category, "stance": stance, "voice": "outlet", "source": "",
             "start": cue_start, "end": end} for who in names], end


def _passive_stance(text: str, passive: re.Match, category: str, cue_start: int, cue_end: int) -> tuple[str, str]:
    """The category and stance a passive's verb gives its agents on the position at the cue."""
    verb = re.sub(r"\s+", " ", passive.group("verb").lower())
    stance = "reject" if passive.re is RECEIVED else AGENT_STANCE.get(verb, "accept")
    if stance == "accept" and NEGATED_VERB.search(text, max(0, passive.start("verb") - 20), passive.start("verb")):
        stance = "reject"  # "the full ceasefire was not accepted by the Russian side"
    category, stance = _refusing_troops(text, category, stance, cue_start, cue_end)
    if stance == "reject" and category in PROHIBITIONS:
        stance = "demand"  # "foreign troops, rejected by Moscow": Moscow holds "no foreign troops"
    return category, stance


# "In Moscow, meanwhile, the idea ... was once again rejected": a place set before the sentence is
# where its agentless passive happened, and a capital stands for its government.
FRONTED_PLACE = re.compile(r"\W*(?:In|From)\s+(?=\S)")
FRONTED_ASIDE = re.compile(r"\s*,\s*(?:(?:meanwhile|however|though|too|in\s+turn|for\s+its\s+part|once\s+again|again)\s*,\s*)?")
AGENTLESS_PASSIVE = re.compile(
    r"\s+(?:[^,;:.]{0,60}?\s)?(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
    r"(?!not\b)(?:(?:once\s+(?:more|again)|again|\w+ly)\s+){0,2}(?P<verb>rejected|dismissed|refused|opposed|ruled\s+out|turned\s+down|"
    r"accepted|backed|endorsed|supported|welcomed)\b(?!\s+(?:by|as|in|at)\b)", re.I)


def _fronted_place_rows(text: str, codebook: Codebook, s_start: int, category: str, cue_start: int, cue_end: int,
                        clause_end: int) -> list[dict]:
    """Rows for the capital fronted before a sentence whose position meets an agentless passive
    (the actor layer reads "in Moscow" as a place, so the codebook's capitals are asked here)."""
    opening = FRONTED_PLACE.match(text, s_start, cue_start)
    place = re.match(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", text[opening.end():cue_start]) if opening else None
    if place is None:
        return []
    governments = {row["actor"] for row in codebook.candidates(place.group(), "") if row["form"] == "capital"}
    aside = FRONTED_ASIDE.match(text, opening.end() + place.end(), cue_start) if len(governments) == 1 else None
    passive = AGENTLESS_PASSIVE.match(text, cue_end, clause_end) if aside is not None else None
    if passive is None:
        return []
    category, stance = _passive_stance(text, passive, category, cue_start, cue_end)
    return [{"who": governments.pop(), "category": category, "stance": stance, "voice": "outlet", "source": "",
             "start": s_start, "end": passive.end()}]


# "The proposal for X, which Ukraine endorsed in Jeddah, was turned down by Putin": the passive
# whose subject is the cue, past a relative clause set off by commas.
RELATIVE_ASIDE = re.compile(r"[^,;:.]{0,40}?,\s*(?:which|that|who)\b[^;:.]{0,120}?,\s*", re.I)


def _passive_after_relative(text: str, cue_end: int, s_end: int) -> re.Match | None:
    aside = RELATIVE_ASIDE.match(text, cue_end, s_end)
    return PASSIVE_BY.match(text, aside.end(), s_end) if aside else None


def _fixed_stance(text: str, category: str, cue_start: int, cue_end: int) -> str:
    """The stance a cue of ``category`` found at ``cue_start`` carries itself, or ""."""
    for cue_category, pattern, stance in _cues():
        if stance and cue_category == category:
            match = pattern.match(text, cue_start)
            if match is not None and match.end() == cue_end:
                return stance
    return ""


# "Moscow has no say", "Russia would not get a veto": the one refused a say, just before the refusal.
DENIAL = re.compile(r"(?:no|(?:not|cannot|n[’']t)\s+(?:get|have|claim|hold|be\s+(?:allowed|permitted|given)))\b", re.I)
# "Moscow has no say", "Russia cannot have a veto", "Putin doesn't get to", Moscow 'will have "no
# veto"': the auxiliary may carry the negation's "n't", which the denial itself begins with.
REFUSED_SAY = re.compile(r"\b(?:say|veto|vote|right|decide|dictate|choose)\b", re.I)
DENIED_GAP = re.compile(r"\s+[\"“]?(?:(?:has|had|have|gets?|got|does|did|do|would|will|should|could|shall|ca|wo)(?:\s+|\Z)){0,2}[\"“]?", re.I)


def _denied(text: str, mentions, cue_start: int, cue_end: int):
    """The mention a cue refuses a say ("Moscow had no say over ..."): it is not the holder."""
    if not DENIAL.match(text, cue_start, cue_end) or not REFUSED_SAY.search(text, cue_start, cue_end):
        return None  # "Japan has no plans to ease sanctions": Japan refuses, and is refused nothing
    return next((m for m in mentions if m.end <= cue_start and m.actor
                 and DENIED_GAP.fullmatch(text, m.end, cue_start)), None)


def _anaphor_hits(text: str, s_start: int, s_end: int, antecedents: list[tuple[int, str]]) -> list[tuple[str, int, int]]:
    """A sentence with no category cue that points back to a proposal ("Putin agreed to the
    proposal"): the categories of the nearest earlier sentence that named one, within reach."""
    hit = _anaphor(text, s_start, s_end)
    if hit is None or s_start - antecedents[0][0] > ANAPHOR_REACH or not _takes_stance(text, s_start, s_end, hit):
        return []
    nearest = antecedents[0][0]
    if hit.group("pronoun") and not any(_stances()[stance].search(text, nearest, s_start) for stance in ("propose", "demand")):
        return []  # "that is unacceptable" after "Russia struck a hospital": a verdict on what happened, not on a proposal
    return [(category, hit.start(), hit.end()) for start, category in antecedents if start == nearest]


def _agents(text: str, mentions, start: int, limit: int) -> tuple[list[str], int]:
    """The actors of a by-phrase starting at ``start`` ("by Donald Trump", "by London and Paris")
    and where the phrase ends. Countries inside a title ("by the presidents of Russia and the
    United States") are not agents: such a phrase gives none."""
    names, position = [], start
    for m in sorted((m for m in mentions if start <= m.start < min(limit, start + 120) and m.actor and not m.in_title),
                    key=lambda m: m.start):
        gap = text[position:m.start]
        if m.title and gap.rstrip().endswith(m.title):
            gap = gap.rstrip()[:-len(m.title)]  # "by British Prime Minister Keir Starmer": the title is the name's
        if names and re.fullmatch(r"[’']s\s+", gap):
            names.pop()  # "by Britain's Keir Starmer": the person, not their country
        elif not re.fullmatch(r"\s*(?:,|and|or|as well as)?\s*(?:the\s+)?", gap, re.I):
            break  # the phrase has ended ("by Trump in his call with Putin": Putin is not an agent)
        names.append(m.actor)
        position = m.end
    return list(dict.fromkeys(names)), position


# "Moscow has ruled out European troops, and Zakharova called Western soldiers there
# 'unacceptable'": in a later clause of the same sentence, whatever is given a verdict restates
# the position just named, however it is worded; a verdict on words or deeds ("called the remarks
# unacceptable") is not one on a position.
VERDICT_ON = re.compile(r"(?:(?<=\bcalled\s)|(?<=\bcalls\s)|(?<=\bdescribed\s)|(?<=\bbranded\s)|(?<=\bdeemed\s))"
                        r"(?!(?:[\w’'-]+\s+){0,5}?(?:statements?|remarks|comments|words|claims|accusations|threats|rhetoric|"
                        r"behaviou?r|actions|attacks|strikes|shelling|conduct|tone)\b)"
                        r"(?:[\w’'-]+,?\s+){1,6}?(?=(?:as\s+)?[“\"‘']?(?:absolutely\s+|completely\s+|totally\s+|simply\s+)?"
                        r"(?:unacceptable|out\s+of\s+the\s+question|a\s+non-starter|inadmissible|impermissible)\b)", re.I)


def _clause_anaphors(text: str, clauses: list[tuple[int, int]], named) -> list[tuple[str, int, int]]:
    """"It pitched a halt to attacks on power plants, and Putin agreed to the proposal": a later
    clause with no cue of its own that points back to the positions an earlier clause named."""
    extra = []
    for a, b in clauses:
        if any(a <= start < b for _, start, _ in named):
            continue
        earlier = [(start, category) for category, start, _ in named if start < a]
        same = SAME_ACT.search(text, a, b)
        if same is not None and RECIPROCAL.search(text, a, same.start()):
            same = None  # "…, but only as long as Russia does the same": the clause before sets that condition
        hit = _anaphor(text, a, b) or ANSWER_ANAPHOR.search(text, a, b) or VERDICT_ON.search(text, a, b) or same
        if not earlier or hit is None or not _takes_stance(text, a, b, hit):
            continue
        nearest = max(earlier)[0]
        extra += [(category, hit.start(), hit.end()) for start, category in earlier if start == nearest]
    return extra


CONDITION_NOUN = re.compile(r"(?:pre)?conditions?|prerequisites?|red\s+lines?", re.I)
# "conditions for a full ceasefire": the ceasefire is what they are set on.
CONDITIONS_FOR = re.compile(r"\b(?:pre)?conditions?\s+(?:for|of|on)\s+(?:(?:a|an|the|any)\s+)?(?:[\w-]+\s+){0,2}\Z", re.I)


# "only ... on the basis of", "only ... built on": the condition is what the position rests on.
BASIS = re.compile(r"\b(?:on\s+the\s+basis\s+of|(?:built|based|founded|resting)\s+on|grounded\s+in|in\s+line\s+with|respect\s+for)\Z", re.I)


# verbs whose subject is what a condition is set on ("any ceasefire would require ...")
REQUIRING = re.compile(r"(?:(?:would|will)\s+)?(?:requires?|depends?\s+on|hinges?\s+on)|(?:would|will|’ll|'ll)\s+(?:still\s+|also\s+|first\s+)?need", re.I)


def _conditioned(text: str, clause: tuple[int, int], cue_end: int, named, cue_start: int) -> bool:
    """Whether the cue ending at ``cue_end`` names what a condition is set on rather than the
    condition: it follows "conditions for", or it comes before the clause's condition cue and
    another position follows that cue."""
    if CONDITIONS_FOR.search(text, clause[0], cue_start):
        return True
    if _withheld_until(text, clause[0], cue_start):
        return False  # "no easing of sanctions before any ceasefire": the ceasefire is the condition
    condition = next((c for c in _stances()["condition"].finditer(text, clause[0], clause[1]) if c.end() > cue_end), None)
    if condition is not None and condition.group().lower().startswith("before"):
        return False  # "arms deliveries must stop before he signs on to a truce": the cue is the condition
    if condition is not None and BASIS.search(condition.group()):
        return True  # "a lasting peace can only be built on ...": the peace is what rests on the condition
    if condition is not None and CONDITION_NOUN.fullmatch(condition.group()) \
            and re.match(r"\s+(?:for|of)\b", text[condition.end():condition.end() + 5]):
        return False  # "an end to arms supplies as a condition for any truce": the cue is the condition
    if condition is not None and REQUIRING.fullmatch(condition.group()):
        return True  # "a truce would need effective control": the truce is what needs it, whatever the need is
    if condition is None:  # "... before he signs on to a full truce": what follows "before" is what is conditioned
        earlier = next((c for c in _stances()["condition"].finditer(text, clause[0], cue_end)
                        if c.group().lower().startswith("before ")), None)
        return earlier is not None and any(clause[0] <= start < earlier.start() for _, start, _ in named)
    return any(condition.end() <= start < clause[1] for _, start, _ in named)


BULLET = re.compile(r"[ \t]*(?:[-•*·–—→►▪◦]|\d{1,2}[.)])\s")
HEADING_NOUN = re.compile(r"\b(?P<noun>demands|conditions|preconditions|terms|asks|red lines|wish list)\b", re.I)
PAUSE_TIME = re.compile(r"\b(?:while|during|for\s+the\s+duration\s+of|as\s+long\s+as)\s+(?:the\s+|any\s+|a\s+)?"
                        r"(?:guns\s+(?:are|fall|stay)\s+(?:quiet|silent)|pause|truce|ceasefire|cease-fire|moratorium)", re.I)
# "A full truce, Moscow says, is possible only if:", "... makes a full ceasefire conditional on four things:"
CONDITION_COLON = re.compile(r"\b(?P<noun>only\s+if|provided(?:\s+that)?|on\s+condition\s+that|as\s+long\s+as|unless|"
                             r"conditional\s+on\b[^:;.]{0,40})\s*:\s*\Z", re.I)


def _bullet_heading(text: str, mentions, s_start: int, s_end: int) -> tuple[str, str] | None:
    """(holder, stance) of a sentence that ends in a colon and names someone's demands or
    conditions ("Moscow's asks, per the Kremlin readout:") or opens a condition ("A full truce,
    Moscow says, is possible only if:"): the bullets below it are theirs."""
    noun = HEADING_NOUN.search(text, s_start, s_end) or LIST_HEAD.search(text, s_start, min(len(text), s_end + 1))
    if noun:
        return _list_owner(text, mentions, s_start, noun)
    opened = CONDITION_COLON.search(text, s_start, len(text[:s_end].rstrip()))
    holder = next((m.actor for m in mentions if s_start <= m.start < opened.start() and m.actor and not m.in_title),
                  None) if opened else None
    return (holder, "condition") if holder else None


# Quotation marks around a word or two inside a stance ('would "never" accept', 'would “never accept”'):
# the writer's emphasis or the speaker's word, not a quotation that stands apart from the clause.
EMPHASIS = re.compile(r"[“\"‘](?=[\w’'-]+(?:\s+[\w’'-]+){0,2}[”\"’](?!\w))")


def _unemphasised(window: str) -> str:
    """``window`` with the quotation marks around a short phrase blanked, offsets kept."""
    opened = [m.start() for m in EMPHASIS.finditer(window)]
    if not opened:
        return window
    chars = list(window)
    for start in opened:
        close = re.search(r"[”\"’](?!\w)", window[start + 1:])
        chars[start] = " "
        if close is not None:
            chars[start + 1 + close.start()] = " "
    return "".join(chars)


def _sentence(text, s_start, s_end, mentions, quoted, reported, codebook, tracker, named, inherited,
              where) -> list[dict]:
    """``quoted`` and ``reported``: (start, end, speaker) of the article's quotes and reported
    contents; ``named``: (category, start, end) of the positions the sentence names;
    ``inherited``: (holder, start, stance) of a bulleted list's heading, for an item of it, or None;
    ``where``: the article's occurrences of the cue strings (:mod:`analysis.screen`)."""
    items = []
    stance_cues = _stances()
    clauses = _clauses(text, s_start, s_end)
    carried = {}  # clause index → (stance, holder) for lists that continue a clause's stance
    stances_in = {}  # clause index → the stance cues it holds, in priority order
    offset = len(_cues())  # the stance patterns' place in the screen
    for index, clause in enumerate(clauses):
        window = _unemphasised(text[clause[0]:clause[1]])
        present = stances_in[index] = [s for i, s in enumerate(STANCE_PRIORITY)
                                       if where.may_match(offset + i, clause[0], clause[1])
                                       and stance_cues[s].search(window)]
        carried[index] = present[0] if present else carried.get(index - 1)
    for index in range(len(clauses) - 1):
        if ASKED.match(text, *clauses[index]) and any("refuse_to_confirm" in stances_in[later]
                                                      for later in range(index + 1, len(clauses))):
            # "Asked whether Moscow would accept ..., Peskov declined to comment": the question's
            # stance is the one left unconfirmed.
            stances_in[index] = ["refuse_to_confirm"]
    named = named + _clause_anaphors(text, clauses, named)
    seen = set()
    owner = LIST_OWNER.search(text, s_start, s_end)
    owners = _agents(text, mentions, owner.end(), s_end)[0] if owner else []
    list_owner = (owners[0], owner.end(), "condition") if owners else (_list_head(text, mentions, s_start, s_end, tracker) or inherited)
    for category, cue_start, cue_end in named:
        index = next((i for i, (a, b) in enumerate(clauses) if a <= cue_start < b), 0)
        clause = clauses[index]
        fronted = FRONTED_REQUEST.match(text, s_start, cue_start)
        reach = s_start if fronted is not None else max(s_start, cue_start - 140)
        # "the American plan": the cue is the proposal noun itself, which the author's phrase must reach
        own_noun = PROPOSAL_NOUN.fullmatch(text, cue_start, cue_end) is not None
        for author, author_start, author_end in _authored(text, mentions, reach, cue_end if own_noun else cue_start + 1):
            content = PROPOSAL_CONTENT.match(text[author_end:cue_start]) and not any(
                author_end <= other < cue_start for _, other, _ in named)  # the nearest position is what it proposes
            if cue_start - author_end <= 35 or content \
                    or (fronted is not None and fronted.end() <= author_start <= fronted.end() + 4):
                items.append({"who": author, "category": category, "stance": "propose", "voice": "outlet",
                              "source": "", "start": author_start, "end": cue_end})
        for author, _, author_end in _authored_after(text, mentions, cue_end, s_end):
            items.append({"who": author, "category": category, "stance": "propose", "voice": "outlet",
                          "source": "", "start": cue_start, "end": author_end})
        # (a cue that is itself a refusal, "keep arming Ukraine, as Starmer insisted", is what the aside wants)
        asides = [] if _fixed_stance(text, category, cue_start, cue_end) else _as_wanted(text, mentions, cue_end, s_end, named)
        for who, wanted_stance, _, wanted_end in asides:
            # "stop sharing intelligence, as Moscow demands": Moscow's demand, on the report of whoever tells it
            speaker = next((sp for a, b, sp in quoted + reported if a <= cue_start < b and isinstance(sp, str)), None)
            voice, source = ("third_party", speaker) if speaker and speaker != who else ("outlet", "")
            owned, wanted_stance = _owner_position(text, category, wanted_stance, cue_start, cue_end)
            items.append({"who": who, "category": owned, "stance": wanted_stance, "voice": voice, "source": source,
                          "start": cue_start, "end": wanted_end, "referred": True})
        # "the conditions for a ceasefire that Putin set out": the relative clause is about the conditions
        described = [] if HEAD_NOUN_BEFORE.search(text, max(s_start, cue_start - 200), cue_start) \
            else _relative_holders(text, cue_end, s_end, mentions)
        if described and SUBORDINATE_BEFORE.search(text, max(s_start, cue_start - 60), cue_start):
            # "stop before it will consider a truce – terms Kyiv rejects": the truce is what waits, not one of the terms
            described = []
        for who, relative_stance, end in described:
            # the relative clause's subject holds it, whatever the clause's own stance
            speaker = next((sp for a, b, sp in quoted + reported if a <= cue_start < b and isinstance(sp, str)), None)
            voice, source = ("third_party", speaker) if speaker and speaker != who else ("outlet", "")
            if category == "unspecified_conditions":
                relative_stance = "condition"  # "the conditions Moscow has put to Washington" are set, not proposed
            held_category, relative_stance = _refusing_troops(text, category, relative_stance, cue_start, cue_end)
            items.append({"who": who, "category": held_category, "stance": relative_stance, "voice": voice,
                          "source": source, "start": cue_start, "end": end})
        window = text[clause[0]:clause[1]]
        present = stances_in[index]
        if any(stance_cues[s].search(text, cue_start, cue_end) for s in present):
            # "wants to see what Moscow has agreed to": a stance word inside the position's own
            # words is what the position is about, not a stance on it
            outside = text[clause[0]:cue_start] + " " * (cue_end - cue_start) + text[cue_end:clause[1]]
            present = [s for s in present if stance_cues[s].search(outside)]
        if "accept" in present and all(re.match(r"\s+by\b", text[a.end():a.end() + 4]) and a.end() <= cue_start
                                       for a in stance_cues["accept"].finditer(text, clause[0], clause[1])):
            # "any deal must be backed by security guarantees": the guarantees back the deal; no one accepts them
            present = [s for s in present if s != "accept"]
        if present == ["propose"] and _authored(text, mentions, clause[0], clause[1]) \
                and not _passive_after_relative(text, cue_end, s_end):
            continue  # the clause only names a proposal; its author's row is above
        charge = ACCUSATION.search(text, clause[0], cue_start)
        if charge:  # "Kallas accused Moscow of piling up preconditions": a charge, not the accuser's position
            inherent = _category_fields()[category]["stance_without_cue"]
            accused = [m for m in mentions if charge.start() <= m.start < cue_start and m.actor and not m.in_title]
            accuser = subject_mentions(text, mentions, s_start, charge.start())
            if inherent and accused and (category, clause) not in seen:
                items.append({"who": accused[-1].actor, "category": category, "stance": inherent,
                              "voice": "third_party" if accuser else "outlet",
                              "source": accuser[0].actor if accuser else "", "start": charge.start(), "end": cue_end})
                seen.add((category, clause))
            continue
        if GROWN_INTO.match(text, cue_end, min(s_end, cue_end + 80)):
            continue  # "the energy pause should be widened into a full ceasefire": the base, not the position
        if ARGUMENT.search(text, clause[0], cue_start):
            continue  # "a pause would only allow Ukraine to rearm": the reason given, not a position
        if COUNTERFACTUAL.match(text, clause[0]):
            continue  # "Had Putin accepted the full truce, ...": what did not happen
        fixed = _fixed_stance(text, category, cue_start, cue_end)
        stance = fixed or (present[0] if present else carried.get(index))
        if not fixed and not present and index + 1 < len(clauses) and _interrupting_speaker(text, mentions, s_start, cue_start, s_end, tracker):
            # "That demand, Zelenskyy said, is unacceptable": the verdict follows the interruption
            stance = next((s for s in stances_in[index + 1] if s in RESPONSES), stance)
            if stance in RESPONSES:
                clause = (clause[0], clauses[index + 1][1])  # the evidence runs on to the verdict
                window = text[clause[0]:clause[1]]
        if (stance == "propose" or (stance is None and _category_fields()[category].get("offered_by"))) \
                and NO_PLANS.search(text, clause[0], cue_start):
            continue  # "there were no plans to send Polish troops": no offer, and no refusal of anyone's
        on_condition = False  # accepted, and a condition set on it: a condition row as well
        if stance == "condition" and "demand" in present:
            set_on = stance_cues["condition"].search(text, clause[0], clause[1])
            if set_on and any(other == category and set_on.end() <= start <= set_on.end() + 40 for other, start, _ in named):
                stance = "demand"  # "wants root causes dealt with before any lasting settlement": the settlement's own terms
        if ("condition" in present and stance_cues["condition"].search(text, clause[0], cue_start)) \
                or _withheld_until(text, s_start, cue_start):
            stance = "condition"  # "impossible unless the West stops arming Ukraine": what follows "unless" is a condition
        elif stance == "condition" and "accept" in present and stance_cues["accept"].search(text, clause[0], cue_end) \
                and not stance_cues["condition"].search(text, clause[0], cue_start) \
                and not re.search(r"\bonly\b", window, re.I):
            after = stance_cues["condition"].search(text, cue_end, clause[1])
            if after is not None and CONDITION_NOUN.fullmatch(after.group()):
                stance = "accept"  # "agrees to an energy pause, lists conditions for a full truce": the conditions are the truce's
            elif after is not None:
                # "ready to back the energy pause provided Russia stops": accepted, and on a condition;
                # but "would agree to a truce only if ..." has not accepted it.
                stance, on_condition = "accept", True
        if stance == "condition" and category == "prisoner_exchange" and SWAP_TERMS.search(window):
            continue  # "175 prisoners came home in exchange for 175 Russians": the swap's terms, not a condition
        trailing = TRAILING_CONDITION.match(text, *clauses[index + 1]) if index + 1 < len(clauses) else None
        # "ready to send troops as part of a reassurance force, but only once a ceasefire is in place":
        # the force is offered, and the truce is the condition set on it
        truce_first = _category_fields()[category].get("offered_by") and TRUCE_FIRST.search(text, cue_end, s_end) is not None
        if truce_first and stance == "condition" and category != "accept_ceasefire" \
                and TRUCE_FIRST.search(text, clause[0], clause[1]) and not any(
                    other != category and clause[0] <= start < cue_start for other, start, _ in named):
            stance = "propose"  # "would deploy a force only once a ceasefire is in place": the force offered, the truce its condition
        if trailing and stance in ("accept", "propose") and not any(clauses[index + 1][0] <= start < clauses[index + 1][1]
                                                                     for _, start, _ in named):
            # "Ukraine will stop firing at energy sites – but only as long as Russia does the same"
            if trailing.group("only") and not (truce_first and stance == "propose"):
                stance = "condition"
            elif not trailing.group("only"):
                on_condition = True
        if stance == "accept":
            accepts = list(stance_cues["accept"].finditer(text, clause[0], cue_start))
            last_accept = accepts[-1] if accepts else None
            if last_accept is not None and NEGATED_VERB.search(text, max(clause[0], last_accept.start() - 30), last_accept.start()):
                stance = "reject"  # "agreed to X, but would not sign on to the full ceasefire"
            elif BUT_NOT.search(text, max(s_start, clause[0] - 4, cue_start - 40), cue_start):
                stance = "reject"  # "agreed to the energy pause, but not to the full ceasefire": the accepting verb, denied
        if stance == "reject" and not fixed and present and present[0] == "reject":
            refusals = list(stance_cues["reject"].finditer(text, clause[0], clause[1]))
            if refusals and all(NEGATED_VERB.search(text, max(clause[0], r.start() - 30), r.start()) for r in refusals):
                continue  # "Zelenskyy did not reject the pause", "Kyiv has not ruled out ...": no rejection, and no acceptance either
        if stance == "accept" and URGED_TO_ACCEPT.search(text, clause[0], cue_start):
            stance = "demand"  # "urged Moscow to go further and agree to a complete ceasefire": asked of another
        hedge_end = min(s_end, cue_end + 200)  # the reservation may run past the next clause
        hedgeable = stance == "accept" or (stance == "condition" and "accept" in present)
        if hedgeable and (any(HEDGED.match(text, but.start(), hedge_end) for but in BUT.finditer(text, cue_end, hedge_end))
                          or DETAILS_WANTED.match(text, cue_end, hedge_end)):
            stance = "accept_in_principle"  # on a condition as well, when one is set: "... provided Russia stops, but wants details"
        # "will not stop mobilising": the verb that halts the thing stands between the negation and the cue
        halting = HALTING_VERB.search(text, max(clause[0], cue_start - 30), cue_start) if category in HALTINGS else None
        negated_at = halting.start() if halting is not None else cue_start
        if stance in ("demand", "accept", None) and category not in PROHIBITIONS \
                and NEGATED.search(text, max(clause[0], negated_at - 40), negated_at):
            if category == "energy_infrastructure_truce" and STRIKING.match(text, cue_start):
                # "we will not strike their energy as long as they do not strike ours": holding the pause, on a condition
                stance = "condition" if RECIPROCAL.search(text, s_start, s_end) else "accept"
            else:
                stance = "reject"  # "Ukraine would never recognise Crimea as Russian"
        if stance is None and list_owner and cue_start >= list_owner[1]:
            stance = list_owner[2]  # an item of "Moscow's program: ..."
        if stance is None and category in PROHIBITIONS and re.match(r"no\s", text[cue_start:cue_end], re.I):
            stance = "demand"  # "no European troops in Ukraine": the ban, stated
        if stance is None and not CONDUCT.match(text, cue_end, s_end) \
                and not CONDUCTED.search(text, max(s_start, cue_start - 40), cue_start) \
                and not CONDUCTED_CUE.match(text, cue_start, cue_end) \
                and not EVALUATED.search(text, max(s_start, cue_start - 40), cue_start):
            # some categories name their stance ("conditions", "a prisoner exchange"), unless it is
            # being carried out ("a prisoner exchange happening today"): conduct, not a position;
            # or welcomed once done ("welcomes the exchange of prisoners"): a verdict, not a position
            stance = _category_fields()[category]["stance_without_cue"] or None
        offered_only = False
        if stance is None and _category_fields()[category].get("offered_by") and TROOPS.search(text, cue_start, clause[1]):
            # "Britain and France are planning a force to help secure any ceasefire": those who would
            # send the force propose it, stance word or not; anyone else says nothing about it here
            stance, offered_only = "propose", True
        # A passive names its agents and its verb their stance, whatever stance the clause shows.
        agents = BY_AGENT_VERB.search(text, cue_end, min(s_end, cue_end + 40)) or PASSIVE_BY.search(text, cue_end, clause[1]) \
            or RECEIVED.search(text, cue_end, s_end) or _passive_after_relative(text, cue_end, s_end)
        if agents and any(cue_end <= start < agents.start() for _, start, _ in named):
            agents = None  # another position stands between: the passive is about that one
        if agents is None and (category, clause) not in seen:
            placed = _fronted_place_rows(text, codebook, s_start, category, cue_start, cue_end, clause[1])
            if placed:
                items += placed
                seen.add((category, clause))
                continue
        if agents and (category, clause) not in seen:
            demanded = _demanded_by(text, mentions, clause[0], cue_start)
            if demanded is not None:  # "Moscow's call for X was rejected by Kyiv": Moscow's demand as well
                owned, owner_stance = _owner_position(text, category, demanded[1], cue_start, cue_end)
                items.append({"who": demanded[0].actor, "category": owned, "stance": owner_stance, "voice": "outlet",
                              "source": "", "start": demanded[0].start, "end": cue_end, "referred": True})
            rows, agents_end = _agent_rows(text, mentions, agents, category, cue_start, cue_end, s_end)
            later = PASSIVE_BY.search(text, agents_end, s_end) if rows else None
            if later is not None and not any(agents_end <= start < later.start() for _, start, _ in named):
                # "the force, championed by Starmer and Macron, was rejected by Moscow": both passives hold
                rows += _agent_rows(text, mentions, later, category, cue_start, cue_end, s_end)[0]
            items += rows
            main = _stance_before(text, clause[0], cue_start) if rows else None
            if main is None:
                seen.add((category, clause))
                continue  # with no nameable agent ("by the presidents of Russia and the US"), no holder is better than a guess
            # "The Russian leader did not agree to the ceasefire proposed by Washington": the agents
            # hold their part, and the clause's subject its own stance on the same position
            stance = main
        glosser = _glossed_by(text, mentions, max(s_start, cue_start - 120), cue_start)
        if glosser is not None:
            stance = "demand"
        if stance is None or (category, clause) in seen:
            continue
        if category == "unspecified_conditions" and stance == "demand":
            stance = "condition"  # demands named as such are conditions
        if stance == "condition" and _conditioned(text, clause, cue_end, named, cue_start):
            continue  # "a wider truce would depend on a halt to aid": the truce is what the condition is set on
        refused_force = None
        if not fixed:
            refused_force = (category, stance)
            category, stance = _refusing_troops(text, category, stance, cue_start, cue_end)
            refused_force = refused_force if (category, stance) != refused_force else None
        if stance == "reject" and not fixed and category in PROHIBITIONS and OBJECTION.search(window) \
                and "veto" not in text[cue_start:cue_end].lower() \
                and not BAN_STATED.match(text, cue_start, cue_end):  # refusing Moscow a veto, or the ban itself, rejects the ban
            # Objecting to foreign troops is holding "no foreign troops", not rejecting it; objecting to
            # any agreement that involves them sets it as a condition.
            stance = "condition" if AGREEMENT_BEFORE.search(text, clause[0], cue_start) else "demand"
        accepted = stance_cues["accept"].search(text, clause[0], clause[1]) if stance == "accept" else None
        if accepted and PARTICIPLE.fullmatch(accepted.group()) and PARTICIPLE_NOUN.search(text, clause[0], accepted.start()):
            continue  # "an exchange agreed during the call": agreed by someone unnamed, not by the clause's subject
        demanded = _demanded_by(text, mentions, clause[0], cue_start) if stance in RESPONSES else None
        if demanded is not None:
            # "dismissing Moscow's call for a freeze on rearmament": Moscow's demand, and a response to it
            owner, owner_stance = demanded
            owned, owner_stance = _owner_position(text, category, owner_stance, cue_start, cue_end)
            items.append({"who": owner.actor, "category": owned, "stance": owner_stance, "voice": "outlet",
                          "source": "", "start": owner.start, "end": cue_end, "referred": True})
            holder = _holder(text, owner.start, clause, clauses, index, s_start, s_end, mentions, quoted, reported,
                             stance, tracker)
            if holder is not None and holder[0] == owner.actor:
                holder = None
            judged = _judged_for(text, mentions, cue_end, clause[1]) if stance == "reject" else None
            if holder is None and judged is not None and judged != owner.actor:
                holder = (judged, "outlet", "")  # "Moscow's demand for X is a non-starter for Kyiv": Kyiv's verdict
        else:
            denied = _denied(text, mentions, cue_start, cue_end) if fixed else None
            holder = _holder(text, cue_start, clause, clauses, index, s_start, s_end,
                             [m for m in mentions if m is not denied], quoted, reported, stance, tracker)
        if list_owner and cue_start >= list_owner[1]:
            if category == "accept_ceasefire" and any(other != category and clause[0] <= start < clause[1]
                                                      for other, start, _ in named):
                continue  # "- control of a pause along the front": the pause is what the item is about, not an item
            # "- No mobilisation while the guns are quiet": a demand for the time of a pause is a condition of it
            listed = "condition" if list_owner[2] == "demand" and PAUSE_TIME.search(text, cue_end, clause[1]) else list_owner[2]
            items.append({"who": list_owner[0], "category": category, "stance": listed, "voice": "outlet",
                          "source": "", "start": cue_start, "end": cue_end})
            seen.add((category, clause))
            continue
        pair = TWO_LEADERS.search(text, clause[0], cue_start)
        if pair and stance == "accept" and category in SHARED_AIMS:
            seen.add((category, clause))
            continue  # "the two presidents agreed that the conflict must end in a lasting peace": a shared aim
        if pair and stance in ("accept", "reject", "propose"):
            teller = holder[0] if holder else next((sp for a, b, sp in reported if a <= cue_start < b and isinstance(sp, str)), None)
            for who in _two_leaders(text, mentions, tracker.codebook, pair.start()):
                voice, source = ("third_party", teller) if teller not in (None, who) else ("outlet", "")
                items.append({"who": who, "category": category, "stance": stance, "voice": voice, "source": source,
                              "start": clause[0], "end": clause[1]})
            seen.add((category, clause))
            continue
        split = _split_subject(text, mentions, s_start, cue_start) if holder is not None and holder[1] == "reported" \
            and not DENIAL.search(text, max(s_start, cue_start - 12), cue_end) else None  # "Moscow, she said, would get no say": the one denied
        if split is not None and split != holder[0] and not _own_state(tracker.codebook, split, holder[0]):
            holder = (split, "third_party", holder[0])  # "Moscow, Zelensky says, has in effect rejected the ceasefire"
        answerer = _answerer(text, mentions, cue_start, cue_end, tracker)
        if answerer is not None and (holder is None or holder[0] != answerer):
            # "…, and Moscow's answer was a no": the answer's owner, on the account of whoever tells it
            holder = (answerer, "outlet", "") if holder is None or holder[1] == "outlet" else (answerer, "third_party", holder[0])
        if glosser is not None:
            holder, stance = (glosser, "outlet", ""), "demand"  # "'root causes', Moscow's shorthand for ...": what Moscow means
        if holder is None and stance in RESPONSES:
            holder = _interrupting_speaker(text, mentions, s_start, cue_start, s_end, tracker)
        if holder is None:
            continue
        who, voice, source = holder
        seen.add((category, clause))  # one row per category and clause
        # "Britain and France have said they could send troops": each speaker of a joint statement holds it
        joined_from = {"outlet": clause[0], "reported": s_start}.get(voice)
        holders = [who] + (_joined_subjects(text, mentions, joined_from, cue_start, who, s_start) if joined_from is not None else [])
        for who in holders:  # "Britain and France have proposed ...": both hold it
            if offered_only and not _offers(tracker.codebook, who, category):
                continue
            wanted = category
            own_stance = stance
            if category == "no_foreign_peacekeepers" and stance == "demand" and not KEPT_OUT.search(window) \
                    and tracker.codebook.actor(who).get("camp") != "Russia":
                # "Zelenskyy called for Western troops in Ukraine": the force, wanted; "Orbán rejected
                # the reassurance force": outside Moscow, refusing the force rejects it
                offers_force = _offers(tracker.codebook, who, "security_guarantees")
                wanted, own_stance = (refused_force if refused_force and not offers_force else ("security_guarantees", stance))
            own_offer = own_stance in ("demand", "accept") and _offers(tracker.codebook, who, wanted) \
                and TROOPS.search(text, cue_start, clause[1]) is not None
            for held in ["propose" if own_offer else own_stance] + (["condition"] if on_condition and stance in ("accept", "accept_in_principle") else []):
                items.append({"who": who, "category": wanted, "stance": held, "voice": voice, "source": source,
                              "start": clause[0] + (len(window) - len(window.lstrip())),
                              "end": clause[0] + len(window.rstrip(" ,;–—-"))})
            if truce_first and wanted == category and items and items[-1]["stance"] == "propose":
                items.append({**items[-1], "category": "accept_ceasefire", "stance": "condition"})
    items += _appositive_positions(text, s_start, s_end, mentions, named)
    return items


# "… a halt to Western aid – a demand Ukraine and its allies have repeatedly rejected": a noun
# standing for the position just named, and a clause saying who takes which stance on it.
APPOSITIVE = re.compile(
    r"(?:^|[,;–—-]\s*)(?P<noun>(?:a|an|the)\s+(?:[\w-]+\s+)?(?:demand|condition|precondition|proposal|idea|plan|call|position|request)s?)"
    r"\s+(?:that\s+|which\s+)?(?P<holders>.{1,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:\w+ly\s+)?"
    r"(?P<verb>rejected|refused|dismissed|opposed|ruled\s+out|shot\s+down|turned\s+down|brushed\s+aside|rebuffed|"
    r"spurned|accepted|backed|endorsed|welcomed|supported|agreed\s+to)\b", re.I)
APPOSITIVE_STANCE = {"rejected": "reject", "refused": "reject", "dismissed": "reject", "opposed": "reject",
                     "ruled out": "reject", "shot down": "reject", "turned down": "reject", "brushed aside": "reject",
                     "rebuffed": "reject", "spurned": "reject"}


ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:the\s+)?\Z", re.I)


def _appositive_positions(text: str, s_start: int, s_end: int, mentions, named) -> list[dict]:
    """Rows for a position taken in an appositive on the one named just before it."""
    rows = []
    for hit in APPOSITIVE.finditer(text[:s_end], s_start):
        before = [(start, category) for category, start, end in named if end <= hit.start()]
        if not before:
            continue
        _, category = max(before)
        cue_start, cue_end = next((start, end) for c, start, end in named if (start, c) == max(before))
        stance = APPOSITIVE_STANCE.get(re.sub(r"\s+", " ", hit.group("verb").lower()), "accept")
        category, stance = _refusing_troops(text, category, stance, cue_start, cue_end)  # "..., an idea Moscow shot down"
        named_in = [m for m in mentions if hit.start("holders") <= m.start < hit.end("holders") and m.actor and not m.in_title]
        # "an idea which, according to the Kremlin, Trump supported": the Kremlin tells, Trump holds
        tellers = [m.actor for m in named_in if ACCORDING_TO.search(text, max(0, m.start - 20), m.start)]
        holders = [m.actor for m in named_in if m.actor not in tellers]
        voice, source = ("third_party", tellers[0]) if tellers else ("outlet", "")
        for who in dict.fromkeys(holders):
            rows.append({"who": who, "category": category, "stance": stance, "voice": voice, "source": source,
                         "start": hit.start("noun"), "end": hit.end()})
    return rows


def _relative_holders(text: str, position: int, limit: int, mentions) -> list[tuple[str, str, int]]:
    """(actor, stance, end) for each relative clause after the cue ending at ``position`` whose
    subject is an actor and whose verb is one of agreeing, wanting or proposing: "the ceasefire
    that Ukraine agreed to", "the ceasefire Trump proposed", "the plan Washington put forward and
    Ukraine accepted"."""
    link = RELATIVE_LINK.match(text, position, limit)
    found = []
    while link:
        # the subject may come after a title that holds a mention of its own ("his US counterpart Donald Trump"),
        # and may be several joined ("the truce that Kyiv and Washington had sought")
        hit = next(((joined, stance, h) for subject in mentions
                    if link.end() <= subject.start <= link.end() + 60 and subject.actor and not subject.in_title
                    and RELATIVE_SUBJECT_TITLE.fullmatch(text, link.end(), subject.start)
                    for joined in [_joined_after(text, mentions, subject, limit)]
                    for stance, verb in RELATIVE_VERBS for h in [verb.match(text, joined[-1].end, limit)] if h), None)
        if hit is None:
            break
        subjects, stance, verb_hit = hit
        found += [(subject.actor, stance, verb_hit.end()) for subject in subjects]
        link = RELATIVE_AND.match(text, verb_hit.end(), limit)  # "... and Ukraine accepted"
    return found


def _joined_after(text: str, mentions, first, limit: int) -> list:
    """``first`` and the mentions joined to it by "and" or commas ("Kyiv and Washington")."""
    joined = [first]
    while True:
        following = next((m for m in mentions if m.start > joined[-1].end and m.start < limit and m.actor
                          and not m.in_title and JOINED.fullmatch(text, joined[-1].end, phrase_start(text, m))), None)
        if following is None:
            return joined
        joined.append(following)


# "that"/"which", or no word at all before a named subject ("the ceasefire Trump proposed"),
# or "the one" ("a 30-day ceasefire, the one Ukraine accepted"), or an apposed "an idea" ("hockey
# matches between the two leagues, an idea Trump liked"). With "that" or "which" the
# relative clause may follow the rest of the cue's noun phrase ("a halt to strikes on power
# stations and the grid, which Trump proposed").
RELATIVE_LINK = re.compile(r"(?:\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)??,?\s+(?i:that|which)\s+|\s+(?=(?:the\s+|his\s+|her\s+|their\s+)?[A-Z])"
                           r"|,\s+the\s+one\s+(?:(?i:that|which)\s+)?"
                           r"|(?:\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)??,\s+an?\s+(?:idea|proposal|offer|suggestion|plan|move|step)\s+(?:(?i:that|which)\s+)?"
                           # "... before any truce – terms Kyiv has said it will never accept"
                           r"|(?:\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)??(?:,|\s+[–—-])\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?(?:terms|conditions|demands)\s+(?:(?i:that|which)\s+)?")
# What may stand before a relative clause's subject: an article or possessive and a title
# ("the ceasefire his US counterpart Donald Trump had pushed for", "the truce that U.S. President
# Donald Trump wanted").
RELATIVE_SUBJECT_TITLE = re.compile(r"(?:(?:the|his|her|their|its)\s+)?(?:(?-i:[A-Z])[\w.’'-]*\s+|(?:counterpart|president|leader|"
                                    r"envoy|minister|secretary|administration|government|side|negotiators?)\s+){0,4}", re.I)
# A noun the position completes, which a relative clause after the position may describe instead.
HEAD_NOUN_BEFORE = re.compile(r"\b(?:conditions|terms|preconditions|demands|requirements)\s+(?:for|of|on)\s+"
                              r"(?:(?:a|an|the|any)\s+)?(?:[\w-]+\s+){0,2}\Z", re.I)
RELATIVE_AND = re.compile(r"(?:\s+(?:in|at|on|last|this)\s+[\w-]+(?:\s+week)?)?,?\s+and\s+(?:(?i:that|which)\s+)?(?=(?:the\s+)?[A-Z])")


# Aims that both leaders are said to share are not positions taken on someone's demand (the gold's convention).
SHARED_AIMS = {"end_the_war", "broader_settlement"}
TWO_LEADERS = re.compile(r"\b(?:the two (?:leaders|presidents|men)|both (?:leaders|presidents|men)|the presidents|the leaders)\b", re.I)


def _two_leaders(text: str, mentions, codebook: Codebook, position: int) -> list[str]:
    """"The two leaders": the two people named most often before this point."""
    people = [m.actor for m in mentions if m.start < position and m.actor and not m.in_title
              and codebook.actor(m.actor).get("type") == "person"]
    return list(pd.Series(people).value_counts(sort=True).index[:2]) if len(set(people)) >= 2 else []


# Stances a speaker can report of someone else ("the Kremlin said Putin agreed"); demands and
# conditions in a speaker's mouth are the speaker's.
THIRD_PARTY_STANCES = ("accept", "reject", "accept_in_principle", "propose")


def _same_side(codebook: Codebook, subject: str, speaker: str) -> bool:
    """A person speaking for their own state ("Zelenskyy says Ukraine would support ...") holds
    that position; an institution reporting a person ("the Kremlin said Putin agreed") does not."""
    held_by, told_by = codebook.actor(subject), codebook.actor(speaker)
    if not told_by and held_by.get("type") == "state" and held_by.get("camp") not in WARRING_CAMPS:
        # a person the codebook lacks ("Foreign Minister Margus Tsahkna said Estonia ...") speaking
        # of a state outside the war's parties: outlets quote such officials on their own state
        return True
    if held_by.get("type") == "group" and told_by.get("type") == "person" and told_by.get("camp") not in WARRING_CAMPS:
        return True  # "Starmer said the coalition of the willing would deploy ...": a member speaking for the group
    return held_by.get("camp", "?") == told_by.get("camp", "!") and held_by.get("type") != "person"


WARRING_CAMPS = {"Russia", "Ukraine", "United States"}  # the war's parties and the mediator
SPOKESPERSON = re.compile(r"spokes|press secretary", re.I)  # in an actor's codebook role


def _own_state(codebook: Codebook, subject: str, speaker: str) -> bool:
    """A person speaking of their own state ("Sikorski said Poland would not support ... until",
    "'Ukraine will not hit their energy as long as ...,' Zelenskyy said"): the speaker's own
    demand or condition. An office's report of its state ("..., the Kremlin said") and a
    spokesperson's ("Russia will agree only if ..., Peskov said") relay the state's."""
    told_by = codebook.actor(speaker)
    return (_same_side(codebook, subject, speaker) and told_by.get("type", "person") == "person"
            and not SPOKESPERSON.search(str(told_by.get("role", ""))))


def _paired(text: str, mentions, mention) -> bool:
    """Whether a mention is one of a pair of parties ("Russia and Ukraine would refrain ...")."""
    after = re.match(r"\s+and\s+(?:the\s+)?", text[mention.end:mention.end + 12])
    if after is not None and any(m.start == mention.end + after.end() and m.actor for m in mentions):
        return True
    window = max(0, mention.start - 12)
    before = re.search(r"\s+and\s+(?:the\s+)?$", text[window:mention.start])
    return before is not None and any(m.end == window + before.start() and m.actor for m in mentions)


def _parties_named(text: str, mentions, start: int) -> bool:
    """Whether a reported content opens on two parties ("... agreed that Russia and Ukraine would
    refrain from strikes"): the terms of an agreement or proposal, whose holders are outside it."""
    first = next((m for m in mentions if m.start >= start and m.actor), None)
    return (first is not None and not text[start:first.start].strip(" “”\"'")
            and re.match(r"\s+and\s+", text[first.end:first.end + 6]) is not None
            and any(m.actor and m.actor != first.actor and first.end < m.start <= first.end + 6 for m in mentions))


# "a group of countries led by the UK and France": the second agent of a passive is not a subject.
BY_AGENT = re.compile(r"\bby\s+(?:the\s+)?[\w’'.-]+(?:\s+[\w’'.-]+){0,3}\s+(?:and|or)\s+(?:the\s+)?\Z")


# "Washington's push for ...", "Kyiv's rejection of ...", "Putin's answer was ...": a position
# held in a noun phrase by its possessor.
POSITION_NOUN = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,2}?(?:answer|response|reply|position|stance|rejection|refusal|"
                           r"demands?|calls?|push|insistence|acceptance|support|opposition|objection|attitude|view|eyes|"
                           r"conditions|terms|bid|usage|red lines?|veto)\b", re.I)


# The same nouns with their holder after them: "the demands of Moscow", "a response from Kyiv".
POSITION_NOUN_OF = re.compile(r"\b(?:answer|response|reply|position|stance|rejection|refusal|demands|insistence|acceptance|"
                              r"support|opposition|objections?|attitude|view|conditions|terms|red lines?|veto)\s+"
                              r"(?:of|from)\s+(?:the\s+)?$", re.I)
POSSESSIVE_AFTER = re.compile(r"[’']s?\s")
RESPONSE_NOUN = re.compile(r"\b(?:answer|response|reply|rejection|refusal|acceptance|opposition|objections?)\b", re.I)


AUTHOR_OF_NOUN = re.compile(r"[\s-]+(?:[\w-]+\s+)?(?:plan|proposal|initiative|offer|idea)\b", re.I)


def _possessor(text: str, mentions, start: int, position: int, stance: str | None = None) -> str | None:
    """The actor whose position noun ("Kyiv's rejection", "the demands of Moscow") stands
    before ``position``. Whoever responds to a proposal ("Kyiv's response to the proposal")
    is not its author."""
    for m in mentions:
        if not (start <= m.start < position and m.actor and not m.in_title):
            continue
        noun = POSITION_NOUN.match(text, m.end)
        if noun and (noun.end() <= position or RESPONSE_NOUN.fullmatch(text, position, noun.end())):  # or "Putin's [answer] was no"
            noun_text = noun.group()
        else:
            before = POSITION_NOUN_OF.search(text, max(start, m.start - 40), m.start)
            if before is None or POSSESSIVE_AFTER.match(text, m.end) or AUTHOR_OF_NOUN.match(text, m.end):
                continue  # "a rejection of Washington's proposal", "… of the U.S. plan": what is rejected is Washington's
            noun_text = before.group()
        if stance == "propose" and RESPONSE_NOUN.search(noun_text):
            continue
        return m.actor
    return None


def _speaks_for(codebook: Codebook, speaker: str, subject: str) -> bool:
    """An office reporting its own leader ("the Kremlin said Putin ..."): the leader's position."""
    told_by, held_by = codebook.actor(speaker), codebook.actor(subject)
    return (told_by.get("type") == "organisation" and held_by.get("type") == "person"
            and told_by.get("camp", "?") == held_by.get("camp", "!"))


def _agrees_on_condition(text: str, clause: tuple[int, int], position: int) -> bool:
    """Whether the clause's subject agrees on a condition before ``position`` ("X would agree to a
    truce only if ..."): then the subject, not the target of the condition, sets it."""
    condition = _stances()["condition"].search(text, clause[0], position + 1)
    return condition is not None and _stances()["accept"].search(text, clause[0], condition.start()) is not None


# A verb of wanting right after its subject: the subject holds the demand it states, unlike
# "must" or "should", whose subject is who the demand is made of ("Putin said Ukraine must ...").
WANTING = re.compile(r"\s+(?:(?:still|also|now|only|clearly|has|have|had|is|are|was|were|would|will)\s+)*"
                     r"(?:wants?|wanted|demands?|demanded|insists?|insisted|seeks?|sought|calls?\s+for|called\s+for|"
                     r"presse[sd]\s+for|pushe[sd]\s+for|pressing\s+for|pushing\s+for|expects?|expected|would\s+like)\b", re.I)


THIRD_PERSON_WANTS = re.compile(r"\W*(?:and\s+|but\s+)?(he|she)(?=" + WANTING.pattern + ")", re.I)


def _wanting_subject(text: str, mentions, start: int, position: int) -> str | None:
    """The actor of the clause's subject when a verb of wanting follows it, before ``position``."""
    return next((m.actor for m in subject_mentions(text, mentions, start, position)
                 if WANTING.match(text, m.end, position)), None)


JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|\s*[+&]\s*)(?:the\s+)?")  # "Starmer + Macron"


# Words that keep foreign troops out: with them, wanting is wanting the ban.
KEPT_OUT = re.compile(r"\b(?:no|not|never|out|against|without|ban\w*|bar\w*|keep\w*\s+(?:[\w-]+\s+){0,3}?away)\b|n[’']t\b", re.I)


def _offers(codebook: Codebook, who: str, category: str) -> bool:
    """Whether ``who`` (or its camp) is among those the category codebook says would provide the
    thing (``offered_by``): Britain wanting a reassurance force of its own troops proposes it."""
    offered = {name.strip() for name in (_category_fields()[category].get("offered_by") or "").split(";") if name.strip()}
    return bool(offered) and (who in offered or codebook.actor(who).get("camp") in offered)


def _joined_subjects(text: str, mentions, start: int, position: int, holder: str, floor: int | None = None) -> list[str]:
    """The other actors of a subject joined by "and" to ``holder``'s ("Britain and France have
    proposed", "Starmer, Macron and Scholz want", "Starmer and French President Emmanuel Macron
    have been championing"), before ``position``; none without an "and". With ``floor`` (the
    sentence start), a list opening the sentence before the clause cut at its first comma counts
    too ("Germany, France and Britain called on ...")."""
    first = next((m for m in subject_mentions(text, mentions, start, position) if m.actor == holder), None)
    if first is None:
        return []
    named = [m for m in mentions if m.actor and not m.in_title]
    joined, end, linked = [], first.end, False
    while True:
        link = JOINED.match(text, end, position)
        after = next((m for m in named if link and phrase_start(text, m) == link.end()), None)
        if after is None:
            break
        owned = re.match(r"[’']s\s+", text[after.end:after.end + 4])
        if owned:  # "Britain's Keir Starmer and France's Emmanuel Macron": the person, not their country
            after = next((m for m in named if m.start == after.end + owned.end()), after)
        joined.append(after.actor)
        linked = linked or any(word in link.group() for word in ("and", "well", "+", "&"))
        end = after.end
    if linked and floor is not None:
        before, head = [], phrase_start(text, first)
        while True:
            prior = next((m for m in named if m.end <= head and re.fullmatch(r"\s*,\s*(?:the\s+)?", text[m.end:head])), None)
            if prior is None:
                break
            before.append(prior.actor)
            head = phrase_start(text, prior)
        if before and re.fullmatch(r"[\s“\"‘'(]*(?:the\s+)?", text[floor:head], re.I):
            joined = before + joined  # the list starts the sentence: nothing else stands before it
    return [actor for actor in dict.fromkeys(joined) if actor != holder] if linked else []


# "Fact check: Did Putin agree to a 30-day ceasefire?": a yes-no question asks, it states no position.
YES_NO_QUESTION = re.compile(r"\W*(?:[^\W\d][\w ’'-]{0,30}:\s+)?(?:did|does|do|will|would|has|have|had|is|are|was|were|can|could|"
                             r"should|shall)\s[^?]*\?\W*\Z", re.I)


PROPOSAL_NOUN = re.compile(r"(?:plan|proposal|initiative)\b", re.I)


def _holder(text, position, clause, clauses, index, s_start, s_end, mentions, quoted, reported, stance, tracker):
    """Who holds the position at ``position``, in which voice, on whose report."""
    if stance != "refuse_to_confirm" and YES_NO_QUESTION.match(text[s_start:s_end]):
        return None
    inside = [speaker for start, end, speaker in quoted if start <= position < end]
    opened = next((start for start, end, _ in quoted if start <= position < end), clause[0])
    # Speech reported by a verb inside a quotation or a transcript turn ("President Zelenskyy has
    # said that Ukraine would ..." in an MP's question) is the reported speaker's, as outside one;
    # a noun ("Moscow's insistence that ...") is the quoted speaker's account of it.
    nested = inside and any(opened <= start <= position < end and pd.notna(speaker) and speaker != inside[0]
                            and verb_pattern().search(text, max(opened, start - 30), start)
                            for start, end, speaker in reported)
    if nested and pd.notna(inside[0]):
        outside = [q for q in quoted if not q[0] <= position < q[1]]
        held = _holder(text, position, clause, clauses, index, s_start, s_end, mentions, outside, reported, stance, tracker)
        if held is not None and held[1] in ("reported", "outlet") and held[0] != inside[0]:
            return held[0], "third_party", inside[0]  # Peskov telling what "the president has said"
        return held
    if inside and pd.notna(inside[0]):
        if stance in ("accept", "reject") and PRONOUN_SUBJECT.match(text[clause[0]:clause[1]]) \
                and not re.match(r"\W*(?:I|we)\b", text[clause[0]:clause[1]]):
            return None  # "if they reject a ceasefire": someone else's stance, as the speaker sees it
        named = next((m.actor for m in subject_mentions(text, mentions, max(clause[0], opened), position)), None)
        if named is None and RESPONSE_NOUN.match(text, position):
            named = _possessor(text, mentions, max(clause[0], opened), position, stance)  # "President Putin's answer was ... a polite no"
        if stance in THIRD_PARTY_STANCES and named and named != inside[0] and not _same_side(tracker.codebook, named, inside[0]):
            return named, "third_party", inside[0]  # "Putin responded positively to this proposal," the Kremlin said
        wanting = _wanting_subject(text, mentions, clause[0], position)
        if wanting is None and stance in ("demand", "condition"):
            # "He wants a complete ceasefire" in the press secretary's answer: a third person's demand
            colon = text.rfind(":", clause[0], position)  # "... crystal clear: he wants the killing to stop"
            pronoun = THIRD_PERSON_WANTS.match(text, clause[0], position) \
                or (THIRD_PERSON_WANTS.match(text, colon + 1, position) if colon >= 0 else None)
            wanting = next((m.actor for m in reversed(mentions) if opened <= m.start < clause[0] and m.actor
                            and m.actor != inside[0] and not m.in_title and tracker.fits(m.actor, pronoun.group(1))),
                           None) if pronoun else None
        if wanting is None and stance in ("demand", "condition") and index > 0 and re.match(r"\W*that\s", text[clause[0]:clause[1]]):
            # "Moscow wants a guarantee that Ukraine never joins," the analyst said: the clause before wants it
            wanting = next((w for a, b in reversed(clauses[:index]) if b > opened
                            for w in [_wanting_subject(text, mentions, max(a, opened), b)] if w), None)
        if stance in ("demand", "condition") and wanting and wanting != inside[0] \
                and not _own_state(tracker.codebook, wanting, inside[0]):
            return wanting, "third_party", inside[0]  # "Russia wants Ukraine disarmed," Zelenskyy said
        return inside[0], "quoted", ""
    # What the press reports ("As Ukrinform reported, ...") is the subject's position, not the paper's.
    around = [(start, speaker) for start, end, speaker in reported if start <= position < end
              and tracker.codebook.actor(speaker).get("type") not in PRESS]
    report = [(start, speaker) for start, speaker in around if not _parties_named(text, mentions, start)]
    if around and not report and pd.notna(around[-1][1]) and stance != "refuse_to_confirm":
        return around[-1][1], "reported", ""  # "Putin informed Trump that Russia and Ukraine would exchange ..."
    subjects = [m for m in subject_mentions(text, mentions, clause[0], clause[1]) if m.start < position
                and not (re.fullmatch(r"[\s-]", text[m.end:position]) and PROPOSAL_NOUN.match(text, position))  # "a rejection of the U.S. plan": its author
                and not BY_AGENT.search(text, max(clause[0], m.start - 40), m.start)
                and tracker.codebook.actor(m.actor).get("type") not in PRESS]
    if stance == "condition":
        # "there can be no truce while Ukraine rearms": a subject after the condition's own
        # connective is the one it is made of, not the one who sets it.
        connective = SUBORDINATE_INSIDE.search(text, clause[0], position) or OPENING_IF.match(text, clause[0], position)
        if connective is not None:
            subjects = [m for m in subjects if m.start < connective.start()]
    if report and pd.notna(report[-1][1]):
        content_start, speaker = report[-1]
        if stance in THIRD_PARTY_STANCES and TWO_LEADERS.search(text, report[0][0], position):
            return None  # "the White House said the two leaders had agreed that ...": the leaders' stance, not the teller's
        # The subject of the cue's own clause when it has one ("..., and Putin agreed to the proposal").
        subject = next((m.actor for m in subject_mentions(text, mentions, max(content_start, clause[0]), position)
                        if not _paired(text, mentions, m)),
                       next((m.actor for m in subject_mentions(text, mentions, content_start, position)),
                            _possessor(text, mentions, content_start, position)))
        pronoun = REPORTED_PRONOUN.match(text, max(content_start, clause[0]), position) if subject is None else None
        if pronoun is not None:  # "But he would agree to a full truce only if ..., the Kremlin said"
            subject = tracker.resolve(pronoun.group(1), pronoun.start(1))
        if stance in THIRD_PARTY_STANCES and subject and subject != speaker and not _same_side(tracker.codebook, subject, speaker):
            return subject, "third_party", speaker
        if stance == "condition" and subject and subject != speaker and _agrees_on_condition(text, clause, position) \
                and not _own_state(tracker.codebook, subject, speaker):
            return subject, "third_party", speaker  # "Moscow would agree only if ..., the Kremlin said": Moscow sets it
        if subject and subject != speaker and _speaks_for(tracker.codebook, speaker, subject):
            return subject, "third_party", speaker  # "the White House says the president will press Putin to ..."
        wanting = _wanting_subject(text, mentions, max(content_start, clause[0]), position)
        if stance in ("demand", "condition") and wanting and wanting != speaker and not _own_state(tracker.codebook, wanting, speaker):
            return wanting, "third_party", speaker  # "Leavitt says the president wants Russia to ...": his demand
        if stance == "refuse_to_confirm":
            return _in_question(text, position, s_start, s_end, mentions)
        return speaker, "reported", ""
    if stance == "refuse_to_confirm":
        # "Witkoff declined to confirm whether Putin's demands included ...": the demands are Putin's.
        owner = [m for m in mentions if s_start <= m.start < position and re.match(r"[’']s\s+demands", text[m.end:m.end + 12])]
        teller = [m for m in subject_mentions(text, mentions, s_start, position)]
        if owner:
            return owner[-1].actor, "third_party", teller[0].actor if teller else ""
        return _in_question(text, position, s_start, s_end, mentions)
    earlier = [m for a, b in clauses[:index] for m in subject_mentions(text, mentions, a, b)]
    if earlier and stance in ("demand", "condition", "propose") and re.match(r"\W*that\s", text[clause[0]:clause[1]]):
        # "Moscow wants guarantees that Kiev will not rearm": Kiev is the target; the one wanting is
        # the nearest subject with a verb of wanting ("the Russian leader says ..., which means Moscow
        # wants a Ukraine that ..."), else the sentence's first subject.
        wanting = [w for a, b in clauses[:index] for w in [_wanting_subject(text, mentions, a, b)] if w]
        return (wanting[-1] if wanting else earlier[0].actor), "outlet", ""
    if stance == "condition" and index > 0 and SUBORDINATE_CONDITION.match(text, clause[0], clause[1]):
        # "Russia's position is that there can be no truce while Ukraine rearms": the one the
        # condition is made of is the subordinate clause's subject; who sets it stands before.
        setter = (earlier[0].actor if earlier else None) or _possessor(text, mentions, s_start, clause[0])
        if setter:
            return setter, "outlet", ""
    if subjects:
        if stance in ("demand", "condition"):
            # "the Russian leader keeps returning to the root causes, which means Moscow wants a
            # Ukraine that ...": a later subject with a verb of wanting holds what it wants
            wanting = [i for i, m in enumerate(subjects) if WANTING.match(text, m.end, position)]
            if wanting:
                first = wanting[-1]
                while first > 0 and JOINED.fullmatch(text, subjects[first - 1].end, subjects[first].start):
                    first -= 1  # "Britain and France want ...": the first of those joined (the rest join it below)
                return subjects[first].actor, "outlet", ""
        return subjects[0].actor, "outlet", ""
    owner = _possessor(text, mentions, clause[0], position, stance) or _possessor(text, mentions, s_start, position, stance)
    if owner:
        return owner, "outlet", ""
    answer = PRONOUN_ANSWER.search(text, clause[0], position)
    if answer is not None:  # "On the broader truce, his answer amounted in effect to a rejection of ..."
        actor = tracker.resolve(POSSESSIVE_PRONOUN_SUBJECT[answer.group(1).lower()], answer.start())
        if actor:
            return actor, "outlet", ""
    if index > 0 and re.match(r"\W*(?:as|while|although|but|and|because)?\s*(?:he|she|they|it)\b",
                              text[clause[0]:clause[1]], re.I):
        return None  # a pronoun in mid-sentence may point anywhere ("... Putin as he continues to resist")
    # A clause continuing a list, or a sentence opened by a pronoun: the subject so far.
    if earlier:
        return earlier[0].actor, "outlet", ""
    pronoun = re.match(r"\W*(he|she|they)\b", text[s_start:s_end], re.I)
    if pronoun:
        actor = tracker.resolve(pronoun.group(1), s_start)
        if actor:
            return actor, "outlet", ""
    return None


# "'root causes' – Moscow's shorthand for ...", "a phrase the Kremlin uses for ...", "in Moscow's
# usage, ...", "Moscow-speak for ...": a gloss of someone's words, which tells what they want.
GLOSS = re.compile(r"(?:\b(?:phrase|term|word|words|euphemism|code|label|formula)\s+(?:that\s+)?(?:the\s+)?[A-Z][\w’'-]+\s+"
                   r"(?:uses|used|employs|prefers)|[A-Z][\w’'-]+(?:[’']s\s+(?:shorthand|euphemism|code(?:\s+word)?|usage|"
                   r"vocabulary|parlance|jargon|lexicon|language)|-speak)|\bwhat\s+(?:the\s+)?[A-Z][\w’'-]+\s+"
                   r"(?:means|has\s+in\s+mind)\s+by)\b(?=[^.;:!?]{0,90}\Z)")


def _glossed_by(text: str, mentions, start: int, cue_start: int) -> str | None:
    """Whose words the cue glosses, when a gloss ("Moscow's shorthand for") stands shortly before it."""
    glosses = list(GLOSS.finditer(text, start, cue_start))
    if not glosses:
        return None
    gloss = glosses[-1]  # the nearest gloss before the cue
    return next((m.actor for m in mentions if gloss.start() <= m.start < gloss.end() and m.actor), None)


OPENING_IF = re.compile(r"\W*(?:if|unless)\s", re.I)  # "If Russia does not strike our energy, ...": Russia is what it is made of
REPORTED_PRONOUN = re.compile(r"\W*(?:(?:but|and|yet|so)\s+)?(?:that\s+)?(he|she)\s", re.I)


def _in_question(text, position, s_start, s_end, mentions) -> tuple[str, str, str] | None:
    """For a refusal to confirm: "Peskov declined to say whether Putin would accept ...", "Asked
    if Moscow would insist on ..., Peskov declined to comment": the one the question is about
    holds the position left in doubt, and the one declining is the source."""
    for asked in WHETHER.finditer(text, s_start, position):
        alleged = next((m for m in mentions if asked.end() <= m.start < position and m.actor
                        and len(text[asked.end():m.start].split()) <= 2), None)
        if alleged is None:
            continue
        decliner = [m for m in subject_mentions(text, mentions, s_start, asked.start()) if m.actor != alleged.actor]
        if not decliner and asked.start() - s_start < 12:  # the question opens the sentence: the decliner follows it
            decliner = [m for m in subject_mentions(text, mentions, position, s_end) if m.actor != alleged.actor]
        return alleged.actor, "third_party", decliner[0].actor if decliner else ""
    return None


STANCE_LABELS = {"demand": "demands", "condition": "condition", "propose": "proposes", "accept": "accepts",
                 "accept_in_principle": "accepts in principle", "reject": "rejects",
                 "refuse_to_confirm": "alleged, unconfirmed"}


def positions_by_outlet(corpus: Corpus, table: pd.DataFrame, holders: set[str]) -> pd.DataFrame:
    """Categories (rows) by outlet (columns): the stances the outlet reports for the given
    holders ("" where it reports none), stances joined with ", "."""
    from .composition import article_labels
    labels = dict(zip(corpus.articles["id"], article_labels(corpus.articles)))
    held = table[table["who"].isin(holders)]
    matrix = held.assign(article=held["article_id"].map(labels), label=held["stance"].map(STANCE_LABELS)).pivot_table(
        index="category", columns="article", values="label", aggfunc=lambda s: ", ".join(dict.fromkeys(s)), fill_value="")
    matrix = matrix.reindex(columns=list(labels.values()), fill_value="")
    order = [c for c in categories().index if c in matrix.index]
    matrix = matrix.loc[order]
    matrix.index = [categories().loc[c, "label"] for c in order]
    return matrix


def who_of_whom(table: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Demands and conditions by the holder's camp and their target: who asks what of whom."""
    camp = codebook.actors.set_index("actor")["camp"]
    asked = table[table["stance"].isin(["demand", "condition", "propose"])]
    asked = asked.assign(camp=asked["who"].map(camp).fillna("other"),
                         target=asked["of_whom"].replace("", "(both sides or unspecified)"))
    return (asked.groupby(["camp", "target"]).size().rename("positions").reset_index()
            .sort_values(["positions", "camp"], ascending=[False, True], kind="stable").reset_index(drop=True))
