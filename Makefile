# The door to the project. A newcomer needs two targets: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run serve loadtest lighthouse validators test test-postgres lint format check bench bench-search bench-editor backup restore lock messages publish-scheduled clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $@

# npm tools, pinned in tools/validators/package-lock.json: the Nu Html Checker (vnu.jar, run
# with Java by tests/browser/test_validators.py) and Lighthouse (make lighthouse).
# --ignore-scripts: vnu-jar's own install script would download a Java runtime.
VALIDATORS := tools/validators/node_modules/.package-lock.json

$(VALIDATORS): tools/validators/package-lock.json
	@command -v npm >/dev/null || (echo "npm is needed: apt-get install nodejs npm" && exit 2)
	npm ci --ignore-scripts --no-audit --no-fund --prefix tools/validators
	touch $@

validators: $(VALIDATORS)

messages: $(VENV)/.installed
	@if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then $(MANAGE) compilemessages --ignore=.venv -v0; fi

run: $(VENV)/.installed messages
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_demo --port $(PORT)
	@echo ""
	@echo "  Site:   http://127.0.0.1:$(PORT)/"
	@echo "  Admin:  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Development-only logins (password condition-guides-dev):"
	@echo "    admin (superuser), editor (Editors), reviewer (Medical reviewers), manager (Site managers)"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The production stack: Varnish on $(PORT) in front of gunicorn on $(PORT)+1
# (deploy/serve.py, docs/deploy.md). Installs Varnish when missing and run as root.
serve: $(VENV)/.installed messages
	$(BIN)/python deploy/serve.py --port $(PORT)

# The Nu Html Checker's test needs tools/validators/; installed here when npm is at hand
# (without it that test is skipped, or fails under CI=1).
test: $(VENV)/.installed messages $(if $(shell command -v npm),$(VALIDATORS))
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Needs DATABASE_URL=postgres://…; .ci/run starts a server and sets it.
test-postgres: $(VENV)/.installed messages
	@test -n "$(DATABASE_URL)" || (echo "Set DATABASE_URL=postgres://… first" && exit 2)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check: $(VENV)/.installed
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

publish-scheduled: $(VENV)/.installed
	$(MANAGE) publish_scheduled

# The production stack (Varnish, gunicorn, nginx, a one-file Django app) measured with wrk,
# then the page queries as content grows. Writes docs/benchmarks.md.
bench: $(VENV)/.installed messages
	$(BIN)/python benchmarks/production.py
	$(BIN)/python benchmarks/pages.py

# 50 visitors and 3 editors on the production stack for 60 s; no errors, no lost writes.
loadtest: $(VENV)/.installed messages
	$(BIN)/python benchmarks/loadtest.py

# Lighthouse (mobile, Debian's Chromium) on the home page and a guide served by the
# production stack with the demo. Reports in benchmarks/reports/; writes docs/benchmarks.md.
lighthouse: $(VENV)/.installed messages $(VALIDATORS)
	$(BIN)/python benchmarks/lighthouse.py

# SQLite always; PostgreSQL too when DATABASE_URL is set. Writes docs/benchmarks.md.
bench-search: $(VENV)/.installed
	$(BIN)/python benchmarks/search.py

# Playwright and Debian's Chromium against a server with the demo; writes docs/benchmarks.md.
bench-editor: $(VENV)/.installed messages
	$(BIN)/python benchmarks/editor.py

# One timestamped archive (database and media) in $(BACKUP_DIR), default backups/.
backup: $(VENV)/.installed
	$(MANAGE) backup $(if $(BACKUP_DIR),--output "$(BACKUP_DIR)")

# Into an empty database and MEDIA_ROOT: make restore FILE=backups/condition-guides-….tar.gz
restore: $(VENV)/.installed
	@test -n "$(FILE)" || (echo "Usage: make restore FILE=backups/condition-guides-<time>.tar.gz" && exit 2)
	$(MANAGE) restore "$(FILE)"

lock: | $(BIN)/python
	$(BIN)/python -m pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --strip-extras --no-header --output-file requirements.lock requirements.txt

clean:
	rm -rf $(VENV) .test-media collected-static
