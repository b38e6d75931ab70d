"""The meetup's admin page as the organizers' workspace: the program with its talks, the buttons, the checklist,
two organizers at once, and every rule explained on its field."""

import datetime
import email
import email.policy
import re

import pytest
import time_machine
import vobject
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from events.enums import EventStatus, SponsorRole
from events.models import AgendaSlot, Event
from events.services.publishing import DRAFT_NOT_CANCELLED, event_checklist
from events.services.registrations import registration_cancel
from talks.models import Speaker, Talk
from tests.admin_pages import add_inline_row, change_page_data
from tests.events.speaker_link_pages import link_path, page_data, talk_field
from tests.factories import (
    make_event,
    make_registration,
    make_slot,
    make_speaker,
    make_sponsor,
    make_sponsorship,
    make_talk,
    make_venue,
)
from tests.files import pdf_bytes, stored_files, upload

pytestmark = pytest.mark.django_db

PROGRAM = "agenda"


def change_url(event: Event) -> str:
    return reverse("admin:events_event_change", args=[event.pk])


def opened(client, event: Event) -> dict:
    response = client.get(change_url(event))
    assert response.status_code == 200
    return change_page_data(response)


@pytest.fixture
def draft():
    return make_event(
        number=80,
        title="80th Deep Learning Meetup",
        date=datetime.date(2031, 5, 14),
        start_time=datetime.time(18, 30),
        status=EventStatus.DRAFT,
        venue=make_venue(name="TU Wien"),
    )


def test_program_row_with_a_talk_creates_the_talk_its_speakers_and_slides(
    organizer_client, draft, media_root
):
    ada = make_speaker(name="Ada Lovelace", affiliation="Analytical Engines")
    grace = make_speaker(name="Grace Hopper", affiliation="Navy")
    data = opened(organizer_client, draft)
    add_inline_row(data, PROGRAM, start_time="18:45", kind="talk", title="")
    data |= {
        f"{PROGRAM}-0-talk_title": "Engines that think",
        f"{PROGRAM}-0-talk_kind": "talk",
        f"{PROGRAM}-0-speakers": [grace.pk, ada.pk],  # in the order chosen
        f"{PROGRAM}-0-abstract": "How machines might compose music.",
        f"{PROGRAM}-0-slides": upload(pdf_bytes(["Engines", "Questions?"]), name="final v3.pdf"),
    }

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    talk = Talk.objects.get(slot__event=draft)
    assert (talk.title, talk.slug, talk.abstract, talk.slides_pages) == (
        "Engines that think",
        "engines-that-think",
        "How machines might compose music.",
        2,
    )
    assert [(link.speaker.name, link.affiliation) for link in talk.talk_speakers.all()] == [
        ("Grace Hopper", "Navy"),
        ("Ada Lovelace", "Analytical Engines"),
    ]
    assert (talk.slot.title, talk.slot.kind, talk.slot.start_time) == ("", "talk", datetime.time(18, 45))
    assert stored_files(media_root) == ["slides/talks/engines-that-think.pdf"]


def test_program_is_stored_in_time_order_with_new_rows_last(organizer_client, draft):
    make_slot(event=draft, title="Welcome", start_time=datetime.time(18, 30))
    make_slot(event=draft, title="Talk one", start_time=datetime.time(19, 0))
    make_slot(event=draft, title="Networking")
    data = opened(organizer_client, draft)
    add_inline_row(data, PROGRAM, start_time="18:45", kind="break", title="Coffee")  # added last, timed
    add_inline_row(data, PROGRAM, kind="other", title="Raffle")  # added last, untimed

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 302
    assert list(draft.agenda.values_list("position", "title")) == [
        (0, "Welcome"),
        (1, "Coffee"),
        (2, "Talk one"),
        (3, "Networking"),
        (4, "Raffle"),
    ]


def test_program_row_needs_a_title_or_a_talk_with_the_message_on_the_field(organizer_client, draft):
    data = opened(organizer_client, draft)
    add_inline_row(data, PROGRAM, start_time="19:00", kind="other", title="")

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 200
    [formset] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == PROGRAM
    ]
    assert formset.forms[0].errors == {"title": ["Give the slot a title (e.g. “Networking”), or a talk."]}
    assert draft.agenda.count() == 0


def test_program_row_ending_before_it_starts_is_explained_on_the_end_field(organizer_client, draft):
    data = opened(organizer_client, draft)
    add_inline_row(data, PROGRAM, start_time="21:00", end_time="20:00", kind="break", title="Break")

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 200
    [formset] = [
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == PROGRAM
    ]
    assert formset.forms[0].errors == {
        "end_time": ["The slot must end after it starts (and needs a start to have an end)."]
    }
    assert "is violated" not in response.content.decode()


def test_event_ending_before_it_starts_is_explained_on_the_end_field(organizer_client, draft):
    data = opened(organizer_client, draft) | {"end_time": "17:00"}

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "end_time": ["The meetup must end after it starts (and needs a start to have an end)."]
    }


def test_program_row_removed_takes_its_talk_with_it(organizer_client, draft):
    talk = make_talk(event=draft, title="Withdrawn")
    data = opened(organizer_client, draft) | {f"{PROGRAM}-0-DELETE": "on"}

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 302
    assert not Talk.objects.filter(pk=talk.pk).exists()
    assert draft.agenda.count() == 0


def test_program_row_with_talk_fields_but_no_talk_title_is_refused(organizer_client, draft):
    data = opened(organizer_client, draft)
    add_inline_row(data, PROGRAM, kind="talk", title="Talk 1", abstract="Something")

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 200
    assert "Give the talk a title" in response.content.decode()
    assert Talk.objects.count() == 0


def test_program_row_with_an_overlong_video_link_is_refused_on_its_field(organizer_client, draft):
    """The column holds 200 characters: the form says so, rather than the database failing the save."""
    data = opened(organizer_client, draft)
    long_link = "https://video.example.org/" + "v" * 200
    add_inline_row(data, PROGRAM, kind="talk", talk_title="Engines that think", video_url=long_link)

    response = organizer_client.post(change_url(draft), data)

    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in response.content.decode()
    assert Talk.objects.count() == 0


def test_two_organizers_at_once_the_later_stale_save_is_refused_and_names_the_change(client, draft):
    olga, paul = (User.objects.create_superuser(name, password="pw") for name in ("olga", "paul"))
    client.force_login(paul)
    stale = opened(client, draft)
    olga_client = type(client)()
    olga_client.force_login(olga)
    olga_saves = olga_client.post(
        change_url(draft), opened(olga_client, draft) | {"description": "Olga's text"}
    )
    assert olga_saves.status_code == 302

    response = client.post(change_url(draft), stale | {"description": "Paul's text"})

    assert response.status_code == 200
    [message] = response.context["adminform"].form.non_field_errors()
    assert message.startswith("Not saved: someone else saved this page after you opened it (olga at ")
    assert "Changed Description." in message
    draft.refresh_from_db()
    assert draft.description == "Olga's text"
    assert "Paul&#x27;s text" in response.content.decode()  # still in the form, not lost


def speaker_saves_abstract(talk: Talk, abstract: str) -> None:
    """The talk's speaker changes the abstract through their private link, as on their page."""
    speaker = Client()
    page = speaker.get(link_path(talk))
    assert page.status_code == 200
    assert (
        speaker.post(link_path(talk), page_data(page) | {talk_field("abstract"): abstract}).status_code == 302
    )


def program_row(data: dict, talk: Talk) -> str:
    """The prefix of the talk's row on the meetup's admin page."""
    return next(
        key.removesuffix("-id")
        for key, value in data.items()
        if key.startswith(PROGRAM) and key.endswith("-id") and value == str(talk.slot.pk)
    )


def test_saving_the_meetup_page_keeps_what_a_speaker_changed_meanwhile(organizer_client, draft):
    ada = make_speaker(name="Ada Lovelace")
    talk = make_talk(event=draft, title="Engines", abstract="Old abstract.", speakers=[ada])
    data = opened(organizer_client, draft)
    row = program_row(data, talk)

    speaker_saves_abstract(talk, "The speaker's new abstract.")
    response = organizer_client.post(
        change_url(draft), data | {"description": "Doors at 18:00.", f"{row}-start_time": "19:15"}
    )

    assert response.status_code == 302, response.context and response.context["errors"]
    talk.refresh_from_db()
    draft.refresh_from_db()
    assert (talk.abstract, talk.slot.start_time, draft.description) == (
        "The speaker's new abstract.",
        datetime.time(19, 15),
        "Doors at 18:00.",
    )
    assert [link.speaker for link in talk.talk_speakers.all()] == [ada]


def test_a_field_changed_on_the_meetup_page_and_by_the_speaker_shows_theirs_then_saves_on_the_second_try(
    organizer_client, draft
):
    talk = make_talk(event=draft, title="Engines", abstract="Old abstract.")
    data = opened(organizer_client, draft)
    row = program_row(data, talk)
    speaker_saves_abstract(talk, "The speaker's abstract.")

    refused = organizer_client.post(
        change_url(draft),
        data | {f"{row}-abstract": "The organizer's abstract.", f"{row}-start_time": "19:15"},
    )

    assert refused.status_code == 200
    talk.refresh_from_db()
    assert (talk.abstract, talk.slot.start_time) == ("The speaker's abstract.", None)
    page = refused.content.decode()
    assert "Changed by someone else after you opened this page, to: “The speaker&#x27;s abstract.”" in page
    assert "The organizer&#x27;s abstract." in page  # still in the form

    again = organizer_client.post(change_url(draft), change_page_data(refused))

    assert again.status_code == 302, again.context and again.context["errors"]
    talk.refresh_from_db()
    assert (talk.abstract, talk.slot.start_time) == ("The organizer's abstract.", datetime.time(19, 15))


def test_saving_the_talks_own_page_keeps_what_the_speaker_changed_meanwhile(organizer_client, draft):
    talk = make_talk(event=draft, title="Engines", abstract="Old abstract.")
    url = reverse("admin:talks_talk_change", args=[talk.pk])
    page = organizer_client.get(url)
    assert page.status_code == 200
    data = change_page_data(page)

    speaker_saves_abstract(talk, "The speaker's new abstract.")
    response = organizer_client.post(url, data | {"video_url": "https://youtu.be/engines"})

    assert response.status_code == 302, response.context and response.context["errors"]
    talk.refresh_from_db()
    assert (talk.abstract, talk.video_url) == ("The speaker's new abstract.", "https://youtu.be/engines")


def test_publish_button_publishes_and_returns_to_the_page(organizer_client, draft):
    page = organizer_client.get(change_url(draft))
    assert page.status_code == 200
    assert f'action="{reverse("admin:events_event_publish", args=[draft.pk])}"' in page.content.decode()

    response = organizer_client.post(reverse("admin:events_event_publish", args=[draft.pk]), follow=True)

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED
    assert [str(m) for m in response.context["messages"]] == [
        f"Published “{draft.title}”: its page is public now."
    ]


def test_cancel_button_asks_first_says_who_is_mailed_then_cancels_and_mails_them(
    organizer_client, draft, mailoutbox, django_capture_on_commit_callbacks
):
    draft.status, draft.capacity = EventStatus.PUBLISHED, 1
    draft.save()
    going = make_registration(event=draft, email="going@example.org")
    waiting = make_registration(event=draft, email="waiting@example.org")
    unconfirmed = make_registration(event=draft, email="pending@example.org", confirm=False)
    registration_cancel(registration=make_registration(event=draft, email="left@example.org"), notify=False)
    url = reverse("admin:events_event_cancel", args=[draft.pk])

    confirmation = organizer_client.get(url)
    assert confirmation.status_code == 200
    page = confirmation.content.decode()
    assert "Its page stays public, with a notice" in page
    assert "3 people registered here" in page
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED

    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(url, follow=True)
    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == EventStatus.CANCELLED
    assert [str(m) for m in response.context["messages"]] == [
        f"Cancelled “{draft.title}”: its page stays, with a notice; 3 registered people get a mail."
    ]
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        person.email for person in (going, waiting, unconfirmed)
    )
    assert {message.subject for message in mailoutbox} == {f"Cancelled: {draft.title}"}
    parsed = email.message_from_bytes(mailoutbox[0].message().as_bytes(), policy=email.policy.default)
    assert "the meetup you registered for is cancelled" in parsed.get_body(("plain",)).get_content()
    attachment = next(
        part for part in parsed.iter_attachments() if part.get_content_type() == "text/calendar"
    )
    entry = vobject.readOne(attachment.get_content()).vevent
    assert entry.status.value == "CANCELLED"
    assert "Cancelled." in [
        entry.change_message for entry in LogEntry.objects.filter(object_id=str(draft.pk))
    ]

    # Cancelling again mails nobody twice.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(
            reverse("admin:events_event_changelist"), {"action": "cancel", "_selected_action": [draft.pk]}
        )
    assert mailoutbox == []


def test_a_draft_cannot_be_cancelled_so_it_never_becomes_public(organizer_client, draft):
    change_page = organizer_client.get(change_url(draft))
    assert change_page.status_code == 200
    assert reverse("admin:events_event_cancel", args=[draft.pk]) not in change_page.content.decode()

    button = organizer_client.post(reverse("admin:events_event_cancel", args=[draft.pk]), follow=True)
    action = organizer_client.post(
        reverse("admin:events_event_changelist"),
        {"action": "cancel", "_selected_action": [draft.pk]},
        follow=True,
    )

    assert (button.status_code, action.status_code) == (200, 200)
    assert [str(m) for m in button.context["messages"]] == [DRAFT_NOT_CANCELLED]
    assert [str(m) for m in action.context["messages"]] == [
        f"Not cancelled “{draft.title}”: {DRAFT_NOT_CANCELLED}"
    ]
    draft.refresh_from_db()
    assert draft.status == EventStatus.DRAFT
    visitor = Client()
    assert visitor.get(draft.get_absolute_url()).status_code == 404
    calendar = visitor.get(reverse("events:calendar"))
    assert calendar.status_code == 200
    assert draft.title not in calendar.content.decode()


def test_buttons_need_the_change_permission(client, draft):
    client.force_login(User.objects.create_user("viewer", password="pw", is_staff=True))
    response = client.post(reverse("admin:events_event_publish", args=[draft.pk]))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.status == EventStatus.DRAFT


def test_duplicate_form_suggests_a_future_date_and_refuses_a_past_one(client, organizer, draft):
    url = reverse("admin:events_event_duplicate", args=[draft.pk])
    with time_machine.travel(datetime.date(2031, 6, 1)):
        client.force_login(organizer)
        page = client.get(url)
        refused = client.post(url, {"date": "2031-05-01", "venue": ""})

    assert page.status_code == 200
    assert page.context["form"]["date"].value() == datetime.date(2031, 7, 2)  # four weeks on, a Wednesday
    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "date": ["The next meetup cannot be in the past: pick a date from today on."]
    }
    assert Event.objects.count() == 1


@time_machine.travel(datetime.date(2031, 6, 1))
def test_checklist_flags_a_past_date_and_a_host_that_is_not_the_venues(draft):
    a1, magenta = make_sponsor(name="A1"), make_sponsor(name="Magenta")
    draft.venue.host = magenta
    draft.venue.save()
    make_sponsorship(event=draft, sponsor=a1, role=SponsorRole.HOST)

    checklist = event_checklist(draft)

    assert checklist == [
        "The date (14 May 2031) is in the past.",
        "No meetup.com link (or set seats to take registrations on this site).",
        "The host “A1” is not the host of the venue “TU Wien” (that is Magenta).",
        "No talks yet.",
    ]


def test_checklist_flags_a_hosts_welcome_without_a_host(draft):
    make_slot(event=draft, title="Welcome by the host", kind="host", start_time=datetime.time(18, 40))
    assert "The agenda has a welcome by the host, but the meetup has no host." in event_checklist(draft)


@pytest.mark.parametrize("typed", ["schluter", "SCHLÜTER", "schlueter"])
def test_speaker_autocomplete_finds_any_spelling_and_shows_the_affiliation(organizer_client, typed):
    make_speaker(name="Jan Schlüter", affiliation="JKU")
    make_speaker(name="Jan Schmidt", affiliation="TU Wien")
    url = reverse("admin:autocomplete")
    params = {"app_label": "talks", "model_name": "talk", "field_name": "speakers", "term": typed}

    response = organizer_client.get(url, params)

    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Jan Schlüter (JKU)"]


@pytest.mark.parametrize(
    ("model", "typed", "expected"),
    [("venue", "oebb", "ÖBB Innovation Factory"), ("sponsor", "zuhlke", "Zühlke")],
)
def test_admin_search_of_places_and_sponsors_is_blind_to_accents(organizer_client, model, typed, expected):
    make_venue(name="ÖBB Innovation Factory")
    make_venue(name="TU Wien")
    make_sponsor(name="Zühlke")
    make_sponsor(name="A1")

    response = organizer_client.get(reverse(f"admin:events_{model}_changelist"), {"q": typed})

    assert response.status_code == 200
    assert [str(row) for row in response.context["cl"].result_list] == [expected]


def test_admin_shows_european_dates_readable_names_and_human_slide_sizes(organizer_client, draft, media_root):
    speaker = make_speaker(name="René Donner", alternative_names=["Rene Donner", "R. Donner"])
    talk = make_talk(event=draft, speakers=[speaker])
    organizer_client.post(
        reverse("admin:talks_talk_change", args=[talk.pk]),
        change_page_data(organizer_client.get(reverse("admin:talks_talk_change", args=[talk.pk])))
        | {"slides": upload(pdf_bytes(["one " * 3000, "two"]))},  # over 10 KB: "12 KB", not "12.0 KB"
    )

    events = organizer_client.get(reverse("admin:events_event_changelist"))
    speaker_page = organizer_client.get(reverse("admin:talks_speaker_change", args=[speaker.pk]))
    talk_page = organizer_client.get(reverse("admin:talks_talk_change", args=[talk.pk]))
    talk.refresh_from_db()
    preview = organizer_client.get(talk.get_absolute_url())  # the talk's page, as the site will show it

    assert (events.status_code, speaker_page.status_code, talk_page.status_code) == (200, 200, 200)
    assert preview.status_code == 200
    assert "14 May 2031" in events.content.decode()
    assert ">\nRene Donner\nR. Donner</textarea>" in speaker_page.content.decode()
    size = re.search(r"2 pages · (\d+(?:\.\d)? (?:bytes|KB))", talk_page.content.decode())
    assert size, "the admin names the slides' pages and size"
    assert f"PDF · 2 pages · {size[1]}</span>" in preview.content.decode()  # in the same words as the site
    assert f'href="{change_url(draft)}" id="back-to-meetup"' in talk_page.content.decode()


def test_event_list_shows_status_and_preview_link(organizer_client, draft):
    response = organizer_client.get(reverse("admin:events_event_changelist"))

    assert response.status_code == 200
    content = response.content.decode()
    assert '<td class="field-status">Draft</td>' in content
    assert f'<a href="{draft.get_absolute_url()}" target="_blank" rel="noopener">Preview</a>' in content


def test_alternative_names_are_saved_one_per_line(organizer_client):
    speaker = make_speaker(name="René Donner")
    url = reverse("admin:talks_speaker_change", args=[speaker.pk])
    data = change_page_data(organizer_client.get(url)) | {"alternative_names": "Rene Donner\n\n R. Donner \n"}

    assert organizer_client.post(url, data).status_code == 302
    speaker.refresh_from_db()
    assert speaker.alternative_names == ["Rene Donner", "R. Donner"]


def test_stale_guard_lets_a_fresh_save_through(organizer_client, draft):
    data = opened(organizer_client, draft) | {"description": "Fresh"}
    assert organizer_client.post(change_url(draft), data).status_code == 302
    data = opened(organizer_client, draft) | {"description": "Fresher"}
    assert organizer_client.post(change_url(draft), data).status_code == 302
    draft.refresh_from_db()
    assert draft.description == "Fresher"
    assert AgendaSlot.objects.count() == 0 and Speaker.objects.count() == 0
