"""Law registry for the audit: statute versions, article texts, renumbering, penalty facts.

- :mod:`audit.law.registry`   data under ``checklists/law`` (instruments, articles, maps, penalties);
- :mod:`audit.law.build`      the article index built from ``shared/laws``;
- :mod:`audit.law.draft_penalties`  drafts of penalty facts from the texts (reviewed, then curated in
  ``checklists/law/penalties.yaml``);
- :mod:`audit.law.resolve`    ``resolve(citation, on=date) -> Resolution`` (or the precise reason not);
- :mod:`audit.law.basis`      ``basis_text(instrument, article, version, on)`` for a rule's LegalBasis;
- :mod:`audit.law.penalty`    penalty facts in the JSON shape of ``audit law show``;
- :mod:`audit.law.show`       ``audit law show`` / ``audit law search`` (the click group: :mod:`audit.law.cli`);
- :mod:`audit.law.authority`  the competent department kind(s) and level of a penalty provision;
- :mod:`audit.law.legal_facts` dated legal facts (追责时效, 听证期限 …) with their articles;

The legal-application checks (法律适用) that use the registry are check kinds:
``audit.checks.kinds.citations``, ``penalties`` and ``remedy``, with ``audit.checks.legal``.
"""

from audit.law.authority import Authority
from audit.law.basis import basis_text
from audit.law.legal_facts import LegalFact
from audit.law.registry import (
    Article,
    Exclusion,
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
from audit.law.resolve import Resolution, SimpleCitation, resolve
from audit.law.resolve import Status as ResolutionStatus

__all__ = [
    "Article",
    "Authority",
    "LegalFact",
    "authority_of",
    "Exclusion",
    "Existence",
    "Fine",
    "InstrumentVersion",
    "Paragraph",
    "PenaltyFacts",
    "Registry",
    "RenumberPair",
    "Resolution",
    "ResolutionStatus",
    "Sanction",
    "SimpleCitation",
    "Tier",
    "Work",
    "basis_text",
    "resolve",
]

from audit.law.resolve import authority_of  # noqa: E402
