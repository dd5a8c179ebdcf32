"""Reports for advocacy: counts by unit, region and month, with sources; small counts hidden."""
