"""Batch execution: a folder of cases audited in parallel, resumable, one line per bad input.

- :mod:`audit.batch.run` — plan, run and record a batch (local process pool by default);
- :mod:`audit.batch.distributed` — the same cases on a Dask cluster (``--scheduler``);
- :mod:`audit.batch.casecache` — cases read once, by content, for re-audits after a rule change.
"""
