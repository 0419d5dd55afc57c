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

# Sets up the default SQLite knowledge base, then shows the SCO on the seed
# article's date (2019-11-19), today, and its history, and the seed's facts.
demo: $(STAMP)
	$(BIN)/multilateral init
	$(BIN)/multilateral members SCO --on 2019-11-19
	$(BIN)/multilateral members SCO
	$(BIN)/multilateral share SCO --on 2019 --status member
	$(BIN)/multilateral history SCO
	$(BIN)/multilateral extract --format table gold/articles/000_seed.txt

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/init_time.py
	$(BIN)/python bench/members_latency.py
	$(BIN)/python bench/extract_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
