import pytest

from tests.extraction_helpers import run, speakers

pytestmark = pytest.mark.slow


def statements(result):
    return [(s["speaker"], s["kind"], s["text"]) for s in result["statements"]]


def test_said_with_subject_before_or_after():
    result = run(
        "Trade links should help every neighbour, said Qiao Minghui, a researcher with Nankai University.\n\n"
        "Qiao Minghui said the pattern would hold."
    )
    assert speakers(result) == ["Qiao Minghui", "Qiao Minghui"]


def test_quote_over_several_sentences_is_one_statement():
    result = run(
        "Dutch Foreign Minister Joost Verhaeren met Chilean Foreign Minister Tomás Errázuriz in Santiago on Monday.\n\n"
        '"The next round of talks will matter a great deal. Both sides have to stay patient," Verhaeren told reporters.'
    )
    ((speaker, kind, text),) = [s for s in statements(result)]
    assert speaker == "Joost Verhaeren"
    assert kind == "quote" and text.startswith('"The next round') and text.endswith("told reporters.")


def test_reported_speech_verbs():
    result = run(
        "Norwegian Foreign Minister Ingrid Solheim met Canadian Foreign Minister Marc Tremblay in Oslo on Sunday.\n\n"
        "Solheim expressed deep worries about fishing disputes in the Barents Sea.\n\n"
        "Tremblay urged Norway to settle the matter through dialogue.\n\n"
        "The two ministers agreed to stay in contact."
    )
    assert speakers(result) == ["Ingrid Solheim", "Marc Tremblay"]
    assert [s["kind"] for s in result["statements"]] == ["reported", "reported"]


def test_pronoun_and_description_resolve_to_the_last_speaker():
    result = run(
        "Kyrgyz Prime Minister Zhantoro Satybaldiyev met Chinese Foreign Minister Wang Yi on Sunday.\n\n"
        "Trade has been fruitful, Satybaldiyev said. Kyrgyzstan opposes separatism, he added."
    )
    assert speakers(result) == ["Zhantoro Satybaldiyev", "Zhantoro Satybaldiyev"]


def test_words_of_a_body_have_no_speaker():
    result = run("The Hungarian foreign ministry said on Thursday that Vienna had overlooked its objections.")
    assert speakers(result) == [None]


def test_person_inside_a_ministry_attribution_is_the_speaker():
    result = run('Foreign Minister Lena Markovic called for turning the OSCE into a "forum of shared responsibility", '
                 'the ministry said on Friday.')
    assert statements(result)[0][:2] == ("Lena Markovic", "quote")


def test_transcript_turns_are_quotes():
    result = run(
        "Foreign Ministry Spokesperson Zhao Liheng held a press conference.\n\n"
        "Reuters: Can you give us details of the trip?\n\n"
        "Zhao Liheng: It is the premier's second overseas journey this year. We expect the trip to go smoothly."
    )
    turn = [s for s in result["statements"] if s["text"].startswith("Zhao Liheng:")]
    assert turn and turn[0]["speaker"] == "Zhao Liheng" and turn[0]["kind"] == "quote"
    assert "We expect the trip" in turn[0]["text"]


def test_colon_introduced_quote_paragraphs_belong_to_the_statement():
    result = run(
        "Foreign Secretary Helen Marsh met Georgian Foreign Minister Levan Tsereteli in Tbilisi on Thursday.\n\n"
        "After the talks, the Foreign Secretary said:\n\n"
        "\u201cThe path Georgia takes is for Georgians to decide.\n\n"
        "\u201cWe will keep standing by Georgia\u2019s people.\u201d"
    )
    ((speaker, kind, text),) = statements(result)
    assert speaker == "Helen Marsh" and kind == "quote"
    assert "The path Georgia takes" in text and "keep standing by" in text


def test_offsets_point_at_the_text():
    from meetings.extraction.pipeline import extract
    from meetings.extraction.reader import parse_text

    text = "Talks\n\nUpdated: 2024-03-11\n\nFrench President Emmanuel Macron said on Monday that Europe must act.\n"
    result = extract(parse_text(text)).to_json()
    (statement,) = result["statements"]
    assert text[statement["start"] : statement["end"]] == statement["text"]


def test_headlines_and_captions_are_not_statements():
    result = run(
        "Macron says Europe must act\n\nMacron speaks to reporters in Paris. Photo: AFP\n\n"
        "French President Emmanuel Macron met German Chancellor Olaf Scholz in Paris on Monday."
    )
    assert speakers(result) == []


def test_a_joint_position_is_one_statement_per_named_person():
    result = run("Saudi Foreign Minister Prince Faisal bin Farhan and his Iranian counterpart Hossein Amir-Abdollahian "
                 "said in a joint statement that embassies would reopen.")
    assert speakers(result) == ["Faisal bin Farhan", "Hossein Amir-Abdollahian"]
    assert result["statements"][0]["text"] == result["statements"][1]["text"]


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Turkish Foreign Minister Hakan Fidan told reporters in Ankara that Turkey would host the talks.", "Hakan Fidan"),
        ("In a post on X, Ukrainian Foreign Minister Dmytro Kuleba wrote that the meeting had been productive.", "Dmytro Kuleba"),
        ("According to Iranian Foreign Minister Hossein Amir-Abdollahian, the talks were constructive.", "Hossein Amir-Abdollahian"),
        ("Chinese Foreign Ministry spokesperson Mao Ning said at a regular briefing on Monday that China opposed the "
         "sanctions.", "Mao Ning"),
    ],
)
def test_other_ways_news_attributes_words(text, speaker):
    assert speakers(run(text)) == [speaker]


def test_his_highness_is_the_prince_named_before():
    result = run("President Amadou Keita received His Highness Prince Khalid bin Rashid, Minister of Foreign Affairs, "
                 "in Bamako on Monday.\n\nHis Highness underlined the value of closer trade ties.")
    assert speakers(result) == ["Khalid bin Rashid"]


def test_a_verb_inside_the_quotation_does_not_make_a_speaker():
    result = run(
        "Turkish President Kemal Arslan met Swedish Prime Minister Erik Lund in Ankara on Friday.\n\n"
        "“This is a classic Arslan gambit. He raises the stakes and waits,” said Ayla Demir, a researcher "
        "at the Bosphorus Institute."
    )
    assert speakers(result) == ["Ayla Demir"]


def test_a_question_is_nobodys_statement():
    result = run("Will President Ana Ruiz raise the border dispute with Prime Minister Ivo Kral when they meet?")
    assert speakers(result) == []


def test_a_heading_naming_two_people_is_not_a_transcript_turn():
    result = run(
        "President Ana Ruiz met Prime Minister Ivo Kral in Prague on Friday.\n\n"
        "Ruiz and Kral: 'a new chapter'\n\n"
        "The two leaders signed a treaty on energy cooperation."
    )
    assert speakers(result) == []


def test_the_premier_is_the_prime_minister():
    result = run(
        "Prime Minister Omar Haddad received President Lina Sorensen of Iceland in Amman on Friday.\n\n"
        "The premier stressed that Jordan valued the partnership."
    )
    assert speakers(result) == ["Omar Haddad"]


def test_the_honourable_minister_is_the_minister_named():
    result = run(
        "President Omar Haddad received Foreign Minister Lina Sorensen of Denmark in Amman on Friday.\n\n"
        "The Honourable Minister expressed gratitude for the warm welcome."
    )
    assert speakers(result) == ["Lina Sorensen"]


def test_his_excellency_in_capitals_is_not_he():
    result = run(
        "Crown Prince Faisal Al Nahyan received Foreign Minister Ana Costa of Portugal in Abu Dhabi on Friday.\n\n"
        "HE the Portuguese minister conveyed the greetings of the President of Portugal."
    )
    assert speakers(result) == ["Ana Costa"]


def test_interview_answers_are_the_interviewees_quotes():
    result = run(
        "Marta Silva has been Portugal's ambassador to Kenya since March.\n\n"
        "**What are your priorities this year?**\n\n"
        "Trade comes first. We want Kenyan avocados in every Lisbon shop.\n\n"
        "It will take time, but the ports are ready.\n\n"
        "**And the visit of your foreign minister?**\n\n"
        "The minister will meet President Ruto in Nairobi in May."
    )
    answers = [s for s in result["statements"] if s["speaker"] == "Marta Silva"]
    assert len(answers) == 2 and all(s["kind"] == "quote" for s in answers)
    assert "ports are ready" in answers[0]["text"] and "What are your" not in answers[0]["text"]


def test_briefing_answers_belong_to_the_spokesperson_not_to_people_named_in_them():
    result = run(
        "Official Spokesperson, Shri Arun Mehta: Good afternoon. I have one announcement today.\n\n"
        "Q: Did the minister speak to his Nepali counterpart?\n\n"
        "A: Yes. The minister spoke to Foreign Minister Sita Rai of Nepal yesterday."
    )
    assert speakers(result) == ["Arun Mehta", "Arun Mehta"]


@pytest.mark.parametrize("sentence", [
    "Asked about the talks, Ruiz told The Harbour Times that the border would stay open.",
    "Ruiz later told Reuters that the border would stay open.",
    "In an interview, Ruiz said the border would stay open.",
    "Ruiz wrote on X that the border would stay open.",
])
def test_words_to_an_outlet_or_in_an_interview_are_not_said_at_the_meeting(sentence):
    result = run(f"President Ana Ruiz met President Ivo Kral in Prague on Friday.\n\n{sentence}")
    (statement,) = result["statements"]
    assert statement["speaker"] == "Ana Ruiz" and statement["meeting"] is None


def test_words_told_to_the_other_side_are_said_at_the_meeting():
    result = run("President Ana Ruiz met President Ivo Kral in Prague on Friday.\n\n"
                 "Ruiz told Kral that the border would stay open.")
    (statement,) = result["statements"]
    assert statement["meeting"] == 0


def test_they_right_after_a_meeting_are_its_people():
    result = run("On Tuesday, Foreign Minister Lena Berg, Foreign Minister Tomas Vidal and Secretary of State "
                 "Ana Duarte held a phone call, during which they reaffirmed that the missile programme posed "
                 "a grave threat to peace.")
    assert sorted(speakers(result)) == ["Ana Duarte", "Lena Berg", "Tomas Vidal"]


def test_words_someone_is_expected_to_say_are_not_a_statement():
    result = run("President Olav Lunde and President Ruth Wanjiru are expected to announce new steps at their "
                 "summit next month.")
    assert speakers(result) == []


def test_both_ministers_are_the_two_ministers_who_met_not_their_deputies():
    result = run(
        "Foreign Minister Lena Berg received Foreign Secretary Ana Duarte in Oslo on Thursday.\n\n"
        "Deputy Foreign Minister Olav Lunde and Ambassador Tomas Vidal also took part in the talks.\n\n"
        "Both ministers underlined the importance of regional dialogue."
    )
    assert sorted(speakers(result)) == ["Ana Duarte", "Lena Berg"]


def test_words_said_during_the_talks_put_the_speaker_at_them():
    result = run(
        "Foreign Minister Lena Berg met Foreign Minister Tomas Vidal in Oslo on Monday.\n\n"
        "During the talks, Chile's Ana Duarte argued that Europe had to be ready, while Peru's Olav Lunde "
        "warned that a ceasefire would not hold."
    )
    assert [sorted(m["participants"]) for m in result["meetings"]] == [
        ["Ana Duarte", "Lena Berg", "Olav Lunde", "Tomas Vidal"]]
    assert [s["meeting"] for s in result["statements"]] == [0, 0]


def test_words_at_the_meetings_joint_press_conference_are_said_at_the_meeting():
    result = run("Foreign Minister Ana Ruiz held talks with Foreign Minister Tomas Berg in Madrid on Friday.\n\n"
                 "Speaking at a joint news conference after the talks, Ruiz said the two countries would open a "
                 "new consulate.\n\n"
                 "Speaking at a university on Saturday, Berg said students should learn Spanish.")
    assert [(s["speaker"], s["meeting"]) for s in result["statements"]] == [("Ana Ruiz", 0), ("Tomas Berg", None)]


def test_a_quotation_after_its_attribution_runs_on_the_statement():
    result = run("Foreign Minister Ana Ruiz met Foreign Minister Tomas Berg in Madrid on Friday.\n\n"
                 '"We are ready to help," Berg said. "Norway has done this before." The talks lasted two hours.\n\n'
                 'Ruiz said Spain agreed.\n\n'
                 '"Europe must act."\n\n'
                 "The ministers then had lunch.")
    found = [(s["speaker"], s["kind"], s["text"]) for s in result["statements"]]
    assert found == [
        ("Tomas Berg", "quote", '"We are ready to help," Berg said. "Norway has done this before."'),
        ("Ana Ruiz", "quote", 'Ruiz said Spain agreed.\n\n"Europe must act."'),
    ]


def test_praise_verbs_and_calling_something_a_success_are_statements_and_a_phone_call_is_not():
    result = run("Foreign Minister Ana Ruiz met Foreign Minister Tomas Berg in Madrid on Friday.\n\n"
                 "Ruiz hailed the growing trade between the two countries.\n\n"
                 "Berg called the meeting a success.\n\n"
                 "Berg later called Ruiz on Monday.\n\n"
                 "He also called on Vice President Siti Rahma.\n\n"
                 "Ruiz called on both sides to talk.")
    assert [(s["speaker"], s["text"][:12]) for s in result["statements"]] == [
        ("Ana Ruiz", "Ruiz hailed "), ("Tomas Berg", "Berg called "), ("Ana Ruiz", "Ruiz called ")]


def test_a_post_with_words_is_a_statement_made_elsewhere_and_a_photo_is_not():
    result = run("Foreign Minister Ana Ruiz met Foreign Minister Tomas Berg in Madrid on Friday.\n\n"
                 '"This is a historic day," Berg posted on social media.\n\n'
                 "Ruiz posted a photo of the meeting.\n\n"
                 "Ruiz said in a video message on Saturday that Europe must stand together.")
    assert [(s["speaker"], s["kind"], s["meeting"]) for s in result["statements"]] == [
        ("Tomas Berg", "quote", None), ("Ana Ruiz", "reported", None)]


def test_pressing_someone_to_act_is_a_statement_and_pressing_a_button_is_not():
    result = run("Foreign Minister Ana Ruiz met Foreign Minister Tomas Berg in Madrid on Friday.\n\n"
                 "Ruiz pressed her colleagues to adopt new sanctions.\n\n"
                 "Berg pressed for a ceasefire.\n\n"
                 "Ruiz then pressed the button to open the new consulate.")
    assert [(s["speaker"], s["text"][:12]) for s in result["statements"]] == [
        ("Ana Ruiz", "Ruiz pressed"), ("Tomas Berg", "Berg pressed")]
