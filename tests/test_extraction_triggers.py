"""Every verb registered in meeting_triggers.VERB_CONSTRUCTIONS reads the shape it names, and the
same verb in another shape tells no meeting. Sentences we wrote; a new entry needs one here."""
import pytest

from meetings.extraction.meeting_triggers import VERB_CONSTRUCTIONS
from tests.extraction_helpers import run

pytestmark = pytest.mark.slow

# lemma: (a sentence in the construction's shape, who took part)
EXAMPLES = {
    "meet": ("Foreign Minister Lena Berg met Prime Minister Tomas Vidal in Oslo on Friday.",
             ["Lena Berg", "Tomas Vidal"]),
    "host": ("President Maria Santos hosted Chancellor Peter Kamau at the presidential palace on Friday.",
             ["Maria Santos", "Peter Kamau"]),
    "speak": ("Prime Minister Olav Lunde spoke with President Ana Duarte by telephone on Friday.",
              ["Ana Duarte", "Olav Lunde"]),
    "sit": ("Foreign Minister Ingrid Haug sat down with Foreign Minister Kofi Mensah in Accra on Friday.",
            ["Ingrid Haug", "Kofi Mensah"]),
    "discuss": ("Minister Ruth Wanjiru discussed the drought with Minister Alfred Otieno in Nairobi on Friday.",
                ["Alfred Otieno", "Ruth Wanjiru"]),
    "co-chair": ("Foreign Minister Ana Duarte co-chaired the joint commission with Foreign Minister Lena Berg in "
                 "Quito on Friday.", ["Ana Duarte", "Lena Berg"]),
    "confer": ("President Ana Duarte conferred with Prime Minister Lena Berg in Quito on Friday.",
               ["Ana Duarte", "Lena Berg"]),
    "bring": ("The summit in Lima on Friday brought together President Ana Duarte, President Tomas Vidal and "
              "Prime Minister Lena Berg.", ["Ana Duarte", "Lena Berg", "Tomas Vidal"]),
    "call": ("Foreign Minister Kofi Mensah called on President Maria Santos at State House on Friday, as the "
             "two countries seek to deepen their ties.", ["Kofi Mensah", "Maria Santos"]),
    "travel": ("President Tomas Vidal will travel to Kenya next month.", ["Tomas Vidal"]),
    "welcome": ("Prime Minister Lena Berg welcomed President Peter Kamau to Oslo on Friday.",
                ["Lena Berg", "Peter Kamau"]),
    "join": ("President Ana Duarte joined the regional summit in Lima on Friday.", ["Ana Duarte"]),
    "joined someone": ("Chile's President Ana Duarte and Peru's President Tomas Vidal joined President Luiz Ramos "
                       "at the convention centre on Friday, along with OAS Secretary-General Ruth Wanjiru.",
                       ["Ana Duarte", "Luiz Ramos", "Ruth Wanjiru", "Tomas Vidal"]),
    "attend": ("Prime Minister Olav Lunde attended the climate summit in Nairobi on Friday.", ["Olav Lunde"]),
}

# The same verbs telling something else.
NOT_MEETINGS = [
    "Foreign Minister Kofi Mensah called on Moscow to withdraw its troops.",
    "Minister Ruth Wanjiru discussed the drought on Friday.",
    "President Maria Santos welcomed the decision on Friday.",
    "Prime Minister Olav Lunde spoke at length on Friday.",
    "President Tomas Vidal travelled widely last year.",
    "Prime Minister Olav Lunde joined President Ana Duarte in calling for a ceasefire.",
]


def test_every_construction_has_an_example_here():
    for construction in VERB_CONSTRUCTIONS:
        assert construction.shape and construction.lemmas & EXAMPLES.keys(), construction.shape


@pytest.mark.parametrize("lemma", sorted(EXAMPLES))
def test_the_construction_reads_its_shape(lemma):
    sentence, people = EXAMPLES[lemma]
    result = run(sentence)
    assert any(sorted(m["participants"]) == people for m in result["meetings"]), result["meetings"]


@pytest.mark.parametrize("sentence", NOT_MEETINGS)
def test_the_same_verb_in_another_shape_is_no_meeting(sentence):
    assert run(sentence)["meetings"] == []
