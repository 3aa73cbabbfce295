"""Commitments: promises, plans, targets and agreements to act, with actor, due date and kind.

A commitment is a clause with a subject that can act and a verb of intent: "Kazakhstan will
host", "we plan to organise", "I have decided to open", "we have agreed to maintain", "the
three governments committed to enhance", "a session ... will be convened", "construction ...
is on the agenda", "there are plans to open", "the decision to establish". The quote is the
clause from its subject (with a time fronted before it: "In 2026, Kazakhstan will host ...")
to its end. Not commitments: what a speaker will say next ("I will repeat"), what will be
true of things ("this will help", "it will be difficult"), questions, and vague goodwill
("we will continue to strengthen our friendship"). The kind follows the verb; a figure to
reach (a target claim of the clause, or "to $30 billion") makes a target. The due date comes
from the clause (`due`), or from a time fronted in the sentence before when the clause points
back to it ("In 2025 ... We have arranged to mark these dates").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from communique.extract.actors import (
    find_parties,
    in_person,
    is_collective,
)
from communique.extract.commitment_actors import commitment_actor
from communique.extract.due import find_dues, first_due
from communique.extract.entries import Statement
from communique.models import Commitment, CommitmentKind, Modality, Period, Span

EXTRACTOR = "communique.commitments.v1"

C = CommitmentKind

# Verbs of intent with "to": the kind they make.
_INTENT: dict[str, CommitmentKind] = {
    "plan": C.PLAN, "plans": C.PLAN, "planned": C.PLAN, "planning": C.PLAN, "intend": C.PLAN,
    "intends": C.PLAN, "intended": C.PLAN, "decided": C.PLAN, "decide": C.PLAN, "proposed": C.PLAN,
    "propose": C.PLAN, "going": C.PLAN, "preparing": C.PLAN, "starting": C.PLAN, "set": C.PLAN,
    "scheduled": C.PLAN, "agreed": C.AGREEMENT_TO_ACT, "agree": C.AGREEMENT_TO_ACT, "agrees":
    C.AGREEMENT_TO_ACT, "agreeing": C.AGREEMENT_TO_ACT, "arranged": C.AGREEMENT_TO_ACT,
    "committed": C.PLEDGE, "commit": C.PLEDGE, "commits": C.PLEDGE, "pledged": C.PLEDGE, "pledge":
    C.PLEDGE, "pledges": C.PLEDGE, "promised": C.PLEDGE, "promise": C.PLEDGE, "vowed": C.PLEDGE,
    "undertook": C.PLEDGE, "undertake": C.PLEDGE, "ready": C.PLEDGE, "prepared": C.PLEDGE, "aim":
    C.TARGET, "aims": C.TARGET, "seek": C.TARGET, "seeks": C.TARGET, "recommitted": C.PLEDGE,
    "recommit": C.PLEDGE, "recommits": C.PLEDGE, "resolved": C.PLEDGE,
    "determined": C.PLEDGE,
}  # fmt: skip
_TRIGGER = re.compile(
    # "will host", "will be convened", "shall ensure", "'ll do"
    r"(?P<will>\b(?:will|shall)\b|’ll\b|'ll\b)"
    # "plan to", "have decided to", "agreed to", "is ready to", "are preparing a response"
    r"|\b(?P<intent>plans?|planned|planning|intends?|intended|decided?|proposed?|going|"
    r"agree[sd]?|agreeing|arranged|(?:re)?committ?(?:ed|s)?|pledged?|pledges|promised?|vowed|"
    r"undert(?:ook|ake)|ready|prepared|resolved|determined|aims?|seeks?|set|scheduled|"
    r"starting)"
    # "agreed with Kazakhstan to build", "agreed with the President of France to"
    r"(?:\s+with\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?:of\s+)?(?:the\s+)?(?-i:[A-Z])[\w’'-]*){0,4})?"
    r"\s+to\s+(?!the\b|a\b|an\b|our\b|this\b|that\b|it\b|date\b)"
    # "committed their full efforts toward ..."
    r"|\b(?P<efforts>(?:re)?committed\s+(?:their|its|our|his|her)\s+(?:full\s+)?"
    r"(?:efforts?|support|resources)\s+(?:to|toward|towards))\b"
    r"|\b(?P<prep>(?:is|are|am)\s+(?:now\s+)?preparing)\b"
    r"|\b(?:agree[sd]?|confirmed|decided|announced|arranged)\s+(?P<that>that)\b"
    # "The leaders tasked their teams with ...", "asked their envoys to ..."
    r"|\b(?P<task>tasked|instructed|directed|charged|mandated|asked)\s+(?=\S)"
    # "CMS is releasing new guidance": what an agency announces it is doing
    r"|\b(?P<now>(?:is|are)\s+(?:now\s+|also\s+)?(?:releasing|launching|announcing|issuing|"
    r"establishing|awarding|publishing|proposing|convening|hosting|creating|deploying|"
    r"allocating|investing|providing|delivering(?!\s+on\b)|sending|making\s+available))\b"
    # "is on the agenda", "are to be held", "is scheduled for"
    r"|\b(?P<agenda>(?:is|are)\s+(?:\w+\s+)?on the agenda)\b"
    r"|\b(?P<tobe>(?:is|are)\s+(?:also\s+|now\s+)?(?:due |set |scheduled |expected )?to\s+be\s+"
    r"(?:\w+ed|held|built|made|met|set|sent|done|taken|given|begun|undertaken|paid|spent|"
    r"put|laid|shown|sold|won)"
    r"|(?:is|are)\s+scheduled\s+for)\b"
    # "there are plans to", "the decision to", "Kazakhstan's agreement to", "invited X to"
    r"|\b(?P<noun>plans|decision|agreement)\s+to\s+(?!the\b|a\b|date\b)"
    r"|\b(?P<invite>invited)\b",
    re.I,
)
TRIGGER_WORDS = (
    "will", "shall", "’ll", "'ll", "plan", "intend", "decid", "propos", "going", "agree",
    "arrang", "commit", "pledg", "promis", "vowed", "undert", "ready", "prepar", "aim", "seek",
    "set to", "schedul", "starting", "agenda", "decision", "invited", "recommit", "resolved",
    "determined", "confirmed", "announc", "tasked", "instructed", "directed", "charged",
    "mandated", "asked", "releasing", "launching", "issuing", "establishing", "awarding",
    "publishing", "proposing", "convening", "hosting", "creating", "deploying", "allocating",
    "investing", "providing", "delivering", "sending", "making", "to be",
)  # fmt: skip
"""What every trigger starts with: sentences without one are not read."""
_NOT_SUBJECTS = {
    "it", "this", "that", "these", "those", "which", "what", "who", "there", "here", "everything",
    "nothing", "something", "anything", "everyone", "nobody", "one", "you", "time", "history",
    "he", "she", "they",
}  # fmt: skip
# After "will": verbs of what the speaker is about to say, or of how things will be.
_NOT_ACTIONS = {
    "say", "tell", "repeat", "note", "mention", "stress", "add", "ask", "answer", "respond",
    "explain", "talk", "speak", "remind", "recall", "list", "read", "give", "be", "remain",
    "become", "have", "mean", "allow", "enable", "help", "lead", "result", "depend", "require",
    "need", "see", "know", "find", "get", "go", "come", "happen", "change", "affect", "make",
    "let", "try", "hear", "show", "understand", "agree", "pass", "stay", "feel", "look", "focus",
    "return", "touch", "dwell", "not", "never", "represent", "receive", "benefit", "enjoy",
    "gain", "face", "experience", "suffer", "yield", "include",
}  # fmt: skip
_AGENDA_VERBS = {"discuss", "consider", "review", "exchange", "touch", "talk", "address"}
# What a promise of effort commits to, beside a specific action ("commit to acting against
# ...", "pledged to work closely": pledges; "commit to imposing measures": a plan).
_EFFORT_VERBS = {
    "support", "assist", "help", "work", "continue", "keep", "strive", "promote", "facilitate",
    "defend", "protect", "uphold", "respect", "honour", "honor", "contribute", "stand", "engage",
    "act", "step", "seek", "cooperate", "coordinate", "strengthen", "deepen", "pursue",
    "enhance", "improve", "intensify", "reinforce", "advance", "expand", "broaden",
}  # fmt: skip
_PLEDGE_VERBS = {
    "engage", "act", "step", "redouble", "spare", "stand", "support", "assist", "do", "help",
    "provide", "keep", "continue", "reach", "ensure", "contribute", "work", "seek", "strive",
    "promote", "facilitate", "defend", "protect", "uphold", "respect", "honour", "honor", "fulfil",
    "fulfill",
}  # fmt: skip
_AUXILIARIES = re.compile(
    r"(?:\s+(?:have|has|had|am|is|are|was|were|will|would|shall|also|now|already|just|then|"
    r"indeed|did|do|does|not|further|jointly|together|all|both|certainly|actually))+$",
    re.I,
)
_PASSIVE_OR_EVENT = re.compile(
    r"\s*(?:be\s+(?:\w+ed\b|held|built|opened|signed|convened|launched|made|"
    r"given|sent|done|taken|set up|begun|undertaken|brought|paid|spent|put|laid|shown|met|"
    r"sold|won|provided|established|organised|organized|hosted|implemented|completed|"
    r"under\b|ready\b|allocated|funded|delivered|expanded|extended|increased|raised)"
    r"|take\s+place|have\s+to|take\s+effect|enter\s+into\s+force|come\s+into\s+(?:force|effect)"
    r"|become\s+(?:available|effective|operational|law)\b)",
    re.I,
)
_ADVERBS = re.compile(
    r"\s*(?:(?:also|now|soon|certainly|definitely|surely|jointly|further|then|still|"
    r"undoubtedly|of course|absolutely|immediately|shortly|continue to|keep|actively|"
    r"together|finally|first|again|likewise|in turn|naturally|gradually|only)\b[\s,]*)*",
    re.I,
)
_VAGUE_VERB = re.compile(
    r"^(?:(?:continue|keep)\s+(?:to\s+)?)?(?:strengthen\w*|deepen\w*|develop\w*|expand\w*|"
    r"enhanc\w*|promot\w*|foster\w*|advanc\w*|boost\w*|intensif\w*|build\w* on|support\w*|"
    r"work\w*(?: together| closely)?(?: in (?:exactly )?this manner)?|cooperat\w*|"
    r"maintain\w*|consolidat\w*|do everything|make every effort|stay in (?:close )?touch|"
    r"remain in (?:close )?contact|consult\w*|coordinat\w*)\b",
    re.I,
)
_VAGUE_OBJECT = re.compile(
    r"^\W*(?:(?:our|the|their|its|this|these|all|mutually beneficial|close|bilateral|"
    r"friendly|strategic|comprehensive|good-neighbourly|allied|good|traditional|further|"
    r"political|economic|investment|cultural|humanitarian|interregional|multifaceted|"
    r"and|,|\s)+)?(?:relations?|relationship|ties|cooperation|partnership|friendship|"
    r"dialogue|contacts?|interaction|engagement|exchanges|collaboration|alliance)\b"
    r"|^\W*(?:in (?:exactly )?this manner|in this direction|together|closely|on this|"
    r"everything (?:in our power|possible|we can)?)\W*$"
    r"|^\W*(?:all\s+)?(?:the\s+)?(?:set\s+)?(?:tasks|goals|objectives|problems|issues)\b",
    re.I,
)
_QUESTION = re.compile(r"\?\s*$")
_CLAUSE_BREAK = re.compile(
    r"[;:]|\s[–—]\s|\s-\s|—(?=(?:that|which|who|including)\b)"
    r"|,\s+(?:which|while|whereas|but|because|since|although|so that)\b"
    r"|\s(?:aimed at|designed to|intended to)\s"
    r"|,\s+and\s+(?=(?:we|i|they|the|our|it|this|there)\b)|\.\s|,?\s+and\s+(?=then\b)"
)
_SUBJECT_BREAK = re.compile(
    r"[;:,]|\s[–—]\s|\b(?:that|which|who|and|but|so|because|while|if|when|as|where|whether|"
    r"although|since|once|after|before|until|then|what|how|why)\s",
    re.I,
)
_HOPE_OR_CLAIM = re.compile(
    r"\b(?:hope|hoping|wish|saying|claiming|alleging|accus\w+\s+\w+\s+of)\s+(?:that\s+)?$",
    re.I,
)
_EMBEDDED = re.compile(r"\b(?:what|how|why|whether|if|when|where|who|which)\s+$", re.I)
_ACTOR_NOUN = re.compile(
    r"(?:we|i|us|government|governments|ministry|ministries|minister|president|presidents|"
    r"leaders?|sides?|part(?:y|ies)|administration|department|agency|agencies|secretary|"
    r"delegations?|committee|commission|council|compan(?:y|ies)|banks?|corporation|"
    r"countries|country|nations?|states|authorities|team|kremlin|white house|chancellor|"
    r"premier|king|emperor|cabinet|parliament|congress|senate|office|partners|"
    r"both|two|three|he|she|administration|companies|heads|officials|envoys|teams|"
    r"representatives)",
    re.I,
)
_TITLED = re.compile(
    r"\b(?:President|Prime Minister|Minister|Chancellor|King|Emperor|Premier|Secretary|"
    r"Governor|Ambassador|Envoy|Crown Prince|Sheikh|Emir|Sultan)\b"
)
_FORECAST_SUBJECT = re.compile(
    r"\b(?:cooperation|relations|relationship|ties|partnership|friendship|dialogue|"
    r"interaction|trade|economy|situation|work|process|development)$",
    re.I,
)
_CLOSED_SUBJECT = re.compile(r"^(?:their|its|all of|this|these|that|those|such)\b", re.I)
_EVENT_VERB = re.compile(
    r"\s*(?:open|start|begin|launch|operate|work|take place|host|hold|visit|travel|go ahead)\w*",
    re.I,
)
_TARGET = re.compile(
    r"\b(?:increase|raise|bring|boost|double|triple|reach|achieve|expand|grow|cut|reduce|"
    r"lower|lift)\w*\b[^.;]{0,80}?\b(?:to|by|at least|more than|over)\s+(?:more than\s+|over\s+|"
    r"at least\s+|about\s+|nearly\s+)?[$€£¥₹]?\s?\\?\$?\d",
    re.I,
)
_SPOKEN_FUTURE = re.compile(r"^\s*(?:I|we)\s+(?:will|shall)\s+(?:now\s+)?(?:not\s+)?$", re.I)
_INTRO = re.compile(r"^\s*(?:I|we)\s+(?:\w+\s+){0,3}(?:that|how)\s*$", re.I)
_POINTS_BACK = re.compile(r"\b(?:these|this|those|that|such|then|there)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Clause:
    start: int  # of the quote
    end: int
    subject: str
    subject_start: int
    verb_at: int  # where the words after the trigger begin
    kind: CommitmentKind
    event: bool = False  # the subject is what happens ("the first launch will take place")
    now: bool = False  # announced as under way ("CMS is releasing"): due the document's day


def _clause_bounds(text: str, sent: tuple[int, int], at: int) -> tuple[int, int]:
    """The clause around position `at` of a sentence: from the last break before it to the
    first after it."""
    start = sent[0]
    for m in _CLAUSE_BREAK.finditer(text, sent[0], at):
        start = m.end()
    brk = _CLAUSE_BREAK.search(text, at, sent[1])
    end = brk.start() if brk else sent[1]
    while end > start and text[end - 1] in " .,;:!?\n":
        end -= 1
    return start, end


def _subject(text: str, clause_start: int, at: int) -> tuple[int, str]:
    """(start, words) of the subject before the trigger at `at`: what follows the last
    conjunction, relative word or comma."""
    start = clause_start
    for m in _SUBJECT_BREAK.finditer(text, clause_start, at):
        if m.group().strip().lower() == "and" and _inside_name(text, m.start(), m.end()):
            continue  # "the Office of ... Planning and Evaluation": one name
        start = m.end()
    while start < at and text[start].isspace():
        start += 1
    pair = re.search(
        r"\b(?:you|my\s+(?:\w+\s+)?(?:colleague|friend|counterpart))\s+and\s+$",
        text[max(clause_start, start - 40) : start],
        re.I,
    )
    if pair is not None and re.match(r"I\b", text[start:at]):
        start = max(clause_start, start - 40) + pair.start()  # "you and I", "my colleague and I"
        return start, " ".join(_AUXILIARIES.sub("", " " + text[start:at]).split())
    opinion = _OPINION.match(text, start, at)
    if opinion is not None:
        start = opinion.end()  # "I think our meeting will ...": the meeting is the subject
    # A list of parties before the subject belongs to it: "the United States, Mexico, and
    # Canada will ...".
    while True:
        lead = re.search(
            r"((?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*),\s+(?:and\s+)?$",
            text[clause_start:start],
        )
        if lead is None:
            break
        a, b = clause_start + lead.start(1), clause_start + lead.end(1)
        named = find_parties(text, a, b)
        if not (
            len(named) == 1
            and not named[0].adjective
            and text[a : named[0].start].strip().lower() in ("", "the")
            and named[0].end == b
        ):
            break
        start = clause_start + lead.start()
        the = re.search(r"\bthe\s+$", text[clause_start:start])
        if the is not None:
            start = clause_start + the.start()
    words = _AUXILIARIES.sub("", " " + " ".join(text[start:at].split())).strip()
    pronoun = re.search(r"\b(?:I|we|he|she|they|it|you)$", words)
    if pronoun is not None and pronoun.start() > 0:
        start += (
            len(text[start:at])
            - len(text[start:at].lstrip())
            + text[start:at].rfind(pronoun.group())
        )
        words = pronoun.group()  # "economists say he": the subject is "he"
    return start, words


_MAIN_VERB = re.compile(r"\s(?:\w+ed|will|have|has|are|is|was|were)\b")
_OPINION = re.compile(
    r"(?:I|we)\s+(?:do\s+)?(?:think|believe|expect|trust|feel|know|am\s+sure|am\s+certain|"
    r"are\s+sure|are\s+certain)\s+(?:that\s+)?",
    re.I,
)


_FINITE = re.compile(r"\s(?:[a-z]+(?:s|ed)|has|have|is|are|was|were)\b")
_PREPOSITION = re.compile(r"\b(?:for|of|in|to|by|on|at|with|from)$")


def _before_verb(words: str) -> str:
    """A clause's subject: its words before their first finite verb ("This pathway for states
    was established by X" → "This pathway for states")."""
    for m in _FINITE.finditer(words):
        if not _PREPOSITION.search(words, 0, m.start()):
            return words[: m.start()]
    return words


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether an "and" at text[start:end] joins two words in capitals: one name ("Planning and
    Evaluation") or a list of parties ("the United States and India"), one subject either way."""
    before = text[max(0, start - 30) : start].split()
    after = text[end : end + 30].split()
    return bool(before and after and before[-1][:1].isupper() and after[0][:1].isupper())


def _fronted_time(st: Statement, sent: tuple[int, int], subject_start: int) -> int:
    """Start of a time expression fronted before the subject ("In 2026, ", "tomorrow, "),
    or `subject_start` when there is none."""
    if st.today is None:
        return subject_start
    head = st.text[sent[0] : subject_start]
    lead = max(head.rfind(", ", 0, len(head) - 2), head.rfind(" and ", 0, len(head) - 2))
    lo = sent[0] + (lead + 2 if lead >= 0 else 0)
    if lead >= 0 and head[lead:].startswith(" and "):
        lo = sent[0] + lead + 5
    conditional = _CONDITION.match(st.text, lo, subject_start) is not None
    for due in find_dues(st.text, st.today, start=lo, end=subject_start):
        if (due.start - lo <= 3 or conditional) and st.text[due.end : subject_start].strip() in (
            ",",
            "",
        ):
            return lo  # "In 2026, ...", "if everything goes as planned tomorrow, you and I ..."
    return subject_start


_CONDITION = re.compile(r"(?:if|when|once|as soon as|after)\b", re.I)


def _triggers(st: Statement, sent: tuple[int, int], spots: list[int]) -> Iterator[re.Match[str]]:
    """The trigger matches of a sentence, the regex run only around its keywords (`spots`)."""
    last = sent[0]
    for pos in spots:
        lo = max(last, sent[0], pos - TRIGGER_REACH)
        m = _TRIGGER.search(st.text, lo, min(sent[1], pos + TRIGGER_REACH))
        while m is not None and m.end() <= pos:
            m = _TRIGGER.search(st.text, m.end(), min(sent[1], pos + TRIGGER_REACH))
        if m is not None and m.start() <= pos < m.end() + 1:
            last = m.end()
            yield m


TRIGGER_REACH = 40
"""Characters around a keyword that its trigger may span ("are to be held", "is currently
on the agenda"): the longest in the seeds and our readouts is 31."""


def _clauses(st: Statement, sent: tuple[int, int], spots: list[int]) -> Iterator[_Clause]:
    text = st.text
    if _QUESTION.search(text, sent[0], sent[1]):
        return
    taken = sent[0]
    for m in _triggers(st, sent, spots):
        if m.start() < taken:
            continue
        c_start, c_end = _clause_bounds(text, sent, m.start())
        s_start, subject = _subject(text, c_start, m.start())
        quote_at = None  # where the quote begins when not at its subject
        if (
            m.group("intent")
            and m.group("intent").lower().endswith("ing")
            and re.search(r",\s*$", text[c_start : m.start()])
        ):
            # "They discussed ..., agreeing to have their teams work": the sentence's subject
            # agrees; the quote begins at the participle.
            main = _MAIN_VERB.search(text, sent[0], m.start())
            if main is None:
                continue
            s_start, subject = sent[0], " ".join(text[sent[0] : main.start()].split())
            quote_at = m.start()
        elif not subject and re.search(r"\band\s*$", text[c_start : m.start()]):
            # "We wish them success and are ready to assist them": the subject is shared; the
            # quote is the second predicate ("... was established by X and will become ...").
            before_and = max(c_start, text.rfind(" and", c_start, m.start()))
            s_start, subject = _subject(text, c_start, before_and)
            subject = _before_verb(subject)  # "The United States stands with Ukraine and will"
            quote_at = m.start()
        elif (
            m.group("intent")
            and m.group("intent").lower().endswith("ing")
            and re.search(r"\b(?:for|after|upon)\s+$", text[c_start : m.start()], re.I)
            and in_person(text[m.end() : c_end], "")
        ):
            continue  # "thank you for agreeing to come today": the meeting, not a promise
            # ("for agreeing to send branches of universities" is one)
        if _EMBEDDED.search(text, max(sent[0], s_start - 12), s_start):
            continue  # "what we will accomplish": a clause inside another
        if _HOPE_OR_CLAIM.search(text, max(sent[0], s_start - 30), s_start):
            continue  # "I hope that today's agreements will", "by saying we will invade"
        core = re.split(r"\s(?:of|for|from|in|at|on|with)\s", subject, maxsplit=1)[0]
        head_word = core.split()[-1] if core else ""
        narration = st.turn_at(m.start()) is None
        actor_like = (
            bool(_ACTOR_NOUN.fullmatch(head_word))
            or (head_word.isupper() and len(head_word) > 1)
            or any(not p.adjective for p in st.parties_in(s_start, s_start + len(core)))
            or bool(re.search(r"\b(?:I|we)\b", subject))
            or bool(_TITLED.search(core))  # "President Biden", "the Prime Minister"
            or (narration and subject.lower() == "they")
        ) and not _FORECAST_SUBJECT.search(subject)
        if re.match(r"\w+ing\b", subject) or re.search(
            r"\b(?:not|never|n['’]t)\s*$", text[s_start : m.start()]
        ):
            continue  # "transforming X will take ...", "is not ready to"
        after = m.end()
        kind = C.PLAN
        low_subject = subject.lower()
        if m.group("will"):
            rest = text[after:c_end]
            adv = _ADVERBS.match(rest)
            verb_at = after + (adv.end() if adv else 0)
            able = re.match(
                r"\s*(?:be\s+able|have\s+(?:the\s+)?(?:opportunity|chance))\s+to\s+",
                text[verb_at:c_end],
                re.I,
            )
            if able:
                verb_at += able.end()
            verb = re.match(r"\s*(\w+)", text[verb_at:c_end])
            if verb is None:
                continue
            word = verb.group(1).lower()
            if low_subject in _NOT_SUBJECTS or not subject or subject.endswith("?"):
                continue
            if word in _NOT_ACTIONS and not _PASSIVE_OR_EVENT.match(text, verb_at, c_end):
                continue
            if word in _AGENDA_VERBS and not narration:
                continue  # "We will discuss all of this today": the talks' own agenda
            if word == "be" and not _PASSIVE_OR_EVENT.match(text, verb_at, c_end):
                continue
            if (
                word in ("start", "begin")
                and low_subject in ("i", "we")
                and re.match(r"\s*\w+\s+(?:with|by)\b", text[verb_at:c_end])
            ):
                continue  # "I will start with general things"
            if not actor_like:
                event = _PASSIVE_OR_EVENT.match(text, verb_at, c_end) or _EVENT_VERB.match(
                    text, verb_at, c_end
                )
                if not event or (_CLOSED_SUBJECT.match(subject) and not _dated(st, m.end(), c_end)):
                    continue  # "cooperation will continue to expand": a forecast
            if _SPOKEN_FUTURE.match(text[s_start : m.end()]) and word in _NOT_ACTIONS:
                continue
            if (
                re.match(r"(?:have\s+to|be\s+under)\b", text[verb_at:c_end], re.I)
                or word in _PLEDGE_VERBS
            ):
                kind = C.PLEDGE
            if re.match(r"(?:keep|continue)\b", text[after:c_end].strip(), re.I):
                kind = C.PLEDGE
            after = verb_at
        elif m.group("intent"):
            trigger = m.group("intent").lower()
            kind = _INTENT.get(trigger, C.PLAN)
            if re.match(r"(?:re)?commit|pledg", trigger):
                verb = re.match(r"\s*(\w+)", text[m.end() : c_end])
                base = re.sub(r"ing$", "", verb.group(1).lower()) if verb else ""
                if base and not {base, base + "e"} & _EFFORT_VERBS:
                    kind = C.PLAN  # "we commit to imposing restrictive measures": an action
            if (
                trigger == "committed"
                and re.search(
                    r"\b(?:is|are|am|remain|remains|be|been|stay|stays)\s+(?:\w+\s+)?$",
                    text[max(c_start, m.start() - 20) : m.start()],
                    re.I,
                )
                and not is_collective(subject)
            ):
                continue  # "X is committed to ensuring ...": a stance ("we are": a promise)
            if trigger in (
                "set",
                "ready",
                "prepared",
                "starting",
                "going",
                "scheduled",
                "resolved",
                "determined",
            ) and not re.search(
                r"\b(?:is|are|am|be|been|was|were|stand|stands|remain|remains)\s+(?:\w+\s+)?$",
                text[max(c_start, m.start() - 20) : m.start()],
                re.I,
            ):
                continue
            there = re.search(r"\bthere\s+(?:are|were)\s+$", text[c_start : m.start()], re.I)
            if trigger == "plans" and there is not None:
                s_start, subject, actor_like = c_start + there.start(), "", True
            elif trigger in ("plan", "plans") and re.search(
                r"\b(?:the|a|an|our|their|its|my|your|his|her|these|such|any|big|ambitious|new|"
                r"of|about|for|with|and)\s+$",
                text[max(c_start, m.start() - 20) : m.start()],
                re.I,
            ):
                continue  # "the big plans to change ...": a noun, not "we plan to"
            elif (
                low_subject in _NOT_SUBJECTS
                and low_subject not in ("he", "she")
                and not (low_subject == "they" and narration and kind is not C.PLAN)
            ) or not actor_like:
                continue  # "they agreed to" in a readout: the leaders it is about
        elif m.group("that"):
            if not re.search(r"\b(?:would|will|shall)\b", text[m.end() : c_end]):
                continue  # "we agree that it is impossible ...": an opinion
            said = text[m.start() : m.start("that")].strip().lower()
            # "we agreed that ...": an agreement; "it was confirmed that ... would": a plan
            kind = C.AGREEMENT_TO_ACT if said.startswith(("agree", "arrang")) else C.PLAN
        elif m.group("efforts"):
            kind = C.PLEDGE
            if not actor_like:
                s_start, subject = m.start(), "they"  # "..., and committed their full efforts"
        elif m.group("task"):
            task = m.group("task").lower()
            obj = re.match(
                r"([^.;:]{1,120}?)\s+(?:to\s+[a-z]|with\s+\w+ing\b)", text[m.end() : c_end]
            )
            if obj is None or not actor_like:
                continue
            if task == "asked" and not re.match(r"(?:their|its|our|his|her)\s", obj.group(1)):
                continue  # "I asked President Putin to ...": a request, not a commitment
            collective = is_collective(subject) or (narration and low_subject == "they")
            kind = C.AGREEMENT_TO_ACT if collective else C.PLAN
        elif m.group("now"):
            if low_subject in _NOT_SUBJECTS or not actor_like:
                continue
            if re.match(r"\s*(?:today|now|this\s+\w+)?\s*[,.;]", text[m.end() : c_end + 1]):
                continue  # "the measures we are announcing today, ...": no object, a reference
            kind = C.PLAN
        elif m.group("prep"):
            if low_subject in _NOT_SUBJECTS:
                continue  # "they are preparing for round two"
            kind = C.PLAN
        elif m.group("agenda") or m.group("tobe"):
            kind = C.PLAN
            if low_subject in _NOT_SUBJECTS:
                continue
        elif m.group("noun"):
            noun = m.group("noun").lower()
            if noun != "plans" and not re.search(
                r"\b(?:highlight|welcom|note|noted|announc|made|make|took|take|taken|adopt|"
                r"support|approv|appreciat|express|endorse)\w*\s+(?:the\s+|\w+['’]s\s+)?(?:\w+\s+)?$",
                text[max(c_start, m.start() - 40) : m.start()],
                re.I,
            ):
                continue  # "the decision to increase the wage played a role": history
            kind = {
                "agreement": C.AGREEMENT_TO_ACT,
                "commitment": C.PLEDGE,
                "readiness": C.PLEDGE,
            }.get(noun, C.PLAN)
            # The noun phrase is the quote: "the decision to establish ...".
            lead = re.search(
                r"(?:\b(?:the|our|their|its|a)\s+|\b\w+['’]s\s+)?(?:\w+\s+)?$",
                text[c_start : m.start()],
            )
            s_start = c_start + (lead.start() if lead else len(text[c_start : m.start()]))
            if noun == "plans":
                there = re.search(r"\bthere\s+(?:are|were)\s+$", text[c_start : m.start()], re.I)
                if there is None:
                    continue  # "the big plans to change ...": a topic, not a plan stated
                s_start = c_start + there.start()
            subject = text[s_start : m.start()].strip()
        elif m.group("invite"):
            if not re.match(r"[^.;]{0,80}?\bto\s+\w+", text[m.end() : c_end]):
                continue
            if low_subject not in ("i", "we") and not st.parties_in(s_start, m.start()):
                continue
            kind = C.PLAN
        if quote_at is not None:
            start = quote_at
        else:
            start = _fronted_time(st, sent, s_start) if s_start > sent[0] else s_start
        if c_end - start < 12:
            continue
        taken = c_end
        yield _Clause(
            start,
            c_end,
            subject,
            s_start,
            after,
            kind,
            event=not actor_like,
            now=bool(m.group("now")),
        )
        then = re.match(r",?\s+and\s+(then)\b", text[c_end : sent[1]])
        if then is not None:  # "... in Geneva on January 9–10 and then in Brussels on January 12"
            t_start = c_end + then.start(1)
            t_end = _clause_bounds(text, sent, t_start + 5)[1]
            if st.today is not None and find_dues(text, st.today, start=t_start, end=t_end):
                taken = t_end
                yield _Clause(t_start, t_end, subject, s_start, t_start, kind, event=not actor_like)


def _dated(st: Statement, start: int, end: int) -> bool:
    """Whether text[start:end] says when, resolvably ("this pathway will become available in
    April 2022" is scheduled; "these projects will start" may be a forecast)."""
    return st.today is not None and any(
        d.period is not None for d in find_dues(st.text, st.today, start=start, end=end)
    )


def _vague(text: str, verb_at: int, end: int) -> bool:
    """True for goodwill with nothing concrete: "continue to strengthen our friendship",
    "we will resolve them", "we will accomplish all the set tasks"."""
    rest = text[verb_at:end].strip()
    rest = re.sub(r"^(?:to\s+|be\s+able\s+to\s+)", "", rest, flags=re.I)
    if re.fullmatch(r"\w+\s+(?:it|them|this|that|so|everything|something)(?:\s+\w+)?", rest, re.I):
        return True
    if re.match(
        r"\w+\s+(?:all\s+)?(?:the\s+)?(?:set\s+)?(?:tasks|goals|objectives|problems)\b", rest, re.I
    ):
        return True
    if re.fullmatch(r"\w+\s+(?:the\s+)?following(?:\s+\w+)?", rest, re.I):
        return True  # "we commit to undertake the following measures": a list's heading
    keep = re.match(r"(?:continue|keep(?:\s+up)?)\s+", rest, re.I)
    vague = _VAGUE_OBJECT.match(rest[keep.end() :]) if keep else None
    if keep and vague and len(rest[keep.end() + vague.end() :].split()) <= 3:
        return True  # "will continue their contacts" (not "... that led to a truce in Yemen")
    m = _VAGUE_VERB.match(rest)
    if m is None:
        return False
    tail = rest[m.end() :]
    return bool(_VAGUE_OBJECT.match(tail)) or not tail.strip()


def _action(text: str, clause: _Clause) -> str:
    """A short verb phrase; for an event, what happens: "the first launch from Baiterek take
    place" reads better as "first launch from Baiterek"."""
    if clause.event and clause.subject:
        words = re.sub(r"^(?:the|a|an)\s+", "", clause.subject, flags=re.I).split()
    else:
        words = text[clause.verb_at : clause.end].split()
    return " ".join(words[:12])


def _due(
    st: Statement, sent: tuple[int, int], clause: _Clause, previous: tuple[int, int] | None
) -> Period | None:
    text = st.text
    if st.today is None:
        return None
    dues = find_dues(text, st.today, start=clause.start, end=clause.end)
    if dues:
        return first_due(dues, st.today)
    if clause.now:  # "CMS is releasing new guidance": it happens on the day it is announced
        return Period(start=st.today, end=st.today)
    # A time fronted in the sentence ("In 2025, we also plan ...; ...") or in the one before,
    # when this clause points back to it ("these significant dates").
    head = find_dues(text, st.today, start=sent[0], end=clause.start)
    if head and head[0].start - sent[0] <= 3:
        return first_due(head[:1], st.today)
    if previous is not None and _POINTS_BACK.search(text, clause.start, clause.end):
        before = find_dues(
            text, st.today, start=previous[0], end=min(previous[1], previous[0] + 40)
        )
        if before and before[0].start - previous[0] <= 3:
            return first_due(before[:1], st.today)
    return None


def find_commitments(st: Statement) -> list[Commitment]:
    """Every commitment the statement makes, in order."""
    text = st.text
    found: list[Commitment] = []
    targets = [c.span.start for c in st.claims if c.modality is Modality.TARGET]
    for i, spots in st.sentences_with(TRIGGER_WORDS).items():
        sent = st.sentences[i]
        previous = st.sentences[i - 1] if i > 0 else None
        for clause in _clauses(st, sent, spots):
            if clause.kind is not C.AGREEMENT_TO_ACT and _vague(text, clause.verb_at, clause.end):
                continue
            kind = clause.kind
            if kind is not C.AGREEMENT_TO_ACT and (
                _TARGET.search(text, clause.verb_at, clause.end)
                or any(clause.start <= t < clause.end for t in targets)
            ):
                kind = C.TARGET
            found.append(
                Commitment(
                    quote=text[clause.start : clause.end],
                    span=Span(start=clause.start, end=clause.end),
                    speaker=st.speaker_at(clause.start),
                    sentence=Span(start=sent[0], end=sent[1]),
                    extractor=EXTRACTOR,
                    actor=commitment_actor(
                        st,
                        start=clause.start,
                        end=clause.end,
                        subject=clause.subject,
                        subject_start=clause.subject_start,
                        verb_at=clause.verb_at,
                        event=clause.event,
                        sentence_start=sent[0],
                    ),
                    action=_action(text, clause),
                    kind=kind,
                    due=_due(st, sent, clause, previous),
                )
            )
    return found
