"""Links to another page of one list, keeping the rest of the query string (other lists' pages, filters)."""
from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_link(context, param: str, number: int) -> str:
    params = context["request"].GET.copy()
    params[param] = number
    return f"?{params.urlencode()}"
