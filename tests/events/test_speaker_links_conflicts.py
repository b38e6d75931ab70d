"""Two people editing one talk at once (both speakers, or a speaker and an organizer): each keeps what the other
did not touch, and a field both changed is never overwritten silently."""

import datetime
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from events.models import local_today
from events.services.speaker_edits import (
    Conflict,
    EditConflict,
    RowEdit,
    fingerprint,
    speaker_link_save,
    speaker_values,
)
from talks.models import Speaker, Talk, TalkSpeaker
from tests.admin_pages import change_page_data
from tests.events.speaker_link_pages import link_path, page_data, speaker_field, talk_field
from tests.factories import make_event, make_speaker, make_talk
from tests.files import jpeg_with_gps, pdf_bytes, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace():
    return make_speaker(name="Grace Example", slug="grace-example")


@pytest.fixture
def alan():
    return make_speaker(name="Alan Example", slug="alan-example")


@pytest.fixture
def talk(grace, alan):
    event = make_event(date=local_today() + datetime.timedelta(days=7))
    return make_talk(
        event=event, title="Attention", slug="attention", abstract="First abstract.", speakers=[grace, alan]
    )


class Speaking:
    """One speaker's browser with the link's page open."""

    def __init__(self, talk):
        self.client = Client()
        self.url = link_path(talk)
        response = self.client.get(self.url)
        assert response.status_code == 200
        self.data = page_data(response)

    def save(self, **changes):
        return self.client.post(self.url, self.data | changes)


def test_speaker_link_two_speakers_changing_different_fields_keep_both(talk, grace, alan):
    grace_page, alan_page = Speaking(talk), Speaking(talk)

    assert grace_page.save(**{talk_field("title"): "Attention, by Grace"}).status_code == 302
    assert alan_page.save(**{speaker_field(alan, "bio"): "Alan's bio."}).status_code == 302

    talk.refresh_from_db()
    alan.refresh_from_db()
    assert (talk.title, alan.bio) == ("Attention, by Grace", "Alan's bio.")


def test_speaker_link_same_field_changed_by_both_is_refused_and_shows_the_others_text(talk, grace, alan):
    grace_page, alan_page = Speaking(talk), Speaking(talk)
    assert (
        grace_page.save(
            **{talk_field("abstract"): "Grace's abstract.", talk_field("title"): "Grace's title"}
        ).status_code
        == 302
    )

    response = alan_page.save(
        **{talk_field("abstract"): "Alan's abstract.", speaker_field(alan, "bio"): "Alan's bio."}
    )

    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms.talk_form.errors["abstract"] == [
        "Someone else changed this after you opened this page; it now reads: “Grace's abstract.”. Your version is "
        "in the box: keep what should stay and save again."
    ]
    content = response.content.decode()
    assert "Someone else was editing too" in content
    assert "Nothing was saved" in content
    # Alan's changes stay in his form; Grace's title, which Alan did not touch, is shown as it is now.
    assert forms.talk_form["abstract"].value() == "Alan's abstract."
    assert forms.speaker_forms[1]["bio"].value() == "Alan's bio."
    assert forms.talk_form["title"].value() == "Grace's title"
    talk.refresh_from_db()
    alan.refresh_from_db()
    assert (talk.title, talk.abstract, alan.bio) == ("Grace's title", "Grace's abstract.", "")

    # Alan read Grace's text; saving the page as it is now keeps his abstract and her title.
    again = alan_page.client.post(alan_page.url, page_data(response))

    assert again.status_code == 302
    talk.refresh_from_db()
    alan.refresh_from_db()
    assert (talk.title, talk.abstract, alan.bio) == ("Grace's title", "Alan's abstract.", "Alan's bio.")


def test_speaker_link_same_change_by_both_is_no_conflict(talk, grace):
    grace_page, alan_page = Speaking(talk), Speaking(talk)

    assert grace_page.save(**{talk_field("title"): "Agreed title"}).status_code == 302
    assert alan_page.save(**{talk_field("title"): "Agreed title"}).status_code == 302

    assert Talk.objects.get(pk=talk.pk).title == "Agreed title"


def test_speaker_link_conflicts_with_an_organizers_edit_in_the_admin(talk, organizer_client, grace):
    speaker_page = Speaking(talk)
    admin_url = reverse("admin:talks_talk_change", args=[talk.pk])
    admin_data = change_page_data(organizer_client.get(admin_url))
    admin_data["abstract"] = "The organizers' abstract."
    assert organizer_client.post(admin_url, admin_data).status_code == 302

    response = speaker_page.save(**{talk_field("abstract"): "The speaker's abstract."})

    assert response.status_code == 200
    assert (
        "it now reads: “The organizers' abstract.”"
        in response.context["forms"].talk_form.errors["abstract"][0]
    )
    assert Talk.objects.get(pk=talk.pk).abstract == "The organizers' abstract."


def test_speaker_link_slides_link_after_someone_uploaded_a_file_is_a_conflict(talk, media_root):
    grace_page, alan_page = Speaking(talk), Speaking(talk)
    assert grace_page.save(**{talk_field("slides"): upload(pdf_bytes(["Grace"]))}).status_code == 302

    response = alan_page.save(**{talk_field("slides_url"): "https://example.org/alan.pdf"})

    assert response.status_code == 200
    assert response.context["forms"].talk_form.errors["slides_url"] == [
        "Someone else changed the slides after you opened this page: now a PDF file is stored. Choose your file "
        "or give your link again if yours should replace them."
    ]
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_url) == ("slides/talks/attention.pdf", "")


def test_speaker_link_photo_replaced_meanwhile_is_a_conflict(talk, grace, media_root):
    first, second = Speaking(talk), Speaking(talk)
    photo = upload(jpeg_with_gps(), "one.jpg", "image/jpeg")
    assert first.save(**{speaker_field(grace, "photo"): photo}).status_code == 302
    stored = Speaker.objects.get(pk=grace.pk).photo.name

    response = second.save(
        **{speaker_field(grace, "photo"): upload(jpeg_with_gps(), "two.jpg", "image/jpeg")}
    )

    assert response.status_code == 200
    assert response.context["forms"].speaker_forms[0].errors["photo"] == [
        "Someone else changed the photo after you opened this page. Choose your photo again if it should replace "
        "theirs."
    ]
    assert Speaker.objects.get(pk=grace.pk).photo.name == stored


def test_speaker_link_name_taken_meanwhile_is_refused(talk, grace, alan):
    grace_page, alan_page = Speaking(talk), Speaking(talk)
    assert grace_page.save(**{speaker_field(grace, "name"): "Grace Hopper"}).status_code == 302

    response = alan_page.save(**{speaker_field(alan, "name"): "Grace Hopper"})

    assert response.status_code == 200
    assert (
        "Another speaker on the site has this name already"
        in response.context["forms"].speaker_forms[1].errors["name"][0]
    )
    assert Speaker.objects.get(pk=alan.pk).name == "Alan Example"


def test_speaker_link_save_checks_the_name_again_under_the_lock(talk, grace, alan):
    """The form checks the name when it is sent; the save checks it once more, for a name taken in between."""
    loaded = {
        name: fingerprint(value)
        for name, value in speaker_values(talk.talk_speakers.get(speaker=alan)).items()
    }
    edit = RowEdit(changes={"name": "Grace Example"}, loaded=loaded)

    with pytest.raises(EditConflict) as refused:
        speaker_link_save(talk=talk, talk_edit=RowEdit(changes={}, loaded={}), speaker_edits={alan.pk: edit})

    assert refused.value.conflicts == [Conflict(alan.pk, "name", {"name": "Alan Example"}, name_taken=True)]
    assert Speaker.objects.get(pk=alan.pk).name == "Alan Example"


def test_speaker_link_speaker_removed_by_the_organizers_meanwhile_is_not_written(talk, grace, alan):
    alan_page = Speaking(talk)
    TalkSpeaker.objects.filter(talk=talk, speaker=alan).delete()

    response = alan_page.save(**{speaker_field(alan, "bio"): "Still here?"})

    assert response.status_code == 302
    assert Speaker.objects.get(pk=alan.pk).bio == ""


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two connections in one test need a server database: the in-memory SQLite test database locks whole "
    "tables between threads (CI runs this on PostgreSQL)",
)
@pytest.mark.django_db(transaction=True)
def test_speaker_link_save_waits_for_a_concurrent_save_and_then_does_not_overwrite_it(talk):
    speaker_page = Speaking(talk)
    answers = []

    def save_in_the_speakers_browser():
        try:
            answers.append(speaker_page.save(**{talk_field("abstract"): "The speaker's abstract."}))
        finally:
            connection.close()

    with transaction.atomic():  # an organizer's save, holding the talk while it writes
        Talk.objects.select_for_update().get(pk=talk.pk)
        Talk.objects.filter(pk=talk.pk).update(abstract="The organizers' abstract.")
        speaker = threading.Thread(target=save_in_the_speakers_browser)
        speaker.start()
        speaker.join(timeout=1)
        assert speaker.is_alive(), "the speaker's save did not wait for the organizer's"
    speaker.join(timeout=30)

    [response] = answers
    assert response.status_code == 200
    assert (
        "it now reads: “The organizers' abstract.”"
        in response.context["forms"].talk_form.errors["abstract"][0]
    )
    assert Talk.objects.get(pk=talk.pk).abstract == "The organizers' abstract."
