"""Agreements: which document nouns name a document, and the name, kind, status, date and
parties read from the words around them."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.agreements import find_agreements
from communique.extract.entries import read_statement
from communique.models import AgreementKind, AgreementStatus, Description

TODAY = date(2024, 11, 27)
BILATERAL = Description(date=TODAY, countries=("RU", "KZ"))


def _found(text: str, description: Description = BILATERAL) -> list[tuple[str, str, str]]:
    statement = read_statement(text, [], description)
    return [(a.name, a.kind.value, a.status.value) for a in find_agreements(statement)]


@pytest.mark.parametrize(
    ("text", "name", "kind", "status"),
    [
        # A title in capitals, with its year range, after a verb that adopts it.
        (
            "We have adopted the Joint Action Plan for 2024–2026 today.",
            "Joint Action Plan for 2024–2026",
            AgreementKind.PLAN,
            AgreementStatus.ADOPTED,
        ),
        # A description: modifiers and a chain of prepositional phrases.
        (
            "Today, we signed an intergovernmental agreement on opening a branch of Omsk "
            "State University in Kostanay.",
            "intergovernmental agreement on opening a branch of Omsk State University in Kostanay",
            AgreementKind.AGREEMENT,
            AgreementStatus.SIGNED,
        ),
        # A bare noun named by its participle.
        (
            "This principle was enshrined in the declaration signed following the 2010 OSCE "
            "Summit in Astana.",
            "declaration signed following the 2010 OSCE Summit in Astana",
            AgreementKind.DECLARATION,
            AgreementStatus.SIGNED,
        ),
        (
            "We have a comprehensive cooperation programme until 2025.",
            "comprehensive cooperation programme until 2025",
            AgreementKind.PROGRAMME,
            AgreementStatus.IN_FORCE,
        ),
        (
            "The parties are negotiating a treaty on the delimitation of the Caspian shelf.",
            "treaty on the delimitation of the Caspian shelf",
            AgreementKind.TREATY,
            AgreementStatus.NEGOTIATING,
        ),
        (
            "The ministers will sign a memorandum of understanding on energy efficiency.",
            "memorandum of understanding on energy efficiency",
            AgreementKind.MEMORANDUM,
            AgreementStatus.PLANNED,
        ),
        (
            "The leaders recalled UN Security Council Resolution 2231.",
            "UN Security Council Resolution 2231",
            AgreementKind.OTHER,
            AgreementStatus.MENTIONED,
        ),
        (
            "The Road Map we have just signed sets out the steps.",
            "Road Map",
            AgreementKind.ROADMAP,
            AgreementStatus.SIGNED,
        ),
        (
            "The Joint Comprehensive Plan of Action on the Iranian nuclear programme was "
            "discussed.",
            "Joint Comprehensive Plan of Action",
            AgreementKind.PLAN,
            AgreementStatus.MENTIONED,
        ),
        # A title with a serial comma, inside a framework for it.
        (
            "Both sides have agreed to a Framework for an Agreement on Reciprocal, Fair, and "
            "Balanced Trade (Agreement).",
            "Agreement on Reciprocal, Fair, and Balanced Trade",
            AgreementKind.AGREEMENT,
            AgreementStatus.NEGOTIATING,
        ),
        # "between A and B": both sides belong to the name, in capitals or not.
        (
            "He detailed the Russian drafts of the Treaty between the Russian Federation and "
            "the member states of the North Atlantic Treaty Organisation.",
            "Treaty between the Russian Federation and the member states of the North Atlantic "
            "Treaty Organisation",
            AgreementKind.TREATY,
            AgreementStatus.NEGOTIATING,
        ),
        (
            "The leaders discussed a strategic framework agreement between the UAE and the "
            "United States.",
            "strategic framework agreement between the UAE and the United States",
            AgreementKind.AGREEMENT,
            AgreementStatus.NEGOTIATING,
        ),
        # "cooperation in ...": the field belongs to the name.
        (
            "They signed an agreement on cooperation in anti-monopoly legislation and "
            "competitive policy.",
            "agreement on cooperation in anti-monopoly legislation and competitive policy",
            AgreementKind.AGREEMENT,
            AgreementStatus.SIGNED,
        ),
        # A phrase whose noun is cut off ends before it.
        (
            "They noted the energy arrangement between Israel and Jordan with Emirati and "
            "American backing.",
            "energy arrangement between Israel and Jordan",
            AgreementKind.OTHER,
            AgreementStatus.MENTIONED,
        ),
    ],
)
def test_agreements_name_kind_and_status(
    text: str, name: str, kind: AgreementKind, status: AgreementStatus
) -> None:
    assert _found(text) == [(name, kind.value, status.value)]


@pytest.mark.parametrize(
    "text",
    [
        "We reached agreement on all the main issues.",  # consensus, not a document
        "We appreciate Kazakhstan's agreement to be the partner country this year.",
        "We plan to open three schools.",  # an intention
        "We have ambitious plans for 2025 and beyond.",
        "There are agreements between us.",  # says nothing about which
        "He dislikes something about fundamental agreements.",
        "The Collective Security Treaty Organisation met in Moscow.",  # the noun only modifies
        "I read the statement of the ministry.",  # a statement is not a joint one
        "The framework of the visit was agreed.",
        "Many programs for women entrepreneurs exist.",
        "The President welcomes the agreement by Congress on the bill.",  # which, unnamed
    ],
)
def test_agreements_ignore_nouns_that_name_no_document(text: str) -> None:
    assert _found(text) == []


def test_agreements_date_parties_and_repeated_mentions() -> None:
    text = (
        "You have signed the Joint Declaration on the 30th Anniversary of Diplomatic "
        "Relations. Later the Joint Declaration was published. The Agreement on the "
        "Kazakhstani-Russian State Border was signed in 2005."
    )
    found = find_agreements(read_statement(text, [], BILATERAL))
    assert [(a.name, a.mentions, a.date, a.parties) for a in found] == [
        (
            "Joint Declaration on the 30th Anniversary of Diplomatic Relations",
            2,
            TODAY,
            ("KZ", "RU"),
        ),
        ("Agreement on the Kazakhstani-Russian State Border", 1, None, ("KZ", "RU")),
    ]
    assert text[found[0].span.start : found[0].span.end] == found[0].quote


@pytest.mark.parametrize(
    ("text", "name", "kind", "status"),
    [
        # What was agreed names an agreement that a verb carries out or reaches; being
        # carried out, it is in force.
        (
            "They discussed the implementation of the agreement to launch negotiations on "
            "security guarantees, reached during the videoconference.",
            "agreement to launch negotiations on security guarantees",
            AgreementKind.AGREEMENT,
            AgreementStatus.IN_FORCE,
        ),
        (
            "They hailed the agreement to launch negotiations on security guarantees, reached in "
            "June.",
            "agreement to launch negotiations on security guarantees",
            AgreementKind.AGREEMENT,
            AgreementStatus.ADOPTED,
        ),
        # Teams tasked with negotiating it: planned; a launch: in force.
        (
            "The leaders tasked their teams with the negotiation of a framework agreement.",
            "framework agreement",
            AgreementKind.AGREEMENT,
            AgreementStatus.PLANNED,
        ),
        (
            "They noted the launch of the energy arrangement between Israel and Jordan.",
            "energy arrangement between Israel and Jordan",
            AgreementKind.OTHER,
            AgreementStatus.IN_FORCE,
        ),
        # Discussing something else that the agreement brings is no negotiation of it.
        (
            "They discussed the importance of assuring that the benefits of the Abraham Accords "
            "reach everyone.",
            "Abraham Accords",
            AgreementKind.AGREEMENT,
            AgreementStatus.MENTIONED,
        ),
        # A joint document in capitals, with its lower-case modifier.
        (
            "We also adopted a trilateral Statement, which says that conditions are needed.",
            "trilateral Statement",
            AgreementKind.STATEMENT,
            AgreementStatus.ADOPTED,
        ),
        # A counted set of documents that a verb prepares or adopts.
        (
            "Our colleagues prepared 28 good programmes.",
            "28 good programmes",
            AgreementKind.PROGRAMME,
            AgreementStatus.ADOPTED,
        ),
        # A concept or doctrine in capitals, adopted.
        (
            "We adopted the Migration Policy Concept.",
            "Migration Policy Concept",
            AgreementKind.OTHER,
            AgreementStatus.ADOPTED,
        ),
        # A plural title of a kind, named by its participle and the list after it.
        (
            "He welcomed its recent Free Trade Agreements signed with Israel, India, and "
            "Indonesia as well as new investments.",
            "Free Trade Agreements signed with Israel, India, and Indonesia",
            AgreementKind.AGREEMENT,
            AgreementStatus.SIGNED,
        ),
        # A treaty known by its name alone (data/agreements.toml), wrapped over a line.
        (
            "They discussed both countries' willingness to extend New\nSTART for five years.",
            "New START",
            AgreementKind.TREATY,
            AgreementStatus.IN_FORCE,
        ),
    ],
)
def test_agreements_constructions_of_readouts_and_talks(
    text: str, name: str, kind: AgreementKind, status: AgreementStatus
) -> None:
    assert _found(text) == [(name, kind.value, status.value)]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and China are parties to international treaties.",  # which, unnamed
        "The concept of the forum was discussed.",  # a concept in lower case is an idea
        "We signed agreements to cooperate.",  # unnamed, not carried out or reached
    ],
)
def test_agreements_ignore_more_nouns_that_name_no_document(text: str) -> None:
    assert _found(text) == []


def test_agreements_a_new_document_of_a_name_already_mentioned() -> None:
    text = (
        "A year has passed since the trilateral Statement put an end to the war. Today we "
        "also adopted a trilateral Statement. As has been said, we signed a Statement on "
        "the results. They prepared 28 good programmes. We updated these 28 programmes."
    )
    found = find_agreements(read_statement(text, [], BILATERAL))
    assert [(a.name, a.mentions, a.status.value, a.date) for a in found] == [
        ("trilateral Statement", 1, "in_force", None),  # what it did: it took effect
        ("trilateral Statement", 2, "signed", TODAY),
        ("28 good programmes", 2, "adopted", None),
    ]


def test_agreements_simple_past_after_an_earlier_time_is_not_today() -> None:
    text = "Last year was productive. We adopted the Military Doctrine."
    found = find_agreements(read_statement(text, [], BILATERAL))
    assert [(a.name, a.date) for a in found] == [("Military Doctrine", None)]
    text = "We adopted the Military Doctrine."
    found = find_agreements(read_statement(text, [], BILATERAL))
    assert [(a.name, a.date) for a in found] == [("Military Doctrine", TODAY)]


def test_agreements_a_document_named_inside_another_is_one_too() -> None:
    text = "They adopted a joint statement on the completion of a roadmap for trade in goods."
    assert [name for name, _, _ in _found(text)] == [
        "joint statement on the completion of a roadmap for trade in goods",
        "roadmap for trade in goods",
    ]


def test_agreements_date_a_signing_on_a_given_day() -> None:
    text = "The Memorandum on Trade was signed on 13 April 2023 in Astana."
    found = find_agreements(read_statement(text, [], BILATERAL))
    assert [(a.status, a.date) for a in found] == [(AgreementStatus.SIGNED, date(2023, 4, 13))]


def test_agreements_in_force_dated_by_the_day_it_was_reached() -> None:
    text = (
        "The conversation focused on the implementation of the agreement to launch "
        "negotiations on security guarantees, reached during the December 7 videoconference."
    )
    statement = read_statement(text, [], Description(date=date(2021, 12, 31)))
    found = find_agreements(statement)
    assert [(a.status.value, a.date) for a in found] == [("in_force", date(2021, 12, 7))]


def test_agreements_signed_with_others_are_also_their_owners() -> None:
    text = (
        "He welcomed the UAE’s initiatives, including its recent Free Trade Agreements signed "
        "with Israel, India, and Indonesia."
    )
    found = find_agreements(read_statement(text, [], Description(date=date(2022, 7, 15))))
    assert [a.parties for a in found] == [("AE", "ID", "IL", "IN")]
