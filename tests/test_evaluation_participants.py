"""How the participants evaluation compares a gold actor code with dossier's."""

from __future__ import annotations

from evaluation.participants_eval import same_code, same_country, without_region

from dossier.record import ActorRef


def actor(cameo: str | None, country: str | None = None) -> ActorRef:
    return ActorRef(name="x", text="x", cameo=cameo, country=country)


def test_a_region_block_inside_an_organisation_code_is_left_out() -> None:
    assert without_region("IGOEUREEC") == "IGOEEC"
    assert without_region("IGOUNOKID") == "IGOUNOKID"  # UNO is no region
    assert without_region("EURGOV") == "EURGOV"  # only inside organisation codes


def test_country_of_a_state_actor_and_of_an_organisation() -> None:
    assert same_country("PAK", actor("PAKMIL", "PAK"))
    assert not same_country("PAK", actor("IND", "IND"))
    assert same_country("IGOEEC", actor("IGOEUREEC"))
    assert same_country("NGO", actor("NGOHRW"))  # a generic gold code: any of its kind
    assert not same_country("PAK", actor(None))


def test_full_code_is_country_and_primary_role() -> None:
    assert same_code("PAKMIL", actor("PAKMILSPY", "PAK"))
    assert not same_code("PAKMIL", actor("PAKGOV", "PAK"))
    assert not same_code("CAN", actor("CANGOV", "CAN"))  # the state as a whole
    assert same_code("IMG", actor("IMGMUSISI"))
