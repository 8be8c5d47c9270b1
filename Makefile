# The two commands of the README: `make demo` and `make test`. Both build .venv from
# the hash-pinned lock file first; nothing needs to be installed by hand.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SPARK  := $(VENV)/.spark-installed
OUT    ?= headwater-out

.PHONY: demo test install spark lint browser bench lock clean

install: $(STAMP)

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "headwater needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m headwater.lang >/dev/null  # the language model unpacked once (loads 3x faster)
	$(BIN)/python -m compileall -q src >/dev/null  # byte-code ready even where Python may not write it
	@touch $(STAMP)

# The spark extra (headwater[spark]: pyspark and py4j, hash-locked apart in requirements-spark.lock).
spark: $(SPARK)

$(SPARK): $(STAMP) requirements-spark.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-spark.lock
	@touch $(SPARK)

demo: install
	rm -f $(OUT)/headwater.duckdb
	$(BIN)/headwater run examples/corpus -o $(OUT) --db $(OUT)/headwater.duckdb
	@echo
	@echo "The dossier is in $(OUT)/ (open $(OUT)/dossier.html; the store is $(OUT)/headwater.duckdb)."

# Debian's chromium for the dossier's headless-browser test; the test skips if it cannot be had.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq >/dev/null 2>&1; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1) ; } \
	  || echo "chromium is not available: the browser test will be skipped"

test: install spark browser lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: install
	$(BIN)/python bench/run_all.py

# Re-pin every dependency with hashes.
lock: install
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements-spark.lock requirements-spark.in

clean:
	rm -rf $(VENV) $(OUT) build src/*.egg-info .pytest_cache .ruff_cache
