"""Imports running at once: the same file imported by eight imports gives one
article and seven clean duplicates; four articles that name the same people
give four articles and one record per person.

Each import runs in a process of its own (on both databases) or, on
PostgreSQL, in a thread with its own connection. The extraction is replaced by one that
reads the people from the test's own short articles and waits until every
import has extracted, so that all of them reach the database together: what is
tested is the database writes, the part that races.
"""
import datetime as dt
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from meetings.extraction import types as x
from meetings.models import Article, Meeting, Organisation, Person, PersonName, Statement
from meetings.services import importing
from meetings.services.importing import article_import

ROOT = Path(__file__).resolve().parent.parent
ON_POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
threads_need_postgres = pytest.mark.skipif(
    not ON_POSTGRES,
    reason="threads need PostgreSQL: SQLite's in-memory test database shares one cache between threads, "
           "where a lock fails at once instead of waiting (SQLite is raced with processes, below)",
)

MONDAY = dt.date(2024, 3, 11)


def story(n: int) -> str:
    return (f"Talks in Beijing, report {n}\n\nUpdated: 2024-03-11\n\nChinese Foreign Minister Wang Yi met Russian "
            f"Foreign Minister Sergey Lavrov and envoy Guest{n} Person in Beijing on Monday.\n")


def extraction_waiting_for(barrier: threading.Barrier):
    def extract(parsed: x.Article) -> x.Extraction:
        wang = x.Person("Wang Yi", role="Foreign Minister", country="CN", rule="test")
        lavrov = x.Person("Sergey Lavrov", role="Foreign Minister", country="RU", rule="test")
        guest = x.Person(parsed.text.split("envoy ")[1].split(" in ")[0], country="CN", rule="test")
        sco = x.Organisation("Shanghai Cooperation Organisation", acronym="SCO", kind="intergovernmental")
        start = parsed.text.index("Chinese")
        meeting = x.Meeting("held", "multilateral", [wang, lavrov], date=x.DateValue(MONDAY, "day", "on Monday"),
                            place="Beijing", country="CN", organisation=sco.name, title="Talks in Beijing",
                            start=start, end=len(parsed.text) - 1, rule="test", confidence=0.9)
        said = x.Statement(wang, parsed.text[start:start + 30], start, start + 30, "reported", meeting=meeting,
                           rule="test")
        barrier.wait(timeout=60)  # every import has extracted: now they all write at once
        return x.Extraction(parsed, [wang, lavrov, guest], [sco], ["CN", "RU"], [meeting], [said])
    return extract


def run_at_once(imports) -> list:
    results = [None] * len(imports)

    def run(i, kwargs):
        try:
            results[i] = article_import(**kwargs)
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=run, args=(i, kwargs)) for i, kwargs in enumerate(imports)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@threads_need_postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_file_imported_eight_times_at_once_is_one_article(tmp_path, monkeypatch):
    path = tmp_path / "talks.txt"
    path.write_text(story(1), encoding="utf-8")
    monkeypatch.setattr(importing, "extract", extraction_waiting_for(threading.Barrier(8)))
    results = run_at_once([dict(path=path)] * 8)
    assert sorted(r.status for r in results) == ["duplicate"] * 7 + ["imported"], [r.error for r in results]
    assert all(r.article is not None and r.article.pk == results[0].article.pk for r in results)
    assert Article.objects.count() == 1 and Person.objects.count() == 3 and Statement.objects.count() == 1


@threads_need_postgres
@pytest.mark.django_db(transaction=True)
def test_four_articles_sharing_people_imported_at_once_lose_nothing_and_duplicate_no_one(tmp_path, monkeypatch):
    paths = []
    for n in range(4):
        paths.append(tmp_path / f"talks-{n}.txt")
        paths[-1].write_text(story(n), encoding="utf-8")
    monkeypatch.setattr(importing, "extract", extraction_waiting_for(threading.Barrier(4)))
    results = run_at_once([dict(path=p) for p in paths])
    assert [r.status for r in results] == ["imported"] * 4, [r.error for r in results]
    assert Article.objects.count() == 4 and Statement.objects.count() == 4
    assert Person.objects.filter(name="Wang Yi").count() == 1
    assert Person.objects.filter(name="Sergey Lavrov").count() == 1
    assert Person.objects.count() == 2 + 4  # and one guest per article
    assert Organisation.objects.count() == 1
    assert Meeting.objects.count() == 1 and Meeting.objects.get().sources.count() == 4
    assert PersonName.objects.filter(key="wang yi").count() == 1


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_eight_processes_importing_one_file_give_one_article(tmp_path):
    """Eight `import` processes, as eight commands run at once would be. On SQLite its
    write lock serialises them, provided that each transaction takes it at its start
    (IMMEDIATE): otherwise all but one fail with "database is locked"."""
    if ON_POSTGRES:
        db = connection.settings_dict  # the test database, which the processes share
        url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    else:
        url = f"sqlite:///{tmp_path / 'chancery.sqlite3'}"  # the in-memory test database is not shared
    env = {**os.environ, "DATABASE_URL": url}
    if not ON_POSTGRES:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    path = tmp_path / "talks.txt"
    path.write_text(story(1), encoding="utf-8")
    start = str(time.time() + 8)  # every process has started and extracted by then
    processes = [subprocess.Popen([sys.executable, "-m", "tests.import_process", str(path), start], cwd=ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for _ in range(8)]
    statuses = sorted(process.communicate(timeout=120)[0].strip() for process in processes)
    assert statuses == ["duplicate"] * 7 + ["imported"], statuses
    count = subprocess.run([sys.executable, "manage.py", "shell", "-c", "from meetings.models import Article, Person; "
                            "print(Article.objects.count(), Person.objects.count())"],
                           cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert count.stdout.strip().splitlines()[-1].split() == ["1", "2"]
