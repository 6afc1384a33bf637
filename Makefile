# Minutebook: `make demo` to try it, `make test` to check it. Both build .venv first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo run test lint bench bench-scale soak clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## demo: open the demo in the app, built the first time (`minutebook demo --fresh` rebuilds it)
demo: $(VENV)/.installed
	$(BIN)/minutebook demo

## run: open the app on your own database
run: $(VENV)/.installed
	$(BIN)/minutebook

## lint: style, layer contracts and types
lint: $(VENV)/.test-installed
	$(BIN)/ruff check minutebook tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy

## test: lint, then the whole test suite
test: lint
	$(BIN)/python -m pytest

## bench: the speed benchmarks, printing their figures
bench: $(VENV)/.test-installed
	$(BIN)/python -m bench

## bench-scale: the same steps on the demo and on twenty committees ten years old (the
## file is built once, in a few minutes, and kept in the temporary folder)
bench-scale: $(VENV)/.test-installed
	$(BIN)/python -m bench.scale

## soak: SIGKILL in the middle of every kind of change, 300 trials (about 10 minutes)
soak: $(VENV)/.test-installed
	$(BIN)/python -m bench.soak

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
