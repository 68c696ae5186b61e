import pytest

from tests.extraction_helpers import run, speakers

pytestmark = pytest.mark.slow


def statements(result):
    return [(s["speaker"], s["kind"], s["text"]) for s in result["statements"]]


def test_said_with_subject_before_or_after():
    result = run(
        "Cooperation should benefit the whole region, said Zhang Jianrong, a researcher with Fudan University.\n\n"
        "Zhang Jianrong said the trend would continue."
    )
    assert speakers(result) == ["Zhang Jianrong", "Zhang Jianrong"]


def test_quote_over_several_sentences_is_one_statement():
    result = run(
        "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Monday.\n\n"
        '"The coming days will be decisive. We must work together," Lavrov told reporters.'
    )
    ((speaker, kind, text),) = [s for s in statements(result)]
    assert speaker == "Sergey Lavrov"
    assert kind == "quote" and text.startswith('"The coming days') and text.endswith("told reporters.")


def test_reported_speech_verbs():
    result = run(
        "Japanese Foreign Minister Yoko Kamikawa met Chinese Foreign Minister Wang Yi in Busan on Sunday.\n\n"
        "Kamikawa expressed serious concerns over the situation in the East China Sea.\n\n"
        "Wang urged Japan to handle the issue properly.\n\n"
        "The two ministers agreed to keep in touch."
    )
    assert speakers(result) == ["Yoko Kamikawa", "Wang Yi"]
    assert [s["kind"] for s in result["statements"]] == ["reported", "reported"]


def test_pronoun_and_description_resolve_to_the_last_speaker():
    result = run(
        "Kyrgyz Prime Minister Zhantoro Satybaldiyev met Chinese Foreign Minister Wang Yi on Sunday.\n\n"
        "Trade has been fruitful, Satybaldiyev said. Kyrgyzstan opposes separatism, he added."
    )
    assert speakers(result) == ["Zhantoro Satybaldiyev", "Zhantoro Satybaldiyev"]


def test_words_of_a_body_have_no_speaker():
    result = run("The Turkish foreign ministry said on Tuesday that Stockholm had ignored requests.")
    assert speakers(result) == [None]


def test_person_inside_a_ministry_attribution_is_the_speaker():
    result = run('Foreign Minister Wang Yi called for making the SCO a "community of common interests", the ministry said on Sunday.')
    assert statements(result)[0][:2] == ("Wang Yi", "quote")


def test_transcript_turns_are_quotes():
    result = run(
        "Foreign Ministry Spokesperson Wang Wenbin held a press conference.\n\n"
        "CCTV: Could you share more about the visit?\n\n"
        "Wang Wenbin: This will be the president's first trip this year. We believe the visit will be a success."
    )
    turn = [s for s in result["statements"] if s["text"].startswith("Wang Wenbin:")]
    assert turn and turn[0]["speaker"] == "Wang Wenbin" and turn[0]["kind"] == "quote"
    assert "We believe the visit" in turn[0]["text"]


def test_colon_introduced_quote_paragraphs_belong_to_the_statement():
    result = run(
        "Foreign Secretary Liz Truss met Russian Foreign Minister Sergey Lavrov in Moscow on Thursday.\n\n"
        "Speaking after the meeting, the Foreign Secretary said:\n\n"
        "\u201cRussia has a choice to make.\n\n"
        "\u201cWe will never trade away Ukraine\u2019s sovereignty.\u201d"
    )
    ((speaker, kind, text),) = statements(result)
    assert speaker == "Liz Truss" and kind == "quote"
    assert "Russia has a choice" in text and "never trade away" in text


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
    result = run("President Bashar al-Assad received His Highness Prince Faisal bin Farhan, Minister of Foreign Affairs, "
                 "in Damascus on Monday.\n\nHis Highness stressed the importance of the safe return of refugees.")
    assert speakers(result) == ["Faisal bin Farhan"]
