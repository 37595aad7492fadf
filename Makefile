# Two commands do everything on a fresh machine:
#   make serve   set up .venv and serve the student site on http://127.0.0.1:8000
#   make test    set up .venv and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: venv serve serve-instructor build test lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

venv: $(STAMP)

serve: $(STAMP)
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

serve-instructor: $(STAMP)
	$(PY) -m mkdocs serve -f mkdocs.instructor.yml -a 127.0.0.1:8001

build: $(STAMP)
	$(PY) -m mkdocs build --strict
	$(PY) -m mkdocs build --strict -f mkdocs.instructor.yml

lint: $(STAMP)
	$(PY) -m ruff check $(wildcard src tests hooks benchmarks instructor exercises)

test: $(STAMP) lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) site site-instructor build dist
