"""Detail URLs built from a once-reversed pattern are exactly what reverse() gives."""
import pytest
from django.urls import reverse, set_script_prefix

from meetings.links import detail_url


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
