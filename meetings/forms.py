"""Forms of the curators' admin pages."""
from __future__ import annotations

from django import forms

from meetings.extraction.types import ArticleError
from meetings.services.importing import read_upload

# Far above any news article or transcript (a long one is 100 KB), and small enough that its
# extraction takes seconds where a task runs inside the request (the demo's immediate tasks).
MAX_UPLOAD = 512 * 1024


class ArticleImportForm(forms.Form):
    file = forms.FileField(required=False, help_text="A .txt or .html article (UTF-8).")
    text = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
                           help_text="Or paste the article: its title on the first line.")
    filename = forms.CharField(required=False, max_length=300, help_text="A name for a pasted article.")
    published = forms.DateField(required=False, help_text="For articles that do not state their date (YYYY-MM-DD).",
                                widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(required=False, max_length=200, help_text="The outlet, when the article does not say.")

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if upload and data.get("text"):
            raise forms.ValidationError("Upload a file or paste a text, not both.")
        if upload:
            if upload.size > MAX_UPLOAD:
                raise forms.ValidationError(
                    f"{upload.name} is {upload.size // 1024:,} KB: articles of more than {MAX_UPLOAD // 1024} KB "
                    "are refused. Import it with `manage.py import_articles`, or split it.")
            data["raw"] = upload.read()  # what the article's hash is over, as for a file on disk
            try:
                data["text"] = read_upload(data["raw"], upload.name)
            except ArticleError as exc:
                raise forms.ValidationError(str(exc)) from exc
            data["filename"] = data.get("filename") or upload.name
        else:
            # A browser sends a textarea's lines ending in CR LF: the pasted article is the
            # same article, with the same hash, whichever way its lines were sent.
            data["text"] = (data.get("text") or "").replace("\r\n", "\n")
            data["raw"] = None
            if len(data["text"].encode("utf-8")) > MAX_UPLOAD:
                raise forms.ValidationError(f"The pasted article is longer than {MAX_UPLOAD // 1024} KB: "
                                            "import it with `manage.py import_articles`, or split it.")
        if not (data.get("text") or "").strip():
            raise forms.ValidationError("Upload a file or paste an article.")
        data["filename"] = data.get("filename") or "pasted-article.txt"
        return data


# The largest id a 64-bit primary key holds; a larger number is no record's id
# (SQLite cannot even bind it as a parameter).
MAX_ID = 2**63 - 1


def valid_id(value) -> int | None:
    """`value` as a record id, or None when it cannot be one."""
    try:
        number = int(str(value).strip())
    except ValueError:
        return None
    return number if 0 < number <= MAX_ID else None


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Chosen records by id; a value that is no id is the form's error, not the database's."""

    def _check_values(self, value):
        for pk in value:
            if valid_id(pk) is None:
                raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                            params={"value": pk})
        return super()._check_values(value)


class SplitForm(forms.Form):
    articles = IdMultipleChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple,
                                     help_text="The sources whose reports move to a new record.")
    name = forms.CharField(required=False, max_length=200, help_text="The new record's name (people only).")

    def __init__(self, *args, articles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["articles"].queryset = articles


class ReviewForm(forms.Form):
    """'Mark reviewed' in the review queue: which kind of record, and its id."""

    model = forms.ChoiceField(choices=[("meeting", "meeting"), ("person", "person"), ("statement", "statement")])
    pk = forms.IntegerField(min_value=1, max_value=MAX_ID)
