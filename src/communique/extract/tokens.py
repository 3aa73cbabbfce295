"""Coarse parts of speech and lemmas from the tagger's fine tags, without spaCy's
attribute ruler and lemmatizer: those two cost a third of the parse time and we need only
a rough lemma, consistent across inflections ("implementing", "implemented" → "implement").

Verbs are stemmed (a final "e" dropped, so "decide" and "decided" agree on "decid"); nouns
are singularised. Word lists compared against lemmas go through `lemma_forms`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_COARSE = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "MD": "AUX",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "CD": "NUM",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "IN": "ADP",
    "DT": "DET",
    "PDT": "DET",
    "PRP": "PRON",
    "PRP$": "PRON",
    "WP": "PRON",
    "WDT": "PRON",
    "EX": "PRON",
    "CC": "CCONJ",
    "$": "SYM",
    "TO": "PART",
    "RP": "PART",
    "POS": "PART",
}
_IRREGULAR = {
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "being": "be",
    "am": "be",
    "'s": "be",
    "be": "be",
    "has": "have",
    "had": "have",
    "having": "have",
    "does": "do",
    "did": "do",
    "done": "do",
    "people": "people",
    "made": "mak",
    "held": "hold",
    "built": "build",
    "brought": "bring",
    "grew": "grow",
    "grown": "grow",
    "rose": "ris",
    "risen": "ris",
    "set": "set",
    "met": "meet",
    "sent": "send",
}
_DOUBLED = frozenset("bdgklmnprt")


def pos(token: Any) -> str:
    """Universal POS from the fine tag: "VBD" → VERB, "NNS" → NOUN, "MD" → AUX."""
    tag = str(token.tag_)
    if tag.startswith("VB"):
        return (
            "AUX"
            if token.lower_ in _IRREGULAR and _IRREGULAR[token.lower_] in ("be", "have", "do")
            else "VERB"
        )
    return _COARSE.get(tag, "X")


def verb_stem(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] in _DOUBLED:
                w = w[:-1]  # planned → plan, committed → commit
            break
    else:
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("es") and w[-3:-2] in ("s", "x", "z", "h"):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
    return w[:-1] if w.endswith("e") and len(w) > 3 and not w.endswith("ee") else w


def noun_lemma(word: str) -> str:
    w = word.lower()
    if w in ("people", "news", "series", "business", "headquarters"):
        return w
    if w in ("lives", "wives", "knives"):
        return w[:-3] + "fe"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3:
        return w[:-1]
    return w


def lemma(token: Any) -> str:
    """A rough lemma: verbs stemmed, nouns singular, everything lower-case."""
    tag = str(token.tag_)
    if tag.startswith("VB") or tag == "MD":
        return verb_stem(token.text)
    if tag in ("NNS", "NNPS"):
        return noun_lemma(token.text)
    return str(token.lower_)


def lemma_forms(words: Iterable[str]) -> frozenset[str]:
    """Every form `lemma` may give for these dictionary words (as noun and as verb)."""
    # the stem of an inflected form too: `verb_stem` takes "killed" to "kil" (as "planned" to
    # "plan"), so "kill" must also be known as "kil", and "agreed" to "agr"
    return frozenset(
        f
        for w in words
        for f in (
            w,
            verb_stem(w),
            verb_stem(w + "ed"),
            verb_stem(w + "d") if w.endswith("e") else w,
            verb_stem(w + "ing"),
            noun_lemma(w),
        )
    )


_PARTICIPLES = {
    "build": "built",
    "mak": "made",
    "sell": "sold",
    "bring": "brought",
    "hold": "held",
    "send": "sent",
    "set": "set",
    "meet": "met",
    "win": "won",
    "grow": "grown",
    "buy": "bought",
    "teach": "taught",
    "begin": "begun",
    "run": "run",
    "lend": "lent",
    "spend": "spent",
    "giv": "given",
    "tak": "taken",
    "see": "seen",
    "find": "found",
    "keep": "kept",
    "lead": "led",
    "writ": "written",
    "ris": "risen",
    "do": "done",
    "have": "had",
    "be": "been",
}
_VOWELS = frozenset("aeiou")


def participle(token: Any) -> str:
    """The past participle of a verb token, spelt out ("implementing" → implemented,
    "initiate" → initiated, "built" → built): a readable word where `lemma` gives a stem."""
    if token.tag_ in ("VBN", "VBD"):
        return str(token.lower_)
    stem = verb_stem(token.text)
    if stem in _PARTICIPLES:
        return _PARTICIPLES[stem]
    if stem.endswith("y") and len(stem) > 2 and stem[-2] not in _VOWELS:
        return stem[:-1] + "ied"
    vowels = sum(ch in _VOWELS for ch in stem)
    if vowels == 1 and stem[-1] in _DOUBLED and stem[-2] in _VOWELS:
        return stem + stem[-1] + "ed"  # planned, shipped
    return stem + ("d" if stem.endswith("e") else "ed")  # used; initiat → initiated
