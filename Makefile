PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: chat test bench clean system-packages screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

chat: $(STAMP)
	$(BIN)/policybot chat

# What the tests need from the distribution: Chromium (and CJK and emoji fonts for the screenshots) for the
# browser tests, the PostgreSQL server for the session-store tests (each test starts its own cluster on
# 127.0.0.1 in a temp directory). Installed here when missing; where that is impossible (not root, no apt-get)
# those tests say so and skip, except under CI (.ci/run sets POLICYBOT_REQUIRE_BROWSER and
# POLICYBOT_REQUIRE_POSTGRES), where a missing one fails the run.
APT_PACKAGES := chromium fonts-wqy-microhei fonts-noto-color-emoji postgresql
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing$$missing for the tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "make: missing$$missing and cannot install here (not root or no apt-get): those tests will skip"; fi; \
	fi

test: $(STAMP) system-packages
	$(BIN)/python -m pytest -q

# The README's screenshots of the four pages, in Chinese and English, taken by the browser tests.
screenshots: $(STAMP) system-packages
	POLICYBOT_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/frontends/test_web_browser.py

bench: $(STAMP) system-packages
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache
