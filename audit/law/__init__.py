"""Law registry for the audit: statute versions, article texts, renumbering, penalty facts.

See :mod:`audit.law.registry` for the API and :mod:`audit.law.build` for the article index.
"""

from audit.law.registry import (
    Article,
    Existence,
    Fine,
    InstrumentVersion,
    Paragraph,
    PenaltyFacts,
    Registry,
    RenumberPair,
    Sanction,
    Tier,
    Work,
)

__all__ = [
    "Article",
    "Existence",
    "Fine",
    "InstrumentVersion",
    "Paragraph",
    "PenaltyFacts",
    "Registry",
    "RenumberPair",
    "Sanction",
    "Tier",
    "Work",
]
