import pytest

from tests.extraction_helpers import run

pytestmark = pytest.mark.slow


def people(result):
    return {p["name"]: (p["role"], p["country"], p["organisation"]) for p in result["people"]}


def test_title_before_the_name_gives_role_and_country():
    result = run("Russian Foreign Minister Sergey Lavrov met his Kyrgyz counterpart Erlan Abdyldaev in Bishkek on Saturday.")
    found = people(result)
    assert found["Sergey Lavrov"] == ("Foreign Minister", "RU", None)
    assert found["Erlan Abdyldaev"][1] == "KG"


def test_apposition_after_the_name_gives_role_and_institution():
    result = run("Trade will grow, said Sun Zhuangzhi, a scholar with the Chinese Academy of Social Sciences.")
    assert people(result) == {"Sun Zhuangzhi": ("scholar", None, "Chinese Academy of Social Sciences")}


def test_office_of_a_country_and_of_an_international_body():
    result = run(
        "Secretary-General of the SCO Dmitry Mezentsev and Deputy Foreign Minister of Kazakhstan Kairat Sarybai "
        "attended the SCO summit in Bishkek on Saturday."
    )
    found = people(result)
    assert found["Dmitry Mezentsev"] == ("Secretary-General", None, "Shanghai Cooperation Organization")
    assert found["Kairat Sarybai"] == ("Deputy Foreign Minister", "KZ", None)


def test_names_with_particles_and_diacritics_are_kept_as_written():
    result = run(
        "H.E. Bùi Thanh Sơn, Minister of Foreign Affairs of Viet Nam, met H.H. Sheikh Abdullah bin Zayed Al Nahyan, "
        "Minister of Foreign Affairs of the UAE, in Hanoi on Monday."
    )
    assert set(people(result)) == {"Bùi Thanh Sơn", "Abdullah bin Zayed Al Nahyan"}
    assert people(result)["Bùi Thanh Sơn"][1] == "VN"


def test_one_person_whatever_the_mention():
    result = run(
        "Foreign Minister Wang Yi met Brazilian Foreign Minister Mauro Vieira in Beijing on Monday.\n\n"
        "Wang said the two countries should deepen trade. The foreign minister added that China valued the partnership.\n\n"
        "He also called for closer coordination at the United Nations."
    )
    assert [s["speaker"] for s in result["statements"]] == ["Wang Yi", "Wang Yi", "Wang Yi"]
    assert len(result["people"]) == 2


def test_initials_name_a_known_person():
    result = run(
        "Saudi Crown Prince Mohammed bin Salman received French President Emmanuel Macron in Riyadh on Sunday.\n\n"
        '"We are partners," MBS said.'
    )
    assert [s["speaker"] for s in result["statements"]] == ["Mohammed bin Salman"]


def test_people_only_mentioned_are_not_people_of_the_article():
    result = run(
        "Prince Faisal bin Farhan conveyed the greetings of King Salman bin Abdulaziz to President Bashar al-Assad, "
        "whom he met in Damascus on Monday."
    )
    assert "Salman bin Abdulaziz" not in people(result)


def test_abbreviated_titles_are_not_part_of_the_name():
    result = run("External Affairs Minister S. Jaishankar met Japanese Foreign Minister Yoko Kamikawa in Tokyo on Monday.\n\n"
                 "EAM Jaishankar said the partnership was growing.")
    assert set(people(result)) == {"S. Jaishankar", "Yoko Kamikawa"}


def test_people_met_after_one_country_name_share_it():
    result = run("Chinese President Xi Jinping will meet with Vietnamese President Vo Van Thuong, Prime Minister "
                 "Pham Minh Chinh and National Assembly Chairman Vuong Dinh Hue on Wednesday.")
    assert people(result)["Pham Minh Chinh"][1] == "VN"


def test_a_government_release_gives_its_officials_its_country_but_not_their_counterparts():
    import datetime as dt

    from meetings.extraction.pipeline import extract
    from meetings.extraction.reader import parse_text

    text = ("U.S. Department of State\n\nReadout of a call\n\nMarch 18, 2022\n\n"
            "Secretary of State Antony Blinken spoke by phone with Foreign Minister Ayman Safadi on Friday.\n")
    found = {p["name"]: p["country"] for p in extract(parse_text(text, published=dt.date(2022, 3, 18))).to_json()["people"]}
    assert found == {"Antony Blinken": "US", "Ayman Safadi": None}


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("European Commission President Ursula von der Leyen met Chinese Premier Li Qiang in Brussels on Friday.",
         "Ursula von der Leyen", "President"),
        ("President-elect Prabowo Subianto met Russian President Vladimir Putin at the Kremlin on Wednesday.",
         "Prabowo Subianto", "President-elect"),
        ("Qatari Prime Minister and Foreign Minister Sheikh Mohammed bin Abdulrahman Al Thani met U.S. Secretary of "
         "State Antony Blinken in Doha on Monday.", "Mohammed bin Abdulrahman Al Thani", "Prime Minister and Foreign Minister"),
    ],
)
def test_names_and_titles_of_many_traditions(text, name, role):
    assert people(run(text))[name][0] == role
