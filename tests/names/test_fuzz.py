"""Whatever text arrives, the name functions answer or refuse with a readable ValueError."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kintrace.names import (
    name_features,
    normalise_text,
    parse_date,
    parse_date_strict,
    parse_name,
    phonetic_key,
    unit_key,
)

# Cyrillic, Latin, digits, punctuation of real lists, and anything else unicode has.
NAMEISH = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.sampled_from(list("ʼ’'`-.,()ёЁіїєґ \t\n")),
        st.characters(),
    ),
    max_size=60,
)
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(NAMEISH)
def test_parse_name_never_fails(text):
    parsed = parse_name(text)
    for part in (parsed.surname, parsed.given_name, parsed.patronymic):
        assert part is None or isinstance(part, str)


@FAST
@given(NAMEISH, NAMEISH, NAMEISH)
def test_name_features_never_fail_and_stay_ascii(surname, given, patronymic):
    features = name_features(surname=surname, given_name=given, patronymic=patronymic)
    for value in (features.surname_canon, features.given_canon, features.surname_key):
        assert value is None or value.isascii()


@FAST
@given(NAMEISH)
def test_normalise_and_keys_never_fail(text):
    assert isinstance(normalise_text(text), str)
    assert isinstance(phonetic_key(text), str)
    key = unit_key(text)
    assert key is None or isinstance(key, str)


@FAST
@given(st.one_of(NAMEISH, st.dates().map(str), st.dates().map(lambda d: d.strftime("%d.%m.%Y"))))
def test_dates_answer_or_refuse_with_a_reason(text):
    lenient = parse_date(text)
    try:
        strict = parse_date_strict(text)
    except ValueError as error:
        assert str(error)
        assert lenient is None
    else:
        assert strict == lenient
