# kintrace: `make run` serves the web app, `make test` runs every test.
# Both install what they need first (Debian packages, uv, the locked Python deps).

PORT ?= 8000
UV_VERSION := 0.13.9
UV := .uv/bin/uv
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install lint test-sqlite test-postgres test-browser test-spark audit messages clean

run: install
	$(BIN)/kintrace run --port $(PORT) $(if $(DEMO),--demo,)

test: install
	scripts/system-packages test
	$(MAKE) --no-print-directory lint test-sqlite test-postgres test-browser test-spark

install: $(VENV)/.installed

$(UV):
	python3 -m venv .uv
	.uv/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	scripts/system-packages build
	$(UV) sync --locked --python python3.11 --quiet
	touch $@

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite:
	$(BIN)/pytest -m "not browser and not spark" -q

# The Django tests again; names and linkage never touch the database.
test-postgres:
	scripts/with-postgres $(BIN)/pytest -m "not browser and not spark" -q -p no:cacheprovider \
		--ignore=tests/names --ignore=tests/linkage

# Linkage on Splink's Spark backend, local[2], small data (Java from the test packages).
test-spark:
	$(BIN)/pytest -m spark -q -p no:cacheprovider tests/linkage

test-browser:
	$(BIN)/pytest -m browser -q

# Known vulnerabilities in the locked dependencies (PyPI's advisory data, through pip-audit).
# --strict fails when a dependency could not be checked, so an unreachable advisory
# service fails the audit instead of passing it; see docs/security.md.
PIP_AUDIT_VERSION := 2.9.0
audit: install
	$(UV) export --locked --no-hashes --no-emit-project --format requirements-txt > $(VENV)/audit-requirements.txt
	$(UV) tool run --from pip-audit==$(PIP_AUDIT_VERSION) pip-audit --strict --no-deps --disable-pip \
		--progress-spinner off -r $(VENV)/audit-requirements.txt

# Refresh the message catalogues after changing strings, translate, then compile.
messages:
	$(BIN)/kintrace makemessages -l ru -l uk -l en --no-obsolete --no-location \
		--ignore=tests --ignore=bench --ignore=data --ignore=scripts
	$(BIN)/kintrace compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) .uv
