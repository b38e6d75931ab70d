"""`{{ talk.slides_size|human_size }}`: "0.9 KB", "1.4 MB" (common.text.human_size)."""

from django import template

from common.text import human_size

register = template.Library()
register.filter("human_size", human_size)
