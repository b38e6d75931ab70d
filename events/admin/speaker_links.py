"""The speaker links in the talks' admin: the link with a copy button on a talk's page, and the list's actions
that mail each speaker their link or make new links (events.services.speaker_links)."""

from django.conf import settings
from django.contrib import admin, messages
from django.utils.html import format_html

from events.services.speaker_links import (
    speaker_link_closes_on,
    speaker_link_url,
    speaker_links_email,
    talks_renew_speaker_links,
)


@admin.display(description="speaker link")
def speaker_link(modeladmin, talk):
    """For TalkAdmin's readonly fields: the talk's private link, a copy button (static/js/copy-link.js)."""
    slot = getattr(talk, "slot", None) if talk.pk else None
    if slot is None:
        return "Appears once the talk is saved on a meetup’s program."
    closes_on = speaker_link_closes_on(slot.event)
    return format_html(
        '<input type="text" readonly id="speaker-link" value="{}" size="70" aria-label="Speaker link"> '
        '<button type="button" class="button" data-copy="speaker-link" data-copy-status="speaker-link-status">'
        'Copy link</button> <span id="speaker-link-status" role="status"></span>'
        '<div class="help">For the talk’s speakers only: with it they edit the talk, themselves and the slides, '
        "without an account, until {} ({} days after the meetup). The action “Make new speaker links” in the "
        "list of talks replaces it (the old link stops working).</div>",
        speaker_link_url(talk),
        f"{closes_on:%d %B %Y}",
        settings.VDLM_SPEAKER_LINK_DAYS,
    )


@admin.action(description="Email the speakers their private links", permissions=["change"])
def email_speaker_links(modeladmin, request, queryset):
    report = speaker_links_email(talks=queryset)
    if report.sent:
        modeladmin.message_user(
            request, f"Mailed the speaker link to {', '.join(report.sent)}.", messages.SUCCESS
        )
    if report.without_email:
        modeladmin.message_user(
            request,
            f"No email address for {', '.join(report.without_email)}: add it on their speaker page, or copy the "
            "link from the talk’s page and send it yourself.",
            messages.WARNING,
        )
    if report.closed:
        modeladmin.message_user(
            request,
            f"Not mailed, as their link has closed or they are on no meetup’s program: {', '.join(report.closed)}.",
            messages.WARNING,
        )
    if report.failed:
        modeladmin.message_user(request, f"Could not send: {'; '.join(report.failed)}.", messages.ERROR)


@admin.action(description="Make new speaker links (the old ones stop working)", permissions=["change"])
def renew_speaker_links(modeladmin, request, queryset):
    count = talks_renew_speaker_links(talks=queryset)
    modeladmin.message_user(
        request,
        f"Made new speaker links for {count} talk{'s' if count != 1 else ''}; the old links stop working now. "
        "Send the new ones with “Email the speakers their private links”.",
        messages.SUCCESS,
    )
