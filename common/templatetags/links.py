"""`{{ path|absolute }}`: a link on the site's configured address (see common.links)."""

from django import template

from common.links import absolute_url

register = template.Library()
register.filter("absolute", absolute_url)
