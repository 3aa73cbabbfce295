"""Describe a document: title, date, place, publisher, participants and parties."""

from __future__ import annotations

import re

from communique.describe.dates import HEAD_CHARS, find_dateline, find_dates
from communique.describe.participants import find_countries, find_participants
from communique.describe.places import find_place, resolve_place
from communique.models import Description, RawDocument, Turn
from communique.segment import PersonRegistry
from communique.segment.layouts import LabelKind, find_labels
from communique.segment.lexicon import fold
from communique.segment.people import split_label
from communique.segment.turns import segment_labels

# A title is a short line; longer lines are the lead paragraph.
_TITLE_CHARS = 200
_NAV = {"events", "news", "transcripts", "press releases", "statements", "home", "menu"}
_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?:(?:government|office|ministry|embassy|permanent mission|mission|department"
    r"|press service|administration|cabinet|executive office)\s+of\b.*"
    r"|white house|kremlin|state department|foreign office|elysee|élysée)$",
    re.I,
)
# A line whose words, once its date and time are gone, are this few is a dateline
# ("11/28/2022 | Press release", "November 27, 2024 21:00 Astana"); titles have more.
_DATELINE_WORDS = 3


def describe_document(raw: RawDocument, *, registry: PersonRegistry) -> Description:
    """Title, date, place, publisher, participants and parties of one document."""
    return describe_and_segment(raw, registry=registry)[0]


def describe_and_segment(
    raw: RawDocument, *, registry: PersonRegistry
) -> tuple[Description, list[Turn]]:
    """`describe_document` and `segment_turns(raw.text, description=...)` of its result,
    from one search for speaker labels and at most two segmentations (the describer needs
    the turns to find the participants; segmenting reads only the participants back)."""
    text = raw.text
    labels = find_labels(text)
    turns = segment_labels(text, labels, registry=registry, description=Description())
    head_end = _head_end(text, turns)
    header = text[:head_end]
    dateline = find_dateline(text, head_end=head_end)
    day = raw.date if raw.format == "jsonl" else None
    day = day or (dateline.value if dateline else raw.date)
    heading, institution = _heading(header)
    title = raw.title or heading
    publisher = raw.publisher or institution
    host = _host(publisher, registry)
    place = find_place(text, dateline=dateline, places=registry.places, host=host)
    host_code = _city_country(place, registry) or host
    participants = find_participants(
        "\n".join(filter(None, [title, header])), turns, registry=registry, title=title
    )
    if any(label.kind is LabelKind.ANSWER for label in labels):
        turns = segment_labels(  # answers need the interviewee when nobody spoke before them
            text, labels, registry=registry, description=Description(participants=participants)
        )
    countries = find_countries(participants, turns, title, registry=registry, host=host_code)
    description = Description(
        title=title,
        date=day,
        place=place,
        publisher=publisher,
        participants=participants,
        countries=countries,
    )
    # Segmenting reads nothing of the description but its participants (an answer's speaker),
    # so these turns are the ones segment_turns gives for the finished description.
    return description, turns


def _head_end(text: str, turns: list[Turn]) -> int:
    """Where the header ends: at the first speaker label, or HEAD_CHARS into a speech."""
    if not turns:
        return min(len(text), HEAD_CHARS)
    first = turns[0]
    at = text.rfind(first.label, 0, first.span.start) if first.label else -1
    return at if at >= 0 else first.span.start


def _heading(header: str) -> tuple[str | None, str | None]:
    """(title, institution): the first heading-like line, and an institutional banner."""
    institution = None
    for raw_line in header.split("\n")[:20] if header else []:
        line = raw_line.strip()
        if not line or len(line) > _TITLE_CHARS or line.endswith((".", ":", ",", ";")):
            continue
        if fold(line) in _NAV or _is_dateline(line) or re.fullmatch(r"[\d:.\s]+", line):
            continue
        if _is_institution(line):
            institution = institution or line
            continue
        if len(line.split()) < 2:
            continue
        return line, institution
    return None, institution


def _is_dateline(line: str) -> bool:
    dates = find_dates(line)
    if not dates:
        return False
    rest = line[: dates[0].start] + " " + line[dates[0].end :]
    return len(re.findall(r"[^\W\d]{2,}", rest)) <= _DATELINE_WORDS


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
    city = resolve_place(place, places)
    return places.cities.get(city) if city else places.cities.get(place)
