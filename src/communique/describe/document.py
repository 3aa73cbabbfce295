"""Describe a document: title, date, place, publisher, participants and parties."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from communique.describe.dates import HEAD_CHARS, find_dateline, is_dateline
from communique.describe.participants import find_countries, find_participants
from communique.describe.places import find_place, resolve_place
from communique.models import DatePrecision, Description, RawDocument, Turn, Voice, VoiceKind
from communique.segment import PersonRegistry
from communique.segment.layouts import find_labels
from communique.segment.lexicon import fold
from communique.segment.offices import default_offices
from communique.segment.people import split_label

# A title is a short line; longer lines are the lead paragraph.
_TITLE_CHARS = 200
_NAV = {"events", "news", "transcripts", "press releases", "statements", "home", "menu"}
_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:(?:government|office|ministry|embassy|permanent mission|mission|department"
    r"|press service|administration|cabinet|executive office)\s+of\b.*"
    r"|white house|kremlin|state department|foreign office|elysee|élysée)$",
    re.I,
)


def describe_document(raw: RawDocument, *, registry: PersonRegistry) -> Description:
    """Title, date, place, publisher and the people its header names, from the header alone
    (what comes before the first speaker label). The pipeline then segments the text and hands
    the speakers back to `complete_description` for the participants and parties."""
    text = raw.text
    head_end = header_end(text)
    header = text[:head_end]
    dateline = find_dateline(text, head_end=head_end)
    # Front matter and JSONL fields are the publisher's own metadata: they win over a date in
    # the text. HTML metadata is trafilatura's reading of the page: a dateline wins over it.
    trusted = raw.format in ("jsonl", "markdown") and raw.date is not None
    if trusted or dateline is None:
        day, precision = raw.date, raw.date_precision if raw.date else None
    else:
        day, precision = dateline.value, DatePrecision.DAY
    heading, institution = _heading(header)
    title = raw.title or heading
    publisher = raw.publisher or institution
    host = _host(publisher, registry)
    place = find_place(
        text, dateline=dateline, places=registry.places, host=host, head_end=head_end
    )
    participants = find_participants(
        "\n".join(filter(None, [title, header])), (), registry=registry, title=title
    )
    description = Description(
        title=title,
        date=day,
        date_precision=precision,
        place=place,
        publisher=publisher,
        url=raw.url or _url_line(header),
        participants=participants,
        body_start=body_start(header, title=title, place=place),
    )
    return complete_description(description, (), registry=registry)


def complete_description(
    description: Description,
    turns: Sequence[Turn],
    *,
    registry: PersonRegistry,
    voices: Sequence[Voice] = (),
) -> Description:
    """The description with the speakers of `turns` among its participants (first, in order of
    speaking), then the author a statement's title names ("Statement by Vice President
    Harris", whose `voices` segmentation found), and the parties they and the title name."""
    header_people = description.participants
    participants = find_participants("", turns, registry=registry, title=description.title)
    authors = [v.speaker for v in voices if v.kind is VoiceKind.AUTHOR]
    participants = tuple(dict.fromkeys((*participants, *authors, *header_people)))
    host = _host(description.publisher, registry)
    # A statement saved from an office's site speaks for that country when nothing else says
    # (a fact sheet with no speakers, place or publisher line).
    site = default_offices().country_of(description.url)
    host_code = _city_country(description.place, registry) or host or site
    countries = find_countries(
        participants, turns, description.title, registry=registry, host=host_code
    )
    return replace(description, participants=participants, countries=countries)


def header_end(text: str) -> int:
    """Where the header ends: at the first speaker label (a one-word label only when it is a
    question's), or HEAD_CHARS into a text without labels."""
    for label in find_labels(text):
        if not label.single_word:
            return label.start
    return min(len(text), HEAD_CHARS)


_LINE = re.compile(r"[^\n]*(?:\n|$)")
_BODY_LINES = 12
"""Header lines read for metadata before the body: a kremlin.ru or White House header (title,
banner, date, time, place, URL) takes at most eight."""


def body_start(header: str, *, title: str | None, place: str | None) -> int:
    """Where the statement's body begins: after the leading lines that describe reads as
    metadata, not text (the title, an institution's banner, navigation, a dateline or clock
    time, the place, the page's own URL); at the first line that is none of them (a lead
    sentence, a speaker's turn). Front matter is gone already (`read` drops it)."""
    pos = 0
    for n, m in enumerate(_LINE.finditer(header)):
        line = m.group().strip()
        if n >= _BODY_LINES or not m.group():
            break
        if line and not _metadata_line(line, title=title, place=place):
            break
        pos = m.end()
    return pos


def _metadata_line(line: str, *, title: str | None, place: str | None) -> bool:
    if title and " ".join(line.lstrip("#").split()) == " ".join(title.split()):
        return True
    if fold(line) in _NAV or is_dateline(line) or re.fullmatch(r"[\d:.\s]+", line):
        return True
    if re.fullmatch(r"https?://\S+", line) or _is_institution(line):
        return True
    return bool(place and place in line and len(line.split()) <= 6 and line[-1:] not in ".:")


def _url_line(header: str) -> str | None:
    """A line that is only a web address: the statement's own URL in a saved page's header."""
    m = re.search(r"^(https?://\S+)$", header, re.M)
    return m.group(1) if m else None


def _heading(header: str) -> tuple[str | None, str | None]:
    """(title, institution): the first heading-like line, and an institutional banner."""
    institution = None
    for raw_line in header.split("\n")[:20] if header else []:
        line = raw_line.strip()
        if not line or len(line) > _TITLE_CHARS or line.endswith((".", ":", ",", ";")):
            continue
        if fold(line) in _NAV or is_dateline(line) or re.fullmatch(r"[\d:.\s]+", line):
            continue
        if _is_institution(line):
            institution = institution or line
            continue
        if len(line.split()) < 2:
            continue
        return line, institution
    return None, institution


def _is_institution(line: str) -> bool:
    """ "Prime Minister of the Russian Federation", "Ministry of Foreign Affairs": no person."""
    if _INSTITUTION.match(line):
        return True
    parts = split_label(line)
    return not parts.name and parts.role is not None


def _host(publisher: str | None, registry: PersonRegistry) -> str | None:
    if not publisher:
        return None
    return split_label(publisher, places=registry.places).country


def _city_country(place: str | None, registry: PersonRegistry) -> str | None:
    if not place:
        return None
    places = registry.places
    return places.city_country(resolve_place(place, places) or place)
