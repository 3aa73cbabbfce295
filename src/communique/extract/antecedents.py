"""The earlier figure a figure refers back to, and what it takes from it.

A figure can restate the one just before it in its sentence ("$28.4 billion, equivalent to
about 157 billion reais", "₹ 2,500 crore (about AED 1.1 billion)"), continue the last claim
of its turn without saying what it measures ("it grew by 7.2 percent", "the precise figure
is ..."), or give the value of a count just claimed ("Eight projects worth over US$2.5
billion"). Such a figure takes its metric key from that one, and a restatement its modality.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from communique.extract.indicators import indicator_of, indicator_of_verb
from communique.extract.keys import Keyed, MetricKey
from communique.extract.phrases import Doc, Reading
from communique.extract.quantities import Mention
from communique.extract.units import COUNT, PERCENT
from communique.models import Claim

_EQUIVALENT = re.compile(r"^\s*[,(]?\s*(?:equivalent to|or|i\.e\.|that is)\s*$", re.I)
_CONVERSION = re.compile(r"^\s*\(\s*$")  # "₹ 2,500 crore (about AED 1.1 billion)"
# A bullet or table row starts a new item: a figure after it never continues one before it.
_NEW_ITEM = re.compile(r"\n[ \t]*(?:[-*•]|\d+[.)]|\|)[ \t]")


@dataclass(slots=True)
class Found:
    """A claim already built, with what later figures of the same turn may inherit."""

    claim: Claim
    keyed: Keyed  # its key in parts: "trade" + ("KZ", "RU")
    turn: int


def antecedent(
    text: str,
    m: Mention,
    reading: Reading,
    phrase: str,
    turn: int,
    *,
    sentence: Sequence[Found],
    document: Sequence[Found],
) -> tuple[Found | None, bool]:
    """(the earlier figure `m` inherits from, whether `m` restates it). `sentence` holds the
    claims found so far in the figure's sentence, `document` those of the whole document."""
    if sentence and _restates(text, m, sentence[-1].claim):
        return sentence[-1], True
    if document and _continues(text, m, reading, phrase, turn, document[-1]):
        return document[-1], False
    return None, False


def _restates(text: str, m: Mention, prev: Claim) -> bool:
    """Whether `m` says `prev` again: "equivalent to", "or", "i.e." between them, or a money
    amount in brackets after another (a currency conversion)."""
    between = text[prev.span.end : m.start]
    return bool(
        _EQUIVALENT.match(between)
        or (_CONVERSION.match(between) and m.unit.isupper() and prev.unit.isupper())
    )


def _continues(
    text: str, m: Mention, reading: Reading, phrase: str, turn: int, prev: Found
) -> bool:
    """Whether `m`, which names no measure of its own, goes on about `prev`: the last claim,
    in the same turn, a few sentences back, with no new bullet or table row between. A count
    of a noun it names ("12 cities") is its own figure, and nothing goes on about a vague
    plural ("millions of our citizens")."""
    if not (reading.anaphoric or not phrase) or (m.unit == COUNT and reading.noun is not None):
        return False
    if prev.claim.vague:
        return False
    name = prev.keyed.key.name
    rate = (found := indicator_of(name)) is not None and found.rate
    share = prev.claim.unit == PERCENT and not (name.endswith("_growth") or rate)
    if reading.growth and m.unit == PERCENT and share:
        # a change in percent goes on about a change or a rate ("Inflation peaked at 9
        # percent ... dropped to 3 percent"), never about a share ("Exports are 40 percent of
        # our trade. We saw a 3 percent growth.")
        return False
    said = next((i for v in (*reading.verbs, reading.verb) if (i := indicator_of_verb(v))), None)
    if said is not None and not prev.keyed.key.name.startswith(said.name):
        return False  # "It used to cost $400 a month": a cost, whatever went before

    end = prev.claim.span.end
    return prev.turn == turn and m.start - end < 600 and not _NEW_ITEM.search(text, end, m.start)


def borrowed_key(
    text: str,
    doc: Doc,
    origin: int,
    m: Mention,
    reading: Reading,
    phrase: str,
    *,
    inherited: Found | None,
    sentence: Sequence[Found],
) -> Keyed | None:
    """The key taken from an earlier figure, or None when `m` has a key of its own. The value
    of a count is that count's `_value` ("Eight projects worth over US$2.5 billion"); a figure
    that restates or continues `inherited` without naming a measure takes its key, and a
    percent saying how a non-percent figure changed is its growth ("$5 billion ... it grew by
    7.2 percent"). `doc` is the parse of the window that starts at `origin`."""
    valued = _valued_count(doc, origin, reading, sentence)
    if valued is not None:
        return _renamed(valued.keyed, valued.keyed.key.name + "_value")
    if inherited is None:
        return None
    earlier = inherited.claim
    if not (
        reading.anaphoric
        or not phrase
        or (earlier.span.end <= m.start and _restatement(text[earlier.span.end : m.start]))
    ):
        return None
    name = inherited.keyed.key.name
    base = name
    if m.unit != PERCENT:
        base = base.removesuffix("_growth")  # "grew by 7 percent, to $5 billion": the level
    elif reading.growth and (earlier.unit != PERCENT or name.endswith("_growth")):
        # "$5 billion ... it grew by 7.2 percent"; "fell 15 percent ... a 45 percent growth":
        # a change, as the figure before was
        base = base.removesuffix("_growth") + "_growth"
    elif not reading.growth:
        base = base.removesuffix("_growth")
        if earlier.unit != PERCENT and base in ("amount", "figure"):
            base = "share"  # "$39 billion ... including roughly 40 percent": a part of it
    if earlier.unit == PERCENT and m.unit != PERCENT and base.startswith("share"):
        # "53 percent, or $39 billion, of total HEERF dollars": the amount the share comes to,
        # a measure of the whole's own kind, never a share
        base = base.removeprefix("share_of_") if base != "share" else ""
        base = base or ("amount" if m.unit.isupper() else "figure")
    return _renamed(inherited.keyed, base)


def _renamed(keyed: Keyed, name: str) -> Keyed:
    key = MetricKey(name, keyed.key.countries, keyed.key.scope)
    indicator = name if keyed.indicator else ""
    return Keyed(key, indicator, subject=keyed.subject, object=keyed.object)


def _restatement(between: str) -> bool:
    """Whether the words between two figures make the second a restatement of the first."""
    return bool(_EQUIVALENT.match(between) or _CONVERSION.match(between))


def _valued_count(
    doc: Doc, origin: int, reading: Reading, sentence: Sequence[Found]
) -> Found | None:
    """The count of the sentence whose value an amount gives: the one over the noun the parse
    says the amount values, else one that ends at that noun."""
    if reading.valued is None:
        return None
    noun = doc[reading.valued]
    start = origin + noun.idx
    for f in sentence:
        if f.claim.unit == COUNT and f.claim.span.end >= start and f.claim.span.start < start + 1:
            return f
    end = start + len(noun)
    return next((f for f in sentence if f.claim.unit == COUNT and f.claim.span.end == end), None)
