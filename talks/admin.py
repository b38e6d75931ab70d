from django.contrib import admin

from talks.models import Speaker, Talk, TalkSpeaker


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "affiliation"]
    search_fields = ["name", "affiliation", "alternative_names"]
    prepopulated_fields = {"slug": ["name"]}


class TalkSpeakerInline(admin.TabularInline):
    model = TalkSpeaker
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["order", "speaker", "affiliation"]


@admin.register(Talk)
class TalkAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "kind", "is_cancelled", "download_count"]
    list_filter = ["kind", "is_cancelled", "event__date"]
    list_select_related = ["event"]
    search_fields = ["title", "abstract", "speakers__name", "event__title"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["event"]
    readonly_fields = ["slides_pages", "slides_size", "download_count"]
    inlines = [TalkSpeakerInline]
    fields = [
        "event",
        "order",
        "title",
        "slug",
        "kind",
        "is_cancelled",
        "abstract",
        "slides",
        "slides_url",
        "slides_pages",
        "slides_size",
        "video_url",
        "download_count",
    ]
