"""`{{ event|google_calendar_url }}`, `{{ event|outlook_calendar_url }}`, `{% webcal_url %}`: see
events.formats.calendar_links."""

from django import template

from events.formats import calendar_links

register = template.Library()
register.filter("google_calendar_url", calendar_links.google_calendar_url)
register.filter("outlook_calendar_url", calendar_links.outlook_calendar_url)
register.simple_tag(calendar_links.webcal_url, name="webcal_url")
register.simple_tag(calendar_links.google_subscription_url, name="google_subscription_url")
