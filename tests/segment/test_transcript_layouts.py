"""Speaker sequences of short transcripts in the layouts real archives use, read as a user's
file would be (front matter, header, body), described and then segmented."""

from __future__ import annotations

import pytest

from communique.models import QUESTION
from communique.pipeline import default_registry, describe_and_segment
from communique.read.sources import document_from_text

Q = QUESTION


def _speakers(body: str, *, date: str, title: str = "Press Briefing") -> list[str]:
    url = "https://www.whitehouse.gov/briefing-room/"  # whose "THE PRESIDENT" it is
    markdown = f"---\ntitle: {title}\ndate: '{date}'\nsource_url: {url}\n---\n\n{body}"
    raw = document_from_text(markdown, source="t.md", fmt="markdown")
    _, parts = describe_and_segment(raw, default_registry())
    return [turn.speaker for turn in parts.turns]


# (case, document date, title, body, speakers in order)
CASES = [
    (
        # Surname labels whose full names the text never gives: the registry's officials.
        "surnames-from-the-registry",
        "2021-03-19",
        "Press Briefing by the COVID-19 Response Team",
        "MR. ZIENTS:  Good morning. Dr. Walensky will start.\n\n"
        "DR. WALENSKY:  Thank you, Jeff. Cases are down.\n\n"
        "DR. FAUCI:  Thank you, Dr. Walensky. One slide.\n\n"
        "Q    A question for Dr. Fauci?\n\n"
        "DR. FAUCI:  Yes.",
        ["Jeff Zients", "Rochelle Walensky", "Anthony Fauci", Q, "Anthony Fauci"],
    ),
    (
        # Namesakes told apart by the document's date and title: not the Vice President of
        # 2001-2009, and "THE VICE PRESIDENT" is then the one of the date.
        "namesakes-by-date",
        "2024-10-21",
        "Remarks by Vice President Harris and Liz Cheney at a Campaign Event",
        "MS. CHENEY:  Thank you all.\n\nTHE VICE PRESIDENT:  Thank you, Liz.",
        ["Liz Cheney", "Kamala Harris"],
    ),
    (
        "namesakes-by-date-without-the-title",
        "2022-06-09",
        "Remarks at a Hearing",
        "MS. CHENEY:  The committee will come to order.",
        ["Liz Cheney"],
    ),
    (
        # The document's own full mention wins over a namesake the registry knows.
        "surname-named-in-the-text",
        "2024-07-10",
        "Background Press Call",
        "MODERATOR:  We have Deputy Adviser Priya Singh with us.\n\n"
        "MR. SINGH:  Thanks. Two points.\n\nQ    Why now?\n\nMR. SINGH:  Because.",
        ["Moderator", "Priya Singh", Q, "Priya Singh"],
    ),
    (
        # A surname of two words after a bare title: the full name given earlier.
        "two-word-surname-from-an-earlier-mention",
        "2022-11-03",
        "Remarks at a Rally",
        "THE PRESIDENT:  Let me bring up Governor Anna Smith Jones.\n\n"
        "GOVERNOR SMITH JONES:  Hello, everyone.\n\nTHE PRESIDENT:  Thank you.",
        ["Joe Biden", "Anna Smith Jones", "Joe Biden"],
    ),
    (
        # ... or the registry's surname of two words, when the text gives no full name.
        "two-word-surname-from-the-registry",
        "2022-11-03",
        "Remarks at a Rally",
        "THE PRESIDENT:  Here is the boss.\n\nGOVERNOR LUJAN GRISHAM:  Hey, New Mexico.",
        ["Joe Biden", "Michelle Lujan Grisham"],
    ),
    (
        # A plural title before the surnames is no first name.
        "doctors-is-no-first-name",
        "2021-08-24",
        "Press Briefing",
        "MR. ZIENTS:  You will hear from Doctors Walensky and Fauci.\n\nDR. WALENSKY:  Thank you.",
        ["Jeff Zients", "Rochelle Walensky"],
    ),
    (
        # A surname wrapped to a line start, then a colon, is inside a sentence.
        "wrapped-surname-is-no-label",
        "2021-03-19",
        "Press Briefing",
        "DR. FAUCI:  Thank you very much, Dr. Walensky. As you heard from Dr.\n"
        "Walensky: the importance of vaccination. So, one slide.\n\nQ    Thanks.",
        ["Anthony Fauci", Q],
    ),
    (
        # A moderator handed over to by first name: the one press officer of that name, in
        # every turn of the transcript, before the hand-over too.
        "moderator-addressed-by-first-name",
        "2021-03-19",
        "Press Briefing by the COVID-19 Response Team",
        "MODERATOR:  First question.\n\nQ    Why?\n\nMR. ZIENTS:  Because.\n\n"
        "Kevin, one more question.\n\nMODERATOR:  Last one.\n\nQ    When?",
        ["Kevin Munoz", Q, "Jeff Zients", "Kevin Munoz", Q],
    ),
    (
        # A first name nobody in a press role has: the role label stays as it is.
        "moderator-unknown-first-name",
        "2021-03-19",
        "Background Press Call",
        "MODERATOR:  First question.\n\nQ    Why?\n\nMR. ZIENTS:  Because. Over to you, "
        "Marge.\n\nMODERATOR:  Last one.",
        ["Moderator", Q, "Jeff Zients", "Moderator"],
    ),
    (
        # A title, then a name written surname first ("President Yoon Suk Yeol").
        "surname-first-name-after-the-title",
        "2022-05-21",
        "Remarks by President Biden and President Yoon Suk Yeol of the Republic of Korea",
        "PRESIDENT YOON:  Mr. President, welcome.\n\nPRESIDENT BIDEN:  Thank you.",
        ["Yoon Suk Yeol", "Joe Biden"],
    ),
    (
        # "Q" and a question holding a colon is a question, not a speaker called "Q And to ...".
        "question-line-with-a-colon",
        "2022-02-07",
        "Remarks by President Biden and Chancellor Scholz at Press Conference",
        "PRESIDENT BIDEN:  Welcome.\n\nQ    And to Chancellor Scholz: will you?\n\n"
        "CHANCELLOR SCHOLZ:  Yes.",
        ["Joe Biden", Q, "Olaf Scholz"],
    ),
    (
        # A turn that is only a stage direction still is that speaker's turn.
        "inaudible-turn",
        "2024-01-30",
        "Press Gaggle by Principal Deputy Press Secretary Olivia Dalton",
        "MS. DALTON:  Good afternoon.\n\nQ    Any comment on the report?\n\n"
        "MS. DALTON:  (Inaudible.)\n\nQ    There is a report — any comment?\n\n"
        "MS. DALTON:  We have seen it.\n\nQ    Okay. Great.\n\n12:29 P.M. EST",
        ["Olivia Dalton", Q, "Olivia Dalton", Q, "Olivia Dalton", Q],
    ),
]


@pytest.mark.parametrize(
    ("date", "title", "body", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_transcript_layouts_speakers(date: str, title: str, body: str, expected: list[str]) -> None:
    assert _speakers(body, date=date, title=title) == expected


def test_transcript_layouts_remark_from_the_floor_is_a_question() -> None:
    """kremlin.ru's flattened text: an unnamed "Remark:" from the floor is a journalist's."""
    body = (
        "News conference\n\nPresident of Russia Vladimir Putin: Welcome. Question: Two parts? "
        "Vladimir Putin: What was the second part? Remark: Troops. Vladimir Putin: I see."
    )
    raw = document_from_text(body, source="k.txt", fmt="text")
    _, parts = describe_and_segment(raw, default_registry())
    assert [t.speaker for t in parts.turns] == [
        "Vladimir Putin",
        Q,
        "Vladimir Putin",
        Q,
        "Vladimir Putin",
    ]
    assert parts.turns[3].span.slice(raw.text) == "Troops."


def _segment(text: str, *, fmt: str = "markdown") -> tuple[str, list[tuple[str, str]], list[str]]:
    """(normalised text, [(voice kind, speaker)], turn speakers) of a file's text."""
    raw = document_from_text(text, source="t.md" if fmt == "markdown" else "t.txt", fmt=fmt)
    _, parts = describe_and_segment(raw, default_registry())
    voices = [(v.kind.value, v.speaker) for v in parts.voices]
    return raw.text, voices, [t.speaker for t in parts.turns]


ROUNDUP = """---
title: "WHAT THEY ARE SAYING: Leaders Applaud the New Apprenticeship Plan"
date: '2023-04-20'
---

Leaders from across the country praised the plan. *See below for what they are saying:*

**Minnesota Senator Anna Berg:** “The plan will train 40,000 workers in our state
alone.” \\[Tweet, 4/20/23\\]

**Carl Moss, President, Builders Alliance of Ohio:** “This is the largest
investment in apprenticeships in a generation, $2 billion.”
\\[Statement, 4/20/23\\]

**Democratic Women’s Caucus**: “Half of the new places will go to women.”
\\[Tweet, 4/20/23\\]

**Committee Chair, Montana Senator Jon
Tester**: “GOOD NEWS: 12 new training centres for Montana.” \\[Tweet, 4/20/23\\]
"""


def test_transcript_layouts_roundup_quotes_its_sources_in_no_turn() -> None:
    """A round-up of what people said is no transcript: each quotation is its source's voice
    (a person's name, or an organisation as written), and the page has no turns."""
    text, voices, turns = _segment(ROUNDUP)
    assert turns == []
    assert [speaker for kind, speaker in voices if kind == "quoted"] == [
        "Anna Berg",
        "Carl Moss",
        "Democratic Women’s Caucus",
        "Jon Tester",
    ]
    raw = document_from_text(ROUNDUP, source="t.md", fmt="markdown")
    _, parts = describe_and_segment(raw, default_registry())
    speakers = parts.speakers
    assert speakers.at(text.index("40,000")) == "Anna Berg"
    assert speakers.at(text.index("$2 billion")) == "Carl Moss"
    assert speakers.at(text.index("Half of")) == "Democratic Women’s Caucus"
    assert speakers.at(text.index("praised")) == ""  # the page's own narration


def test_transcript_layouts_organisations_head_items_but_speak_no_turn() -> None:
    """A fact sheet's run-in heads that name organisations are no speakers."""
    text = (
        "---\ntitle: 'FACT SHEET: Law Schools Answer the Call to Action'\ndate: '2022-01-28'\n"
        "---\n\n**Rutgers University Law School:** *Dedicated $2 Million to an Eviction "
        "Initiative.* Students served over 350 households.\n\n**Atlanta Area Law Schools**: "
        "*Over 300 Law Students Provided Pro Bono Support.* They helped 90 families.\n"
    )
    assert _segment(text)[2] == []


WRAPPED = """---
title: Remarks by President Biden on Apprenticeships
date: '2023-04-20'
source_url: https://www.whitehouse.gov/briefing-room/
---

THE PRESIDENT:  Thank you.  This morning I met with the Secretary of
State Antony Blinken: we agreed on the plan, and it is a good plan for
workers, for families, for the country, and for every state in the
Union.  That is why we are here, and why we will not stop until it is
done, and why I asked the Congress to fund it this year, not next year,
not the year after that, but now, because the workers of this country
cannot wait any longer for the training they were promised years ago.

Q    Mr. President, when?

THE PRESIDENT:  Soon.
"""


def test_transcript_layouts_wrapped_line_before_a_colon_is_no_label() -> None:
    assert _segment(WRAPPED)[2] == ["Joe Biden", Q, "Joe Biden"]


def test_transcript_layouts_line_per_paragraph_keeps_a_label_after_a_caption() -> None:
    """Text with one line per paragraph is not hard-wrapped: a caption without a full stop
    before a label does not hide it."""
    text = (
        "Talks with the President of Kazakhstan\n\n"
        "With President of Kazakhstan Kassym-Jomart Tokayev. Photo: A. Photographer, Agency\n"
        "President of Russia Vladimir Putin: Mr President, colleagues, welcome.\n"
        "President of Kazakhstan Kassym-Jomart Tokayev: Thank you.\n"
    )
    assert _segment(text, fmt="text")[2] == ["Vladimir Putin", "Kassym-Jomart Tokayev"]
