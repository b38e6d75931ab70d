"""Links organizers give (websites, slides, videos, job posts) are followed by visitors, so only web addresses are
stored: a database rule per link field, whatever wrote the row (the admin, the shell, a fixture, raw SQL).

Model fields are `web_link_field`s: every form refuses another scheme (ftp:// included) in plain words on the field.
Forms that edit a link outside its model (a talk's links in its agenda slot) use `web_link_validator`. The rule's
message, for the rest, also names its field (`violation_error_code`, see common.admin_forms).
"""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q

WEB_LINK_MESSAGE = "Give a web address starting with https:// or http://."
web_link_validator = URLValidator(schemes=["http", "https"], message=WEB_LINK_MESSAGE, code="web_link")


def web_link_field(*args, **kwargs) -> models.URLField:
    """A link visitors follow: a URLField whose forms refuse another scheme than http(s), in plain words on the field.
    (A validator rather than a field class: Django alters no table for a validator.)"""
    return models.URLField(*args, validators=[web_link_validator], **kwargs)


def web_link_constraints(model_name: str, *fields: str) -> list[models.CheckConstraint]:
    """One CheckConstraint per field: empty, or starting with http:// or https:// (in any letter case)."""
    return [
        models.CheckConstraint(
            condition=Q(**{field: ""})
            | Q(**{f"{field}__istartswith": "https://"})
            | Q(**{f"{field}__istartswith": "http://"}),
            name=f"{model_name}_{field}_is_web_link",
            violation_error_code=field,
            violation_error_message=WEB_LINK_MESSAGE,
        )
        for field in fields
    ]
