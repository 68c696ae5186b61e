"""Form widgets that stay cheap on every page view."""
from __future__ import annotations

from html import escape  # the standard library's: Django's adds a lazy-string check to every call

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe


class QuickSelect(forms.Select):
    """A <select> built as one string rather than from one template per option.

    Django renders each <option> through its own template, and even
    `format_html` per option cost 15-20 ms for the ~250 countries of the
    filter forms, on every list page: more than all of the page's queries.
    """

    def __init__(self, attrs=None, choices=(), label_field: str | None = None):
        super().__init__(attrs, choices)
        # With a model field's choices: the model field that names each option, so that the options are
        # read as (value, label) pairs instead of built as ~250 model instances (5 ms a page for countries).
        self.label_field = label_field

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        for option_value, label in self.pairs():
            option_value = "" if option_value is None else str(option_value)
            selected = " selected" if option_value in chosen else ""
            options.append(f'<option value="{escape(option_value)}"{selected}>{escape(label)}</option>')
        attrs = self.build_attrs(self.attrs, attrs)
        return mark_safe(f'<select name="{escape(name)}"{flatatt(attrs)}>{"".join(options)}</select>')

    def pairs(self):
        choices = self.choices
        if self.label_field is None or not isinstance(choices, ModelChoiceIterator):
            return choices
        field = choices.field
        rows = choices.queryset.values_list(field.to_field_name or "pk", self.label_field)
        return [("", field.empty_label)] * (field.empty_label is not None) + list(rows)
