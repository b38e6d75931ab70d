"""`{{ event|google_calendar_url }}`, `{{ event|outlook_calendar_url }}`: see events.formats.calendar_links (the
subscription links are `{{ site.links.webcal }}` and `{{ site.links.google_subscription }}`)."""

from django import template

from events.formats import calendar_links

register = template.Library()
register.filter("google_calendar_url", calendar_links.google_calendar_url)
register.filter("outlook_calendar_url", calendar_links.outlook_calendar_url)
