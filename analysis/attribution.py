"""Who says it: reporting verbs, the subject of a reporting clause, and what a pronoun points to.

Shared by the direct-quote (:mod:`analysis.quotes`) and indirect-speech (:mod:`analysis.speech`)
annotators. The reporting verbs are data (``codebooks/reporting_verbs.csv``: each form with its
lemma, whether it is loaded — "insisted", "accused" — or neutral, and how its reported content
follows it). The rules know no speaker: a speaker is an actor mention standing where a clause's
subject stands, or a pronoun resolved to the last such person (or institution) of the right kind.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import paths
from .actors import Codebook, Mention, subject_mentions

PRONOUN_KIND = {"he": "m", "she": "f", "they": "group", "it": "group", "we": "group"}
# Nouns that make an institution the speaker: "a Downing Street spokesperson said".
SPOKES_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "official", "officials", "source", "sources",
                "statement", "readout", "press", "service", "office", "ministry", "aide", "aides", "representative"}
# Subjects that report speech without naming anyone: kept as unnamed sources.
UNNAMED_SOURCES = re.compile(
    r"\b(?:(?:a|an|one|two|three|several|some|many|other|senior|unnamed|western|european|american|russian|ukrainian|"
    r"u\.s\.|us|uk|eu|nato|kremlin|white house|government|administration)\s+)*"
    r"(?:officials?|diplomats?|sources?|analysts?|observers?|critics?|experts?|people familiar with [\w ]+|"
    r"several|some|others|many|aides?|insiders?|lawmakers?|negotiators?|witnesses?|residents?)$", re.I)


@dataclass(frozen=True)
class Verb:
    form: str
    lemma: str
    content: str   # clause, object clause, of, as, to, object to
    loaded: bool
    indirect: bool


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, Verb]:
    """Every reporting-verb form in the codebook, lower case."""
    with open(paths.CODEBOOKS / "reporting_verbs.csv", encoding="utf-8", newline="") as handle:
        return {row["form"].lower(): Verb(row["form"].lower(), row["lemma"], row["content"],
                                          row["loaded"] == "yes", row["indirect"] == "yes")
                for row in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def verb_pattern() -> re.Pattern:
    """Reporting-verb forms as written: lower case, capitalised at a sentence start, or in an
    all-capitals crosshead ("ZELENSKIY SAYS ..."); "States" in "United States" is no verb."""
    forms = sorted(reporting_verbs(), key=len, reverse=True)
    variants = [v for f in forms for v in (f, f.capitalize(), f.upper())]
    return re.compile(r"(?<![\w’'-])(" + "|".join(re.escape(f) for f in variants) + r")(?![\w’'-])")


def is_verb_use(text: str, hit: re.Match, sentence_start: int) -> bool:
    """A capitalised form is a verb only at a sentence start ("Says ..."), an all-capitals form
    only in an all-capitals line; "United States" holds no verb."""
    word = hit.group(1)
    if word.isupper() and len(word) > 1:
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        letters = [c for c in line if c.isalpha()]
        return sum(c.isupper() for c in letters) > 0.9 * len(letters)
    if word[0].isupper():
        return not text[sentence_start:hit.start()].strip(" “\"‘")
    return True


@dataclass
class Speaker:
    actor: str | None
    surface: str
    start: int
    end: int
    pronoun: bool = False
    institution: bool = False
    unnamed: bool = False
    co_speakers: list = field(default_factory=list)


class Tracker:
    """Follows who is being talked about through an article, to resolve pronouns.

    ``note(speaker)`` records an attributed speaker; ``resolve(pronoun, position)`` returns the
    actor the pronoun most likely points to: the subject of the sentence so far, else the most
    recent speaker or sentence subject of the right kind (person of the right gender for he/she,
    institution or group for they/it)."""

    def __init__(self, codebook: Codebook, text: str, found: list[Mention], sentences: list[tuple[int, int]],
                 quoted: list[tuple[int, int]] = ()):
        self.codebook, self.text, self.sentences = codebook, text, sentences
        self.quoted = list(quoted)
        # Names inside a quotation are the speaker's words, not the story's subjects.
        self.found = [m for m in found if not any(s <= m.start < e for s, e in self.quoted)]
        self.history: list[tuple[int, str]] = []  # (position, actor), in text order

    def note(self, position: int, actor: str | None) -> None:
        if actor:
            self.history.append((position, actor))

    def sentence_of(self, position: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= position < end:
                return start, end
        return position, position

    def fits(self, actor: str, pronoun: str) -> bool:
        info = self.codebook.actor(actor)
        kind = PRONOUN_KIND.get(pronoun.lower())
        if not info:  # a name the codebook lacks: a person of unknown gender
            return kind in ("m", "f")
        if kind in ("m", "f"):
            return info.get("type") == "person" and info.get("gender", "") in ("", kind)
        return info.get("type") in ("organisation", "state", "group", "media")

    def resolve(self, pronoun: str, position: int) -> str | None:
        s_start, _ = self.sentence_of(position)
        here = [m.actor for m in subject_mentions(self.text, self.found, s_start, position) if self.fits(m.actor, pronoun)]
        if here:
            return here[-1]
        candidates = []
        outside = [s for s in self.sentences if s[1] <= s_start and not self._all_quoted(*s)]
        for start, end in reversed(outside[-4:]):
            spoken = [a for p, a in self.history if start <= p < end and self.fits(a, pronoun)]
            subj = [m.actor for m in subject_mentions(self.text, self.found, start, end) if self.fits(m.actor, pronoun)]
            candidates.extend(spoken[-1:] + subj[:1])
            if candidates:
                return candidates[0]
        earlier = [a for p, a in self.history if p < position and self.fits(a, pronoun)]
        return earlier[-1] if earlier else None

    def _all_quoted(self, start: int, end: int) -> bool:
        return any(s - 1 <= start and end <= e + 2 for s, e in self.quoted)


def speaker_before(text: str, found: list[Mention], tracker: Tracker, clause_start: int, verb_start: int) -> Speaker | None:
    """The subject of a reporting verb: the last subject-position mention or pronoun before it
    in its clause ("Kremlin spokesman Dmitry Peskov said", "he added", "the Kremlin and a U.S.
    official said" → Kremlin with an unnamed co-speaker)."""
    window = text[clause_start:verb_start]
    pronoun = None
    for hit in re.finditer(r"(?<![\w’'-])(he|she|they|it|we)(?![\w’'-])", window, re.I):
        # "it" and "they" speak only right before their verb ("it said", "they have warned"):
        # elsewhere they are usually not a speaker ("it remains unclear").
        if hit.group(1).lower() in ("he", "she") or len(window) - hit.end() <= 16:
            pronoun = hit
    unnamed = UNNAMED_SOURCES.search(re.sub(r"\s+(?:also|later|have|has|had|on \w+|last week)\s*$", "", window.rstrip()))
    candidates = subject_mentions(text, found, clause_start, verb_start)
    mention = candidates[-1] if candidates else None
    if unnamed is not None and (mention is None or clause_start + unnamed.start() >= mention.end) and (
            pronoun is None or unnamed.start() > pronoun.start()):
        start = clause_start + unnamed.start()
        return Speaker(None, unnamed.group(0), start, start + len(unnamed.group(0)), unnamed=True)
    if pronoun is not None and (mention is None or clause_start + pronoun.start() > mention.end):
        position = clause_start + pronoun.start()
        actor = tracker.resolve(pronoun.group(1), position)
        if actor is None and pronoun.group(1).lower() in ("it", "they", "we"):
            return None
        return Speaker(actor, pronoun.group(1), position, position + len(pronoun.group(1)), pronoun=True,
                       institution=actor is not None and tracker.codebook.actor(actor).get("type") != "person")
    if mention is not None:
        gap = text[mention.end:verb_start]
        # Too far from its verb, with a clause of its own between them, it is not the subject.
        if len(gap) > 120 or re.search(r"[;:]", gap):
            mention = None
    if mention is None:
        return speaker_phrase(text, tracker, clause_start, verb_start)
    named = OFFICE_THEN_NAME.match(text, mention.end, verb_start)
    if named is not None and tracker.codebook.actor(mention.actor).get("type") in ("organisation", "state"):
        # "Chinese Foreign Ministry spokesperson Mao Ning said": the person the codebook lacks speaks, not the ministry
        return Speaker(named.group(1), named.group(1), named.start(1), named.end(1))
    # A coordinated subject ("Ukraine and its Western allies", "the Kremlin and a U.S. official"):
    # the first conjunct speaks, the others are co-speakers.
    first, co = mention, []
    earlier = [m for m in candidates if m.end <= mention.start]
    joined = re.fullmatch(r"\s+and\s+(?:its|his|her|their|the|a|an)?\s*", text[earlier[-1].end:mention.start]) if earlier else None
    if joined:
        first, co = earlier[-1], [mention.actor]
    elif re.match(r"\s+and\s+(?:a|an|the)?\s*[\w.\s]{0,30}?(?:officials?|sources?|diplomats?)\b", text[mention.end:verb_start]):
        co = [None]
    info = tracker.codebook.actor(first.actor)
    return Speaker(first.actor, text[first.start:first.end], first.start, first.end,
                   institution=info.get("type") in ("organisation", "state"), co_speakers=co)


# "the press service said", "a spokesperson said", "the readout says": an institution's voice,
# the institution last talked about.
INSTITUTION_VOICE = re.compile(r"(?:^|\s)(?:[Tt]he|[Aa]n?|[Ii]ts)\s+(?:[\w-]+\s+)?(?:press service|statement|readout|"
                               r"spokesperson|spokesman|spokeswoman|ministry|press office|communique|communiqué)\s*$")
PERSON_NAME_BEFORE = re.compile(r"(?<![\w’'-])((?:[A-Z][a-zà-ÿ’'-]+\s+){1,2}[A-Z][a-zà-ÿ’'-]+)\s*(?:,[^,]{1,60},\s*)?$")
# An office and a name after an organisation, before the verb: "... Foreign Ministry spokesperson Mao Ning".
OFFICE_THEN_NAME = re.compile(r"(?:[’']s)?\s+(?:[a-z][\w-]*\s+){0,2}(?:spokes(?:man|woman|person)|minister|secretary|ambassador|"
                              r"envoy|adviser|advisor|aide|chief|head|director|official)\s+"
                              r"((?:[A-Z][a-zà-ÿ’'-]+\s+){1,2}[A-Z][a-zà-ÿ’'-]+)\s*(?:,\s*)?\Z")
SPOKESPERSON_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+for\s+(?:[A-Z][\w-]*\s+){0,2}\Z")
COMMON_CAPITALISED = {"The", "A", "An", "But", "And", "In", "On", "At", "As", "If", "After", "Before", "While",
                      "Earlier", "Later", "Meanwhile", "However", "Asked", "Speaking", "According"}


def speaker_phrase(text: str, tracker: Tracker, start: int, end: int) -> Speaker | None:
    """A speaker that is not a codebook mention: an institution's spokesperson or statement
    ("the press service said"), or a person's name the codebook lacks ("Dan Scavino ... wrote")."""
    window = text[start:end]
    voice = INSTITUTION_VOICE.search(window.rstrip())
    if voice:
        noun = voice.group(0).split()[-1]
        # The institution this press service, readout or spokesperson was last named with.
        owners = [m for m in tracker.found if m.end <= start + voice.start() and m.actor
                  and re.match(rf"(?:[’']s)?\s+(?:[\w-]+\s+)?{re.escape(noun)}\b", text[m.end:m.end + 40])
                  and tracker.fits(m.actor, "it")]
        actor = owners[-1].actor if owners else tracker.resolve("it", start + voice.start())
        if actor:
            at = start + voice.start() + (len(voice.group(0)) - len(voice.group(0).lstrip()))
            return Speaker(actor, text[at:start + voice.end()].strip(), at, start + voice.end(), institution=True)
    name = PERSON_NAME_BEFORE.search(window.rstrip())
    if name and name.group(1).split()[0] not in COMMON_CAPITALISED:
        at = start + name.start(1)
        known = next((m for m in tracker.found if m.actor and m.start < at + len(name.group(1)) and at < m.end), None)
        if known is not None:
            # "Prime Minister Keir Starmer" is Keir Starmer, not a new person; and "a spokesperson for
            # Prime Minister Keir Starmer" speaks for his office, not as him
            if SPOKESPERSON_FOR.search(window[:name.start(1)]):
                return None
            return Speaker(known.actor, text[known.start:known.end], known.start, known.end, unnamed=False)
        return Speaker(name.group(1), name.group(1), at, at + len(name.group(1)), unnamed=False)
    return None


def clause_start(text: str, sentence_start: int, position: int) -> int:
    """Where the clause holding ``position`` starts: after the last quotation or the sentence start."""
    cut = sentence_start
    for hit in re.finditer(r"[”\"]", text[sentence_start:position]):
        cut = sentence_start + hit.end()
    return cut
