import pytest

from communique.extract.tokens import lemma_forms, noun_lemma, verb_stem


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["implement", "implementing", "implemented", "implements"], "implement"),
        (["plan", "planned", "planning", "plans"], "plan"),
        (["decide", "decided", "deciding"], "decid"),
        (["commit", "committed"], "commit"),
        (["is", "are", "was", "been"], "be"),
    ],
)
def test_tokens_verb_stem_agrees_across_inflections(forms: list[str], stem: str) -> None:
    assert {verb_stem(f) for f in forms} == {stem}


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("companies", "company"),
        ("branches", "branch"),
        ("businesses", "business"),
        ("projects", "project"),
        ("people", "people"),
        ("doses", "dose"),
    ],
)
def test_tokens_noun_lemma_singularises(plural: str, singular: str) -> None:
    assert noun_lemma(plural) == singular


def test_tokens_lemma_forms_cover_noun_and_verb_readings() -> None:
    assert {"plan", "decid", "decide"} <= lemma_forms(["plan", "decide"])
