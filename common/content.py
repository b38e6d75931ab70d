"""Telling the site that public content changed, whatever the write path.

The content apps (settings.VDLM_CONTENT_APPS) are what public pages show. Saves, deletes and many-to-many changes
send Django's model signals; `update()`, `bulk_create()` and `bulk_update()` send none, so every content model's
QuerySet is a ContentQuerySet, which announces those writes too. The page cache (vdlm.cache) listens to
`content_changed` and nothing else, so no write path of the project's own can skip it.
"""

from django.db import models
from django.dispatch import Signal

# Sent with `sender` = the model class and `using` = the database alias, after any write to a content model.
content_changed = Signal()


class ContentQuerySet(models.QuerySet):
    """A QuerySet whose bulk writes announce themselves; a model may name `PAGE_NEUTRAL_FIELDS` that no page shows
    (a download counter), whose updates alone announce nothing."""

    def _changed(self) -> None:
        content_changed.send(sender=self.model, using=self.db)

    def update(self, **kwargs):
        rows = super().update(**kwargs)
        if rows and not set(kwargs) <= set(getattr(self.model, "PAGE_NEUTRAL_FIELDS", ())):
            self._changed()
        return rows

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            self._changed()
        return created

    bulk_create.alters_data = True

    def bulk_update(self, objs, fields, *args, **kwargs):
        rows = super().bulk_update(objs, fields, *args, **kwargs)
        if rows:
            self._changed()
        return rows

    bulk_update.alters_data = True
