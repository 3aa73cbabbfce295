import importlib.util
from pathlib import Path

import pytest

from communique.extract.countries import country_in_label, find_countries, guess_parties

ROOT = Path(__file__).resolve().parents[2]


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
        # Every country: ISO names (pycountry), demonyms (countryinfo), possessives.
        (
            "Israel and Jordan, the Philippines, Bangladeshi firms and Iraq’s grid",
            [("IL", False), ("JO", False), ("PH", False), ("BD", True), ("IQ", True)],
        ),
        ("the Republic of Korea and Viet Nam", [("KR", False), ("VN", False)]),
        # A longer name wins; an ISO name that is mostly a US state's is none.
        ("Nigeria, Nigerien, Niger; New Jersey", [("NG", False), ("NE", True), ("NE", False)]),
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


def test_countries_demonyms_file_is_what_countryinfo_gives() -> None:
    spec = importlib.util.spec_from_file_location(
        "demonyms_script", ROOT / "scripts" / "derive_demonyms.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.OUT.read_text(encoding="utf-8") == script.derive()


def test_countries_guess_parties_are_named_not_only_modifiers() -> None:
    text = (
        "The U.S. and Mexico. The U.S. and Mexico again. The Indian Reorganization Act, Indian "
        "Tribes. Peru, named once."
    )
    assert guess_parties(find_countries(text)) == ("US", "MX")
