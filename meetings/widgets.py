"""Form widgets that stay cheap on every page view."""
from __future__ import annotations

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A <select> built in Python rather than from one template per option.

    Django renders each <option> through its own template; for the ~200
    countries of the filter forms that was 40-50 ms of every list page,
    more than all its queries together.
    """

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "", "<option value=\"{}\"{}>{}</option>",
            ((option["value"], flatatt(option["attrs"]), option["label"])
             for _, group, _ in widget["optgroups"] for option in group),
        )
        return format_html("<select name=\"{}\"{}>{}</select>", widget["name"], flatatt(widget["attrs"]), options)
