"""Speaker turns in reading order, each with a canonical speaker.

A turn runs from the end of its label to the start of the next label; text before the first
label (title, dateline, introduction) belongs to no turn. Stage directions such as
"(Addressing media representatives.)" at either end of a turn are trimmed from its span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from communique.models import QUESTION, Description, Span, Turn
from communique.segment.addressed import ADDRESSED_ROLES, addressed_name, press_officer
from communique.segment.layouts import Label, LabelKind, find_labels
from communique.segment.lexicon import LABEL_WORDS, default_places, fold
from communique.segment.offices import default_offices
from communique.segment.people import (
    HONORIFICS,
    TITLE_WORDS,
    LabelParts,
    PersonRegistry,
    clean_label,
    split_label,
)

# Words before a surname that are no first name ("Your Child", "Dear Smith").
_NOT_FIRST_NAMES = frozenset(LABEL_WORDS["stop_first"])
_LEAD_DIRECTION = re.compile(r"\A\s*(?:\([^()\n]{1,120}\)[.:]?\s*)+")
_TAIL_DIRECTION = re.compile(r"(?:\s*\n\s*\([^()\n]{1,120}\)\.?)+\s*\Z")


@dataclass(slots=True)
class _Speaker:
    name: str
    role: str | None = None
    country: str | None = None


@dataclass(slots=True)
class _Context:
    """The people a document has named so far: later short labels resolve to them."""

    registry: PersonRegistry
    description: Description
    seen: list[_Speaker] = field(default_factory=list)
    answerer: _Speaker | None = None
    named: dict[str, _Speaker | None] = field(default_factory=dict)  # _named_before, cached

    def speaker(self, label: Label, *, text: str = "") -> _Speaker:
        if label.kind is LabelKind.QUESTION:
            return _Speaker(QUESTION)
        if label.kind is LabelKind.ANSWER:
            return self.answerer or self._interviewee()
        parts = split_label(label.label, places=self.registry.places)
        on = self.description.date
        # "MS. CHENEY", "DR. WALENSKY": a surname with no title says little; the person the
        # document itself names wins over a namesake in the registry.
        bare_surname = not parts.role and len(parts.name.split()) == 1
        own = (
            self._earlier(parts.name) or self._named_before(parts.name, text[: label.start])
            if bare_surname
            else None
        )
        person = None if own is not None else self.registry.resolve(label.label, on=on)
        if own is not None:
            found = own
        elif person is not None:
            found = _Speaker(
                person.name,
                parts.role or (person.roles[0] if person.roles else None),
                parts.country or person.country,
            )
        else:
            found = (
                self._earlier(parts.name)
                or self._by_role(parts)
                or self._titled(parts, known_only=True)
                or self._office(parts)
                or self._titled(parts, known_only=False)
                or self._named_before(parts.name, text[: label.start], label=label.label)
                or _Speaker(
                    _as_written(parts.name or clean_label(label.label)), parts.role, parts.country
                )
            )
            if parts.role and not found.role:
                found.role = parts.role
        if len(found.name.split()) >= 2 and all(s.name != found.name for s in self.seen):
            self.seen.append(found)
        self.answerer = found
        return found

    def _earlier(self, name: str) -> _Speaker | None:
        words = fold(name).split()
        if not words:
            return None
        for seen in reversed(self.seen):
            known = fold(seen.name).split()
            if known[-1] == words[-1] and set(words) <= set(known):
                return _Speaker(seen.name, seen.role, seen.country)
        return None

    def _by_role(self, parts: LabelParts) -> _Speaker | None:
        """ "THE PRESIDENT" after "PRESIDENT BIDEN": the speaker who last held that role."""
        if parts.name or not parts.role:
            return None
        role = fold(parts.role).removeprefix("the ")
        for seen in reversed(self.seen):
            if seen.role and fold(seen.role).removeprefix("the ") == role:
                return _Speaker(seen.name, seen.role, seen.country)
        return None

    def _titled(self, parts: LabelParts, *, known_only: bool) -> _Speaker | None:
        """ "THE PRESIDENT" in "Remarks by President Biden at ...": the person the title
        names with that role; with `known_only`, only someone the registry knows."""
        if parts.name or not parts.role or not self.description.title:
            return None
        name = name_after_title(self.description.title, parts.role)
        if not name:
            return None
        words = name.split()
        for size in range(len(words), 0, -1):  # "Biden Announcing ...": the name, not the verb
            person = self.registry.resolve_name(
                " ".join(words[:size]), role=parts.role, on=self.description.date
            )
            if person is not None:
                return _Speaker(person.name, parts.role, person.country)
        if known_only or len(words) < 2:
            return None
        return _Speaker(" ".join(words[:2]), parts.role, None)

    def _office(self, parts: LabelParts) -> _Speaker | None:
        """ "THE PRESIDENT" on a White House page of 2022: the holder of the office in the
        document's country on its date."""
        if parts.name or not parts.role:
            return None
        name = default_offices().holder_for(parts.role, self.description, country=parts.country)
        if name is None:
            return None
        person = self.registry.resolve_name(name)
        return _Speaker(name, parts.role, person.country if person else parts.country)

    def _named_before(self, name: str, before: str, *, label: str = "") -> _Speaker | None:
        """ "MR MILLER" after a header naming "Matthew Miller", "GOVERNOR LUJAN GRISHAM" after
        "Governor Michelle Lujan Grisham": the full name, if one fits. A name of several words
        is taken for a surname only after one title word or honorific ("GOVERNOR", "MR."):
        alone ("Pavel Sozinov:") or after a long role ("CEO of Rostec State Corporation Sergei
        Chemezov:") it is the whole name already."""
        words = name.split()
        if not words or len(words) > 3:
            return None
        if len(words) > 1 and len(clean_label(label).split()) - len(words) != 1:
            return None
        if name in self.named:
            return self.named[name]
        self.named[name] = self._search_before(name, before) or self._surname_first(
            name, before, label
        )
        return self.named[name]

    def _search_before(self, name: str, before: str) -> _Speaker | None:
        before = f"{self.description.title or ''}\n{before}"  # "Gaggle by ... Andrew Bates"
        # A name of several words may be a surname ("Lujan Grisham") or already a first name
        # and a surname ("Jake Bomba"): a word before it counts as the first name only after a
        # title or an honorific ("Governor Michelle Lujan Grisham", not "Welcome Jake Bomba").
        several = len(name.split()) > 1
        written = r"\s+".join(re.escape(word) for word in name.split())
        pattern = rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) ({written})\b"
        for m in re.finditer(pattern, before, re.I):
            first = m.group(1)
            if (
                first[0].isupper()
                and first[1:].islower()
                and not _is_title_word(first)
                and fold(first) not in _NOT_FIRST_NAMES
                and (not several or _after_title(before, m.start()))
            ):
                full = f"{first} {_as_written(' '.join(m.group(2).split()))}"
                person = self.registry.resolve_name(full, on=self.description.date)
                if person is not None and fold(person.name) == fold(full):
                    return _Speaker(person.name, None, person.country)
                return _Speaker(full)
        return None

    def addressed(self, role: _Speaker, before: str) -> _Speaker:
        """A MODERATOR the turn before hands over to by first name ("Kevin, one more
        question."): the press officer of that name, and the same person for the rest of
        the transcript; else the role as it is."""
        key = fold(role.name)
        first = addressed_name(before)
        person = (
            press_officer(first, registry=self.registry, description=self.description)
            if first
            else None
        )
        if person is not None:
            self.named[f"role:{key}"] = _Speaker(person.name, role.role, person.country)
        return self.named.get(f"role:{key}") or role

    def _surname_first(self, name: str, before: str, label: str) -> _Speaker | None:
        """ "PRESIDENT YOON" after "President Yoon Suk Yeol of the Republic of Korea": a name
        written surname first, after the label's own title, in the title or the text before."""
        role = split_label(label, places=self.registry.places).role
        if not role or len(name.split()) != 1:
            return None
        title = r"\s+".join(re.escape(w) for w in role.split())
        given = r"[A-Z][\w’'\-]+"
        pattern = rf"\b{title}\s+({re.escape(name)}(?:\s+{given}){{1,2}})\b"
        for m in re.finditer(pattern, f"{self.description.title or ''}\n{before}", re.I):
            words = m.group(1).split()
            words = words[: next((i for i, w in enumerate(words) if _is_title_word(w)), None)]
            if len(words) >= 2 and all(w[0].isupper() for w in words[1:]):
                person = self.registry.resolve_name(" ".join(words), on=self.description.date)
                return _Speaker(person.name if person else " ".join(words))
        return None

    def _interviewee(self) -> _Speaker:
        for name in self.description.participants:
            if name != QUESTION:
                person = self.registry.resolve(name)
                return _Speaker(name, None, person.country if person else None)
        return _Speaker("Answer")

    def knows(self, label: Label) -> bool:
        """Whether a one-word label names someone: a registry person or a surname seen."""
        if self.registry.resolve(label.label, on=self.description.date) is not None:
            return True
        name = clean_label(label.label)
        return (name.isupper() and len(name) >= 3) or self._earlier(name) is not None


def name_after_title(text: str, role: str) -> str | None:
    """The name written after `role` in `text`: "President Biden" in "Remarks by President
    Biden at ..." for "THE PRESIDENT", but not in "Remarks by Vice President Harris"."""
    want = fold(role).removeprefix("the ").split()
    words = re.findall(r"[\w’'.\-]+|[^\w\s]", text)
    folded = [fold(w) for w in words]
    for i in range(len(words) - len(want)):
        if folded[i : i + len(want)] != want or (i > 0 and folded[i - 1] in TITLE_WORDS):
            continue
        name: list[str] = []
        for word in words[i + len(want) :]:
            if not word[0].isupper() or fold(word) in TITLE_WORDS or len(name) == 3:
                break
            name.append(word)
        if name:
            return " ".join(name)
    return None


def _after_title(text: str, at: int) -> bool:
    """Whether the word before `at` is a title or an honorific ("Governor", "Mr.")."""
    before = re.search(r"([\w’']+)\.?\s*$", text[max(0, at - 40) : at])
    return before is not None and _is_title_word(before.group(1))


def _is_title_word(word: str) -> bool:
    """A title, honorific or country, also in the plural ("Doctors Walensky and Fauci")."""
    key = fold(word)
    places = default_places()
    return (
        any(k in TITLE_WORDS or k in HONORIFICS for k in (key, key.removesuffix("s")))
        or places.country_code(word) is not None
    )


def _as_written(name: str) -> str:
    """An unknown name as written; names set in capitals ("PSAKI") get ordinary case."""
    if name.isupper() and len(name) > 1:  # "AKUFO-ADDO" → "Akufo-Addo", "O'NEILL" → "O'Neill"
        return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), name)
    return name


def segment_turns(text: str, *, registry: PersonRegistry, description: Description) -> list[Turn]:
    """Split `text` into speaker turns in reading order."""
    return segment_labels(text, find_labels(text), registry=registry, description=description)


def segment_labels(
    text: str, labels: Sequence[Label], *, registry: PersonRegistry, description: Description
) -> list[Turn]:
    """`segment_turns` with the labels of `text` already found (`find_labels`), so that a
    caller that also reads the labels (the describer) finds them once."""
    context = _Context(registry, description)
    # One-word labels ("Smith:", "Note:") count only for people known by then.
    kept: list[Label] = []
    for label in labels:
        if label.single_word and not context.knows(label):
            continue
        kept.append(label)
        if label.kind is LabelKind.SPEAKER and not label.single_word:
            context.speaker(label, text=text)  # so later surnames resolve
    context = _Context(registry, description)
    turns: list[Turn] = []
    for i, label in enumerate(kept):
        end = kept[i + 1].start if i + 1 < len(kept) else len(text)
        speaker = context.speaker(label, text=text)
        if i > 0 and fold(clean_label(label.label)) in ADDRESSED_ROLES:
            speaker = context.addressed(speaker, text[kept[i - 1].speech : label.start])
        span = _spoken(text, label.speech, end)
        if span is None:
            continue
        turns.append(
            Turn(
                speaker=speaker.name,
                span=span,
                label=label.label,
                role=speaker.role,
                country=speaker.country,
            )
        )
    return _fullest_names(_one_moderator(turns, context))


def _one_moderator(turns: list[Turn], context: _Context) -> list[Turn]:
    """A MODERATOR named once (`_Context.addressed`) is that person in every turn of the
    transcript, before the hand-over too: one role label, one person."""
    named = {
        key: found
        for key, found in context.named.items()
        if key.startswith("role:") and found is not None
    }
    if not named:
        return turns
    out = []
    for turn in turns:
        found = named.get(f"role:{fold(turn.speaker)}")
        if found is not None and fold(clean_label(turn.label or "")) in ADDRESSED_ROLES:
            turn = replace(turn, speaker=found.name, country=found.country)
        out.append(turn)
    return out


def _fullest_names(turns: list[Turn]) -> list[Turn]:
    """One name per person: "Xuan Phuc" and, later, "Nguyen Xuan Phuc" (a label that gave
    more of the name) become the longer name everywhere, when the surname is the same."""
    names = {t.speaker for t in turns if len(t.speaker.split()) >= 2}
    longer: dict[str, str] = {}
    for short in names:
        words = fold(short).split()
        for full in names:
            known = fold(full).split()
            if (
                len(known) > len(words)
                and known[-1] == words[-1]
                and set(words) <= set(known)
                and len(full) > len(longer.get(short, short))
            ):
                longer[short] = full
    if not longer:
        return turns
    return [replace(t, speaker=longer.get(t.speaker, t.speaker)) for t in turns]


def _spoken(text: str, start: int, end: int) -> Span | None:
    """The span of what was said between `start` and `end`, without stage directions; a turn
    that is only a direction ("MS. DALTON: (Inaudible.)") keeps it: the speaker spoke."""
    whole = _stripped(text, start, end)
    if whole is None:
        return None
    return _stripped(text, *_directions_trimmed(text, whole.start, whole.end)) or whole


def _directions_trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = _LEAD_DIRECTION.match(chunk)
    if lead:
        start += lead.end()
        chunk = text[start:end]
    tail = _TAIL_DIRECTION.search(chunk)
    if tail:
        end = start + tail.start()
    return start, end


def _stripped(text: str, start: int, end: int) -> Span | None:
    """text[start:end] without the white space at its ends, or None if nothing is left."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    start += len(chunk) - len(chunk.lstrip())
    return Span(start=start, end=start + len(stripped))
