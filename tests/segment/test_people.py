"""PersonRegistry.resolve: titles, honorifics, capitals, initials, accents, namesakes."""

from __future__ import annotations

import pytest

from communique.models import Person
from communique.segment import PersonRegistry
from communique.segment.people import split_label


@pytest.fixture(scope="module")
def registry() -> PersonRegistry:
    return PersonRegistry.default()


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("President of Russia Vladimir Putin", "Vladimir Putin"),
        ("Vladimir Putin", "Vladimir Putin"),
        ("President Putin", "Vladimir Putin"),
        ("Mr Putin", "Vladimir Putin"),
        ("PRESIDENT PUTIN", "Vladimir Putin"),
        ("Putin V.", "Vladimir Putin"),
        ("V. Putin", "Vladimir Putin"),
        ("President of the Republic of Kazakhstan Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
        ("President Tokayev", "Kassym-Jomart Tokayev"),
        ("Kassym Jomart Tokayev", "Kassym-Jomart Tokayev"),
        ("Minister of Foreign Affairs of the Russian Federation Sergey Lavrov", "Sergey Lavrov"),
        ("MR. LAVROV", "Sergey Lavrov"),
        ("Sergei Viktorovich Lavrov", "Sergey Lavrov"),
        ("H.E. Mr Shavkat Mirziyoyev", "Shavkat Mirziyoyev"),
        ("President Xi", "Xi Jinping"),
        ("Prime Minister Viktor Orban", "Viktor Orbán"),
        ("ERDOGAN", "Recep Tayyip Erdoğan"),
        ("President von der Leyen", "Ursula von der Leyen"),
        ("President Berdimuhamedov", "Serdar Berdimuhamedov"),
        ("Chairman of the Halk Maslahaty Berdimuhamedov", "Gurbanguly Berdimuhamedov"),
    ],
)
def test_people_resolve_known(registry: PersonRegistry, label: str, name: str) -> None:
    person = registry.resolve(label)
    assert person is not None and person.name == name


@pytest.mark.parametrize(
    "label",
    ["Berdimuhamedov", "John Smith", "Moderator", "Question", "", "Mr Wang", "Wang Wenbin"],
)
def test_people_resolve_unknown_or_ambiguous(registry: PersonRegistry, label: str) -> None:
    assert registry.resolve(label) is None


@pytest.mark.parametrize(
    ("label", "name", "role", "country"),
    [
        ("President of Kazakhstan John Smith", "John Smith", "President of Kazakhstan", "KZ"),
        ("Russian Foreign Minister Lavrov", "Lavrov", "Russian Foreign Minister", "RU"),
        ("Chairman of Gazprom Alexei Miller", "Alexei Miller", "Chairman of Gazprom", None),
        ("Ms. Jane Doe", "Jane Doe", None, None),
        ("Jane Doe (via interpreter)", "Jane Doe", None, None),
    ],
)
def test_people_split_label(label: str, name: str, role: str | None, country: str | None) -> None:
    parts = split_label(label)
    assert (parts.name, parts.role, parts.country) == (name, role, country)


def test_people_registry_from_own_people() -> None:
    registry = PersonRegistry([Person(name="Ana Pérez", country="ES", aliases=("Ana Perez Gil",))])
    found = registry.resolve("Minister ANA PEREZ")
    assert found is not None and found.country == "ES"
    assert registry.resolve("Ana Perez Gil") == found


def test_people_default_registry_is_well_formed(registry: PersonRegistry) -> None:
    names = [p.name for p in registry.people]
    assert len(names) == len(set(names)) >= 40
    assert all(p.country and len(p.country) == 2 and p.roles for p in registry.people)
