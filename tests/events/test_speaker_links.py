"""A talk's private speaker link: who it opens for, how long, what it saves, and where the changes show."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.urls import reverse

from events.enums import EventStatus
from events.models import local_today
from events.services.publishing import event_checklist, event_publish
from events.services.speaker_links import speaker_link_token, talks_renew_speaker_links
from talks.models import Speaker, Talk, TalkSpeaker
from tests.events.speaker_link_pages import forged_token, link_path, page_data, speaker_field, talk_field
from tests.factories import make_event, make_speaker, make_talk

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace():
    return make_speaker(name="Grace Example", slug="grace-example", affiliation="IST Austria")


@pytest.fixture
def talk(grace):
    event = make_event(title="76th Deep Learning Meetup", date=local_today() + datetime.timedelta(days=14))
    return make_talk(event=event, title="Attention in practice", slug="attention", speakers=[grace])


def open_link(client, talk):
    response = client.get(link_path(talk))
    assert response.status_code == 200
    return response


def test_speaker_link_opens_the_talks_form_without_an_account(client, talk, grace):
    response = client.get(link_path(talk))

    assert response.status_code == 200
    assert response.context["talk"] == talk
    assert [form.link.speaker for form in response.context["forms"].speaker_forms] == [grace]
    content = response.content.decode()
    assert "Attention in practice" in content
    assert "About Grace Example" in content
    assert 'enctype="multipart/form-data"' in content


def test_speaker_link_page_is_private_never_cached_nor_indexed(client, talk):
    response = client.get(link_path(talk))

    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]
    assert "private" in response.headers["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "same-origin"  # the token goes to no other site
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "X-Page-Cache" not in response.headers
    assert (
        '<link rel="canonical"' not in response.content.decode()
    )  # the token stays out of the page's metadata


@pytest.mark.parametrize(
    "token",
    [
        pytest.param(lambda talk: speaker_link_token(talk)[:-1] + "x", id="altered signature"),
        pytest.param(lambda talk: forged_token(talk), id="signed with another key"),
        pytest.param(lambda talk: "WzEsMF0:abc", id="made up"),
        pytest.param(lambda talk: speaker_link_token(Talk(pk=talk.pk + 1000)), id="no such talk"),
    ],
)
def test_speaker_link_invalid_or_tampered_answers_404(client, talk, token):
    response = client.get(f"/speaker-link/{token(talk)}/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_speaker_link_of_a_talk_on_no_program_answers_404(client, talk):
    url = link_path(talk)
    talk.slot.delete()

    assert client.get(url).status_code == 404


def test_speaker_link_renewed_old_link_answers_404_and_the_new_one_works(client, talk):
    old = link_path(talk)

    assert talks_renew_speaker_links(talks=[talk]) == 1

    assert client.get(old).status_code == 404
    assert client.post(old, {}).status_code == 404
    assert client.get(link_path(talk)).status_code == 200


@pytest.mark.parametrize(("days_ago", "status"), [(-40, 200), (0, 200), (5, 200), (6, 410), (400, 410)])
def test_speaker_link_works_until_the_configured_days_after_the_meetup(
    client, settings, talk, days_ago, status
):
    settings.VDLM_SPEAKER_LINK_DAYS = 5
    talk.slot.event.date = local_today() - datetime.timedelta(days=days_ago)
    talk.slot.event.save(update_fields=["date"])

    response = client.get(link_path(talk))

    assert response.status_code == status


def test_speaker_link_closed_says_so_politely_and_whom_to_write_to(client, settings, talk):
    settings.VDLM_CONTACT_EMAIL = "hello@vdlm.example"
    talk.slot.event.date = local_today() - datetime.timedelta(days=31)
    talk.slot.event.save(update_fields=["date"])
    closed_on = local_today() - datetime.timedelta(days=1)

    response = client.get(link_path(talk))

    assert response.status_code == 410
    content = response.content.decode()
    assert "This speaker link has closed" in content
    assert f"worked until {closed_on:%-d %B %Y}, 30 days after the meetup" in content
    assert 'href="mailto:hello@vdlm.example"' in content
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"


def test_speaker_link_closed_refuses_a_save(client, talk):
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {talk_field("title"): "Too late"}
    talk.slot.event.date = local_today() - datetime.timedelta(days=60)
    talk.slot.event.save(update_fields=["date"])

    response = client.post(url, data)

    assert response.status_code == 410
    talk.refresh_from_db()
    assert talk.title == "Attention in practice"


def test_speaker_link_saves_the_talk_and_the_speaker(client, talk, grace):
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {
        talk_field("title"): "Attention, in practice",
        talk_field("abstract"): "Why *attention*\r\nworks.",
        talk_field("slides_url"): "speakerdeck.com/grace/attention",
        talk_field("video_url"): "https://youtube.com/watch?v=att",
        speaker_field(grace, "name"): "Grace A. Example",
        speaker_field(grace, "affiliation"): "TU Wien",
        speaker_field(grace, "bio"): "Works on attention.",
        speaker_field(grace, "website"): "https://grace.example.org",
        speaker_field(grace, "github"): "https://github.com/grace",
        speaker_field(grace, "linkedin"): "https://www.linkedin.com/in/grace",
        speaker_field(grace, "social"): "https://mastodon.social/@grace",
    }

    response = client.post(url, data)

    assert response.status_code == 302
    assert response.url == url
    talk.refresh_from_db()
    grace.refresh_from_db()
    link = TalkSpeaker.objects.get(talk=talk, speaker=grace)
    assert (talk.title, talk.abstract, talk.slides_url, talk.video_url) == (
        "Attention, in practice",
        "Why *attention*\nworks.",
        "https://speakerdeck.com/grace/attention",
        "https://youtube.com/watch?v=att",
    )
    assert (grace.name, grace.slug, grace.affiliation, grace.bio) == (
        "Grace A. Example",
        "grace-example",  # the page's address stays
        "TU Wien",
        "Works on attention.",
    )
    assert (grace.website, grace.github, grace.linkedin, grace.social) == (
        "https://grace.example.org",
        "https://github.com/grace",
        "https://www.linkedin.com/in/grace",
        "https://mastodon.social/@grace",
    )
    assert link.affiliation == "TU Wien"
    thanks = client.get(url)
    assert thanks.status_code == 200
    assert (
        "Saved the talk’s title, abstract, slides link and video link; Grace A. Example’s name, affiliation, bio, "
        "website, GitHub link, LinkedIn link and Mastodon, Bluesky or X link. Thank you!"
    ) in thanks.content.decode()


def test_speaker_link_unchanged_form_saves_nothing_and_says_so(client, talk):
    url = link_path(talk)

    response = client.post(url, page_data(open_link(client, talk)), follow=True)

    assert response.status_code == 200
    assert "Nothing to save: you did not change anything." in response.content.decode()
    assert not LogEntry.objects.exists()


def test_speaker_link_other_speakers_past_affiliations_stay(client, talk, grace):
    """The affiliation edited is the one shown with this talk (and the current one); earlier talks keep theirs."""
    earlier = make_talk(event=make_event(date=datetime.date(2019, 5, 1)), speakers=[grace])
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {speaker_field(grace, "affiliation"): "TU Wien"}

    assert client.post(url, data).status_code == 302

    assert TalkSpeaker.objects.get(talk=earlier).affiliation == "IST Austria"
    assert TalkSpeaker.objects.get(talk=talk).affiliation == "TU Wien"


def test_speaker_link_changes_are_in_the_admin_history_as_the_speakers(client, organizer_client, talk, grace):
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {
        talk_field("abstract"): "New abstract.",
        speaker_field(grace, "bio"): "New bio.",
    }

    assert client.post(url, data).status_code == 302

    talk_entry = LogEntry.objects.get(object_id=str(talk.pk), content_type__model="talk")
    speaker_entry = LogEntry.objects.get(object_id=str(grace.pk), content_type__model="speaker")
    assert talk_entry.get_change_message() == (
        "Changed abstract through the speaker link (speakers: Grace Example)."
    )
    assert speaker_entry.get_change_message() == (
        "Changed bio through the speaker link of “Attention in practice”."
    )
    assert talk_entry.is_change() and speaker_entry.is_change()
    account = talk_entry.user
    assert (account.username, account.is_active, account.has_usable_password()) == (
        "speaker-link",
        False,
        False,
    )
    history = organizer_client.get(reverse("admin:talks_talk_history", args=[talk.pk]))
    assert history.status_code == 200
    assert "Changed abstract through the speaker link (speakers: Grace Example)." in history.content.decode()


def test_speaker_link_account_cannot_log_in(client, talk, grace):
    url = link_path(talk)
    client.post(url, page_data(open_link(client, talk)) | {talk_field("title"): "Renamed"})

    assert User.objects.get(username="speaker-link")
    assert not client.login(username="speaker-link", password="")


def test_speaker_link_change_updates_the_checklist_at_once(client, talk, grace):
    url = link_path(talk)
    assert "Talk “Attention in practice” has no slides." in event_checklist(talk.slot.event)
    data = page_data(open_link(client, talk)) | {
        talk_field("abstract"): "Now with an abstract.",
        talk_field("slides_url"): "https://example.org/slides.pdf",
    }

    assert client.post(url, data).status_code == 302

    missing = event_checklist(talk.slot.event)
    assert "Talk “Attention in practice” has no slides." not in missing
    assert "Talk “Attention in practice” has no abstract." not in missing


def test_speaker_link_change_reaches_the_cached_public_pages(client, talk, grace):
    public = talk.get_absolute_url()
    assert client.get(public).status_code == 200
    assert client.get(public).headers["X-Page-Cache"] == "hit"
    url = link_path(talk)
    speaker_client = type(client)()  # the speaker's own browser
    data = page_data(open_link(speaker_client, talk)) | {talk_field("title"): "Attention, revisited"}

    assert speaker_client.post(url, data).status_code == 302

    response = client.get(public)
    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Attention, revisited" in response.content.decode()


def test_speaker_link_of_a_draft_shows_only_its_own_talk_and_keeps_the_draft_private(client, grace):
    draft = make_event(title="77th Deep Learning Meetup", status=EventStatus.DRAFT, date=local_today())
    mine = make_talk(event=draft, title="My talk", speakers=[grace])
    make_talk(event=draft, title="Secret other talk", speakers=[make_speaker(name="Alan Other")])
    url = link_path(mine)

    response = client.get(url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "My talk" in content
    assert "Secret other talk" not in content
    assert "Alan Other" not in content
    assert draft.get_absolute_url() not in content
    assert "The meetup is not published yet" in content
    data = page_data(response) | {talk_field("title"): "My renamed talk"}
    assert client.post(url, data).status_code == 302
    assert client.get(mine.get_absolute_url()).status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    event_publish(event=draft)
    published = client.get(Talk.objects.get(pk=mine.pk).get_absolute_url())
    assert published.status_code == 200
    assert "My renamed talk" in published.content.decode()


def test_speaker_link_edits_every_speaker_of_the_talk(client, talk, grace):
    alan = make_speaker(name="Alan Example")
    TalkSpeaker.objects.create(talk=talk, speaker=alan, order=1)
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {speaker_field(alan, "bio"): "Alan's bio."}

    assert client.post(url, data).status_code == 302

    alan.refresh_from_db()
    assert alan.bio == "Alan's bio."


def test_speaker_link_cannot_edit_a_speaker_of_another_talk(client, talk):
    stranger = make_speaker(name="Not On This Talk", bio="Untouched.")
    make_talk(speakers=[stranger])
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {speaker_field(stranger, "bio"): "Hacked."}

    assert client.post(url, data).status_code == 302

    stranger.refresh_from_db()
    assert stranger.bio == "Untouched."


def test_speaker_link_name_of_another_speaker_is_a_field_error(client, settings, talk, grace):
    settings.VDLM_CONTACT_EMAIL = "hello@vdlm.example"
    make_speaker(name="Taken Name")
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {speaker_field(grace, "name"): "Taken Name"}

    response = client.post(url, data)

    assert response.status_code == 200
    form = response.context["forms"].speaker_forms[0]
    assert form.errors["name"] == [
        "Another speaker on the site has this name already. If that is you too, write to hello@vdlm.example and "
        "we will join the two."
    ]
    grace.refresh_from_db()
    assert grace.name == "Grace Example"


def test_speaker_link_required_title_and_bad_link_are_field_errors_and_nothing_is_saved(client, talk, grace):
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {
        talk_field("title"): " ",
        speaker_field(grace, "website"): "not a link at all",
        speaker_field(grace, "bio"): "A bio that must wait.",
    }

    response = client.post(url, data)

    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms.talk_form.errors["title"] == ["This field is required."]
    assert forms.speaker_forms[0].errors["website"] == ["Enter a valid URL."]
    summary = response.content.decode()
    assert 'href="#id_talk-title"' in summary
    assert f'href="#id_speaker-{grace.pk}-website"' in summary
    grace.refresh_from_db()
    assert grace.bio == ""


def test_speaker_link_form_from_an_altered_page_asks_to_reopen_the_link(client, talk):
    url = link_path(talk)
    data = page_data(open_link(client, talk)) | {talk_field("loaded"): "forged", talk_field("title"): "X"}

    response = client.post(url, data)

    assert response.status_code == 200
    assert response.context["forms"].talk_form.non_field_errors() == [
        "This page is out of date. Please open the link from your mail again and make your changes there."
    ]
    talk.refresh_from_db()
    assert talk.title == "Attention in practice"


@pytest.mark.parametrize("speakers", [1, 3])
def test_speaker_link_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, speakers):
    talk = make_talk(speakers=[make_speaker() for _ in range(speakers)])
    url = link_path(talk)

    with django_assert_num_queries(2):  # the talk with its meetup, its speakers
        assert client.get(url).status_code == 200


def test_speaker_email_is_never_shown_publicly(client, talk, grace):
    grace.email = "grace.private@example.org"
    grace.save(update_fields=["email"])

    for url in (
        talk.get_absolute_url(),
        grace.get_absolute_url(),
        talk.slot.event.get_absolute_url(),
        reverse("talks:speaker_list"),
        reverse("events:api_events"),
        reverse("events:feed"),
        reverse("events:calendar"),
        link_path(talk),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"grace.private@example.org" not in response.content, url


def test_speaker_email_is_edited_on_the_speakers_admin_page(organizer_client, grace):
    response = organizer_client.get(reverse("admin:talks_speaker_change", args=[grace.pk]))

    assert response.status_code == 200
    form = response.context["adminform"].form
    assert "email" in form.fields
    assert "never shown on the site" in form.fields["email"].help_text
    assert Speaker._meta.get_field("email").blank
