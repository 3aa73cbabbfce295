import pytest

from communique.extract.countries import country_in_label, find_countries, guess_parties


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Russian investment in Kazakhstan's economy", [("RU", True), ("KZ", True)]),
        ("trade between the EU and India", [("EU", False), ("IN", False)]),
        ("exceeded US$21 billion", []),
        (
            "the Russian Federation and the People's Republic of China",
            [("RU", False), ("CN", False)],
        ),
    ],
)
def test_countries_find_countries_names_and_demonyms(
    text: str, found: list[tuple[str, bool]]
) -> None:
    assert [(m.code, m.adjective) for m in find_countries(text)] == found


def test_countries_guess_parties_takes_the_two_most_named() -> None:
    text = "Russia and Kazakhstan. Kazakhstan and Russia. Kazakhstan. China."
    assert guess_parties(find_countries(text)) == ("KZ", "RU")


@pytest.mark.parametrize(
    ("label", "code"),
    [("President of Russia Vladimir Putin", "RU"), ("Foreign Secretary David Lammy", None)],
)
def test_countries_country_in_label(label: str, code: str | None) -> None:
    assert country_in_label(label) == code
