"""casefile-audit: audit Chinese health administrative penalty case files."""

__version__ = "0.1.0"
