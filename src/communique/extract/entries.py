"""Agreements and commitments of one document: what both recognisers share.

Both read every prose sentence of the body (not only those with a figure, as claims do), with
the speaker of the turn that holds it, the document's date and its parties. Neither parses:
they recognise constructions by their words (a document noun and its modifiers; a subject and
a verb of intent), which keeps them to a few percent of the pipeline's time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from communique.extract.actors import PartyMention, codes, find_parties
from communique.extract.countries import PARTY_WINDOW, find_countries, guess_parties
from communique.extract.periods import find_document_date
from communique.extract.sentences import prose_sentences
from communique.models import Agreement, Claim, Commitment, Description, Turn, Voice
from communique.segment.voices import Speakers


@dataclass(slots=True)
class Statement:
    """One document as the entry recognisers read it."""

    text: str
    today: date | None  # the document's date: relative times resolve against it
    parties: tuple[str, ...]  # the document's parties, sorted
    turns: Sequence[Turn]
    sentences: list[tuple[int, int]]
    claims: Sequence[Claim] = ()
    speakers: Speakers = field(default_factory=Speakers)  # turns, then voices outside them
    participants: tuple[str, ...] = ()  # canonical names of the people who meet or speak
    lower: str = ""  # the text in lower case, for the keyword scans
    _turn_starts: list[int] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.turns = sorted(self.turns, key=lambda t: t.span.start)
        self._turn_starts = [t.span.start for t in self.turns]
        self._sentence_starts = [s for s, _ in self.sentences]
        self.lower = self.text.lower()

    def turn_at(self, pos: int) -> Turn | None:
        """The turn that holds `pos`, or None for narration."""
        i = bisect_right(self._turn_starts, pos) - 1
        if i >= 0 and self.turns[i].span.start <= pos < self.turns[i].span.end:
            return self.turns[i]
        return None

    def speaker_at(self, pos: int) -> str:
        """Who says what stands at `pos`: a turn's speaker, else an attributed voice's."""
        return self.speakers.at(pos)

    def parties_in(self, start: int, end: int) -> list[PartyMention]:
        """Countries and organisations named in text[start:end] (read only there: a scan of
        the whole text cost more than both recognisers)."""
        return find_parties(self.text, start, end) if end > start else []

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The prose sentence that holds `pos`, or None."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def sentences_with(self, keywords: Sequence[str]) -> dict[int, list[int]]:
        """{index of a sentence: positions of `keywords` (lower case) in it}, for the
        sentences that hold one, found with `str.find`: a pass per keyword at memory speed,
        where one regex alternation over the whole text cost four times the recognisers' own
        work (benchmarks/README.md)."""
        hits: dict[int, list[int]] = {}
        lower = self.lower
        for word in keywords:
            pos = lower.find(word)
            while pos >= 0:
                if pos == 0 or not lower[pos - 1].isalnum():  # a word starts here
                    i = bisect_right(self._sentence_starts, pos) - 1
                    if i >= 0 and pos < self.sentences[i][1]:
                        hits.setdefault(i, []).append(pos)
                pos = lower.find(word, pos + 1)
        return {i: sorted(hits[i]) for i in sorted(hits)}


def read_statement(
    text: str,
    turns: Sequence[Turn],
    description: Description,
    claims: Sequence[Claim] = (),
    voices: Sequence[Voice] = (),
) -> Statement:
    """The document's body cut into sentences, with its date and parties."""
    start = description.body_start  # after the header's title, dateline and place lines
    signatories = _signatories(text, start)
    parties = list(dict.fromkeys(description.countries))
    if len(parties) < 2:
        guessed = guess_parties(find_countries(text, 0, PARTY_WINDOW))
        parties += [c for c in guessed if c not in parties]
    return Statement(
        text=text,
        today=description.date or find_document_date(text),
        parties=signatories or codes([PartyMention(0, 0, p) for p in parties]),
        turns=turns,
        sentences=list(prose_sentences(text, start)),
        claims=claims,
        speakers=Speakers.of(turns, voices),
        participants=description.participants,
    )


_SIGNATORIES = re.compile(
    r"\bWe,\s+the\s+(?i:leaders|heads\s+of\s+state(?:\s+and(?:\s+of)?\s+government)?|"
    r"(?:foreign\s+|finance\s+|trade\s+)?ministers|governments|representatives)\s+of\s+"
    r"(?P<list>[^.;:]{3,400}?)\s*,?\s+(?=(?!the\b|and\b|of\b)[a-z])"
)


def _signatories(text: str, start: int) -> tuple[str, ...]:
    """The parties a joint statement names as its "we" ("We, the leaders of the European
    Commission, France, ... and the United States condemn ..."), or () when it names none."""
    m = _SIGNATORIES.search(text, start, start + 2000)
    if m is None:
        return ()
    found = codes(find_parties(text, m.start("list"), m.end("list")))
    return found if len(found) >= 2 else ()


def extract_entries(
    text: str,
    turns: Sequence[Turn],
    *,
    description: Description,
    claims: Sequence[Claim] = (),
    voices: Sequence[Voice] = (),
) -> tuple[list[Agreement], list[Commitment]]:
    """The agreements and commitments of one document, each with its speaker from `turns` or,
    outside them, from the `voices` segmentation attributed; `claims` (already extracted) mark
    the figures that are targets."""
    from communique.extract.agreements import find_agreements
    from communique.extract.commitments import find_commitments

    statement = read_statement(text, turns, description, claims, voices)
    return find_agreements(statement), find_commitments(statement)
