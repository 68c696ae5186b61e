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
    page.locator(".hero").get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=Cholpon-Ata")
    page.locator("#meetings").get_by_role("link", name="Shanghai Cooperation Organization summit in Cholpon-Ata").click()
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


def test_search_for_a_person_and_open_their_page(page, demo):
    page.goto(demo + "/meetings/")
    page.fill("#site-q", "satybaldiyev")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=satybaldiyev")
    people = page.locator("#people")
    assert "1" in people.locator("h2 .badge").inner_text()
    assert people.locator("mark").first.inner_text().lower() == "satybaldiyev"
    people.get_by_role("link", name="Zhantoro Satybaldiyev").click()
    assert page.locator("h1").inner_text() == "Zhantoro Satybaldiyev"
    assert page.locator("ol.timeline li").count() >= 1


def test_combine_two_facets_and_remove_one(page, demo):
    page.goto(demo + "/meetings/")
    page.locator(".facet", has_text="Status").get_by_role("link", name="Held").click()
    kind = page.locator(".facet", has_text="Kind")
    expected = int(kind.locator("li", has_text="Bilateral").locator(".n").inner_text())
    kind.get_by_role("link", name="Bilateral").click()
    assert "status=held" in page.url and "kind=bilateral" in page.url
    rows = page.locator("ul.rows li.meeting")
    assert rows.count() == expected > 0
    assert all("Held" in t and "Bilateral" in t for t in rows.all_inner_texts())
    page.get_by_role("link", name="Remove the filter Status: Held").click()
    assert "kind=bilateral" in page.url and "status=" not in page.url


def test_participant_suggestions_fill_the_datalist(page, demo):
    page.goto(demo + "/meetings/")
    page.locator("#id_participant").press_sequentially("Lavr", delay=30)
    page.locator("#participant-suggestions option").first.wait_for(state="attached")  # no eval: the CSP forbids it
    assert page.locator("#participant-suggestions option").first.get_attribute("value") == "Sergey Lavrov"
    page.get_by_role("button", name="Apply").click()
    assert "participant=Lavr" in page.url and "could not be used" in page.content()  # a part of a name is not a name
    page.fill("#id_participant", "Sergey Lavrov")
    page.get_by_role("button", name="Apply").click()
    assert page.locator("ul.rows li.meeting").count() >= 2


def test_open_a_country_pair_from_a_country_page(page, demo):
    page.goto(demo + "/countries/cn/")
    assert page.locator("figure.chart svg rect.bar").count() >= 1
    page.get_by_role("link", name="China and Russia").click()
    page.wait_for_url("**/countries/CN/RU/")
    assert page.locator("h1").inner_text() == "China and Russia"
    assert page.locator("ul.rows li.meeting", has_text="Sergey Lavrov meets Wang Yi in Beijing").count() == 1
    assert page.locator("li.said li.statement").count() >= 1


def test_follow_a_statement_to_its_highlighted_passage(page, demo):
    page.goto(demo + "/statements/?q=bloc")
    page.locator("li.statement").first.get_by_role("link", name="permalink").click()
    words = page.locator("blockquote.big").inner_text()
    page.locator("dd a[href*='#statement-']").click()  # the source, at the statement's passage
    anchor = page.url.split("#")[1]
    assert anchor.startswith("statement-")
    passage = page.locator(f"#{anchor} + mark")
    assert passage.is_visible()
    assert "bloc confrontation" in passage.inner_text() and "bloc confrontation" in words


def test_download_csv_and_json_of_a_filtered_list(page, demo):
    import csv
    import io
    import json

    page.goto(demo + "/meetings/?kind=bilateral&status=held")
    shown = page.locator("ul.rows li.meeting").all_inner_texts()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8").read())))
    assert rows[0][:3] == ["title", "status", "kind"]
    assert len(rows) - 1 == len(shown) and {r[2] for r in rows[1:]} == {"Bilateral"}
    href = page.get_by_role("link", name="JSON").get_attribute("href")
    data = json.loads(page.request.get(demo + "/meetings/" + href).text())
    assert data["count"] == len(shown) and {m["kind"] for m in data["results"]} == {"bilateral"}
    assert {m["title"] for m in data["results"]} == {r[0] for r in rows[1:]}


AUDITED = [
    "/", "/search/?q=Lavrov", "/meetings/?status=held&country=CN", "/meetings/sergey-lavrov-meets-wang-yi-in-beijing-2024-04-09/",
    "/people/wang-yi/", "/countries/cn/", "/countries/CN/RU/", "/organisations/shanghai-cooperation-organization/",
    "/statements/", "/about/data/",
]


def test_main_pages_pass_an_accessibility_audit(page, demo):
    """axe-core finds no serious or critical problem (contrast, labels, names, nesting, link styling)."""
    from axe_playwright_python.sync_playwright import Axe

    axe, problems = Axe(), {}
    for path in AUDITED:
        page.goto(demo + path)
        violations = [v for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
        if violations:
            problems[path] = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in violations]
    assert not problems, problems


def test_keyboard_skips_to_the_content_and_meeting_pages_print_without_the_site(page, demo):
    page.goto(demo + "/meetings/?status=held")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")
    page.goto(demo + "/meetings/sergey-lavrov-meets-wang-yi-in-beijing-2024-04-09/")
    page.emulate_media(media="print")
    assert page.locator("header.site").is_hidden() and page.locator("footer.site").is_hidden()
    assert page.locator("h1").is_visible() and page.locator("table.claims").is_visible()


def test_list_pages_fit_a_phone(page, demo):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ["/meetings/?status=held", "/people/wang-yi/", "/countries/cn/", "/search/?q=Wang", "/countries/CN/RU/"]:
        page.goto(demo + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.goto(demo + "/meetings/?status=held")
    results = page.locator(".results").bounding_box()
    filters = page.locator("#filters").bounding_box()
    assert results["y"] < filters["y"]  # on a phone the results come first


def test_no_page_breaks_the_content_security_policy(page, demo, admin_user):
    """Chromium reports every script, style or image the policy refused on the console."""
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    meeting = "/meetings/shanghai-cooperation-organization-summit-in-cholpon-ata-2013-07-13/"
    for url in ["/", "/meetings/", meeting, "/people/sergey-lavrov/", "/articles/", "/statements/?q=cooperation",
                "/search/?q=Lavrov", "/countries/cn/", "/countries/CN/RU/", "/about/data/"]:
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
