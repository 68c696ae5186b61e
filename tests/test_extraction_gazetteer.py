from meetings.extraction import gazetteer as G
from meetings.extraction import organisations as O
from meetings.extraction.names import fold, initials, same_person


def codes(text):
    return [(f.text, f.value) for f in G.find_countries(text)]


def test_countries_by_name_adjective_and_longest_match():
    assert codes("South Korea and North Korea") == [("South Korea", "KR"), ("North Korea", "KP")]
    assert codes("the Russian Foreign Minister met U.S. officials") == [("Russian", "RU"), ("U.S.", "US")]
    assert codes("Viet Nam, Türkiye and the Lao PDR") == [("Viet Nam", "VN"), ("Türkiye", "TR"), ("Lao PDR", "LA")]


def test_regions_and_territories_are_not_countries():
    assert codes("Central Asian states and Latin America") == []
    assert codes("Taiwan and Hong Kong") == []


def test_named_organisations_with_continuations_and_acronyms():
    found = {(f.kind, f.value) for f in O.find_organisations(
        "Gao, a scholar with the Polish Academy of Regional Studies, and the Lisbon Policy Institute (LPI) "
        "said the Ministry of Foreign Affairs and Maritime Cooperation and the Chilean foreign ministry agreed."
    )}
    assert ("org", "Polish Academy of Regional Studies") in found
    assert ("org", "Lisbon Policy Institute") in found and ("acronym", "Lisbon Policy Institute") in found
    assert ("org", "Ministry of Foreign Affairs and Maritime Cooperation") in found
    assert ("org", "Chilean foreign ministry") in found


def test_known_international_bodies_by_acronym():
    found = [(f.text, f.value) for f in O.find_organisations("the SCO and Nato met the IAEA")]
    assert found == [("SCO", "Shanghai Cooperation Organization"), ("Nato", "North Atlantic Treaty Organization"),
                     ("IAEA", "International Atomic Energy Agency")]


def test_treaties_and_initiatives_are_not_organisations():
    assert O.find_organisations("the Belt and Road Initiative and the Xi'an Declaration") == ()


def test_outlet_countries():
    assert G.outlet_country("Xinhua") == "CN"
    assert G.outlet_country("Ministry of Foreign Affairs of Peru") == "PE"


def test_name_comparison():
    assert fold("Bùi Thanh Sơn") == "bui thanh son"
    assert same_person("WANG Yi", "Wang Yi")
    assert same_person("Faisal bin Farhan", "Faisal bin Farhan bin Abdullah")
    assert not same_person("Wang Yi", "Wang Wenbin")
    assert initials("Mohammed bin Salman") == "MBS"


def test_documents_states_and_party_organs_are_not_separate_organisations():
    found = {f.value for f in O.find_organisations(
        "the United Nations Framework Convention on Climate Change, the Russian Federation, the Communist Party of "
        "China (CPC) Central Military Commission, the 13th CPV National Congress and the Special Envoy of the "
        "European Union for Human Rights"
    )}
    assert found == {"Communist Party of Vietnam", "Communist Party of China", "European Union"}


def test_large_cities_come_from_geonames_and_towns_need_their_country():
    from meetings.extraction import countries as C

    assert C.city_country("Lima") == "PE"  # a capital
    assert C.city_country("Guadalajara") == "MX"  # a large city, in no hand-made list
    # A town is known only where the text names its country: many towns share a name.
    assert C.city_country("Cholpon-Ata") is None
    assert C.city_country("Cholpon-Ata", {"KG"}) == "KG"


def test_a_town_is_a_meetings_place_when_the_sentence_puts_it_there():
    from tests.extraction_helpers import run

    result = run("Kyrgyz Foreign Minister Aibek Orozov met Kazakh Foreign Minister Serik Nurlanov in the resort "
                 "town of Cholpon-Ata, Kyrgyzstan, on Saturday.")
    (meeting,) = result["meetings"]
    assert meeting["place"] == "Cholpon-Ata" and meeting["country"] == "KG"


def test_organisation_names_listing_a_portfolio_with_commas():
    from meetings.extraction.organisations import find_organisations

    text = "She met officials of the Ministry of Energy, Mines and Water of Bolivia on Friday."
    assert [f.value for f in find_organisations(text)] == ["Ministry of Energy, Mines and Water of Bolivia"]


def test_communities_and_forums_are_organisations_but_buildings_and_governments_are_not():
    from tests.extraction_helpers import run

    result = run(
        "Leaders of the Andean Trade Community met at the New Congress Building in Lima on Friday, and the "
        "Government of Peru said the Pacific Rim Forum would meet next.\n\n"
        "President Ana Soto of Peru met President Luis Vera of Bolivia there."
    )
    names = [o["name"] for o in result["organisations"]]
    assert "Andean Trade Community" in names and "Pacific Rim Forum" in names
    assert not any("Congress" in n or "Government" in n for n in names)


def test_a_country_name_that_is_also_its_adjective_is_an_adjective_before_a_noun():
    kinds = lambda text: [(f.text, f.kind) for f in G.find_countries(text)]
    assert kinds("The Lao side and Myanmar officials agreed.") == [("Lao", "adjective"), ("Myanmar", "adjective")]
    assert kinds("She flew to Myanmar and then to New Zealand.") == [("Myanmar", "country"), ("New Zealand", "country")]
    assert kinds("a visit to Lao PDR") == [("Lao PDR", "country")]


def test_a_treaty_or_islands_inside_a_name_are_part_of_it():
    found = [f.value for f in O.find_organisations(
        "envoys of the Andean Cooperation Treaty Organization and the Coral Islands Forum met")]
    assert found == ["Andean Cooperation Treaty Organization", "Coral Islands Forum"]


def test_two_countries_joined_by_a_hyphen_are_both_named():
    found = [f.value for f in G.find_countries("Ministers praised the U.S.-Mexico border deal and the Chile-Peru talks.")]
    assert found == ["US", "MX", "CL", "PE"]


def test_a_country_qualifying_a_word_by_hyphen_is_not_named():
    assert [f.value for f in G.find_countries("An Oman-based firm and a Norway-born envoy spoke.")] == []


def test_two_bodies_joined_by_and_are_two():
    found = [f.value for f in O.find_organisations("Officials of the Ministry of Trade and Industry and of Chile's "
                                                    "Ministry of Energy and the Department of State and Ministry "
                                                    "of Finance attended.")]
    assert found == ["Ministry of Trade and Industry", "Chile's Ministry of Energy", "Department of State",
                     "Ministry of Finance"]
