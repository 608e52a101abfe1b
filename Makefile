# Makefile: the two commands a new user needs — `make run` and `make check` —
# and `make screenshot`, `make bench` and `make valgrind`.  Each installs what is missing first.
# SPDX-License-Identifier: GPL-3.0-or-later

BUILD ?= build
ASAN_BUILD ?= build-asan

.PHONY: all deps build run check screenshot bench valgrind fuzz clean

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

# The benchmark, on its own display and session bus: bench/results.json.
# BENCH_SIZE=tiny runs it small, as the tests do.
BENCH_SIZE ?= full
bench: build
	@dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
	  /usr/bin/python3 bench/run.py $(BUILD) --size $(BENCH_SIZE)

# The core tests under valgrind's memcheck: no errors, no definite leaks.
valgrind: build
	@tools/valgrind.sh $(BUILD)

# The fuzz targets in fuzz/, built with clang in build-fuzz, FUZZ_SECONDS
# (default 600) each; what they find is kept in build-fuzz/fuzz/artifacts.
fuzz: deps
	@tools/fuzz.sh

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
