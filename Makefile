PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: chat test bench clean browser screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

chat: $(STAMP)
	$(BIN)/policybot chat

# The browser tests drive Debian's Chromium (and a CJK font for the screenshots). Installed here when missing;
# where that is impossible (not root, no apt-get) the tests say so and skip, except under CI
# (POLICYBOT_REQUIRE_BROWSER=1, set by .ci/run), where a missing browser fails the run.
APT_PACKAGES := chromium fonts-wqy-microhei
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s fonts-wqy-microhei >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "make: installing $(APT_PACKAGES) for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; \
	  else echo "make: Chromium is missing and cannot be installed here (not root or no apt-get): browser tests will skip"; fi; \
	fi

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

# The README's screenshots of the four pages, in Chinese and English, taken by the browser tests.
screenshots: $(STAMP) browser
	POLICYBOT_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/frontends/test_web_browser.py

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache
