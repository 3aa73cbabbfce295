"""Where a statement was made: the dateline's place, a venue, or the country visited.

"The Kremlin, Moscow" → Moscow; "November 27, 2024 21:00 Astana" → Astana; "Novo-Ogaryovo,
Moscow Region" → Moscow (the venue gazetteer); "Rehoboth Beach, Delaware" → Rehoboth Beach (a
place line's city comes first); "Here in Canberra, I'm on ..." → Canberra (where a speaker says
they speak from); "welcome you to the Government House in Russia" → Moscow (a generic venue
takes the capital of the country named beside it). Cities are GeoNames' (data/cities.tsv).
"""

from __future__ import annotations

import re

from communique.describe.dates import FoundDate
from communique.segment.lexicon import Places, fold

_TIME = re.compile(
    r"^\s*(?:T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?(?:\s*[ap]\.?m\.?)?|[|,–—\-•]+)\s*",
    re.I,
)
# How many lines after the dateline may still hold the place (kremlin.ru: date, time, place).
_AFTER_DATELINE = 3
# A place line is short ("The Kremlin, Moscow", "Novo-Ogaryovo, Moscow Region").
_PLACE_CHARS = 80
# How far into the text venues and visits are looked for when there is no dateline place:
# the introduction and the opening words of the first speaker.
_VENUE_CHARS = 2500
_VISIT = re.compile(r"\b(?:visit|trip|welcome you|welcome to|arrived in|arrival in)\s+(?:to\s+)?")
# How many header lines are looked at for a place line: a saved White House page has a venue,
# the place and the time before the first speaker; the title and a summary may come first.
_PLACE_LINES = 8
# "City, Region": one to three capitalised words, a comma, then one to three capitalised words
# or initials ("D.C.").
_CITY_LINE = re.compile(
    r"(?P<city>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,2}),"
    r" (?:[A-Z][\w’'.\-]*\.?)(?: [A-Z][\w’'.\-]+){0,2}"
)
# "En Route Boston, MA", "Aboard Air Force One": said on the way, in no city.
_IN_TRANSIT = re.compile(r"(?:en route|aboard|on board|via)\b", re.I)
_NOT_PLACES = {"press release", "press statement", "news", "transcript", "readout", "update"}


def find_place(
    text: str,
    *,
    dateline: FoundDate | None,
    places: Places,
    host: str | None = None,
    head_end: int | None = None,
) -> str | None:
    """The city a statement was made in, or None."""
    if dateline is not None:
        found = _dateline_place(text, dateline, places)
        if found:
            return found
    found = _place_line(text[: _VENUE_CHARS if head_end is None else head_end], places)
    if found:
        return found
    head = text[:_VENUE_CHARS]
    here = _speaking_from(head, places)
    if here:
        return here
    venue = _venue_place(head, places, host=host)
    if venue:
        return venue
    for m in _VISIT.finditer(head):
        code, _ = places.country_prefix(head[m.end() :].split()[:6])
        if code:
            return places.capital(code)
    return None


# Where a speaker says they are: "Here in Canberra, I'm on the ancient land of ..." (a national
# statement to the UN delivered remotely), "I address you from Kyiv", "speaking to you today
# from Nairobi". Only a city counts: "here in Australia" names no city.
_NAME_AFTER = r"(?P<city>[A-Z][\w’'.\-]+(?: [A-Z][\w’'.\-]+){0,2})"
_SPEAKING_FROM = re.compile(
    rf"\b(?:[Hh]ere in|(?:speak|address|join|greet)(?:ing)? (?:to )?(?:you|this Assembly|the"
    rf" Assembly|all of you)(?: today| now)? from) {_NAME_AFTER}"
)


def _speaking_from(head: str, places: Places) -> str | None:
    for m in _SPEAKING_FROM.finditer(head):
        words = m["city"].rstrip(".").split()
        for size in range(len(words), 0, -1):  # "Canberra, I'm": the city, not what follows
            city = places.city(" ".join(words[:size]))
            if city:
                return city
    return None


def _place_line(header: str, places: Places) -> str | None:
    """A header line that is a place and nothing else: "Washington, D.C.", "Los Angeles,
    California", "Rehoboth Beach, Delaware" (a city, then its state, region or country)."""
    for raw in header.split("\n")[:_PLACE_LINES]:
        line = raw.strip(" *")
        m = _CITY_LINE.fullmatch(line)
        if not m or len(line) > _PLACE_CHARS or _IN_TRANSIT.match(line):
            continue
        # "Rehoboth Beach, Delaware", "Williams, Arizona": the city comes first, whatever the
        # gazetteer holds for the state after it; only a venue ("The Kremlin, Moscow", "East
        # Room, The White House") leaves the city to the other parts.
        if places.city(m["city"]) or not any(places.venue(p) for p in line.split(",")):
            return places.city(m["city"]) or m["city"]
        return resolve_place(line, places) or m["city"]
    return None


def resolve_place(phrase: str, places: Places, *, host: str | None = None) -> str | None:
    """A city for a place phrase: a known city wins over a venue; None if neither is known."""
    venue_city = None
    for part in [p.strip(" .") for p in re.split(r"[,|;–—]", phrase)]:
        if not part:
            continue
        city = _city(part, places)
        if city:
            return city
        venue = _venue(part, places)
        if venue and venue_city is None:
            venue_city = _venue_city(venue, places, part, host)
    return venue_city


def _dateline_place(text: str, dateline: FoundDate, places: Places) -> str | None:
    line_start = text.rfind("\n", 0, dateline.start) + 1
    line_end = text.find("\n", dateline.end)
    line_end = len(text) if line_end < 0 else line_end
    after = text[dateline.end : line_end]
    while (m := _TIME.match(after)) and m.end() > 0:
        after = after[m.end() :]
    before = text[line_start : dateline.start].strip(" ,–—-|")
    # "... affected by Hurricane Ida beginning on August 26, 2021, and ...": no dateline.
    if any(p.strip(" .,()[]") and not _place_words(p) for p in (after, before)):
        return None
    for phrase in (after, before):
        found = resolve_place(phrase, places) if _place_words(phrase) else None
        if found:
            return found
    if _plausible_name(after.strip(" .,")):
        return after.strip(" .,")
    rest = text[line_end:].split("\n")
    lines = [line.strip() for line in rest if line.strip()][:_AFTER_DATELINE]
    previous = [line.strip() for line in text[:line_start].split("\n") if line.strip()][-1:]
    for line in lines + previous:  # "Washington, DC" may stand just above the date
        if len(line) > _PLACE_CHARS:
            break
        found = resolve_place(line, places) if _place_words(line) else None
        if found:
            return found
    # "Sevastopol" on the line after the date: a place the gazetteer does not know.
    if lines and _plausible_name(lines[0].strip(" .,")):
        return lines[0].strip(" .,")
    return None


# Lower-case words a place phrase may hold ("Palace of Independence", "Rio de Janeiro").
_PLACE_PARTICLES = {"of", "the", "de", "da", "do", "del", "la", "le", "am", "an", "upon", "on"}


def _place_words(phrase: str) -> bool:
    """Whether a phrase near a date is only a place ("21:00 Astana", "The Kremlin, Moscow",
    "Washington, D.C."), not narration that names one ("... beginning on April 5, 2022, in
    the counties of Lincoln and Otero"): every word capitalised or a particle, no digits."""
    words = re.findall(r"[^\s,|;–—]+", phrase)
    return bool(words) and all(
        (w[0].isupper() or w.lower() in _PLACE_PARTICLES) and not any(c.isdigit() for c in w)
        for w in words
    )


def _plausible_name(phrase: str) -> bool:
    """An unknown place right after a date and time: one to three capitalised words."""
    words = phrase.split()
    return (
        0 < len(words) <= 3
        and all(w[0].isupper() for w in words)
        and fold(phrase) not in _NOT_PLACES
        and not any(ch.isdigit() for ch in phrase)
    )


def _city(part: str, places: Places) -> str | None:
    return places.city(part.removeprefix("the ").removeprefix("The "))


def _venue(part: str, places: Places) -> str | None:
    return places.venue(part)


def _venue_city(venue: str, places: Places, context: str, host: str | None) -> str | None:
    city = places.venues[venue]
    if city != "capital":
        return city
    after = context.split(venue, 1)[-1]
    m = re.match(r"\s*(?:in|of)\s+(?:the\s+)?(.+)", after)
    if m:
        code, _ = places.country_prefix(m.group(1).split()[:6])
        if code:
            return places.capital(code)
    return places.capital(host) if host else None


def _venue_place(head: str, places: Places, *, host: str | None) -> str | None:
    best: tuple[int, str] | None = None
    for venue in places.venues:
        if venue not in head:  # the regex matches the venue as written: skip it cheaply
            continue
        m = re.search(rf"\b{re.escape(venue)}\b", head)
        if m and (best is None or m.start() < best[0]):
            city = _venue_city(venue, places, head[m.start() : m.start() + 120], host)
            if city:
                best = (m.start(), city)
    return best[1] if best else None
