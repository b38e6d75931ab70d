"""Registrations for organizers: the guest list for the host's security desk (CSV, read back with the csv module,
and printable), host guests, seats in the meetup's admin form, the registrations list with no-shows per address,
one person's data exported or erased, and check-in at the door."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from events.enums import RegistrationStatus
from events.models import Event, Registration
from events.services.registration_privacy import person_erase
from events.services.registrations import event_add_host_guest, registration_check_in
from tests.admin_pages import change_page_data
from tests.factories import make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event(title="Meetup 90", slug="meetup-90", capacity=3)


def guest_list_rows(response) -> list[list[str]]:
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_guest_list_csv_has_everybody_going_by_name_with_companies(organizer_client, event):
    make_registration(event=event, name="Zoë Zimmer", company="Zebra GmbH")
    make_registration(event=event, name="Ödön Horváth", company="")
    make_registration(event=event, name="anna Berg", company="TU Wien")
    make_registration(event=event, name="Wanda Waiting")  # on the waitlist
    make_registration(event=event, name="Pat Pending", confirm=False)
    event_add_host_guest(event=event, name="Hanna Host", company="Host AG")

    response = organizer_client.get(reverse("admin:events_registration_guest_list_csv", args=[event.pk]))

    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == f'attachment; filename="guest-list-{event.folder}.csv"'
    assert guest_list_rows(response) == [
        ["Name", "Company", "Host guest"],
        ["anna Berg", "TU Wien", ""],
        ["Hanna Host", "Host AG", "yes"],
        ["Ödön Horváth", "", ""],
        ["Zoë Zimmer", "Zebra GmbH", ""],
    ]


def test_guest_list_csv_defuses_spreadsheet_formulas_in_names(organizer_client, event):
    make_registration(event=event, name='=HYPERLINK("http://evil.example","x")', company="@SUM(A1)")

    response = organizer_client.get(reverse("admin:events_registration_guest_list_csv", args=[event.pk]))

    assert response.status_code == 200
    assert guest_list_rows(response)[1][:2] == ['\'=HYPERLINK("http://evil.example","x")', "'@SUM(A1)"]


def test_printable_guest_list_shows_names_and_companies_in_order(organizer_client, event):
    make_registration(event=event, name="Bob Baker", company="Bakery")
    make_registration(event=event, name="Ada Lovelace", company="Engines")

    response = organizer_client.get(reverse("admin:events_registration_guest_list", args=[event.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Guest list: Meetup 90" in page
    assert page.index("Ada Lovelace") < page.index("Bob Baker")
    assert "Engines" in page and "ada@" not in page


@pytest.mark.parametrize("url_name", ["guest_list_csv", "guest_list"])
def test_guest_list_is_for_organizers_only(client, event, url_name):
    url = reverse(f"admin:events_registration_{url_name}", args=[event.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(User.objects.create_user("staff", password="pw", is_staff=True))
    assert client.get(url).status_code == 403


def test_meetup_admin_page_links_the_guest_list_and_check_in(organizer_client, event):
    response = organizer_client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Registration on this site" in page
    registrations = f"{reverse('admin:events_registration_changelist')}?event__id__exact={event.pk}"
    make_registration(event=event, name="Ada")
    make_registration(event=make_event(capacity=5), name="Elsewhere")
    listed = organizer_client.get(registrations)
    assert listed.status_code == 200
    assert [r.name for r in listed.context["cl"].result_list] == ["Ada"]
    for url in [
        registrations,
        reverse("admin:events_registration_guest_list_csv", args=[event.pk]),
        reverse("admin:events_registration_guest_list", args=[event.pk]),
        reverse("events:check_in", args=[event.slug]),
        f"{reverse('admin:events_registration_add')}?event={event.pk}",
    ]:
        assert f'href="{url}"' in page


def test_adding_a_registration_in_the_admin_puts_a_host_guest_on_top_of_the_seats(organizer_client, event):
    for _ in range(3):
        make_registration(event=event)
    form = organizer_client.get(f"{reverse('admin:events_registration_add')}?event={event.pk}")
    assert form.status_code == 200

    response = organizer_client.post(
        reverse("admin:events_registration_add"),
        {"event": event.pk, "name": "Hanna Host", "company": "Host AG"},
    )

    assert response.status_code == 302
    guest = Registration.objects.get(name="Hanna Host")
    assert (guest.status, guest.is_host_guest, guest.email) == (RegistrationStatus.GOING, True, "")
    assert Event.objects.get(pk=event.pk).registration_counts.seated == 3


def test_raising_the_seats_in_the_meetup_form_promotes_the_waitlist_in_order(organizer_client, event):
    for name in ("Ada", "Bob", "Cyd", "Dan", "Eve"):
        make_registration(event=event, name=name)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = change_page_data(organizer_client.get(url))

    response = organizer_client.post(url, {**data, "capacity": "4"})

    assert response.status_code == 302
    assert list(event.registrations.going().order_by("queue_number").values_list("name", flat=True)) == [
        "Ada",
        "Bob",
        "Cyd",
        "Dan",
    ]


@pytest.mark.parametrize(
    ("capacity", "message"),
    [
        ("1", "2 people already have a seat: the meetup needs at least 2 seats"),
        ("", "People have registered here, so the seats cannot be emptied."),
        ("-1", "The number of seats cannot be negative."),
    ],
)
def test_meetup_form_explains_seats_it_cannot_take(organizer_client, event, capacity, message):
    make_registration(event=event)
    make_registration(event=event)
    url = reverse("admin:events_event_change", args=[event.pk])
    data = change_page_data(organizer_client.get(url))

    response = organizer_client.post(url, {**data, "capacity": capacity})

    assert response.status_code == 200
    assert any(message in error for error in response.context["adminform"].form.errors["capacity"])
    assert Event.objects.get(pk=event.pk).capacity == 3


def test_meetup_form_refuses_registration_closing_after_the_meetup_starts(organizer_client, event):
    url = reverse("admin:events_event_change", args=[event.pk])
    data = change_page_data(organizer_client.get(url))
    day_after = event.date + datetime.timedelta(days=1)

    refused = organizer_client.post(
        url,
        {**data, "registration_closes_at_0": f"{day_after:%Y-%m-%d}", "registration_closes_at_1": "12:00:00"},
    )
    earlier = organizer_client.post(
        url,
        {
            **data,
            "registration_closes_at_0": f"{event.date:%Y-%m-%d}",
            "registration_closes_at_1": "12:00:00",
        },
    )

    assert (refused.status_code, earlier.status_code) == (200, 302)
    assert refused.context["adminform"].form.errors["registration_closes_at"] == [
        f"Registration closes at the latest when the meetup starts (18:30 on {event.date.day} {event.date:%B}): "
        "set an earlier time, or leave it empty to close at the start."
    ]
    closes = timezone.localtime(Event.objects.get(pk=event.pk).registration_closes_at)
    assert (closes.date(), closes.time()) == (event.date, datetime.time(12, 0))


def past(event: Event, days: int) -> Event:
    Event.objects.filter(pk=event.pk).update(date=datetime.date.today() - datetime.timedelta(days=days))
    return event


def test_registrations_list_counts_no_shows_per_address_where_the_door_checked_in(organizer_client):
    checked, unchecked, upcoming = (make_event(capacity=5) for _ in range(3))
    for event in (checked, unchecked, upcoming):
        make_registration(event=event, name="Nora No-show", email="nora@example.org")
    came = make_registration(event=checked, name="Carl Came")
    registration_check_in(registration=came)
    past(checked, 40), past(unchecked, 20)

    response = organizer_client.get(reverse("admin:events_registration_changelist"))

    assert response.status_code == 200
    rows = {(r.name, r.event_id): r.no_shows for r in response.context["cl"].result_list}
    assert rows[("Nora No-show", upcoming.pk)] == 1  # one meetup with check-in missed; the other had none
    assert rows[("Carl Came", checked.pk)] == 0


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("?attendance=came", ["Carl Came"]),
        ("?attendance=no-show", ["Nora No-show"]),
        ("?q=nora%40example.org", ["Nora No-show"]),
        ("?status__exact=waiting", ["Wendy Waiting"]),
    ],
)
def test_registrations_list_filters_and_search(organizer_client, query, names):
    event = make_event(capacity=2)
    make_registration(event=event, name="Nora No-show", email="nora@example.org")
    came = make_registration(event=event, name="Carl Came")
    make_registration(event=event, name="Wendy Waiting")
    registration_check_in(registration=came)
    past(event, 3)
    url = reverse("admin:events_registration_changelist")
    unfiltered = organizer_client.get(url)
    assert unfiltered.status_code == 200
    # Unfiltered, the list shows all three: so the filter has people to leave out.
    everybody = sorted(r.name for r in unfiltered.context["cl"].result_list)
    assert everybody == ["Carl Came", "Nora No-show", "Wendy Waiting"]

    response = organizer_client.get(url + query)

    assert response.status_code == 200
    assert [r.name for r in response.context["cl"].result_list] == names


def test_one_persons_data_is_exported_as_json(organizer_client, event):
    make_registration(event=event, name="Ada Lovelace", email="ada@example.org", company="Engines")
    make_registration(event=make_event(capacity=5), name="Ada L.", email="ADA@example.org")
    make_registration(event=event, name="Bob", email="bob@example.org")
    url = reverse("admin:events_registration_person")

    page = organizer_client.get(url, {"email": "Ada@Example.org"})
    export = organizer_client.post(url, {"email": "ada@example.org", "action": "export"})

    assert page.status_code == 200
    assert [r.name for r in page.context["registrations"]] == ["Ada Lovelace", "Ada L."]
    assert export.status_code == 200
    data = json.loads(export.content)
    assert data["email"] == "ada@example.org"
    assert [(r["name"], r["company"], r["status"]) for r in data["registrations"]] == [
        ("Ada Lovelace", "Engines", "Going"),
        ("Ada L.", "", "Going"),
    ]


def test_erasing_one_persons_data_frees_their_seat_and_keeps_the_counts(organizer_client, event, mailoutbox):
    ada = make_registration(event=event, name="Ada Lovelace", email="ada@example.org")
    for _ in range(3):
        make_registration(event=event)
    url = reverse("admin:events_registration_person")

    unsure = organizer_client.post(url, {"email": "ada@example.org", "action": "erase"})
    assert unsure.status_code == 302
    assert Registration.objects.get(pk=ada.pk).name == "Ada Lovelace"
    erased = organizer_client.post(url, {"email": "ada@example.org", "action": "erase", "sure": "yes"})

    assert erased.status_code == 302
    ada.refresh_from_db()
    assert (ada.name, ada.email, ada.email_digest, ada.status) == ("", "", "", RegistrationStatus.CANCELLED)
    assert event.registrations.count() == 4
    assert event.registrations.seated().count() == 3
    page = organizer_client.get(url, {"email": "ada@example.org"})
    assert page.status_code == 200
    assert page.context["registrations"] == []


def test_check_in_page_is_for_organizers_and_tells_nobody_else_whether_a_meetup_exists(client, event):
    url = reverse("events:check_in", args=[event.slug])

    anonymous = client.get(url)
    unknown = client.get(reverse("events:check_in", args=["no-such-meetup"]))
    assert anonymous.status_code == unknown.status_code == 302
    assert reverse("admin:login") in anonymous.headers["Location"]
    client.force_login(User.objects.create_user("staff", password="pw", is_staff=True))
    assert client.get(url).status_code == 403


def test_check_in_page_finds_names_without_accents_and_checks_in(organizer_client, event):
    jurgen = make_registration(event=event, name="Jürgen Schlüter", company="JKU")
    make_registration(event=event, name="Ada Lovelace")
    make_registration(event=event, name="Wendy Waiting")
    make_registration(event=event, name="Will Waiting")
    url = reverse("events:check_in", args=[event.slug])

    found = organizer_client.get(url, {"q": "schlueter"})
    assert found.status_code == 200
    assert [person.name for person in found.context["people"]] == ["Jürgen Schlüter"]

    tapped = organizer_client.post(url, {"registration": jurgen.pk})
    assert tapped.status_code == 302
    after = organizer_client.get(tapped.headers["Location"])
    assert after.status_code == 200
    counts = after.context["counts"]
    assert (counts.going, counts.checked_in, counts.waiting) == (3, 1, 1)
    assert "is checked in" in after.content.decode()
    assert Registration.objects.get(pk=jurgen.pk).checked_in_at is not None

    undone = organizer_client.post(url, {"registration": jurgen.pk, "undo": "1"})
    assert undone.status_code == 302
    assert Registration.objects.get(pk=jurgen.pk).checked_in_at is None


def test_check_in_of_somebody_not_going_is_refused_plainly(organizer_client, event):
    for _ in range(4):
        waiting = make_registration(event=event)
    url = reverse("events:check_in", args=[event.slug])

    refused = organizer_client.post(url, {"registration": waiting.pk})
    nonsense = organizer_client.post(url, {"registration": "x"})

    assert refused.status_code == 409
    assert "Only people going can be checked in." in refused.content.decode()
    assert nonsense.status_code == 404


def test_check_in_of_another_meetups_registration_is_not_found_and_checks_nobody_in(organizer_client, event):
    other = make_event(title="Meetup 91", slug="meetup-91", capacity=5)
    elsewhere = make_registration(event=other, name="Otto Other")
    make_registration(event=event, name="Ada Lovelace")

    refused = organizer_client.post(
        reverse("events:check_in", args=[event.slug]), {"registration": elsewhere.pk}
    )

    assert refused.status_code == 404
    assert Registration.objects.get(pk=elsewhere.pk).checked_in_at is None
    for meetup in (event, other):
        page = organizer_client.get(reverse("events:check_in", args=[meetup.slug]))
        assert page.status_code == 200
        assert '<dd id="count-checked-in">0</dd>' in page.content.decode(), meetup.slug


def test_list_action_check_in_of_an_erased_registration_names_it_by_number(organizer_client, event):
    erased = make_registration(event=event, email="ada@example.org")
    person_erase(email="ada@example.org")

    response = organizer_client.post(
        reverse("admin:events_registration_changelist"),
        {"action": "check_in", "_selected_action": [erased.pk]},
        follow=True,
    )

    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        f"Registration #{erased.pk}: Only people going can be checked in."
    ]
