"""Literal screens: skip a regular expression where it cannot match.

Python's ``re`` tries a pattern at every position of the text it searches, so a codebook of
a few dozen cue patterns costs a few dozen passes over every sentence, though most sentences
hold no cue. Most cue patterns cannot match without one of a few plain strings: the demand
cue for a ceasefire needs "ceasefire", "truce", "halt" or another of its words. A
:class:`LiteralScreen` works out such a set for each pattern from the pattern itself (the
codebooks stay the only place cues are written), finds every occurrence of those strings in
an article with ``str.find``, and then answers, for any span, whether a pattern *may* match
there. A span without one of its strings cannot hold a match, so skipping the pattern there
changes no result; a pattern with no such set is never skipped.

The strings are compared case-folded as ``re.IGNORECASE`` folds them, whatever the pattern's
flags: folding can only add candidates, never lose one.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import product

try:  # the characters re.IGNORECASE treats as one beyond lower(): "ſ" and "s", "ı" and "i", "ς" and "σ"
    from re._casefix import _EXTRA_CASES
    from re import _constants as sre, _parser as sre_parser
except ImportError:  # another Python's re: no screen, every pattern always runs
    sre = sre_parser = None
    _EXTRA_CASES = {}

_FOLD = {code: min((code, *extra)) for code, extra in _EXTRA_CASES.items() if min((code, *extra)) != code}
# Translating is slow on text with any non-ASCII character (a curly apostrophe will do), and most
# texts hold none of the few characters it changes.
_FOLDED_CHARS = re.compile("[" + "".join(map(chr, sorted(_FOLD))) + "]") if _FOLD else None
MAX_EXACT = 64  # how many alternative strings a part of a pattern may expand to before it is cut
# Above this many (place of a key, string with that key) checks, a key's strings are searched for
# instead: a key found in a text a hundred times is checked faster by str.find.
CHECKS_PER_KEY = 64


def fold(text: str) -> str:
    """``text`` lower-cased as re.IGNORECASE compares characters, one character for one."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters; re compares it with "i"
        lowered = "".join(c.lower()[0] for c in text)
    return lowered.translate(_FOLD) if _FOLDED_CHARS and _FOLDED_CHARS.search(lowered) else lowered


def required_strings(pattern: re.Pattern) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` contains; None when the pattern
    has no such set (it may match without any fixed string, or it is too complex to tell)."""
    if sre_parser is None:
        return None
    try:
        tree = sre_parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a construct this analysis does not know: no screen
        return None
    exact, required = _sequence(list(tree))
    best = _best([s for s in (exact, required) if s])
    return frozenset(best) if best else None


def _best(candidates):
    """The most selective of several sets of strings: the longest shortest string, then the fewest."""
    usable = [c for c in candidates if c and "" not in c]
    return max(usable, key=lambda c: (min(map(len, c)), -len(c))) if usable else None


def _node(op, arg):
    """(exact, required) of one parsed node: ``exact`` the set of every string it can match (None
    when that set is unknown or large), ``required`` a set one of which every match contains."""
    if op is sre.LITERAL:
        return {fold(chr(arg))}, None
    if op is sre.IN:
        if all(o is sre.LITERAL for o, _ in arg) and len(arg) <= 8:
            return {fold(chr(a)) for _, a in arg}, None
        return None, None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return {""}, None  # zero-width: a lookbehind's text may lie outside the span searched
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is sre.BRANCH:
        parts = [_sequence(list(branch)) for branch in arg[1]]
        exacts = [e for e, _ in parts]
        exact = set().union(*exacts) if all(e is not None for e in exacts) else None
        if exact is not None and len(exact) > MAX_EXACT:
            exact = None
        needed = [_best([s for s in (e, r) if s]) for e, r in parts]
        required = set().union(*needed) if all(n is not None for n in needed) else None
        return exact, required
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, body = arg
        exact, required = _sequence(list(body))
        if low == 0:
            return ({""} | exact if high == 1 and exact is not None else None), None
        if low == high == 1:
            return exact, required
        return None, _best([s for s in (exact, required) if s])
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(list(arg))
    return None, None  # any character, a class, a back reference: no fixed string


def _sequence(items):
    """(exact, required) of a concatenation: adjacent exact parts combine into longer strings."""
    candidates = []
    run = {""}
    whole = True  # whether every part so far was exact
    for op, arg in items:
        exact, required = _node(op, arg)
        if exact is not None and run is not None and len(run) * len(exact) <= MAX_EXACT:
            run = {a + b for a, b in product(run, exact)}
            continue
        if exact is not None:  # too many combinations: keep what ran so far, start again
            candidates.append(run)
            run, whole = exact, False
            continue
        candidates += [run, required]
        run, whole = {""}, False
    candidates.append(run)
    return (run if whole else None), _best([c for c in candidates if c])


def prefix_tree(strings, fold: bool = False) -> str:
    """A regular expression for "any of ``strings``, the longest that fits first", written as a
    tree of shared prefixes ("Tr(?:ump|udeau)"). It matches exactly what the plain alternation
    sorted longest first matches, but Python's engine tries thousands of alternatives at every
    character of the text, while the tree reads each character once. ``fold``: the pattern is
    compiled case-insensitively, so strings that differ only in case share a branch."""
    tree: dict = {}
    for s in strings:
        node = tree
        for ch in (s.lower() if fold else s):
            node = node.setdefault(ch, {})
        node[""] = {}  # a string ends here

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a string ends here, but a longer one is tried first (greedy "?")
            return (body if len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return render(tree)


class LiteralScreen:
    """The required strings of several patterns, to find once per text.

    Each string is keyed by a word it holds (its longest, or a shorter word inside that one). One
    pass of one pattern finds where every key word occurs in a text; a string can only occur
    where its key does, so each string is then checked at those places alone. No key holds
    another, so at any position at most one key starts, and the pass misses none.
    """

    def __init__(self, patterns):
        self.needs = [required_strings(p) for p in patterns]
        strings = {s for need in self.needs if need for s in need}
        longest = {s: max(re.findall(r"\w+", s), key=len, default=s) for s in strings}
        words = set(longest.values())
        key = {w: min((o for o in words if o in w), key=lambda o: (len(o), o)) for w in words}
        self.needed_by = {s: [i for i, need in enumerate(self.needs) if need and s in need] for s in strings}
        self.by_word = {}
        for string in sorted(strings):
            self.by_word.setdefault(key[longest[string]], []).append(string)
        # (string, where its key starts in it) per key; every occurrence of a string has its key there.
        self._strings = {word: [(s, s.find(word)) for s in strings] for word, strings in self.by_word.items()}
        self._keys = re.compile(f"(?=({prefix_tree(self.by_word)}))", re.S) if self.by_word else None

    def scan(self, text: str) -> "Occurrences":
        folded = fold(text)
        keys_at = {}
        for hit in self._keys.finditer(folded) if self._keys else ():
            keys_at.setdefault(hit.group(1), []).append(hit.start())
        found = {}
        for word, positions in keys_at.items():
            strings = self._strings[word]
            if len(positions) * len(strings) <= CHECKS_PER_KEY:
                for string, offset in strings:
                    at = [p - offset for p in positions if p >= offset and folded.startswith(string, p - offset)]
                    if at:
                        found[string] = at
                continue
            for string, _ in strings:  # a common key ("a" of "a.m."): searching is cheaper than checking
                at = folded.find(string)
                while at != -1:
                    found.setdefault(string, []).append(at)
                    at = folded.find(string, at + 1)
        return Occurrences(self, found)


def _sorted(spans: list | None) -> list | None:
    return None if spans is None else sorted(spans)


class Occurrences:
    """Where each pattern's required strings occur in one text."""

    def __init__(self, screen: LiteralScreen, found: dict[str, list[int]]):
        # Built from the strings found, not from every pattern's strings: a text holds few of them.
        spans = [None if need is None else [] for need in screen.needs]
        for string, places in found.items():
            for index in screen.needed_by[string]:
                spans[index].extend((at, at + len(string)) for at in places)
        self._spans = [None if s is None else ([a for a, _ in s], [b for _, b in s]) for s in map(_sorted, spans)]

    def may_match(self, index: int, start: int, end: int) -> bool:
        """Whether pattern ``index`` may match within ``text[start:end]``."""
        spans = self._spans[index]
        if spans is None:
            return True
        starts, ends = spans
        i = bisect_left(starts, start)
        while i < len(starts) and starts[i] < end:
            if ends[i] <= end:
                return True
            i += 1
        return False
