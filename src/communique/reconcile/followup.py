"""Follow-up across documents: one agreement named in many statements, and what later
statements report of a commitment.

Agreements: a later mention joins the thread of an earlier one of the same kind whose parties
do not contradict it and whose name holds all of its words ("the Comprehensive Programme of
Economic Cooperation for 2021–2025" after "a comprehensive cooperation programme until
2025"), or shares most of them; a name of nothing but generic words ("the Joint Statement")
never joins across documents, since every summit has one.

Commitments: a later sentence that shares the commitment's distinctive words and says it
happened ("seven branches ... have opened in Kazakhstan"), was put off ("postponed") or
changed ("cancelled", "instead") is its history; so is a later commitment to the same action,
restated, or with its due date moved.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from communique.extract.actors import find_parties
from communique.models import (
    Agreement,
    Commitment,
    Document,
    FollowUp,
    Progress,
    Span,
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


def _words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in _FUNCTION}


# -- agreements -----------------------------------------------------------------------------


def _same_agreement(later: Agreement, earlier: Agreement) -> bool:
    if later.kind is not earlier.kind:
        return False
    a, b = set(later.parties), set(earlier.parties)
    if a and b and not (a <= b or b <= a):
        return False
    short, long = sorted((_words(later.name), _words(earlier.name)), key=len)
    if not short - _GENERIC:
        return False  # "the Joint Statement": one per summit
    if short <= long:
        return True
    shared = short & long
    return len(shared - _GENERIC) >= 2 and len(shared) / len(short | long) >= 0.6


def agreement_threads(agreements: Sequence[Agreement]) -> dict[int, int]:
    """{agreement id: id of the first stored mention of the same agreement} for every stored
    agreement (an agreement first named is its own thread), earliest documents first."""
    ordered = sorted(
        (a for a in agreements if a.id is not None),
        key=lambda a: (a.document_date or date.max, a.id or 0),
    )
    threads: dict[int, int] = {}
    heads: list[Agreement] = []  # one representative per thread: its fullest name
    for agreement in ordered:
        assert agreement.id is not None
        for i, head in enumerate(heads):
            if head.source != agreement.source and _same_agreement(agreement, head):
                assert head.thread is not None
                threads[agreement.id] = head.thread
                if len(agreement.name) > len(head.name):
                    heads[i] = _with_thread(agreement, head.thread)
                break
        else:
            threads[agreement.id] = agreement.id
            heads.append(_with_thread(agreement, agreement.id))
    return threads


def _with_thread(agreement: Agreement, thread: int) -> Agreement:
    from dataclasses import replace

    return replace(agreement, thread=thread)


# -- commitments ----------------------------------------------------------------------------

_DONE = re.compile(
    r"\b(?:ha(?:s|ve)\s+(?:now\s+|already\s+|successfully\s+|just\s+)?(?:been\s+)?"
    r"(?:opened|launched|completed|built|signed|held|started|begun|commissioned|finished|"
    r"implemented|established|created|delivered|reached|achieved|fulfilled|carried out|"
    r"put into operation|inaugurated)"
    r"|(?:was|were)\s+(?:successfully\s+)?(?:opened|launched|completed|built|signed|held|"
    r"commissioned|inaugurated|established|created|delivered|carried out|celebrated)"
    r"|took place|came into force|entered into force|(?:is|are)\s+now\s+(?:open|operating|"
    r"working|in operation))\b",
    re.I,
)
_DELAYED = re.compile(
    r"\b(?:postponed|delayed|rescheduled|pushed back|put off|deferred|behind schedule)\b", re.I
)
_CHANGED = re.compile(r"\b(?:cancell?ed|called off|revised|scaled back|abandoned)\b", re.I)
MIN_SHARED = 2
"""Distinctive (not common) words a later sentence must share with a commitment of a document
with a party in common. Read on the seeds and 177 real statements: one shared word linked
unrelated promises of the same two countries ("branches"); two, beside the common-word and
party rules, kept the links that were right and few that were not."""


@dataclass(frozen=True, slots=True)
class _Report:
    source: str
    document_date: date
    start: int
    end: int
    quote: str
    speaker: str
    status: Progress
    words: frozenset[str]


def _speaker(doc: Document, pos: int) -> str:
    for turn in doc.turns:
        if turn.span.start <= pos < turn.span.end:
            return turn.speaker
    return ""


_CUES = ((Progress.DELAYED, _DELAYED), (Progress.CHANGED, _CHANGED), (Progress.DONE, _DONE))
_ANY_CUE = re.compile("|".join(f"(?:{p.pattern})" for _, p in _CUES), re.I)
_STOP = re.compile(r"[.!?]\s|\n\s*\n")


# What every cue contains: a document without one of these is not searched with the regex.
_CUE_WORDS = (
    "opened", "launched", "completed", "built", "signed", "held", "started", "begun",
    "commissioned", "finished", "implemented", "established", "created", "delivered",
    "reached", "achieved", "fulfilled", "carried out", "operation", "inaugurated",
    "took place", "into force", "celebrated", "now open", "now operating", "now working",
    "postponed", "delayed", "rescheduled", "pushed back", "put off", "deferred",
    "behind schedule", "cancel", "called off", "revised", "scaled back", "abandoned",
)  # fmt: skip
CUE_REACH = 60
"""Characters before a cue word that its regex may span ("has now successfully been")."""


def _cues(text: str) -> Iterator[re.Match[str]]:
    """Matches of the cue regex, run only around the cue words `str.find` locates: the
    regex over whole texts cost more than the rest of reconciliation (benchmarks/README.md)."""
    lower = text.lower()
    spots = sorted(pos for word in _CUE_WORDS for pos in _find_all(lower, word))
    last = 0
    for pos in spots:
        if pos < last:
            continue
        m = _ANY_CUE.search(text, max(last, pos - CUE_REACH), pos + 40)
        if m is not None and m.end() > pos:
            last = m.end()
            yield m


def _find_all(lower: str, word: str) -> Iterator[int]:
    pos = lower.find(word)
    while pos >= 0:
        yield pos
        pos = lower.find(word, pos + 1)


def find_reports(doc: Document) -> list[_Report]:
    """Sentences of a document that report something done, put off or changed: each cue is
    found in the whole text at once, then its sentence is cut around it."""
    if doc.date is None:
        return []
    out: list[_Report] = []
    text = doc.text
    taken = 0
    for m in _cues(text):
        if m.start() < taken:
            continue
        before = [b.end() for b in _STOP.finditer(text, max(0, m.start() - 600), m.start())]
        start = before[-1] if before else max(0, m.start() - 600)
        after = _STOP.search(text, m.end())
        end = after.start() + 1 if after else len(text)
        while start < end and text[start].isspace():
            start += 1
        sentence = text[start:end]
        taken = end
        status = next(status for status, pattern in _CUES if pattern.search(sentence))
        out.append(
            _Report(
                source=doc.source,
                document_date=doc.date,
                start=start,
                end=end,
                quote=sentence,
                speaker=_speaker(doc, start),
                status=status,
                words=frozenset(_words(sentence)),
            )
        )
    return out


_TITLES = {
    "president", "minister", "prime", "leader", "chancellor", "king", "secretary", "side",
    "country", "government", "state", "nation", "people", "part", "relation", "friend",
    "partner", "will", "continue", "plan", "agree", "work", "together", "take", "place",
    "make", "do", "provide", "support", "year", "next", "invit", "mark", "celebrat", "open",
    "start", "begin", "hold", "new", "first",
}  # fmt: skip


def _key_words(commitment: Commitment) -> set[str]:
    """The words that say what a commitment is about, without its parties' names, titles
    and verbs of intent: "branch", "moscow", "engineer", "physic", "institute" ..."""
    quote = commitment.quote
    for party in reversed(find_parties(quote)):
        quote = quote[: party.start] + " " + quote[party.end :]
    return _words(quote) - _TITLES


def _later_commitments(
    c: Commitment, keys: set[str], by_word: dict[str, list[tuple[Commitment, set[str]]]]
) -> list[Commitment]:
    """Later commitments that share at least MIN_SHARED of `keys`, each once, at most
    MAX_HISTORY; postings are in date order, so those of the same day or before are skipped
    at once."""
    assert c.document_date is not None
    out: dict[int, Commitment] = {}
    for word in keys:
        postings = by_word.get(word, [])
        first = bisect_right(
            postings, c.document_date, key=lambda p: p[0].document_date or date.min
        )
        for later, later_keys in postings[first:]:
            if len(out) >= MAX_HISTORY:
                return list(out.values())
            if later.id not in out and len(keys & later_keys) >= MIN_SHARED:
                assert later.id is not None
                out[later.id] = later
    return list(out.values())


def _moved(earlier: Commitment, later: Commitment) -> Progress:
    if earlier.due is None or later.due is None or earlier.due == later.due:
        return Progress.RESTATED
    return Progress.DELAYED if later.due.end > earlier.due.end else Progress.CHANGED


MAX_HISTORY = 20
"""Later statements kept per commitment, the earliest first: an archive that republishes a
statement would otherwise link every copy to every other."""
COMMON_SHARE = 0.02
"""A word found in more than this share of the ledger's commitments and reports (and in more
than five) says too little to link two of them: "trade", "cooperation", "leaders"."""


def commitment_history(
    commitments: Sequence[Commitment], documents: Iterable[Document]
) -> list[FollowUp]:
    """What later statements report of each stored commitment, in time order: later sentences
    and commitments of documents that share a party with it, and at least MIN_SHARED of its
    distinctive words (none of them common in the ledger)."""
    parties: dict[str, set[str]] = {}
    reports: list[_Report] = []
    for doc in documents:
        parties[doc.source] = set(doc.countries)
        reports.extend(find_reports(doc))
    dated = [c for c in commitments if c.id is not None and c.document_date is not None]
    keys = {c.id: _key_words(c) for c in dated}
    units = [*keys.values(), *(r.words for r in reports)]
    frequency: dict[str, int] = defaultdict(int)
    for words in units:
        for w in words:
            frequency[w] += 1
    common = max(5, int(COMMON_SHARE * len(units)))
    rare = {c_id: {w for w in ws if frequency[w] <= common} for c_id, ws in keys.items()}
    by_word: dict[str, list[tuple[Commitment, set[str]]]] = defaultdict(list)
    index: dict[str, list[_Report]] = defaultdict(list)
    for c in sorted(dated, key=lambda c: c.document_date or date.min):
        for w in rare[c.id]:
            by_word[w].append((c, rare[c.id]))
    for r in reports:
        for w in r.words:
            if frequency[w] <= common:
                index[w].append(r)
    found: list[FollowUp] = []
    for c in dated:
        assert c.id is not None and c.document_date is not None
        mine = rare[c.id]
        sides = parties.get(c.source or "", set()) | {a for a in c.actor if a.isupper()}
        if len(mine) < MIN_SHARED:
            continue
        seen: set[tuple[str, int]] = set()
        for word in mine:
            if len(seen) >= MAX_HISTORY:
                break
            for r in index.get(word, ()):
                if r.document_date <= c.document_date or (r.source, r.start) in seen:
                    continue
                seen.add((r.source, r.start))
                if len(mine & r.words) >= MIN_SHARED and sides & parties.get(r.source, set()):
                    found.append(_follow_up(c.id, r))
        for later in _later_commitments(c, mine, by_word):
            if not sides & (parties.get(later.source or "", set()) | set(later.actor)):
                continue
            found.append(
                FollowUp(
                    commitment_id=c.id,
                    status=_moved(c, later),
                    later_commitment_id=later.id,
                    quote=later.quote,
                    span=later.span,
                    speaker=later.speaker,
                    source=later.source,
                    document_date=later.document_date,
                    extractor="communique.followup.v1",
                )
            )
    found.sort(key=lambda f: (f.commitment_id, f.document_date or date.min))
    kept: dict[int, int] = defaultdict(int)
    history = []
    for f in found:
        kept[f.commitment_id] += 1
        if kept[f.commitment_id] <= MAX_HISTORY:
            history.append(f)
    return history


def _follow_up(commitment_id: int, r: _Report) -> FollowUp:
    return FollowUp(
        commitment_id=commitment_id,
        status=r.status,
        quote=r.quote,
        span=Span(start=r.start, end=r.end),
        speaker=r.speaker,
        source=r.source,
        document_date=r.document_date,
        extractor="communique.followup.v1",
    )
