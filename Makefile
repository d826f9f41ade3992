# Makefile: the two commands of PAR Desk.
#   make run    installs what is missing (Debian 12), builds, starts PAR Desk
#   make check  the same set-up, then every test headless; ends with "N passed, N failed"
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD := build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Debian 12 packages for building, running and testing.
DEBS := gcc make pkg-config meson ninja-build gettext \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev \
	libpoppler-glib-dev libxlsxwriter-dev libminizip-dev libjson-glib-dev libssl-dev \
	sqlite3 desktop-file-utils appstream-util appstream libxml2-utils \
	xvfb xauth dbus dbus-daemon dbus-x11 python3 python3-openpyxl \
	poppler-utils libnss3-tools openssl libcairo2-dev qpdf \
	adwaita-icon-theme fonts-noto-core fonts-dejavu-core \
	locales libreoffice-calc-nogui

# The locales the tests run in (make check runs them in both): the users' Vietnamese one, whose
# decimal comma a file written for machines must never show, and English.
LOCALES := vi_VN.UTF-8 en_US.UTF-8

.PHONY: run check bench deps build clean

deps:
	@missing=$$(for p in $(DEBS); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing:" $$missing; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
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

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true

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

# Performance figures (see the README); not part of make check.
bench: build
	./$(BUILD)/tools/par-desk-bench-index ./$(BUILD)/src/cli/par-desk-cli
	./$(BUILD)/tools/par-desk-bench-evidence 1000
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data xvfb-run -a -s "-screen 0 1280x1024x24" ./$(BUILD)/tools/par-desk-bench-viewer ./$(BUILD)/src/cli/par-desk-cli

clean:
	rm -rf $(BUILD)
