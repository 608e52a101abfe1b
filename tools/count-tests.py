#!/usr/bin/python3
# count-tests.py: reads meson's testlog.json files and prints one line,
# "N passed, N failed", counting each TAP subtest; exits 1 on any failure,
# on a missing log, or when nothing ran at all.
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

TAP = re.compile(r"^(not )?ok\b(.*)$")
GOOD = {"OK", "EXPECTEDFAIL"}


def count(entry):
    """Returns (passed, failed, skipped) for one meson test."""
    passed = failed = skipped = 0
    for line in (entry.get("stdout") or "").splitlines():
        m = TAP.match(line)
        if not m:
            continue
        if "# SKIP" in m.group(2).upper():
            skipped += 1
        elif m.group(1):
            failed += 1
        else:
            passed += 1
    result = entry["result"]
    if passed + failed + skipped == 0:
        if result == "SKIP":
            return 0, 0, 1
        return (1, 0, 0) if result in GOOD else (0, 1, 0)
    # A test that crashed part-way fails even if its last line said ok.
    if result not in GOOD and result != "SKIP" and failed == 0:
        failed = 1
    return passed, failed, skipped


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        try:
            with open(path, encoding="utf-8") as log:
                entries = [json.loads(line) for line in log if line.strip()]
        except OSError:
            print(f"{path}: missing: that suite did not run")
            failed += 1
            continue
        for entry in entries:
            p, f, s = count(entry)
            passed, failed, skipped = passed + p, failed + f, skipped + s
            if f:
                print(f"FAILED: {entry['name']} ({path})")
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or skipped or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
