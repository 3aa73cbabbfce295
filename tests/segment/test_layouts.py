"""Which lines open a turn, and which only look like they might."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


# Flattened transcripts: the paragraph breaks were lost, labels stand inside the line.
FLAT = (
    "Talks with the President of Freedonia.*** President of Russia Vladimir Putin: Good "
    "afternoon. We agree on one point: trade must grow. As Minister Ivan Petrov said: it grew. "
    "Thank you. President of Freedonia Rufus Firefly: Thank you. Mr. Trentino: no. Question: "
    "What next? Rufus Firefly: Growth… Vladimir Putin: Indeed."
)


def test_layouts_inline_labels_after_sentence_ends() -> None:
    found = [(lab.label, lab.kind) for lab in find_labels(FLAT)]
    assert found == [
        ("President of Russia Vladimir Putin", SPEAKER),
        ("President of Freedonia Rufus Firefly", SPEAKER),
        ("Mr. Trentino", SPEAKER),  # the full stop after "Mr" ends no sentence
        ("Question", QUESTION),
        ("Rufus Firefly", SPEAKER),
        ("Vladimir Putin", SPEAKER),
    ]
    first = find_labels(FLAT)[0]
    assert FLAT[first.speech :].startswith("Good afternoon.")


@pytest.mark.parametrize(
    ("text", "label", "speech"),
    [
        (  # the site's name tooltip leaks in after the label, glued to the role
            "Thank you. Prime Minister of Freedonia Rufus Firefly Firefly RufusPrime Minister "
            "of Freedonia(retranslated): Thank you.",
            "Prime Minister of Freedonia Rufus Firefly",
            "Thank you.",
        ),
        (
            "Welcome! Defence Minister Ivan Petrov Petrov IvanDefence Minister : We are ready.",
            "Defence Minister Ivan Petrov",
            "We are ready.",
        ),
        (  # the tooltip spells the first name its own way
            "Thank you. Bank Chairman Petr Ivanov Ivanov PyotrBank Chairman: We grew.",
            "Bank Chairman Petr Ivanov",
            "We grew.",
        ),
        (  # a heading ends in the label: its capitalised tail is the speaker
            "*** Beginning of Freedonian-Sylvanian talks President of Sylvania Ambassador "
            "Trentino Pinto(retranslated): We regard this as a good sign.",
            "President of Sylvania Ambassador Trentino Pinto",
            "We regard this as a good sign.",
        ),
    ],
    ids=["tooltip", "tooltip-space", "tooltip-spelling", "heading"],
)
def test_layouts_inline_label_forms(text: str, label: str, speech: str) -> None:
    (found,) = find_labels(text)
    assert found.label == label
    assert text[found.speech :] == speech


@pytest.mark.parametrize(
    "text",
    [
        "We discussed one thing: the railway. And another: the port.",
        "He said: We will see. They came … Then: nothing.",
        "I spoke with President Rufus Firefly: he agreed.",  # no sentence end before the name
        "It was 18:15. Note: the meeting ended.",
        "Thank you. Mr President: we are grateful.",  # a form of address, no name
        "Thank you. Visit to Peter the Great: a ship.",
        "Trump asked the famous\nquestion: Are you better off?",  # a wrapped line, not a label
    ],
)
def test_layouts_ordinary_colons_open_no_turn(text: str) -> None:
    assert find_labels(text) == []


@pytest.mark.parametrize(
    "label",
    [
        "HISTORIC LAUNCH TO LOWER DRUG PRICES FOR AMERICAN PATIENTS",
        "ACHIEVING RECIPROCAL TRADE",
        "DELIVERING FOR THE AMERICAN PEOPLE",
        "Briefly on Burma",
        "NOMINATIONS SENT TO THE SENATE",
    ],
)
def test_layouts_headlines_are_no_speakers(label: str) -> None:
    assert classify(label) is None


@pytest.mark.parametrize(
    "label",
    [
        "SENIOR ADMINISTRATION OFFICIAL",
        "AUDIENCE MEMBER",
        "THE FIRST LADY",
        "ACTING ADMINISTRATOR SLAVITT",
        "Владимир Путин",
        "Luiz Inácio Lula da Silva",
    ],
)
def test_layouts_role_and_long_name_labels_are_speakers(label: str) -> None:
    assert classify(label) is SPEAKER


@given(st.text(alphabet=st.sampled_from(list("Aa Bb: .!?*…\n()Mr-")), max_size=300))
def test_layouts_arbitrary_text_never_crashes(text: str) -> None:
    labels = find_labels(text)
    assert all(0 <= lab.start < lab.speech <= len(text) for lab in labels)
    assert [lab.start for lab in labels] == sorted(lab.start for lab in labels)


def test_layouts_title_with_lower_case_words_needs_the_name_confirmed() -> None:
    body = "Please, Mr Petrov. Captain of the Freedonia ferry Ivan Petrov: All is ready."
    assert find_labels(body) == []  # alone, it may be a sentence
    confirmed = body + " Vladimir Putin: Good. Ivan Petrov: Thank you."
    assert [lab.label for lab in find_labels(confirmed)] == [
        "Captain of the Freedonia ferry Ivan Petrov",
        "Vladimir Putin",
        "Ivan Petrov",
    ]
