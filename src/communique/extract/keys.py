"""The metric key of one figure where it stands: `name:countries`.

`metrics` names indicators and tells subjects from objects in a stretch of text; this module
applies it to one figure of a document. It picks the words the name is read from (a count's
phrase up to the noun it counts, the words left of an amount in its clause), tells a stock
from a flow by the phrase and the time that dates the figure, and keys the countries: the
sorted pair of a symmetric indicator (`trade:KZ-RU`), else subject>object
(`investment_stock:RU>KZ`), reading "our" as the speaker's country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from communique.extract.countries import CountryMention, country_in_label
from communique.extract.metrics import compose_key, direction, metric_name, pair
from communique.extract.periods import TimeRef
from communique.extract.phrases import Doc, Reading
from communique.extract.quantities import Mention
from communique.extract.units import COUNT, RANK
from communique.models import Modality, Turn

# Words that call an amount a level reached so far ("cumulative Russian investments").
_STOCK_WORDS = ("cumulative", "accumulat", "aggregate", "total", "stock", "volume", "portfolio")
_INVESTED = re.compile(r"\s+(?:were\s+|was\s+|have been\s+)?invested\b")
_OURS = re.compile(r"\b(?:our|we)\b", re.I)


def figure_name(
    text: str,
    doc: Doc,
    origin: int,
    m: Mention,
    reading: Reading,
    *,
    phrase_span: tuple[int, int] | None,
    phrase: str,
    end: int,
    clause: tuple[int, int],
    when: TimeRef | None,
    modality: Modality,
) -> tuple[str, bool]:
    """(metric name, symmetric) of a figure that takes no key from an earlier one. `doc` is
    the parse of the window that starts at `origin`; `end` is where the figure's quote ends."""
    rank_noun = " ".join(text[m.num_end : m.end].split()) if m.unit == RANK else ""
    count_phrase = _count_phrase(text, doc, origin, m, reading, phrase_span, end)
    clause_left = text[clause[0] : m.start] if m.unit != COUNT else ""
    name, symmetric, stock_flow = metric_name(
        reading, m, phrase, rank_noun, count_phrase, clause_left
    )
    if stock_flow:
        name = f"{name}_{'flow' if _is_flow(text, phrase, end, when, modality) else 'stock'}"
    return name, symmetric


def _count_phrase(
    text: str,
    doc: Doc,
    origin: int,
    m: Mention,
    reading: Reading,
    phrase_span: tuple[int, int] | None,
    end: int,
) -> str:
    """What a count counts, as written: its phrase up to the figure's end, or up to the counted
    noun when the phrase comes first ("the number of Australian students in Japan to 10,000"
    counts students, not "10,000")."""
    if not phrase_span or m.unit != COUNT:
        return ""
    written = text[phrase_span[0] : end]
    if written and reading.noun is not None and phrase_span[1] <= m.start:
        noun = doc[reading.noun]
        return text[phrase_span[0] : origin + noun.idx + len(noun)]
    return written


def _is_flow(text: str, phrase: str, end: int, when: TimeRef | None, modality: Modality) -> bool:
    """Whether a stock/flow amount is a flow: dated by a period and not called a total ("over
    $4.5 billion invested in just the past two years"), or money still to come ("will invest
    ¥50 billion", "has committed to invest $75 billion"), which is never a level reached."""
    lowered = phrase.lower()
    stock = any(w in lowered for w in _STOCK_WORDS)
    if when is not None and when.kind == "period" and (not stock or _INVESTED.match(text, end)):
        return True
    return modality is not Modality.ACTUAL and not stock


def country_key(
    text: str,
    nearby: Sequence[CountryMention],
    parties: Sequence[str],
    *,
    symmetric: bool,
    phrase: str,
    speaker: Turn | None,
) -> str:
    """The countries part of a key from the countries named near the figure: "KZ-RU" for a
    symmetric indicator, "RU>KZ" for a directional one, whose "our" is the speaker's country;
    with no country in sight, the parties."""
    if symmetric:
        return pair(nearby, parties)
    ours = _speaker_country(speaker) if _OURS.search(phrase) else None
    subject, obj = direction(text, nearby, parties, ours=ours)
    if subject is None and obj is None:
        return pair((), parties)
    key = compose_key("", symmetric=False, subject=subject, obj=obj, pair_codes="")
    return key.split(":", 1)[1]


def _speaker_country(turn: Turn | None) -> str | None:
    """The speaker's country: from the turn, else named in its label."""
    if turn is None:
        return None
    return turn.country or country_in_label(turn.label or turn.speaker)
