# Two commands do everything on a fresh machine:
#   make serve   set up .venv and serve the student site on http://127.0.0.1:8000
#   make test    set up .venv and run the whole test suite
# Each installs only what it needs: serve the package and the site extra; test adds the
# test extra. Grading needs neither: `pip install .` (see pyproject.toml).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.installed-site
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: venv serve serve-instructor build test lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(SITE_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[site]"
	touch $(SITE_STAMP)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[site,test]"
	touch $(SITE_STAMP) $(STAMP)

venv: $(STAMP)

serve: $(SITE_STAMP)
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

serve-instructor: $(SITE_STAMP)
	$(PY) -m mkdocs serve -f mkdocs.instructor.yml -a 127.0.0.1:8001

build: $(SITE_STAMP)
	$(PY) -m mkdocs build --strict
	$(PY) -m mkdocs build --strict -f mkdocs.instructor.yml

lint: $(STAMP)
	$(PY) -m ruff check --no-cache $(wildcard src tests hooks benchmarks instructor exercises)

test: $(STAMP) lint
	$(PY) -m pytest

clean:
	rm -rf $(VENV) site site-instructor build dist
