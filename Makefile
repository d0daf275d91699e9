# cookalong: the two commands a newcomer needs are `make chat` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# The repository root, wherever make runs (sam build runs build-SkillFunction in a scratch dir).
ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
PYTHON_FOR_VENV := $(shell $(ROOT)/scripts/pick-python)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
SAM_VENV := .venv-sam
LOCALE ?= en-US
HOST ?= 127.0.0.1
PORT ?= 5000
CHAT_ARGS ?=
export PYTHONPATH := $(CURDIR)/lambda:$(CURDIR)

.PHONY: help setup chat test lint format models serve validate build bench clean import

help:
	@echo "make chat      talk to the skill in this terminal (LOCALE=en-GB for another locale;"
	@echo "               CHAT_ARGS=--no-timer-permission to be asked for the timers permission)"
	@echo "make test      set up and run every test (lint, model freshness, pytest)"
	@echo "make serve     run the skill as a web service on HOST:PORT (flask-ask-sdk)"
	@echo "make models    regenerate interaction_model/*.json from the recipe"
	@echo "make import    SRC=<saved page.html | URL | JSON-LD file> [URL=<its address>] [FORCE=1]:"
	@echo "               a recipe from a web page into recipes/<slug>.json"
	@echo "make validate  sam validate --lint, cfn-lint and the interaction-model checks"
	@echo "make build     sam build (the deployable artifact in .aws-sam/)"
	@echo "make bench     performance figures against an ask-sdk hello-world floor"
	@echo "               (and bench-scale: 1 vs 200 recipes, needs ../shared/recipe-pages)"

$(VENV)/.ready: requirements-dev.txt requirements-web.txt lambda/requirements.txt
	test -x $(PY) || $(PYTHON_FOR_VENV) -m venv $(VENV)
	$(PIP) install -r requirements-dev.txt
	touch $@

node_modules/.ready: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.ready node_modules/.ready

chat: $(VENV)/.ready
	@$(PY) -m tools.chat --locale $(LOCALE) $(CHAT_ARGS)

# pytest -n (pytest-xdist): one worker more than there are cores, as many tests wait on servers
# and subprocesses (measured on 2 cores: 3 workers beat 2); TEST_WORKERS=0 runs one process.
# loadgroup keeps the conversations that share a resolver on one worker; the artifact is built
# once per run whatever the workers (tests/artifact.py).
TEST_WORKERS ?= $(shell $(PY) -c 'import os; print((os.cpu_count() or 1) + 1)')
test: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -W error -m pytest -n $(TEST_WORKERS) --dist loadgroup

lint: $(VENV)/.ready
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: $(VENV)/.ready
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

models: $(VENV)/.ready
	$(PY) -m tools.models

# A recipe from a web page (recipe-scrapers reads it; a build-time tool, not in the Lambda).
# Exit status 2 with one line when the page cannot be used or recipes/<slug>.json exists.
# OUT=<folder> writes there instead of recipes/.
import: $(VENV)/.ready
	@test -n "$(SRC)" || { echo "make import: say SRC=<saved page.html | URL | JSON-LD file> [URL=<its address>] [FORCE=1]" >&2; exit 2; }
	@$(PY) -m tools.importer "$(SRC)" $(if $(URL),--url "$(URL)") $(if $(filter 1,$(FORCE)),--force) $(if $(OUT),--out "$(OUT)")

serve: $(VENV)/.ready
	HOST=$(HOST) PORT=$(PORT) $(PY) -m cookalong.web

clean:
	rm -rf $(VENV) $(SAM_VENV) .aws-sam node_modules .pytest_cache .ruff_cache

# --- Shipping with AWS SAM (template.yaml) -------------------------------------------------
# aws-sam-cli and cfn-lint pin boto3/click differently from the skill, so they get their own venv.
# SAM's python workflows want `python3.13` on PATH; pyenv's shim refuses without PYENV_VERSION,
# so the real interpreter's directory goes first. Validation works offline: the template names
# no managed policies (nothing to look up in IAM), and cfn-lint needs only a region name.
SAM_PY := $(SAM_VENV)/bin/python
SAM_REGION ?= us-east-1
SAM_ENV := SAM_CLI_TELEMETRY=0 PATH="$(dir $(PYTHON_FOR_VENV)):$$PATH"
SAM_BUILD_DIR ?= .aws-sam/build
# The Lambda python3.13 runtime already has boto3/botocore/s3transfer/jmespath. We ship our
# pinned copies (the default): the artifact then runs exactly the boto3 the tests ran, whatever
# the runtime carries this month, as AWS advises for production. Measured by make bench: cold
# start is the same within noise either way; the zip is 21.8 MiB with boto3 and 4.5 MiB without.
# SHIP_BOTO3=0 leaves them out for a smaller upload.
SHIP_BOTO3 ?= 1
# The shipped botocore keeps only DynamoDB's service data and endpoints (tools/trim_botocore.py):
# a smaller zip, and a cheaper first client. TRIM_BOTOCORE=0 ships botocore as pip installs it
# (make bench builds that for the floor and for the runtime-provided boto3, as Lambda has it).
TRIM_BOTOCORE ?= 1
RUNTIME_PROVIDED := boto3|botocore|s3transfer|jmespath
LAMBDA_PIP_TARGET := --platform manylinux2014_aarch64 --only-binary=:all: --python-version 3.13 --implementation cp

.PHONY: setup-sam validate validate-template validate-models build build-SkillFunction lambda-artifact

$(SAM_VENV)/.ready: requirements-sam.txt
	test -x $(SAM_PY) || $(PYTHON_FOR_VENV) -m venv $(SAM_VENV)
	$(SAM_PY) -m pip --disable-pip-version-check -q install -r requirements-sam.txt
	touch $@

setup-sam: $(SAM_VENV)/.ready

# validate = the template's checks + the interaction-model tests (tests/models, which `make test`
# runs too: .ci/run, right after `make test`, runs validate-template alone).
validate: validate-template validate-models

validate-template: $(SAM_VENV)/.ready
	$(SAM_ENV) $(SAM_VENV)/bin/sam validate --template template.yaml --region $(SAM_REGION)
	$(SAM_ENV) $(SAM_VENV)/bin/sam validate --lint --template template.yaml --region $(SAM_REGION)
	$(SAM_VENV)/bin/cfn-lint --regions $(SAM_REGION) -- template.yaml

validate-models: $(VENV)/.ready
	@if [ -d tests/models ]; then echo "$(PY) -W error -m pytest tests/models -q"; \
	  $(PY) -W error -m pytest tests/models -q; \
	else echo "tests/models does not exist yet: no interaction-model checks to run"; fi

build: $(SAM_VENV)/.ready $(VENV)/.ready
	$(SAM_ENV) $(SAM_VENV)/bin/sam build --template template.yaml --build-dir $(SAM_BUILD_DIR)

# sam build (BuildMethod: makefile) runs this from a scratch copy of CodeUri with ARTIFACTS_DIR
# set; the real work happens at the repository root.
build-SkillFunction:
	@$(MAKE) --no-print-directory -C "$(ROOT)" lambda-artifact ARTIFACTS_DIR="$(ARTIFACTS_DIR)"

# The deployable Lambda artifact: validated recipes, lambda/ (no caches, no tests), the recipes
# beside the package, and lambda/requirements.txt installed for arm64 CPython 3.13 without
# dependency resolution (the file is the complete list: the tests import the artifact with
# nothing else on sys.path). Bytecode is compiled once here: /var/task is read-only on Lambda,
# and a zip keeps mtimes to 2 s, so the .pyc files are hash-based and unchecked. The patterns a
# cold start compiles are shipped compiled too (tools/regex_cache.py, for the same Python).
# RECIPES_DIR: the recipes shipped beside recipe.json (make bench builds one of 200 elsewhere).
RECIPES_DIR ?= recipes
lambda-artifact: $(VENV)/.ready
	@test -n "$(ARTIFACTS_DIR)" || { echo "lambda-artifact: set ARTIFACTS_DIR (sam build does)" >&2; exit 2; }
	@test -f recipe.json || { echo "lambda-artifact: recipe.json is missing" >&2; exit 2; }
	@if [ -f tools/check_recipes.py ]; then echo "$(PY) tools/check_recipes.py"; $(PY) tools/check_recipes.py; \
	else echo "tools/check_recipes.py does not exist yet: recipes not checked"; fi
	mkdir -p "$(ARTIFACTS_DIR)"
	tar -C lambda --exclude=__pycache__ --exclude='*.pyc' --exclude=tests -cf - . | tar -C "$(ARTIFACTS_DIR)" -xf -
	cp recipe.json "$(ARTIFACTS_DIR)/"
	if [ -d "$(RECIPES_DIR)" ]; then mkdir -p "$(ARTIFACTS_DIR)/recipes" && cp "$(RECIPES_DIR)"/*.json "$(ARTIFACTS_DIR)/recipes/"; fi
	$(PY) tools/check_recipes.py --write-catalog "$(ARTIFACTS_DIR)" "$(ARTIFACTS_DIR)/recipe.json" \
	  $$(ls "$(ARTIFACTS_DIR)"/recipes/*.json 2>/dev/null)
	$(PIP) install --no-deps --no-compile --target "$(ARTIFACTS_DIR)" $(LAMBDA_PIP_TARGET) \
	  -r <(grep -vE '^\s*(#|$$)' lambda/requirements.txt $(if $(filter 0,$(SHIP_BOTO3)),| grep -viE '^($(RUNTIME_PROVIDED))==',))
	rm -rf "$(ARTIFACTS_DIR)/bin"
	$(if $(filter 0,$(TRIM_BOTOCORE)),,$(PY) tools/trim_botocore.py "$(ARTIFACTS_DIR)")
	@if $(PY) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 13))'; then \
	  $(PY) -m compileall -q -j 0 --invalidation-mode unchecked-hash "$(ARTIFACTS_DIR)" && \
	  $(PY) tools/regex_cache.py "$(ARTIFACTS_DIR)"; \
	else echo "lambda-artifact: $(PY) is not Python 3.13; shipping no .pyc files and no regex cache"; fi

# --- Performance (bench/) ------------------------------------------------------------------
# The artifact is built both ways (SHIP_BOTO3=1 and 0) by sam build, then measured against an
# ask-sdk-core hello-world floor on the same local dynalite. The floor, and the boto3 that the
# Lambda runtime provides, use the same pinned libraries as pip installs them (TRIM_BOTOCORE=0):
# the trimmed botocore is the skill's own saving, not the floor's; the budgets apply to the build
# that SHIP_BOTO3 selects. Figures: bench-results/bench.json. BENCH_ARGS=--quick: a tiny run.
BENCH_DIR := bench-results
BENCH_ARGS ?=

bench: $(SAM_VENV)/.ready $(VENV)/.ready node_modules/.ready
	rm -rf $(BENCH_DIR)/build-ship $(BENCH_DIR)/build-runtime $(BENCH_DIR)/sdk-untrimmed
	$(MAKE) --no-print-directory build SAM_BUILD_DIR=$(BENCH_DIR)/build-ship SHIP_BOTO3=1
	$(MAKE) --no-print-directory build SAM_BUILD_DIR=$(BENCH_DIR)/build-runtime SHIP_BOTO3=0
	$(MAKE) --no-print-directory lambda-artifact ARTIFACTS_DIR=$(CURDIR)/$(BENCH_DIR)/sdk-untrimmed TRIM_BOTOCORE=0
	$(PY) -m bench --ship-boto3 $(BENCH_DIR)/build-ship/SkillFunction \
	  --runtime-boto3 $(BENCH_DIR)/build-runtime/SkillFunction \
	  --untrimmed $(BENCH_DIR)/sdk-untrimmed \
	  --default $(if $(filter 0,$(SHIP_BOTO3)),runtime,ship) --out $(BENCH_DIR)/bench.json $(BENCH_ARGS)
	$(MAKE) --no-print-directory bench-scale

# Scale (issue 14): the artifact with 1 and with SCALE_RECIPES recipes side by side (cold start,
# peak RSS), the resolver on grown models, and that catalog's interaction model against Alexa's
# limits; figures in bench-results/scale.json. The large catalog is the shared pages imported
# (../shared/recipe-pages, not in the repository: SHARED_PAGES=<dir>) and repeated under other
# slugs; without the pages only the resolver figures are made, and the bench says so.
SHARED_PAGES ?= ../shared/recipe-pages
SCALE_RECIPES ?= 200
SCALE_ARGS ?=
SCALE_DIR := $(abspath $(BENCH_DIR))/scale
.PHONY: bench-scale

$(SCALE_DIR)/recipes-$(SCALE_RECIPES)/.ready: $(wildcard $(SHARED_PAGES)/*.html) bench/catalog.py
	$(PY) -m bench.catalog --pages "$(SHARED_PAGES)" --count $(SCALE_RECIPES) "$(@D)"
	touch $@

bench-scale: $(VENV)/.ready
	@if [ -d "$(SHARED_PAGES)" ]; then \
	  $(MAKE) --no-print-directory "$(SCALE_DIR)/recipes-$(SCALE_RECIPES)/.ready" && \
	  rm -rf "$(SCALE_DIR)/artifact-1" "$(SCALE_DIR)/artifact-$(SCALE_RECIPES)" && \
	  $(MAKE) --no-print-directory lambda-artifact ARTIFACTS_DIR="$(SCALE_DIR)/artifact-1" \
	    RECIPES_DIR="$(SCALE_DIR)/no-recipes" > "$(SCALE_DIR)/artifact-1.log" 2>&1 && \
	  $(MAKE) --no-print-directory lambda-artifact ARTIFACTS_DIR="$(SCALE_DIR)/artifact-$(SCALE_RECIPES)" \
	    RECIPES_DIR="$(SCALE_DIR)/recipes-$(SCALE_RECIPES)" > "$(SCALE_DIR)/artifact-$(SCALE_RECIPES).log" 2>&1 && \
	  $(PY) -m bench.scale --one "$(SCALE_DIR)/artifact-1" --many "$(SCALE_DIR)/artifact-$(SCALE_RECIPES)" \
	    --recipes "$(SCALE_DIR)/recipes-$(SCALE_RECIPES)" --out $(BENCH_DIR)/scale.json $(SCALE_ARGS); \
	else \
	  echo "make bench-scale: $(SHARED_PAGES) is missing: no 1-vs-$(SCALE_RECIPES)-recipe figures (SHARED_PAGES=<dir of saved recipe pages>)" >&2; \
	  $(PY) -m bench.scale --out $(BENCH_DIR)/scale.json $(SCALE_ARGS); \
	fi
