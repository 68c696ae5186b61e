from meetings.highlight import Mark, segment_text


def test_segments_cover_the_text_and_carry_marks():
    text = "Wang met Lavrov. Lavrov said yes."
    marks = [Mark(0, 16, "meeting", "m"), Mark(17, 33, "statement", "s", anchor="statement-1")]
    segments = segment_text(text, marks)
    assert "".join(s.text for s in segments) == text
    assert [s.kinds for s in segments] == ["meeting", "", "statement"]
    assert [m.anchor for m in segments[2].opening] == ["statement-1"]


def test_overlapping_marks_split_segments():
    text = "abcdefghij"
    segments = segment_text(text, [Mark(0, 6, "meeting", "m"), Mark(3, 9, "statement", "s")])
    assert [(s.text, s.kinds) for s in segments] == [
        ("abc", "meeting"), ("def", "meeting statement"), ("ghi", "statement"), ("j", ""),
    ]


def test_out_of_range_marks_are_ignored():
    segments = segment_text("short", [Mark(2, 99, "statement", "x"), Mark(3, 3, "meeting", "y")])
    assert [(s.text, s.marks) for s in segments] == [("short", [])]
