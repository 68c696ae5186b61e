"""Property-based: random and malicious values at every list filter, search,
export and detail URL, and at the admin's import form. Whatever arrives, the
answer is never a 500 and no record changes (hypothesis; the number of examples
is bounded so that the suite stays fast)."""
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve
from hypothesis import HealthCheck, given, settings, strategies as st

from meetings.models import (
    Article, Meeting, MeetingSource, Organisation, OrganisationName, Participation, Person, PersonName, Statement,
)

pytestmark = pytest.mark.django_db

BOUNDED = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                         HealthCheck.too_slow])

MALICIOUS = [
    "\x00", "a\x00b", "%00", "' OR 1=1 --", "\"; DROP TABLE meetings_person; --", "<script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")", "../../etc/passwd", "%", "_", "\\", "-1", "0", "99999999999999999999",
    "1e309", "NaN", "2024-02-30", "9999-12-31", "0000-00-00", "-date", "--", "?", "&", "#", "\u202e", "\ufeff",
    "𝓦𝓪𝓷𝓰", "ß" * 300, " ".join(["word"] * 1000), "x" * 5000,
]
VALUES = st.one_of(
    st.sampled_from(MALICIOUS),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.integers().map(str),
    st.dates().map(str),
)
LISTS = ["/meetings/", "/people/", "/countries/", "/organisations/", "/statements/", "/articles/"]
DETAILS = ["/meetings/{}/", "/people/{}/", "/countries/{}/", "/organisations/{}/", "/statements/{}/", "/articles/{}/"]
RECORDS = [Article, Meeting, MeetingSource, Organisation, OrganisationName, Participation, Person, PersonName, Statement]


def snapshot() -> dict:
    return {model.__name__: sorted(map(repr, model.objects.values_list())) for model in RECORDS}


def parameters(url: str) -> list[str]:
    """Every query parameter a list page reads: its filters (both ends of a range), sort, page and format."""
    view = resolve(url).func.view_class
    names = ["page", "format"]
    for name, field in view.filterset_class().form.fields.items():
        suffixes = getattr(field.widget, "suffixes", None)
        names += [f"{name}_{suffix}" for suffix in suffixes] if suffixes else [name]
    return names


@pytest.fixture
def before(seeded):
    return snapshot()


@BOUNDED
@given(data=st.data())
def test_list_filters_searches_and_exports_never_fail(client, before, data):
    url = data.draw(st.sampled_from(LISTS))
    names = parameters(url)
    query = data.draw(st.dictionaries(st.one_of(st.sampled_from(names), VALUES), VALUES, max_size=4))
    if data.draw(st.booleans()):
        query["format"] = "csv"
    response = client.get(url, query)
    assert response.status_code in (200, 400, 404), (url, query, response.status_code)
    if response.status_code == 200 and response.get("Content-Type", "").startswith("text/csv"):
        b"".join(response.streaming_content)  # the rows are written as they stream
    assert snapshot() == before


@BOUNDED
@given(pattern=st.sampled_from(DETAILS), value=VALUES)
def test_detail_pages_never_fail(client, before, pattern, value):
    response = client.get(pattern.format(quote(value, safe="")))
    assert response.status_code in (200, 301, 400, 404), (pattern, value, response.status_code)
    assert snapshot() == before


ARTICLE_TEXT = st.builds(
    lambda title, who, other, where, extra: f"{title}\n\nUpdated: 2024-03-11\n\nForeign Minister {who} met {other} "
                                            f"in {where} on Monday, the ministry said. {extra}\n",
    VALUES, VALUES, VALUES, VALUES, VALUES,
)


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(text=st.one_of(ARTICLE_TEXT, VALUES), filename=VALUES, published=VALUES, source=VALUES,
       upload=st.one_of(st.none(), st.binary(max_size=300)))
def test_the_admin_import_preview_never_fails_nor_writes(admin_client, before, text, filename, published, source,
                                                          upload):
    form = {"text": text, "filename": filename, "published": published, "source": source}
    if upload is not None:
        # A name whose last part is empty or a dot ("/", "..") is refused by the test client itself.
        name = filename[:50].replace("\\", "/").rsplit("/", 1)[-1]
        form = {**form, "text": "", "file": SimpleUploadedFile(name if name not in {"", ".", ".."} else "x.txt", upload)}
    response = admin_client.post("/admin/meetings/article/import/", form)
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:  # the upload's page: extracted or failed, never an error
        assert admin_client.get(response["Location"]).status_code == 200
    assert snapshot() == before
