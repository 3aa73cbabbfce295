"""What a statement says of a document it names: its status, the day it was signed or
adopted, and its parties (see extract/agreements.py, which finds the names).

The status comes from the verb that governs the mention (a participle after it, "signed
today", or the verb before it in its clause: "we will sign", "negotiations on", "in line
with"); the date from the clause, or the document's date for what "we have signed" or
"signed today"; the parties from the countries and organisations the name (or else the
clause's subject) names, else the document's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from communique.extract.actors import codes, is_organisation
from communique.extract.entries import Statement
from communique.extract.periods import MONTHS, find_times
from communique.models import AgreementStatus


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # of the name
    end: int
    head: str
    titled: bool
    phrase: bool = False  # prepositional phrases follow the head
    participle: str = ""  # "signed" in "the declaration signed following ..."


STATUS_VERB = re.compile(
    r"\b(?:sign(?:ed|ing)?|adopt(?:ed|ing)?|approv(?:ed|ing)|conclud(?:ed|ing)|implement\w*|"
    r"ratif\w+|negotiat\w+|draft\w*|prepar\w+|welcom\w+|updat\w+)\b",
    re.I,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|to|going to|plan(?:s|ning)? to|intends? to|ready to|prepared to|"
    r"would like to|hope to|expect to|aim to)\s+(?:(?!the\b|a\b|an\b|this\b|its\b)\w+\s+)?"
    r"(?:sign|conclude|adopt|approve|"
    r"finali[sz]e|launch|develop|draft|prepare|work out|agree on)\b"
    r"|\b(?:to be|will be|would be|is to be|are to be)\s+(?:signed|adopted|concluded|approved)\b"
    r"|\b(?:upcoming|future|new)\s*$",
    re.I,
)
_NEGOTIATING = re.compile(
    r"\b(?:negotiat\w+|discuss\w*|talks on|consultations on|working on|work on|draft(?:s|ing)?|"
    r"will reach|to reach|reaching|framework for)\b",
    re.I,
)
_SIGNED = re.compile(r"\b(?:sign(?:ed|ing|ature)|inked|concluded|exchanged)\b", re.I)
_ADOPTED = re.compile(
    r"\b(?:adopt(?:ed|ion)|approv(?:ed|al)|endorsed?|agreed (?:on|upon)|reached|ratif\w+|"
    r"prepared|updated|finali[sz]ed|"
    r"welcom\w+)\b",
    re.I,
)
_IN_FORCE = re.compile(
    r"\b(?:implement\w*|in force|in effect|under the|in line with|in accordance with|"
    r"pursuant to|within the framework of|guided by|compl(?:y|iance) with|based on|"
    r"fulfil\w*|adher\w+|(?:we|they) have an?|extend\w*|extension of|prolong\w*|"
    r"launch(?:ed)?\s+of|launched)\b",
    re.I,
)
_AFTER_SIGNED = re.compile(
    r"^\W{0,3}(?:(?:which|that)\s+)?(?:(?:we|they|you|the \w+)\s+)?"
    r"(?:(?:has|have|had|was|were)\s+)?"
    r"(?:been\s+)?(?:just\s+)?(?P<verb>signed|adopted|concluded|approved|agreed|reached)\b",
    re.I,
)
_AFTER_FORCE = re.compile(
    r"^\W{0,3}(?:(?:is|are)\s+(?:being implemented|in force|in effect)"
    # what the document did: "the trilateral Statement put an end to the war"
    r"|(?:has\s+|have\s+)?(?:put an end|ended|brought|established|created|paved|laid)\b)",
    re.I,
)
# Carrying it out ("the implementation of X, reached on ..."): in force whatever came before.
_IMPLEMENTATION = re.compile(r"\b(?:implementation of|implementing)\s+(?:the\s+|this\s+)?$", re.I)
# Teams told to negotiate it: the negotiation is planned, not under way.
_TASKED = re.compile(
    r"\b(?:tasked|instructed|directed|charged|mandated|agreed to (?:launch|start|begin))\b",
    re.I,
)
_AFTER_PLANNED = re.compile(r"^\W{0,3}(?:is|are|will|would)\s+(?:to\s+)?be\s+signed\b", re.I)
_CLAUSE_START = re.compile(
    r"[;:]|\s[–—]\s|\.\s|,\s+(?:and|but|while|whereas)\s+|\bwhich\b|\bthat\b"
)


def status_of(st: Statement, m: Mention, sent: tuple[int, int]) -> AgreementStatus:
    text = st.text
    if m.participle and m.participle != "to":
        return (
            AgreementStatus.SIGNED
            if m.participle in ("signed", "concluded")
            else AgreementStatus.ADOPTED
        )
    after = text[m.end : min(sent[1], m.end + 60)]
    if _IMPLEMENTATION.search(text, max(sent[0], m.start - 30), m.start):
        return AgreementStatus.IN_FORCE
    mm = _AFTER_SIGNED.match(after)
    if _AFTER_PLANNED.match(after):
        return AgreementStatus.PLANNED
    if mm:
        verb = mm.group("verb").lower()
        return (
            AgreementStatus.SIGNED if verb in ("signed", "concluded") else AgreementStatus.ADOPTED
        )
    if _AFTER_FORCE.match(after):
        return AgreementStatus.IN_FORCE
    # The verb before the mention, in its own clause.
    lo = sent[0]
    for c in _CLAUSE_START.finditer(text, sent[0], m.start):
        if (
            not text[c.start() : c.end()].strip().startswith(("that", "which"))
            or c.end() < m.start - 80
        ):
            lo = c.end()
    before = text[max(lo, m.start - 200) : m.start]
    if re.search(r"\bsigning of\s+(?:\w+\s+){0,3}$", before, re.I) and _NEGOTIATING.search(
        text, m.end, sent[1]
    ):
        return AgreementStatus.NEGOTIATING  # "the signing of X would be ..., with discussions"
    found: list[tuple[int, AgreementStatus]] = []
    for pattern, status in (
        (_PLANNED, AgreementStatus.PLANNED),
        (_NEGOTIATING, AgreementStatus.NEGOTIATING),
        (_SIGNED, AgreementStatus.SIGNED),
        (_ADOPTED, AgreementStatus.ADOPTED),
        (_IN_FORCE, AgreementStatus.IN_FORCE),
    ):
        for hit in pattern.finditer(before):
            if hit.group().lower().startswith("discuss") and len(before[hit.end() :].split()) > 4:
                continue  # "discussed the importance of assuring that the benefits of X"
            found.append((hit.end(), status))
    if not found:
        return AgreementStatus.MENTIONED
    planned = [f for f in found if f[1] is AgreementStatus.PLANNED]
    if planned and planned[-1][0] >= max(f[0] for f in found) - 1:
        return AgreementStatus.PLANNED
    last = max(found, key=lambda f: f[0])
    if last[1] is AgreementStatus.NEGOTIATING and _TASKED.search(text, sent[0], m.start):
        return AgreementStatus.PLANNED  # "tasked their teams with the negotiation of X"
    return last[1]


_FULL_DATE = re.compile(
    r"\b(?:(?P<d1>\d{1,2})\s+(?P<m1>[A-Z][a-z]+)|(?P<m2>[A-Z][a-z]+)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r",?\s+(?P<y>(?:19|20)\d\d)\b"
)
_DAY = re.compile(r"\d")
_ROUGH_TIME = re.compile(
    r"\b(?:(?:19|20)\d\d|last year|last month|years? ago|in the past|back in|earlier|previously)\b",
    re.I,
)
_NAME_YEARS = re.compile(
    r"\b(?:for|until|till|to)\s+(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?|\b(?:19|20)\d\d\s*[-–]\s*\d{2,4}"
)
_NOW = re.compile(r"\b(?:today|this morning|just)\b", re.I)
_PERFECT = re.compile(
    r"\b(?:have|has|'ve)\s+(?:\w+\s+)?(?:signed|adopted|concluded|approved|agreed)\b", re.I
)


def date_of(
    st: Statement, m: Mention, status: AgreementStatus, sent: tuple[int, int]
) -> date | None:
    text = st.text
    after = _AFTER_SIGNED.match(text[m.end : min(sent[1], m.end + 60)])
    if status not in (AgreementStatus.SIGNED, AgreementStatus.ADOPTED) and not (
        status is AgreementStatus.IN_FORCE and after is not None
    ):
        return None  # in force: dated only when the text says when it was reached or signed
    if after is not None and st.today is not None:
        # "..., reached during the December 7 videoconference": that day, in the past
        at = m.end + after.end()
        for t in find_times(text, st.today, start=at, end=min(sent[1], at + 40)):
            if t.kind == "point" and t.last is not None and _DAY.search(text, t.start, t.end):
                return t.last
    clause = text[sent[0] : sent[1]]
    full = _FULL_DATE.search(clause)
    if full:
        month = (full.group("m1") or full.group("m2")).lower()
        if month in MONTHS:
            try:
                return date(
                    int(full.group("y")), MONTHS[month], int(full.group("d1") or full.group("d2"))
                )
            except ValueError:
                return None
    name = text[m.start : m.end]
    rest = _NAME_YEARS.sub(" ", clause.replace(name, " "))
    if _ROUGH_TIME.search(rest):
        return None
    if st.today is None:
        return None
    if re.search(r"\byesterday\b", rest, re.I):
        return st.today - timedelta(days=1)
    if _NOW.search(rest) or _PERFECT.search(rest):
        return st.today
    if re.search(r"\b(?:we|you)\s+(?:\w+\s+)?(?:signed|adopted|welcome)\b", rest, re.I):
        # "We signed ..." after talks is today's, unless what comes just before set the
        # time back ("last year was quite productive ... We adopted the Doctrine").
        earlier = text[max(0, sent[0] - CONTEXT_BEFORE) : sent[0]]
        return None if _ROUGH_TIME.search(earlier) else st.today
    return None


CONTEXT_BEFORE = 600
"""Characters before a sentence read for a time that the sentence's simple past refers to
(the four or five sentences before: "last year was quite productive ... We adopted" in our dev
gold is 400 characters back; the seeds' "we signed" of the day have no time that far back)."""


def parties_of(
    st: Statement, m: Mention, sent: tuple[int, int], status: AgreementStatus
) -> tuple[str, ...]:
    named = st.parties_in(m.start, m.end)
    if named:
        found = codes(named)
        if re.search(r"\bwith\s+(?:the\s+)?$", st.text[m.start : named[0].start]):
            # "its Free Trade Agreements signed with Israel, India and Indonesia": and its owner
            found = tuple(sorted(set(found) | set(_owner(st, m, sent))))
        if len(found) >= 2 or any(is_organisation(c) for c in found):
            return found
    # The subject of the clause that carries it out: "Kazakhstan is starting to implement".
    lo = sent[0]
    for c in _CLAUSE_START.finditer(st.text, sent[0], m.start):
        lo = c.end()
    subject = st.parties_in(lo, m.start)
    if subject and re.search(r"\b(?:is|are|has|have|will)\b", st.text[lo : m.start]):
        return codes(subject)
    two_sided = re.search(
        r"\b(?:bilateral|trilateral|multilateral|intergovernmental|joint|between|with)\b",
        st.text[m.start : m.end],
        re.I,
    ) or status in (AgreementStatus.SIGNED, AgreementStatus.NEGOTIATING, AgreementStatus.PLANNED)
    if named and two_sided:  # one side named: the other is the document's
        return tuple(sorted(set(codes(named)) | set(st.parties)))
    if named:
        return codes(named)
    if status is AgreementStatus.MENTIONED:
        context = st.text[max(sent[0], m.start - 60) : m.end]
        if not re.search(
            r"\b(?:our|we|bilateral|trilateral|intergovernmental|joint|both)\b", context, re.I
        ):
            return ()
    return st.parties


def _owner(st: Statement, m: Mention, sent: tuple[int, int]) -> tuple[str, ...]:
    """Whose documents "its" or "their" names are: the country last named in the possessive
    before them in the sentence ("the UAE's initiatives, including its recent agreements")."""
    if not re.search(
        r"\b(?:its|their)\s+(?:\w+\s+){0,2}$", st.text[max(sent[0], m.start - 40) : m.start]
    ):
        return ()
    owners = [
        p
        for p in st.parties_in(sent[0], m.start)
        if st.text[p.start : p.end].endswith(("'s", "’s"))
    ]
    return (owners[-1].code,) if owners else ()
