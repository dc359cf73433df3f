# Make only bootstraps the virtual environment; the work itself is `python -m analysis ...`.
#   make                       build every notebook, figure and HTML page from raw/
#   make CORPUS=dir OUT=dir    the same build on another corpus, written under OUT
#   make test                  pytest over the module and nbval over the notebooks
#   make lab                   open the notebooks in JupyterLab
#   make bench                 benchmarks: time resolver against dateparser, annotation throughput at scale
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CORPUS ?= raw
OUT    ?= .

.PHONY: all build test lab bench clean-venv
all: build

# PYTHONDONTWRITEBYTECODE is set on these machines: compile once at install time,
# or every run recompiles pandas and matplotlib from source.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test]'
	$(BIN)/python -m compileall -q -j 0 $(VENV)/lib > /dev/null
	touch $(STAMP)

build: $(STAMP)
	@$(BIN)/python -m compileall -q analysis > /dev/null
	$(BIN)/python -m analysis build --corpus '$(CORPUS)' --out '$(OUT)'

test: $(STAMP)
	@$(BIN)/python -m compileall -q analysis > /dev/null
	$(BIN)/python -m pytest

# Benchmarks print measurements; they assert nothing about speed.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[test,bench]'
	$(BIN)/python benchmarks/temporal.py
	$(BIN)/python benchmarks/scale.py --dask

lab: $(STAMP)
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks

clean-venv:
	rm -rf $(VENV)
