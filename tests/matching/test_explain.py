"""Evidence in plain words: how the list wrote the name, and what speaks for and against."""

from __future__ import annotations

import pytest
from django.utils import translation

from kintrace.matching.explain import plain_words, sentence

AGREE = [
    ["surname", "same surname", 5.5],
    ["given_name", "same given name (or its variant)", 4.5],
    ["birth_date", "same birth date", 13.3],
    ["unit", "same military unit", 12.7],
]


@pytest.mark.parametrize(
    ("sought", "record", "phrase"),
    [
        ("Иванов Алексей Петрович", "Иванов Лёша", "given name Леша is a familiar form of Алексей"),
        ("Иванов Алексей Петрович", "Іванов Олексій Петрович", "surname written in Ukrainian"),
        ("Иванов Алексей Петрович", "IVANOV ALEKSEY", "surname written in Latin letters"),
        (
            "Иванов Алексей Петрович",
            "Иванова Алексея Петровича",
            "the list gives the name in a declined form",
        ),
    ],
)
def test_how_the_name_is_written(sought, record, phrase):
    with translation.override("en"):
        texts = [p.text for p in plain_words(AGREE, sought_name=sought, record_name=record)]
    assert any(phrase in text for text in texts), texts


def test_sentence_strongest_first_and_against_last():
    evidence = [*AGREE, ["patronymic", "father's name different", -8.0]]
    with translation.override("en"):
        text = sentence(plain_words(evidence, sought_name="Иванов Алексей", record_name="Иванов"))
    assert text.startswith("same birth date; unit matches; same surname")
    assert text.endswith("against: patronymic different")


def test_unknown_label_is_shown_as_is():
    points = plain_words([["x", "same passport", 3.0]], sought_name="A B", record_name="A B")
    assert points[0].text == "same passport"


def test_every_level_of_the_engine_has_words():
    from kintrace.linkage.comparisons import LEVEL_IDS
    from kintrace.matching.explain import LEVELS

    assert set(LEVEL_IDS.values()) - {
        i for i in LEVEL_IDS.values() if i.endswith(".missing")
    } <= set(LEVELS)


def test_stored_evidence_keeps_its_words_by_level_id():
    from kintrace.matching.explain import level_words

    with translation.override("en"):
        assert level_words("birth_date", "birth month is the other's day").startswith("month")
        assert level_words("birth_date", "an unknown label") == "an unknown label"


@pytest.mark.parametrize("language", ["ru", "uk"])
def test_every_level_has_words_in_russian_and_ukrainian(language):
    """A level added to the engine without its words in the catalogues would reach a
    Russian or Ukrainian caseworker in English (the catalogue check alone cannot see a
    message that was never extracted)."""
    from kintrace.matching.explain import LEVELS

    with translation.override("en"):
        english = {key: str(text) for key, text in LEVELS.items()}
    with translation.override(language):
        untranslated = [key for key, text in LEVELS.items() if str(text) == english[key]]
    assert untranslated == []
