from django import template

from kintrace.cases.models import Status

register = template.Library()


@register.filter
def status_label(value: str) -> str:
    """The readable name of a stored status value, in the page's language."""
    try:
        return Status(value).label
    except ValueError:
        return value
