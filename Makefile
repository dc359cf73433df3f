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
# A wheel cut short or garbled in transit fails pip's hash check (CI once got a jupyterlab
# wheel whose sha256 was not PyPI's). That is the network, not the lock, so try again
# without pip's cache, which may hold the bad copy, before giving up.
PIP_INSTALL ?= $(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock
PIP_ATTEMPTS ?= 3
define pip_install_retrying
	@for attempt in $$(seq 1 $(PIP_ATTEMPTS)); do \
	    if [ $$attempt -eq 1 ]; then nocache=; else nocache=--no-cache-dir; fi; \
	    echo "$(PIP_INSTALL) $$nocache $(1)"; \
	    $(PIP_INSTALL) $$nocache $(1) && exit 0; \
	    [ $$attempt -lt $(PIP_ATTEMPTS) ] || { echo "pip install failed $(PIP_ATTEMPTS) times; see the errors above" >&2; exit 1; }; \
	    echo "pip install failed (attempt $$attempt of $(PIP_ATTEMPTS)); retrying in $$((attempt * 15)) s without pip's cache" >&2; \
	    sleep $$((attempt * 15)); \
	done
endef

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(call pip_install_retrying,-e '.[test]')
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
	$(call pip_install_retrying,-e '.[test,bench]')
	$(BIN)/python benchmarks/temporal.py
	$(BIN)/python benchmarks/scale.py --dask

lab: $(STAMP)
	$(BIN)/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks

clean-venv:
	rm -rf $(VENV)
