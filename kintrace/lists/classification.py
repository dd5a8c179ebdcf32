from kintrace.accounts.classification import Level

# Records of published lists are public already; what links them to a case is not (matching).
FIELDS = {
    "SourceList": {
        **{
            name: Level.PUBLIC
            for name in (
                "id",
                "name",
                "publisher",
                "published_where",
                "published_on",
                "kind",
                "side",
                "category",
                "language",
                "notes",
                "file_name",
                "file_format",
                "file_sha256",
                "record_count",
            )
        },
        "imported_at": Level.INTERNAL,
        "imported_by": Level.INTERNAL,
    },
    "Record": {
        name: Level.PUBLIC
        for name in (
            "id",
            "source_list",
            "row_number",
            "external_id",
            "name_as_printed",
            "name_search",
            "surname",
            "given_name",
            "patronymic",
            "birth_year",
            "birth_month",
            "birth_day",
            "birth_place",
            "region",
            "military_unit",
            "unit_key",
            "rank",
            "sex",
            "status_in_list",
            "event_date",
            "event_place",
            "original",
            "person_key",
        )
    },
    "PublisherMapping": {
        name: Level.INTERNAL for name in ("id", "publisher", "mapping", "updated_at")
    },
    "ImportJob": {
        name: Level.INTERNAL
        for name in (
            "id",
            "file",
            "file_name",
            "file_format",
            "details",
            "mapping",
            "partner",
            "state",
            "rows_total",
            "rows_done",
            "problems",
            "source_list",
            "created_by",
            "created_at",
            "updated_at",
        )
    },
    "PartnerToken": {
        **{
            name: Level.INTERNAL
            for name in (
                "id",
                "partner",
                "prefix",
                "scopes",
                "expires_at",
                "revoked_at",
                "last_used_at",
                "created_by",
                "created_at",
            )
        },
        "key_hash": Level.SENSITIVE,
    },
    "Referral": {
        "id": Level.INTERNAL,
        "partner": Level.INTERNAL,
        "case": Level.SENSITIVE,
        "created_at": Level.INTERNAL,
    },
}
