"""The four verdicts a claim can get."""

SUPPORTED, CONTRADICTED, UNVERIFIABLE, OUTDATED = (
    "supported", "contradicted", "unverifiable", "outdated")
