# Aftersales Desk. Two commands for a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds, starts the desktop app
#   make test   installs what the tests need, runs every test
# Each target installs what it needs first, so a clean clone works.

SHELL := /bin/bash
.DEFAULT_GOAL := run

# A target folder outside the clone, when this machine keeps one, saves a cold build on every fresh clone.
CACHE_TARGET := $(HOME)/.cache/aftersales-desk/target
export CARGO_TARGET_DIR ?= $(if $(wildcard $(CACHE_TARGET)),$(CACHE_TARGET),$(CURDIR)/target)
APP_BIN := $(CARGO_TARGET_DIR)/debug/aftersales-desk
CLI_BIN := $(CARGO_TARGET_DIR)/debug/aftersales
TEST_OUTPUT ?= $(CURDIR)/test-output
CARGO := cargo
TAURI := $(CURDIR)/ui/node_modules/.bin/tauri

.PHONY: run test bench app cli ui ui-deps system-deps test-system-deps tauri-driver bindings \
        test-engine test-medusa test-ui test-browser test-window test-package test-fuzz fuzz bundle screenshot clean bench-window lint

## Installing

system-deps:
	@./scripts/install-system-deps.sh

test-system-deps:
	@./scripts/install-system-deps.sh --test

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

ui-deps: ui/node_modules/.package-lock.json

tauri-driver:
	@command -v tauri-driver >/dev/null || $(CARGO) install tauri-driver --locked

## Building

ui: ui-deps
	cd ui && npm run build

cli:
	$(CARGO) build --bin aftersales

# `tauri build --debug --no-bundle` makes the standalone binary that serves the built UI (not the dev server).
app: system-deps ui
	cd src-tauri && $(TAURI) build --debug --no-bundle

# A release .deb (Tauri's bundler): the app, its desktop entry and icons, and its dependencies declared.
bundle: system-deps ui
	cd src-tauri && $(TAURI) build --bundles deb
	@ls -l $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb

# The TypeScript twins of the DTOs, and what the command table (src/api/commands.rs) makes outside the engine.
bindings:
	$(CARGO) run --quiet --bin aftersales -- bindings > ui/src/bindings.ts
	$(CARGO) run --quiet --bin aftersales -- bindings --backend > ui/src/backend/Backend.ts
	$(CARGO) run --quiet --bin aftersales -- bindings --capabilities > src-tauri/capabilities/default.json

## Benchmarks (figures and ratios, each beside its target; see the README)

bench: test-system-deps ui tauri-driver
	$(CARGO) bench --bench sync
	$(CARGO) bench --bench exports
	$(CARGO) bench --bench metrics
	$(CARGO) bench --bench imports
	$(CARGO) bench --bench lists
	$(MAKE) bench-window

# The window at full size: a release build of the app on a 200,000-order shop synced from the demo shop; each
# page's time to its first rows and the memory of all the app's processes, beside their targets.
bench-window: ui
	cd src-tauri && $(TAURI) build --no-bundle
	$(CARGO) build --release --bin aftersales
	mkdir -p $(TEST_OUTPUT)
	APP_BIN=$(CARGO_TARGET_DIR)/release/aftersales-desk AFTERSALES_BIN=$(CARGO_TARGET_DIR)/release/aftersales \
	  SCALE_ORDERS=$${SCALE_ORDERS:-200000} SCALE_ROUNDS=$${SCALE_ROUNDS:-3} SCALE_BUILD=release TEST_OUTPUT_DIR=$(TEST_OUTPUT) \
	  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node --test ui/tests/window/scale.test.mjs > $(TEST_OUTPUT)/bench-window.log 2>&1; \
	  status=$$?; grep -E '^# (\||The window)' $(TEST_OUTPUT)/bench-window.log | sed 's/^# //'; exit $$status

## Running

run: app
	$(APP_BIN)

## Testing

# Medusa and PostgreSQL download in the background while the rest builds; test-medusa waits for it (a lock).
test: test-system-deps
	@mkdir -p $(TEST_OUTPUT) && (./scripts/medusa/install.sh > $(TEST_OUTPUT)/medusa-install.log 2>&1 &)
	$(MAKE) ui-deps tauri-driver
	$(MAKE) lint test-engine test-medusa test-ui test-browser test-window test-package test-fuzz

# Clippy over both crates with every warning denied (the stricter lints are in Cargo.toml's [lints]); the UI's
# tsc and eslint run in test-ui.
lint: system-deps ui
	@$(CARGO) clippy --version >/dev/null 2>&1 || rustup component add clippy
	$(CARGO) clippy --all-targets -- -D warnings
	cd src-tauri && $(CARGO) clippy --all-targets -- -D warnings

# `cargo test -p aftersales`, in two lanes side by side (scripts/test-engine.sh): the demo-shop tests mostly wait.
test-engine:
	TEST_OUTPUT_DIR=$(TEST_OUTPUT) ./scripts/test-engine.sh

# The Medusa connector against a real Medusa 2.21 server on PostgreSQL, both installed (cached) and started
# by the script on loopback ports, stopped afterwards.
test-medusa:
	./scripts/medusa/test.sh

# The type check first: it takes half a minute and is what the build after the tests would refuse.
test-ui: ui-deps
	cd ui && npm run typecheck && npm run lint && npm test

test-browser: ui cli
	mkdir -p $(TEST_OUTPUT)
	AFTERSALES_BIN=$(CLI_BIN) TEST_OUTPUT_DIR=$(TEST_OUTPUT) node --test ui/tests/browser/

test-window: app cli
	mkdir -p $(TEST_OUTPUT)
	APP_BIN=$(APP_BIN) AFTERSALES_BIN=$(CLI_BIN) TEST_OUTPUT_DIR=$(TEST_OUTPUT) \
	  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node --test --test-concurrency=1 ui/tests/window/ > $(TEST_OUTPUT)/window-test.log 2>&1; \
	  status=$$?; cat $(TEST_OUTPUT)/window-test.log; exit $$status

# The README's demo pictures (Due soon in English and Chinese), retaken by the demo window test.
screenshot: app cli
	mkdir -p $(TEST_OUTPUT)
	APP_BIN=$(APP_BIN) AFTERSALES_BIN=$(CLI_BIN) TEST_OUTPUT_DIR=$(TEST_OUTPUT) \
	  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node --test ui/tests/window/demo.test.mjs
	cp $(TEST_OUTPUT)/demo-due-en.png docs/screenshot-demo-due-en.png
	cp $(TEST_OUTPUT)/demo-due-zh-CN.png docs/screenshot-demo-due-zh-CN.png

# A short pass of every fuzz target (see scripts/fuzz.sh); `make fuzz` runs each for 10 minutes.
test-fuzz:
	FUZZ_SECONDS=15 ./scripts/fuzz.sh

## Fuzzing (the connectors' response parsers and the file importer; fuzz/)

fuzz:
	./scripts/fuzz.sh

# The same packaging as `make bundle`, of the debug build the window tests use (a release build is many
# minutes): the .deb is inspected, unpacked into a folder of its own, and its binary started under Xvfb.
test-package: app cli
	rm -rf $(CARGO_TARGET_DIR)/debug/bundle/deb
	cd src-tauri && $(TAURI) build --debug --bundles deb
	mkdir -p $(TEST_OUTPUT)
	DEB="$$(ls $(CARGO_TARGET_DIR)/debug/bundle/deb/*.deb)" AFTERSALES_BIN=$(CLI_BIN) TEST_OUTPUT_DIR=$(TEST_OUTPUT) \
	  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- node --test ui/tests/package/ > $(TEST_OUTPUT)/package-test.log 2>&1; \
	  status=$$?; cat $(TEST_OUTPUT)/package-test.log; exit $$status

clean:
	rm -rf ui/dist $(TEST_OUTPUT)
