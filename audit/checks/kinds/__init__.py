"""Check kinds: the code behind rule declarations, each registered by name with ``check_kind``
next to its function. Importing this package registers every kind.

- ``documents`` — required documents, cross-document consistency, identifiers;
- ``amounts`` — an amount against its other statement (capitals and digits, receipt and fine);
- ``wording`` — required wording, officers and their certificates, seals, signatures, page numbers …;
- ``forms`` — approval-form cells and signing dates; ``facts`` — facts restated across documents;
- ``procedure`` — ordering, periods and threshold duties; ``evidence`` — evidence elements;
- ``citations``, ``penalties``, ``remedy`` — legal application against the law registry;
- ``defence``, ``hearing``, ``limitation``, ``jurisdiction``, ``enforcement`` — the party's
  rights before the decision, the hearing, 追责时效, 职权与管辖, execution and preservation;
- ``collection`` — 罚缴分离; ``first_offence`` — 首违不罚 list matching (advice).
"""

from audit.checks.kinds import (  # noqa: F401  (registers the kinds)
    amounts,
    citations,
    collection,
    defence,
    documents,
    enforcement,
    evidence,
    facts,
    first_offence,
    forms,
    hearing,
    jurisdiction,
    limitation,
    penalties,
    procedure,
    remedy,
    wording,
)
