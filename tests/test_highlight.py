from meetings.highlight import Mark, marked_html, segment_text


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


def test_marked_html_escapes_the_text_and_labels_and_anchors_each_fact_where_it_begins():
    text = 'Wang said <b>"yes" & more</b>. Then nothing.'
    marks = [Mark(0, 30, "statement", 'Wang Yi: "quote"', anchor="statement-7"),
             Mark(10, 20, "meeting", "Talks <2013>", anchor="meeting-3")]
    html = marked_html(segment_text(text, marks))
    assert html == (
        '<span class="anchor" id="statement-7"></span>'
        '<mark class="statement" title="Wang Yi: &quot;quote&quot;">Wang said </mark>'
        '<span class="anchor" id="meeting-3"></span>'
        '<mark class="meeting statement" title="Wang Yi: &quot;quote&quot;; Talks &lt;2013&gt;">'
        '&lt;b&gt;&quot;yes&quot; &amp;</mark>'
        '<mark class="statement" title="Wang Yi: &quot;quote&quot;"> more&lt;/b&gt;.</mark>'
        " Then nothing."
    )


def test_a_mark_covers_exactly_the_segments_inside_it_however_many_there_are():
    text = "".join(chr(97 + i % 26) for i in range(200))
    marks = [Mark(i, i + 7, "statement", f"s{i}") for i in range(0, 190, 5)]
    for segment in segment_text(text, marks):
        end = segment.start + len(segment.text)
        assert segment.marks == [m for m in marks if m.start <= segment.start and end <= m.end]
