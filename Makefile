# Makefile: the two commands a new user needs — `make run` and `make check` —
# and `make screenshot`.  Each installs what is missing first.
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD ?= build
ASAN_BUILD ?= build-asan

.PHONY: all deps build run check screenshot clean

all: build

deps:
	@tools/install-deps.sh

build: deps
	@[ -f $(BUILD)/build.ninja ] || meson setup $(BUILD)
	@meson compile -C $(BUILD)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/src/concordat

check: build
	@tools/check.sh $(BUILD) $(ASAN_BUILD)

screenshot: build
	@tools/screenshot.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
