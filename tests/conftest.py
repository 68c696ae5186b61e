import pytest

from tests import builders


@pytest.fixture
def seeded(db):
    """A small world: two meetings, three people, statements, one article."""
    with builders.counted_once():
        return _seed()


def _seed():
    cn, ru, kg = builders.country("CN"), builders.country("RU"), builders.country("KG")
    sco = builders.organisation("Shanghai Cooperation Organization", acronym="SCO", kind="intergovernmental")
    wang = builders.person("Wang Yi", country=cn, aliases=["Wang"])
    lavrov = builders.person("Sergey Lavrov", country=ru)
    satybaldiyev = builders.person("Zhantoro Satybaldiyev", country=kg)
    art = builders.article(title="Central Asian cooperation urged")
    summit = builders.meeting(
        "SCO foreign ministers' meeting", participants=[wang, lavrov], source=art, status="held",
        kind="multilateral", date="2013-07-13", place="Cholpon-Ata", country=kg, organisation=sco,
    )
    talks = builders.meeting(
        "Wang Yi meets Zhantoro Satybaldiyev", participants=[wang, satybaldiyev], source=art,
        kind="bilateral", date="2013-07-14", country=kg,
    )
    visit = builders.meeting("Wang Yi visit to Uzbekistan", participants=[wang], status="planned",
                             country=builders.country("UZ"))
    s1 = builders.statement(wang, art, meeting=summit, kind="quote", date="2013-07-13", role="Foreign Minister")
    s2 = builders.statement(satybaldiyev, art, meeting=talks, kind="reported", date="2013-07-14",
                            text="Kyrgyzstan opposes separatist movements", start=5, end=44)
    return dict(cn=cn, ru=ru, kg=kg, sco=sco, wang=wang, lavrov=lavrov, satybaldiyev=satybaldiyev,
                article=art, summit=summit, talks=talks, visit=visit, s1=s1, s2=s2)


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, headless, with the flags this machine's closed network needs."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    }
