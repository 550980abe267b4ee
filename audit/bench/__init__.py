"""Benchmarks run by ``make bench`` (never by ``make test``): ``audit.bench.batch`` for the
batch path; the OCR stage's own benchmark is ``audit.ocr.bench``."""
