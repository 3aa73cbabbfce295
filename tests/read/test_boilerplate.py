"""Page furniture is dropped; prose that merely resembles it is kept."""

from __future__ import annotations

import hashlib

import pytest

from communique.read.sources import document_from_text

BODY = "Vladimir Putin: Trade grew by 10 percent."
CAPTION = "With President of Kazakhstan Kassym-Jomart Tokayev. Photo: Sergey Guneev, RIA Novosti"
TITLE = "Mishustin's meeting with Tokayev today"
CURLY = TITLE.replace("'", "’")
DISTRIBUTED = "11/28/2022 | Press release | Distributed by Public on 11/29/2022 12:22"


def _text(original: str) -> str:
    return document_from_text(original, source="t.txt", fmt="text").text


@pytest.mark.parametrize(
    ("with_", "without"),
    [
        (f"Talks\n6 of 6\n{BODY}", f"Talks\n{BODY}"),
        (
            f"Talks\n{CAPTION}\n{BODY}",
            f"Talks\n{BODY}",
        ),
        (f"Talks\nPhoto: Press service of the President\n{BODY}", f"Talks\n{BODY}"),
        (
            f"{BODY}\nSee also\nMeeting with President Tokayev\nFebruary 10, 2022\nWe agreed.",
            f"{BODY}\nWe agreed.",
        ),
        (
            f"{BODY}\nAdditional\nTalks with President of France\nFebruary 7, 2022\nWe agreed.",
            f"{BODY}\nWe agreed.",
        ),
        (f"{BODY}\nRelated\nJoint statement on energy\nWe agreed.", f"{BODY}\nWe agreed."),
        (f"Talks\nShare\nPrint version\n{BODY}", f"Talks\n{BODY}"),
        (
            f"{BODY}\nGeography\nKazakhstan\nTopics\nForeign policy\n"
            "Persons\nTokayev Kassym-Jomart\n"
            "Publication status\nPublished in sections: News, Transcripts\n"
            "Publication date: February 10, 2022, 18:15\nText version",
            BODY,
        ),
        (
            f"{BODY}\n\n**Publication status**\n\nPublished in sections: News, Transcripts  \n"
            "Direct link: [en.kremlin.ru/d/75684](https://en.kremlin.ru/d/75684)\n\n---",
            BODY,
        ),
        (
            f"{DISTRIBUTED}\n{BODY}",
            f"11/28/2022 | Press release\n{BODY}",
        ),
        (
            f"{TITLE}\n28 November 2022\n\n{CURLY}\n\n28 November 2022\n{BODY}",
            f"{TITLE}\n28 November 2022\n\n{BODY}",
        ),
        (f"{BODY}\nTags: trade, Kazakhstan", BODY),
    ],
)
def test_boilerplate_snippet(with_: str, without: str) -> None:
    assert _text(with_) == without


@pytest.mark.parametrize(
    "prose",
    [
        "We signed 6 of the 10 agreements.\nThank you.",
        "See also the joint statement, which we adopted today.\nThank you.",
        "Topics we discussed include trade and energy.\nThank you.",
        "Thank you.\nThank you.\nThank you.",
        f"{BODY}\nThank you very much\nQuestion: More?\nThank you very much",
        "Q: Thank you all\nQ: Thank you all",
        f"{BODY}\n{BODY}",
        "The photo: a symbol of our friendship, as we said then.\nThank you.",
    ],
)
def test_boilerplate_keeps_prose(prose: str) -> None:
    assert _text(prose) == prose


def test_boilerplate_offsets_survive_dropped_lines() -> None:
    original = f"Talks\n6 of 6\nPhoto: A. B., TASS\n{BODY}\nShare"
    raw = document_from_text(original, source="t.txt", fmt="text")
    start = raw.text.index("Trade")
    assert original[raw.offset_map[start] : raw.offset_map[start] + 5] == "Trade"
    assert raw.content_hash == hashlib.sha256(raw.text.encode()).hexdigest()
