# museumsite: `make run` serves the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

export MUSEUMSITE_ENV ?= local
export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
export PUBLIC_BASE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test install migrate demo lint format browsers clean bench

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	DEBUG=$${DEBUG:-true} $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# HTTP benchmark (bench/run.py): the production server against a trivial Django view, with wrk;
# writes bench/RESULTS.md. About 15 minutes; BENCH_ARGS=--quick for a 5-minute smoke check.
# Then the search quality score (bench/search_quality.py, a few minutes; see search-quality).
bench: install
	@command -v wrk >/dev/null 2>&1 || apt-get install -y wrk || (apt-get update && apt-get install -y wrk) \
		|| { echo "make bench needs wrk and could not install it: run 'apt-get install wrk' as root." >&2; exit 1; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)
	$(BIN)/python bench/search_quality.py $(SEARCH_QUALITY_ARGS)

# Search quality (bench/search_quality.py): the judged query set scored on SQLite, on PostgreSQL
# when one answers on 127.0.0.1 and on Elasticsearch when ELASTICSEARCH_URL is set, each on a
# fresh database with the demo; writes its section of bench/RESULTS.md, fails below 0.9 success at 3.
.PHONY: search-quality
search-quality: install
	$(BIN)/python bench/search_quality.py $(SEARCH_QUALITY_ARGS)

# Load check (bench/load.py): 64 connections for 60 s (page cache on), then 30 s (off), against
# pages and the API on a fresh PostgreSQL database and Redis, all on 127.0.0.1; fails on any error
# and writes its section of bench/RESULTS.md. About 7 minutes. LOAD_ARGS passes options.
.PHONY: loadcheck
loadcheck: install
	@command -v wrk >/dev/null 2>&1 || apt-get install -y wrk || (apt-get update && apt-get install -y wrk) \
		|| { echo "make loadcheck needs wrk and could not install it: run 'apt-get install wrk' as root." >&2; exit 1; }
	$(BIN)/python bench/load.py $(LOAD_ARGS)

# Static export benchmark (bench/export_bench.py): full export of the demo against uncached serving in
# the same run, the incremental export after one publish, nginx serving the export beside the
# application (wrk); writes its section of bench/RESULTS.md. About 6 minutes; BENCH_ARGS=--scale also
# exports the scale data (hours).
.PHONY: bench-export
bench-export: install
	@command -v wrk >/dev/null 2>&1 && test -x /usr/sbin/nginx \
		|| { echo "make bench-export needs wrk and nginx: run 'apt-get install wrk nginx-light' as root." >&2; exit 1; }
	$(BIN)/python bench/export_bench.py $(BENCH_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 var media staticfiles .pytest_cache .ruff_cache
