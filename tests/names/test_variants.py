"""Name groups: spellings of one name meet, different names stay apart."""

import csv
from importlib import resources

import pytest

from kintrace.names import name_features


def given(name):
    return name_features(given_name=name)


# Given names that must share given_canon.
SAME_GIVEN = [
    ("Саша", "Александр"),
    ("Александр", "Олександр"),
    ("Alexander", "Александр"),
    ("Oleksandr", "Aleksandr"),
    ("Sasha", "Александр"),
    ("Шура", "Александр"),
    ("Лёша", "Алексей"),
    ("Леша", "Алексей"),
    ("Алексей", "Олексій"),
    ("Aleksey", "Alexey"),
    ("Alexei", "Oleksiy"),
    ("Oleksii", "Алексей"),
    ("Николай", "Микола"),
    ("Mykola", "Nikolai"),
    ("Коля", "Николай"),
    ("Антоша", "Антон"),
    ("Бодя", "Богдан"),
    ("Bodia", "Bohdan"),
    ("Эдик", "Эдуард"),
    ("Ярик", "Ярослав"),
    ("Алинка", "Алина"),
    ("Yuri", "Yury"),
    ("Iurii", "Jurij"),
    ("Юрий", "Юрій"),
    ("Евгений", "Євген"),
    ("Yevgeny", "Evgeniy"),
    ("Женя", "Евгений"),
    ("Дмитро", "Дмитрий"),
    ("Dmytro", "Dmitry"),
    ("Serhiy", "Сергей"),
    ("Volodymyr", "Владимир"),
    ("Вова", "Владимир"),
    ("Петро", "Пётр"),
    ("Pyotr", "Petr"),
    ("Ганна", "Анна"),
    ("Hanna", "Anna"),
    ("Олена", "Елена"),
    ("Лена", "Елена"),
    ("Тетяна", "Татьяна"),
    ("Tetiana", "Tatiana"),
    ("Наташа", "Наталья"),
    ("Михайло", "Михаил"),
    ("Mikhail", "Michael"),
    ("Трохим", "Трофим"),
    ("Хома", "Фома"),
    ("Bohdan", "Богдан"),
    ("Александра", "Александр"),
    ("Микита", "Никита"),  # given_names.csv: Никита (ru) / Микита (uk)
    ("МИКИТА", "Никита"),
    ("Mykyta", "Nikita"),
    ("Nicholas", "Николай"),  # given_aliases.csv: English form
    ("Nicholas", "Микола"),
    ("Helen", "Елена"),  # given_aliases.csv: English form
    ("Helen", "Олена"),
]


@pytest.mark.parametrize(("left", "right"), SAME_GIVEN)
def test_given_names_meet(left, right):
    assert given(left).given_canon == given(right).given_canon


DIFFERENT_GIVEN = [
    ("Александр", "Алексей"),
    ("Alexander", "Alexey"),
    ("Иван", "Иванна"),
    ("Ivan", "Ivanna"),
    ("Яна", "Анна"),
    ("Yana", "Anna"),
    ("Юрий", "Георгий"),
    ("Егор", "Георгий"),
    ("Ирина", "Арина"),
    ("Елена", "Алёна"),
    ("Виктор", "Виктория"),
    ("Андрей", "Андриан"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT_GIVEN)
def test_given_names_stay_apart(left, right):
    assert given(left).given_canon != given(right).given_canon


def test_female_form_shares_group_but_not_sex():
    male, female = (
        name_features(full_name="Александр Иванов"),
        name_features(full_name="Александра Иванова"),
    )
    assert male.given_canon == female.given_canon == "aleksandr"
    assert (male.sex, female.sex) == ("m", "f")


def test_related_groups_are_alternates_not_merges():
    egor = given("Егор")
    assert egor.given_canon == "egor"
    assert "georgiy" in egor.name_alternates


def patr(name):
    return name_features(patronymic=name).patronymic_canon


SAME_PATRONYMIC = [
    ("Петрович", "Петровна"),
    ("Петровна", "Петрівна"),
    ("Petrovich", "Петрович"),
    ("Petrivna", "Petrovna"),
    ("Евгеньевич", "Євгенович"),
    ("Evgenievna", "Yevgenyevna"),
    ("Евгеньевна", "Євгенівна"),
    ("Ильич", "Ілліч"),
    ("Ильинична", "Іллівна"),
    ("Ilyich", "Ильич"),
    ("Николаевич", "Миколайович"),
    ("Mykolaiovych", "Nikolaevich"),
    ("Олексійович", "Алексеевич"),
    ("Oleksiyovych", "Alekseevich"),
    ("Сергеевна", "Сергіївна"),
    ("Serhiivna", "Sergeevna"),
    ("Юрьевич", "Юрійович"),
    ("Дмитриевич", "Дмитрович"),
    ("Васильевич", "Васильович"),
    ("Васильевна", "Василівна"),
    ("Павлович", "Павлівна"),
    ("Яковлевич", "Якович"),
    ("Рустамович", "Рустамівна"),
    ("Григорович", "Григорьевич"),  # patronymic_exceptions.csv: Ukrainian Григорович
    ("Григорівна", "Григорьевна"),
    ("Hryhorovych", "Grigorievich"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PATRONYMIC)
def test_patronymics_meet(left, right):
    assert patr(left) == patr(right)


DIFFERENT_PATRONYMIC = [
    ("Викторович", "Павлович"),
    ("Александрович", "Алексеевич"),
    ("Иванович", "Ильич"),
    ("Petrovich", "Pavlovich"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT_PATRONYMIC)
def test_patronymics_stay_apart(left, right):
    assert patr(left) != patr(right)


def test_same_given_different_patronymic_differ():
    left = name_features(full_name="Смирнов Андрей Викторович")
    right = name_features(full_name="Смирнов Андрей Павлович")
    assert left.given_canon == right.given_canon
    assert left.surname_key == right.surname_key
    assert left.patronymic_canon != right.patronymic_canon
    assert left.patronymic_key != right.patronymic_key


SAME_PERSON = [
    ("Иванов Алексей Петрович", "Иванова Алексея Петровича"),
    ("Иванов Алексей Петрович", "Іванов Олексій Петрович"),
    ("Иванов Алексей Петрович", "IVANOV ALEKSEY PETROVICH"),
    ("Иванов Алексей Петрович", "Алексей Петрович Иванов"),
    ("Иванов Алексей Петрович", "Ivanov Oleksii Petrovych"),
    ("Олександр Євгенович Коваль", "Александр Евгеньевич Коваль"),
    ("Журавлёв Егор", "Zhuravlyov Yegor"),
    # A Ukrainian form the Russian dictionary misreads (Микита as the genitive of Микит).
    ("Кравченко Никита", "КРАВЧЕНКО МИКИТА"),
    ("Кравченко Никита", "Микита Кравченко"),
    # A Russian patronymic the Ukrainian dictionary reads as a surname, declined.
    ("Коваль Николай Дмитриевич", "Ковалю Николаю Дмитриевичу"),
    ("Коваль Николай Дмитриевич", "Коваля Николая Дмитриевича"),
    ("Шевченко Тарас Григорович", "Shevchenko Taras Hryhorovych"),
]


@pytest.mark.parametrize(("left", "right"), SAME_PERSON)
def test_one_person_many_spellings(left, right):
    a, b = name_features(full_name=left), name_features(full_name=right)
    assert a.surname_key == b.surname_key
    assert a.given_canon == b.given_canon
    assert a.patronymic_canon == b.patronymic_canon
    assert a.sex == b.sex


INITIALS = [
    ("Kovalchuk I.V.", "Ковальчук И. В."),
    ("Иванов А.П.", "Ivanov Aleksey Petrovich"),
    ("Евгений Смирнов", "Yevgeny Smirnov"),
    ("Євген Смирнов", "Е. Смирнов"),
]


@pytest.mark.parametrize(("left", "right"), INITIALS)
def test_initials_agree(left, right):
    a, b = name_features(full_name=left), name_features(full_name=right)
    assert a.given_initial == b.given_initial
    assert a.surname_key == b.surname_key


def test_features_are_lower_ascii():
    features = name_features(full_name="Щербакова Ольга Вʼячеславівна")
    for name in features.__slots__:
        value = getattr(features, name)
        values = value if isinstance(value, tuple) else (value,)
        for v in values:
            assert v is None or (v.isascii() and v == v.lower()), (name, v)


def test_surname_canon_keeps_sex_stem_does_not():
    f = name_features(full_name="Иванова Мария")
    m = name_features(full_name="Иванов Иван")
    assert (f.surname_canon, m.surname_canon) == ("ivanova", "ivanov")
    assert f.surname_stem == m.surname_stem == "ivanov"


def test_split_columns_equal_full_name():
    split = name_features(surname="Иванов", given_name="Алексей", patronymic="Петрович")
    assert split == name_features(full_name="Иванов Алексей Петрович")


def test_features_for_many_dedupes_and_keeps_order():
    from kintrace.names import features_for_many

    rows = [
        ("Иванов Алексей Петрович", None, None, None),
        (None, "Петрова", "Анна", "Ивановна"),
        ("Иванов Алексей Петрович", None, None, None),
    ]
    calls = []
    out = features_for_many(rows, progress=lambda done, total: calls.append((done, total)))
    assert out[0] == out[2]
    assert out[1].given_canon == "anna"
    assert out[1].sex == "f"
    assert calls == [(2, 2)]


def test_forked_workers_give_what_one_process_gives(monkeypatch):
    """The parallel path (dictionary work split by word, rows split between forked
    workers, results gathered by index) gives every row the features of the serial one."""
    import kintrace.names.features as features
    from kintrace.names import features_indexed

    surnames = ["Иванов", "Петренко", "SHCHERBAKOV", "Лебедя", "Коваль", "Olijnyk"]
    given = ["Алексей", "Олена", "Sasha", "Марии", "Юрій", "Michael"]
    fathers = ["Петрович", "Ивановны", "Mykolaiovych", "", "Олексійович"]
    rows = [
        (f"{s} {g} {p}".strip(), None, None, None) for s in surnames for g in given for p in fathers
    ]
    rows += [(None, s, g, p or None) for s in surnames for g in given[:2] for p in fathers[:2]]
    rows += rows[:7]  # repeated rows share their result
    serial, at = features_indexed(rows, workers=1)
    monkeypatch.setattr(features, "PARALLEL_FROM", 10)
    found, index = features_indexed(rows, workers=2)
    assert len(index) == len(rows)
    assert [found[i] for i in index] == [serial[i] for i in at]
    assert index[-7:] == index[:7]


def _clear_name_caches():
    """Forget every cached name result, so that a batch starts as in a fresh process."""
    import kintrace.names as names_package
    from kintrace.names import declension, features, parse, spelling, variants

    for module in (declension, features, parse, spelling, variants, names_package):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    variants._WIKIDATA_FOUND.clear()


def test_rows_that_wait_for_rigour_get_what_one_process_gives(monkeypatch):
    """In the parallel path rigour's tagger builds in a process of its own; rows with a
    name only rigour knows wait for its answers and are computed again: the same
    features as the serial path, and the waiting really happened."""
    import kintrace.names.features as features
    from kintrace.names import features_indexed

    surnames = ["Иванов", "Petrenko", "Лебедя", "SHCHERBAKOV"]
    given = ["Alexey", "Michael", "Алексея", "Yuri", "Олена", "Тимур", "Ильдара"]
    fathers = ["Петрович", "Mykolaiovych", ""]
    rows = [
        (f"{s} {g} {p}".strip(), None, None, None) for s in surnames for g in given for p in fathers
    ]
    rows += [(None, s, g, p or None) for s in surnames for g in given for p in fathers[:1]]
    asked: list[set[str]] = []
    answers = features._Wikidata.answers

    def spy(self, words):
        asked.append(set(words))
        return answers(self, words)

    monkeypatch.setattr(features._Wikidata, "answers", spy)
    monkeypatch.setattr(features, "PARALLEL_FROM", 10)
    _clear_name_caches()
    found, index = features_indexed(rows, workers=2)
    _clear_name_caches()
    serial, at = features_indexed(rows, workers=1)
    assert [found[i] for i in index] == [serial[i] for i in at]
    assert asked and {"alexey", "michael"} <= set().union(*asked)
    assert all(words for words in asked)  # a round asks only for words not asked before


def test_a_lost_tagger_process_is_replaced_by_a_look_up_here():
    """When the tagger process is gone, its answers are computed in this process."""
    import multiprocessing

    from kintrace.names.features import _Wikidata
    from kintrace.names.variants import wikidata_matches

    tagger = _Wikidata(multiprocessing.get_context("fork"))
    tagger._process.terminate()
    tagger._process.join()
    assert tagger.answers({"alexey", "zzzqx"}) == wikidata_matches(["alexey", "zzzqx"])
    assert tagger.answers({"alexey"})["alexey"].group == "aleksey"
    tagger.close()


def test_a_deferred_look_up_raises_and_leaves_no_cached_result():
    """While deferring, a word without an answer raises; nothing above it keeps a result,
    and once the answer is given the name resolves as it would have."""
    from kintrace.names.variants import (
        WikidataPending,
        defer_wikidata,
        given_match,
        wikidata_matches,
    )

    _clear_name_caches()
    try:
        defer_wikidata(True)
        with pytest.raises(WikidataPending) as pending:
            given_match("alexey")
        assert pending.value.word == "alexey"
        assert given_match("алексей").group == "aleksey"  # our table needs no rigour
        defer_wikidata(True, wikidata_matches(["alexey"]))
    finally:
        defer_wikidata(False)
    assert given_match("alexey") == wikidata_matches(["alexey"])["alexey"]


def test_wikidata_rows_are_linked_by_rigour():
    """Rows whose source says Wikidata: rigour links the Russian and Ukrainian forms."""
    from kintrace.names.variants import _rigour_symbols

    path = resources.files("kintrace.names.data").joinpath("given_names.csv")
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["source"] == "wikidata"]
    assert len(rows) > 100
    for row in rows:
        ru = _rigour_symbols(row["ru"].split("|")[0].lower())
        for uk in row["uk"].split("|"):
            assert ru & _rigour_symbols(uk.lower()), (row["ru"], uk)


def test_every_data_row_names_a_source():
    for name in (
        "given_names.csv",
        "given_aliases.csv",
        "given_related.csv",
        "patronymic_exceptions.csv",
    ):
        path = resources.files("kintrace.names.data").joinpath(name)
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                assert row["source"].strip(), (name, row)


def _die(_words):
    """A worker task that ends its process at once, as the out-of-memory killer would."""
    import os

    os._exit(1)


def test_a_worker_that_dies_leaves_the_work_to_the_parent(monkeypatch, caplog):
    """A dead worker must not leave the batch waiting for ever: the parent does the work
    itself, with the results of the serial path."""
    import kintrace.names.features as features
    from kintrace.names import features_indexed

    rows = [(f"Петренко {g} Іванович", None, None, None) for g in ("Олег", "Ігор", "Тарас")] * 5
    rows += [(f"Иванов Иван {n}", None, None, None) for n in ("Петрович", "Ильич")]
    serial, at = features_indexed(rows, workers=1)
    monkeypatch.setattr(features, "PARALLEL_FROM", 2)
    monkeypatch.setattr(features, "_word_readings", _die)
    with caplog.at_level("WARNING", logger="kintrace.names.features"):
        found, index = features_indexed(rows, workers=2)
    assert [found[i] for i in index] == [serial[i] for i in at]
    assert "worker died" in caplog.text
