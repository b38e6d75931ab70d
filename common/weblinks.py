"""Links organizers give (websites, slides, videos, job posts) are followed by visitors, so only web addresses are
stored: a database rule per link field, whatever wrote the row (the admin, the shell, a fixture, raw SQL).

The admin's URL fields already refuse other schemes except ftp://; the rule's message covers that one in plain words.
"""

from django.db import models
from django.db.models import Q


def web_link_constraints(model_name: str, *fields: str) -> list[models.CheckConstraint]:
    """One CheckConstraint per field: empty, or starting with http:// or https:// (in any letter case)."""
    return [
        models.CheckConstraint(
            condition=Q(**{field: ""})
            | Q(**{f"{field}__istartswith": "https://"})
            | Q(**{f"{field}__istartswith": "http://"}),
            name=f"{model_name}_{field}_is_web_link",
            violation_error_message=f"The {field.replace('_', ' ')} must be a web address starting with "
            "https:// or http://.",
        )
        for field in fields
    ]
