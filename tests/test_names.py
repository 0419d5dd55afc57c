import pytest

from multilateral.kb import KnowledgeBase
from multilateral.model.names import normalize


def test_spelling_case_accents_and_a_leading_the_do_not_matter() -> None:
    assert normalize("Shanghai Cooperation Organization") == normalize(
        "the Shanghai Cooperation Organisation")
    assert normalize("Côte d'Ivoire") == normalize("cote divoire")
    assert normalize("Food & Agriculture") == normalize("food and agriculture")


def test_different_names_stay_different() -> None:
    assert normalize("Shanghai Five") != normalize("Shanghai Cooperation Organisation")


@pytest.mark.parametrize(("name", "org_id"), [
    ("Organisation for Economic Co-operation and Development", "OECD"),
    ("Organization for Economic Co-operation and Development", "OECD"),
    ("Organization of African Unity", "OAU"),
    ("Organisation of African Unity", "OAU"),
    ("Organization for African Unity", "OAU"),  # COW's spelling still resolves
    ("Organization of American States", "OAS"),
    ("Pan American Union", "OAS"),
    ("Organización de los Estados Americanos", "OAS"),
    ("Pacific Islands Forum", "PIF"),
    ("South Pacific Forum", "PIF"),
])
def test_official_former_and_common_names_resolve(kb: KnowledgeBase, name: str,
                                                  org_id: str) -> None:
    assert kb.organization(name).id == org_id


def test_an_organization_shows_its_current_name(kb: KnowledgeBase) -> None:
    assert kb.organization("OAS").name == "Organization of American States"
    assert kb.organization("OAU").name == "Organization of African Unity"
    assert kb.organization("OECD").name == \
        "Organisation for Economic Co-operation and Development"
    assert kb.organization("PIF").name == "Pacific Islands Forum"
    names = {n["name"]: n["kind"] for n in kb.org("OAS").names}
    assert names["Pan American Union"] == "former"


def test_predecessor_states_resolve_by_their_common_names(kb: KnowledgeBase) -> None:
    assert kb.state("Soviet Union").id == "OWID_USS"
    assert kb.state("Federal Republic of Yugoslavia").id == "OWID_SRM"
    assert kb.state("German Democratic Republic").id == "OWID_GDR"


def test_cow_names_are_cleaned_of_their_encoding_and_their_cut_ends(kb: KnowledgeBase) -> None:
    assert kb.organization("IRENA").name == "International Renewable Energy Agency"
    assert kb.organization("CEMAC").name.startswith("Communauté économique et monétaire")
    assert kb.organization("PED").name == "Pôle européen de développement"
    icao = {n["name"] for n in kb.org("ICAO").names}
    assert not any(name.endswith("for Ai") for name in icao)
    names = [ref.name for ref, _ in kb.find("", "organization", 5000)]
    assert len(names) > 500
    assert not [n for n in names if any("\x80" <= ch <= "\x9f" or ch == "Ê" for ch in n)]
