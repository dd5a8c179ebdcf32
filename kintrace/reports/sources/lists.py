"""Reports on published lists: people by kind of list, publisher and category, how many were
confirmed to be someone a family is looking for, and the overlap between publishers.

Lists count people, not lines: records that matching linked as one person (one
``person_key``) or that caseworkers confirmed to the same case are one person. Each person's
kinds, publishers or categories are gathered in the database as a bit mask (one bit per
kind, publisher or category, OR-ed over his records), then people are counted per mask;
Python only names the few masks that come back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection
from django.db.models import Count, F, Min, Sum
from django.utils.translation import gettext_lazy as _

from kintrace.lists.models import Category, ListKind, Record, SourceList
from kintrace.reports.dimensions import NOT_STATED, Dimension
from kintrace.reports.filters import Filters
from kintrace.reports.registry import Report, Source
from kintrace.reports.tables import Column, Table, count_table

SOURCE = Source(
    "lists",
    _("Published lists"),
    _(
        "Lists of prisoners, killed, wounded, missing and exchanged people published by "
        "ministries, the other side, ombudsmen, the Red Cross and volunteers, imported here "
        "with their publisher, side, kind and category of people. The period applies to the "
        "date a list was published (not the day it was imported); lists without a date of "
        "publication are left out when a period is chosen."
    ),
    "lists",
)
LIST_FILTERS = ("period", "list_kind", "side")
MAX_PUBLISHER_BITS = 60  # more publishers than this share the last bit (a mask is 64 bits)
MAX_LISTS_NAMED = 30
SEVERAL = "~several"
MORE_PUBLISHERS = "~more"
JOINED = " + "  # publishers in a row of the overlap


def chosen_lists(filters: Filters):
    lists = SourceList.objects.filter(filters.source_list_q())
    if filters.date_from:
        lists = lists.filter(published_on__gte=filters.date_from)
    if filters.date_to:
        lists = lists.filter(published_on__lte=filters.date_to)
    return lists


@dataclass
class Bits:
    """Each list's kind, publisher and category as one bit each."""

    kind: dict[int, int] = field(default_factory=dict)  # list id -> bit
    publisher: dict[int, int] = field(default_factory=dict)
    category: dict[int, int] = field(default_factory=dict)
    publishers: dict[int, str] = field(default_factory=dict)  # bit -> publisher

    @classmethod
    def of(cls, lists: Sequence[dict]) -> Bits:
        bits = cls()
        kinds, categories = list(ListKind.values), list(Category.values)
        size: dict[str, int] = {}
        for row in lists:
            size[row["publisher"]] = size.get(row["publisher"], 0) + row["record_count"]
        ranked = sorted(size, key=lambda p: (-size[p], p))
        for index, publisher in enumerate(ranked):
            bit = 1 << min(index, MAX_PUBLISHER_BITS)
            bits.publishers[bit] = publisher if index < MAX_PUBLISHER_BITS else MORE_PUBLISHERS
        by_publisher = {p: 1 << min(i, MAX_PUBLISHER_BITS) for i, p in enumerate(ranked)}
        for row in lists:
            bits.kind[row["pk"]] = 1 << kinds.index(row["kind"])
            bits.category[row["pk"]] = 1 << categories.index(row["category"])
            bits.publisher[row["pk"]] = by_publisher[row["publisher"]]
        return bits


@dataclass(frozen=True)
class PersonCount:
    mask: int  # the person's kinds, publishers or categories, one bit each
    matched: bool
    people: int


def _bit_case(column: str, bits: dict[int, int]) -> tuple[str, list[int]]:
    whens = " ".join("WHEN %s THEN %s" for _ in bits)
    return f"CASE {column} {whens} END", [v for pair in bits.items() for v in pair]


def _confirmed_sql() -> tuple[str, list]:
    """Record id and case of every confirmed match (the smallest case id, should there be two)."""
    if not apps.is_installed("kintrace.matching"):
        return "SELECT NULL AS record_id, NULL AS case_id WHERE 1 = 0", []
    from kintrace.matching.models import Match, MatchStatus

    confirmed = (
        Match.objects.filter(status=MatchStatus.CONFIRMED)
        .values("record_id")
        .annotate(case_id=Min("case_id"))
        .order_by()
    )
    sql, params = confirmed.query.sql_with_params()
    return sql, list(params)


def _people(list_ids: list[int], bits: dict[int, int]) -> list[PersonCount]:
    """People in the lists `list_ids`, counted per mask and whether they were confirmed.

    One statement. A record with no key and no confirmed match is one person; so is a key
    none of whose records was confirmed; so is everything confirmed to one case, keyed or
    not. The first two are counted over all records along the index on (person_key,
    source_list) alone, then the few confirmed ones are taken off (negative counts): cheaper
    than checking each of a million records against the confirmed ones. `person_key > ''`
    is the non-empty keys as a range the index serves; `+source_list_id` keeps the planner
    off the index on the list, which would read every row.
    """
    quote = connection.ops.quote_name
    record = quote(Record._meta.db_table)
    conf_sql, conf_params = _confirmed_sql()
    ids = ", ".join(["%s"] * len(list_ids))
    bit, bit_params = _bit_case("source_list_id", bits)
    postgres = connection.vendor == "postgresql"
    materialized = "MATERIALIZED " if postgres else ""
    # The bits of a person's records, each once (an OR): PostgreSQL has one, SQLite sums.
    mask = f"BIT_OR(({bit})::bigint)" if postgres else f"SUM(DISTINCT {bit})"
    sql = f"""
        WITH conf AS {materialized}({conf_sql}),
        confirmed_records AS {materialized}(
            -- A lookup per confirmed record: a join would hash a million records first.
            SELECT c.case_id,
                (SELECT r.person_key FROM {record} r WHERE r.id = c.record_id) AS person_key,
                (SELECT r.source_list_id FROM {record} r WHERE r.id = c.record_id)
                    AS source_list_id
            FROM conf c
        ),
        keycase AS {materialized}(
            SELECT person_key, MIN(case_id) AS case_id FROM confirmed_records
            WHERE person_key > '' GROUP BY person_key
        ),
        keyed AS (
            SELECT {mask} AS mask FROM {record}
            WHERE person_key > '' AND +source_list_id IN ({ids})
            GROUP BY person_key
        ),
        keyed_confirmed AS (
            SELECT {mask} AS mask
            FROM keycase k JOIN {record} r ON r.person_key = k.person_key
            WHERE r.source_list_id IN ({ids})
            GROUP BY k.person_key
        ),
        unkeyed_confirmed AS (
            SELECT case_id, source_list_id FROM confirmed_records
            WHERE person_key = '' AND source_list_id IN ({ids})
        ),
        one_case AS (
            SELECT k.case_id, r.source_list_id
            FROM keycase k JOIN {record} r ON r.person_key = k.person_key
            WHERE r.source_list_id IN ({ids})
            UNION ALL
            SELECT case_id, source_list_id FROM unkeyed_confirmed
        ),
        confirmed AS (
            SELECT {mask} AS mask FROM one_case GROUP BY case_id
        )
        SELECT {bit}, 0, COUNT(*) FROM {record}
        WHERE person_key = '' AND +source_list_id IN ({ids})
        GROUP BY source_list_id
        UNION ALL
        SELECT {bit}, 0, -COUNT(*) FROM unkeyed_confirmed GROUP BY source_list_id
        UNION ALL
        SELECT mask, 0, COUNT(*) FROM keyed GROUP BY mask
        UNION ALL
        SELECT mask, 0, -COUNT(*) FROM keyed_confirmed GROUP BY mask
        UNION ALL
        SELECT mask, 1, COUNT(*) FROM confirmed GROUP BY mask
    """  # noqa: S608  (table names quoted, values as parameters)
    params = [
        *conf_params,
        *bit_params, *list_ids,  # keyed
        *bit_params, *list_ids,  # keyed_confirmed
        *list_ids,  # unkeyed_confirmed
        *list_ids,  # one_case
        *bit_params,  # confirmed
        *bit_params, *list_ids,  # no key
        *bit_params,  # no key, confirmed
    ]  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = cursor.fetchall()
    return [PersonCount(int(mask), bool(matched), n) for mask, matched, n in found]


@dataclass
class Counted:
    people: list[PersonCount]
    bits: Bits
    sources: list[str]


def count_people(filters: Filters, by: str) -> Counted:
    """People in the chosen lists by their mask of kinds, publishers or categories (`by`)."""
    lists = list(
        chosen_lists(filters)
        .order_by("publisher", "published_on", "pk")
        .values("pk", "name", "publisher", "kind", "category", "published_on", "record_count")
    )
    bits = Bits.of(lists)
    ids = [row["pk"] for row in lists]
    chosen = getattr(bits, by)
    people = _people(ids, chosen) if ids else []
    return Counted(people, bits, _source_lines(filters, lists))


def _source_lines(filters: Filters, lists: list[dict]) -> list[str]:
    """Which lists the figures come from, and what they lack."""
    named = [
        _("%(name)s (%(publisher)s, %(date)s, %(records)s records)")
        % {
            "name": row["name"],
            "publisher": row["publisher"] or _("publisher not stated"),
            "date": row["published_on"] or _("no date of publication"),
            "records": row["record_count"],
        }
        for row in lists[:MAX_LISTS_NAMED]
    ]
    if len(lists) > MAX_LISTS_NAMED:
        named.append(_("and %(count)s more") % {"count": len(lists) - MAX_LISTS_NAMED})
    total = sum(row["record_count"] for row in lists)
    lines = [
        str(
            _("Lists counted: %(count)s, holding %(records)s records: %(lists)s.")
            % {"count": len(lists), "records": total, "lists": "; ".join(str(n) for n in named)}
        )
    ]
    unnamed = sum(row["record_count"] for row in lists if not row["publisher"])
    lines.append(
        str(_("Records in lists that do not name their publisher: %(count)s.") % {"count": unnamed})
    )
    if filters.date_from or filters.date_to:
        undated = SourceList.objects.filter(filters.source_list_q(), published_on__isnull=True)
        left_out = undated.aggregate(lists=Count("pk"), records=Sum("record_count"))
        lines.append(
            str(
                _(
                    "Left out for having no date of publication: %(lists)s lists, %(records)s "
                    "records."
                )
                % {"lists": left_out["lists"], "records": left_out["records"] or 0}
            )
        )
    return lines


def _bits_of(mask: int) -> list[int]:
    return [1 << i for i in range(mask.bit_length()) if mask >> i & 1]


COLUMNS = (
    ("matched", _("Confirmed to a sought person")),
    ("not_matched", _("Not confirmed to any case")),
)


def _grouped(counted: Counted, key_of: Callable[[PersonCount], str]) -> dict[str, list[int]]:
    grouped: dict[str, list[int]] = {}
    for row in counted.people:  # one row per mask, not per person
        cells = grouped.setdefault(key_of(row), [0, 0])
        cells[0 if row.matched else 1] += row.people
    # A list whose records were all confirmed nets out to nobody unconfirmed: no empty row.
    return {key: cells for key, cells in grouped.items() if any(cells)}


def _table(
    counted: Counted,
    threshold: int,
    *,
    keys: list[tuple[str, str]],
    counts: list[list[int]],
    dimension,
) -> Table:
    table = count_table(
        keys=keys,
        counts=counts,
        columns=[Column(key, str(label)) for key, label in COLUMNS],
        threshold=threshold,
        dimension=str(dimension),
        total_label=_("People"),
    )
    table.sources.extend(counted.sources)
    return table


def _by_choice(choices, by: str, several) -> Callable:
    values = [value for value, _label in choices]
    labels = dict(choices)

    def build(filters: Filters, threshold: int, dimension) -> Table:
        counted = count_people(filters, by)

        def key_of(row: PersonCount) -> str:
            found = _bits_of(row.mask)
            return values[found[0].bit_length() - 1] if len(found) == 1 else SEVERAL

        grouped = _grouped(counted, key_of)
        order = [v for v in [*values, SEVERAL] if v in grouped]
        keys = [(k, str(labels[k]) if k != SEVERAL else str(several)) for k in order]
        return _table(
            counted,
            threshold,
            keys=keys,
            counts=[grouped[k] for k in order],
            dimension=dimension,
        )

    return build


def people_by_kind(filters: Filters, threshold: int) -> Table:
    build = _by_choice(ListKind.choices, "kind", _("In lists of more than one kind"))
    return build(filters, threshold, _("Kind of list"))


def people_by_category(filters: Filters, threshold: int) -> Table:
    build = _by_choice(Category.choices, "category", _("In lists of more than one category"))
    return build(filters, threshold, _("Category of people"))


def _publisher_label(key: str) -> str:
    if key == SEVERAL:
        return str(_("Listed by more than one publisher"))
    if key == MORE_PUBLISHERS:
        return str(_("Other publishers"))
    return key


def _arranged(dimension: Dimension, grouped, threshold: int):
    return dimension.arrange(grouped, threshold=threshold, width=len(COLUMNS))


PUBLISHER = Dimension(
    "publisher",
    _("Publisher"),
    lambda prefix, rows: F(f"{prefix}publisher"),
    lambda value: value or NOT_STATED,
    _publisher_label,
    fold_small=True,
)


def people_by_publisher(filters: Filters, threshold: int) -> Table:
    counted = count_people(filters, "publisher")
    names = counted.bits.publishers

    def key_of(row: PersonCount) -> str:
        found = _bits_of(row.mask)
        return names[found[0]] or NOT_STATED if len(found) == 1 else SEVERAL

    keys, counts = _arranged(PUBLISHER, _grouped(counted, key_of), threshold)
    return _table(counted, threshold, keys=keys, counts=counts, dimension=PUBLISHER.label)


def _combination_label(key: str) -> str:
    names = key.split(JOINED)
    if len(names) == 1:
        return str(_("Only %(publisher)s") % {"publisher": _publisher_label(names[0])})
    return JOINED.join(_publisher_label(n) for n in names)


COMBINATION = Dimension(
    "publishers",
    _("Publishers whose lists name the person"),
    lambda prefix, rows: F(f"{prefix}publisher"),
    str,
    _combination_label,
    fold_small=True,
)


def overlap(filters: Filters, threshold: int) -> Table:
    counted = count_people(filters, "publisher")
    names = counted.bits.publishers

    def key_of(row: PersonCount) -> str:
        found = sorted(names[bit] or str(_("publisher not stated")) for bit in _bits_of(row.mask))
        return JOINED.join(found)

    keys, counts = _arranged(COMBINATION, _grouped(counted, key_of), threshold)
    table = _table(counted, threshold, keys=keys, counts=counts, dimension=COMBINATION.label)
    table.notes.append(
        str(
            _(
                "Each row is one combination of publishers; a person counts once, in the row "
                "naming exactly the publishers whose lists name him. Combinations of fewer "
                "people than can be shown alone are folded together."
            )
        )
    )
    return table


PEOPLE_RULE = _(
    "A person counts once however many lists name him: records that matching linked as one "
    "person, and records that caseworkers confirmed to the same case, are one person. A person "
    "counts as confirmed to a sought person when a caseworker confirmed any of his records as "
    "someone a family is looking for (candidates still to review and rejected ones do not "
    "count)."
)


def _report(name: str, title, definition, build, chart_columns=("matched", "not_matched")):
    return Report(
        name=name,
        title=str(title),
        definition=f"{definition} {PEOPLE_RULE}",
        sources=("lists", "cases"),
        build=build,
        filters=LIST_FILTERS,
        chart_columns=chart_columns,
    )


def reports() -> list[Report]:
    return [
        _report(
            "lists-by-kind",
            _("People in published lists by kind of list"),
            _(
                "People named in the lists published in the period, by the kind of list: "
                "prisoners, killed, wounded or in hospital, exchanged, missing, other. A "
                "person named in lists of different kinds (captured, later exchanged) is "
                "counted in a row of his own."
            ),
            people_by_kind,
        ),
        _report(
            "lists-by-publisher",
            _("People in published lists by publisher"),
            _(
                "People named in the lists published in the period, by who published the "
                "lists. A person named by more than one publisher is counted in a row of his "
                "own; the overlap report says which publishers."
            ),
            people_by_publisher,
        ),
        _report(
            "lists-by-category",
            _("People in published lists by category"),
            _(
                "People named in the lists published in the period, by the category of people "
                "the list gives: military, civilian, mixed or unknown. A person named in lists "
                "of different categories is counted in a row of his own."
            ),
            people_by_category,
        ),
        _report(
            "lists-overlap",
            _("Overlap between the lists of different publishers"),
            _(
                "People named in the lists published in the period, by the combination of "
                "publishers whose lists name them: named by one publisher only, or by two or "
                "more."
            ),
            overlap,
        ),
    ]
