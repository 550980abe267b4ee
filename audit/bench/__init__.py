"""Benchmarks (never run by ``make test``): ``make bench`` runs ``audit.ocr.bench`` (engines side
by side) and ``audit.bench.reaudit`` (re-audit from the case cache, ``audit check`` latency);
``audit.bench.batch`` measures a cold batch over the whole scanned corpus."""
