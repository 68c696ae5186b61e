"""End to end in a real browser: a researcher finds a meeting, follows its
links, and filters lists, on the demo data."""
import os

import pytest
from django.core.management import call_command
from django.utils.text import slugify

from meetings.extraction.countries import sovereign_countries
from meetings.models import Country


def ensure_countries():
    if not Country.objects.exists():
        Country.objects.bulk_create(Country(code=c, name=n, slug=slugify(n)) for c, n in sovereign_countries().items())

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # playwright's sync API runs an event loop


@pytest.fixture
def demo(live_server, page):
    ensure_countries()  # a transactional test's flush empties the table the data migration filled
    call_command("loaddata", "demo", verbosity=0)
    page.set_default_timeout(10_000)
    return live_server.url


def test_search_then_follow_a_meeting_to_its_people_and_sources(page, demo):
    page.goto(demo + "/")
    page.fill("#home-q", "Cholpon-Ata")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/meetings/?q=Cholpon-Ata")
    page.click("text=Shanghai Cooperation Organization summit in Cholpon-Ata")
    assert page.locator("h1").inner_text().startswith("Shanghai Cooperation Organization")
    assert page.locator("table.data >> text=Zhantoro Satybaldiyev").count() == 0
    page.click("table.data >> text=Sergey Lavrov")
    assert page.locator("h1").inner_text() == "Sergey Lavrov"
    page.click("text=Sergey Lavrov meets Wang Yi in Beijing")
    page.click("text=Lavrov, Wang discuss Ukraine settlement")
    assert page.locator("mark.statement").count() >= 3  # the passages behind each fact


def test_filters_combine_and_bad_values_explain_themselves(page, demo):
    page.goto(demo + "/meetings/")
    page.select_option("#id_status", "held")
    page.select_option("#id_kind", "bilateral")
    page.get_by_role("button", name="Apply").click()
    assert "status=held" in page.url and "kind=bilateral" in page.url
    titles = page.locator("ul.rows li.meeting > a").all_inner_texts()
    assert titles and all("Shanghai Cooperation" not in t for t in titles)
    page.goto(demo + "/meetings/?country=ZZ")
    assert "could not be used" in page.content()


def test_no_page_breaks_the_content_security_policy(page, demo, admin_user):
    """Chromium reports every script, style or image the policy refused on the console."""
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    meeting = "/meetings/shanghai-cooperation-organization-summit-in-cholpon-ata-2013-07-13/"
    for url in ["/", "/meetings/", meeting, "/people/sergey-lavrov/", "/articles/", "/statements/?q=cooperation"]:
        page.goto(demo + url)
    page.goto(demo + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")
    for url in ["/admin/meetings/meeting/", "/admin/meetings/article/import/", "/admin/meetings/meeting/review/"]:
        page.goto(demo + url)
    page.goto(demo + "/admin/meetings/meeting/")
    page.click("#result_list tbody tr th a")  # a change page: inlines, autocomplete widgets
    page.wait_for_selector("#meeting_form")
    assert refused == []
