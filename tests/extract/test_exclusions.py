"""Numbers that are no quantity, in sentences of our own: every figure asserted is the one
meant, and every reference number is left alone."""

import pytest

from communique.extract.quantities import find_mentions


def _quotes(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_mentions(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The rule (84 Fed. Reg. 12345) covers 40 ports.", ["40"]),
        ("Under Pub. L. 117-58 we built 300 bridges.", ["300"]),
        ("Section 232 tariffs cover 25 percent of steel.", ["25 percent"]),
        ("Payments under 42 U.S.C. 1395 reach $5 billion.", ["$5 billion"]),
        ("Executive Order 14208 protects 12 species.", ["12"]),
        ("H.R. 772 and S. 160 fund 30 clinics.", ["30"]),
        ("See 48 CFR 552.238-118 for 7 rules.", ["7"]),
        ("Media contact: (202) 456-2580, 15 staff.", ["15"]),
        ("The call began at 9:30 a.m. with 20 ministers.", ["20"]),
        ("1. The sides agreed on 40 projects.", ["40"]),
        ("Resolution 2202 was backed by 15 members.", ["15"]),
        ("The 18th Forum of Regions drew 900 guests.", ["900"]),
        ("See https://example.org/q?x=30%25%2020% for 8 charts.", ["8"]),
    ],
)
def test_exclusions_citations_and_furniture_are_no_figures(text: str, figures: list[str]) -> None:
    assert _quotes(text) == figures


@pytest.mark.parametrize(
    "header",
    [
        "26 General Assembly – Forty-eighth session",
        "08-53122 16",
        "20/23 15-29595",
        "A/70/PV.28 03/10/2015",
    ],
)
def test_exclusions_running_headers_of_un_records(header: str) -> None:
    text = f"We have trained 400 nurses in the \n{header}\nprovinces and built 12 clinics."
    assert _quotes(text) == ["400", "12"]


@pytest.mark.parametrize(
    "text",
    [
        "Emissions fell below 2005 levels.",
        "In 2020 elections were held.",
        "We mark the seventy fifth anniversary.",
        "It saw a four-fold increase and a three-pronged approach.",
    ],
)
def test_exclusions_years_ordinals_and_multipliers_count_nothing(text: str) -> None:
    assert [m for m in find_mentions(text, 0, len(text)) if m.unit == "count"] == []
