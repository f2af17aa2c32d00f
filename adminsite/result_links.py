"""The link of each row of a change list, reversed once a list instead of once a row.

Django reverses the change view's address for every row of a list (`ChangeList.url_for_result`),
some 100 a page, each a walk of the URL resolver. The addresses differ only by the row's key:
here the address is reversed once, with a stand-in key, and each row's key is put in the
stand-in's place. That is what reversing writes when the key, as the admin's quote() writes it,
is made of characters that reversing leaves as they are (letters, digits, "_" and "-": integer
keys, UUIDs); any other key, and a list whose class has its own url_for_result, is reversed
as Django does. The stand-in's address is kept on the list (one request), so the script
prefix, URLconf and language it was reversed under are the ones the rows are shown under.
"""

import re
from functools import cache

from django.contrib.admin.utils import quote
from django.contrib.admin.views.main import ChangeList
from django.urls import reverse

# Letters and digits only: the admin's quote() and reversing leave it as it is.
STAND_IN = "0rowkey0"
PLAIN = re.compile(r"[A-Za-z0-9_-]+")


class ResultLinksChangeList:
    """Mixed in before a change list class."""

    def url_for_result(self, result):
        # As reverse() writes an argument: str() of it (an integer key, which quote() leaves as
        # it is, too).
        key = str(quote(getattr(result, self.pk_attname)))
        around = self._result_url_around()
        if around is None or not PLAIN.fullmatch(key):
            return super().url_for_result(result)
        return f"{around[0]}{key}{around[1]}"

    def _result_url_around(self):
        """What the change view's address holds before and after the key, or None when the
        list does not link its rows as Django's ChangeList does."""
        if "_result_url" not in self.__dict__:
            self._result_url = None
            if _own_url_for_result(type(self)) is ChangeList.url_for_result:
                address = reverse(
                    f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=(STAND_IN,),
                    current_app=self.model_admin.admin_site.name,
                )
                if address.count(STAND_IN) == 1:
                    before, _, after = address.partition(STAND_IN)
                    self._result_url = (before, after)
        return self._result_url


def _own_url_for_result(changelist_class: type):
    """The url_for_result the class would have without ResultLinksChangeList."""
    for klass in changelist_class.__mro__:
        if klass is not ResultLinksChangeList and "url_for_result" in vars(klass):
            return vars(klass)["url_for_result"]
    return None


class ResultLinksAdmin:
    """Mixed in before a model admin class (by the site, sites.py)."""

    def get_changelist(self, request, **kwargs):
        return with_result_links(super().get_changelist(request, **kwargs))


@cache
def with_result_links(changelist_class: type) -> type:
    if issubclass(changelist_class, ResultLinksChangeList):
        return changelist_class
    return type(changelist_class.__name__, (ResultLinksChangeList, changelist_class), {})
