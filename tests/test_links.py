"""Detail URLs built from a once-reversed pattern are exactly what reverse() gives."""
import pytest
from django.urls import reverse, set_script_prefix
from hypothesis import given, settings
from hypothesis import strategies as st

from meetings.links import detail_url, detail_urls


@pytest.mark.parametrize("viewname, key", [
    ("meetings:meeting_detail", "sco-summit-2013"), ("meetings:person_detail", "wang-yi"),
    ("meetings:article_detail", 42), ("meetings:statement_detail", 7), ("meetings:country_detail", "cn"),
    ("meetings:organisation_detail", "shanghai-cooperation-organization"),
])
def test_detail_url_is_reverse(viewname, key):
    assert detail_url(viewname, key) == reverse(viewname, args=[key])


def test_detail_url_follows_the_script_prefix():
    try:
        set_script_prefix("/chancery/")
        assert detail_url("meetings:person_detail", "wang-yi") == "/chancery/people/wang-yi/"
    finally:
        set_script_prefix("/")
    assert detail_url("meetings:person_detail", "wang-yi") == "/people/wang-yi/"


@given(st.text(min_size=1, max_size=30).filter(lambda k: "/" not in k and "\x00" not in k))
@settings(max_examples=200, deadline=None)
def test_a_key_of_any_characters_is_quoted_as_reverse_quotes_it(key):
    from urllib.parse import quote

    assert detail_url("meetings:meeting_detail", key) == f"/meetings/{quote(key, safe='')}/"
    assert detail_urls("meetings:meeting_detail")(key) == detail_url("meetings:meeting_detail", key)


def test_detail_urls_reads_the_script_prefix_when_made():
    try:
        set_script_prefix("/chancery/")
        person_url = detail_urls("meetings:person_detail")
        assert [person_url(s) for s in ("wang-yi", "ada quill")] == ["/chancery/people/wang-yi/",
                                                                     "/chancery/people/ada%20quill/"]
    finally:
        set_script_prefix("/")
