# cookalong: the two commands a newcomer needs are `make chat` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_FOR_VENV := $(shell scripts/pick-python)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
SAM_VENV := .venv-sam
LOCALE ?= en-US
HOST ?= 127.0.0.1
PORT ?= 5000
export PYTHONPATH := $(CURDIR)/lambda:$(CURDIR)

.PHONY: help setup chat test lint format models serve validate build bench clean

help:
	@echo "make chat      talk to the skill in this terminal (LOCALE=en-GB for another locale)"
	@echo "make test      set up and run every test (lint, model freshness, pytest)"
	@echo "make serve     run the skill as a web service on HOST:PORT (flask-ask-sdk)"
	@echo "make models    regenerate interaction_model/*.json from the recipe"
	@echo "make validate  sam validate --lint, cfn-lint and the interaction-model checks"
	@echo "make build     sam build (the deployable artifact in .aws-sam/)"
	@echo "make bench     performance figures against an ask-sdk hello-world floor"

$(VENV)/.ready: requirements-dev.txt requirements-web.txt lambda/requirements.txt
	test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PIP) install -r requirements-dev.txt
	touch $@

node_modules/.ready: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.ready node_modules/.ready

chat: $(VENV)/.ready
	@$(PY) -m tools.chat --locale $(LOCALE)

test: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -W error -m pytest

lint: $(VENV)/.ready
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.ready
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

models: $(VENV)/.ready
	$(PY) -m tools.models

serve: $(VENV)/.ready
	HOST=$(HOST) PORT=$(PORT) $(PY) -m cookalong.web

clean:
	rm -rf $(VENV) $(SAM_VENV) .aws-sam node_modules .pytest_cache .ruff_cache
