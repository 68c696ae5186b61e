import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.django_db
def test_demo_fixture_loads_the_seed_article(client):
    from meetings.models import Article, Meeting, Person, Statement

    call_command("loaddata", "demo", verbosity=0)
    assert Article.objects.filter(title__startswith="Central Asian cooperation").exists()
    assert Person.objects.filter(name__in=["Wang Yi", "Sergey Lavrov", "Zhantoro Satybaldiyev"]).count() == 3
    summit = Meeting.objects.get(organisation__acronym="SCO", date="2013-07-13")
    assert summit.participations.count() == 7
    assert Statement.objects.count() >= 10
    for statement in Statement.objects.all():  # every span points at its own text
        assert statement.article.text[statement.start : statement.end] == statement.text
    seed = Article.objects.get(title__startswith="Central Asian cooperation")
    for url in ["/", summit.get_absolute_url(), "/people/wang-yi/", "/countries/kg/", seed.get_absolute_url()]:
        assert client.get(url).status_code == 200


def test_no_missing_migrations():
    result = subprocess.run([sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _production_env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="chancery.example.org", **extra)
    return env


def test_check_deploy_is_clean_in_production():
    env = _production_env(DJANGO_SECRET_KEY="x" * 20 + "-a-long-random-production-secret-" + "y" * 20)
    result = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                            cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret():
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
                            env=_production_env())
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
