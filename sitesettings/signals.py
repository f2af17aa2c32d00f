from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from sitesettings.models import CACHE_KEY, SiteSettings


@receiver([post_save, post_delete], sender=SiteSettings)
def forget_cached_settings(**kwargs):
    transaction.on_commit(lambda: cache.delete(CACHE_KEY))
    cache.delete(CACHE_KEY)
