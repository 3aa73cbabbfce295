"""Follow-up across documents: one agreement named in many statements (here), and what later
statements report of a commitment (`followup_reports`, `followup_links`; `followup_runs` runs
both over a ledger, whole or only where new documents reach).

A later mention of an agreement joins the thread of an earlier one of the same kind whose
parties do not contradict it and whose name holds all of its words ("the Comprehensive
Programme of Economic Cooperation for 2021–2025" after "a comprehensive cooperation programme
until 2025"), or shares most of them; a name of nothing but generic words ("the Joint
Statement") never joins across documents, since every summit has one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from communique.models import (
    Agreement,
)

_FUNCTION = {
    "the", "a", "an", "of", "on", "for", "and", "in", "to", "with", "between", "until", "till",
    "by", "at", "from", "its", "their", "our", "this", "that", "these", "those", "as", "is",
    "are", "was", "were", "be", "been", "will", "would", "shall", "have", "has", "had", "we",
    "they", "it", "i", "he", "she", "you", "also", "which", "who", "soon", "now", "all",
}  # fmt: skip
_GENERIC = {
    "agreement", "treaty", "declaration", "memorandum", "understanding", "programme",
    "program", "plan", "roadmap", "road", "map", "protocol", "contract", "statement",
    "communique", "joint", "comprehensive", "intergovernmental", "bilateral", "new",
    "cooperation", "action", "framework", "document", "documents", "mou",
}  # fmt: skip
_WORD = re.compile(r"[\w’'-]+")


@lru_cache(maxsize=1 << 16)
def _stem(word: str) -> str:
    w = word.lower().strip("’'-")
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)] + repl
    return w


@lru_cache(maxsize=1 << 14)
def content_words(text: str) -> frozenset[str]:
    """The stems of `text`'s words, without function words: what follow-ups compare (cached:
    threading compares every new name with every thread's)."""
    return frozenset(_stem(w) for w in _WORD.findall(text) if w.lower() not in _FUNCTION)


# -- agreements -----------------------------------------------------------------------------


def _same_agreement(later: Agreement, earlier: Agreement) -> bool:
    if later.kind is not earlier.kind:
        return False
    a, b = set(later.parties), set(earlier.parties)
    if a and b and not (a <= b or b <= a):
        return False
    short, long = sorted((content_words(later.name), content_words(earlier.name)), key=len)
    if not short - _GENERIC:
        return False  # "the Joint Statement": one per summit
    if short <= long:
        return True
    shared = short & long
    return len(shared - _GENERIC) >= 2 and len(shared) / len(short | long) >= 0.6


def agreement_threads(
    agreements: Sequence[Agreement], *, since: date | None = None
) -> dict[int, int]:
    """{agreement id: id of the first stored mention of the same agreement}, earliest
    documents first (an agreement first named is its own thread).

    With `since`, the threads of agreements of documents dated before it are taken as stored
    (their `thread`), and only those from that date on (and the undated) are threaded again:
    the result is the same as threading them all, since a mention joins only threads begun
    before it. Only the agreements threaded again are in the result."""
    ordered = sorted(
        (a for a in agreements if a.id is not None),
        key=lambda a: (a.document_date or date.max, a.id or 0),
    )
    cut = 0
    if since is not None:
        cut = next(
            (i for i, a in enumerate(ordered) if (a.document_date or date.max) >= since),
            len(ordered),
        )
    heads = _heads(ordered[:cut])
    threads: dict[int, int] = {}
    for agreement in ordered[cut:]:
        assert agreement.id is not None
        for i, head in enumerate(heads):
            if head.source != agreement.source and _same_agreement(agreement, head):
                assert head.thread is not None
                threads[agreement.id] = head.thread
                if len(agreement.name) > len(head.name):
                    heads[i] = replace(agreement, thread=head.thread)
                break
        else:
            threads[agreement.id] = agreement.id
            heads.append(replace(agreement, thread=agreement.id))
    return threads


def _heads(threaded: Sequence[Agreement]) -> list[Agreement]:
    """The heads that threading `threaded` (in order, each with its stored thread) leaves:
    one per thread in the order the threads began, each its first mention with the longest
    name."""
    heads: dict[int, Agreement] = {}
    for agreement in threaded:
        thread = agreement.thread or agreement.id or 0
        head = heads.get(thread)
        if head is None or len(agreement.name) > len(head.name):
            heads[thread] = replace(agreement, thread=thread)
    return list(heads.values())
