"""`{{ text|markdown }}` (sanitised HTML) and `{{ text|plaintext }}` (one line, for meta descriptions)."""

from django import template

from common import markdown as rendering

register = template.Library()
register.filter("markdown", rendering.markdown, is_safe=True)
register.filter("plaintext", rendering.plaintext)
