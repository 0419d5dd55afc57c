from multilateral.model.names import normalize


def test_spelling_case_accents_and_a_leading_the_do_not_matter() -> None:
    assert normalize("Shanghai Cooperation Organization") == normalize(
        "the Shanghai Cooperation Organisation")
    assert normalize("Côte d'Ivoire") == normalize("cote divoire")
    assert normalize("Food & Agriculture") == normalize("food and agriculture")


def test_different_names_stay_different() -> None:
    assert normalize("Shanghai Five") != normalize("Shanghai Cooperation Organisation")
