"""What attendees meet on the meetup pages: the next meetup first, past meetups as past, what a record does not
know, a browsable archive, venues and sponsors in reading order, faces and logos."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from events.enums import EventStatus, SponsorRole
from events.models import Event
from events.services.logos import sponsor_set_logo
from talks.services import speaker_set_photo
from tests import factories
from tests.files import image_bytes

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def past_meetup(**fields) -> Event:
    fields.setdefault("date", TODAY - datetime.timedelta(days=30))
    fields.setdefault("meetup_url", "https://www.meetup.com/vdlm/events/1/")
    if "venue" not in fields:
        fields["venue"] = factories.make_venue()
    return factories.make_event(**fields)


# The home page


def test_home_leads_with_the_next_meetup_and_a_visible_title(client, upcoming_event):
    content = html(client, "/")

    assert "<h1>Vienna Deep Learning Meetup</h1>" in content
    hero = content.split('<section class="hero"', 1)[1].split("</section>", 1)[0]
    assert "Meetup 900" in hero
    assert 'href="/meetups/meetup-900/calendar.ics">Add to calendar</a>' in hero


def test_home_without_a_next_meetup_offers_ways_to_hear_of_it(client, settings, db):
    past_meetup(title="Last one", slug="last-one")

    content = html(client, "/")

    assert "The next meetup is not announced yet" in content
    hear = content.split('<ul class="hear-about">', 1)[1].split("</ul>", 1)[0]
    assert re.search(r'<a href="webcal://[^"]+/calendar\.ics">Subscribe to the calendar</a>', hear)
    assert 'href="/feed/">Follow the feed</a>' in hear
    assert f'href="{settings.VDLM_GROUP_URL}">Join the group on meetup.com</a>' in hear
    assert "Add to calendar" not in content
    assert "Last one" in content


def test_home_lists_only_past_meetups_as_latest(client, upcoming_event):
    past_meetup(title="Last month", slug="last-month")

    content = html(client, "/")

    latest = content.split('id="latest-heading"', 1)[1].split("</section>", 1)[0]
    assert "Last month" in latest
    assert "Meetup 900" not in latest


def test_home_does_not_lead_with_a_cancelled_or_draft_meetup(client, db):
    factories.make_event(
        title="Called off",
        slug="called-off",
        date=TODAY + datetime.timedelta(days=3),
        status=EventStatus.CANCELLED,
    )
    factories.make_event(
        title="Still secret", slug="secret", date=TODAY + datetime.timedelta(days=5), status=EventStatus.DRAFT
    )

    content = html(client, "/")

    assert "The next meetup is not announced yet" in content
    assert "Still secret" not in content

    client.force_login(User.objects.create_user("staff", is_staff=True))
    content = html(client, "/")
    assert "Still secret" in content
    assert "Draft — only organizers see this." in content


# A meetup's page


def test_past_meetup_says_it_took_place_without_calendar_or_sign_up(client, db):
    event = past_meetup(title="Autumn meetup", slug="autumn", start_time=datetime.time(18, 30))

    content = html(client, event.get_absolute_url())

    assert f'Took place on <time datetime="{event.starts_at.isoformat()}">' in content
    assert "Add to calendar" not in content
    assert "Sign up" not in content
    assert 'href="https://www.meetup.com/vdlm/events/1/">The meetup.com page' in content


def test_upcoming_meetup_offers_calendar_and_sign_up(client, upcoming_event):
    content = html(client, "/meetups/meetup-900/")

    assert "Took place" not in content
    assert '<a class="button" href="/meetups/meetup-900/calendar.ics">Add to calendar</a>' in content
    assert 'href="https://www.meetup.com/vdlm/events/900/">Sign up on meetup.com</a>' in content


def test_meetup_without_a_record_says_what_is_not_known(client, history):
    content = html(client, "/meetups/meetup-40/")

    assert "Took place on" in content
    assert "Venue not recorded" in content
    assert "No agenda was recorded for this meetup: its talks are not known." in content
    assert "announced soon" not in content
    assert "Venue to be announced" not in content


def test_upcoming_meetup_without_venue_or_agenda_says_they_are_to_come(client, db):
    event = factories.make_event(title="Next time", slug="next", date=TODAY + datetime.timedelta(days=20))

    content = html(client, event.get_absolute_url())

    assert "Venue to be announced" in content
    assert "The agenda will be announced soon." in content


def test_meetup_links_neighbours_the_visitor_may_see(client, db):
    first = past_meetup(title="First", slug="first", date=datetime.date(2020, 1, 1))
    factories.make_event(
        title="Draft between", slug="draft", date=datetime.date(2020, 2, 1), status=EventStatus.DRAFT
    )
    third = past_meetup(title="Third", slug="third", date=datetime.date(2020, 3, 1))

    content = html(client, first.get_absolute_url())
    assert 'rel="next" href="/meetups/third/"' in content
    assert 'rel="prev"' not in content

    content = html(client, third.get_absolute_url())
    assert 'rel="prev" href="/meetups/first/"' in content

    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert 'rel="next" href="/meetups/draft/"' in html(client, first.get_absolute_url())


def test_meetup_agenda_shows_speaker_photos_or_initials(client, upcoming_event):
    with_photo = factories.make_speaker(name="Ada Lovelace", slug="ada")
    speaker_set_photo(speaker=with_photo, file=SimpleUploadedFile("ada.png", image_bytes(), "image/png"))
    factories.make_talk(event=upcoming_event, title="Engines", speakers=[with_photo])

    content = html(client, "/meetups/meetup-900/")

    assert re.search(r'<img class="avatar avatar--s" src="/media/speakers/ada[^"]*\.jpg" alt=""', content)
    assert '<span class="avatar avatar--s tone-' in content
    assert 'aria-hidden="true">GE</span>' in content  # Grace Example, without a photo


def test_meetup_sponsors_show_logos_or_initials_and_link_to_their_sites(client, upcoming_event):
    acme = factories.make_sponsor(name="Acme Robotics", slug="acme", website="https://acme.example/")
    sponsor_set_logo(sponsor=acme, file=SimpleUploadedFile("acme.png", image_bytes((400, 200)), "image/png"))
    factories.make_sponsorship(event=upcoming_event, sponsor=acme, role=SponsorRole.DRINKS)

    content = html(client, "/meetups/meetup-900/")

    sponsors = content.split('id="sponsors-heading"', 1)[1].split("</section>", 1)[0]
    assert re.search(
        r'<a class="sponsor-chip" href="https://acme.example/"><img class="logo" src="/media/sponsors/acme',
        sponsors,
    )
    # The host without a website or logo: its initials, linking to its place on the sponsors page.
    assert (
        '<a class="sponsor-chip" href="/sponsors/#a1-sponsor"><span class="logo logo--initials tone-'
        in sponsors
    )
    assert 'aria-hidden="true">A1</span>' in sponsors


# The archive


def test_archive_year_lists_talks_linked_with_speakers_slides_and_video(client, db):
    event = past_meetup(
        number=44, title="44th Deep Learning Meetup", slug="meetup-44", date=datetime.date(2022, 5, 18)
    )
    speaker = factories.make_speaker(name="Michael Pieler", slug="michael-pieler")
    factories.make_talk(
        event=event,
        title="GPT-NeoX-20B",
        slug="neox",
        speakers=[speaker],
        slides_url="https://example.org/neox.pdf",
        video_url="https://video.example/neox",
    )

    content = html(client, "/archive/2022/")

    assert '<a href="/meetups/meetup-44/">44th Deep Learning Meetup</a>' in content  # no "#44 ·" before it
    assert '<a href="/meetups/meetup-44/talks/neox/">GPT-NeoX-20B</a>' in content
    assert '<span class="by"> · Michael Pieler</span>' in content
    assert (
        'href="/meetups/meetup-44/talks/neox/slides/">Slides<span class="visually-hidden"> for “GPT-NeoX-20B”'
        in content
    )
    assert 'href="https://video.example/neox">Video' in content


def test_archive_pages_are_a_year_each_with_counts_and_neighbouring_years(client, db):
    for day in (1, 2, 3):
        past_meetup(slug=f"y2019-{day}", date=datetime.date(2019, 3, day))
    past_meetup(slug="y2018", date=datetime.date(2018, 3, 1))
    past_meetup(slug="y2020", date=datetime.date(2020, 3, 1))

    content = html(client, "/archive/2019/")

    assert "<h1>Meetups in 2019</h1>" in content
    assert content.count('class="event-row"') == 3
    assert '<a href="/archive/2019/" aria-current="page">2019 <span class="count">3</span>' in content
    assert 'rel="prev" href="/archive/2018/"' in content
    assert 'rel="next" href="/archive/2020/"' in content


def test_archive_hides_draft_years_from_the_public(client, db):
    factories.make_event(slug="draft", date=datetime.date(2015, 3, 1), status=EventStatus.DRAFT)
    past_meetup(slug="public", date=datetime.date(2019, 3, 1))

    content = html(client, "/archive/")

    assert 'href="/archive/2015/"' not in content
    assert client.get("/archive/2015/").status_code == 404


def test_archive_of_an_empty_site_says_so(client, db):
    content = html(client, "/archive/")

    assert "No meetups yet." in content


# Venues and sponsors


def test_venues_index_lists_venues_in_reading_order_with_meetup_counts(client, db):
    oebb = factories.make_venue(name="ÖBB Innovation Factory", slug="oebb")
    bwin = factories.make_venue(name="bwin.party services", slug="bwin")
    zuehlke = factories.make_venue(name="Zühlke", slug="zuehlke")
    for venue, count in [(oebb, 2), (bwin, 1), (zuehlke, 1)]:
        for _ in range(count):
            past_meetup(venue=venue)
    factories.make_venue(name="Nobody met here", slug="unused")

    content = html(client, "/venues/")

    names = re.findall(r'<h2 class="card__title"><a href="/venues/[^"]+/">([^<]+)</a>', content)
    assert names == ["bwin.party services", "ÖBB Innovation Factory", "Zühlke"]
    assert "<p>2 meetups</p>" in content


def test_venue_page_shows_address_map_and_its_meetups(client, upcoming_event):
    content = html(client, "/venues/a1/")

    assert "Lassallestraße 9, 1020 Wien" in content
    assert 'href="https://www.openstreetmap.org/search?query=A1+Telekom' in content
    assert ">Open the map<" in content
    assert "Meetup 900" in content


def test_sponsors_are_in_reading_order(client, db):
    event = past_meetup()
    for name in ["Zühlke", "bwin.party", "ÖBB", "A1 Telekom Austria", "Bosch"]:
        factories.make_sponsorship(event=event, sponsor=factories.make_sponsor(name=name))

    content = html(client, "/sponsors/")

    names = re.findall(r"<span>([^<]+)</span></(?:a|span)></h2>", content)
    assert names == ["A1 Telekom Austria", "Bosch", "bwin.party", "ÖBB", "Zühlke"]


def test_sponsor_card_links_logo_and_name_to_the_website(client, db):
    sponsor = factories.make_sponsor(name="Acme", slug="acme", website="https://acme.example/")
    factories.make_sponsorship(event=past_meetup(), sponsor=sponsor)

    content = html(client, "/sponsors/")

    assert (
        '<a class="sponsor-card__name" href="https://acme.example/"><span class="logo logo--initials'
        in content
    )


# Pages for everyone


def test_not_found_page_offers_search(client, db):
    response = client.get("/meetups/no-such-meetup/")

    assert response.status_code == 404
    content = response.content.decode()
    assert '<form class="search-form" method="get" action="/search/" role="search">' in content
    assert '<label for="search-q">' in content


def test_latest_rows_say_upcoming_for_meetups_ahead(client, upcoming_event):
    content = html(client, f"/archive/{upcoming_event.date.year}/")

    assert (
        '<a href="/meetups/meetup-900/">Meetup 900</a> <span class="badge badge--upcoming">Upcoming</span>'
        in content
    )


def test_every_public_meetup_page_renders(client, history):
    shipped = json.loads((settings.BASE_DIR / "fixtures" / "historic_meetups.json").read_text())
    public = [row for row in shipped if row["model"] == "events.event" and row["fields"]["status"] != "draft"]
    visited = 0
    for event in history:
        response = client.get(event.get_absolute_url())
        assert response.status_code == 200, event.slug
        assert f'<h1 class="event-title">{escape(event.title)}</h1>' in response.content.decode(), event.slug
        visited += 1

    assert visited == len(public) > 70  # every meetup the fixture ships, not an empty loop
