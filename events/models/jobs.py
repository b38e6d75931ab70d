from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from common.content import ContentQuerySet
from common.weblinks import web_link_constraints, web_link_field
from events.enums import PUBLIC_STATUSES
from events.models.events import local_today
from events.models.sponsors import Sponsor


class JobPostQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Staff see every post; everybody else posts of no meetup or of a public one (a draft's stay private)."""
        if user.is_staff:
            return self
        return self.filter(Q(event__isnull=True) | Q(event__status__in=PUBLIC_STATUSES))

    def open(self):
        """Active and not expired (expiry day included), so expired posts disappear by themselves."""
        return self.filter(is_active=True).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=local_today())
        )


class JobPost(models.Model):
    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200)
    sponsor = models.ForeignKey(
        Sponsor,
        on_delete=models.SET_NULL,
        related_name="job_posts",
        null=True,
        blank=True,
        help_text="When the company is one of our sponsors.",
    )
    description = models.TextField(blank=True, help_text="Markdown.")
    url = web_link_field("link", blank=True, help_text="Where to apply or read more.")
    location = models.CharField(max_length=200, blank=True, default="Vienna")
    posted_on = models.DateField(default=local_today)
    expires_on = models.DateField(
        null=True, blank=True, help_text="The post disappears from the site after this day."
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.SET_NULL,
        related_name="job_posts",
        null=True,
        blank=True,
        help_text="The meetup where it was announced.",
    )
    is_active = models.BooleanField(default=True)

    objects = JobPostQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("posted_on")),
                name="jobpost_expires_after_posted",
                violation_error_code="expires_on",
                violation_error_message="The post cannot expire before it was posted.",
            ),
            *web_link_constraints("jobpost", "url"),
        ]

    def __str__(self):
        return f"{self.title} at {self.company}"

    def get_absolute_url(self):
        return reverse("events:job_list") + f"#job-{self.pk}"

    @property
    def is_open(self) -> bool:
        """JobPostQuerySet.open()'s rule, for a post already loaded."""
        return self.is_active and (self.expires_on is None or self.expires_on >= local_today())
