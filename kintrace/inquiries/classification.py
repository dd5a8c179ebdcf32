"""Sensitivity of every field of the inquiries app (see kintrace/accounts/classification.py)."""

from kintrace.accounts.classification import Level

_RULE_TEXT = {
    name: Level.PUBLIC
    for name in (
        "id",
        "code",
        "jurisdiction",
        "name",
        "law",
        "answer_article",
        "registration_article",
        "forwarding_article",
        "extension_article",
        "redirect_ban_article",
        "valid_from",
        "registration_days",
        "forwarding_days",
        "answer_days",
        "answer_months",
        "short_answer_days",
        "extension_days",
        "max_total_days",
        "roll_to_working_day",
        "holiday_country",
    )
}

FIELDS = {
    "DeadlineRule": _RULE_TEXT,  # published law
    "MinimumServiceRule": {
        "id": Level.PUBLIC,
        "law": Level.PUBLIC,
        "article": Level.PUBLIC,
        "valid_from": Level.PUBLIC,
        "months": Level.PUBLIC,
    },
    "Institution": {  # public bodies and their published addresses
        "id": Level.PUBLIC,
        "name": Level.PUBLIC,
        "short_name": Level.PUBLIC,
        "code": Level.PUBLIC,
        "kind": Level.PUBLIC,
        "jurisdiction": Level.PUBLIC,
        "parent": Level.PUBLIC,
        "address": Level.PUBLIC,
        "email": Level.PUBLIC,
        "online_reception": Level.PUBLIC,
        "rule_code": Level.PUBLIC,
        "unit_key": Level.INTERNAL,
        "active": Level.PUBLIC,
    },
    "Inquiry": {
        "id": Level.INTERNAL,
        "case": Level.INTERNAL,
        "institution": Level.INTERNAL,
        "kind": Level.INTERNAL,
        "language": Level.INTERNAL,
        "channel": Level.INTERNAL,
        "complained_about": Level.INTERNAL,
        "no_study_needed": Level.INTERNAL,
        "subject": Level.PERSONAL,  # carries the name of the sought person
        "body": Level.SENSITIVE,  # free text: names, units, coercion, last contact
        "attachments": Level.PERSONAL,
        "status": Level.INTERNAL,
        "rule": Level.INTERNAL,
        "sent_on": Level.INTERNAL,
        "registered_on": Level.INTERNAL,
        "registration_number": Level.INTERNAL,
        "extended": Level.INTERNAL,
        "due_on": Level.INTERNAL,
        "previous": Level.INTERNAL,
        "follow_up": Level.INTERNAL,
        "created_by": Level.INTERNAL,
        "created_at": Level.INTERNAL,
        "status_changed_at": Level.INTERNAL,
    },
    "Response": {
        "id": Level.INTERNAL,
        "inquiry": Level.INTERNAL,
        "kind": Level.INTERNAL,
        "received_on": Level.INTERNAL,
        "reference": Level.INTERNAL,
        "redirected_to": Level.INTERNAL,
        "summary": Level.SENSITIVE,  # free text of an official answer about the person
        "unlawful": Level.INTERNAL,
        "rule_cited": Level.PUBLIC,
        "recorded_by": Level.INTERNAL,
        "recorded_at": Level.INTERNAL,
    },
    "LetterTemplate": {
        "id": Level.PUBLIC,
        "kind": Level.PUBLIC,
        "language": Level.PUBLIC,
        "subject": Level.PUBLIC,
        "body": Level.PUBLIC,
        "updated_at": Level.INTERNAL,
    },
}
