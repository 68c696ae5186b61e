"""The filter forms' fast <select> renders what Django's Select would: the chosen option, escaped labels."""
from django import forms

from meetings.widgets import QuickSelect


class Form(forms.Form):
    place = forms.ChoiceField(choices=[("", "any"), ("a&b", "Fish & <Chips>"), ("c", "Côte d'Ivoire")],
                              widget=QuickSelect, required=False)


def options(html: str) -> list[str]:
    return [part.split(">", 1)[0] for part in html.split("<option")[1:]]


def test_quick_select_marks_the_chosen_value_and_escapes_labels():
    html = str(Form({"place": "a&b"})["place"])
    assert html.startswith('<select name="place" id="id_place">')
    assert '<option value="a&amp;b" selected>Fish &amp; &lt;Chips&gt;</option>' in html
    assert sum(" selected" in o for o in options(html)) == 1
    assert "Côte d&#x27;Ivoire" in html


def test_quick_select_gives_the_same_options_as_djangos_select():
    ours = str(Form({"place": "c"})["place"])
    form = Form({"place": "c"})
    form.fields["place"].widget = forms.Select(choices=form.fields["place"].choices)
    theirs = str(form["place"])
    assert [o.replace('="selected"', "").replace(" selected", "") for o in options(ours)] == \
        [o.replace('="selected"', "").replace(" selected", "").replace("\n", "") for o in options(theirs)]


def test_quick_select_reads_model_choices_as_pairs(db, django_assert_num_queries):
    """The country filter's options come from one query of (code, name), as Django's Select names them."""
    from meetings.models import Country

    class Countries(forms.Form):
        country = forms.ModelChoiceField(Country.objects.all(), to_field_name="code", empty_label="any country",
                                         widget=QuickSelect(label_field="name"), required=False)

    form = Countries({"country": "KG"})
    assert form.is_valid()  # as the filter set does first: that looks the chosen country up
    with django_assert_num_queries(1):
        ours = str(form["country"])
    form = Countries({"country": "KG"})
    form.fields["country"].widget = forms.Select(choices=form.fields["country"].choices)
    theirs = str(form["country"])
    assert '<option value="KG" selected>Kyrgyzstan</option>' in ours
    assert '<option value="">any country</option>' in ours
    assert [o.replace('="selected"', "").replace(" selected", "") for o in options(ours)] == \
        [o.replace('="selected"', "").replace(" selected", "").replace("\n", "") for o in options(theirs)]
