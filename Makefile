# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

# Sets up the default SQLite knowledge base, shows the SCO on the seed article's
# date (2019-11-19), today, and its history; the seed's facts and the check of its
# claims; then stores the seed and serves the web site (Ctrl-C stops).
demo: $(STAMP)
	$(BIN)/multilateral init
	$(BIN)/multilateral members SCO --on 2019-11-19
	$(BIN)/multilateral members SCO
	$(BIN)/multilateral share SCO --on 2019 --status member
	$(BIN)/multilateral history SCO
	$(BIN)/multilateral extract --format table gold/articles/000_seed.txt
	$(BIN)/multilateral check gold/articles/000_seed.txt
	$(BIN)/multilateral ingest gold/articles/000_seed.txt
	@echo "The web site: http://127.0.0.1:8000/ (the SCO: /org/SCO, the API: /docs)"
	$(BIN)/multilateral serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/init_time.py
	$(BIN)/python bench/members_latency.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/long_page.py
	$(BIN)/python bench/warc_ingest.py
	$(BIN)/python bench/cli_start.py
	$(BIN)/python bench/web_throughput.py
	$(BIN)/python bench/web_scaling.py
	$(BIN)/python bench/middleware_cost.py
	$(BIN)/python bench/warc_workers.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
