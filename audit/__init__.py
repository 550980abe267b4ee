"""casefile-audit: audit Chinese health administrative penalty case files."""

from audit import offline as _offline  # noqa: F401 - first: telemetry off before any engine loads

__version__ = "0.1.0"
