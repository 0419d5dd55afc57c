"""Regional and club tables by hand (issue 12): each member count on a recent date equals
the count the organization itself (or its presidency) publishes."""

import pytest

from multilateral.errors import OutOfExistence
from multilateral.kb import KnowledgeBase


def ids(standings: list, status: str | None = None) -> set[str]:
    return {st.subject.id for st in standings if status is None or st.status == status}


def test_g7_seven_states_with_the_eu_beside_them_and_russia_suspended(kb: KnowledgeBase) -> None:
    # Seven countries, the EU taking part: https://www.g7hiroshima.go.jp/en/summit/about/faq/
    result = kb.members("G7", on="2025-06-01")
    assert result.counts["member"] == 7
    assert ids(result.certain, "partner") == {"EU"}
    assert ids(result.certain, "suspended") == {"RUS"}
    assert "RUS" in ids(kb.members("G7", on="2010-01-01").certain, "member")
    assert "CAN" not in ids(kb.members("G7", on="1976-01-01").certain)


def test_gcc_six_founders(kb: KnowledgeBase) -> None:
    # Six states since the Charter of 25 May 1981: http://fgccc.org/en/?page_id=3727
    result = kb.members("GCC", on="2025-06-01")
    assert result.counts == {"member": 6} and not result.uncertain
    assert ids(result.certain) == {"ARE", "BHR", "SAU", "OMN", "QAT", "KWT"}


def test_opec_twelve_after_angola_left(kb: KnowledgeBase) -> None:
    # 13 members before Angola's exit from 1 Jan 2024 (so 12 after):
    # https://energynewsafrica.com/angola-africas-second-largest-oil-producer-angola-quits-opec
    result = kb.members("OPEC", on="2025-06-01")
    assert result.counts["member"] == 12
    assert not {"AGO", "QAT", "ECU"} & ids(result.certain)
    assert ids(result.certain, "suspended") == {"IDN"}
    assert "AGO" in ids(kb.members("OPEC", on="2023-12-31").certain, "member")
    assert "GAB" not in ids(kb.members("OPEC", on="2005-01-01").certain)


def test_cplp_nine_with_guinea_bissau_back(kb: KnowledgeBase) -> None:
    # Nine states since Equatorial Guinea joined at Dili on 23 Jul 2014:
    # http://www.cecplp.org/guineacute-equatorial-jaacute-eacute-membro-de-pleno-direito-da-cplp.html
    assert kb.organization("CPLP").id == "CPSC"
    result = kb.members("CPLP", on="2025-12-31")
    # 19 associate observers before Luanda, 13 more there (17 Jul 2021):
    # https://www.rtp.pt/noticias/mundo/cimeira-aprova-13-paises-e-organizacoes-como-observadores-associados_n1336199
    # then Paraguay (2023) and Australia (2025): 34.
    assert result.counts == {"member": 9, "observer": 34} and not result.uncertain
    # Suspended 2012-2014: never a certain member then (COW, coded member, disagrees).
    assert "GNB" not in ids(kb.members("CPLP", on="2013-06-01").certain, "member")
    assert "GNB" in ids(kb.members("CPLP", on="2015-01-01").certain, "member")
    assert "GNQ" in ids(kb.members("CPLP", on="2010-01-01").certain, "observer")


def test_mercosur_five_parties_venezuela_suspended_seven_associates(kb: KnowledgeBase) -> None:
    # Five full members with Bolivia, Venezuela suspended:
    # https://sonoticiasonline.com.br/bolivia-e-incorporada-formalmente-como-membro-do-mercosul
    # Panama the seventh associate: https://elpoder.com.py/mundo/2024/12/06/panama-se-convirtio-en-estado-asociado-del-mercosur
    result = kb.members("Mercosur", on="2025-06-01")
    assert result.counts == {"member": 5, "suspended": 1, "associate": 7}
    assert ids(result.certain, "suspended") == {"VEN"}
    assert "BOL" in ids(kb.members("Mercosur", on="2024-01-01").certain, "associate")
    assert "PRY" not in ids(kb.members("Mercosur", on="2013-01-01").certain, "member")


def test_ecowas_twelve_after_the_sahel_states_left(kb: KnowledgeBase) -> None:
    # Fifteen until Burkina Faso, Mali and Niger ceased to be members on 29 Jan 2025:
    # https://allafrica.com/stories/202412160050.html (and https://reliefweb.int/organization/ecowas)
    result = kb.members("ECOWAS", on="2025-12-31")
    assert result.counts == {"member": 10, "suspended": 2}
    assert ids(result.certain, "suspended") == {"GIN", "GNB"}
    assert not {"BFA", "MLI", "NER", "MRT"} & ids(result.certain + result.uncertain)
    before = kb.members("ECOWAS", on="2024-06-01")
    assert ids(before.certain, "suspended") == {"BFA", "MLI", "NER", "GIN"}
    assert "MLI" in ids(kb.members("ECOWAS", on="2021-01-01").certain, "member")


def test_sadc_sixteen_with_comoros(kb: KnowledgeBase) -> None:
    # Ten founders, then six joiners up to Comoros (2017):
    # https://www.sadc.int/document/compendium-sadc-investment-projects
    result = kb.members("SADC", on="2025-06-01")
    assert result.counts == {"member": 16} and not result.uncertain
    assert ids(kb.members("SADC", on="2010-06-01").certain, "suspended") == {"MDG"}
    assert "SYC" not in ids(kb.members("SADC", on="2006-01-01").certain)


def test_arab_league_22_with_syria_back(kb: KnowledgeBase) -> None:
    # 22 member states: https://en.wikipedia.org/wiki/Member_states_of_the_Arab_League
    assert kb.organization("Arab League").id == "LOAS"
    result = kb.members("Arab League", on="2025-06-01")
    assert result.counts == {"member": 22} and not result.uncertain
    assert ids(kb.members("LOAS", on="2015-01-01").certain, "suspended") == {"SYR"}
    assert ids(kb.members("LOAS", on="1985-01-01").certain, "suspended") == {"EGY"}
    assert "SYR" in ids(kb.members("LOAS", on="2023-05-07").certain, "member")


def test_apec_21_economies(kb: KnowledgeBase) -> None:
    # 21 member economies: http://www.international.gc.ca/apec/map-carte.aspx?view=d&lang=eng
    result = kb.members("APEC", on="2025-06-01")
    assert result.counts == {"member": 21} and not result.uncertain
    assert {"HKG", "TWN"} <= ids(result.certain, "member")
    assert not {"RUS", "PER", "VNM"} & ids(kb.members("APEC", on="1998-06-01").certain)


def test_celac_33_with_brazil_back(kb: KnowledgeBase) -> None:
    # 33 members again after Brazil's return: https://www.brasil247.com/americalatina/brasil-formaliza-volta-a-celac
    assert kb.organization("Community of Latin American and Caribbean States").id == "CELAC"
    result = kb.members("CELAC", on="2025-06-01")
    assert result.counts == {"member": 33} and not result.uncertain
    assert ids(kb.members("CELAC", on="2021-06-01").certain, "suspended") == {"BRA"}
    with pytest.raises(OutOfExistence):
        kb.members("CELAC", on="2011-06-01")


def test_oas_34_after_nicaragua_left(kb: KnowledgeBase) -> None:
    # 35 member states, 34 active (Cuba not taking part): https://acij-ioj.org.jm/1706-2/
    # less Nicaragua from 19 Nov 2023: https://news-pravda.com/world/2023/11/20/191554.html
    result = kb.members("OAS", on="2025-06-01")
    assert result.counts == {"member": 34}
    assert "NIC" not in ids(result.certain + result.uncertain)
    assert ids(kb.members("OAS", on="1970-06-01").certain, "suspended") == {"CUB"}
    assert ids(kb.members("OAS", on="2010-06-01").certain, "suspended") == {"HND"}
