"""Which lines open a turn, and which only look like they might."""

from __future__ import annotations

import pytest

from communique.segment.layouts import LabelKind, classify, find_labels

SPEAKER, QUESTION, ANSWER = LabelKind.SPEAKER, LabelKind.QUESTION, LabelKind.ANSWER


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("President of Russia Vladimir Putin", SPEAKER),
        ("Vladimir Putin", SPEAKER),
        ("PRESIDENT PUTIN", SPEAKER),
        ("MR. LAVROV", SPEAKER),
        ("First Deputy Prime Minister Denis Manturov", SPEAKER),
        ("President Abdel Fattah al-Sisi", SPEAKER),
        ("Sergey Lavrov (retranslated)", SPEAKER),
        ("Moderator", SPEAKER),
        ("Q", QUESTION),
        ("Question", QUESTION),
        ("QUESTION", QUESTION),
        ("A", ANSWER),
        ("Note", None),
        ("Example", None),
        ("Thank you", None),
        ("There is one point", None),
        ("Published in sections", None),
        ("Joint Statement", None),
        ("(Addressing media representatives.)", None),
        ("18", None),
        ("Excerpts from the transcript", None),
        ("Opening Remarks", None),
        ("Fact Sheet", None),
        ("FACT SHEET", None),
        ("Background Brief", None),
        ("Russian Federation", None),
        ("Moscow", None),
        ("Reuters", QUESTION),
        ("CCTV", QUESTION),
        ("Journalist (Interfax)", QUESTION),
    ],
)
def test_layouts_classify(label: str, kind: LabelKind | None) -> None:
    assert classify(label) == kind


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Vladimir Putin: Hello.\nQ: Why?", ["Vladimir Putin", "Q"]),
        ("Name Surname\n: Hello.", ["Name Surname"]),
        ("Q. Why?\nQ    And then?", ["Q", "Q"]),
        ("We said: yes.\nIt was 18:15 then.", []),
        ("John Smith:\nHello on the next line.", ["John Smith"]),
    ],
)
def test_layouts_find_labels(text: str, labels: list[str]) -> None:
    assert [lab.label for lab in find_labels(text)] == labels


def test_layouts_speech_starts_after_label() -> None:
    (label,) = find_labels("Intro line.\nJohn Smith: Hello.")
    assert label.speech == len("Intro line.\nJohn Smith: ")
