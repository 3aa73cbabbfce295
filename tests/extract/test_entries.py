"""What both entry recognisers read: the body, its sentences, the document's parties."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.entries import read_statement
from communique.models import Description

FEB_2022 = date(2022, 2, 26)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "We, the leaders of France, Germany, Italy and Canada, condemn the attack.",
            ("CA", "DE", "FR", "IT"),
        ),
        (
            "We, the Foreign Ministers of Japan and the United States, met in Tokyo today.",
            ("JP", "US"),
        ),
        # One country is no list of signatories: the description's parties stand.
        ("We, the representatives of Italy, welcome the talks.", ("RU", "UA")),
    ],
)
def test_entries_parties_of_a_joint_statement_are_its_signatories(
    text: str, parties: tuple[str, ...]
) -> None:
    description = Description(date=FEB_2022, countries=("RU", "UA"))
    assert read_statement(text, [], description).parties == parties


def test_entries_read_the_body_from_where_describe_says_it_begins() -> None:
    text = "Joint Statement on Measures\nThe leaders will meet again in May. They agreed to act.\n"
    body = text.index("The leaders")
    statement = read_statement(text, [], Description(date=FEB_2022, body_start=body))
    first, _ = statement.sentences[0]
    assert first == body
