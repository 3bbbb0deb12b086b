# `make run`: set up everything and start the app with demo data at http://127.0.0.1:8000
# `make test`: lint, migration check and the whole test suite on local PostgreSQL and Redis
VENV := .venv
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.txt | cut -c1-12)

.PHONY: run test lint format bench messages

$(STAMP): requirements.txt
	test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

run: $(STAMP)
	scripts/run.sh

test: $(STAMP)
	scripts/test.sh

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix . && $(VENV)/bin/ruff format .

messages: $(STAMP)
	$(VENV)/bin/python manage.py makemessages -l id -l en --no-obsolete --ignore=.venv --ignore=.data
	$(VENV)/bin/python manage.py compilemessages --ignore=.venv

bench: $(STAMP)
	scripts/bench.sh
