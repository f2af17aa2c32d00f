# The two commands: `make run` and `make test`. Everything else here serves them.
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrate demo clean

# A stamp file so that the install reruns only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	@test -x $(PY) || "$$(sh scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=25.1"
	$(PY) -m pip install --quiet -e . --group dev
	@touch $@

# The page checkers the tests run (Nu HTML Checker, axe-core), from npm; skipped without npm.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: the HTML validity and accessibility tests will be skipped."; fi

# The embedded default is for development: DEBUG on (throwaway secret key, plain static files)
# for these steps, unless the environment says otherwise. Without DEBUG the settings are
# production's, which refuse to start without SECRET_KEY and ALLOWED_HOSTS.
run demo migrate: export DEBUG ?= true

migrate: $(VENV)/.installed
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo --if-empty

run: demo
	@$(PY) manage.py demo_login --host $(HOST) --port $(PORT)
	$(PY) manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's Chromium, installed here when missing (scripts/ensure-chromium.sh);
# when it cannot be, they are skipped with the reason (or fail, if NEWSROOM_REQUIRE_BROWSER is set).
test: $(VENV)/.installed node_modules/.installed
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --no-cache --check .
	CHROMIUM="$$(sh scripts/ensure-chromium.sh || true)" $(PY) -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check --no-cache .
	$(BIN)/ruff format --no-cache --check .

format: $(VENV)/.installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .ruff_cache
