from kintrace.accounts.classification import Level

# A match ties a public record to a sought person: everything about it is sensitive.
FIELDS = {
    "Match": {
        **{
            name: Level.SENSITIVE
            for name in (
                "case",
                "record",
                "probability",
                "match_weight",
                "evidence",
                "status",
                "first_reason",
                "reason",
                "family_told_at",
                "found_at",
            )
        },
        **{
            name: Level.INTERNAL
            for name in (
                "id",
                "seriousness",
                "first_by",
                "first_at",
                "decided_by",
                "decided_at",
                "updated_at",
            )
        },
    },
}
