# Two commands for a new user: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test check eval lint samples bench bench-paddle clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is required / 需要 Python 3.11 或更高版本")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@# an editable install writes no bytecode (pip's normal install does): compile once, so that
	@# every `audit` start does not recompile the sources (~0.2 s)
	-@$(BIN)/python -m compileall -q audit
	@rm -f $(VENV)/.installed-*
	@touch $@

# The demo batch: the hand-made cases, the text-layer PDF of every corpus case, and two short
# scanned cases (read by OCR, a few seconds). Links, so nothing is copied.
DEMO_IN   := reports/demo-input
DEMO_SCAN := zj-simple-2024-waste sc-simple-2022-waste

demo: $(STAMP)  ## audit the bundled sample cases into reports/demo
	@rm -rf $(DEMO_IN) && mkdir -p $(DEMO_IN)
	@for d in samples/cases/*/; do ln -s "$$PWD/$$d" "$(DEMO_IN)/$$(basename $$d)"; done
	@for d in samples/corpus/*/; do ln -s "$$PWD/$${d}text.pdf" "$(DEMO_IN)/$$(basename $$d).pdf"; done
	@for n in $(DEMO_SCAN); do ln -s "$$PWD/samples/corpus/$$n/scanned.pdf" "$(DEMO_IN)/$$n-扫描件.pdf"; done
	$(BIN)/audit batch $(DEMO_IN) -o reports/demo
	@echo "报告已写入 reports/demo/：每个案卷一个文件夹（report.html 评查报告、notice.docx 整改通知书、report.txt、JSON），汇总表 workbook.xlsx"

test: $(STAMP)  ## run the whole test suite (every tier)
	$(BIN)/python -m pytest

check: $(STAMP)  ## the fast tier for day-to-day work (under a minute): no slow, OCR, browser or font-drawing tests
	$(BIN)/python -m pytest -m "not slow and not ocr and not browser and not fonts" -x -p no:cacheprovider

eval: $(STAMP)  ## score extraction and defect detection on every bundled sample (text, scanned, page images), then the format zoo with the metamorphic suite
	$(BIN)/audit eval samples --quiet -o reports/eval.json
	$(BIN)/python -m samples.zoo.build --out reports/zoo-cases
	$(BIN)/audit eval reports/zoo-cases --quiet --metamorphic --also samples -o reports/eval-zoo.json

lint: $(STAMP)
	$(BIN)/ruff check audit tests samples

samples: $(STAMP)  ## redraw the bundled samples with the generator: samples/cases and samples/corpus, byte-identical (needs CJK fonts, see README)
	$(BIN)/audit samples cases
	$(BIN)/audit samples corpus

bench: $(STAMP)  ## OCR engines side by side on the scanned corpus (pages/s, s/page, peak MB, CER order-free/strict/forms), then the re-audit runs (cases/s with and without PDF, audit check latency)
	$(BIN)/python -m audit.ocr.bench
	$(BIN)/python -m audit.bench.reaudit --profile

# PaddleOCR for real, in its own environment (paddlepaddle pins numpy and OpenCV builds of its own):
# the rapidocr wheel's PP-OCR models converted to Paddle inference folders, its test, and its bench row.
PADDLE_VENV   := .venv-paddle
PADDLE_MODELS ?= $(HOME)/.cache/casefile-audit/paddle-models
bench-paddle:  ## install paddlepaddle + paddleocr + x2paddle into .venv-paddle, convert the models, test and measure the paddleocr engine
	@test -x $(PADDLE_VENV)/bin/python || $(PYTHON) -m venv $(PADDLE_VENV)
	$(PADDLE_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[paddle,paddle-models]' pytest
	$(PADDLE_VENV)/bin/python -m audit.ocr.engines.paddle_models $(PADDLE_MODELS)
	AUDIT_PADDLE_MODELS=$(PADDLE_MODELS) $(PADDLE_VENV)/bin/python -m pytest -q -p no:cacheprovider tests/ocr/test_ocr_paddle.py
	AUDIT_OCR_MODEL_DIRS=det=$(PADDLE_MODELS)/PP-OCRv6_small_det,rec=$(PADDLE_MODELS)/PP-OCRv6_small_rec \
		$(PADDLE_VENV)/bin/python -m audit.ocr.bench --engines paddleocr,rapidocr --per-case 1

clean:
	rm -rf $(VENV) reports/demo $(DEMO_IN) .pytest_cache
