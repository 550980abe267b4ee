# Two commands for a new user: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint samples bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required / 需要 Python 3.11 或更高版本")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@rm -f $(VENV)/.installed-*
	@touch $@

demo: $(STAMP)  ## audit the bundled sample cases into reports/demo
	$(BIN)/audit batch samples/cases -o reports/demo
	@echo "报告已写入 reports/demo/：每个案卷一个文件夹（report.html 评查报告、notice.docx 整改通知书、report.txt、JSON），汇总表 workbook.xlsx"

test: $(STAMP)  ## run the test suite
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check audit tests samples

samples: $(STAMP)  ## regenerate the bundled text-layer samples (needs CJK fonts, see README)
	$(BIN)/python samples/make_text_samples.py --out samples/cases

bench: $(STAMP)  ## OCR benchmark on scanned renderings of the samples (pages/s, peak memory, CER)
	$(BIN)/python -m audit.ocr.bench

clean:
	rm -rf $(VENV) reports/demo .pytest_cache
