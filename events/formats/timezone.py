"""The site's time zone as a VTIMEZONE of yearly rules (RRULE), built once per process.

Why not icalendar's `add_missing_timezones`: it lists every change of 70 years as comma-separated RDATE values,
of which ical.js (Thunderbird, many web calendars) and vobject read only the first, so they put every summer
meetup an hour off. A yearly rule ("last Sunday of March") is what Google, Apple and Microsoft write themselves,
and every client reads it the same. The rules are not written by hand: they are read off the zone's own changes
(zoneinfo), so another DJANGO_TIME_ZONE works as well, and a year whose change breaks the pattern starts a new rule.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

# Meetups exist since 2016; nothing in a calendar is older. zoneinfo continues the zone's current rule after the
# last year, and so does the last rule here (it has no end).
FIRST_YEAR = 2000
LAST_YEAR = 2037
DAY = datetime.timedelta(days=1)
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


@dataclass(frozen=True)
class Change:
    """One change of the zone's offset, at a UTC instant."""

    at: datetime.datetime
    offset_from: datetime.timedelta
    offset_to: datetime.timedelta
    name: str
    is_dst: bool

    @property
    def onset(self) -> datetime.datetime:
        """The local wall-clock time of the change, before it happens (RFC 5545 3.6.5)."""
        return (self.at + self.offset_from).replace(tzinfo=None)

    @property
    def rules(self) -> set[tuple[int, str, datetime.time]]:
        """The yearly rules this change fits: (month, BYDAY, time), e.g. (3, "-1SU", 02:00) and (3, "5SU", 02:00)."""
        onset = self.onset
        weekday = WEEKDAYS[onset.weekday()]
        rules = {(onset.month, f"{(onset.day - 1) // 7 + 1}{weekday}", onset.time())}
        if onset.day + 7 > calendar.monthrange(onset.year, onset.month)[1]:
            rules.add((onset.month, f"-1{weekday}", onset.time()))
        return rules

    @property
    def kind(self) -> tuple:
        return (self.offset_from, self.offset_to, self.name, self.is_dst)


def zone_changes(zone: ZoneInfo, first_year: int, last_year: int) -> list[Change]:
    """Every change of offset in the years, found day by day and then to the second (zones change at most once
    a day)."""
    changes = []
    day = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=datetime.UTC)
    before = day.astimezone(zone)
    while day < end:
        after = (day + DAY).astimezone(zone)
        if after.utcoffset() != before.utcoffset():
            changes.append(_change_within(zone, day, day + DAY))
        day, before = day + DAY, after
    return changes


def _change_within(zone: ZoneInfo, low: datetime.datetime, high: datetime.datetime) -> Change:
    """The instant in (low, high] where the offset changes, by bisection."""
    offset_from = low.astimezone(zone).utcoffset()
    while high - low > datetime.timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(zone).utcoffset() == offset_from:
            low = middle
        else:
            high = middle
    high = high.replace(microsecond=0)
    local = high.astimezone(zone)
    return Change(high, offset_from, local.utcoffset(), local.tzname(), bool(local.dst()))


def yearly_runs(changes: list[Change]) -> list[tuple[list[Change], tuple | None]]:
    """Changes of one kind in consecutive years that follow one rule, each with its rule (None for a lone change)."""
    runs: list[tuple[list[Change], set]] = []
    for change in changes:
        if runs:
            run, rules = runs[-1]
            same_kind = run[-1].kind == change.kind
            if same_kind and change.onset.year == run[-1].onset.year + 1 and rules & change.rules:
                run.append(change)
                runs[-1] = (run, rules & change.rules)
                continue
        runs.append(([change], change.rules))
    # "Last Sunday" (-1SU) is how the tz database and other calendars say it; prefer it where it fits.
    return [
        (run, min(rules, key=lambda rule: not rule[1].startswith("-1")) if len(run) > 1 else None)
        for run, rules in runs
    ]


def _observance(run: list[Change], rule: tuple | None, open_ended: bool):
    first = run[0]
    component = TimezoneDaylight() if first.is_dst else TimezoneStandard()
    component.add("dtstart", first.onset)
    component.add("tzoffsetfrom", first.offset_from)
    component.add("tzoffsetto", first.offset_to)
    component.add("tzname", first.name)
    if rule is not None:
        month, byday, _time = rule
        recurrence = {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": byday}
        if not open_ended:
            # A day after the last change: clients that read UNTIL as local time (dateutil) keep it too.
            recurrence["UNTIL"] = run[-1].at + DAY
        component.add("rrule", recurrence)
    return component


def _initial(zone: ZoneInfo, runs):
    """The offset in force before the first change, where clients would guess it wrong: for a time before every
    onset they take the first STANDARD observance's offset (RFC 5545 leaves it open), which in the southern
    hemisphere, or after a change of rules, is not the one in force."""
    in_force = _in_force_at_start(zone)
    standard = [run[0] for run, _rule in runs if not run[0].is_dst]
    if standard and standard[0].offset_to == in_force.offset_to:
        return None
    return _observance([in_force], None, open_ended=True)


def _in_force_at_start(zone: ZoneInfo) -> Change:
    """The offset in force at the start of FIRST_YEAR, as a "change" to itself at that UTC instant."""
    start = datetime.datetime(FIRST_YEAR, 1, 1, tzinfo=datetime.UTC)
    local = start.astimezone(zone)
    return Change(start, local.utcoffset(), local.utcoffset(), local.tzname(), bool(local.dst()))


@functools.cache
def vtimezone(tzid: str) -> Timezone:
    """The VTIMEZONE for `tzid`; shared by every calendar this process writes (do not change it)."""
    zone = ZoneInfo(tzid)
    timezone = Timezone()
    timezone.add("tzid", tzid)
    changes = zone_changes(zone, FIRST_YEAR, LAST_YEAR)
    if not changes:
        # A zone without changes (UTC, Asia/Tokyo): one observance from the first year on.
        timezone.add_component(_observance([_in_force_at_start(zone)], None, open_ended=True))
        return timezone
    # The latest run of each kind carries the zone's current rule: it goes on after LAST_YEAR.
    runs = sorted(
        yearly_runs(sorted(changes, key=lambda change: change.kind)), key=lambda item: item[0][0].at
    )
    latest = {run[0].kind: index for index, (run, _rule) in enumerate(runs)}
    if (initial := _initial(zone, runs)) is not None:
        timezone.add_component(initial)
    for index, (run, rule) in enumerate(runs):
        open_ended = latest[run[0].kind] == index and run[-1].onset.year >= LAST_YEAR
        timezone.add_component(_observance(run, rule, open_ended))
    return timezone
