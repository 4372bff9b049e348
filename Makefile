# Two commands matter: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: install run test lint bench clean opensearch opensearch-stop wheel-smoke

$(BIN)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

install: $(BIN)/.installed

run: install
	$(BIN)/dipnews index corpus/
	@echo "To add articles (web form or API), create a token: $(BIN)/dipnews token create $${USER:-me}"
	$(BIN)/dipnews serve --host $(HOST) --port $(PORT)

# The backend contract suite also runs against a real local OpenSearch cluster (opensearch/).
test: install
	$(PYTHON) opensearch/cluster.py start
	DIPNEWS_TEST_OPENSEARCH_URL=$$($(PYTHON) opensearch/cluster.py url) $(BIN)/pytest -q

# A local OpenSearch cluster (3 nodes on 127.0.0.1, Java 17, Maven): its URL is the last line printed.
opensearch:
	@$(PYTHON) opensearch/cluster.py start

opensearch-stop:
	@$(PYTHON) opensearch/cluster.py stop

# Build the wheel, install it into a fresh virtualenv and serve the corpus from it.
wheel-smoke:
	PYTHON=$(PYTHON) bash .ci/wheel-smoke

lint: install
	$(BIN)/pip install --quiet ruff mypy
	$(BIN)/ruff check indexer search tests bench
	$(BIN)/mypy --ignore-missing-imports indexer search

bench: install
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/scale_bench.py --articles 100000
	$(BIN)/python bench/extraction_bench.py
	$(BIN)/python bench/extraction_bench.py --as-text
	$(BIN)/python bench/add_bench.py
	$(BIN)/python bench/render_bench.py
	$(BIN)/python bench/metadata_bench.py
	$(BIN)/python bench/cluster_bench.py
	$(BIN)/python bench/large_page_bench.py
	$(BIN)/python bench/news_lines_bench.py
	$(BIN)/python bench/news_fixtures_bench.py
	$(BIN)/python bench/news_fixtures_bench.py --as-text

clean:
	rm -rf $(VENV) instance *.egg-info
