"""Names of people in Cyrillic and Latin, Russian and Ukrainian, for matching.

Pure Python, no Django. Parse a full name in any script, case and order;
bring declined names back to the nominative with one sex and case for the
whole name; map diminutives, Russian/Ukrainian forms and Latin spellings to one
name group; romanise under named schemes; compute phonetic keys; read partial
dates and military unit numbers. ``name_features`` and ``features_for_many``
give the lower-case ASCII columns that linkage blocks and compares on.

See ``docs/adr/0002-names.md`` for what comes from pymorphy3, rigour,
translitua and iuliia, and what is ours.
"""

from kintrace.names.dates import PartialDate, parse_date, parse_date_strict
from kintrace.names.features import (
    NameFeatures,
    features_for_many,
    features_indexed,
    name_features,
)
from kintrace.names.normalise import normalise_text
from kintrace.names.parse import ParsedName, parse_name
from kintrace.names.phonetic import phonetic_key
from kintrace.names.translit import transliterate
from kintrace.names.units import unit_key

__all__ = [
    "NameFeatures",
    "ParsedName",
    "PartialDate",
    "features_for_many",
    "features_indexed",
    "name_features",
    "normalise_text",
    "parse_date",
    "parse_date_strict",
    "parse_name",
    "phonetic_key",
    "transliterate",
    "unit_key",
]
