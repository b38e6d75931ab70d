from django.db import models
from django.db.models import Q
from django.urls import reverse


def slides_upload_path(talk: "Talk", filename: str) -> str:
    """Readable and collision-free: slides/<year>/<meetup number or event slug>/<talk-slug>.pdf.

    Talk slugs are unique per event, so the path is unique; the storage adds a suffix should a stale file remain.
    """
    return f"slides/{talk.event.date:%Y}/{talk.event.folder}/{talk.slug}.pdf"


def speaker_photo_path(speaker: "Speaker", filename: str) -> str:
    return f"speakers/{speaker.slug}.jpg"


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
    website = models.URLField(blank=True)
    github = models.URLField("GitHub", blank=True)
    linkedin = models.URLField("LinkedIn", blank=True)
    social = models.URLField("Mastodon, Bluesky or X", blank=True)
    alternative_names = models.JSONField(
        default=list,
        blank=True,
        help_text="Other spellings of the name seen in the history (e.g. “Rene Donner”), so imports merge them.",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("talks:speaker_detail", kwargs={"slug": self.slug})


class TalkQuerySet(models.QuerySet):
    def public(self):
        """Talks of events the public may see (drafts stay hidden)."""
        return self.exclude(event__status="draft")

    def visible_to(self, user):
        """Staff may preview talks of drafts; everybody else sees public talks only."""
        return self if user.is_staff else self.public()


class Talk(models.Model):
    class Kind(models.TextChoices):
        TALK = "talk", "Talk"
        LIGHTNING = "lightning", "Lightning talk"
        HOT_TOPICS = "hot_topics", "Hot topics / news"
        INTRO = "intro", "Intro / announcements"
        PANEL = "panel", "Panel"

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="talks")
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.TALK)
    abstract = models.TextField(blank=True, help_text="Markdown.")
    is_cancelled = models.BooleanField("cancelled", default=False)
    order = models.PositiveSmallIntegerField(default=0)
    speakers = models.ManyToManyField(Speaker, through="TalkSpeaker", related_name="talks")
    slides = models.FileField(upload_to=slides_upload_path, blank=True, help_text="PDF, up to 50 MB.")
    slides_url = models.URLField(
        "slides link", max_length=500, blank=True, help_text="…or a link to the slides."
    )
    slides_pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    slides_size = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    slides_text = models.TextField(blank=True, editable=False)
    download_count = models.PositiveIntegerField(default=0, editable=False)
    video_url = models.URLField(blank=True)

    objects = TalkQuerySet.as_manager()

    class Meta:
        ordering = ["event", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="talk_slug_unique_per_event"),
            models.CheckConstraint(
                condition=Q(slides="") | Q(slides_url=""), name="talk_slides_file_xor_link"
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="talk_slug_not_empty"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("talks:talk_detail", kwargs={"event_slug": self.event.slug, "slug": self.slug})

    @property
    def has_slides(self) -> bool:
        return bool(self.slides or self.slides_url)

    def get_slides_url(self) -> str:
        """The counted download link (for files and external links alike)."""
        return reverse("talks:talk_slides", kwargs={"event_slug": self.event.slug, "slug": self.slug})


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

    class Meta:
        ordering = ["talk", "order", "pk"]
        verbose_name = "speaker of the talk"
        verbose_name_plural = "speakers of the talk"
        constraints = [models.UniqueConstraint(fields=["talk", "speaker"], name="talkspeaker_unique")]

    def __str__(self):
        return f"{self.speaker.name} ({self.affiliation})" if self.affiliation else self.speaker.name
