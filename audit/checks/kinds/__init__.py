"""Check kinds: the code behind rule declarations, each registered by name with ``check_kind``
next to its function. Importing this package registers every kind.

- ``documents`` — required documents, cross-document consistency, money forms, identifiers;
- ``wording`` — required wording, officers, certificates, seals, signatures, page numbers …;
- ``forms`` — approval-form cells and signing dates; ``facts`` — facts restated across documents;
- ``procedure`` — ordering, periods and threshold duties; ``evidence`` — evidence elements;
- ``citations``, ``penalties``, ``remedy`` — legal application against the law registry;
- ``defence``, ``hearing``, ``limitation``, ``jurisdiction``, ``enforcement`` — the party's
  rights before the decision, the hearing, 追责时效, 职权与管辖, execution and preservation.
"""

from audit.checks.kinds import (  # noqa: F401  (registers the kinds)
    citations,
    defence,
    documents,
    enforcement,
    evidence,
    facts,
    forms,
    hearing,
    jurisdiction,
    limitation,
    penalties,
    procedure,
    remedy,
    wording,
)
