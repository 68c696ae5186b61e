"""Attendance constructions and the other participant shapes: sentences we wrote."""
import pytest

from meetings.extraction.attendance import CONSTRUCTIONS
from tests.extraction_helpers import meetings, run, speakers

pytestmark = pytest.mark.slow

# Articles in these tests are published on Monday 2024-03-11.


def test_every_construction_names_the_shape_it_reads():
    assert all(c.name and c.example and callable(c.read) for c in CONSTRUCTIONS)
    assert len({c.name for c in CONSTRUCTIONS}) == len(CONSTRUCTIONS)


def test_accompanied_by_joins_the_meeting_of_the_person_accompanied():
    result = run(
        "Kenyan Foreign Minister Alfred Otieno called on President Maria Santos at the presidential palace in "
        "Lisbon on Friday.\n\n"
        "Otieno was accompanied by Ambassador Ruth Wanjiru and Trade Secretary Peter Kamau."
    )
    assert meetings(result) == [
        ("held", "bilateral", "2024-03-08", ["Alfred Otieno", "Maria Santos", "Peter Kamau", "Ruth Wanjiru"])]


def test_in_attendance_lists_every_person_named():
    result = run(
        "Foreign Minister Lena Berg received the Special Envoy of Chile, Ambassador Tomas Vidal, on Friday.\n\n"
        "In attendance on the host side were the Permanent Secretary, Mr Olav Lunde; and the Director of "
        "Protocol, Ms Ingrid Haug."
    )
    ((status, kind, date, people),) = meetings(result)
    assert people == ["Ingrid Haug", "Lena Berg", "Olav Lunde", "Tomas Vidal"]
    assert "Protocol" not in [p["name"] for p in result["people"]]


def test_a_delegation_led_by_someone_is_that_person():
    result = run("A trade delegation from Ghana led by Minister Kofi Mensah called on Vice President Ana Duarte "
                 "in Brasilia on Thursday.")
    assert meetings(result) == [("held", "bilateral", "2024-03-07", ["Ana Duarte", "Kofi Mensah"])]


def test_a_courtesy_call_is_met_in_person():
    result = run("Ambassador Lucia Ferri paid a courtesy call on Foreign Minister Jonas Lind in Oslo on Friday.")
    assert [m["kind"] for m in result["meetings"]] == ["bilateral"]


def test_slated_to_meet_is_planned():
    result = run("Turkish President Kemal Arslan is slated to meet Azerbaijani President Elnur Mammadov in Baku "
                 "on Friday.")
    assert meetings(result) == [("planned", "bilateral", "2024-03-15", ["Elnur Mammadov", "Kemal Arslan"])]


def test_a_city_name_can_be_a_surname():
    result = run("Peru's foreign minister, Carla Lima, met Japanese Foreign Minister Taro Ito in Tokyo on Friday.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Carla Lima", "Taro Ito"])]


def test_joining_alongside_someone_takes_both():
    result = run("Mexican President Carlos Ruiz joined the summit by video link on Friday, alongside Chilean "
                 "President Ana Soto.")
    assert sorted(result["meetings"][0]["participants"]) == ["Ana Soto", "Carlos Ruiz"]


def test_both_ministers_speak_one_statement_each():
    result = run(
        "Foreign Minister Ana Ruiz of Spain met Foreign Minister Marco Bell of Italy in Rome on Friday.\n\n"
        "Both ministers expressed their support for a swift conclusion of the trade talks."
    )
    assert sorted(speakers(result)) == ["Ana Ruiz", "Marco Bell"]


def test_what_the_sides_agreed_is_not_a_statement():
    result = run(
        "Foreign Minister Ana Ruiz of Spain met Foreign Minister Marco Bell of Italy in Rome on Friday.\n\n"
        "The two ministers agreed to hold regular consultations."
    )
    assert speakers(result) == []


def test_a_month_is_not_a_day():
    result = run("Foreign Minister Ana Ruiz last met Foreign Minister Marco Bell in Rome in October 2023.")
    (meeting,) = result["meetings"]
    assert meeting["date"] is None and meeting["date_precision"] == "month"


def test_a_full_stop_after_an_honorific_does_not_end_the_sentence():
    result = run("Fiji's Prime Minister Hon. Sitiveni Rabuka and Australia's Foreign Minister Rt Hon. Mary Evans held "
                 "a virtual meeting by video conference on Friday.")
    assert meetings(result) == [("held", "call", "2024-03-08", ["Mary Evans", "Sitiveni Rabuka"])]


def test_a_name_after_its_country_is_a_person_without_a_title():
    result = run("Ghana's Samuel Okoro and Kenya's David Mwangi held talks in Accra on Friday.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["David Mwangi", "Samuel Okoro"])]
    assert {p["name"]: p["country"] for p in result["people"]} == {"Samuel Okoro": "GH", "David Mwangi": "KE"}


def test_a_surname_told_before_the_full_name_is_that_person():
    result = run(
        "15:10 - Haddad's motorcade reaches the palace, where the president receives him.\n\n"
        "09:00 - Welcome to our coverage of the visit of Jordanian Foreign Minister Omar Haddad, who meets "
        "Cypriot Foreign Minister Elena Nikolaou in Nicosia today."
    )
    assert "Haddad" in next(p for p in result["people"] if p["name"] == "Omar Haddad")["aliases"]


def test_the_two_presidents_before_any_meeting_are_the_last_two_named():
    result = run(
        "At the invitation of H.E. Lee Min-ho, President of the Republic of Korea, H.E. Ana Ruiz, President of "
        "the Republic of Peru, was in Korea on 7 and 8 March 2024. The two Presidents held "
        "summit talks in Seoul on 7 March."
    )
    assert meetings(result) == [("held", "bilateral", "2024-03-07", ["Ana Ruiz", "Lee Min-ho"])]


def test_a_possessive_office_then_a_comma_names_the_person():
    result = run("UN Secretary-General Ana Berg held talks with Azerbaijan's Minister for Foreign Affairs and "
                 "Regional Cooperation, Elchin Mammadli, in Baku on Friday.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Ana Berg", "Elchin Mammadli"])]
    person = next(p for p in result["people"] if p["name"] == "Elchin Mammadli")
    assert person["country"] == "AZ" and person["role"].startswith("Minister for Foreign Affairs")


def test_a_gathering_told_without_names_takes_those_who_attended():
    result = run("Leaders of the East African bloc met in Arusha on Friday for their annual summit. Kenyan "
                 "President Amani Otieno, Tanzanian President Neema Mushi and Ugandan President Okello Oyite attended.")
    assert meetings(result) == [("held", "multilateral", "2024-03-08", ["Amani Otieno", "Neema Mushi", "Okello Oyite"])]


def test_a_summit_that_brought_people_together():
    result = run("The summit in Luanda on Friday brought together Angolan President Paulo Neto, Congolese President "
                 "Jean Mbala and Rwandan President Eric Habimana.")
    ((status, kind, date, people),) = meetings(result)
    assert (status, kind, date) == ("held", "multilateral", "2024-03-08")
    assert people == ["Eric Habimana", "Jean Mbala", "Paulo Neto"]


def test_among_those_at_the_talks():
    result = run("Among those at the talks in Geneva on Friday were US envoy Mark Hale, Russian Deputy Foreign "
                 "Minister Pavel Orlov and UN envoy Ana Berg.")
    assert meetings(result) == [("held", "multilateral", "2024-03-08", ["Ana Berg", "Mark Hale", "Pavel Orlov"])]


def test_people_at_a_meeting_joined_by_others():
    result = run("President Maria Lopes received Argentine President Diego Ferraro in Brasilia on Friday. The two "
                 "leaders were joined by Foreign Minister Celso Amaral.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Celso Amaral", "Diego Ferraro", "Maria Lopes"])]


def test_discussed_with_someone_is_a_meeting_and_discussed_alone_is_not():
    result = run("German Foreign Minister Anna Weber discussed the crisis with her French counterpart Louis Martin on "
                 "the phone on Friday.\n\nWeber discussed trade at a press conference.")
    assert meetings(result) == [("held", "call", "2024-03-08", ["Anna Weber", "Louis Martin"])]


def test_welcoming_leaders_to_a_summit_but_not_an_opportunity():
    result = run("Saudi Crown Prince Faisal Al Saud welcomed leaders including Syrian President Omar Khalil and "
                 "Sudanese President Idris Nour to the summit in Jeddah on Friday.")
    assert [sorted(m["participants"]) for m in result["meetings"]] == [["Faisal Al Saud", "Idris Nour", "Omar Khalil"]]
    result = run("Foreign Minister Lina Haddad welcomed the opportunity to deepen ties with Sudanese President "
                 "Idris Nour and Syrian President Omar Khalil.")
    assert result["meetings"] == []


def test_taking_part_in_the_meeting_told_before():
    result = run("Foreign Minister Ana Ruiz of Chile held a working lunch with Foreign Minister Marco Bell of Italy "
                 "in Santiago on Friday.\n\nDeputy Foreign Minister Carlos Vega of Chile also took part in the exchange.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Ana Ruiz", "Carlos Vega", "Marco Bell"])]


def test_a_call_received_from_someone():
    result = run("President Omar Khalil received a phone call on Friday from French President Louis Martin.")
    assert meetings(result) == [("held", "call", "2024-03-08", ["Louis Martin", "Omar Khalil"])]


def test_an_outlet_in_the_dateline_is_not_a_person():
    result = run("Havana, Mar 8 (Caribe Noticias) Cuban Foreign Minister Bruno Diaz received his Mexican counterpart, "
                 "Foreign Secretary Alicia Mora, on Friday.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Alicia Mora", "Bruno Diaz"])]


def test_people_around_a_meeting_verb_when_the_parse_fails():
    result = run("President Karim Nasser hosted Jordan's King Faisal II and Iraqi Prime Minister Ali Hamdan in the "
                 "coastal city of Alexandria on Friday for a tripartite summit focused on trade.")
    ((status, kind, date, people),) = meetings(result)
    assert (status, date) == ("held", "2024-03-08")
    assert people == ["Ali Hamdan", "Faisal II", "Karim Nasser"]


def test_the_one_told_in_a_phone_call_took_part():
    result = run("In a phone call on Friday, Russian President Ivan Petrov told Turkish President Ali Demir that "
                 "Moscow was ready for talks.")
    assert meetings(result) == [("held", "call", "2024-03-08", ["Ali Demir", "Ivan Petrov"])]


def test_an_office_and_country_told_before_the_name():
    result = run("Turkish Foreign Minister Hakan Demir met the Ethiopian foreign minister in Ankara on Friday.\n\n"
                 "Ethiopia's Foreign Minister Taye Alemu said the talks had been useful.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Hakan Demir", "Taye Alemu"])]


def test_people_added_to_a_meeting_with_an_unnamed_side_join_it():
    result = run(
        "Foreign Minister Lena Berg on Tuesday sat down with the ambassadors of the OSCE member states in Vienna.\n\n"
        "The session was chaired by Ambassador Olav Lunde. Secretary-General Ruth Wanjiru also attended."
    )
    held = [m for m in meetings(result) if m[0] == "held"]
    assert [people for *_, people in held] == [["Lena Berg", "Olav Lunde", "Ruth Wanjiru"]]


def test_a_gathering_that_a_clause_says_will_be_hosted_is_planned():
    result = run(
        "Foreign Minister Lena Berg on Tuesday sat down with the ambassadors of the OSCE member states in Vienna.\n\n"
        "The envoys met the minister at the secretariat to review the agenda of the OSCE Foreign Ministers' "
        "Retreat, which Austria will host in the capital on February 3-4.\n\n"
        "The session was chaired by Ambassador Olav Lunde. Secretary-General Ruth Wanjiru also attended."
    )
    held = [(date, people) for status, _, date, people in meetings(result) if status == "held"]
    assert held == [("2024-03-05", ["Lena Berg", "Olav Lunde", "Ruth Wanjiru"])]


def test_a_meeting_of_ministers_listed_by_name_and_country():
    result = run(
        "The summit was preceded on Monday by a meeting in Cairo of the three countries' trade ministers, "
        "Ana Duarte of Chile, Tomas Vidal of Peru and Lena Berg of Norway, who finalised the draft."
    )
    assert meetings(result) == [("held", "multilateral", "2024-03-11", ["Ana Duarte", "Lena Berg", "Tomas Vidal"])]
    assert {(p["name"], p["role"], p["country"]) for p in result["people"]} == {
        ("Ana Duarte", "Trade Minister", "CL"), ("Tomas Vidal", "Trade Minister", "PE"),
        ("Lena Berg", "Trade Minister", "NO")}


def test_the_date_of_a_gathering_a_clause_says_is_coming_is_not_the_meetings():
    result = run("Foreign Minister Lena Berg met Prime Minister Tomas Vidal in Oslo to prepare the Arctic "
                 "summit, which Norway will host on June 3-4.")
    # The talks, told in the lede without a date, were on the day of publication; the summit is in June.
    assert [(m["status"], m["date"]) for m in result["meetings"]] == [("held", "2024-03-11"), ("planned", "2024-06-03")]


def test_briefing_the_ministers_and_representing_a_country_join_the_gathering():
    result = run(
        "The foreign ministers met in Vientiane on Monday for their annual retreat, chaired by Foreign Minister "
        "Ana Duarte.\n\n"
        "The Special Envoy, Mr Tomas Vidal, briefed the Ministers on his visit to Yangon from 10 to 12 January, "
        "during which he met General Olav Lunde.\n\n"
        "Ms. Ruth Wanjiru, Permanent Secretary, represented Myanmar at the non-political level."
    )
    assert [(m[0], m[3]) for m in meetings(result)] == [
        ("held", ["Ana Duarte", "Ruth Wanjiru", "Tomas Vidal"]), ("held", ["Olav Lunde", "Tomas Vidal"])]


def test_the_leaders_are_the_heads_who_met_not_the_ministers_told_after_them():
    result = run(
        "President Luiz Ramos hosted King Olav Lunde and Prime Minister Kofi Mensah in Cairo on Tuesday "
        "for a summit.\n\n"
        "The summit was preceded on Monday by a meeting in Cairo of the three countries' trade ministers, "
        "Ana Duarte of Chile, Tomas Vidal of Peru and Lena Berg of Norway, who finalised the draft.\n\n"
        "The three leaders agreed to hold their next summit in Lima."
    )
    found = {(status, tuple(people)) for status, _, _, people in meetings(result)}
    assert ("held", ("Ana Duarte", "Lena Berg", "Tomas Vidal")) in found
    assert ("planned", ("Kofi Mensah", "Luiz Ramos", "Olav Lunde")) in found


def test_those_a_gathering_included_and_those_who_joined_by_video_attended_it():
    result = run("The Andean summit opened in Quito on Friday.\n\n"
                 "Leaders attending the summit included Peruvian President Rosa Quispe and Bolivian President Ivan "
                 "Mamani. Colombian President Diego Rojas joined by video link.")
    ((status, kind, date, people),) = meetings(result)
    assert (status, kind, date) == ("held", "multilateral", "2024-03-08")
    assert people == ["Diego Rojas", "Ivan Mamani", "Rosa Quispe"]


def test_joining_someone_by_video_is_a_call_not_attendance():
    result = run("President Rosa Quispe joined President Ivan Mamani by video link on Friday.")
    assert meetings(result) == [("held", "call", "2024-03-08", ["Ivan Mamani", "Rosa Quispe"])]


def test_a_gathering_joined_by_video_link_stays_a_gathering():
    result = run("Trade ministers of the Andean Community met in Lima on Friday, chaired by Peruvian Minister Rosa "
                 "Quispe. The meeting was joined by video link by Bolivian Minister Ivan Mamani.")
    ((status, kind, date, people),) = meetings(result)
    assert kind == "multilateral" and "Ivan Mamani" in people


def test_a_meeting_told_before_and_attended_by_others_in_a_passive_clause():
    result = run("Foreign Minister Ana Ruiz held a working lunch with Foreign Minister Marco Rossi in Madrid on Friday.\n\n"
                 "The lunch took place at the Palacio de Viana and was also attended by the Secretary of State for "
                 "Foreign Affairs, Luis Gil.")
    assert meetings(result) == [("held", "bilateral", "2024-03-08", ["Ana Ruiz", "Luis Gil", "Marco Rossi"])]
