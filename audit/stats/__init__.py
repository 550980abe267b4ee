"""Trainer statistics and the results history.

- :mod:`audit.stats.store` — the SQLite history of audit runs (one row per case audited);
- :mod:`audit.stats.dataset` — batch outputs and history read into runs and case records;
- :mod:`audit.stats.tables` — counts per group, overview, trend and pivot tables;
- :mod:`audit.stats.render` — text, CSV and XLSX outputs; :mod:`audit.stats.charts` — HTML with charts;
- :mod:`audit.stats.cli` — the ``audit stats`` and ``audit history`` commands.
"""

from audit.stats.dataset import FORMATS, GROUPINGS, TRENDS, Dataset, StatsError, load_dataset
from audit.stats.render import write_outputs
from audit.stats.tables import Stats, compute

__all__ = ["FORMATS", "GROUPINGS", "TRENDS", "Dataset", "Stats", "StatsError", "compute", "load_dataset",
           "write_outputs"]
