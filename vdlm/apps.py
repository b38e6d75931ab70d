from django.apps import AppConfig, apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save

from common.content import content_changed


def announce_model_write(sender, **kwargs) -> None:
    """Model signals of a content model -> content_changed (with the through model of an m2m as sender)."""
    content_changed.send(sender=sender, using=kwargs.get("using"))


class VdlmConfig(AppConfig):
    """The site itself: no models; it connects the page cache to every write of the content apps."""

    name = "vdlm"
    verbose_name = "Site"

    def ready(self):
        from vdlm.cache import invalidate_pages

        content_changed.connect(invalidate_pages, dispatch_uid="vdlm-pages")
        for label in settings.VDLM_CONTENT_APPS:
            for model in apps.get_app_config(label).get_models():
                uid = f"vdlm-content-{model._meta.label_lower}"
                post_save.connect(announce_model_write, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(announce_model_write, sender=model, dispatch_uid=f"{uid}-delete")
                m2m_changed.connect(announce_model_write, sender=model, dispatch_uid=f"{uid}-m2m")
