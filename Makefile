# Makefile: the two commands of PAR Desk.
#   make run    installs what is missing (Debian 12), builds, starts PAR Desk
#   make check  the same set-up, then every test headless; ends with "N passed, N failed"
# and, for developers:
#   make check-sanitize  every test under AddressSanitizer, UndefinedBehaviorSanitizer and
#                        LeakSanitizer (build-sanitize/), then each fuzz target a few seconds
#   make fuzz FUZZ_SECONDS=3600  the fuzz targets of tests/fuzz/ for that long on both cores
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD := build
# make check-sanitize's own build (gcc), never $(BUILD); the fuzz targets (clang) build inside it.
BUILD_SANITIZE := build-sanitize
BUILD_FUZZ := $(BUILD_SANITIZE)/fuzz
FUZZ_TARGETS := criteria-json criteria-csv document-details pdf-signature
FUZZ_SECONDS := 600
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian 12 packages for building, running and testing.
DEBS := gcc make pkg-config meson ninja-build gettext \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev \
	libpoppler-glib-dev libxlsxwriter-dev libminizip-dev libjson-glib-dev libssl-dev libical-dev \
	sqlite3 desktop-file-utils appstream-util appstream libxml2-utils \
	xvfb xauth dbus dbus-daemon dbus-x11 python3 python3-openpyxl python3-icalendar \
	poppler-utils libnss3-tools openssl libcairo2-dev qpdf \
	adwaita-icon-theme fonts-noto-core fonts-dejavu-core \
	locales libreoffice-calc-nogui valgrind xdotool groff-base

# Debian 12 packages that only make check-sanitize and make fuzz need: clang, and its libFuzzer and
# sanitizer runtimes.
SANITIZE_DEBS := clang libclang-rt-14-dev

# The locales the tests run in (make check runs them in both): the users' Vietnamese one, whose
# decimal comma a file written for machines must never show, and English.
LOCALES := vi_VN.UTF-8 en_US.UTF-8

.PHONY: run check check-sanitize fuzz bench deps deps-sanitize build build-sanitize build-fuzz clean

# Installs those of the Debian packages $(1) that are missing.
define install_debs
@missing=$$(for p in $(1); do \
    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
  done); \
if [ -n "$$missing" ]; then \
  echo "Installing:" $$missing; \
  $(SUDO) apt-get update -q && \
  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
fi
endef

deps:
	$(call install_debs,$(DEBS))
	@missing=$$(for l in $(LOCALES); do \
	    locale -a 2>/dev/null | grep -qix "$$(echo $$l | sed 's/UTF-8/utf8/')" || echo $$l; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Generating locales:" $$missing; \
	  for l in $$missing; do \
	    grep -qx "$$l UTF-8" /etc/locale.gen 2>/dev/null || echo "$$l UTF-8" | $(SUDO) tee -a /etc/locale.gen >/dev/null; \
	  done; \
	  $(SUDO) locale-gen; \
	fi

deps-sanitize: deps
	$(call install_debs,$(SANITIZE_DEBS))

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true

$(BUILD_SANITIZE)/build.ninja:
	meson setup $(BUILD_SANITIZE) -Dwerror=true -Db_sanitize=address,undefined

# clang for libFuzzer; only libpar-core and the fuzz targets are built here (clang warns about the
# tests in its own ways, hence no -Dwerror).
$(BUILD_FUZZ)/build.ninja: | $(BUILD_SANITIZE)/build.ninja
	CC=clang meson setup $(BUILD_FUZZ) -Db_sanitize=address,undefined -Dfuzzing=true

build-sanitize: deps-sanitize $(BUILD_SANITIZE)/build.ninja
	ninja -C $(BUILD_SANITIZE)

build-fuzz: deps-sanitize $(BUILD_FUZZ)/build.ninja
	ninja -C $(BUILD_FUZZ) $(FUZZ_TARGETS:%=tests/fuzz/fuzz-%)

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

# Starts on the default file ($$XDG_DATA_HOME/par-desk/par-desk.pardesk), or the last one opened.
run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/src/par-desk

# Headless: an X server of its own (Xvfb) and a D-Bus session bus.
check: build
	@rc=0; \
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  meson test -C $(BUILD) --print-errorlogs --num-processes 2 || rc=$$?; \
	python3 tools/test-summary.py $(BUILD)/meson-logs/testlog.json || rc=1; \
	exit $$rc

# The same tests under the sanitizers (the options are in tests/meson.build, the third-party leaks
# left out in tests/lsan.supp), about 15 minutes, so with longer timeouts; then every fuzz target
# for a few seconds (meson suite 'fuzzing' of $(BUILD_FUZZ)). One summary line for both.
check-sanitize: build-sanitize build-fuzz
	@rc=0; \
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- \
	  meson test -C $(BUILD_SANITIZE) --no-rebuild --print-errorlogs --num-processes 2 --timeout-multiplier 4 \
	    || rc=$$?; \
	meson test -C $(BUILD_FUZZ) --no-rebuild --suite fuzzing --print-errorlogs --num-processes 2 || rc=$$?; \
	python3 tools/test-summary.py $(BUILD_SANITIZE)/meson-logs/testlog.json \
	  $(BUILD_FUZZ)/meson-logs/testlog.json || rc=1; \
	exit $$rc

# Every fuzz target, FUZZ_SECONDS of wall time in all on the 2 cores; the grown corpus and the
# findings stay in $(BUILD_FUZZ)/fuzzing/ for the next run.
fuzz: build-fuzz
	tests/fuzz/run-fuzz.sh --total $(FUZZ_SECONDS) --jobs 2 --work $(BUILD_FUZZ)/fuzzing \
	  $(FUZZ_TARGETS:%=$(BUILD_FUZZ)/tests/fuzz/fuzz-%)

# Performance figures (see the README); not part of make check.
bench: build
	./$(BUILD)/tools/par-desk-bench-index ./$(BUILD)/src/cli/par-desk-cli
	./$(BUILD)/tools/par-desk-bench-evidence 1000
	./$(BUILD)/tools/par-desk-bench-plan ./$(BUILD)/src/cli/par-desk-cli
	./$(BUILD)/tools/par-desk-bench-inspections ./$(BUILD)/src/cli/par-desk-cli
	./$(BUILD)/tools/par-desk-bench-trust 1000
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data xvfb-run -a -s "-screen 0 1280x1024x24" ./$(BUILD)/tools/par-desk-bench-viewer ./$(BUILD)/src/cli/par-desk-cli
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data xvfb-run -a -s "-screen 0 1280x1024x24" ./$(BUILD)/tools/par-desk-bench-plan-view

# Crash safety (tools/crash-safety.py): CRASH_RUNS kill -9 runs at random moments during score edits,
# imports, exports and batch adds, each followed by `check` and a comparison of the file with the
# acknowledged edits; ends with "runs N, lost edits N, failed checks N, half files N, …".
# CRASH_SEED=N plays the same runs again; CRASH_ARGS=--sync-audit first checks, under strace, that
# nothing acknowledged waits for a sync (what a power cut would lose). make check runs 30 runs.
CRASH_RUNS := 300
.PHONY: crash-safety
crash-safety: build
	python3 tools/crash-safety.py --build $(BUILD) --runs $(CRASH_RUNS) $(if $(CRASH_SEED),--seed $(CRASH_SEED)) \
	  $(CRASH_ARGS)

clean:
	rm -rf $(BUILD)
