"""Agreements and other documents a statement names: name, kind, parties, status, date.

A mention is a document noun ("treaty", "agreement", "declaration", "memorandum",
"programme", "plan", "roadmap", "protocol", "contract", "joint statement", ...) with what
names it: a title around it in capitals ("the Joint Declaration on the 30th Anniversary of
Diplomatic Relations"), or modifiers before it and a chain of prepositional phrases after it
("an intergovernmental agreement on opening a branch of Chelyabinsk State University in
Kostanay"), or, for a bare noun, the participle that tells which one ("the declaration signed
following the 2010 OSCE Summit in Astana"). Nouns that often name no document ("plan",
"programme", "statement", "framework") count only with a title that says whose or what kind,
a modifier of cooperation, or a verb that signs, adopts or carries them out. Names known
without a document noun ("New START", "the JCPOA") come from data/agreements.toml. The kind
comes from the head noun as written; status, date and parties from extract/agreement_facts.py.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from communique.extract.agreement_facts import (
    STATUS_VERB,
    Mention,
    date_of,
    parties_of,
    status_of,
)
from communique.extract.countries import trie_pattern
from communique.extract.entries import Statement
from communique.extract.periods import MONTHS
from communique.models import Agreement, AgreementKind, AgreementStatus, Span

EXTRACTOR = "communique.agreements.v1"

K = AgreementKind
_HEADS: dict[str, AgreementKind] = {
    "treaty": K.TREATY, "treaties": K.TREATY, "agreement": K.AGREEMENT, "agreements": K.AGREEMENT,
    "accord": K.AGREEMENT, "accords": K.AGREEMENT, "declaration": K.DECLARATION,
    "memorandum": K.MEMORANDUM, "memoranda": K.MEMORANDUM, "mou": K.MEMORANDUM,
    "mous": K.MEMORANDUM, "programme": K.PROGRAMME, "programmes": K.PROGRAMME,
    "program": K.PROGRAMME, "programs": K.PROGRAMME, "plan": K.PLAN, "plans": K.PLAN,
    "roadmap": K.ROADMAP, "roadmaps": K.ROADMAP, "protocol": K.PROTOCOL, "protocols": K.PROTOCOL,
    "contract": K.CONTRACT, "contracts": K.CONTRACT, "communiqué": K.STATEMENT,
    "communique": K.STATEMENT, "convention": K.OTHER, "charter": K.OTHER, "resolution": K.OTHER,
    "framework": K.OTHER, "pact": K.OTHER, "arrangement": K.OTHER, "arrangements": K.OTHER,
    "declarations": K.DECLARATION, "memorandums": K.MEMORANDUM, "statement": K.STATEMENT,
    "statements": K.STATEMENT, "concept": K.OTHER, "doctrine": K.OTHER,
}  # fmt: skip
# Heads that often name no document: they need a title that says what kind, a modifier of
# cooperation, or a verb of signing, adopting or carrying out.
_WEAK = {
    "plan", "plans", "programme", "programmes", "program", "programs", "statement", "framework",
    "arrangement", "arrangements", "resolution", "contract", "contracts", "charter", "pact",
    "convention", "statements", "concept", "doctrine",
}  # fmt: skip
# Titles of one kind that name no document without a verb that adopts or signs them.
_TITLE_ONLY = {"framework", "resolution", "charter", "convention", "pact", "concept", "doctrine"}
_MARKED = re.compile(
    r"\b(?:joint|action|cooperation|co-operation|bilateral|trilateral|intergovernmental|"
    r"inter-governmental|interdepartmental|partnership|comprehensive|strategic|roadmap|"
    r"free trade|security council|implementation|investment|interregional|cross-border)\b"
    r"|\d{4}\s*[-–]\s*\d{2,4}|\buntil\s+\d{4}",
    re.I,
)
_ROAD_MAP = re.compile(r"\broad\s+maps?\b", re.I)
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?:-[\w.’'-]*\w)?"  # U.S., U.S.-India
    r"|\w[\w’'\-–/&+]*\w|\w"
    r"|[^\w\s]"
)
_STOP_LEFT = {
    "a", "an", "the", "this", "that", "these", "those", "our", "their", "its", "his", "her",
    "your", "my", "we", "they", "i", "you", "and", "or", "of", "on", "in", "to", "for", "with",
    "by", "at", "from", "as", "is", "are", "was", "were", "be", "been", "have", "has", "had",
    "will", "would", "signed", "adopted", "approved", "concluded", "reached", "welcome",
    "welcomed", "implement", "implementing", "new", "all", "any", "each", "every", "such", "both",
    "two", "three", "several", "many", "number", "package", "including", "under", "within",
    "relevant", "previous", "other", "existing", "current", "same", "which", "whose", "also",
    "already", "just", "not", "no", "more", "most", "further", "very",
}  # fmt: skip
_PREPOSITIONS = {
    "of", "on", "for", "between", "with", "until", "till", "concerning", "regarding", "among",
    "against", "in", "to",
}  # fmt: skip
_FUNCTION = {"the", "a", "an", "and", "of", "on", "for", "in", "to", "between", "with", "its"}
_STOP_RIGHT = {
    "is", "are", "was", "were", "be", "been", "will", "would", "shall", "can", "could", "should",
    "may", "might", "must", "has", "have", "had", "which", "that", "who", "whose", "as", "signed",
    "adopted", "concluded", "approved", "during", "at", "by", "within", "since", "after",
    "following", "today", "yesterday", "we", "they", "it", "i", "you", "he", "she", "this",
    "these", "those", "there", "here", "not", "also", "but", "or", "so", "if", "when", "while",
    "where", "because", "including", "such", "expires", "expired", "remains", "includes",
    "provides", "allows", "covers", "enters", "entered", "came", "comes", "continues", "says",
    "states", "stipulates", "envisages", "contains", "requires", "applies", "means", "ends",
    "runs", "sets", "gives", "makes", "helps", "took", "takes", "became", "becomes", "opened",
    "opens", "aims", "seeks",
}  # fmt: skip
HEAD_WORDS = (
    "treat", "agreement", "accord", "declaration", "memorand", "mou", "program", "plan",
    "road", "protocol", "contract", "statement", "communiq", "convention", "charter",
    "resolution", "framework", "pact", "arrangement", "concept", "doctrine",
)  # fmt: skip
"""What every head noun starts with: sentences without one are not read."""
MAX_NAME_WORDS = 18
"""Longest name read: the longest title or description in the seeds and our readouts is 16."""


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def _tokens(text: str, start: int, end: int) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def _year_or_month(tok: _Token) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", tok.text)) or tok.low in MONTHS


_ARTICLES = {"i", "the", "a", "an", "this", "that", "our", "their", "its", "these", "those"}
_MODIFIER = re.compile(
    r"(?:al|ic|ive|ary|ory|ous|ent|ant|ern|ian|ese|ish|ful|ible|able|ular|ar|id)$|-"
)
_NOUN_MODIFIERS = {
    "joint", "cooperation", "co-operation", "trade", "investment", "action", "security", "border",
    "gas", "oil", "energy", "partnership", "peace", "ceasefire", "arms", "grain", "supply",
    "transit", "loan", "credit", "work", "development", "implementation", "road", "framework",
    "purchase", "sale", "defence", "defense", "visa", "tax", "migration", "readmission",
    "extradition", "swap", "currency", "space", "science", "research", "education", "health",
    "climate",
}  # fmt: skip


def _title_left(toks: list[_Token], i: int) -> int:
    """First token of a title that ends or continues at toks[i] (its capitalised head)."""
    j = i
    while j > 0:
        prev = toks[j - 1]
        if prev.word and prev.capital and prev.low not in _ARTICLES and not _year_or_month(prev):
            j -= 1
            continue
        if prev.text in ("-", "–", "and", "&") and j > 1 and toks[j - 2].capital and j - 2 > 0:
            j -= 1
            continue
        break
    while j < i and not toks[j].capital:
        j += 1  # never open on "and"
    if j > 0 and toks[j - 1].low in _JOINT_WORDS:
        j -= 1  # "a trilateral Statement"
    return j


_JOINT_WORDS = {"joint", "bilateral", "trilateral", "multilateral"}


_STAMP = re.compile(r"\d{4}-\d\d")
_CLAUSE_WORDS = {
    "is", "are", "was", "were", "be", "will", "would", "has", "have", "had", "to", "that",
    "which", "who", "we", "they", "it", "not",
}  # fmt: skip


def _between(toks: list[_Token], j: int) -> int:
    """Index past "between A and B" opening at toks[j] ("between"), or `j` when it is not
    one: A and B are names in capitals (countries, ministries, companies), with a list before
    the "and" ("between the leaders of Russia, Azerbaijan and Armenia") and lower-case words
    before B's capitals ("and the member states of the North Atlantic Treaty Organisation")."""
    k = j + 1
    seen_capital = False
    while k < len(toks) and k - j <= MAX_NAME_WORDS and toks[k].low != "and":
        t = toks[k]
        if t.word and t.capital and not _year_or_month(t):
            seen_capital = True
        elif t.text not in (",", "-", "–", "’s", "'s", "(", ")") and not (
            t.word and t.low == t.text
        ):
            return j
        k += 1
    if not seen_capital or k >= len(toks) or k - j > MAX_NAME_WORDS:
        return j
    m = k + 1
    while m < len(toks) and m - k <= 6 and toks[m].word and not toks[m].capital:
        if toks[m].low in _CLAUSE_WORDS or toks[m].low.endswith(("ed", "ing")):
            return j
        m += 1
    if m >= len(toks) or not (toks[m].word and toks[m].capital) or _year_or_month(toks[m]):
        return j
    last = m
    n = m + 1
    while n < len(toks) and n - j <= MAX_NAME_WORDS:
        t = toks[n]
        if t.word and t.capital and not _year_or_month(t):
            last = n
        elif t.low in ("of", "the", "for", "-", "–") and n + 1 < len(toks):
            pass
        elif t.text == "(" and n + 2 < len(toks) and toks[n + 2].text == ")":
            last = n + 2
            n += 2
        else:
            break
        n += 1
    return last + 1


def _title_right(toks: list[_Token], i: int) -> int:
    """Index past the last token of a title continuing after toks[i]: capitalised words,
    numbers and year ranges, joined by lower-case function words."""
    j = i + 1
    last = i
    while j < len(toks) and j - i < MAX_NAME_WORDS:
        t = toks[j]
        if t.low in _HEADS and t.low not in _WEAK and toks[i].low in _WEAK and t.capital:
            break  # "Framework for an Agreement on ...": the agreement is the document
        if t.low == "between" and _between(toks, j) > j:
            j = _between(toks, j)
            last = j - 1
            continue
        if _STAMP.match(t.text):
            break  # "... Arms Races\n2022-01-03T16:00:00Z": a date line ends the title
        if t.word and (t.capital or t.text.isdigit()):
            last = j
        elif t.low == "and" and (j + 1 >= len(toks) or not toks[j + 1].capital):
            break  # "... for 2021–2025 and the Joint Action Plan": the next document begins
        elif t.low in _FUNCTION or t.text in ("-", "–", "’s", "'s", "’", "'"):
            pass
        elif t.text == "," and _listed(toks, j):
            pass  # "Agreement on Reciprocal, Fair, and Balanced Trade"
        elif (
            t.text == "("
            and j + 2 < len(toks)
            and toks[j + 2].text == ")"
            and toks[j + 1].text.isupper()
        ):
            last = j + 2
            j += 2
        else:
            break
        j += 1
    after = toks[last + 1] if last + 1 < len(toks) else None
    ends_in_modifier = toks[last].text.endswith(("'s", "’s")) or (
        after is not None
        and after.word
        and not after.capital
        and after.low not in _STOP_RIGHT
        and after.low not in _FUNCTION
        and after.low not in _PREPOSITIONS
    )
    if ends_in_modifier and last > i:
        # "... of Action on the Iranian nuclear programme": the last words modify what follows
        k = last
        while k > i and toks[k].low not in _PREPOSITIONS:
            k -= 1
        if k > i:
            last = k - 1
            while last > i and toks[last].low in _FUNCTION:
                last -= 1
    return last + 1


def _listed(toks: list[_Token], j: int) -> bool:
    """Whether the comma at toks[j] separates capitalised words of one list inside a title:
    "Reciprocal, Fair, and Balanced" (a capital next, and "and" + a capital within four)."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is not None and nxt.low == "and":  # the serial comma: ", and Balanced"
        return j + 2 < len(toks) and toks[j + 2].capital
    if nxt is None or not (nxt.word and nxt.capital):
        return False
    window = toks[j + 1 : j + 6]
    return any(
        t.low == "and" and k + 1 < len(window) and window[k + 1].capital
        for k, t in enumerate(window)
    )


_YEARS = re.compile(r"(?:19|20)\d\d")


def _count(tok: _Token) -> bool:
    return tok.text.isdigit() and not _YEARS.fullmatch(tok.text)


def _left(toks: list[_Token], i: int, sentence_first: int) -> int:
    """First token of the modifiers before a lower-case head: up to four words that are
    neither determiners nor verbs nor prepositions."""
    j = i
    while j > sentence_first and i - j < 4:
        prev = toks[j - 1]
        heads = prev.low in _HEADS and prev.low not in _WEAK  # "framework agreement" is one
        if not prev.word or prev.low in _STOP_LEFT or heads or prev.text.isdigit():
            break
        if prev.text.endswith(("'s", "’s", "s'", "s’")):
            break  # a possessive is a determiner: "Kazakhstan's agreement"
        if not (
            (prev.capital and j - 1 > sentence_first)
            or prev.low in _NOUN_MODIFIERS
            or _MODIFIER.search(prev.low)
        ):
            break
        j -= 1
    if toks[i].low.endswith("s"):  # "28 good programmes": a counted set of documents
        for k in (j - 1, j - 2):
            if (
                k > sentence_first
                and _count(toks[k])
                and all(t.word and t.low not in _STOP_LEFT for t in toks[k + 1 : j])
            ):
                return k
    return j


def _right(text: str, toks: list[_Token], i: int) -> int:
    """Index past the prepositional phrases after a head: "on opening a branch of Chelyabinsk
    State University in Kostanay", "of interregional and cross-border cooperation"."""
    j = i + 1
    last = i
    in_phrase = False
    while j < len(toks) and j - i <= MAX_NAME_WORDS:
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        if not t.word:
            if t.text in ("-", "–") and in_phrase and nxt is not None and nxt.text[:1].isdigit():
                j += 1  # "2021–2025"
                continue
            if (
                t.text == "("
                and nxt is not None
                and nxt.text.isupper()
                and j + 2 < len(toks)
                and toks[j + 2].text == ")"
            ):
                last = j + 2
                j += 3
                continue
            break
        low = t.low
        if low in _STOP_RIGHT:
            break
        if low == "between" and _between(toks, j) > j:
            j = _between(toks, j)
            last = j - 1
            in_phrase = True
            continue
        if low in _PREPOSITIONS:
            if nxt is None or not nxt.word:
                break
            if low == "in" and not _in_name(toks, j):
                break
            if low == "to" and not (nxt.capital or nxt.low == "the"):
                break
            if low in ("until", "till") and not nxt.text.isdigit():
                break
            in_phrase = True
            j += 1
            continue
        if low == "and":
            if nxt is None or nxt.low in _STOP_LEFT or nxt.low in _STOP_RIGHT or not in_phrase:
                break
            j += 1
            continue
        if low in _HEADS and in_phrase and low not in _WEAK and _coordinated(toks, j):
            break  # "... on X and the Treaty on Y": the next document begins
        if not in_phrase:
            break
        if low.endswith(("ed", "ing")) and not t.capital and toks[j - 1].low not in _PREPOSITIONS:
            if last == j - 1 and toks[last].capital and low.endswith("ing") and last > i + 1:
                # "... with Emirati and American backing": the phrase's noun is cut off
                last = _before_phrase(toks, i, last)
            break  # "... of priority measures aimed at": a participle begins a new phrase
        last = j
        j += 1
    return last + 1


_FIELD_NOUNS = {"field", "fields", "area", "areas", "sphere", "spheres"}
_COOPERATION = {
    "cooperation", "co-operation", "interaction", "partnership", "collaboration", "trade",
}  # fmt: skip


def _in_name(toks: list[_Token], j: int) -> bool:
    """Whether "in" at toks[j] continues a name: before a name in capitals ("in Kostanay"), a
    field ("in the field of"), or after a word of cooperation ("cooperation in anti-monopoly
    legislation")."""
    nxt = toks[j + 1]
    if nxt.capital and not _year_or_month(nxt):
        return True
    if nxt.low in ("the", "a") and j + 2 < len(toks):
        after = toks[j + 2]
        return (after.capital and not _year_or_month(after)) or after.low in _FIELD_NOUNS
    return toks[j - 1].low in _COOPERATION and nxt.word and not nxt.text.isdigit()


def _coordinated(toks: list[_Token], j: int) -> bool:
    """Whether the head at toks[j] begins a document of its own ("... and the Treaty on Y"),
    not one that names part of this one ("statement on the completion of a roadmap")."""
    k = j - 1
    while k > 0 and toks[k].low in _ARTICLES:
        k -= 1
    return toks[k].low in ("and", "or") or not toks[k].word


def _before_phrase(toks: list[_Token], i: int, last: int) -> int:
    """Index of the last token before the prepositional phrase that ends at `last`."""
    k = last
    while k > i and toks[k].low not in _PREPOSITIONS:
        k -= 1
    if k <= i:
        return last
    k -= 1
    while k > i and toks[k].low in _FUNCTION:
        k -= 1
    return k


_PARTICIPLE = re.compile(
    r"\s*,?\s*(?P<verb>signed|adopted|concluded|approved|reached|agreed)\b"
    r"(?P<rest>(?:(?!\s+as\s+well\s+as\b)[^,;:.–—()]|,\s+(?:and\s+)?(?=[A-Z]))" + "{0,80})"
)
_TO_ACT = re.compile(
    r"\s+to\s+(?!the\b|a\b|an\b|be\b)[a-z]+(?:\s+[\w’'-]+){2}"  # what: three words at least
    r"(?:(?!\s+as\s+well\s+as\b)[^,;:.–—()])" + "{0,100}"
)


def _mentions(st: Statement, start: int, end: int, *, first: int) -> Iterator[Mention]:
    """Document nouns in text[start:end] with the names around them; `first` is where the
    sentence begins (a capital there says nothing)."""
    text = st.text
    toks = _tokens(text, start, end)
    i = 0
    taken_to = start
    while i < len(toks):
        t = toks[i]
        low = t.low
        if low == "road" and i + 1 < len(toks) and toks[i + 1].low in ("map", "maps"):
            i += 1  # "road map": the second word is the head
            t, low = toks[i], "roadmap"
        if low not in _HEADS or t.start < taken_to:
            i += 1
            continue
        first_word = t.start == first
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if t.capital and nxt is not None and nxt.word and nxt.capital and not nxt.text.isdigit():
            i += 1  # "the Collective Security Treaty Organisation": the noun only modifies
            continue
        if t.capital and not first_word:
            a = _title_left(toks, i)
            b = _title_right(toks, i)
            titled = True
        else:
            a = _left(toks, i, 0 if toks[0].start == first else -1)
            b = _right(text, toks, i)
            titled = False
        # Trailing function words belong to what follows.
        while b - 1 > i and toks[b - 1].low in _FUNCTION:
            b -= 1
        name_start, name_end = toks[a].start, toks[b - 1].end
        participle = ""
        generic = titled and low.endswith("s") and b - 1 == i  # "its Free Trade Agreements"
        if (b - 1 == i and a == i and not titled) or generic:
            # A bare noun (or a plural title of a kind): the participle says which one.
            m = _PARTICIPLE.match(text, t.end, end)
            if m and m.group("rest").strip():
                name_end = t.end + len(m.group().rstrip())
                participle = m.group("verb").lower()
        if b - 1 == i and not titled and low.startswith("agreement"):
            # "the agreement to launch negotiations on ..., reached during ...": what was
            # agreed names it, when a verb adopts, carries out or reaches it.
            m = _TO_ACT.match(text, t.end, end)
            governing = text[max(first, toks[a].start - 60) : toks[a].start]
            if m and (STATUS_VERB.search(governing) or _PARTICIPLE.match(text, m.end(), end)):
                name_end = m.end()
                participle = "to"
        taken_to = name_end
        yield Mention(name_start, name_end, low, titled, b - 1 > i, participle)
        inner = next((k for k in range(i + 1, b) if toks[k].low in _HEADS), None)
        if inner is not None:  # "a statement on the completion of a roadmap for ...": both
            taken_to = toks[inner].start
            i = inner
        else:
            i = max(i + 1, b)


# -- what a mention is ---------------------------------------------------------------------

_NOT_A_DOCUMENT = re.compile(
    r"(?:\b(?:reach(?:ed|ing)?|came to|come to|in|full|mutual|broad|general|by|without|"
    r"complete|common|unanimous)\s+$)",
    re.I,
)
_NOT_A_DOCUMENT_AFTER = re.compile(
    r"^\s*(?:to\s+(?!the\b|[A-Z])\w+|that\b|with\s+(?:us|him|her|them|you)\b|"
    r"of\s+(?:the\s+)?(?:parties|sides|leaders|president|government)\b)",
    re.I,
)
_VERB_PLAN = re.compile(r"\b(?:we|i|they|you|he|she|it|who|also|to)\s+$", re.I)
_PLURAL_GENERIC = {
    "agreements", "plans", "programmes", "programs", "contracts", "arrangements", "treaties",
    "declarations", "memoranda", "memorandums", "protocols", "statements", "roadmaps",
}  # fmt: skip


_PLACEHOLDERS = {
    "us", "them", "you", "me", "him", "her", "president", "presidents", "leader", "leaders",
    "partner", "partners", "side", "sides", "party", "parties", "time", "matter", "matters",
    "issue", "issues", "other", "others", "visit", "talks", "meeting",
}  # fmt: skip


def _names_something(name: str, head: str) -> bool:
    """False when the words after the head say nothing about which document it is:
    "agreements between us", "agreements of the presidents", "framework of the visit"."""
    rest = name.lower().split(head, 1)[-1]
    words = [w for w in re.findall(r"[\w’'-]+", rest) if w not in _FUNCTION and w not in _STOP_LEFT]
    return not words or any(w not in _PLACEHOLDERS for w in words)


def _is_document(st: Statement, m: Mention, sent: tuple[int, int]) -> bool:
    """Whether a document noun names a document here (see the module's docstring)."""
    text = st.text
    before = text[max(sent[0], m.start - 40) : m.start]
    after = text[m.end : min(sent[1], m.end + 40)]
    name = text[m.start : m.end]
    head = m.head
    bare = not m.titled and not m.phrase and not m.participle
    only_head = name.lower().strip() in (head, "road map", "road maps")
    governed = STATUS_VERB.search(text, max(sent[0], m.start - 60), m.start) is not None
    if not _names_something(name, head):
        return False
    if head == "agreement" and not m.titled and _NOT_A_DOCUMENT.search(before):
        return False  # "we reached agreement on ...": consensus, not a document
    if head.startswith("agreement") and only_head:
        if _NOT_A_DOCUMENT.search(before) or _NOT_A_DOCUMENT_AFTER.match(after):
            return False
        if head == "agreement" and not m.titled:
            return False  # "the agreement by Congress on ...": no document named
    if head in ("plan", "plans", "programme", "programs", "program", "programmes") and (
        _VERB_PLAN.search(before) or re.match(r"\s+to\s+[a-z]", after)
    ):
        return False  # "we plan to", "plans to open": an intention, not a document
    counted = _COUNTED.match(name) is not None and head.endswith("s") and governed
    if head in _PLURAL_GENERIC and bare and not counted:
        return False  # "agreements", "fundamental agreements": no document named
    if head.startswith("statement") and not _JOINT.search(name) and not m.titled:
        return False  # "the statement of the ministry": a joint or titled one is a document
    if head in _WEAK and not counted and not (m.titled and governed):
        # "28 programmes" prepared, "the Military Doctrine" adopted: documents; otherwise a
        # weak noun needs words that mark a document.
        if head.endswith("s") and not m.titled and not _MARKED.search(name):
            return False  # "plans for reform": intentions, not documents
        if bare and not _MARKED.search(name):
            return False
        if not (_MARKED.search(name) or len({p.code for p in st.parties_in(m.start, m.end)}) >= 2):
            return False
        if head in _TITLE_ONLY and not m.titled:
            return False
    if head in _TITLE_ONLY and not m.titled:
        return False
    if not m.titled and head in ("declaration", "declarations", "accord", "accords"):
        return governed or bool(re.search(r"\bjoint\b", name, re.I)) or bool(m.participle)
    if only_head and not m.titled and head not in ("declaration", "treaty", "memorandum"):
        return bool(re.search(r"\b(?:the|a|an|this|our|their)\s+$", before, re.I)) and governed
    return True


_JOINT = re.compile(r"\b(?:joint|bilateral|trilateral|multilateral)\b", re.I)
_NUMBER_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+"
_COUNTED = re.compile(rf"(?:{_NUMBER_WORDS})\s", re.I)  # "28 good programmes"


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"\w+", name.lower()) if w not in _FUNCTION}


@lru_cache(maxsize=1)
def _known() -> tuple[re.Pattern[str], dict[str, AgreementKind]]:
    """data/agreements.toml: names known without a document noun ("New START") → kind."""
    data = tomllib.loads(
        resources.files("communique.data").joinpath("agreements.toml").read_text("utf-8")
    )
    kinds = {name: AgreementKind(kind) for kind, spec in data.items() for name in spec["names"]}
    return re.compile(rf"(?<![\w-])(?:{trie_pattern(kinds)})(?![\w-])"), kinds


_HEAD_OF = {K.TREATY: "treaty", K.AGREEMENT: "agreement", K.PLAN: "plan"}


def _candidates(st: Statement) -> Iterator[tuple[Mention, tuple[int, int], bool]]:
    """(mention, its sentence, whether it is known by name) in text order: the names around
    the document nouns of each sentence that holds one, and the names known without one."""
    found: list[tuple[Mention, tuple[int, int], bool]] = []
    for i, spots in st.sentences_with(HEAD_WORDS).items():
        sent = st.sentences[i]
        # Names lie within MAX_NAME_WORDS of their head: read only that much around the heads.
        lo = max(sent[0], spots[0] - 300)
        while lo > sent[0] and not st.text[lo - 1].isspace():
            lo -= 1
        hi = min(sent[1], spots[-1] + 300)
        found.extend((m, sent, False) for m in _mentions(st, lo, hi, first=sent[0]))
    pattern, kinds = _known()
    start = st.sentences[0][0] if st.sentences else len(st.text)
    for hit in pattern.finditer(st.text, start):
        holder = st.sentence_at(hit.start())
        if holder is None or any(m.start <= hit.start() < m.end for m, _, _ in found):
            continue  # inside a name read around a noun: "Plan of Action (JCPOA)"
        head = _HEAD_OF[kinds[" ".join(hit.group().split())]]
        found.append((Mention(hit.start(), hit.end(), head, titled=True), holder, True))
    return iter(sorted(found, key=lambda f: f[0].start))


def find_agreements(st: Statement) -> list[Agreement]:
    """Every agreement the statement names, once each (its first mention, with a count)."""
    found: list[Agreement] = []
    for m, sent, known in _candidates(st):
        if not known and not _is_document(st, m, sent):
            continue
        status = status_of(st, m, sent)
        name = " ".join(st.text[m.start : m.end].split())
        kind = K.ROADMAP if _ROAD_MAP.search(name) else _HEADS[m.head]
        agreement = Agreement(
            quote=st.text[m.start : m.end],
            span=Span(start=m.start, end=m.end),
            speaker=st.speaker_at(m.start),
            sentence=Span(start=sent[0], end=sent[1]),
            extractor=EXTRACTOR,
            name=name,
            kind=kind,
            parties=parties_of(st, m, sent, status),
            status=status,
            date=date_of(st, m, status, sent),
        )
        before = re.search(r"(\w+)\s+$", st.text[max(sent[0], m.start - 20) : m.start])
        _add(found, agreement, article=before.group(1).lower() if before else "")
    return found


_DEMONSTRATIVES = {"this", "these", "that", "those", "said"}
_RANK = {
    AgreementStatus.MENTIONED: 0,
    AgreementStatus.NEGOTIATING: 1,
    AgreementStatus.PLANNED: 2,
    AgreementStatus.IN_FORCE: 3,
    AgreementStatus.ADOPTED: 4,
    AgreementStatus.SIGNED: 5,
}


def _add(found: list[Agreement], new: Agreement, *, article: str = "") -> None:
    """Add `new`, or count it as another mention of one found before: the same words, or a
    short form of its name ("the Joint Declaration" after the full title, "these 28
    programmes" after "28 good programmes"). `article` is the word before the name: one
    introduced by "a" and signed on a day ("We adopted a trilateral Statement") is a new
    document, not the one of the same name mentioned before with no such day."""
    words = _words(new.name)
    for i, old in enumerate(found):
        if old.kind is not new.kind:
            continue
        if article in ("a", "an") and new.date is not None and old.date != new.date:
            continue
        old_words = _words(old.name)
        if (
            words == old_words
            or (
                words < old_words
                and (new.name[:1].isupper() or len(words) == 1 or article in _DEMONSTRATIVES)
            )
            or (old_words < words and len(old_words) >= 2 and old.name[:1].isupper())
        ):  # the last: "the Interim Agreement", then "the Interim Agreement between ..."
            better = _RANK[new.status] > _RANK[old.status] and (
                old.status is AgreementStatus.MENTIONED or old.date == new.date
            )
            found[i] = replace(
                old,
                mentions=old.mentions + 1,
                status=new.status if better else old.status,
                date=new.date if better else old.date,
            )
            return
    found.append(new)
