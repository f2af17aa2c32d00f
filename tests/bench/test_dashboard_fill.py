"""bench/dashboard/fill.py writes its SlotDay rows with one constant statement and every
value a parameter: a hostile value is stored as a value, and the table is untouched."""

import datetime

import pytest
from django.db import connection

from bench.dashboard.fill import INSERT_SLOT_DAYS
from recommendations.models import SlotDay
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

HOSTILE = ["');DROP --", '" OR 1=1', "%s%s", "x'||'y"]  # the column holds 10


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_value_is_stored_as_a_value(kind):
    source, target = ArticleFactory(), ArticleFactory()
    with connection.cursor() as cursor:
        cursor.executemany(
            INSERT_SLOT_DAYS, [(datetime.date(2026, 12, 4), source.pk, target.pk, 1, kind, 3, 1)]
        )
    assert list(SlotDay.objects.values_list("kind", "impressions", "clicks")) == [(kind, 3, 1)]
