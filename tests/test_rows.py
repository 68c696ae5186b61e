"""The meeting and statement rows, built in Python for speed, escape what they print and link what they name."""
import pytest

from meetings.models import Meeting, Statement
from meetings.templatetags.rows import meeting_row, statement_row
from tests import builders

pytestmark = pytest.mark.django_db


def test_a_meeting_row_links_its_meeting_country_forum_and_people_and_escapes_them(seeded):
    odd = builders.person('Ada "<b>" Quill', country=seeded["cn"])
    meeting = builders.meeting("Talks <script>alert(1)</script> & more", participants=[odd, seeded["wang"]],
                               date="2014-02-03", place="Bishkek & Osh", country=seeded["kg"],
                               organisation=seeded["sco"], status="held", kind="bilateral")
    html = meeting_row(Meeting.objects.with_people().get(pk=meeting.pk))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html
    assert f'<a href="{meeting.get_absolute_url()}">' in html
    assert f'<a href="{seeded["kg"].get_absolute_url()}">Kyrgyzstan</a>' in html
    assert f'<a href="{seeded["sco"].get_absolute_url()}">SCO</a>' in html  # a forum by its acronym
    assert "3 February 2014 · Bishkek &amp; Osh" in html
    assert '<span class="badge held">Held</span>' in html and '<span class="badge">Bilateral</span>' in html
    people = html.split('<span class="people">')[1]
    assert people.index("Ada &quot;&lt;b&gt;&quot; Quill") < people.index("Wang Yi")  # in the order recorded


def test_a_statement_row_names_its_speaker_office_meeting_and_source(seeded):
    said = Statement.objects.with_related().get(pk=seeded["s1"].pk)
    html = statement_row(said)
    assert html.startswith(f'<li class="statement" id="statement-{said.pk}">')
    assert f'<a href="{seeded["wang"].get_absolute_url()}">Wang Yi</a>, Foreign Minister' in html
    assert "Direct quote · 13 July 2013" in html
    assert f'at <a href="{seeded["summit"].get_absolute_url()}">' in html
    assert f'<a href="{seeded["article"].get_absolute_url()}#statement-{said.pk}">source</a>' in html
    assert f'<a href="{said.get_absolute_url()}">permalink</a>' in html
    assert " at <a" not in statement_row(said, hide_meeting=True)  # on the meeting's own page


def test_a_statement_row_escapes_its_words_and_speaks_for_an_organisation(seeded):
    speaking_body = builders.organisation("Council <of> Ministers")
    said = builders.statement(None, seeded["article"], speaker_organisation=speaking_body,
                              text='He said "<img src=x onerror=alert(1)>"', start=0, end=10)
    html = statement_row(Statement.objects.with_related().get(pk=said.pk))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert f'<a href="{speaking_body.get_absolute_url()}">Council &lt;of&gt; Ministers</a>' in html


def test_a_persons_meeting_row_and_timeline_entries_escape_and_link_what_they_name(seeded):
    from meetings import timelines
    from meetings.models import Participation
    from meetings.templatetags.rows import participation_row, timeline_entry

    odd = builders.person("Ada Quill", country=seeded["cn"])
    meeting = builders.meeting("Talks <b>& more</b>", participants=[odd], date="2014-02-03", place="Osh <i>",
                               country=seeded["kg"], status="planned")
    Participation.objects.filter(meeting=meeting).update(role="Envoy <script>")
    taking_part = Participation.objects.select_related("meeting", "meeting__country").get(meeting=meeting)
    row = participation_row(taking_part)
    assert "<script>" not in row and "<b>" not in row and "Envoy &lt;script&gt;" in row
    assert f'<a href="{meeting.get_absolute_url()}">Talks &lt;b&gt;&amp; more&lt;/b&gt;</a>' in row
    assert f'Osh &lt;i&gt;, <a href="{seeded["kg"].get_absolute_url()}">Kyrgyzstan</a>' in row
    assert '<span class="badge planned">Planned</span>' in row
    said = builders.statement(odd, seeded["article"], text=" ".join(["<word>"] * 50), start=0, end=5)
    said = Statement.objects.with_related().get(pk=said.pk)
    entries = [timeline_entry(e) for e in timelines.timeline([taking_part], [said])]
    assert all("<script>" not in e and "<word>" not in e for e in entries)
    spoken = next(e for e in entries if e.startswith('<li class="statement"'))
    assert spoken.count("&lt;word&gt;") == 40 and "&lt;word&gt; …</span>" in spoken  # cut at 40 words
    assert f'<a href="{seeded["article"].get_absolute_url()}#statement-{said.pk}">source</a>' in spoken
    met = next(e for e in entries if e.startswith('<li class="meeting"'))
    assert "as Envoy &lt;script&gt; · Osh &lt;i&gt; · <a" in met and "3 February 2014" in met


def test_person_links_escape_names_and_say_when_there_is_none(seeded):
    from meetings.templatetags.rows import person_links

    odd = builders.person('Ada "<b>" Quill', country=seeded["cn"])
    html = person_links([odd, seeded["wang"]])
    assert html == (f'<li><a href="{odd.get_absolute_url()}">Ada &quot;&lt;b&gt;&quot; Quill</a></li>'
                    f'<li><a href="{seeded["wang"].get_absolute_url()}">Wang Yi</a></li>')
    assert person_links([]) == "<li>None recorded.</li>"


def test_the_bar_chart_escapes_its_title_and_links_each_year():
    from meetings import timelines
    from meetings.templatetags.charts import bar_chart

    chart = timelines.year_chart([(2011, 2), (2013, 1)])
    svg = bar_chart(chart, "per-year", "Meetings of <b>A & B</b>", "/meetings/?country=CN&date=")
    assert "<b>" not in svg and "Meetings of &lt;b&gt;A &amp; B&lt;/b&gt;: 2011, 2; 2013, 1; </title>" in svg
    assert '<a href="/meetings/?country=CN&amp;date=2012" aria-label="2012: 0 meetings">' in svg  # empty years too
    assert "<title>2013: 1 meeting</title>" in svg and svg.count('<rect class="bar"') == 3
    assert bar_chart(None, "per-year", "Nothing") == ""
