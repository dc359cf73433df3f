"""Who is named: actor mentions resolved against an editable codebook, and the names it lacks.

The codebook (``codebooks/actors.csv``, ``codebooks/actor_aliases.csv``, ``codebooks/titles.csv``)
lists each actor's canonical name, type and camp, and every string that refers to it: names and
spelling variants, definite descriptions valid over a date range ("the US president" is Trump in
2025, Biden in 2023: the article's date decides), and capitals that stand for a government when
they act. The rules below know no actor: they read the codebook, so a new actor is a new row.

``mentions(corpus)`` gives one row per mention with offsets into the raw text. The longest
match wins ("US President Donald Trump" is one mention of Trump whose title holds the US);
honorifics and titles before a surname make the surface form ("President Putin"); a
description in comma apposition with a name ("Kaja Kallas, the EU’s top diplomat,") is that
person; "his country", "his forces", "his administration" and "his Russian counterpart" resolve
through the person "his" refers to. ``uncoded_names(corpus)`` lists the capitalised names and
titled persons the codebook does not know, so an analyst sees what to add.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .corpus import Corpus, rows_by_article
from .manifest import CorpusError
from .screen import prefix_tree

TYPES = ("person", "state", "organisation", "media", "journalist", "group")
CAMPS = ("United States", "Russia", "Ukraine", "United Kingdom", "France", "European Union", "NATO", "other")
ALIAS_FORMS = ("name", "description", "capital")
CONTENT_ZONES = ("headline", "standfirst", "byline", "dateline", "caption", "credit", "subheading", "body")

APOSTROPHES = "’'"
POSSESSIVE = re.compile(r"[’']s?(?![\w])")
# "Moscow's said no", "Putin's insisting": 's is "has" or "is" before these, not a possessive.
CONTRACTED = re.compile(r"[’']s\s+(?:already|also|now|still|long|repeatedly|just|never|not|been|got|said|called|ruled|"
                        r"dismissed|rejected|insist(?:ed|ing)|demand(?:ed|ing)|agreed|accepted|backed|welcomed|proposed|"
                        r"offered|refused|signalled|made|warned|told|asked|urged|pushed|pressed|set|laid|spoken|"
                        r"talking|saying|calling|pushing|pressing|refusing|offering|ready|willing|open|prepared)\b")
# A capital is a place, not a government, after these words ("flew to Moscow", "in Kyiv").
LOCATIVE = {"in", "to", "from", "at", "near", "into", "via", "across", "around", "outside", "through",
            "toward", "towards", "visit", "visited", "visits", "visiting", "left", "leave", "leaving", "reach",
            "reached", "arrive", "arrived", "over", "above", "of", "flight", "flights", "embassy"}
# ... unless "of" or "from" follows a noun of what governments say or want: "the demands of Moscow",
# "a proposal from Washington", "the plans of London and Paris" name governments.
POSITION_NOUNS = {"proposal", "proposals", "plan", "plans", "demand", "demands", "condition", "conditions", "position",
                  "positions", "stance", "response", "reply", "answer", "offer", "offers", "request", "requests",
                  "refusal", "rejection", "approval", "consent", "insistence", "initiative", "initiatives", "idea",
                  "ideas", "terms", "signal", "signals", "message", "messages", "statement", "statements", "objection",
                  "objections", "reaction", "assurance", "assurances", "guarantees", "pressure", "backing", "support",
                  "veto", "view", "views", "intentions", "demarche", "overture", "overtures", "counterproposal"}
# ... or "in" follows the word of a reception: "ran into a wall in Moscow", "met with scepticism in
# Brussels", "was rejected in Kyiv" say how a government received something.
RECEPTION_NOUNS = {"wall", "scepticism", "skepticism", "enthusiasm", "derision", "hostility", "silence", "shrug",
                   "shrift", "warmth", "coolness", "suspicion", "alarm", "dismay", "anger", "fury", "outrage",
                   # a passive refusal: "the demand was swiftly rejected in Kyiv"
                   "rejected", "dismissed", "rebuffed", "spurned"}
STATE_AS_PLACE = {"in", "into", "across", "inside", "throughout", "around", "near", "visit", "visited", "visiting"}
PLACE_FOLLOWERS = {"area", "region", "suburbs", "airport", "bureau", "time", "street", "streets", "residents", "metro"}
# Determiners and possessives that open a description standing in apposition to a name.
DESCRIPTOR_OPENERS = r"(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]|[Aa]n|[A-Z][\w.-]*(?:’s|'s))"
DEMONYMS = {
    "American": "United States", "US": "United States", "U.S.": "United States", "Russian": "Russia",
    "Ukrainian": "Ukraine", "British": "United Kingdom", "UK": "United Kingdom", "French": "France",
    "German": "Germany", "Chinese": "China", "Polish": "Poland", "Turkish": "Turkey", "Italian": "Italy",
    "Saudi": "Saudi Arabia", "Belarusian": "Belarus", "Canadian": "Canada", "Japanese": "Japan",
}
# Roles of heads of state in the codebook: a bare "the head of state" is the last one named.
HEAD_OF_STATE_ROLE = re.compile(r"(?:President|King|Queen|Emperor) of (?!the European|the [A-Z][\w ]*(?:Commission|Council|Parliament|Bank))")
BARE_HEAD_OF_STATE = re.compile(r"\b[Tt]he\s+(?:[Hh]ead\s+of\s+[Ss]tate|[Hh]ead\s+of\s+the\s+[Ss]tate)\b")
# "his country" is the state of the person; "his forces" its armed forces; "his administration"
# or "his government" the person's government.
POSSESSED = {
    "country": "state", "nation": "state",
    "forces": "forces", "troops": "forces", "army": "forces", "military": "forces", "soldiers": "forces",
    "administration": "government", "government": "government", "cabinet": "government",
}
NAME_TOKEN = r"(?:[A-Z][a-zà-ÿ’']+(?:-[A-Za-zà-ÿ’']+)*|[A-Z]\.(?:[A-Z]\.)?|[A-Z]{2,}(?=\s+[A-Z][a-z]))"
NAME_CONNECTORS = r"(?:van|von|de|der|bin|al|da|du|la|le)"
NOT_NAMES = {
    "The", "A", "An", "But", "And", "Or", "In", "On", "At", "As", "If", "It", "He", "She", "They", "We", "I",
    "His", "Her", "Its", "Their", "This", "That", "These", "Those", "Meanwhile", "However", "While", "Although",
    "When", "After", "Before", "Since", "Asked", "Following", "Regarding", "Nevertheless", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "Some",
    "Many", "Several", "Both", "Each", "Every", "Why", "What", "How", "Who", "Where", "There", "Here", "Now",
    "Yes", "No", "Obviously", "Maybe", "Will", "Are", "Is", "Do", "Does", "Did", "Can", "Could", "Would",
    "Should", "For", "With", "From", "By", "To", "Of", "Our", "My", "Your", "Photograph", "Editing", "Reporting",
    "Additional", "Writing", "Image", "Share", "Also", "Under", "Even", "Only", "Just", "Once", "Then", "Still",
}


@dataclass
class Codebook:
    """The actor codebook: who can be mentioned, and every string that refers to them."""

    actors: pd.DataFrame
    aliases: pd.DataFrame
    titles: list[str]

    def actor(self, name: str) -> dict:
        return self._by_actor.get(name, {})

    def __post_init__(self):
        self._by_actor = {row["actor"]: row for row in self.actors.to_dict("records")}
        self._by_alias: dict[str, list[dict]] = {}
        # Descriptions by their lower-case spelling: "The Russian President" is "the Russian president".
        self._descriptions: dict[str, list[dict]] = {}
        for row in self.aliases.to_dict("records"):
            self._by_alias.setdefault(_alias_key(row["alias"], row["form"]), []).append(row)
            if row["form"] == "description":
                self._descriptions.setdefault(row["alias"].lower(), []).append(row)

    def candidates(self, surface: str, date: str) -> list[dict]:
        """Alias rows that ``surface`` can stand for on ``date`` (an article's date)."""
        rows = (self._by_alias.get(_alias_key(surface, "name"), [])
                + self._by_alias.get(_alias_key(surface, "description"), [])
                + self._by_alias.get(_alias_key(surface, "capital"), []))
        if not rows:
            rows = self._descriptions.get(surface.lower(), [])
        return [r for r in rows if (not r["valid_from"] or r["valid_from"] <= date)
                and (not r["valid_to"] or date < r["valid_to"])]

    @cached_property
    def alias_strings(self) -> tuple[str, ...]:
        strings = set()
        for alias, form in zip(self.aliases["alias"], self.aliases["form"]):
            strings.add(alias)
            if form == "description":
                strings.add(alias[:1].upper() + alias[1:])
                # "The President", "the Russian President": US style capitalises the office.
                strings.add(" ".join(w[:1].upper() + w[1:] if w.islower() and w not in ("of", "the", "for", "and")
                                     else w for w in alias.split()))
                strings.add(alias[:1].upper() + " ".join(w[:1].upper() + w[1:] if w.islower() and w not in ("of", "for", "and") else w
                                                         for w in alias.split())[1:])
        return tuple(sorted(strings, key=lambda s: (-len(s), s)))

    def counterpart(self, possessor: str, state: str) -> str | None:
        """The actor of ``state`` holding the same office as ``possessor`` ("his Russian counterpart")."""
        role = str(self.actor(possessor).get("role") or "").split(" ")[0].casefold()
        if not role:
            return None
        found = [a for a, r in self._by_actor.items() if r["camp"] == state and r["type"] == "person"
                 and str(r.get("role") or "").split(" ")[0].casefold() == role]
        return found[0] if len(found) == 1 else None

    def is_head_of_state(self, actor: str) -> bool:
        """Whether the codebook's role for ``actor`` is a head of state's ("President of Russia",
        "King of the United Kingdom"); presidents of EU institutions and the like are not."""
        row = self.actor(actor)
        return row.get("type") == "person" and bool(HEAD_OF_STATE_ROLE.match(str(row.get("role") or "")))

    def head_of_state(self, camp: str) -> str | None:
        """The one head of state of ``camp`` the codebook knows, or None."""
        found = [a for a, r in self._by_actor.items() if r["camp"] == camp and self.is_head_of_state(a)]
        return found[0] if len(found) == 1 else None

    def possessed(self, possessor: str, what: str) -> str | None:
        """The state, armed forces or government that belongs to a person ("his country")."""
        camp = self.actor(possessor).get("camp")
        if what == "state":
            return camp if camp in self._by_actor and self._by_actor[camp]["type"] == "state" else None
        if what == "forces":
            found = [a for a, r in self._by_actor.items() if r["camp"] == camp and "Armed Forces" in a]
            return found[0] if len(found) == 1 else None
        surname = possessor.split(" ")[-1]
        return f"{surname} administration" if f"{surname} administration" in self._by_actor else None


def _alias_key(alias: str, form: str) -> tuple[str, str]:
    if form == "description":
        return (alias[:1].lower() + alias[1:], "description")
    if form == "upper":
        return (alias, "upper")
    return (alias, form)


def load_codebook(folder: Path | str = paths.CODEBOOKS) -> Codebook:
    """Read and check the actor codebook; a bad row is refused with its file, line and fix."""
    folder = Path(folder)
    actors = _read_csv(folder / "actors.csv", ("actor", "type", "camp"))
    aliases = _read_csv(folder / "actor_aliases.csv", ("actor", "alias", "form"))
    titles = _read_csv(folder / "titles.csv", ("title",))
    where_actors = paths.shown(folder / "actors.csv")
    where_aliases = paths.shown(folder / "actor_aliases.csv")
    seen = {}
    for line, row in zip(actors["_line"], actors.to_dict("records")):
        if row["actor"] in seen:
            raise CorpusError(f"{where_actors}, lines {seen[row['actor']]} and {line}, field 'actor'",
                              f"{row['actor']!r} is listed twice", "keep one row per actor")
        seen[row["actor"]] = line
        for field, allowed in (("type", TYPES), ("camp", CAMPS)):
            if row[field] not in allowed:
                raise CorpusError(f"{where_actors}, line {line}, field '{field}'", f"{row[field]!r} is not one of "
                                  f"{', '.join(allowed)}", f"use one of {', '.join(allowed)}")
    for line, row in zip(aliases["_line"], aliases.to_dict("records")):
        at = f"{where_aliases}, line {line}"
        if row["actor"] not in seen:
            raise CorpusError(f"{at}, field 'actor'", f"{row['actor']!r} is not in actors.csv",
                              "add the actor to actors.csv or correct the name")
        if row["form"] not in ALIAS_FORMS:
            raise CorpusError(f"{at}, field 'form'", f"{row['form']!r} is not one of {', '.join(ALIAS_FORMS)}",
                              f"use one of {', '.join(ALIAS_FORMS)}")
        for field in ("valid_from", "valid_to"):
            if row.get(field):
                try:
                    dt.date.fromisoformat(row[field])
                except ValueError:
                    raise CorpusError(f"{at}, field '{field}'", f"{row[field]!r} is not a date",
                                      "write YYYY-MM-DD, or leave it empty for an open range") from None
    for column in ("valid_from", "valid_to", "note", "role", "gender"):
        for table in (actors, aliases):
            if column in table:
                table[column] = table[column].fillna("")
    aliases = aliases.assign(valid_from=aliases.get("valid_from", ""), valid_to=aliases.get("valid_to", ""))
    return Codebook(actors.drop(columns="_line"), aliases.drop(columns="_line"),
                    sorted(titles["title"], key=lambda s: (-len(s), s)))


def _read_csv(path: Path, required: tuple[str, ...]) -> pd.DataFrame:
    where = paths.shown(path)
    if not path.is_file():
        raise CorpusError(where, "codebook file not found", "restore it from the repository")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = []
        for row in reader:
            if None in row:
                raise CorpusError(f"{where}, line {reader.line_num}", "more cells than the header names",
                                  "put double quotes around a value that contains a comma")
            if not any((v or "").strip() for v in row.values()):
                continue
            cleaned = {k: (v or "").strip() for k, v in row.items()}
            for column in required:
                if not cleaned.get(column):
                    raise CorpusError(f"{where}, line {reader.line_num}, field '{column}'", "is empty",
                                      f"every row needs a {column}")
            cleaned["_line"] = reader.line_num
            rows.append(cleaned)
    return pd.DataFrame(rows)


@lru_cache(maxsize=4)
def _codebook_cached(folder: str) -> Codebook:
    return load_codebook(folder)


def default_codebook() -> Codebook:
    return _codebook_cached(str(paths.CODEBOOKS))


# --- mentions -------------------------------------------------------------------------------


@dataclass(slots=True)
class Mention:
    article_id: str
    start: int
    end: int
    actor: str | None
    form: str          # name, description, capital, title, apposition, possessive, counterpart
    title: str = ""    # the title before a name ("US President")
    in_title: bool = False


def mentions(corpus: Corpus, codebook: Codebook | None = None) -> pd.DataFrame:
    """One row per actor mention in the annotated text (page chrome excluded)."""
    codebook = codebook or default_codebook()
    rows = []
    starts_of, numbers_of = corpus.rows_of("sentences", "start"), corpus.rows_of("sentences", "sentence")
    for article_id, found in article_mentions(corpus, codebook).items():
        text = corpus.texts[article_id]
        starts, numbers = starts_of.get(article_id, []), numbers_of.get(article_id, [])
        for m in found:
            at = bisect.bisect_right(starts, m.start) - 1
            info = codebook.actor(m.actor) or None
            rows.append({
                "article_id": article_id, "sentence": numbers[at] if at >= 0 else None,
                "start": m.start, "end": m.end, "surface": text[m.start:m.end], "actor": m.actor,
                "type": None if info is None else info["type"], "camp": None if info is None else info["camp"],
                "form": m.form, "title": m.title, "in_title": m.in_title,
            })
    columns = ["article_id", "sentence", "start", "end", "surface", "actor", "type", "camp", "form", "title", "in_title"]
    return pd.DataFrame(rows, columns=columns)


def article_mentions(corpus: Corpus, codebook: Codebook) -> dict[str, list[Mention]]:
    """Mentions per article, in text order (used by the quote and speech annotators too).
    Found once per corpus and codebook; every caller gets its own copies to change."""
    found = corpus.shared("article_mentions", codebook, lambda: _find_article_mentions(corpus, codebook))
    return {article_id: [Mention(m.article_id, m.start, m.end, m.actor, m.form, m.title, m.in_title) for m in ms]
            for article_id, ms in found.items()}


def _find_article_mentions(corpus: Corpus, codebook: Codebook) -> dict[str, list[Mention]]:
    dates = dict(zip(corpus.articles["id"], corpus.articles["date"]))
    sentence_spans = corpus.rows_of("sentences", "start", "end")
    out = {}
    for article_id, paragraphs in corpus.rows_of("paragraphs", "start", "end", "zone").items():
        text = corpus.texts[article_id]
        found: list[Mention] = []
        for start, end, zone in paragraphs:
            found.extend(_paragraph_mentions(article_id, text, start, end, zone, dates[article_id], codebook))
        found.sort(key=lambda m: (m.start, m.end))
        _resolve_references(article_id, text, found, sentence_spans.get(article_id, []), codebook)
        out[article_id] = sorted(found, key=lambda m: (m.start, m.end))
    return out


@lru_cache(maxsize=8)
def _alias_pattern(strings: tuple[str, ...], flags: int) -> re.Pattern:
    body = prefix_tree(strings, fold=bool(flags & re.I))
    return re.compile(rf"(?<![\w’'.-])(?:{body})(?![\w-]|[’']\w\w)", flags)


# A day or a month: never a word of a title ("on Wednesday Foreign Minister Sergei Lavrov").
CALENDAR = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|"
            r"August|September|October|November|December)")


@lru_cache(maxsize=8)
def _title_pattern(titles: tuple[str, ...]) -> re.Pattern:
    heads = "|".join(re.escape(t) for t in titles)
    # A capitalised word may end in a full stop only as an abbreviation ("U.S.", "Gen."): "by Kyiv. Russian
    # Foreign Minister Sergei Lavrov" has a sentence end, not a title beginning with "Kyiv.". Papers
    # that lower-case offices ("foreign ministry spokeswoman Maria Zakharova") need the office nouns too.
    modifier = (rf"(?:(?-i:[A-Z](?:\.[A-Z])+\.?|(?:Gen|Lt|Col|Maj|Capt|Adm|Sgt|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Amb|Prof|St)\.|(?!{CALENDAR}\b)[A-Z][\w’'-]*)|deputy|special|foreign|press|top|former|senior|chief|presidential|national|security|acting|interim|vice|prime|defence|defense|economic|military|lead|peace"
                rf"|ministry|affairs|department|office|government|state|embassy|cabinet|interior|finance|justice|energy|trade|agency|intelligence|army|party"
                # a politician's standing before the office ("opposition Isamaa MP Kaarel Vahtra")
                rf"|opposition|ruling|governing|veteran|centrist|conservative|liberal|independent|hardline|nationalist|populist"
                rf"|outgoing|incoming|retired|longtime|long-time|pro-Kremlin|pro-Russian|pro-Western|far-right|far-left)")
    # "Head of the Office of the President Andriy Yermak", "Chief of Staff to the President ...":
    # an office named after the one it serves
    serving = r"(?:(?-i:[A-Z]\w+)\s+of\s+(?:the\s+)?(?:(?-i:[A-Z][\w’'-]*)\s+){1,3}(?:of|to)\s+(?:the\s+)?)?"
    return re.compile(rf"(?:(?<=\s)|^)({serving}(?:{modifier}\s+){{0,4}}(?P<head>{heads}))\s+$", re.I)


def _is_all_caps(s: str) -> bool:
    letters = list(filter(str.isalpha, s))
    return len(letters) >= 6 and sum(map(str.isupper, letters)) / len(letters) > 0.9


TWO_WORDS = re.compile(r"\w[^\w’'-]+\w")
LOOKBACK = 200  # characters before a position: more than the few words the rules read there


def _tail(text: str, start: int, end: int) -> str:
    """``text[start:end]``, or only its last ``LOOKBACK`` characters when they hold two words.

    Rules that read the words just before a position need no more; reading from the paragraph
    or clause start every time made a paragraph of tens of thousands of characters quadratic."""
    if end - start > LOOKBACK:
        window = text[end - LOOKBACK:end]
        if TWO_WORDS.search(window):
            return window
    return text[start:end]


LAST_WORD = re.compile(r"([\w’'-]+)\W*$")
FINAL_WORD = re.compile(r"[\w’'-]+$")
TRAILING_ARTICLE = re.compile(r"\b(?:the|a|an|The|A|An)$")
NEAR_END = 48  # characters: where the last word of a tail is looked for first
WORD_CHAR = re.compile(r"\w")


def _search_near_end(pattern: re.Pattern, s: str, word_needed: bool = False) -> re.Match | None:
    """``pattern.search(s)`` for a pattern that ends at the end of ``s``, reading only the last
    characters when the match starts inside them: searching a whole tail for its last word tries
    the pattern at every character. ``word_needed``: a match found there counts only when it
    holds a word character (else an earlier word may still be the first match)."""
    window = max(0, len(s) - NEAR_END)
    if window:
        m = pattern.search(s, window)
        if m is not None and m.start() > window and (not word_needed or WORD_CHAR.search(m.group())):
            return m
    return pattern.search(s)


def _word_before(text: str, start: int, floor: int) -> str:
    m = _search_near_end(LAST_WORD, _tail(text, floor, start), word_needed=True)
    return m.group(1) if m else ""


def _word_after(text: str, end: int, ceiling: int) -> str:
    m = re.match(r"\W*([\w’'-]+)", text[end:ceiling])
    return m.group(1) if m else ""


# A dateline opening a paragraph: places, a date, perhaps an agency, and a dash ("Madrid/Moscow,
# 18 March (EFE).-", "KYIV, March 19 (Reuters) -").
INLINE_DATELINE = re.compile(r"[A-Z][\w.’'/ -]{1,40},\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?"
                             r"\s*(?:\([^)\n]{1,30}\))?\s*[.:]?\s*(?:-{1,2}|[–—])\s")


def _paragraph_mentions(article_id, text, p_start, p_end, zone, date, codebook) -> list[Mention]:
    para = text[p_start:p_end]
    caps = _is_all_caps(para)
    strings = codebook.alias_strings
    pattern = _alias_pattern(strings, re.I if caps else 0)
    found: list[Mention] = []
    inline_dateline = INLINE_DATELINE.match(text, p_start, p_end)
    for m in pattern.finditer(text, p_start, p_end):
        surface = m.group(0)
        if inline_dateline is not None and m.start() < inline_dateline.end():
            continue  # "Madrid/Moscow, 18 March (EFE).- ...": the places a story was filed from
        rows = codebook.candidates(surface, date)
        if not rows and caps:
            rows = [r for s in strings if s.casefold() == surface.casefold() for r in codebook.candidates(s, date)]
        if not rows:
            continue
        form = rows[0]["form"]
        if surface.isupper() and len(surface.replace(".", "")) <= 3:
            # "US" in "JOIN US": an acronym among capitalised words is the word, not the country.
            if caps or _word_before(text, m.start(), p_start).isupper() or _word_after(text, m.end(), p_end).isupper():
                continue
        actors = {r["actor"] for r in rows}
        actor = rows[0]["actor"] if len(actors) == 1 else None
        before = _word_before(text, m.start(), p_start).lower()
        if form == "capital":
            after = _word_after(text, m.end(), p_end).lower()
            possessive = POSSESSIVE.match(text, m.end()) is not None  # "in Moscow's view": the government's
            governing = _word_before(text, m.start() - len(before) - 1, p_start).lower()
            governed = (before in ("of", "from") and governing in POSITION_NOUNS) \
                or (before in ("in", "from", "at") and governing in RECEPTION_NOUNS)
            if zone in ("dateline", "byline") or surface.isupper() or (before in LOCATIVE and not possessive and not governed) \
                    or after in PLACE_FOLLOWERS:
                continue
        elif codebook.actor(actor).get("type") == "state" and before in STATE_AS_PLACE:
            continue  # "talks in Saudi Arabia": a place
        start = m.start()
        if _common_noun_phrase(surface) and text[max(p_start, start - 4):start] in ("the ", "The "):
            start -= 4  # a common noun phrase keeps its article: "the Russian military", "the bloc"
        found.append(Mention(article_id, start, m.end(), actor, "name" if form == "name" else form))
        if " " in surface and codebook.actor(actor).get("type") != "person":
            found.extend(_inner_mentions(text, m.start(), m.end(), article_id, date, codebook, strings, actor))
    # Acronyms joined by hyphens: "UK-EU security cooperation", "US-backed".
    taken = [(f.start, f.end) for f in found]
    for m in _acronym_pattern(strings).finditer(text, p_start, p_end):
        if caps or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        rows = codebook.candidates(m.group(0), date)
        if len({r["actor"] for r in rows}) == 1:
            found.append(Mention(article_id, m.start(), m.end(), rows[0]["actor"], "name"))
    _add_titles(text, p_start, found, codebook)
    _add_appositions(text, p_start, p_end, found, codebook)
    return found


def _common_noun_phrase(surface: str) -> bool:
    """"Russian military", "bloc", "coalition of the willing": a description, not a proper name."""
    words = surface.split()
    first_is_demonym = words[0] in DEMONYMS or bool(re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ish|ese|ic|i)", words[0]))
    rest_lower = all(w.islower() for w in words[1:])
    return (words[0].islower() and rest_lower) or (first_is_demonym and len(words) > 1 and rest_lower)


@lru_cache(maxsize=8)
def _acronym_pattern(strings: tuple[str, ...]) -> re.Pattern:
    acronyms = [s for s in strings if re.fullmatch(r"[A-Z](?:\.?[A-Z]){1,4}\.?", s)]
    body = "|".join(re.escape(s) for s in sorted(acronyms, key=len, reverse=True))
    return re.compile(rf"(?:(?<=[A-Za-z]-)(?:{body})(?![\w])|(?<![\w’'.-])(?:{body})(?=-[a-z]))")


def _inner_mentions(text, start, end, article_id, date, codebook, strings, outer) -> list[Mention]:
    """States and organisations named inside a longer name or description ("the US president"
    names the US, "G7 foreign ministers" the G7): parts of its title."""
    inner = []
    for m in _alias_pattern(strings, 0).finditer(text, start, end):
        if (m.start(), m.end()) == (start, end):
            continue
        rows = [r for r in codebook.candidates(m.group(0), date) if r["form"] == "name" and r["actor"] != outer]
        if len({r["actor"] for r in rows}) == 1 and codebook.actor(rows[0]["actor"]).get("type") != "person":
            inner.append(Mention(article_id, m.start(), m.end(), rows[0]["actor"], "title", in_title=True))
    return inner


LOWER_WORDS_BEFORE = re.compile(r"(?:\b[a-z][\w-]*\s+){1,3}\Z")


def _has_function_word(words: str) -> bool:
    """Whether a run of lower-case words holds a stopword or a reporting verb ("the Kremlin said
    Mr Putin"): then it is no modifier of the title after it."""
    from .attribution import reporting_verbs  # imported here: attribution builds on this module
    from .vocabulary import load_stopwords
    stop, verbs = load_stopwords(), reporting_verbs()
    return any(word in stop or word in verbs for word in words.split())


def _add_titles(text: str, p_start: int, found: list[Mention], codebook: Codebook,
                persons: list[Mention] | None = None) -> None:
    """Mark the title before each person's name (``persons``: by default the codebook's persons
    among ``found``), and the organisations inside that title."""
    titles = _title_pattern(tuple(codebook.titles))
    if persons is None:
        persons = [m for m in found if codebook.actor(m.actor).get("type") in ("person", "journalist")]
    for person in persons:
        window_start = max(p_start, person.start - 80)
        hit = titles.search(text[window_start:person.start])
        if not hit:
            continue
        title_start = window_start + hit.start(1)
        title_text = hit.group(1)
        # "EU foreign policy chief Kaja Kallas": the organisation and its lower-case words are the title's too
        modifiers = LOWER_WORDS_BEFORE.search(text, window_start, title_start)
        if modifiers is not None and not _has_function_word(modifiers.group()):
            # the organisation ends before the lower-case words, or takes them in ("Russian foreign ministry spokeswoman")
            owner = next((o for o in found if o.end + 1 in (modifiers.start(), title_start) and text[o.end] == " "
                          and codebook.actor(o.actor).get("type") not in ("person", "journalist")), None)
            title_start = owner.start if owner is not None else title_start
        person.title = title_text
        for other in list(found):
            # "Head of the Office of the President Andriy Yermak": a mention the title begins inside is the title's
            if other is not person and (title_start <= other.start or other.start < title_start < other.end) \
                    and other.end <= person.start:
                if other.actor == person.actor:
                    found.remove(other)  # "Ukraine’s President Volodymyr Zelensky": a title, not a second mention
                else:
                    other.in_title, other.form = True, "title"
        if " " not in text[person.start:person.end]:
            # Title and surname without the given name make the surface form: "President Putin".
            person.start = window_start + hit.start("head")


def _add_appositions(text: str, p_start: int, p_end: int, found: list[Mention], codebook: Codebook,
                     persons: list[Mention] | None = None) -> None:
    """A description beside a name, set off by commas, refers to that name's actor (``persons``:
    by default the codebook's persons among ``found``)."""
    before, after = _apposition_patterns(tuple(codebook.titles))
    if persons is None:
        persons = [m for m in found if codebook.actor(m.actor).get("type") == "person"]
    persons = [m for m in persons if not m.in_title]
    for person in persons:
        hit = before.search(text[max(p_start, person.start - 80):person.start])
        if hit:
            start = max(p_start, person.start - 80) + hit.start(1)
            _claim_span(found, Mention(person.article_id, start, start + len(hit.group(1)), person.actor, "apposition"))
            continue
        hit = after.search(text[person.end:min(p_end, person.end + 80)])
        if hit:
            start = person.end + hit.start(1)
            _claim_span(found, Mention(person.article_id, start, start + len(hit.group(1)), person.actor, "apposition"))


@lru_cache(maxsize=8)
def _apposition_patterns(titles: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """A description ending in a title, before a name and its comma, and after a name's comma."""
    heads = "|".join(re.escape(t) for t in titles) + r"|counterpart|president|minister|leader"
    desc = rf"{DESCRIPTOR_OPENERS}\s+(?:[\w’'-]+\s+){{0,3}}?(?:{heads})"
    return re.compile(rf"({desc}),\s+$", re.I), re.compile(rf"^,\s+({desc})(?=,|\s|$)", re.I)


def _claim_span(found: list[Mention], new: Mention) -> None:
    """Add a description mention; mentions inside it become parts of its title."""
    for other in list(found):
        if other.start == new.start and other.end == new.end:
            found.remove(other)
        elif new.start <= other.start and other.end <= new.end:
            other.in_title, other.form = True, "title"
    found.append(new)


# --- references through "his": his country, his forces, his administration, his counterpart ---


# Words after which a mention can be a clause's subject ("..., while Macron has said"); after
# any other word it is an object ("persuade Putin", "talks with Putin").
# "What Moscow really wants is ...", "what the Kremlin says a ceasefire would require": the one
# whose wish or word the clause reports stands as its subject.
WANTING_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:wants?|wanted|demands?|demanded|needs?|needed|insists?\s+on|insisted\s+on|"
                          r"asks?\s+for|asked\s+for|seeks?|sought|says?|said|requires?|required|expects?|expected|"
                          r"is\s+(?:asking|pushing|pressing)\s+for)\b")
SUBJECT_PRECEDERS = {"and", "but", "or", "while", "although", "though", "that", "which", "who", "as", "when", "after",
                     "before", "because", "since", "if", "so", "then", "also", "meanwhile", "however", "where",
                     "whereas", "until", "once", "nevertheless", "yet", "now",
                     # a verb of saying with no object opens a clause: "the Kremlin said Putin told Trump ..."
                     "said", "says", "added", "adds", "stated", "noted", "claimed", "claims", "insisted", "insists",
                     "stressed", "stresses", "argued", "argues", "believes", "believed", "thinks", "confirmed", "confirms",
                     "announced", "acknowledged", "indicated", "explained",
                     # "..., which means Moscow wants ...": a verb of meaning opens one too
                     "means", "meant",
                     # the same verbs after a plural subject ("Analysts say Moscow wants ...")
                     "say", "argue", "insist", "claim", "warn", "warns", "warned"}


BULLET_ONLY = re.compile(r"\s*[-•*·]")
# What describes an actor named with "a"/"an" as a state of affairs ("a Ukraine that never joins
# NATO", "a Ukraine outside the alliance"), unlike "a Downing Street spokesperson said".
# "..., with Zakharova calling the idea unacceptable": the name after "with" is the subject of its participle.
ABSOLUTE_PARTICIPLE = re.compile(r"\s+(?:\w+ly\s+)?(?!(?:including|regarding|concerning|according|during)\b)\w+ing\b")
DESCRIBED = re.compile(r"\s+(?:that|which|where|whose|without|with|outside|inside|in|free\s+(?:of|from)|(?:un)?able)\b")


# "Exiled opposition politician Natalya Sinitsyna urged ...": a clause opened by a few words that
# describe the person, with no verb or function word among them, has the person as its subject.
DESCRIPTION_RUN = re.compile(r"\W*(?:[A-Za-z][\w’'-]*\s+){1,4}")


def _described_subject(text: str, start: int, head: int) -> bool:
    run = DESCRIPTION_RUN.fullmatch(text, start, head)
    return run is not None and text[start:head].lstrip()[:1].isupper() and not _has_function_word(text[start:head].lower())


def phrase_start(text: str, m: Mention) -> int:
    """Where a mention's phrase starts, its title included ("French President Emmanuel Macron")."""
    if m.title and text[m.start - len(m.title) - 1:m.start - 1] == m.title:
        return m.start - len(m.title) - 1
    return m.start


def subject_mentions(text: str, found: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions in ``text[start:end]`` that stand where a clause's subject stands: at the clause
    start or after a conjunction or punctuation, not possessive, not inside someone's title."""
    out = []
    for m in found:
        if m.start < start or m.end > end or m.in_title or m.actor is None:
            continue
        head = phrase_start(text, m)
        before = _tail(text, start, max(start, head)).rstrip()
        article = TRAILING_ARTICLE.search(before, max(0, len(before) - 3))
        if article:
            if article.group().lower() in ("a", "an") and DESCRIBED.match(text, m.end):
                continue  # "a Ukraine that never joins NATO", "a Ukraine outside NATO": a state of affairs, not an actor
            before = before[:article.start()].rstrip()
        if before and not before.endswith((",", ";", ":", "–", "—", " -", ".-", "--", "(", "“", "\"", "‘", "”")) \
                and not BULLET_ONLY.fullmatch(before):  # a bullet opens the clause
            word = _search_near_end(FINAL_WORD, before)
            if word and word.group().lower() not in SUBJECT_PRECEDERS and not word.group()[0].isupper() \
                    and not (word.group() == "what" and WANTING_VERB.match(text, m.end)) \
                    and not (word.group().lower() == "with" and ABSOLUTE_PARTICIPLE.match(text, m.end)) \
                    and not _described_subject(text, start, head):
                continue  # "what Moscow wants" is Moscow's; "what the Kremlin calls ..." is only a name it uses
        if text[m.end:m.end + 1] == ")" and text[max(0, head - 1):head] == "(":
            continue  # "(Xinhua)", "(AFP)": a parenthesis names a source, not a subject
        if POSSESSIVE.match(text, m.end) and not re.match(r"[’']s\s+(?:spokes\w+|officials?|statement|readout|press)\b",
                                                          text[m.end:m.end + 25]) \
                and not CONTRACTED.match(text, m.end):
            continue
        out.append(m)
    return out


def _resolve_references(article_id, text, found, sentences: list[tuple[int, int]], codebook) -> None:
    _resolve_heads_of_state(article_id, text, found, sentences, codebook)
    last_person = None
    for s_start, s_end in sentences:
        local = [m for m in found if s_start <= m.start < s_end]
        for hit in re.finditer(r"\b([Hh]is|[Hh]er)\s+(?:(\w+)\s+)?(country|nation|forces|troops|army|military|soldiers|"
                               r"administration|government|cabinet|counterpart)\b", text[s_start:s_end]):
            start, end = s_start + hit.start(), s_start + hit.end()
            if any(m.start <= start < m.end for m in found):
                continue
            subjects = [m for m in subject_mentions(text, found, s_start, start)
                        if codebook.actor(m.actor).get("type") == "person"]
            possessor = subjects[-1].actor if subjects else last_person
            if possessor is None:
                continue
            modifier, noun = hit.group(2), hit.group(3)
            if noun == "counterpart":
                state = DEMONYMS.get(modifier or "")
                actor = codebook.counterpart(possessor, state) if state else None
                form = "counterpart"
            elif modifier is None:
                actor = codebook.possessed(possessor, POSSESSED[noun])
                form = "possessive"
            else:
                continue
            if actor:
                found.append(Mention(article_id, start, end, actor, form))
        persons = [m for m in subject_mentions(text, local, s_start, s_end)
                   if codebook.actor(m.actor).get("type") == "person"]
        if persons:
            last_person = persons[0].actor


def _resolve_heads_of_state(article_id, text, found, sentences, codebook) -> None:
    """A bare "the head of state" (state media and official readouts call the president so) is
    a head of state named before it: of the nearest sentence that names one, the first named,
    since the subject comes first ("Putin spoke with Trump. The head of state said ..." is
    Putin). With none named before it, it stays unresolved rather than guessed."""
    if "ead of" not in text:
        return
    heads = [m for m in found if codebook.is_head_of_state(m.actor)]
    sentence_starts = [s for s, _ in sentences]
    for hit in BARE_HEAD_OF_STATE.finditer(text):
        start, end = hit.span()
        if any(m.start < end and start < m.end for m in found):
            continue  # part of a longer alias ("the Russian head of state")
        before = [m for m in heads if m.end <= start]
        if not before:
            continue
        at = bisect.bisect_right(sentence_starts, before[-1].start) - 1
        floor = sentence_starts[at] if at >= 0 else 0
        antecedent = next(m for m in before if m.start >= floor)
        found.append(Mention(article_id, start, end, antecedent.actor, "description"))


# --- names the codebook does not know ---------------------------------------------------------


def uncoded_names(corpus: Corpus, codebook: Codebook | None = None, found: pd.DataFrame | None = None) -> pd.DataFrame:
    """Capitalised names and titled persons that no codebook alias covers, with counts and a
    context, most frequent first: on a new article, this list is what to add to the codebook."""
    codebook = codebook or default_codebook()
    found = mentions(corpus, codebook) if found is None else found
    not_actors = _not_actors()
    titles = _title_pattern(tuple(codebook.titles))
    title_words = {w.lower() for t in codebook.titles for w in t.split()} - {"of", "the"}
    name_re = re.compile(rf"(?<![\w’'.-]){NAME_TOKEN}(?:\s+(?:{NAME_CONNECTORS}\s+)?{NAME_TOKEN}){{0,3}}")
    from .quotes import quote_spans  # here: quotes builds on this module
    quoted = {a: [(s, e) for p_start, p_end in p for _, s, e, _ in quote_spans(corpus.texts[a], p_start, p_end)]
              for a, p in corpus.rows_of("paragraphs", "start", "end").items()}
    covered = rows_by_article(found, "start", "end")
    rows = []
    for sentence in corpus.sentences[corpus.sentences["zone"] != "chrome"].itertuples():
        text = corpus.texts[sentence.article_id]
        spans = covered.get(sentence.article_id, [])
        if _is_all_caps(sentence.text):
            continue
        for m in name_re.finditer(text, sentence.start, sentence.end):
            tokens = [(t.start(), t.end()) for t in re.finditer(r"\S+", m.group(0))]
            tokens = [(m.start() + a, m.start() + b) for a, b in tokens]
            titled = bool(titles.search(text[max(sentence.start, m.start() - 60):m.start()]))
            # Titles, demonyms, possessives and sentence openers before the name are not the name.
            words = [text[a:b].lower() for a, b in tokens]
            last_title = max((i for i, w in enumerate(words[:-1]) if w in title_words), default=-1)
            if last_title >= 0:
                titled, tokens = True, tokens[last_title + 1:]
            while tokens and _not_name_start(text[tokens[0][0]:tokens[0][1]], title_words):
                titled = titled or text[tokens[0][0]:tokens[0][1]].lower() in title_words
                tokens = tokens[1:]
            if not tokens:
                continue
            start, end = tokens[0][0], tokens[-1][1]
            end -= len(POSSESSIVE.match(text, end - 2).group(0)) if POSSESSIVE.match(text, end - 2) and text[end - 2] in APOSTROPHES else 0
            if any(s < end and start < e for s, e in spans):
                continue
            name = text[start:end]
            if name in not_actors or (name.upper() == name and len(name) <= 3):
                continue
            if len(tokens) < 2 and not titled:
                continue
            if not titled and any(s <= start < e for s, e in quoted.get(sentence.article_id, [])):
                continue  # capitals inside a quotation are the speaker's emphasis ("a Final Agreement")
            rows.append({"name": name, "kind": "titled person" if titled else "name",
                         "article_id": sentence.article_id, "context": sentence.text})
    table = pd.DataFrame(rows, columns=["name", "kind", "article_id", "context"])
    if table.empty:
        return pd.DataFrame(columns=["name", "kind", "count", "articles", "context"])
    summary = (table.groupby("name", sort=False)
               .agg(kind=("kind", "first"), count=("name", "size"), articles=("article_id", "nunique"),
                    context=("context", "first"))
               .reset_index().sort_values(["count", "name"], ascending=[False, True], kind="stable"))
    return summary.reset_index(drop=True)


def _not_name_start(token: str, title_words: set[str]) -> bool:
    return (token in NOT_NAMES or token.lower() in title_words or token in DEMONYMS
            or token.endswith(("’s", "'s")) or bool(re.match(r"[A-Z][a-z]+-[a-z]", token)))


@lru_cache(maxsize=1)
def _not_actors() -> frozenset[str]:
    path = paths.CODEBOOKS / "not_actors.csv"
    if not path.is_file():
        return frozenset()
    with open(path, encoding="utf-8", newline="") as handle:
        return frozenset(row["name"] for row in csv.DictReader(handle) if row.get("name"))
