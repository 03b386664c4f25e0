# Every target creates or updates .venv first, so each is one idempotent command.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest bench eval train services clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

## The main job: the web app on 127.0.0.1 with the synthetic demo practice (created once).
demo: $(STAMP)
	$(BIN)/notewright demo

## Everything a newcomer needs to see green: services, lint, types, the whole suite.
test: $(STAMP) services
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

services:
	@bash scripts/ensure-services

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) services
	$(BIN)/python -m pytest -q

## Figures: speed (bench) and quality (eval). Both print tables; neither fails on a number.
bench: $(STAMP) services
	$(BIN)/python bench/drafting.py
	@test ! -f bench/disclosure.py || $(BIN)/python bench/disclosure.py
	@test ! -f bench/storage.py || $(BIN)/python bench/storage.py
	@test ! -f bench/web.py || $(BIN)/python bench/web.py
	@test ! -f bench/requests.py || $(BIN)/python bench/requests.py
	@test ! -f bench/load.py || $(BIN)/python bench/load.py

eval: $(STAMP)
	$(BIN)/python scripts/eval_drafting.py
	@test ! -f scripts/eval_disclosure.py || $(BIN)/python scripts/eval_disclosure.py

## Retrain the models from corpus/dev-*.jsonl (reproducible; writes package data). The
## boundary model first: the section model learns from the units it helps cut.
train: $(STAMP)
	$(BIN)/python scripts/train_boundaries.py
	$(BIN)/python scripts/train_sections.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
