"""Matching features of a person's name: plain lower-case ASCII strings for DuckDB/Parquet."""

from __future__ import annotations

import gc
import logging
import multiprocessing
import operator
import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import lru_cache
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext

from kintrace.names.declension import (
    load_analyzers,
    readings_as_tuples,
    share_readings,
    word_language,
)
from kintrace.names.normalise import normalise_text, script_of
from kintrace.names.parse import ParsedName, _token, parse_name, parse_parts
from kintrace.names.phonetic import phonetic_key
from kintrace.names.translit import canon_romanise
from kintrace.names.variants import (
    NameMatch,
    WikidataPending,
    defer_wikidata,
    given_match,
    patronymic_base,
    patronymic_match,
    related_groups,
    warm_up,
    wikidata_matches,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class NameFeatures:
    """Features of one person's name for blocking and comparison.

    Every value is lower-case ASCII or None (a part that is absent).

    - ``surname_canon``: the nominative surname romanised (Cyrillic with the
      ``canon`` table, Latin with diacritics folded); keeps the sex of the form,
      so ``ivanova`` and ``ivanov`` differ.
    - ``surname_stem``: ``surname_canon`` brought to the masculine form
      (``ivanova`` -> ``ivanov``, ``petrovskaya``/``petrovska`` ->
      ``petrovskiy``), for comparing across sexes (a mother and her son).
    - ``surname_key``: :func:`phonetic_key` of ``surname_stem``; meets across
      romanisations (``Zhuravlyov``/``Журавлёв`` -> ``juravlev``).
    - ``given_canon``: the name-group id, the same for diminutives, Russian and
      Ukrainian forms and Latin spellings (Саша/Александр/Олександр/Alexander/
      Oleksandr/Sasha -> ``aleksandr``); the female form shares the group
      (Александра -> ``aleksandr``, told apart by ``sex``). A name we do not
      know gives its romanised nominative.
    - ``given_key``: :func:`phonetic_key` of the given name as written (in the
      nominative), for typos and spellings of names outside the groups.
    - ``given_initial``: one letter, the first of ``given_canon`` (or of the
      romanised initial when only an initial is known), so ``И.``/``I.``/``Ivan``
      and ``Евгений``/``Yevgeny``/``Євген`` agree.
    - ``patronymic_canon``: the father's name group, whatever the sex of the
      bearer and the language (Петрович/Петровна/Петрівна/Petrovich ->
      ``petr``); for a father's name we do not know, the romanised patronymic
      without its suffix (Рустамович -> ``rustam``).
    - ``patronymic_key``: :func:`phonetic_key` of the patronymic without its
      suffix (the father's name as written).
    - ``patronymic_initial``: one letter, first of ``patronymic_canon`` or of
      the romanised initial.
    - ``sex``: ``"m"``, ``"f"`` or None, from the patronymic ending, then the
      given name, then the surname ending (and declension agreement).
    - ``surname_alternates``, ``given_alternates``, ``patronymic_alternates``:
      other canonical values the part may stand for: bracketed alternates
      (``Sokolov (SOKOLOFF)`` -> ``sokoloff``, a maiden name ``Иванова (Петрова)``
      -> ``petrova``), the parts of a double surname (``Петров-Водкин`` ->
      ``petrov``, ``vodkin``) and, for given and father's names, related name
      groups (Егор -> ``georgiy``, Егорович -> ``georgiy``). Each may be empty;
      ``name_alternates`` is all of them.
    """

    surname_canon: str | None = None
    surname_stem: str | None = None
    surname_key: str | None = None
    given_canon: str | None = None
    given_key: str | None = None
    given_initial: str | None = None
    patronymic_canon: str | None = None
    patronymic_key: str | None = None
    patronymic_initial: str | None = None
    sex: str | None = None
    surname_alternates: tuple[str, ...] = ()
    given_alternates: tuple[str, ...] = ()
    patronymic_alternates: tuple[str, ...] = ()

    @property
    def name_alternates(self) -> tuple[str, ...]:
        """Every alternate of every part, surname first."""
        return self.surname_alternates + self.given_alternates + self.patronymic_alternates


_NOT_KEY = re.compile(r"[^a-z\- ]")
_HARD = "(?<![kgh])"
_STEM_RULES = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"(?<=[^aeiou])(ov|ev|in|yn)a$", r"\1"),
        (r"(ts|s|z)ka(ya|ia|ja)?$", r"\1kiy"),
        (_HARD + r"(aya|aia|aja)$", "yy"),
        (r"(aya|aia|aja)$", "iy"),
    )
)


@lru_cache(maxsize=200_000)
def _romanised(word: str) -> str:
    """A normalised word, Cyrillic or Latin, as lower-case ASCII."""
    return _NOT_KEY.sub("", canon_romanise(word))


def _stem(canon: str) -> str:
    if len(canon) < 5:
        return canon
    for pattern, repl in _STEM_RULES:
        stem, n = pattern.subn(repl, canon)
        if n:
            return stem
    return canon


@lru_cache(maxsize=200_000)
def _surname(surname: str) -> tuple[str, str, str]:
    """Canonical form, stem and sound key; the parts of a double surname are joined by a
    hyphen whether written with one or with a space (``Петров Водкин``)."""
    words = normalise_text(surname).replace("-", " ").split()
    canon = "-".join(_romanised(w) for w in words)
    stem = "-".join(_stem(_romanised(w)) for w in words)
    return canon, stem, phonetic_key(stem)


# Particles of a surname (фон Браун, ибн Сина, де Голль), never one a list gives alone.
_SURNAME_PARTICLES = {
    "fon", "von", "van", "der", "de", "del", "della", "di", "da", "du", "le", "la",
    "ibn", "ben", "bin", "al", "el", "ter", "ten", "mac", "mc",
}  # fmt: skip


def _surname_parts(canon: str | None) -> tuple[str, ...]:
    """The parts of a double surname, each of which a list may give alone."""
    if not canon or "-" not in canon:
        return ()
    return tuple(p for p in canon.split("-") if len(p) > 2 and p not in _SURNAME_PARTICLES)


@lru_cache(maxsize=100_000)
def _given(given: str) -> tuple[str, str, tuple[str, ...]]:
    word = normalise_text(given)
    match = given_match(word)
    canon = match.group if match else _romanised(word).replace(" ", "-")
    return canon, phonetic_key(word), match.related if match else ()


@lru_cache(maxsize=100_000)
def _patronymic(patronymic: str) -> tuple[str, str, tuple[str, ...]]:
    word = normalise_text(patronymic)
    base = patronymic_base(word)
    match = patronymic_match(word)
    canon = match.group if match else _romanised(base)
    return canon, phonetic_key(base), related_groups(canon) if match else ()


@lru_cache(maxsize=10_000)
def _initial(letter: str | None) -> str | None:
    if not letter:
        return None
    out = _romanised(normalise_text(letter))
    return out[:1] or None


def _alternates(
    parsed: ParsedName, main: tuple[str | None, str | None, str | None], related: tuple
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Other canonical values of surname, given name and father's name: bracketed
    alternates first, then ``related`` per part (the parts of a double surname, related
    name groups), never the part's own value."""
    out: dict[str, list[str]] = {"surname": [], "given": [], "patronymic": []}
    for alt, role in zip(parsed.alternates, parsed.alternate_roles, strict=True):
        if role == "given":
            value = _given(alt)[0]
        elif role == "patronymic":
            value = _patronymic(alt)[0]
        else:
            role, value = "surname", _surname(alt)[0]
        out[role].append(value)
    for role, groups in zip(("surname", "given", "patronymic"), related, strict=True):
        out[role].extend(groups)
    return tuple(
        tuple(dict.fromkeys(v for v in out[role] if v and v != own))
        for role, own in zip(("surname", "given", "patronymic"), main, strict=True)
    )


@lru_cache(maxsize=500_000)
def features_of(parsed: ParsedName) -> NameFeatures:
    """Compute :class:`NameFeatures` from an already parsed name."""
    s_canon = s_stem = s_key = None
    if parsed.surname:
        s_canon, s_stem, s_key = _surname(parsed.surname)
    g_canon = g_key = None
    g_related: tuple[str, ...] = ()
    p_related: tuple[str, ...] = ()
    g_initial = _initial(parsed.given_initial)
    if parsed.given_name:
        g_canon, g_key, g_related = _given(parsed.given_name)
        g_initial = g_canon[:1] or g_initial
    p_canon = p_key = None
    p_initial = _initial(parsed.patronymic_initial)
    if parsed.patronymic:
        p_canon, p_key, p_related = _patronymic(parsed.patronymic)
        p_initial = p_canon[:1] or p_initial
    alternates: tuple[tuple[str, ...], ...] = ((), (), ())
    parts = _surname_parts(s_canon)
    if parsed.alternates or g_related or p_related or parts:
        alternates = _alternates(parsed, (s_canon, g_canon, p_canon), (parts, g_related, p_related))
    return NameFeatures(  # positional, in field order: this runs once per distinct name
        s_canon or None,
        s_stem or None,
        s_key or None,
        g_canon or None,
        g_key or None,
        g_initial,
        p_canon or None,
        p_key or None,
        p_initial,
        parsed.sex,
        *alternates,
    )


def name_features(
    *,
    full_name: str | None = None,
    surname: str | None = None,
    given_name: str | None = None,
    patronymic: str | None = None,
) -> NameFeatures:
    """Matching features of one name, from a full name or from separate columns.

    When any of ``surname``, ``given_name``, ``patronymic`` is given, the
    columns are used (each may hold an initial, a declined form or a bracketed
    alternate); otherwise ``full_name`` is parsed with :func:`parse_name`.
    """
    if surname or given_name or patronymic:
        parsed = parse_parts(surname, given_name, patronymic)
    else:
        parsed = parse_name(full_name or "")
    return features_of(parsed)


Row = tuple[str | None, str | None, str | None, str | None]

PARALLEL_FROM = 20_000  # distinct rows; below this, forking costs more than it saves
_BATCH: list[Row] = []  # rows for forked workers, inherited through fork (never pickled)
_FIELDS = tuple(NameFeatures.__dataclass_fields__)
_AS_TUPLE = operator.attrgetter(*_FIELDS)


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: a batch allocates millions of small objects
    that form no cycles, and each full collection would walk every cache entry."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parsed_row(row: Row) -> ParsedName:
    full, sur, giv, pat = row
    if sur or giv or pat:
        return parse_parts(sur, giv, pat)
    return parse_name(full or "")


def _features_of_row(row: Row) -> NameFeatures:
    return features_of(_parsed_row(row))


def _work(task: tuple[Iterable[int], dict[str, NameMatch | None]]) -> tuple:
    """Worker: for the rows of ``_BATCH`` at the given indices, the distinct features as
    tuples, each row's index into them (-1 for a row that waits for rigour), the rows that
    wait and the words they wait for. ``answers`` are rigour's, found so far."""
    indices, answers = task
    defer_wikidata(True, answers)
    seen: dict[NameFeatures, int] = {}
    index: list[int] = []
    waiting: list[int] = []
    words: set[str] = set()
    with _no_gc():
        for i in indices:
            try:
                found = _features_of_row(_BATCH[i])
            except WikidataPending as pending:
                waiting.append(i)
                words.add(pending.word)
                index.append(-1)
                continue
            index.append(seen.setdefault(found, len(seen)))
    return [_AS_TUPLE(f) for f in seen], index, waiting, words


def _batch_words(rows: range) -> set[str]:
    """Worker: the normalised Cyrillic words of the rows of ``_BATCH`` in ``rows``."""
    words: set[str] = set()
    for row in _BATCH[rows.start : rows.stop]:
        for value in row:
            if value:
                words.update(_token(raw)[0] for raw in value.replace(",", " ").split())
    return {w for w in words if w and script_of(w) == "cyrillic"}


def _word_readings(words: list[str]) -> list[tuple[str, str, tuple[tuple, ...]]]:
    """Worker: dictionary readings of ``words``, in the languages each may need."""
    out = []
    for word in words:
        lang = word_language(word)
        for each in (lang,) if lang else ("ru", "uk"):
            out.append((word, each, readings_as_tuples(word, each)))
    return out


def _serve_wikidata(conn: Connection) -> None:
    """The tagger process: build rigour's tagger, then answer lists of words until None."""
    defer_wikidata(False)
    warm_up()
    while (words := conn.recv()) is not None:
        conn.send(wikidata_matches(words))


class _Wikidata:
    """rigour's tagger in a process of its own, started before the rows are split: it
    builds (seconds, holding its interpreter) while the workers compute every row that
    does not need it; the rows that do wait for its answers and are computed again."""

    def __init__(self, context: BaseContext) -> None:
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve_wikidata, args=(child,), daemon=True)
        self._process.start()
        child.close()

    def answers(self, words: set[str]) -> dict[str, NameMatch | None]:
        try:
            self._conn.send(sorted(words))
            return self._conn.recv()
        except (EOFError, OSError):  # the process is gone: build the tagger here
            return wikidata_matches(words)

    def close(self) -> None:
        with suppress(OSError):
            self._conn.send(None)
        self._conn.close()
        self._process.join(timeout=1)
        if self._process.is_alive():  # still building a tagger nobody asked for
            self._process.terminate()
            self._process.join()


def _parallel(distinct: list[Row], workers: int) -> tuple[list[NameFeatures], list[int]]:
    """Raises ``BrokenProcessPool`` when a worker dies (killed, out of memory): a
    ``multiprocessing.Pool`` would wait for its results for ever."""
    global _BATCH
    _BATCH = distinct
    step = -(-len(distinct) // workers)
    bounds = [range(i, min(i + step, len(distinct))) for i in range(0, len(distinct), step)]
    context = multiprocessing.get_context("fork")
    load_analyzers()
    wikidata = _Wikidata(context)
    results: list[NameFeatures] = []
    at = [-1] * len(distinct)
    answers: dict[str, NameMatch | None] = {}
    try:
        # The dictionary work (0.3-1 ms a word and language) is split by word first, so
        # that no two workers look up the same word; then the rows are split. The workers
        # fork at the first task, with what the parent holds at that moment.
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            words = sorted(set().union(*pool.map(_batch_words, bounds)))
            split = [words[k::workers] for k in range(workers)]
            for found in pool.map(_word_readings, split):
                share_readings(found)
        warm_up(wikidata=False)
        # Forked with the readings at hand; rigour's answers come from the tagger process.
        with ProcessPoolExecutor(workers, mp_context=context) as pool, _no_gc():
            tasks: list[tuple[Iterable[int], dict]] = [(b, answers) for b in bounds]
            while tasks:
                waiting: list[int] = []
                needed: set[str] = set()
                for (indices, _), (values, index, wait, words_) in zip(
                    tasks, pool.map(_work, tasks), strict=True
                ):
                    offset = len(results)
                    results.extend([NameFeatures(*v) for v in values])
                    for i, j in zip(indices, index, strict=True):
                        if j >= 0:
                            at[i] = offset + j
                    waiting.extend(wait)
                    needed |= words_
                if waiting:
                    answers.update(wikidata.answers(needed - answers.keys()))
                tasks = [(waiting[k::workers], answers) for k in range(workers)] if waiting else []
    finally:
        wikidata.close()
        _BATCH = []
    defer_wikidata(False, answers)
    return results, at


def features_for_many(
    rows: Iterable[Row],
    progress: Callable[[int, int], None] | None = None,
    *,
    workers: int | None = None,
) -> list[NameFeatures]:
    """Features for many rows of ``(full_name, surname, given_name, patronymic)``.

    Distinct rows are computed once (published lists repeat names), and every
    step below is cached per word. From ``PARALLEL_FROM`` distinct rows on,
    ``workers`` forked processes (default: the CPU count, at most 4) first share
    the dictionary look-ups by word, then, forked again with them at hand, share
    the rows, while one more process builds rigour's tagger; a row whose name only
    rigour can resolve waits for its answer and is computed again (the results are
    those of the serial path). Each worker sends back every distinct result once.
    ``progress``, when given, is called with ``(done, total_distinct)`` every 50,000
    distinct rows (serial) or once at the end (parallel). Returns one
    :class:`NameFeatures` per input row, in order.
    """
    found, index = features_indexed(rows, progress, workers=workers)
    return [found[i] for i in index]


def features_indexed(
    rows: Iterable[Row],
    progress: Callable[[int, int], None] | None = None,
    *,
    workers: int | None = None,
) -> tuple[list[NameFeatures], list[int]]:
    """:func:`features_for_many` as a list of results and, for each row, the index of its
    result in that list: a million rows need not become a million references to sort
    through before a caller builds columns from them (rows with equal features may share
    one result, or not)."""
    positions: dict[Row, int] = {}
    with _no_gc():
        order = [positions.setdefault(tuple(row), len(positions)) for row in rows]  # type: ignore[arg-type]
    distinct = list(positions)
    del positions
    total = len(distinct)
    if workers is None:
        workers = min(os.cpu_count() or 1, 4)
    if workers > 1 and total >= PARALLEL_FROM and "fork" in multiprocessing.get_all_start_methods():
        try:
            results, at = _parallel(distinct, workers)
        except BrokenProcessPool:  # a worker died: the work is done here, in one process
            log.warning("a names worker died; normalising %d names in one process", total)
        else:
            if progress is not None:
                progress(total, total)
            return results, [at[i] for i in order]
    results = []
    with _no_gc():
        for i, row in enumerate(distinct, 1):
            results.append(_features_of_row(row))
            if progress is not None and (i % 50_000 == 0 or i == total):
                progress(i, total)
    return results, order
