"""Form widgets that stay cheap on every page view."""
from __future__ import annotations

from html import escape  # the standard library's: Django's adds a lazy-string check to every call

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A <select> built as one string rather than from one template per option.

    Django renders each <option> through its own template, and even
    `format_html` per option cost 15-20 ms for the ~250 countries of the
    filter forms, on every list page: more than all of the page's queries.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            selected = " selected" if option_value in chosen else ""
            options.append(f'<option value="{escape(option_value)}"{selected}>{escape(label)}</option>')
        attrs = self.build_attrs(self.attrs, attrs)
        return mark_safe(f'<select name="{escape(name)}"{flatatt(attrs)}>{"".join(options)}</select>')
