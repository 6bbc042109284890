# Every target sets itself up: a fresh clone needs only Python 3.11 and make.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
SHARED ?= ../shared/data

.PHONY: install run test test-slow lint bench lock clean lake-servers lake-servers-stop

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.lock
	$(BIN)/python -m pip check
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-* && touch $@

run: install
	$(BIN)/newsfacts run

# The everyday suite (a few minutes on 2 cores); the process tests marked slow (signals, serve,
# kill -9, concurrent runs, a 2.5 MB transcript, the benchmark floors) run in test-slow, and CI
# runs both.
test: install
	$(BIN)/python -m pytest -m "not slow"

test-slow: install
	$(BIN)/python -m pytest -m slow

lint: install
	$(BIN)/ruff check src flows tests benchmarks
	$(BIN)/ruff format --check src flows

# The issue-8 contract line on the BBC corpus: newsfacts vs the bare spaCy model vs the I/O floor.
bench: install
	@if [ -d $(SHARED)/bbc ]; then \
		$(BIN)/python benchmarks/throughput.py --corpus $(SHARED)/bbc; \
	else \
		echo "bench: skipped, no corpus at $(SHARED)/bbc (set SHARED=<folder holding bbc/>)"; \
	fi

# A local PostgreSQL (catalog) and S3 store (moto) on 127.0.0.1 for trying a multi-machine lake;
# prints the variables to export. See README "Several machines, one lake".
lake-servers: install
	@bash scripts/lake_servers.sh start

lake-servers-stop:
	@bash scripts/lake_servers.sh stop

# Re-resolve the lock after changing dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

clean:
	rm -rf $(VENV) newsfacts.duckdb newsfacts.duckdb.wal reports .lake
