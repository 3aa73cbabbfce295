import pytest

from communique.extract.countries import country_in_label, find_countries


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


@pytest.mark.parametrize(
    ("label", "code"),
    [("President of Russia Vladimir Putin", "RU"), ("Foreign Secretary David Lammy", None)],
)
def test_countries_country_in_label(label: str, code: str | None) -> None:
    assert country_in_label(label) == code
