"""Run as `python -m tests.import_process FILE START`: import FILE in a process of its own,
with an extraction that finds two people and waits until START (a Unix time), so that
several such processes write at the same moment. Prints the import's status."""
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from meetings.extraction import types as x  # noqa: E402  (after django.setup())
from meetings.services import importing  # noqa: E402


def extract(parsed: x.Article) -> x.Extraction:
    wang = x.Person("Wang Yi", country="CN", rule="test")
    lavrov = x.Person("Sergey Lavrov", country="RU", rule="test")
    talks = x.Meeting("held", "bilateral", [wang, lavrov], title="Talks in Beijing", start=0, end=10, rule="test")
    time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
    return x.Extraction(parsed, [wang, lavrov], [], ["CN", "RU"], [talks], [])


importing.extract = extract
result = importing.article_import(path=sys.argv[1])
print(result.status, result.error)
