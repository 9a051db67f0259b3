# The two commands: `make run` and `make test`. Everything the project needs is installed here.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DATA ?= data
HOST ?= 127.0.0.1
PORT ?= 5000
CHROMIUM ?= /usr/bin/chromium
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test bench install install-test install-comunica serve ingest-samples clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# CPU torch first: a plain torch requirement would pull a multi-GB CUDA build.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

ingest-samples: install
	$(BIN)/council-kg --data $(DATA) ingest samples/papers --manifest samples/papers/manifest.json

run: ingest-samples
	$(BIN)/council-kg --data $(DATA) serve --host $(HOST) --port $(PORT)

# Browser tests drive Debian's Chromium (never a browser downloaded by a test tool).
$(CHROMIUM):
	apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium

# Comunica, a real SPARQL client for tests/sparql/test_comunica.py, pinned by its package-lock.json.
COMUNICA_DIR := tests/sparql/node
$(COMUNICA_DIR)/node_modules/.installed: $(COMUNICA_DIR)/package.json $(COMUNICA_DIR)/package-lock.json
	npm ci --prefix $(COMUNICA_DIR) || npm install --prefix $(COMUNICA_DIR)
	touch $@

install-comunica: $(COMUNICA_DIR)/node_modules/.installed

test: install-test $(CHROMIUM) install-comunica
	$(BIN)/python -m pytest -q

# Benchmarks, not part of `make test`: each prints its table and records it in docs/benchmarks.md.
# The first run embeds 10,000 paragraphs and builds stores of 10k, 100k and 1M paragraphs under
# $(BENCH_WORK) (about 3 GB, 20-40 min on 2 cores); later runs reuse them.
BENCH_WORK ?= /tmp/council-kg-bench
MEDWAY ?= ../shared/corpus/medway
bench: install-test
	nice $(BIN)/python -m bench.vectors 10000
	nice $(BIN)/python -m bench.recall --sizes 9800,100000
	$(BIN)/python -m bench.ingest --paragraphs 1000 --rounds 3
	$(BIN)/python -m bench.search --sizes 10000,100000,1000000 --work $(BENCH_WORK)
	$(BIN)/python -m bench.incremental --size 100000 --work $(BENCH_WORK)
	$(BIN)/python -m bench.profile --size 100000 --work $(BENCH_WORK)
	$(BIN)/python -m bench.sparql_bench --triples 1000000
	$(BIN)/council-kg --data $(BENCH_WORK)/medway ingest $(MEDWAY) --manifest $(MEDWAY)/manifest.json
	$(BIN)/python -m bench.sparql_bench --data $(BENCH_WORK)/medway
	$(BIN)/python -m bench.qa_bench --data $(BENCH_WORK)/medway --rounds 3

clean:
	rm -rf $(VENV) $(DATA) .pytest_cache
