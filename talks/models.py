"""Speakers and talks. A talk knows nothing of meetups: a meetup's program (events.AgendaSlot) points at it.

So talks imports nothing of events but its enums; where a talk's meetup matters (visibility, the page address) the
lookups follow that pointer backwards through `slot__event`.
"""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from common.content import ContentQuerySet
from common.weblinks import web_link_constraints, web_link_field
from events.enums import PUBLIC_STATUSES
from talks.enums import TalkKind


def slides_upload_path(talk: "Talk", filename: str) -> str:
    """slides/talks/<talk-slug>.pdf: talk slugs are unique, and the storage adds a suffix should a stale file
    remain."""
    return f"slides/talks/{talk.slug}.pdf"


def speaker_photo_path(speaker: "Speaker", filename: str) -> str:
    return f"speakers/{speaker.slug}.jpg"


def visible_talks(user, *, through: str = "") -> Q:
    """The one rule for the talks a user may see: staff all (drafts to preview), everybody else those on the program
    of a published or cancelled meetup. `through` ("talk__", "talks__") reaches them from another model as a join:
    a `talk__in=<talks>` subquery made the database list every public talk for each row it checked."""
    return Q() if user.is_staff else Q(**{f"{through}slot__event__status__in": PUBLIC_STATUSES})


class SpeakerQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Staff see every speaker; everybody else the speakers of talks they may see."""
        if user.is_staff:
            return self
        return self.filter(Exists(TalkSpeaker.objects.visible_to(user).filter(speaker=OuterRef("pk"))))


class Speaker(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    affiliation = models.CharField(
        "current affiliation",
        max_length=300,
        blank=True,
        help_text="Where the speaker works now. The affiliation at each talk is kept on the talk.",
    )
    bio = models.TextField(blank=True, help_text="Markdown.")
    photo = models.ImageField(upload_to=speaker_photo_path, blank=True)
    website = web_link_field(blank=True)
    github = web_link_field("GitHub", blank=True)
    linkedin = web_link_field("LinkedIn", blank=True)
    social = web_link_field("Mastodon, Bluesky or X", blank=True)
    email = models.EmailField(
        "email address",
        blank=True,
        help_text="Where the speaker's private link to edit their talk is sent; never shown on the site.",
    )
    alternative_names = models.JSONField(
        default=list,
        blank=True,
        help_text="Other spellings of the name seen in the history (e.g. “Rene Donner”), so imports merge them.",
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="speaker_slug_not_empty"),
            *web_link_constraints("speaker", "website", "github", "linkedin", "social"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("talks:speaker_detail", kwargs={"slug": self.slug})

    @property
    def autocomplete_label(self) -> str:
        """How the admin offers the speaker: "Jan Schlüter (JKU)", so two people of one name are told apart."""
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


class TalkQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Staff may preview talks of drafts; everybody else sees the talks of public meetups only."""
        return self.filter(visible_talks(user))


class Talk(models.Model):
    # Shown on no public page, so changing them does not drop cached pages: counted on every download; renewed
    # when organizers make new speaker links.
    PAGE_NEUTRAL_FIELDS = {"download_count", "speaker_link_version"}

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=TalkKind, default=TalkKind.TALK)
    abstract = models.TextField(blank=True, help_text="Markdown.")
    is_cancelled = models.BooleanField("cancelled", default=False)
    speakers = models.ManyToManyField(Speaker, through="TalkSpeaker", related_name="talks")
    slides = models.FileField(upload_to=slides_upload_path, blank=True, help_text="PDF, up to 50 MB.")
    slides_url = web_link_field(
        "slides link", max_length=500, blank=True, help_text="…or a link to the slides."
    )
    slides_pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    slides_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    slides_text = models.TextField(blank=True, editable=False)
    download_count = models.PositiveIntegerField(default=0, editable=False)
    video_url = web_link_field("video link", blank=True)
    # Part of the signed speaker link (events.services.speaker_links); raising it makes earlier links stop working.
    speaker_link_version = models.PositiveIntegerField(default=0, editable=False)

    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]  # talks are shown in their meetup's running order (the agenda), not by their own
        constraints = [
            models.CheckConstraint(
                condition=Q(slides="") | Q(slides_url=""),
                name="talk_slides_file_xor_link",
                violation_error_code="slides_url",
                violation_error_message="Upload a file or give a link, not both.",
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="talk_slug_not_empty"),
            *web_link_constraints("talk", "slides_url", "video_url"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Expects the talk's slot and meetup loaded (`select_related("slot__event")`)."""
        return reverse("talks:talk_detail", kwargs={"event_slug": self.slot.event.slug, "slug": self.slug})

    def get_slides_url(self) -> str:
        """The counted download link (for files and external links alike)."""
        return reverse("talks:talk_slides", kwargs={"event_slug": self.slot.event.slug, "slug": self.slug})

    @property
    def has_slides(self) -> bool:
        return bool(self.slides or self.slides_url)


class TalkSpeakerQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Who spoke in which talk, for the talks this user may see."""
        return self.filter(visible_talks(user, through="talk__"))


class TalkSpeaker(models.Model):
    talk = models.ForeignKey(Talk, on_delete=models.CASCADE, related_name="talk_speakers")
    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="talk_speakers")
    affiliation = models.CharField(
        "affiliation at the time",
        max_length=300,
        blank=True,
        help_text="Where the speaker worked when giving this talk.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = TalkSpeakerQuerySet.as_manager()

    class Meta:
        ordering = ["talk", "order", "pk"]
        verbose_name = "speaker of the talk"
        verbose_name_plural = "speakers of the talk"
        constraints = [models.UniqueConstraint(fields=["talk", "speaker"], name="talkspeaker_unique")]

    def __str__(self):
        return f"{self.speaker.name} ({self.affiliation})" if self.affiliation else self.speaker.name
